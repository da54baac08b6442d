/**
 * APA 7 reference-list entries and in-text citations of CSL-JSON items: the core's own formatter, for
 * the kinds of publication the library has (journal article, book, chapter, report, dissertation and
 * master thesis, web page; any other CSL type is formatted as the nearest of these). Dutch APA by
 * default ("(Red.)", "z.d.", "Geraadpleegd", "3de dr.", "en" in running text); English APA with
 * `locale: 'en-US'`. English titles of journals get title case, Dutch ones keep their own.
 *
 * It gives exactly what citeproc-js gives with the official CSL style "APA 7th edition" and the CSL
 * locales nl-NL and en-US (with Dutch names sorted on the family name and an en dash in page ranges):
 * `test/cite-oracle.test.ts` holds it to that, for every note of the library and for generated items.
 */
import type { CSL, CSLName } from '@citation-js/core'
import { directName, invertedName, shortName, sortName } from './names-apa.js'
import { capitalise, italic, join, link, nameList, pages, plain, quotes, render, severalPages, titleCase, visible } from './text.js'

/** Output formats of the APA functions. */
export const CITATION_FORMATS = ['text', 'html', 'markdown'] as const
/** One of {@link CITATION_FORMATS}. */
export type CitationFormat = (typeof CITATION_FORMATS)[number]
/** The languages APA is written in here. */
export type CitationLocale = 'nl-NL' | 'en-US'

/** Options for {@link apaReference} and {@link apaReferences}. */
export interface Options {
  /**
   * `text` (default): plain text; `html`: italics as `<i>`, links as `<a>`, text escaped; `markdown`:
   * italics as `*...*`, links as `<https://...>`.
   */
  format?: CitationFormat
  /** `nl-NL` (default) or `en-US`. */
  locale?: CitationLocale
}

/** Options for {@link apaInText}. */
export interface InTextOptions {
  /**
   * Narrative citation for running text, `Simpson en Penney (2011)`, instead of the parenthetical
   * `(Simpson & Penney, 2011)`. Particles stay lower case (`de Vogel et al. (2020)`): capitalise them
   * yourself at the start of a sentence.
   */
  narrative?: boolean
  /** `nl-NL` (default) or `en-US`. */
  locale?: CitationLocale
}

interface Terms {
  /** Whether a period or comma after a closing quotation mark goes inside it (American English). */
  punctuationInQuote: boolean
  and: string
  noDate: string
  editor: string
  editors: string
  edition: string
  retrieved: string
  in: string
  ordinal(n: number): string
}

const TERMS: Record<CitationLocale, Terms> = {
  'nl-NL': {
    punctuationInQuote: false,
    and: 'en',
    noDate: 'z.d.',
    editor: 'Red.',
    editors: 'Red.',
    edition: 'dr.',
    retrieved: 'Geraadpleegd',
    in: 'In',
    ordinal: (n) => (n % 100 >= 10 && n % 100 <= 19) || [2, 3, 4, 5, 6, 7, 9].includes(n % 100) || n === 0 ? 'de' : 'ste'
  },
  'en-US': {
    punctuationInQuote: true,
    and: 'and',
    noDate: 'n.d.',
    editor: 'Ed.',
    editors: 'Eds.',
    edition: 'ed.',
    retrieved: 'Retrieved',
    in: 'In',
    ordinal: (n) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'))
  }
}

/** The kinds the formatter knows; every CSL type is formatted as one of them. */
type Kind = 'article' | 'book' | 'chapter' | 'report' | 'thesis' | 'webpage'

function kindOf(type: string | undefined): Kind {
  switch (type) {
    case 'article-journal':
    case 'article-magazine':
    case 'article-newspaper':
      return 'article'
    case 'book':
      return 'book'
    case 'chapter':
      return 'chapter'
    case 'thesis':
      return 'thesis'
    case 'webpage':
      return 'webpage'
    default:
      return 'report'
  }
}

/** An item's text fields, trimmed, `undefined` when empty. */
function field(item: CSL, name: keyof CSL): string | undefined {
  const value = (item as unknown as Record<string, unknown>)[name]
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return undefined
  return value.trim() === '' ? undefined : quotes(plain(value))
}

