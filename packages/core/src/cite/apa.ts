/**
 * APA 7 reference-list entries and in-text citations, formatted by citeproc-js with the official CSL
 * style *APA 7th edition* and the CSL locale `nl-NL` (Dutch terms: "en"/"&", "z.d.", "(Red.)",
 * "Geraadpleegd"), both in `csl-data.ts`: nothing is fetched at run time.
 *
 * citeproc-js is large and its engine takes a long while to set up (it compiles the APA style), so it is
 * loaded and set up only when the first citation is needed: {@link loadCitationEngine} imports it on
 * demand, and a bundler that sees the dynamic import evaluates it only then.
 *
 * Two changes to the official files: Dutch names sort on the family name (`van Doorn` under D), as APA 7
 * asks for names from languages that do so (the CSL style sorts on the particle by default); and page
 * ranges take the en dash APA 7 asks for (the nl-NL locale gives a hyphen, `101-120`).
 */
import type { CSL } from '@citation-js/core'

/** The locale of every citation: Dutch APA. English titles keep English title case (see `guessLanguage`). */
const LOCALE = 'nl-NL'

/** Output formats of the APA functions. */
export const CITATION_FORMATS = ['text', 'html', 'markdown'] as const
/** One of {@link CITATION_FORMATS}. */
export type CitationFormat = (typeof CITATION_FORMATS)[number]

/** Options for {@link CitationEngine.reference} and {@link CitationEngine.references}. */
export interface Options {
  /**
   * `text` (default): plain text; `html`: italics as `<i>`, links as `<a>`, text escaped; `markdown`:
   * italics as `*...*`, links as `<https://...>`.
   */
  format?: CitationFormat
}

/** Options for {@link CitationEngine.inText}. */
export interface InTextOptions {
  /**
   * Narrative citation for running text, `Simpson en Penney (2011)`, instead of the parenthetical
   * `(Simpson & Penney, 2011)`. Particles stay lower case (`de Vogel et al. (2020)`): capitalise them
   * yourself at the start of a sentence.
   */
  narrative?: boolean
}

/** The part of citeproc-js's engine used here. */
interface Citeproc {
  setOutputFormat(format: 'text' | 'html'): void
  opt: { development_extensions: { wrap_url_and_doi: boolean } }
  updateItems(ids: string[], nosort?: boolean): string[]
  makeBibliography(): [{ entry_ids: string[][] }, string[]] | false
  rebuildProcessorState(citations: unknown[], format: 'text' | 'html', uncited: unknown[]): Array<[string, number, string]>
}

/** citeproc-js's module: the engine's constructor. */
interface CiteprocModule {
  Engine: new (sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): CSL }, style: string, lang: string, forceLang: boolean) => Citeproc
}

/**
 * Load citeproc-js and set up its engine with the APA style: the slow part of citing, done once by
 * whoever holds the result (the CLI for one command, the plugin for its lifetime).
 *
 * @returns The citation engine.
 */
export async function loadCitationEngine(): Promise<CitationEngine> {
  const [citeproc, data] = await Promise.all([import('citeproc'), import('./csl-data.js')])
  const module = ((citeproc as { default?: unknown }).default ?? citeproc) as CiteprocModule
  return new CitationEngine(module, data.APA_STYLE, data.LOCALES)
}

/** APA 7 formatting over one citeproc-js engine. Create it with {@link loadCitationEngine}. */
export class CitationEngine {
  private readonly engine: Citeproc
  /** The items of the current call, by id: citeproc asks for them while it formats. */
  private items = new Map<string, CSL>()

