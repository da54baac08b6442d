/**
 * Citations from literatuur notes: APA 7 reference-list entries and in-text citations, CSL-JSON items,
 * exchange with reference managers (CSL-JSON, BibTeX, RIS) and new notes from imported references.
 *
 * Formatting is done by citeproc-js with the official APA 7 CSL style (see `apa.ts`); this module only
 * maps notes to CSL and caches the results per note.
 */
import type { GraphNode } from '../graph/graph.js'
import type { Note } from '../note/parse.js'
import { formatInText, formatReference, formatReferences, type InTextOptions, type Options } from './apa.js'
import { toCsl } from './csl.js'

export { CITATION_FORMATS, formatInText, formatReference, formatReferences, type CitationFormat, type InTextOptions, type Options as CitationOptions } from './apa.js'
export { cslToFields, fieldsToCsl, guessLanguage, THESIS_GENRES, toCsl, type CslItem, type CslName, type Incomplete } from './csl.js'
export { EXCHANGE_FORMATS, detectExchangeFormat, writeReferences, type ExchangeFormat } from './exchange.js'
export { parseReferences, readReferences, type EntryProblem, type ReadEntry, type ReadResult } from './read.js'
export { bareDoi, isLiteratureKind, LITERATURE_FIELDS, LITERATURE_KINDS, literatureFields, type LiteratureFields, type LiteratureKind } from './fields.js'
export { familyName, formatName, parseName } from './names.js'
export { doiKey, DuplicateIndex, findDuplicate, literatureNoteName, literatureNoteText, titleKey, type Duplicate, type NoteTextOptions } from './notes.js'

// Formatting is pure but not free (citeproc), and the relevance engine asks for the same notes again and
// again. Notes are immutable and replaced on every edit, so a cache keyed by the note object stays right.
const cache = new WeakMap<Note, Map<string, string>>()

function cached(node: GraphNode, key: string, make: () => string): string {
  let entry = cache.get(node.note)
  if (!entry) cache.set(node.note, (entry = new Map()))
  let value = entry.get(key)
  if (value === undefined) entry.set(key, (value = make()))
  return value
}

/**
 * The APA 7 reference-list entry of a literatuur note, e.g.
 * `Menger, A. (2018). De werkaliantie in het gedwongen kader. [...] [Doctoral dissertation]. Eburon.`
 *
 * @param node A literatuur node of the graph.
 * @param options `format`: `text` (default), `html` or `markdown`.
 */
export function apaReference(node: GraphNode, options: Options = {}): string {
  const format = options.format ?? 'text'
  return cached(node, `ref:${format}:${node.id}`, () => formatReference(toCsl(node), { format }))
}

/**
 * The APA 7 in-text citation of a literatuur note, e.g. `(Menger, 2018)`, `(Simpson & Penney, 2011)`,
 * `(Sturm et al., 2022)`.
 *
 * @param node A literatuur node of the graph.
 * @param options `narrative: true` for `Menger (2018)`.
 */
export function apaInText(node: GraphNode, options: InTextOptions = {}): string {
  return cached(node, `in:${options.narrative === true}:${node.id}`, () => formatInText(toCsl(node), options))
}

/**
 * An APA 7 reference list: the entries of the notes in APA order.
 *
 * @param nodes Literatuur nodes (duplicates by id are left out).
 * @param options `format`: `text` (default), `html` or `markdown`.
 * @returns Each node with its entry, sorted.
 */
export function apaBibliography(nodes: readonly GraphNode[], options: Options = {}): Array<{ node: GraphNode; entry: string }> {
  const byId = new Map<string, GraphNode>()
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node)
  return formatReferences([...byId.values()].map(toCsl), options).flatMap(({ id, entry }) => {
    const node = byId.get(id)
    return node ? [{ node, entry }] : []
  })
}
