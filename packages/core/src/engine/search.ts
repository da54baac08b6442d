/**
 * Library search for a typed query ("woedend huisregels", "krachtwrk"): the practices, methods and themes
 * whose full text has the query's words, each with an excerpt, merged with the typo-tolerant title and
 * alias hits of the {@link TitleFinder} (a title hit first), as Omnisearch does in Obsidian.
 *
 * The full-text part reuses the engine's analysis: the query's words are stemmed, split into compound
 * parts, expanded with the library's synonyms and corrected against its vocabulary (query.ts), and
 * looked up in the engine's index. A note must have every word typed (each through any of its forms);
 * when no note has them all, the notes with the most of them come. The excerpt is the note's best
 * passage for the query (passages.ts): the sentence, list item, signal or title that matched, verbatim,
 * with the words that matched as character ranges (no markup: the adapter draws them).
 */
import type { GraphNode, KnowledgeGraph } from '../graph/graph.js'
import type { NoteType } from '../graph/schema.js'
import { tokenize, type Stemmer } from './analyze.js'
import type { CompoundSplitter } from './compounds.js'
import { stemSlot, type Doc } from './documents.js'
import { TitleFinder } from './finder.js'
import { NoteTerms, PassageFinder, type Units } from './passages.js'
import type { Postings } from './postings.js'
import { analyzeQuery, type Query } from './query.js'
import type { SynonymTable } from './synonyms.js'
import type { PassageField } from './types.js'
import type { Vocabulary } from './vocabulary.js'

/** Longest excerpt, in characters: a longer sentence is cut around its first matched word. */
export const EXCERPT_LENGTH = 200

/** The piece of a note that matched a search, verbatim. */
export interface Excerpt {
  field: PassageField
  /** A verbatim piece of the note: a whole sentence, item, signal or title, or a stretch of a long one. */
  text: string
  /** The matched words in `text`: [start, end) character offsets, ascending, not overlapping. */
  marks: Array<[number, number]>
  /** Whether `text` starts after the start of its sentence (an adapter shows "…" before it). */
  cutStart: boolean
  /** Whether `text` ends before the end of its sentence. */
  cutEnd: boolean
}

/** One full-text hit of the engine. */
export interface TextHit {
  node: GraphNode
  /** Higher is better; comparable within one search only. */
  score: number
  /** How many of the words typed the note has (through any of their forms). */
  words: number
  excerpt: Excerpt | undefined
}

/** One hit of a library search. */
export interface SearchHit {
  node: GraphNode
  /** Whether the title or an alias matched (typo-tolerant): those hits come first. */
  title: boolean
  /** The note's best passage for the query; absent when only its title or alias matched. */
  excerpt?: Excerpt
}

/** What the full-text search reads from the engine. */
export interface SearchIndex {
  postings: Postings
  stemmer: Stemmer
  splitter: CompoundSplitter
  synonyms: SynonymTable
  vocabulary: Vocabulary
  /** A note's passage units (the engine's cache). */
  units: (doc: Doc) => Units
}

/**
 * The indexed notes that have the query's words, best first, each with its excerpt.
 *
 * @param text What the user typed.
 * @param index The engine's index and analysis.
 * @param limit Most hits.
 */
export function searchText(text: string, index: SearchIndex, limit: number): TextHit[] {
  const { postings, stemmer, splitter } = index
  // Every word typed counts: a search has no general words (the user chose them).
  const query = analyzeQuery(text, {}, {
    stemmer,
    splitter,
    synonyms: index.synonyms,
    vocabulary: index.vocabulary,
    indexed: (term) => postings.posting(term) !== undefined,
    general: () => false
  })
  const typed = new Set<number>()
  for (const q of query.values()) for (const p of q.positions) typed.add(p)
  if (typed.size === 0) return []
  // Per note: a score (idf × weight × saturation, over the fields) and the typed words it has.
  const found = new Map<number, { score: number; words: Set<number> }>()
  for (const q of query.values()) {
    const posting = postings.posting(q.term)
    if (!posting) continue
    const idf = postings.termIdf(q.term)
    const saturation = postings.saturation(posting)
    posting.docs.forEach((d, k) => {
      let entry = found.get(d)
      if (!entry) found.set(d, (entry = { score: 0, words: new Set() }))
      entry.score += idf * q.weight * (saturation[k] ?? 0)
      for (const p of q.positions) entry.words.add(p)
    })
  }
  const most = Math.max(0, ...[...found.values()].map((e) => e.words.size))
  const hits: Array<{ doc: Doc; score: number; words: number }> = []
  for (const [d, { score, words }] of found) {
    const doc = postings.doc(d)
    if (doc && words.size === most) hits.push({ doc, score, words: words.size })
  }
  hits.sort((a, b) => b.score - a.score || (a.doc.node.title < b.doc.node.title ? -1 : 1))
  const finder = new PassageFinder(text, query)
  return hits.slice(0, limit).map(({ doc, score, words }) => ({
    node: doc.node,
    score: Math.round(score * 1000) / 1000,
    words,
    excerpt: excerptOf(doc, query, index, finder)
  }))
}