  /**
   * @param citeproc citeproc-js's module.
   * @param style The APA CSL style, as XML.
   * @param locales The CSL locales by name, as XML.
   */
  constructor(citeproc: CiteprocModule, style: string, locales: Readonly<Record<string, string>>) {
    // Dutch particles out of the sort: `van Doorn` sorts under D.
    const adapted = style.replace(/<style\b[^>]*>/, (tag) => tag.replace(/\sdemote-non-dropping-particle="[^"]*"/, '').replace(/^<style\b/, '<style demote-non-dropping-particle="sort-only"'))
    const locale = (lang: string): string => (locales[lang] ?? locales[lang.replace('_', '-')] ?? locales['en-US'] ?? '').replace('<term name="page-range-delimiter">-</term>', '<term name="page-range-delimiter">–</term>')
    const sys = {
      retrieveLocale: locale,
      retrieveItem: (id: string): CSL => {
        const item = this.items.get(id)
        if (!item) throw new Error(`citeproc asked for an unknown item: ${id}`)
        return item
      }
    }
    this.engine = new citeproc.Engine(sys, adapted, LOCALE, true)
  }

  /**
   * The APA 7 reference-list entry of one CSL item.
   *
   * @param item A CSL-JSON item (see `toCsl`).
   * @param options The output format.
   * @returns One entry without trailing line break.
   */
  reference(item: CSL, options: Options = {}): string {
    return this.references([item], { ...options, sort: false })[0]?.entry ?? ''
  }

  /**
   * APA 7 reference-list entries of several items, in APA order: by the family names of the authors
   * (Dutch particles left out of the sort), then year.
   *
   * @param items CSL-JSON items with unique ids.
   * @param options The output format; `sort: false` keeps the order given.
   * @returns Each item's id with its entry.
   */
  references(items: readonly CSL[], options: Options & { sort?: boolean } = {}): Array<{ id: string; entry: string }> {
    if (items.length === 0) return []
    const format = options.format ?? 'text'
    this.use(items, format === 'text' ? 'text' : 'html')
    this.engine.opt.development_extensions.wrap_url_and_doi = format !== 'text'
    this.engine.updateItems(
      items.map((i) => String(i.id)),
      options.sort === false
    )
    const bibliography = this.engine.makeBibliography()
    if (!bibliography) return []
    const [{ entry_ids: ids }, entries] = bibliography
    return entries.map((raw, i) => ({ id: String(ids[i]?.[0]), entry: finish(raw, format) }))
  }

  /**
   * The APA 7 in-text citation of one CSL item: `(Menger, 2018)`, `(Simpson & Penney, 2011)`,
   * `(Sturm et al., 2022)` from three authors on.
   *
   * @param item A CSL-JSON item.
   * @param options `narrative` for `Menger (2018)`.
   */
  inText(item: CSL, options: InTextOptions = {}): string {
    const id = String(item.id)
    this.use([item], 'text')
    this.engine.opt.development_extensions.wrap_url_and_doi = false
    this.engine.updateItems([id])
    // citeproc-js's "composite" mode is the narrative form: `Simpson & Penney (2011)`.
    const citation = { citationItems: [{ id }], properties: { noteIndex: 0, ...(options.narrative ? { mode: 'composite' } : {}) } }
    const text = (this.engine.rebuildProcessorState([citation], 'text', [])[0]?.[2] ?? '').trim()
    // APA 7 writes the word ("en") between two authors in running text; the CSL style only knows "&".
    return options.narrative ? text.replace(/ & (?=[^(]*\()/, ' en ') : text
  }

  private use(items: readonly CSL[], format: 'text' | 'html'): void {
    this.items = new Map(items.map((i) => [String(i.id), i]))
    // Empty the registry first: citeproc keeps the items it has seen by id, and a note with the same id may
    // have changed since.
    this.engine.updateItems([])
    this.engine.setOutputFormat(format)
  }
}

/** Strip citeproc's wrapping and turn its HTML into the asked format. */
function finish(raw: string, format: CitationFormat): string {
  const body = raw.replace(/^\s*<div[^>]*>/, '').replace(/<\/div>\s*$/, '').trim()
  if (format === 'text') return body
  if (format === 'html') return body
  return htmlToMarkdown(body)
}

function htmlToMarkdown(html: string): string {
  return decodeEntities(
    html
      .replace(/<a href="([^"]*)">[^<]*<\/a>/g, (_, href: string) => `<${href}>`)
      .replace(/<\/?(?:i|em)>/g, '*')
      .replace(/<\/?(?:b|strong)>/g, '**')
      .replace(/<(?!https?:)[^>]+>/g, '')
  )
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
