/**
 * Literatuur notes as CSL-JSON items (the data model of citeproc, Zotero and citation-js) and back.
 *
 * `soort` maps to a CSL type (`proefschrift` and `scriptie` both to `thesis`, told apart by `genre`),
 * `tijdschrift` and `boektitel` to `container-title`, `opmerking` to `note`. Every bibliographic field
 * survives the way there and back: {@link cslToFields} of {@link fieldsToCsl} gives the fields again.
 */
import type { CSL, CSLName, CSLType } from '@citation-js/core'
import type { GraphNode } from '../graph/graph.js'
import { bareDoi, literatureFields, withoutControls, type LiteratureFields, type LiteratureKind } from './fields.js'
import { formatName, parseName } from './names.js'

/** A CSL-JSON item and name, as citation-js types them. */
export type { CSL as CslItem, CSLName as CslName } from '@citation-js/core'

const TYPES: Record<LiteratureKind, CSLType> = {
  artikel: 'article-journal',
  boek: 'book',
  hoofdstuk: 'chapter',
  rapport: 'report',
  proefschrift: 'thesis',
  scriptie: 'thesis',
  webpagina: 'webpage'
}

/** The `genre` of a thesis, as Dutch APA 7 prints it between brackets (`[Proefschrift]`, `[Masterscriptie]`). */
export const THESIS_GENRES = { proefschrift: 'Proefschrift', scriptie: 'Masterscriptie' } as const

/**
 * A literatuur note as a CSL-JSON item. Its `id` is the note's id (`Menger 2018`), its `citation-key`
 * the same without spaces and punctuation (`Menger2018`), and `language` a guess from the title (see
 * {@link guessLanguage}).
 *
 * @param node A node of type `literatuur` (other nodes are read the same way, with few fields).
 */
export function toCsl(node: GraphNode): CSL {
  return fieldsToCsl(literatureFields(node.note.frontmatter, node.title), node.id)
}

/**
 * Bibliographic fields as a CSL-JSON item.
 *
 * @param fields The fields of a literatuur note.
 * @param id The item's id.
 */
export function fieldsToCsl(fields: LiteratureFields, id: string): CSL {
  const item: CSL = { id, type: TYPES[fields.soort], 'citation-key': citationKey(id) }
  if (fields.auteurs.length > 0) item.author = fields.auteurs.map(parseName)
  if (fields.redacteuren) item.editor = fields.redacteuren.map(parseName)
  if (fields.jaar !== undefined) item.issued = { 'date-parts': [[fields.jaar]] }
  item.title = fields.titel
  const container = fields.soort === 'hoofdstuk' ? fields.boektitel : fields.tijdschrift
  if (container !== undefined) item['container-title'] = container
  // A journal given for a chapter, or a book title for anything else, has no CSL place: keep it anyway.
  if (fields.soort === 'hoofdstuk' && fields.tijdschrift !== undefined) item['collection-title'] = fields.tijdschrift
  if (fields.soort !== 'hoofdstuk' && fields.boektitel !== undefined) item['volume-title'] = fields.boektitel
  if (fields.soort === 'proefschrift' || fields.soort === 'scriptie') item.genre = THESIS_GENRES[fields.soort]
  if (fields.jaargang !== undefined) item.volume = fields.jaargang
  if (fields.nummer !== undefined) item.issue = fields.nummer
  if (fields.paginas !== undefined) item.page = fields.paginas
  if (fields.editie !== undefined) item.edition = fields.editie
  if (fields.uitgever !== undefined) item.publisher = fields.uitgever
  if (fields.doi !== undefined) item.DOI = fields.doi
  if (fields.url !== undefined) item.URL = fields.url
  if (fields.opmerking !== undefined) item.note = fields.opmerking
  item.language = guessLanguage(`${fields.titel} ${container ?? ''}`)
  return item
}

/** Why {@link cslToFields} could not make a literatuur note of an item. */
export type Incomplete = 'no-title' | 'no-year' | 'no-author'

const NAME_PARTS = ['family', 'given', 'literal', 'suffix', 'dropping-particle', 'non-dropping-particle'] as const
const ROLES = { author: 'auteur', editor: 'redacteur' } as const

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string' || typeof value === 'number'

