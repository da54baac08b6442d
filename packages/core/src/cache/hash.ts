/**
 * A fast content hash of a string (cyrb53: two 32-bit multiply-xor lanes, 53 bits), to tell whether a
 * note or a cache file changed. It is no cryptographic hash: it guards against change and damage, not
 * against someone who forges a file on purpose (who could then as well edit the notes).
 */

/**
 * The hash of a text, as 14 hexadecimal digits.
 *
 * @param text Any string.
 * @param seed Another seed gives an independent hash.
 */
export function contentHash(text: string, seed = 0): string {
  const lanes = [0xdeadbeef ^ seed, 0x41c6ce57 ^ seed] as [number, number]
  mix(lanes, text, 0, text.length)
  return finish(lanes)
}

/**
 * {@link contentHash} in steps of `chunk` characters (the generator yields after each), for a caller
 * that must give its thread back while it hashes a large text (the plugin, its persisted index).
 *
 * @returns The same hash as {@link contentHash}.
 */
export function* contentHashSteps(text: string, seed = 0, chunk = 1 << 18): Generator<void, string> {
  const lanes = [0xdeadbeef ^ seed, 0x41c6ce57 ^ seed] as [number, number]
  for (let from = 0; from < text.length; from += chunk) {
    mix(lanes, text, from, Math.min(text.length, from + chunk))
    yield
  }
  return finish(lanes)
}

/** Feed the characters `from`–`to` of a text into the two lanes. */
function mix(lanes: [number, number], text: string, from: number, to: number): void {
  let [h1, h2] = lanes
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  lanes[0] = h1
  lanes[1] = h2
}

function finish([a, b]: [number, number]): string {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909)
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
