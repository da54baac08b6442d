/**
 * Stands in for `decode-named-character-reference` (micromark's) in the bundle. Its browser build decodes
 * an entity by setting `innerHTML`, which Obsidian's guidelines rule out; its other build carries a table
 * of all 2,125 HTML entities (35 KiB). This one lets the browser's HTML parser decode the entity in an
 * inert document (`DOMParser`: nothing runs, nothing is attached), with the same checks as the original.
 */

/**
 * Decode a named character reference (without the `&` and `;`), e.g. `amp` → `&`.
 *
 * @param value The name.
 * @returns The character(s), or `false` when it is not a (complete) named reference.
 */
export function decodeNamedCharacterReference(value: string): string | false {
  const reference = `&${value};`
  const character = new DOMParser().parseFromString(reference, 'text/html').body.textContent ?? reference
  // A reference that needs no semicolon (`&not`) matched only part of the name: `&notit;` gives `¬it;`.
  if (character.charCodeAt(character.length - 1) === 59 && value !== 'semi') return false
  return character === reference ? false : character
}
