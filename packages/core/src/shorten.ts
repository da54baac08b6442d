/**
 * Cutting a text to a length for display, in one place (literature note names, the links' quoted
 * passages).
 */

/**
 * At most `max` code units, cut at a word when one ends in the second half, never inside a surrogate
 * pair, with `…` when anything was cut.
 *
 * @param text The text.
 * @param max The most code units, `…` included.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  if (space > max / 2) cut = cut.slice(0, space)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}
