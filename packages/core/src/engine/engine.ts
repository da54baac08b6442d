/**
 * The relevance engine: given the text of a case note, rank the library's practices, methods and themes,
 * bring along the literature behind them, and say why each matches.
 *
 * One query runs through these steps, each in its own module:
 *
 * 1. `query.ts` — the note's words with weights, compound parts (`compounds.ts`), synonym expansions
 *    (`synonyms.ts`) and typo corrections (`vocabulary.ts`);
 * 2. `rank.ts` — BM25F over five fields (`postings.ts`, `documents.ts`), a bonus for whole signal phrases,
 *    a small lift along the graph, the fixed 0–1 curve, a diversity pass;
 * 3. `explain.ts` — the matches and the Dutch reasons;
 * 4. `literature.ts` — the literature behind the clear suggestions.
 *
 * Every tunable number is in `weights.ts`. A score means the same whatever else matched: a note about a
 * broken washing machine gets low scores, not a rescaled 1.0. The index is kept current one note at a
 * time ({@link Engine.update}), and is then exactly what a fresh build would be; the Library calls it for
 * every change of its graph.
 */
import type { GraphNode, KnowledgeGraph } from '../graph/graph.js'
import { Stemmer } from './analyze.js'
import { Background, topics } from './background.js'
import { CompoundSplitter } from './compounds.js'
import { buildDoc, distinctWords, fieldWords, hasWord, packDoc, Strings, unpackDoc, type FieldWords, type PackedDoc } from './documents.js'
import { explain } from './explain.js'
import { literature, type Cite } from './literature.js'
import { Postings } from './postings.js'
import { analyzeQuery } from './query.js'
import { diversify, queryMatches, rank } from './rank.js'
import { synonymsFromGraph, type SynonymTable } from './synonyms.js'
import type { Doc } from './documents.js'
import type { Options, SuggestionType, SuggestResult } from './types.js'
import { round } from './util.js'
import { Vocabulary } from './vocabulary.js'
import { LEVELS } from './levels.js'
import { PassageFinder, units as unitsOf, type Units } from './passages.js'
import { searchText, type TextHit } from './search.js'
import { DEFAULTS, DIVERSITY } from './weights.js'

const SUGGESTION_TYPES: readonly SuggestionType[] = ['praktijk', 'methodiek', 'thema']

/** Options for {@link Engine}. */
export interface EngineOptions {
  /** Which kinds to index (default praktijk, methodiek, thema). */
  types?: readonly SuggestionType[]
  /** Formats the reference of a literatuur note (the Library passes the APA 7 formatter). */
  cite: Cite
}

/** An engine's index as JSON data ({@link Engine.snapshot}): the kinds it indexed and every note's entry. */
export interface EngineSnapshot {
  types: SuggestionType[]
  docs: PackedDoc[]
}

/** The relevance engine over a knowledge graph. */
export class Engine {
  private readonly graph: KnowledgeGraph
  private readonly types: readonly SuggestionType[]
  private readonly cite: Cite
  private readonly postings = new Postings()
  private readonly vocabulary = new Vocabulary()
  private readonly splitter = new CompoundSplitter()
  private readonly stemmer = new Stemmer()
  /** One copy of each word and stem the indexed notes share. */
  private readonly strings = new Strings()
  private readonly background = new Background()
  private synonyms: SynonymTable
  /**
   * Each note's passage units, cut on first use. A changed or re-indexed note is a new Doc, so the
   * others' units stay valid; all are dropped when an update changed how words are split into compounds.
   */
  private units = new WeakMap<Doc, Units>()
  /** The words the themes are named by ({@link topics}); read again after every update. */
  private topics: Set<string> | undefined

  /**
   * Index the practices, methods and themes of a graph.
   *
   * @param graph The library's graph; the engine reads it, it never changes it.
   * @param options Kinds to index and the citation formatter.
   * @param deferred Leave the index empty ({@link Engine.build} fills it step by step).
   */
  constructor(graph: KnowledgeGraph, options: EngineOptions, deferred = false) {
    this.graph = graph
    this.types = options.types ?? SUGGESTION_TYPES
    this.cite = options.cite
    this.synonyms = synonymsFromGraph(graph)
    if (!deferred) for (const step of this.fill()) void step
  }

  /**
   * Build an engine one note at a time: the generator yields after every note it read or indexed, so a
   * caller on a UI thread can give the thread back in between (the plugin). It returns the engine, whose
   * index is the one the constructor builds. The graph must not change until it is done.
   *
   * @param graph The library's graph.
   * @param options Kinds to index and the citation formatter.
   */
  static *build(graph: KnowledgeGraph, options: EngineOptions): Generator<void, Engine> {
    const engine = new Engine(graph, options, true)
    yield* engine.fill()
    return engine
  }

