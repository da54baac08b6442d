/**
 * APA 7 reference-list entries and in-text citations, formatted by citeproc-js (through citation-js)
 * with the official CSL style *APA 7th edition* and the `en-US` locale, both shipped inside
 * `@citation-js/plugin-csl`: nothing is fetched at run time.
 *
 * One change to the style: Dutch names sort on the family name (`van Doorn` under D), as APA 7 asks for
 * names from languages that do so (the CSL style sorts on the particle by default).
 */
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CSL } from '@citation-js/core'

/** The name under which the adapted APA style is registered with citation-js. */
const STYLE = 'praktijkwijzer-apa'
const LOCALE = 'en-US'

/** Output formats of the APA functions. */
export const CITATION_FORMATS = ['text', 'html', 'markdown'] as const
/** One of {@link CITATION_FORMATS}. */
export type CitationFormat = (typeof CITATION_FORMATS)[number]

/** Options for {@link formatReference} and {@link formatReferences}. */
export interface Options {
  /**
   * `text` (default): plain text; `html`: italics as `<i>`, links as `<a>`, text escaped; `markdown`:
   * italics as `*...*`, links as `<https://...>`.
   */
  format?: CitationFormat
}

/** Options for {@link formatInText}. */
export interface InTextOptions {
  /**
   * Narrative citation for running text, `Simpson and Penney (2011)`, instead of the parenthetical
   * `(Simpson & Penney, 2011)`. Particles stay lower case (`de Vogel et al. (2020)`): capitalise them
   * yourself at the start of a sentence.
   */
  narrative?: boolean
}

/**
 * The APA 7 reference-list entry of one CSL item.
 *
 * @param item A CSL-JSON item (see `toCsl`).
 * @param options The output format.
 * @returns One entry without trailing line break.
 */
export function formatReference(item: CSL, options: Options = {}): string {
  return formatReferences([item], { ...options, sort: false })[0]?.entry ?? ''
}

/**
 * APA 7 reference-list entries of several items, in APA order: by the family names of the authors
 * (Dutch particles left out of the sort), then year.
 *
 * @param items CSL-JSON items with unique ids.
 * @param options The output format; `sort: false` keeps the order given.
 * @returns Each item's id with its entry.
 */
export function formatReferences(items: readonly CSL[], options: Options & { sort?: boolean } = {}): Array<{ id: string; entry: string }> {
  if (items.length === 0) return []
  const format = options.format ?? 'text'
  const entries = plugins.output.format('bibliography', [...items], {
    style: ensureStyle(),
    lang: LOCALE,
    format: format === 'text' ? 'text' : 'html',
    hyperlinks: format !== 'text',
    nosort: options.sort === false,
    asEntryArray: true
  }) as Array<[string, string]>
  return entries.map(([id, raw]) => ({ id: String(id), entry: finish(raw, format) }))
}

/**
 * The APA 7 in-text citation of one CSL item: `(Menger, 2018)`, `(Simpson & Penney, 2011)`,
 * `(Sturm et al., 2022)` from three authors on.
 *
 * @param item A CSL-JSON item.
 * @param options `narrative` for `Menger (2018)`.
 */
export function formatInText(item: CSL, options: InTextOptions = {}): string {
  const id = String(item.id)
  // citeproc-js's "composite" mode is the narrative form: `Simpson & Penney (2011)`.
  const entry = options.narrative ? { citationItems: [{ id }], properties: { noteIndex: 0, mode: 'composite' } } : id
  const format = plugins.output.format as unknown as (name: 'citation', data: CSL[], options: Record<string, unknown>) => string
  const text = format('citation', [item], { style: ensureStyle(), lang: LOCALE, format: 'text', entry }).trim()
  // APA 7 writes "and" between two authors in running text; the CSL style only knows "&".
  return options.narrative ? text.replace(/ & (?=[^(]*\()/, ' and ') : text
}

let registered = false

/** Register the APA style with Dutch sorting, once. */
function ensureStyle(): string {
  if (registered) return STYLE
  const config = plugins.config.get('@csl') as { styles: { get(name: string): string; add(name: string, xml: string): void } }
  const apa = config.styles.get('apa')
  const adapted = apa.replace(/<style\b[^>]*>/, (tag) => tag.replace(/\sdemote-non-dropping-particle="[^"]*"/, '').replace(/^<style\b/, '<style demote-non-dropping-particle="sort-only"'))
  config.styles.add(STYLE, adapted)
  registered = true
  return STYLE
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
