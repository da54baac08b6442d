/**
 * Literatuur notes as CSL-JSON items (the data model of citeproc, Zotero and citation-js) and back.
 *
 * `soort` maps to a CSL type (`proefschrift` and `scriptie` both to `thesis`, told apart by `genre`),
 * `tijdschrift` and `boektitel` to `container-title`, `opmerking` to `note`. Every bibliographic field
 * survives the way there and back: {@link cslToFields} of {@link fieldsToCsl} gives the fields again.
 */
import type { CSL, CSLName, CSLType } from '@citation-js/core'
import type { GraphNode } from '../graph.js'
import { bareDoi, literatureFields, type LiteratureFields, type LiteratureKind } from './fields.js'
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

/** The `genre` of a thesis, as APA 7 prints it between brackets. */
export const THESIS_GENRES = { proefschrift: 'Doctoral dissertation', scriptie: "Master's thesis" } as const

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

/**
 * A CSL-JSON item (from Zotero, BibTeX or RIS) as the fields of a literatuur note.
 *
 * Without authors, the editors become the authors, and without those the publisher (APA's group author).
 * The type picks `soort`: journal, magazine and newspaper articles are `artikel`; chapters, encyclopedia
 * entries and conference papers `hoofdstuk`; a thesis is a `scriptie` when its genre says master or
 * bachelor, else a `proefschrift`; web pages and posts `webpagina`; anything else `rapport`.
 *
 * @param item A CSL-JSON item.
 * @returns The fields, or what is missing for a note (`titel`, `jaar` and `auteurs` are required).
 */
export function cslToFields(item: CSL): { fields: LiteratureFields } | { missing: Incomplete } {
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

function yearOf(item: CSL): number | undefined {
  const year = item.issued?.['date-parts']?.[0]?.[0]
  const n = typeof year === 'number' ? year : Number(year)
  if (Number.isInteger(n) && n > 0) return n
  const literal = item.issued?.literal ?? item.issued?.raw
  const match = literal ? /\b(\d{4})\b/.exec(literal) : null
  return match?.[1] ? Number(match[1]) : undefined
}

function names(list: CSLName[] | undefined): string[] {
  return (list ?? []).map(formatName).filter((n) => n !== '')
}

function clean(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim().replace(/\s+/g, ' ')
  return trimmed === '' ? undefined : trimmed
}
