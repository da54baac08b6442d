/**
 * Personal names between the library's notation (`"van der Helm, P."`) and CSL name objects.
 *
 * A note writes a name as `Family, Given`. Lower-case words before the family name are a Dutch particle
 * (`van`, `de`, `van der`, `'t`): CSL keeps them as a non-dropping particle, so APA prints them as written
 * and the bibliography sorts on the family name, as Dutch does. A capitalised particle (`Van Meijel`, as
 * Flemish names and some printed references write it) is part of the family name and sorts under V.
 * A name without a comma is an organisation (`DJI`).
 */
import type { CSLName } from '@citation-js/core'

/**
 * Read a name as the library writes it.
 *
 * @param text E.g. `"van der Helm, G. H. P."`, `"Van Meijel, B."` or `"DJI"`.
 * @returns A CSL name: `{ family, given, 'non-dropping-particle'? }`, or `{ literal }` for an organisation.
 */
export function parseName(text: string): CSLName {
  const trimmed = text.trim().replace(/\s+/g, ' ')
  const comma = trimmed.indexOf(',')
  if (comma === -1) return { literal: trimmed }
  const familyPart = trimmed.slice(0, comma).trim()
  const rest = trimmed.slice(comma + 1).split(',').map((s) => s.trim())
  const given = rest[0] ?? ''
  const suffix = rest.slice(1).join(', ')
  const words = familyPart.split(' ')
  let split = 0
  while (split < words.length - 1 && isParticle(words[split] ?? '')) split++
  const name: CSLName = { family: words.slice(split).join(' ') }
  if (split > 0) name['non-dropping-particle'] = words.slice(0, split).join(' ')
  if (given !== '') name.given = given
  if (suffix !== '') name.suffix = suffix
  return name
}

/**
 * Write a CSL name as the library does: `Family, Given`, particles before the family name, an
 * organisation (`literal`) as is.
 *
 * @param name A CSL name, e.g. from an imported BibTeX, RIS or CSL-JSON file.
 * @returns E.g. `"van der Helm, P."`; `''` for a name without any part.
 */
export function formatName(name: CSLName): string {
  if (name.literal !== undefined && name.literal.trim() !== '') return name.literal.trim()
  const particles = [name['dropping-particle'], name['non-dropping-particle']].filter((p): p is string => typeof p === 'string' && p.trim() !== '')
  const family = [...particles, name.family ?? ''].map((p) => p.trim()).filter((p) => p !== '').join(' ')
  const given = (name.given ?? '').trim()
  if (family === '') return given
  const parts = [family]
  if (given !== '') parts.push(given)
  if (name.suffix !== undefined && name.suffix.trim() !== '') parts.push(name.suffix.trim())
  return parts.join(', ')
}

/**
 * The name as a citation shows it: the family name with its particles (`van der Helm`), or the
 * organisation.
 */
export function familyName(name: CSLName): string {
  if (name.literal !== undefined && name.literal.trim() !== '') return name.literal.trim()
  return [name['dropping-particle'], name['non-dropping-particle'], name.family].filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ')
}

/** A word that starts in lower case (`van`, `de`, `'t`, `al`) is a particle when a family name follows. */
function isParticle(word: string): boolean {
  return /^['’]?\p{Ll}/u.test(word)
}
