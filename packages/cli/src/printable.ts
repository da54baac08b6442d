/**
 * Text from notes and file names, made safe to print. A note or a file name can hold control characters:
 * `ESC c` resets a terminal, `ESC [2J` clears it (and with it what a pre-commit hook printed before), a
 * line break in a file name forges a line `pad:regel:kolom  fout  …`, and bidirectional controls make
 * text read differently from what it is. Every command passes such text through {@link printable}
 * before it prints it; nothing is dropped, each character is shown as a visible stand-in.
 */

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidirectional controls
// (embeddings, overrides, isolates and marks).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * A text with every control character made visible: a C0 control as its Control Pictures symbol
 * (`\x1b` → `␛`, tab → `␉`, carriage return → `␍`), a line break as `␤`, and DEL, C1 controls, line
 * separators and bidirectional controls as `\u007f`, `\u009b`, `\u2028`, `\u202e`.
 *
 * @param text Text that came from a note or a file name: a path, a title, a quoted piece of a note.
 * @returns One line of text that a terminal shows as it is.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0)
    if (code === 0x0a) return '\u2424'
    if (code < 0x20) return String.fromCharCode(0x2400 + code)
    return `\\u${code.toString(16).padStart(4, '0')}`
  })
}

// The same, but keeping tabs, line breaks and the CR of a CRLF: what whole outputs (reports, exports,
// JSON) may hold on purpose.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_OUTPUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g

/**
 * Whole output made safe to print, as a last line of defence behind {@link printable}: every control
 * character is made visible as there, except tabs, line breaks and CRLF line ends. JSON stays JSON with
 * the same value: JSON escapes C0 controls itself, and what is left (C1, separators, bidirectional
 * controls) can only stand inside its strings, where `\u009b` is the same character.
 *
 * @param text What a command writes to standard output or standard error.
 */
export function printableOutput(text: string): string {
  return text.replace(UNSAFE_IN_OUTPUT, (c) => printable(c))
}
