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
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}