  /**
   * The index as JSON data, for the persisted index: the notes' entries, from which {@link Engine.restore}
   * rebuilds the postings, the vocabulary and the compound splitter without reading a note again.
   */
  snapshot(): EngineSnapshot {
    const docs: PackedDoc[] = []
    for (let d = 0; d < this.postings.slots; d++) {
      const doc = this.postings.doc(d)
      if (doc) docs.push(packDoc(doc))
    }
    return { types: [...this.types], docs }
  }

  /**
   * The engine a {@link snapshot} was taken of, over the graph of the same notes.
   *
   * @param graph The graph the snapshot's notes are in.
   * @param options Kinds and the citation formatter; the kinds must be the snapshot's.
   * @param snapshot What {@link snapshot} gave.
   * @throws Error when the snapshot does not fit the graph or the kinds (a damaged or foreign cache).
   */
  static restore(graph: KnowledgeGraph, options: EngineOptions, snapshot: EngineSnapshot): Engine {
    const steps = Engine.restoreSteps(graph, options, snapshot)
    for (;;) {
      const next = steps.next()
      if (next.done) return next.value
    }
  }

  /**
   * {@link restore} one note's entry at a time (the generator yields after each), for a caller on a UI
   * thread. The graph must not change until it is done.
   *
   * @throws Error as {@link restore}.
   */
  static *restoreSteps(graph: KnowledgeGraph, options: EngineOptions, snapshot: EngineSnapshot): Generator<void, Engine> {
    const engine = new Engine(graph, options, true)
    if (!Array.isArray(snapshot?.docs) || !Array.isArray(snapshot.types) || snapshot.types.join(',') !== engine.types.join(',')) throw new Error('andere index')
    yield
    for (const packed of snapshot.docs) {
      const node = graph.byPath(packed.path)
      if (!node || !engine.indexable(node)) throw new Error(`index van ${packed?.path} hoort niet bij de notities`)
      const doc = unpackDoc(packed, node, engine.strings)
      engine.postings.add(doc)
      engine.vocabulary.update([], doc.words)
      engine.splitter.addWords(doc.words)
      yield
    }
    let indexable = 0
    for (const node of graph.nodes()) if (engine.indexable(node)) indexable++
    if (indexable !== engine.postings.size) throw new Error('index mist notities')
    return engine
  }

  /** Fill the index, yielding after each note. */
  private *fill(): Generator<void> {
    // Compound splitting needs the whole vocabulary first: read every note's words, then index.
    const analysed: Array<{ node: GraphNode; fields: FieldWords }> = []
    for (const node of this.graph.nodes()) {
      if (!this.indexable(node)) continue
      analysed.push({ node, fields: fieldWords(node) })
      yield
    }
    for (const { fields } of analysed) {
      const words = distinctWords(fields)
      this.vocabulary.update([], words)
      this.splitter.addWords(words)
      yield
    }
    for (const { node, fields } of analysed) {
      this.postings.add(buildDoc(node, fields, this.splitter, this.stemmer, this.strings))
      yield
    }
  }

  /**
   * Prepare now, a step at a time, what the engine otherwise makes at the query that first needs it: the
   * typo corrections' index, then every note's passage units. For a caller on a UI thread (the plugin),
   * so that no keystroke pays for them; it costs the memory they take. The graph must not change until it
   * is done.
   *
   * @param units Cut the passage units too (else only the corrections' index).
   */
  *prepareSteps(units = true): Generator<void> {
    yield* this.vocabulary.prepare()
    if (!units) return
    for (let d = 0; d < this.postings.slots; d++) {
      const doc = this.postings.doc(d)
      if (!doc) continue
      this.unitsOf(doc)
      yield
    }
  }

  /** Number of indexed notes. */
  get size(): number {
    return this.postings.size
  }

  /**
   * Bring the index in line with the graph for one path, after the graph changed it (added, changed,
   * removed or renamed a note there).
   */
  update(path: string): void {
    this.topics = undefined
    const node = this.graph.byPath(path)
    // A synonym note added, changed, removed or turned into another kind: read the synonyms again.
    if (node?.type === 'synoniemen' || this.synonyms.paths.has(path)) this.synonyms = synonymsFromGraph(this.graph)
    const old = this.postings.remove(path)
    const fields: FieldWords | undefined = node && this.indexable(node) ? fieldWords(node) : undefined
    const change = this.vocabulary.update(old?.words ?? [], fields ? distinctWords(fields) : [])
    // The vocabulary compounds are split against changed: notes whose words now split differently are
    // indexed again, so the index stays exactly what a fresh build would give.
    const resplit = this.splitter.resplit(this.vocabulary.words(), change.added, change.removed)
    if (resplit.length > 0) this.units = new WeakMap()
    if (node && fields) this.postings.add(buildDoc(node, fields, this.splitter, this.stemmer, this.strings))
    this.reindex(resplit, path)
  }

