/**
 * Problems found while reading notes or building the graph.
 *
 * Every problem points at a file, a line and a column (1-based), so an editor or a terminal can jump to it.
 */

/** How serious a problem is: errors make `check` fail, warnings do not. */
export type Level = 'error' | 'warning'

/** Machine-readable problem codes; the message says the same in Dutch. */
export type ProblemCode =
  | 'unreadable'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'empty'
  | 'yaml'
  | 'frontmatter-unclosed'
  | 'frontmatter-engine'
  | 'frontmatter-not-object'
  | 'frontmatter-too-wide'
  | 'missing-type'
  | 'unknown-type'
  | 'missing-field'
  | 'wrong-type'
  | 'invalid-value'
  | 'unquoted-link'
  | 'plain-text'
  | 'broken-link'
  | 'ambiguous-link'
  | 'self-link'
  | 'wrong-kind-link'
  | 'duplicate-id'
  | 'orphan'
  | 'signal-count'
  | 'internal'

/** One problem in one file. */
export interface Problem {
  /** Path of the file, relative to the library root, with `/` separators. */
  file: string
  /** 1-based line. */
  line: number
  /** 1-based column. */
  column: number
  level: Level
  code: ProblemCode
  /** A Dutch sentence a person can act on. */
  message: string
}

/** A 1-based position in a file. */
export interface Position {
  line: number
  column: number
}

/**
 * Create a problem.
 *
 * @param file Path of the file.
 * @param position Where in the file (defaults to line 1, column 1).
 * @param level `error` or `warning`.
 * @param code Machine-readable code.
 * @param message Dutch message.
 */
export function problem(
  file: string,
  position: Position | undefined,
  level: Level,
  code: ProblemCode,
  message: string
): Problem {
  return { file, line: position?.line ?? 1, column: position?.column ?? 1, level, code, message }
}

/**
 * Sort problems by file, line and column, errors before warnings at the same place.
 *
 * @returns A new sorted array.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) ||
      compareText(a.message, b.message)
  )
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Line and column (1-based) of a character offset in a text. */
export function positionAt(text: string, offset: number): Position {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}