/**
 * What is wrong with the shape of a CSL-JSON item, for the fields a note is made from: a title that is
 * not text, names that are not a list of name objects with text parts, a date that is not a CSL date.
 *
 * @returns A Dutch description, or `undefined` when the item has the right shape.
 */
function invalidField(item: CSL): string | undefined {
  const record = item as unknown as Record<string, unknown>
  if (!isText(record['title'])) return 'de titel (title) is geen tekst'
  for (const [role, label] of Object.entries(ROLES)) {
    const list = record[role]
    if (list === undefined || list === null) continue
    if (!Array.isArray(list)) return `${label} (${role}) moet een lijst van namen zijn, zoals [{"family": "Jansen", "given": "J."}]`
    for (const [i, name] of list.entries()) {
      if (!isObject(name)) return `${label} ${i + 1} (${role}) is geen naam, zoals {"family": "Jansen", "given": "J."}`
      const part = NAME_PARTS.find((p) => name[p] !== undefined && name[p] !== null && typeof name[p] !== 'string')
      if (part !== undefined) return `${label} ${i + 1} (${role}): ${part} is geen tekst`
    }
  }
  const issued = record['issued']
  if (issued !== undefined && issued !== null) {
    const parts = isObject(issued) ? issued['date-parts'] : undefined
    if (!isObject(issued) || (parts !== undefined && !(Array.isArray(parts) && (parts[0] === undefined || Array.isArray(parts[0])))) || !isText(issued['literal']) || !isText(issued['raw'])) {
      return 'het jaar (issued) is geen datum, zoals {"date-parts": [[2020]]}'
    }
  }
  return undefined
}

/**
 * A CSL-JSON item (from Zotero, BibTeX or RIS) as the fields of a literatuur note.
 *
 * Without authors, the editors become the authors, and without those the publisher (APA's group author).
 * The type picks `soort`: journal, magazine and newspaper articles are `artikel`; chapters, encyclopedia
 * entries and conference papers `hoofdstuk`; a thesis is a `scriptie` when its genre says master or
 * bachelor, else a `proefschrift`; web pages and posts `webpagina`; anything else `rapport`.
 *
 * Control characters are left out of every text; a name without a letter or digit (`....`) is no name.
 *
 * @param item A CSL-JSON item, as read from any file: its shape is checked.
 * @returns The fields; or what is missing for a note (`titel`, `jaar` and `auteurs` are required); or,
 *   for an item of the wrong shape (an author that is a string, a name part that is a number), what is
 *   wrong, in Dutch.
 */
export function cslToFields(item: CSL): { fields: LiteratureFields } | { missing: Incomplete } | { invalid: string } {
  const invalid = invalidField(item)
  if (invalid !== undefined) return { invalid }
  const title = clean(item.title)
  if (title === undefined) return { missing: 'no-title' }
  const year = yearOf(item)
  if (year === undefined) return { missing: 'no-year' }
  const soort = kindOf(item)
  const editors = names(item.editor)
  let authors = names(item.author)
  let editorsAsAuthors = false
  if (authors.length === 0 && editors.length > 0) {
    authors = editors
    editorsAsAuthors = true
  }
  const publisher = clean(item.publisher)
  if (authors.length === 0 && publisher !== undefined) authors = [publisher]
  if (authors.length === 0) return { missing: 'no-author' }

  const fields: LiteratureFields = { auteurs: authors, jaar: year, titel: title, soort }
  const container = clean(item['container-title'])
  const set = (name: keyof LiteratureFields, value: unknown): void => {
    const v = clean(value)
    if (v !== undefined) (fields as unknown as Record<string, unknown>)[name] = v
  }
  if (soort === 'hoofdstuk') {
    set('tijdschrift', item['collection-title'])
    set('boektitel', container)
  } else {
    set('tijdschrift', container)
    set('boektitel', item['volume-title'])
  }
  set('jaargang', item.volume)
  set('nummer', item.issue)
  set('paginas', item.page)
  if (editors.length > 0 && !editorsAsAuthors) fields.redacteuren = editors
  set('uitgever', item.publisher)
  set('editie', item.edition)
  const doi = clean(item.DOI)
  if (doi !== undefined) fields.doi = bareDoi(doi)
  const url = clean(item.URL)
  if (url !== undefined && !(doi !== undefined && bareDoi(url).toLowerCase() === bareDoi(doi).toLowerCase())) fields.url = url
  set('opmerking', item.note)
  return { fields }
}

