/**
 * Names as APA 7 prints them: `van der Helm, G. H. P.` in the reference list, `G. H. P. van der Helm` for
 * the editors of a book, `van der Helm` in a citation. Given names become initials the way citeproc-js
 * makes them (`Jean-Pierre` → `J.-P.`, `Th.` stays), which the tests hold this module to.
 */
import type { CSLName } from '@citation-js/core'

const ROMANESQUE = /^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c-\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]/
const INITIAL =
  /^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7\u03fd-\u03ff])([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff\u0370-\u03ff\u1f00-\u1fff]*|)(\.)*/

/**
 * Given names as initials, each followed by `. `: `Anna Maria` → `A. M.`, `G.H.P.` → `G. H. P.`,
 * `Jean-Pierre` → `J.-P.`; an abbreviation such as `Th.` and lower-case words stay as they are.
 */
export function initials(given: string): string {
  if (given === 'Lord' || given === 'Lady' || !ROMANESQUE.test(given)) return given
  let name = given.replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').replace(/-([a-z])/g, '\u2013$1')
  for (let i = name.length - 2; i > -1; i--) {
    if (name.charAt(i) === '.' && name.charAt(i + 1) !== ' ') name = `${name.slice(0, i)}. ${name.slice(i + 1)}`
  }
  const list = name.split(/([-\s]+)/)
  if (list.length === 1) {
    const tail = /[^.]+$/.exec(list[0] ?? '')?.[0]
    if (tail !== undefined && tail.length === 1 && tail !== tail.toLowerCase()) list[0] += '.'
  }
  for (let i = 0; i < list.length; i += 2) {
    const word = list[i] ?? ''
    if (word === '') continue
    const m = INITIAL.exec(word)
    let head = m?.[1] ?? ''
    let rest = m?.[2] ?? ''
    if (m && rest !== '' && m[3] !== undefined) {
      head += rest
      rest = ''
    }
    if (m && head.charAt(0) === head.charAt(0).toUpperCase()) {
      let upper = ''
      for (const c of rest) {
        if (c !== c.toUpperCase()) break
        upper += c
      }
      list[i] = head + (upper.length < rest.length ? upper.toLowerCase() : '')
      if (i < list.length - 1) list[i + 1] = (list[i + 1] ?? '').includes('-') ? '. -' : '. '
      else list.push('. ')
    } else if (ROMANESQUE.test(word) && (!m || m[3] === undefined)) {
      list[i] = ` ${word}`
    }
  }
  return list
    .join('')
    .replace(/[\t\n\v\f\r \ufeff\u00a0]+$/, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/[\t\n\v\f\r ]+/g, ' ')
    .replace(/\u2013([a-z])/g, '-$1')
}

const part = (value: string | undefined): string => (value ?? '').trim()

/** The family name with its particles (`van der Helm`), or the organisation. */
export function shortName(name: CSLName): string {
  if (part(name.literal) !== '') return part(name.literal)
  return [part(name['dropping-particle']), part(name['non-dropping-particle']), part(name.family)].filter((p) => p !== '').join(' ')
}

/** A name in the reference list: family name first, `van der Helm, G. H. P.`, `Smith, J., Jr.`. */
export function invertedName(name: CSLName): string {
  const family = shortName(name)
  if (part(name.literal) !== '') return family
  const given = initials(part(name.given))
  return [family, given, part(name.suffix)].filter((p) => p !== '').join(', ')
}

/** A name with the initials first, as for the editors of a book: `G. H. P. van der Helm`. */
export function directName(name: CSLName): string {
  const family = shortName(name)
  if (part(name.literal) !== '') return family
  const withGiven = [initials(part(name.given)), family].filter((p) => p !== '').join(' ')
  return part(name.suffix) === '' ? withGiven : `${withGiven}, ${part(name.suffix)}`
}

/**
 * What a reference list sorts a name on: the family name, `|`, then initials and particles
 * (`Doorn|L. van`), as citeproc-js's sort keys.
 */
export function sortName(name: CSLName): string {
  if (part(name.literal) !== '') return part(name.literal)
  const second = [initials(part(name.given)), part(name['dropping-particle']), part(name['non-dropping-particle'])].filter((p) => p !== '').join(' ')
  return [[part(name.family), second].filter((p) => p !== '').join('|'), part(name.suffix)].filter((p) => p !== '').join(' ')
}