function names(item: CSL, role: 'author' | 'editor'): CSLName[] {
  return (item[role] ?? [])
    .map((n) => Object.fromEntries(Object.entries(n).map(([k, v]) => [k, typeof v === 'string' ? quotes(plain(v)) : v])) as CSLName)
    .filter((n) => shortName(n) !== '')
}

function year(item: CSL): string | undefined {
  const y = item.issued?.['date-parts']?.[0]?.[0]
  return y === undefined || y === null || String(y).trim() === '' ? undefined : String(y)
}

/** Title case for English items only (citeproc-js leaves other languages alone). */
function caseTitle(item: CSL, text: string): string {
  return /^en\b/i.test(item.language ?? 'en') ? titleCase(text) : text
}

/** Everything one item needs, worked out once. */
interface Parts {
  kind: Kind
  authors: CSLName[]
  editors: CSLName[]
  year: string | undefined
  suffix: string
  /** What stands in the author's place when there is no author. */
  substitute: 'editor' | 'publisher' | 'title' | undefined
}

function partsOf(item: CSL, suffix = ''): Parts {
  const kind = kindOf(item.type)
  const authors = names(item, 'author')
  const editors = names(item, 'editor')
  let substitute: Parts['substitute']
  if (authors.length === 0) {
    if (editors.length > 0) substitute = 'editor'
    else if (kind === 'webpage' && field(item, 'publisher') !== undefined) substitute = 'publisher'
    else substitute = 'title'
  }
  return { kind, authors, editors, year: year(item), suffix, substitute }
}

/** The edition: `3de dr.` / `3rd ed.` for a number, else as written. */
function edition(item: CSL, terms: Terms): string {
  const text = field(item, 'edition')
  if (text === undefined) return ''
  if (/^\d+$/.test(text.trim())) return `${Number(text)}${terms.ordinal(Number(text))} ${terms.edition}`
  return /^[^\s\d]*\d+[^\s\d]*$/.test(text.trim()) ? `${text} ${terms.edition}` : text
}

/** Edition and pages of a book, chapter or report: `3de dr., pp. 101–120`. */
function monographicItem(item: CSL, terms: Terms): string {
  const page = field(item, 'page')
  return join([edition(item, terms), page === undefined ? '' : `${severalPages(page) ? 'pp.' : 'p.'} ${pages(page)}`], ', ')
}

function editorsAfterTitle(p: Parts, terms: Terms): string {
  if (p.editors.length === 0 || p.substitute === 'editor') return ''
  return `${nameList(p.editors.map(directName), false)}, ${p.editors.length > 1 ? terms.editors : terms.editor}`
}

/** The title with what follows it in parentheses and brackets (APA's "title-and-descriptions"). */
function titleBlock(item: CSL, p: Parts, terms: Terms, withTitle: boolean, withDescription: boolean): string {
  const title = field(item, 'title') ?? ''
  const container = field(item, 'container-title')
  const italicTitle = p.kind === 'webpage' || container === undefined
  let identifier = ''
  if (p.kind === 'article') identifier = container === undefined ? '' : ''
  else if (p.kind === 'chapter' && container !== undefined) identifier = ''
  else if (p.kind === 'webpage') identifier = editorsAfterTitle(p, terms)
  else if (p.kind === 'report' && container !== undefined) identifier = editorsAfterTitle(p, terms)
  else identifier = join([editorsAfterTitle(p, terms), monographicItem(item, terms)], '; ')
  let description = ''
  if (p.kind === 'thesis') {
    const genre = field(item, 'genre')
    const online = field(item, 'DOI') !== undefined || field(item, 'URL') !== undefined
    description = join([genre === undefined ? '' : capitaliseFirst(genre), online ? field(item, 'publisher') : ''], ', ')
  }
  return join(
    [withTitle ? (italicTitle ? italic(title) : title) : '', withTitle ? join([identifier], '', { prefix: '(', suffix: ')' }) : '', withDescription ? join([description], '', { prefix: '[', suffix: ']' }) : ''],
    ' '
  )
}

function capitaliseFirst(text: string): string {
  return text === text.toLowerCase() ? capitalise(text) : text
}

