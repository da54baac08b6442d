/**
 * New literatuur notes from imported references: the note's name as the library writes it
 * (`Menger 2018`, `Simpson & Penney 2011`, `Menger et al. 2016`), its text, and duplicate detection by
 * DOI and by normalised title and year.
 */
import { bareDoi, LITERATURE_FIELDS, withoutControls, type LiteratureFields } from './fields.js'
import { familyName, parseName } from './names.js'
import { shorten } from '../shorten.js'

/** The longest author part of a note name, in UTF-16 code units: at most 180 bytes of UTF-8. */
const MAX_WHO = 60

/**
 * The name of a literatuur note for these fields, as the report cites it: one author `Menger 2018`, two
 * `Simpson & Penney 2011`, three or more `Menger et al. 2016`. Characters that cannot stand in a file
 * name or wikilink (`/ \ : * ? " < > | # ^ [ ]`) and control characters are left out, and so are
 * leading dots (hidden files); an author without a letter or digit (`....`) is left out. The author part
 * is cut at a word, with `…`, after 60 characters, so that the name (with a letter after it, `.md` and
 * ` (nieuwe versie)`) fits any file system; without any author it is `Zonder auteur`.
 *
 * @param fields The fields of the note.
 * @returns The name, without `.md`.
 */
export function literatureNoteName(fields: Pick<LiteratureFields, 'auteurs' | 'jaar'>): string {
  const families = fields.auteurs.map((a) => safeName(familyName(parseName(a)))).filter((f) => /[\p{L}\p{N}]/u.test(f))
  const who = families.length >= 3 ? `${families[0]} et al.` : families.join(' & ')
  return `${shorten(who, MAX_WHO) || 'Zonder auteur'} ${safeName(String(fields.jaar ?? 'z.d.'))}`
}

function safeName(text: string): string {
  return withoutControls(text)
    .replace(/[/\\:*?"<>|#^[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+\s*/, '')
}

/** Options for {@link literatureNoteText}. */
export interface NoteTextOptions {
  /** The note's `bron`; default `["Import"]`. */
  bron?: string[]
  /** The note's name, for its heading and aliases; default {@link literatureNoteName}. */
  name?: string
  /** Text under the heading `## Waarvoor het rapport deze bron gebruikt`. */
  body?: string
}

/**
 * The text of a new literatuur note: frontmatter with the fields in the library's order (strings quoted,
 * `jaar` a number), the aliases `Name (2018)` and `Name, 2018`, a heading and the body section.
 *
 * @param fields The bibliographic fields.
 * @param options `bron`, `name` and `body`.
 * @returns Markdown, ending in a line break.
 */
export function literatureNoteText(fields: LiteratureFields, options: NoteTextOptions = {}): string {
  const name = options.name ?? literatureNoteName(fields)
  const lines = ['---', 'type: literatuur']
  const record = fields as unknown as Record<string, unknown>
  for (const key of LITERATURE_FIELDS) {
    const value = record[key]
    if (value === undefined) continue
    if (Array.isArray(value)) lines.push(`${key}: [${value.map((v) => JSON.stringify(v)).join(', ')}]`)
    else if (typeof value === 'number') lines.push(`${key}: ${value}`)
    else lines.push(`${key}: ${JSON.stringify(value)}`)
  }
  lines.push(`bron: [${(options.bron ?? ['Import']).map((b) => JSON.stringify(b)).join(', ')}]`)
  const cited = literatureNoteName(fields).replace(/ (\S+)$/, '')
  const year = String(fields.jaar ?? 'z.d.')
  lines.push(`aliases: [${[`${cited} (${year})`, `${cited}, ${year}`].map((a) => JSON.stringify(a)).join(', ')}]`)
  lines.push('---', `# ${name}`, '', '## Waarvoor het rapport deze bron gebruikt')
  if (options.body !== undefined && options.body.trim() !== '') lines.push('', options.body.trim())
  return `${lines.join('\n')}\n`
}

/**
 * A title and year reduced for comparison: lower case, without diacritics, punctuation, or differences in
 * spacing; `"De Werkaliantie: in het gedwongen kader"` and `"de werkaliantie in het gedwongen kader."`
 * match.
 */
export function titleKey(title: string, year: number | undefined): string {
  const t = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return `${t}|${year ?? ''}`
}

/**
 * The DOI of a reference for comparison, lower case and without resolver: from `doi`, or else found in
 * `url` (`https://psycnet.apa.org/doi/10.1080/...`).
 *
 * @returns The DOI, or `undefined` when there is none.
 */
export function doiKey(fields: Pick<LiteratureFields, 'doi' | 'url'>): string | undefined {
  if (fields.doi) return bareDoi(fields.doi).toLowerCase()
  const match = fields.url ? /\b(10\.\d{4,9}\/[^\s?#]+)/.exec(fields.url) : null
  return match?.[1]?.toLowerCase()
}

/** A duplicate found by {@link findDuplicate}. */
export interface Duplicate<T> {
  /** The existing reference. */
  match: T
  /** `doi`: the same DOI; `title`: the same normalised title and year. */
  reason: 'doi' | 'title'
}

/**
 * Known references by DOI and by normalised title and year, each key computed once: finding a duplicate
 * among thousands takes two lookups, where {@link findDuplicate} goes through all of them. Gives the same
 * answer as `findDuplicate` over the references in the order they were added.
 */
export class DuplicateIndex<T extends { fields: LiteratureFields }> {
  private readonly byDoi = new Map<string, T>()
  private readonly byTitle = new Map<string, T>()

  /** @param existing References to start with. */
  constructor(existing: Iterable<T> = []) {
    for (const reference of existing) this.add(reference)
  }

  /** Add a reference; an earlier one with the same DOI or title and year stays the match. */
  add(reference: T): void {
    const doi = doiKey(reference.fields)
    if (doi !== undefined && !this.byDoi.has(doi)) this.byDoi.set(doi, reference)
    const title = titleKey(reference.fields.titel, reference.fields.jaar)
    if (!this.byTitle.has(title)) this.byTitle.set(title, reference)
  }

  /**
   * The first added reference with the same DOI, or else the same normalised title and year.
   *
   * @param fields The new reference.
   */
  find(fields: LiteratureFields): Duplicate<T> | undefined {
    const doi = doiKey(fields)
    const byDoi = doi === undefined ? undefined : this.byDoi.get(doi)
    if (byDoi !== undefined) return { match: byDoi, reason: 'doi' }
    const byTitle = this.byTitle.get(titleKey(fields.titel, fields.jaar))
    return byTitle === undefined ? undefined : { match: byTitle, reason: 'title' }
  }
}

/**
 * Find a reference among existing ones with the same DOI, or else the same normalised title and year.
 * For many lookups, keep a {@link DuplicateIndex} instead.
 *
 * @param fields The new reference.
 * @param existing The existing references, each with its fields.
 * @returns The first match, or `undefined`.
 */
export function findDuplicate<T extends { fields: LiteratureFields }>(fields: LiteratureFields, existing: Iterable<T>): Duplicate<T> | undefined {
  return new DuplicateIndex(existing).find(fields)
}