  /**
   * Rank the library for a text.
   *
   * @param text The case note (or part of it).
   * @param options Limits, kinds, focus.
   */
  suggest(text: string, options: Options = {}): SuggestResult {
    const started = now()
    const limit = options.limit ?? DEFAULTS.limit
    const weakBelow = options.weakBelow ?? LEVELS.redelijk
    const { postings, stemmer } = this
    const meanLength = postings.meanLength()
    const query = analyzeQuery(text, options, {
      stemmer,
      splitter: this.splitter,
      synonyms: this.synonyms,
      vocabulary: this.vocabulary,
      indexed: (term) => postings.posting(term) !== undefined,
      // Asked once per query term. Only a word of everyday Dutch can be general: the library's side is
      // asked for those alone.
      general: (term) =>
        this.background.general(term, () => ({ share: (postings.posting(term)?.docs.length ?? 0) / Math.max(1, postings.size), length: meanLength, names: this.topicWords().has(term) }))
    })
    const analyzed = now()
    const { ranked, lifts, phrases } = rank(query, postings, this.graph, { types: new Set(options.types ?? this.types), minScore: options.minScore ?? DEFAULTS.minScore })
    const pool = ranked.slice(0, limit * DIVERSITY.pool)
    // The query terms each note of the pool has, found once for diversify and the explanations.
    const matches = queryMatches(query, postings, pool.map((r) => r.d))
    const shown = diversify(pool, query, postings, matches).slice(0, limit)
    const passages = shown.length > 0 ? new PassageFinder(text, query) : undefined
    const suggestions = shown.flatMap(({ d, score }) => {
      const doc = postings.doc(d)
      return doc && passages ? [explain(doc, score, lifts.get(d) ?? [], { query, postings, stemmer, weakBelow, passages, units: (x) => this.unitsOf(x), matches: matches.get(d) ?? { slots: [], terms: [] }, phrases: phrases.get(d) })] : []
    })
    const result: SuggestResult = { suggestions, literature: literature(this.graph, suggestions, options.literatureLimit ?? DEFAULTS.literatureLimit, this.cite) }
    if (options.stats) {
      const done = now()
      result.stats = {
        analyzeMs: round(analyzed - started),
        rankMs: round(done - analyzed),
        totalMs: round(done - started),
        queryTerms: query.size,
        indexed: postings.size
      }
    }
    return result
  }

  /**
   * Search the full text of the indexed notes for a typed query (search.ts): best first, each with an
   * excerpt.
   *
   * @param text What the user typed.
   * @param limit Most hits.
   */
  search(text: string, limit: number): TextHit[] {
    const { postings, stemmer, splitter, synonyms, vocabulary } = this
    return searchText(text, { postings, stemmer, splitter, synonyms, vocabulary, units: (doc) => this.unitsOf(doc) }, limit)
  }

  /** Index again the notes (but the one at `except`) that have one of these words. */
  private reindex(words: readonly string[], except: string): void {
    const paths = new Set<string>()
    for (const word of words) {
      // Every note with a word has the word's stem among its terms.
      for (const d of this.postings.posting(this.stemmer.stem(word))?.docs ?? []) {
        const doc = this.postings.doc(d)
        if (doc && doc.node.path !== except && hasWord(doc, word)) paths.add(doc.node.path)
      }
    }
    for (const p of paths) {
      const doc = this.postings.remove(p)
      if (doc) this.postings.add(buildDoc(doc.node, fieldWords(doc.node), this.splitter, this.stemmer, this.strings))
    }
  }

  /** Stems of the one-word titles and aliases of the themes ("werk", "schulden"), read on first use. */
  private topicWords(): Set<string> {
    this.topics ??= topics(this.graph, this.stemmer)
    return this.topics
  }

  private unitsOf(doc: Doc): Units {
    let list = this.units.get(doc)
    if (!list) {
      list = unitsOf(doc, this.stemmer, this.splitter)
      this.units.set(doc, list)
    }
    return list
  }

  private indexable(node: GraphNode): boolean {
    return node.type !== null && (this.types as readonly string[]).includes(node.type)
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now()
}