/** Journal, volume, issue and pages: `*Journal*, *21*(5), 299–306`. */
function serialSource(item: CSL): string {
  const issue = field(item, 'issue')
  const page = field(item, 'page')
  return join(
    [
      italic(join([caseTitle(item, field(item, 'container-title') ?? '')])),
      join([italic(field(item, 'volume') ?? ''), issue === undefined ? '' : `(${issue})`]),
      page === undefined ? '' : pages(page)
    ],
    ', '
  )
}

/** `In T. Witte & A. de Boer (Red.), *Book* (3de dr., pp. 101–120)`. */
function chapterSource(item: CSL, p: Parts, terms: Terms): string {
  const container = field(item, 'container-title')
  if (container === undefined) return ''
  const editors =
    p.substitute === 'editor' || p.editors.length === 0 ? '' : `${nameList(p.editors.map(directName), false)} (${p.editors.length > 1 ? terms.editors : terms.editor})`
  return join([terms.in, join([editors, italic(container)], ', '), join([monographicItem(item, terms)], '', { prefix: '(', suffix: ')' })], ' ')
}

function source(item: CSL, p: Parts, terms: Terms): string {
  const publisher = field(item, 'publisher')
  const online = field(item, 'DOI') !== undefined || field(item, 'URL') !== undefined
  let first = ''
  if (p.kind === 'article') first = serialSource(item)
  else if (p.kind !== 'webpage') first = chapterSource(item, p, terms)
  let shown: string | undefined = publisher
  if (p.kind === 'article' || (p.kind === 'thesis' && online) || p.substitute === 'publisher') shown = undefined
  const website = p.kind === 'webpage' ? caseTitle(item, field(item, 'container-title') ?? '') : ''
  return join([first, shown, website], '. ')
}

/**
 * Names in the reference list, family name first. APA 7 puts a comma after the initials also before
 * the "&" of two names (`Jansen, A., & Smit, B.`), so not after an organisation (`DJI & Jansen, A.`).
 */
function invertedList(list: readonly CSLName[]): string {
  return nameList(list.map(invertedName), (list[0]?.literal ?? '').trim() === '')
}

function authorBlock(item: CSL, p: Parts, terms: Terms): string {
  if (p.authors.length > 0) return invertedList(p.authors)
  if (p.substitute === 'editor') return `${invertedList(p.editors)} (${p.editors.length > 1 ? terms.editors : terms.editor})`
  if (p.substitute === 'publisher') return field(item, 'publisher') ?? ''
  return titleBlock(item, p, terms, true, false)
}

function doiOrUrl(item: CSL, p: Parts, terms: Terms): string {
  const doi = field(item, 'DOI')
  if (doi !== undefined) return link(`https://doi.org/${doi}`)
  const url = field(item, 'URL')
  if (url === undefined) return ''
  return p.year === undefined ? `${terms.retrieved} ${link(url)}` : link(url)
}

function entry(item: CSL, p: Parts, terms: Terms): string {
  const date = `(${p.year ?? terms.noDate}${p.year === undefined && p.suffix !== '' ? '-' : ''}${p.suffix})`
  const body = join([authorBlock(item, p, terms), date, titleBlock(item, p, terms, p.substitute !== 'title', true), source(item, p, terms)], '. ', { suffix: '.' })
  return join([body, doiOrUrl(item, p, terms)], ' ')
}

/**
 * The APA 7 reference-list entry of one CSL item.
 *
 * @param item A CSL-JSON item (see `toCsl`).
 * @param options The output format and locale.
 * @returns One entry, e.g. `Menger, A. (2018). De werkalliantie in het gedwongen kader [Proefschrift]. Eburon.`
 */
export function apaReference(item: CSL, options: Options = {}): string {
  const terms = TERMS[options.locale ?? 'nl-NL']
  return render(inQuote(entry(item, partsOf(item), terms), terms), options.format ?? 'text')
}

/** `”.` as `.”` where the locale puts punctuation inside quotation marks. */
function inQuote(text: string, terms: Terms): string {
  return terms.punctuationInQuote ? text.replace(/”([.,])/g, '$1”') : text
}

/** Who a citation names: `Menger`, `Simpson & Penney`, `Sturm et al.`, or what stands in for them. */
function citedAs(item: CSL, p: Parts): string {
  const list = p.authors.length > 0 ? p.authors : p.substitute === 'editor' ? p.editors : []
  if (list.length > 0) {
    const short = list.map(shortName)
    return short.length >= 3 ? `${short[0] ?? ''} et al.` : short.join(' & ')
  }
  if (p.substitute === 'publisher') return field(item, 'publisher') ?? ''
  const title = caseTitle(item, field(item, 'title') ?? '')
  if (p.kind === 'report') return title
  if (p.kind === 'webpage' || field(item, 'container-title') === undefined) return italic(title)
  return `“${title}”`
}

