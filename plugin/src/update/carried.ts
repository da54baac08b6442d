/**
 * The carried library's format, read side: one zstd frame of a JSON object (path → text), written as Z85
 * text (the format and its reasons are in `plugin/carried-library.mjs`, which writes it at build time).
 * Apart from `embedded.ts` so the plugin bench can time it without the bundle.
 */
import { decompress } from 'fzstd'

/** ZeroMQ's Z85 alphabet (RFC 32), as in carried-library.mjs. */
const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#'

/**
 * Z85 text (its byte length, a newline, 5 characters per 4 bytes) back to bytes.
 *
 * @throws On a character outside the alphabet or a length that does not fit.
 */
export function fromZ85(text: string): Uint8Array {
  const newline = text.indexOf('\n')
  const length = Number(text.slice(0, newline))
  const body = text.slice(newline + 1)
  if (newline < 1 || !Number.isInteger(length) || body.length % 5 !== 0 || length > (body.length / 5) * 4 || length <= (body.length / 5) * 4 - 4) {
    throw new Error('de meegeleverde kennisbank is beschadigd (lengte)')
  }
  const value = new Int16Array(128).fill(-1)
  for (let i = 0; i < Z85.length; i++) value[Z85.charCodeAt(i)] = i
  const out = new Uint8Array((body.length / 5) * 4)
  const view = new DataView(out.buffer)
  for (let i = 0, o = 0; i < body.length; i += 5, o += 4) {
    let n = 0
    for (let j = 0; j < 5; j++) {
      const code = body.charCodeAt(i + j)
      const v = code < 128 ? (value[code] ?? -1) : -1
      if (v < 0) throw new Error('de meegeleverde kennisbank is beschadigd (teken)')
      n = n * 85 + v
    }
    if (n > 0xffffffff) throw new Error('de meegeleverde kennisbank is beschadigd (waarde)')
    view.setUint32(o, n)
  }
  return out.subarray(0, length)
}

/**
 * Unpack carried text to its files.
 *
 * @param data The carried text ({@link LIBRARY_DATA}).
 * @returns Each file's path and text.
 */
export function unpackLibrary(data: string): Record<string, string> {
  return JSON.parse(new TextDecoder().decode(decompress(fromZ85(data)))) as Record<string, string>
}
