/**
 * Citations from literatuur notes: APA 7 reference-list entries and in-text citations, CSL-JSON items,
 * exchange with reference managers (CSL-JSON, BibTeX, RIS) and new notes from imported references.
 *
 * Formatting is the core's own APA 7 formatter (`apa.ts`, held to citeproc-js by the tests); this
 * module maps notes to CSL and memoises the results per note.
 */
import type { GraphNode } from '../graph/graph.js'
import type { Note } from '../note/parse.js'
import { apaInText, apaReference, apaReferences, type CitationLocale, type InTextOptions, type Options } from './apa.js'
import { toCsl } from './csl.js'
import { literatureFields } from './fields.js'
import { familyName, parseName } from './names.js'

export { apaInText, apaReference, apaReferences, CITATION_FORMATS, type CitationFormat, type CitationLocale, type InTextOptions, type Options as CitationOptions } from './apa.js'
export { cslToFields, fieldsToCsl, guessLanguage, THESIS_GENRES, toCsl, type CslItem, type CslName, type Incomplete } from './csl.js'
export { EXCHANGE_FORMATS, detectExchangeFormat, writeReferences, type ExchangeFormat } from './exchange.js'
export { parseReferences, readReferences, type EntryProblem, type ReadEntry, type ReadResult } from './read.js'
export { bareDoi, isLiteratureKind, LITERATURE_FIELDS, LITERATURE_KINDS, literatureFields, type LiteratureFields, type LiteratureKind } from './fields.js'
export { familyName, formatName, parseName } from './names.js'
export { doiKey, DuplicateIndex, findDuplicate, literatureNoteName, literatureNoteText, titleKey, type Duplicate, type NoteTextOptions } from './notes.js'

/**
 * APA 7 citations of library notes. Kept for the callers that load it when the first citation is
 * needed: the formatter is small and starts at once, so this only makes a {@link Citations}.
 *
 * @param options The locale: `nl-NL` (default) or `en-US`.
 * @returns APA 7 citations of library notes.
 */
export function loadCitations(options: { locale?: CitationLocale } = {}): Promise<Citations> {
  return Promise.resolve(new Citations(options))
}

/**
 * APA 7 citations of library notes, memoised per note: the relevance engine and the panel ask for the
 * same notes again and again. Notes are immutable and replaced on every edit, so a cache keyed by the
 * note object stays right.
 */
export class Citations {
  private readonly locale: CitationLocale
  private readonly cache = new WeakMap<Note, Map<string, string>>()

  /** @param options The locale: `nl-NL` (default, Dutch APA) or `en-US`. */
  constructor(options: { locale?: CitationLocale } = {}) {
    this.locale = options.locale ?? 'nl-NL'
  }

  /**
   * The APA 7 reference-list entry of a literatuur note, e.g.
   * `Menger, A. (2018). De werkalliantie in het gedwongen kader [Proefschrift]. Eburon.`
   *
   * @param node A literatuur node of the graph.
   * @param options `format`: `text` (default), `html` or `markdown`.
   */
  reference(node: GraphNode, options: Pick<Options, 'format'> = {}): string {
    const format = options.format ?? 'text'
    return this.cached(node, `ref:${format}:${node.id}`, () => apaReference(toCsl(node), { format, locale: this.locale }))
  }

  /**
   * The APA 7 in-text citation of a literatuur note, e.g. `(Menger, 2018)`, `(Simpson & Penney, 2011)`,
   * `(Sturm et al., 2022)`.
   *
   * @param node A literatuur node of the graph.
   * @param options `narrative: true` for `Menger (2018)`.
   */
  inText(node: GraphNode, options: Pick<InTextOptions, 'narrative'> = {}): string {
    return this.cached(node, `in:${options.narrative === true}:${node.id}`, () => apaInText(toCsl(node), { narrative: options.narrative === true, locale: this.locale }))
  }

  /**
   * The reference of a note if it was formatted before, without formatting it.
   *
   * @param node A literatuur node of the graph.
   * @returns The plain-text reference, or `undefined`.
   */
  formatted(node: GraphNode): string | undefined {
    return this.cache.get(node.note)?.get(`ref:text:${node.id}`)
  }

  /**
   * An APA 7 reference list: the entries of the notes in APA order.
   *
   * @param nodes Literatuur nodes (duplicates by id are left out).
   * @param options `format`: `text` (default), `html` or `markdown`.
   * @returns Each node with its entry, sorted.
   */
  bibliography(nodes: readonly GraphNode[], options: Pick<Options, 'format'> = {}): Array<{ node: GraphNode; entry: string }> {
    const byId = new Map<string, GraphNode>()
    for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node)
    return apaReferences([...byId.values()].map(toCsl), { ...options, locale: this.locale }).flatMap(({ id, entry }) => {
      const node = byId.get(id)
      return node ? [{ node, entry }] : []
    })
  }

  private cached(node: GraphNode, key: string, make: () => string): string {
    let entry = this.cache.get(node.note)
    if (!entry) this.cache.set(node.note, (entry = new Map()))
    let value = entry.get(key)
    if (value === undefined) entry.set(key, (value = make()))
    return value
  }
}

/**
 * A short description of a literatuur note, without formatting it: authors, year and title, e.g.
 * `Menger (2018). De werkalliantie in het gedwongen kader.` (two authors joined with "&", three or more
 * as "et al."). What lists show at once, before (or instead of) the formatted reference.
 *
 * @param node A literatuur node of the graph.
 */
export function briefReference(node: GraphNode): string {
  const fields = literatureFields(node.note.frontmatter, node.title)
  const names = fields.auteurs.map((a) => familyName(parseName(a)))
  const authors = names.length === 0 ? '' : names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`
  const title = fields.titel.replace(/[.!?]$/, '')
  return `${authors ? `${authors} ` : ''}(${fields.jaar ?? 'z.d.'}). ${title}.`
}
