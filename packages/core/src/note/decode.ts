/**
 * Turning file contents into note text: the checks that keep bad files from reaching the parser.
 */
import { problem, type Problem } from '../problem.js'

/** Options for {@link decodeNote} and {@link checkNoteText}. */
export interface Options {
  /** Largest note accepted, in bytes (default 2 MiB). Larger notes are reported and skipped. */
  maxBytes?: number
}

/** The default largest note, in bytes. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024

/** What decoding gave: the text, or the one problem that stops this file from loading. */
export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem }

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
