/**
 * Exchange with reference managers: CSL-JSON, BibTeX and RIS (what Zotero, Mendeley and EndNote read and
 * write), through citation-js's plugins. Writing and recognising the formats are here; reading a file
 * entry by entry is in `read.ts`. Input types are always named explicitly, never guessed by citation-js,
 * so a URL or DOI in a file is never fetched.
 */
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CSL, CSLName } from '@citation-js/core'

/** The exchange formats. */
export const EXCHANGE_FORMATS = ['csl-json', 'bibtex', 'ris'] as const
/** One of {@link EXCHANGE_FORMATS}. */
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number]

/**
 * Write CSL items in an exchange format.
 *
 * @param items CSL-JSON items (see `toCsl`).
 * @param format `csl-json` (an array, indented), `bibtex` or `ris`.
 * @returns The file's text, ending in a line break.
 */
export function writeReferences(items: readonly CSL[], format: ExchangeFormat): string {
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`
  if (items.length === 0) return ''
  if (format === 'bibtex') return `${(plugins.output.format('bibtex', items.map(bibtexThesis), { format: 'text' }) as string).trim()}\n`
  return `${items.map(risRecord).join('\n')}\n`
}

/**
 * Recognise an exchange format from a file's text: JSON (`[` or `{`) is CSL-JSON, a line `TY  - ` is RIS,
 * an entry `@type{` is BibTeX.
 *
 * @returns The format, or `undefined` when none fits.
 */
export function detectExchangeFormat(text: string): ExchangeFormat | undefined {
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('[') || body.startsWith('{')) return 'csl-json'
  if (/^TY {2}- /m.test(body)) return 'ris'
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(body)) return 'bibtex'
  return undefined
}

// citation-js writes @phdthesis only for the genre "PhD thesis" or "Doctoral thesis"; our "Proefschrift"
// (or an imported "Doctoral dissertation") would become @misc, which readers do not take for a thesis.
function bibtexThesis(item: CSL): CSL {
  if (item.type !== 'thesis') return item
  if (/^(?:doctoral dissertation|proefschrift)$/i.test(item.genre ?? '')) return { ...item, genre: 'PhD thesis' }
  // Likewise @mastersthesis only for "Master's thesis", not our "Masterscriptie".
  if (/^masterscriptie$/i.test(item.genre ?? '')) return { ...item, genre: "Master's thesis" }
  return item
}

// RIS has one name form, "Family, Given", and no place for particles: write "van der Helm, P." so the
// particle is not lost, and read it back with the particle split off again.
function risRecord(item: CSL): string {
  const flat: CSL = { ...item }
  for (const role of ['author', 'editor'] as const) {
    const list = item[role]
    if (list) flat[role] = list.map(particleInFamily)
  }
  // citation-js maps the fields (its "mixed" RIS specification); the lines are written here, because its
  // own writer breaks values every 70 characters, mid-word, and its reader joins the pieces with a space.
  const [tags = {}] = formatAny('ris', [flat], { format: 'object' }) as unknown as Array<Record<string, unknown>>
  // It also leaves out the DOI (DO) and edition (ET) of some record types (CHAP, THES); RIS has both for all.
  if (item.DOI && tags['DO'] === undefined) tags['DO'] = item.DOI
  if (item.edition !== undefined && tags['ET'] === undefined) tags['ET'] = String(item.edition)
  // And it turns an en dash in a page range into a hyphen; RIS takes the range as written.
  if (item.page !== undefined && tags['SP'] !== undefined && tags['EP'] === undefined) tags['SP'] = String(item.page)
  const lines = [`TY  - ${String(tags['TY'] ?? 'GEN')}`]
  for (const [tag, value] of Object.entries(tags)) {
    if (tag === 'TY' || tag === 'ER') continue
    for (const v of ([] as unknown[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`)
  }
  lines.push('ER  - ')
  return lines.join('\n')
}

/** `plugins.output.format` for formats whose plugin brings no types (RIS). */
function formatAny(name: string, data: CSL[], options: Record<string, unknown>): unknown {
  return (plugins.output.format as unknown as (name: string, data: CSL[], options: Record<string, unknown>) => unknown)(name, data, options)
}

function particleInFamily(name: CSLName): CSLName {
  const particle = name['non-dropping-particle']
  if (!particle || name.literal !== undefined) return name
  const flat: CSLName = { ...name, family: `${particle} ${name.family ?? ''}`.trim() }
  delete flat['non-dropping-particle']
  return flat
}

/** A CSL item read from RIS, with the particles that RIS keeps in the family name split off again. */
export function fromRis(item: CSL): CSL {
  const out: CSL = { ...item }
  for (const role of ['author', 'editor'] as const) {
    const list = item[role]
    if (list) out[role] = list.map(particleOutOfFamily)
  }
  return out
}

function particleOutOfFamily(name: CSLName): CSLName {
  if (name.literal !== undefined || !name.family || name['non-dropping-particle']) return name
  const words = name.family.split(' ')
  let split = 0
  while (split < words.length - 1 && /^['’]?\p{Ll}/u.test(words[split] ?? '')) split++
  if (split === 0) return name
  return { ...name, 'non-dropping-particle': words.slice(0, split).join(' '), family: words.slice(split).join(' ') }
}