const DUTCH = new Set(['de', 'het', 'een', 'en', 'van', 'voor', 'naar', 'bij', 'met', 'op', 'over', 'uit', 'door', 'aan', 'als', 'zijn', 'niet', 'ook', 'tussen', 'hoe', 'wat', 'te', 'om', 'dat', 'die', 'er', 'wij', 'je', 'we', 'tijdschrift', 'onderzoek'])
const ENGLISH = new Set(['the', 'of', 'and', 'for', 'with', 'to', 'a', 'an', 'on', 'from', 'by', 'is', 'are', 'why', 'how', 'what', 'into', 'its', 'their', 'towards', 'about', 'journal', 'review', 'study'])

/**
 * Guess whether a title is Dutch or English from its small words. citeproc gives English journal names
 * title case (APA 7); a Dutch name such as *Tijdschrift voor Psychiatrie* must keep its own case.
 *
 * @param text A title, with the journal or book title after it.
 * @returns `nl` when more Dutch than English function words occur, else `en`.
 */
export function guessLanguage(text: string): 'nl' | 'en' {
  let nl = 0
  let en = 0
  for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
    if (DUTCH.has(word)) nl++
    if (ENGLISH.has(word)) en++
  }
  return nl > en ? 'nl' : 'en'
}

/** A BibTeX-safe key: the id without diacritics, spaces and punctuation (`de Wit & van der Helm 2021` → `deWitvanderHelm2021`). */
function citationKey(id: string): string {
  return id.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '') || 'ref'
}

function kindOf(item: CSL): LiteratureKind {
  switch (item.type) {
    case 'article-journal':
    case 'article':
    case 'article-magazine':
    case 'article-newspaper':
    case 'review':
    case 'review-book':
      return 'artikel'
    case 'book':
      return 'boek'
    case 'chapter':
    case 'entry':
    case 'entry-encyclopedia':
    case 'entry-dictionary':
    case 'paper-conference':
      return 'hoofdstuk'
    case 'thesis':
      return /master|mathesis|bachelor|bathesis|diploma|scriptie|\bmsc\b|\bma\b/i.test(item.genre ?? '') ? 'scriptie' : 'proefschrift'
    case 'webpage':
    case 'post':
    case 'post-weblog':
      return 'webpagina'
    case 'document':
      // BibTeX's @misc: with a link and no publisher it is, in practice, a web page.
      return item.URL !== undefined && item.publisher === undefined ? 'webpagina' : 'rapport'
    default:
      return 'rapport'
  }
}

/** A year from 1 to 9999 (`1e300` is none). */
function yearOf(item: CSL): number | undefined {
  const year = item.issued?.['date-parts']?.[0]?.[0]
  const n = typeof year === 'number' ? year : Number(year)
  if (Number.isInteger(n) && n > 0 && n < 10_000) return n
  const literal = item.issued?.literal ?? item.issued?.raw
  const match = literal !== undefined && literal !== null ? /\b(\d{4})\b/.exec(String(literal)) : null
  return match?.[1] ? Number(match[1]) : undefined
}

/** The names of a list, as the library writes them; parts that are not text, and names without a letter or digit, left out. */
function names(list: unknown): string[] {
  if (!Array.isArray(list)) return []
  return list
    .filter(isObject)
    .map((name) => {
      const parts: CSLName = {}
      for (const part of NAME_PARTS) {
        const text = clean(name[part])
        if (text !== undefined) parts[part] = text
      }
      return formatName(parts)
    })
    .filter((n) => /[\p{L}\p{N}]/u.test(n))
}

function clean(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = withoutControls(value).trim().replace(/\s+/g, ' ')
  return trimmed === '' ? undefined : trimmed
}
