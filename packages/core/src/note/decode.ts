/**
 * Turning file contents into note text: the checks that keep bad files from reaching the parser. Every
 * note the core reads, in the library and as a case note, passes here ({@link decodeSource}).
 */
import { problem, type Problem } from '../problem.js'

/** Options for {@link decodeSource}. */
export interface Options {
  /** Largest note accepted, in bytes (default 2 MiB). Larger notes are reported and skipped. */
  maxBytes?: number
}

/** The default largest note, in bytes. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024

/** What decoding gave: the text, or the one problem that stops this file from loading. */
export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem }

/** What the caller could read of a file: its bytes, its text, only its size (over the limit), or why not. */
export interface Source {
  bytes?: Uint8Array
  text?: string
  /** The file's size in bytes, when known before reading: a file over the limit is reported unread. */
  size?: number
  /** Why the file could not be read at all (in Dutch, e.g. "geen toegang"), when the caller could not read it. */
  unreadable?: string
}

/**
 * The text of a note file, or the one problem that keeps it out: unreadable, too large, binary, not
 * UTF-8 (each with its own Dutch message).
 *
 * @param source What the caller read.
 * @param file The file's path, for the problem message.
 * @param options Limits.
 */
export function decodeSource(source: Source, file: string, options: Options = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (source.unreadable !== undefined) {
    return { ok: false, problem: problem(file, undefined, 'error', 'unreadable', `Dit bestand of deze map kon niet gelezen worden (${source.unreadable}) en is overgeslagen.`) }
  }
  if (source.size !== undefined && source.size > maxBytes) return { ok: false, problem: tooLargeProblem(file, source.size, maxBytes) }
  return source.bytes !== undefined ? decodeNote(source.bytes, file, options) : checkNoteText(source.text ?? '', file, options)
}

/**
 * Decode the bytes of a note file: refuses binary files, text that is not UTF-8 and oversized files,
 * removes a byte-order mark and normalises line ends to `\n`.
 *
 * @param bytes The file's contents.
 * @param file The file's path, for the problem message.
 * @param options Limits.
 */
export function decodeNote(bytes: Uint8Array, file: string, options: Options = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length > maxBytes) {
    return { ok: false, problem: tooLargeProblem(file, bytes.length, maxBytes) }
  }
  if (isUtf16(bytes)) {
    return {
      ok: false,
      problem: problem(file, undefined, 'error', 'encoding', 'Dit bestand is UTF-16-tekst en is overgeslagen. Sla het op als UTF-8 (zonder andere tekenset).')
    }
  }
  if (bytes.indexOf(0) !== -1) {
    return {
      ok: false,
      problem: problem(file, undefined, 'error', 'binary', 'Dit bestand is geen tekst (het bevat binaire gegevens) en is overgeslagen.')
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    return {
      ok: false,
      problem: problem(
        file,
        at,
        'error',
        'encoding',
        'Dit bestand is geen geldige UTF-8-tekst en is overgeslagen. Sla het op als UTF-8 (zonder andere tekenset).'
      )
    }
  }
  return checkNoteText(text, file, options)
}

/**
 * Check and normalise note text that is already a string (for example from Obsidian's `cachedRead`):
 * size limit, byte-order mark, line ends.
 */
export function checkNoteText(text: string, file: string, options: Options = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  // Every UTF-16 code unit takes at least one UTF-8 byte, so the length is a cheap lower bound of the size:
  // this never refuses a note within the limit (a note of mostly non-ASCII text may pass slightly over it).
  if (text.length > maxBytes) return { ok: false, problem: tooLargeProblem(file, text.length, maxBytes) }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  return { ok: true, text }
}

/** The problem for a note over the size limit. */
export function tooLargeProblem(file: string, size: number, max: number): Problem {
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1).replace('.', ',')
  return problem(
    file,
    undefined,
    'error',
    'too-large',
    `Deze notitie is te groot (${mb(size)} MB; de grens is ${mb(max)} MB) en is overgeslagen. Splits haar in kleinere notities.`
  )
}

/**
 * Whether bytes look like UTF-16 text: a UTF-16 byte-order mark, or (without one) a zero byte in every
 * other place of the first characters, as ASCII letters in UTF-16 have.
 */
function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true
  const n = Math.min(bytes.length, 64) & ~1
  if (n < 8) return false
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenZero++
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddZero++
  }
  return evenZero === n / 2 || oddZero === n / 2
}

/** Line and column of the first byte sequence that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1
  let column = 1
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] as number
    let need = 0
    if (b < 0x80) need = 0
    else if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) need = 2
    else if (b >= 0xf0 && b <= 0xf4) need = 3
    else return { line, column }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, column }
    }
    if (b === 10) {
      line++
      column = 1
    } else {
      column++
    }
    i += need + 1
  }
  return { line, column }
}
