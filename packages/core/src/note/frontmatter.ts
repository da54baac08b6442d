/**
 * Frontmatter: the YAML block between `---` lines at the top of a note.
 *
 * The block is found here ({@link findFence}); a block that names another language than YAML is refused
 * (no engine that could run code is ever asked). YAML is read with js-yaml's core schema (no custom tags,
 * dates stay strings), and duplicate keys are errors. Problems carry the line in the file, not in the block.
 */
import yaml from 'js-yaml'
import { positionAt, problem, type Problem } from '../problem.js'
import { yamlProblem } from './yaml-messages.js'

/** The result of {@link parseFrontmatter}. */
export interface Frontmatter {
  /** The parsed fields; empty when there is no frontmatter or it could not be read. */
  data: Record<string, unknown>
  /** The raw YAML text between the fences ('' when absent). */
  raw: string
  /** 1-based line of the first line of `raw` in the file. */
  rawLine: number
  /** Character offset where the body starts. */
  bodyOffset: number
  /** 1-based line where the body starts. */
  bodyLine: number
  /** Whether the note has a frontmatter block (even an unreadable one). */
  present: boolean
  problems: Problem[]
}

/** Where a note's leading frontmatter block is. */
type Fence =
  | { closed: true; language: string; rawStart: number; rawEnd: number; bodyOffset: number }
  | { closed: false }

// Line ends may be `\r\n` for callers with undecoded text (frontmatterEnd); parseFrontmatter gets `\n`.
const OPEN = /^---([^\n]*)\n/
const CLOSE = /^---[ \t]*\r?$/m

/**
 * Find the frontmatter block: a first line of exactly `---` (optionally followed by a language, as in
 * `---yaml`), up to the next line of exactly `---`. A first line of more dashes (`----`) is a thematic
 * break, not a fence. This is the one place that decides where frontmatter ends.
 */
function findFence(text: string): Fence | undefined {
  const open = OPEN.exec(text)
  if (!open) return undefined
  const language = (open[1] ?? '').trim().toLowerCase()
  if (language.startsWith('-')) return undefined
  const rawStart = open[0].length
  const close = CLOSE.exec(text.slice(rawStart))
  if (!close) return { closed: false }
  const afterClose = rawStart + close.index + close[0].length
  return { closed: true, language, rawStart, rawEnd: rawStart + close.index, bodyOffset: text.charCodeAt(afterClose) === 10 ? afterClose + 1 : afterClose }
}

/**
 * Offset where a note's body starts: just after the closing `---` line of its frontmatter, or 0 when it
 * has none (no fence, a `----` rule, or a block that is never closed). The parser, the engine and the
 * plugin all use this, so they agree on what is frontmatter.
 *
 * @param text The note's text (`\n` or `\r\n` line ends).
 */
export function frontmatterEnd(text: string): number {
  const fence = findFence(text)
  return fence?.closed ? fence.bodyOffset : 0
}

/**
 * Split and parse the frontmatter of a note.
 *
 * @param text The note's text, with `\n` line ends.
 * @param file The note's path, for problems.
 */
export function parseFrontmatter(text: string, file: string): Frontmatter {
  const none: Frontmatter = { data: {}, raw: '', rawLine: 1, bodyOffset: 0, bodyLine: 1, present: false, problems: [] }
  const fence = findFence(text)
  if (!fence) return none
  if (!fence.closed) {
    return {
      ...none,
      present: true,
      problems: [
        problem(
          file,
          { line: 1, column: 1 },
          'error',
          'frontmatter-unclosed',
          'De frontmatter wordt niet afgesloten: voeg een regel met alleen `---` toe na de velden. De notitie is zonder velden gelezen.'
        )
      ]
    }
  }
  const { language, bodyOffset } = fence
  const raw = text.slice(fence.rawStart, fence.rawEnd)
  const bodyLine = positionAt(text, bodyOffset).line
  const base = { raw, rawLine: 2, bodyOffset, bodyLine, present: true }

  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      ...base,
      data: {},
      problems: [
        problem(
          file,
          { line: 1, column: 4 },
          'error',
          'frontmatter-engine',
          `De frontmatter vraagt om de taal "${language}". Alleen YAML wordt gelezen (code in een notitie wordt nooit uitgevoerd); verwijder "${language}" achter de eerste \`---\`.`
        )
      ]
    }
  }

  const tab = /^[ ]*\t/m.exec(raw)
  if (tab) {
    const line = base.rawLine + raw.slice(0, tab.index).split('\n').length - 1
    return {
      ...base,
      data: {},
      problems: [
        problem(file, { line, column: tab[0].length }, 'error', 'yaml', 'Ongeldige YAML in de frontmatter: een tab aan het begin van een regel; YAML springt alleen in met spaties. De notitie is zonder velden gelezen.')
      ]
    }
  }

  try {
    const data = readYaml(yamlBlock(raw))
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return {
        ...base,
        data: {},
        problems: [
          problem(file, { line: 2, column: 1 }, 'error', 'frontmatter-not-object', 'De frontmatter moet uit velden bestaan (`naam: waarde`), niet uit een losse waarde of lijst.')
        ]
      }
    }
    // A plain copy: js-yaml builds its objects key by key; the copy is the compact kind of object.
    return { ...base, data: { ...(data as Record<string, unknown>) }, problems: [] }
  } catch (error) {
    return { ...base, data: {}, problems: [yamlProblem(error, file, base.rawLine, raw)] }
  }
}

/**
 * The text the YAML reader gets for a block: what gray-matter handed it when it read the block (the block
 * was `---\n${raw}\n---\n`): from the line break after the opening fence up to the first line that starts
 * with `---` (even `---x`, a quirk kept so that no note reads differently). Kept exactly, so that the data
 * and every YAML message and its line are as they were (`frontmatter.test.ts` compares with gray-matter).
 *
 * @param raw The raw block between the fences.
 */
export function yamlBlock(raw: string): string {
  const text = `\n${raw}\n---\n`
  return text.slice(0, text.indexOf('\n---'))
}

function readYaml(block: string): unknown {
  // gray-matter gave a block of nothing but blank lines and comment lines no YAML reader: `{}`.
  const trimmed = block.trim()
  if (trimmed === '' || (trimmed.startsWith('#') && block.replace(/^\s*#[^\n]+/gm, '').trim() === '')) return {}
  return yaml.safeLoad(block, { schema: yaml.CORE_SCHEMA }) ?? {}
}