/**
 * The APA 7 in-text citation of one CSL item: `(Menger, 2018)`, `(Simpson & Penney, 2011)`,
 * `(Sturm et al., 2022)` from three authors on; narrative `Simpson en Penney (2011)`.
 *
 * @param item A CSL-JSON item.
 * @param options `narrative`, and the locale.
 */
export function apaInText(item: CSL, options: InTextOptions = {}): string {
  const terms = TERMS[options.locale ?? 'nl-NL']
  const p = partsOf(item)
  const who = visible(citedAs(item, p))
  const when = p.year ?? terms.noDate
  if (!options.narrative) return inQuote(`(${join([who, when], ', ')})`, terms)
  // APA 7 writes the word ("en", "and") between two authors in running text.
  return `${who} (${when})`.trim().replace(/ & (?=[^(]*\()/, ` ${terms.and} `)
}

/**
 * APA 7 reference-list entries of several items, in APA order: by the family names of the authors
 * (Dutch particles left out of the sort; what stands in for a missing author sorts in its place),
 * then entries without a year before those with one, then year, then title. Entries with the same
 * authors and year get `a`, `b`, … after the year, in that order.
 *
 * @param items CSL-JSON items with unique ids.
 * @param options The output format and locale.
 * @returns Each item's id with its entry.
 */
export function apaReferences(items: readonly CSL[], options: Options = {}): Array<{ id: string; entry: string }> {
  const locale = options.locale ?? 'nl-NL'
  const terms = TERMS[locale]
  const collator = new Intl.Collator(locale, { sensitivity: 'base', ignorePunctuation: true, numeric: true })
  const compare = (a: string, b: string): number => collator.compare(a.toLowerCase(), b.toLowerCase())
  const keyed = items.map((item) => {
    const p = partsOf(item)
    const list = p.authors.length > 0 ? p.authors : p.substitute === 'editor' ? p.editors : []
    const who = list.length > 0 ? list.map(sortName) : [visible(p.substitute === 'publisher' ? (field(item, 'publisher') ?? '') : titleBlock(item, p, terms, true, false))]
    // Two entries that a citation cannot tell apart, even with all names and the first author's
    // initials (APA's disambiguation): the same family names, first initials and year.
    const first = list[0]
    const same = `${list.length > 0 ? list.map(shortName).join('|') : (who[0] ?? '')}|${first ? visible(invertedName(first)) : ''}|${p.year ?? ''}`
    return { item, p, who, same, title: field(item, 'title') ?? '', volume: field(item, 'volume') ?? '' }
  })
  // As citeproc-js: the names joined with ", ", and every space a "|", which the collator does not
  // ignore (it ignores punctuation).
  const key = (names: readonly string[]): string => `${names.join(', ').replace(/ /g, '|')}|`
  const byNames = (a: readonly string[], b: readonly string[]): number => compare(key(a), key(b))
  // Then the volume, an entry without one last; entries alike in all of this stay in the order given.
  const byVolume = (a: string, b: string): number => Number(a === '') - Number(b === '') || compare(a, b)
  keyed.sort(
    (a, b) => byNames(a.who, b.who) || Number(a.p.year !== undefined) - Number(b.p.year !== undefined) || Number(a.p.year ?? 0) - Number(b.p.year ?? 0) || compare(a.title, b.title) || byVolume(a.volume, b.volume)
  )
  const count = new Map<string, number>()
  for (const k of keyed) count.set(k.same, (count.get(k.same) ?? 0) + 1)
  const seen = new Map<string, number>()
  return keyed.map((k) => {
    let suffix = ''
    if ((count.get(k.same) ?? 0) > 1) {
      const n = seen.get(k.same) ?? 0
      seen.set(k.same, n + 1)
      suffix = String.fromCharCode(97 + n)
    }
    return { id: String(k.item.id), entry: render(inQuote(entry(k.item, { ...k.p, suffix }, terms), terms), options.format ?? 'text') }
  })
}