/** The note's best passage for the query, with the matched words marked. */
function excerptOf(doc: Doc, query: Query, index: SearchIndex, finder: PassageFinder): Excerpt | undefined {
  const units = index.units(doc)
  const shared = new NoteTerms()
  for (const q of query.values()) {
    const slot = stemSlot(doc, q.term)
    const stemUnits = slot === -1 ? undefined : units.bySlot[slot]
    if (stemUnits) shared.add(q, stemUnits, index.postings.termIdf(q.term, 1))
  }
  const [best] = finder.find(units, [], shared)
  if (!best) return undefined
  const matches = (norm: string): boolean => query.has(index.stemmer.stem(norm)) || index.splitter.split(norm).some((part) => query.has(index.stemmer.stem(part)))
  const marks: Array<[number, number]> = tokenize(best.text)
    .filter((t) => matches(t.norm))
    .map((t) => [t.offset, t.offset + t.surface.length])
  return cut({ field: best.field, text: best.text, marks, cutStart: false, cutEnd: false })
}

/** A long excerpt cut to {@link EXCERPT_LENGTH} around its first mark, at word boundaries. */
function cut(excerpt: Excerpt): Excerpt {
  const { text, marks } = excerpt
  if (text.length <= EXCERPT_LENGTH) return excerpt
  const first = marks[0]?.[0] ?? 0
  let start = Math.max(0, Math.min(first - 60, text.length - EXCERPT_LENGTH))
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < first ? space + 1 : start
  }
  let end = Math.min(text.length, start + EXCERPT_LENGTH)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > start) end = space
  }
  return {
    field: excerpt.field,
    text: text.slice(start, end),
    marks: marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start]),
    cutStart: start > 0,
    cutEnd: end < text.length
  }
}

/** What {@link LibrarySearch} searches in: the library's graph and its engine's full-text search. */
export interface Searchable {
  graph: KnowledgeGraph
  searchText(text: string, limit: number): TextHit[]
}

/**
 * A search box over a library: typo-tolerant titles and aliases first, then the full text. Make one per
 * search session (it reads the titles once); it reads the library's engine on every query.
 */
export class LibrarySearch {
  private readonly library: Searchable
  private readonly finder: TitleFinder
  private readonly types: readonly NoteType[] | undefined

  /**
   * @param library The library.
   * @param types Only notes of these kinds (default: every typed note but synonym lists).
   */
  constructor(library: Searchable, types?: readonly NoteType[]) {
    this.library = library
    this.types = types
    this.finder = new TitleFinder(library.graph, types)
  }

  /**
   * The hits for what the user typed: the title and alias hits (best first), each with its excerpt when
   * its text matched too, then the full-text hits.
   *
   * @param text What the user typed.
   * @param limit Most hits (default 20).
   */
  find(text: string, limit = 20): SearchHit[] {
    if (text.trim() === '') return []
    const wanted = (node: GraphNode): boolean => node.type !== null && (this.types === undefined ? node.type !== 'synoniemen' : this.types.includes(node.type))
    const inText = this.library.searchText(text, limit).filter((h) => wanted(h.node))
    const excerpts = new Map(inText.map((h) => [h.node.path, h.excerpt]))
    const out: SearchHit[] = []
    const seen = new Set<string>()
    const push = (node: GraphNode, title: boolean): void => {
      if (seen.has(node.path) || out.length >= limit) return
      seen.add(node.path)
      const excerpt = excerpts.get(node.path)
      out.push(excerpt ? { node, title, excerpt } : { node, title })
    }
    for (const hit of this.finder.find(text, limit)) push(hit.node, true)
    for (const hit of inText) push(hit.node, false)
    return out
  }
}
