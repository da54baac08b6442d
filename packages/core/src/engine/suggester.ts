/**
 * The relevance engine: given the text of a case note, rank the library's practices, methods and themes,
 * bring along the literature behind them, and say why each matches.
 *
 * Ranking is BM25F over five fields (title and aliases, `signalen`, "Wat werkt" points, `samenvatting`,
 * body), with a bonus for whole signal phrases, query expansion through the library's synonym notes,
 * compound splitting and typo tolerance, then a small lift along the graph (a matching practice lifts its
 * methods and themes) and a diversity pass. Scores are mapped to 0–1 by a fixed saturation curve, so a
 * score means the same whatever else matched: a note about a broken washing machine gets low scores, not
 * a rescaled 1.0.
 *
 * The index is kept current one note at a time ({@link Suggester.sync}), without a rebuild.
 */
import { apaReference } from '../cite/index.js'
import type { GraphNode, KnowledgeGraph } from '../graph/graph.js'
import { stringList } from '../note/parse.js'
import { CompoundSplitter, isStopWord, normalizedWords, stem, tokenize, type Token } from './analyze.js'
import { synonymsFromGraph, type SynonymTable } from './synonyms.js'
import type { FieldName, LiteratureSuggestion, Match, Options, SuggestionType, SuggestResult, Suggestion } from './types.js'

const FIELDS: readonly FieldName[] = ['title', 'signalen', 'watwerkt', 'samenvatting', 'body']
const FIELD_COUNT = FIELDS.length
/** How much a word in each field counts. */
const WEIGHTS = [3, 3, 1.5, 1.5, 1] as const
/** How strongly each field's length is normalised (BM25 b). */
const B = [0.3, 0.4, 0.6, 0.5, 0.75] as const
const K1 = 1.2
/** Compound parts count less than the whole word. */
const PART_WEIGHT = 0.5
/** Extra weight of a whole signal phrase found in the note, times the mean idf of its words. */
const PHRASE_BONUS = 1.6
/** Raw score at which the normalised score is 0.5. */
const HALF_SCORE = 9
/** Propagation: how much of a suggestion's raw score its methods and themes receive. */
const LIFT = { method: 0.15, theme: 0.1 } as const
/** Shortest word that typo tolerance corrects. */
const MIN_TYPO_LENGTH = 7
/** How many of the best notes by words are considered further (phrases, lifts, diversity). */
const CANDIDATES = 300
/** How many of the best direct matches lift their neighbours. */
const LIFT_SOURCES = 12

const FIELD_LABELS: Record<FieldName, string> = {
  title: 'titel',
  signalen: 'signalen',
  watwerkt: 'wat werkt',
  samenvatting: 'samenvatting',
  body: 'tekst'
}

const SUGGESTION_TYPES: readonly SuggestionType[] = ['praktijk', 'methodiek', 'thema']

interface Phrase {
  text: string
  terms: string[]
}

interface Doc {
  node: GraphNode
  type: SuggestionType
  lengths: number[]
  /** Term → weighted term frequency per field. */
  /** Term → offset of its frequencies per field in `tf` (FIELD_COUNT numbers from there). */
  terms: Map<string, number>
  /** All term frequencies of the note, packed: one allocation per note instead of one per term. */
  tf: Float64Array
  phrases: Phrase[]
  /** Normalised words of the note (for the typo vocabulary). */
  words: Map<string, number>
  /** Stem → the note's most frequent word with that stem, to show readable terms. */
  display: Map<string, string>
}

interface Posting {
  docs: number[]
  /** Offset of the term's frequencies in each doc's `tf`, parallel to `docs`. */
  offsets: number[]
  /**
   * The BM25 saturation `tf / (K1 + tf)` of the field-weighted frequency in each doc, parallel to `docs`;
   * valid while `version` equals the index's statistics version (it depends on average field lengths).
   */
  saturation: Float64Array
  version: number
}

interface QueryTerm {
  term: string
  weight: number
  words: Set<string>
  kind: Match['kind']
  /** Positions of the term in the note (for phrases). */
  positions: number[]
}

/** Options for the index. */
export interface IndexOptions {
  /** Which kinds to index (default praktijk, methodiek, thema). */
  types?: readonly SuggestionType[]
}

/**
 * The relevance engine over a knowledge graph.
 */
export class Suggester {
  private readonly graph: KnowledgeGraph
  private readonly types: readonly SuggestionType[]
  private readonly docs: Array<Doc | undefined> = []
  private readonly free: number[] = []
  private readonly byPath = new Map<string, number>()
  private readonly postings = new Map<string, Posting>()
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0)
  private docCount = 0
  /** Bumped whenever field-length statistics change: cached saturations are then recomputed on use. */
  private statsVersion = 0
  private readonly splitter = new CompoundSplitter()
  /** Normalised word → number of notes it occurs in. */
  private readonly wordDf = new Map<string, number>()
  /** One-deletion variant → words, for typo tolerance; built on the first typo lookup, then kept current. */
  private deletions: Map<string, Set<string>> | undefined
  private synonyms: SynonymTable
  /** Typo corrections found so far (cleared when the vocabulary changes). */
  private readonly typoCache = new Map<string, string | null>()
  /** Formatted references, per parsed note. */
  private readonly citations = new WeakMap<object, string>()

  /**
   * Index the practices, methods and themes of a graph.
   *
   * @param graph The library's graph; the engine reads it, it never changes it.
   */
  constructor(graph: KnowledgeGraph, options: IndexOptions = {}) {
    this.graph = graph
    this.types = options.types ?? SUGGESTION_TYPES
    this.synonyms = synonymsFromGraph(graph)
    // Compound splitting needs the whole vocabulary first: read every note's words, then index.
    const analysed = graph
      .nodes()
      .filter((n) => this.indexable(n))
      .map((node) => ({ node, fields: fieldWords(node) }))
    for (const { fields } of analysed) for (const words of fields.words) this.splitter.addWords(words)
    for (const { node, fields } of analysed) this.add(node, fields)
  }

  /** Number of indexed notes. */
  get size(): number {
    return this.docCount
  }

  /**
   * Bring the index in line with the graph for one path, after the graph changed it (added, changed,
   * removed or renamed a note there). Cost: that one note.
   */
  sync(path: string): void {
    const node = this.graph.byPath(path)
    // A synonym note added, changed, removed or turned into another kind: read the synonyms again.
    if (node?.type === 'synoniemen' || this.synonyms.paths.has(path)) this.synonyms = synonymsFromGraph(this.graph)
    this.removeDoc(path)
    if (node && this.indexable(node)) {
      const fields = fieldWords(node)
      for (const words of fields.words) this.splitter.addWords(words)
      this.add(node, fields)
    }
  }

  /**
   * Rank the library for a text.
   *
   * @param text The case note (or part of it).
   * @param options Limits, kinds, focus.
   */
  suggest(text: string, options: Options = {}): SuggestResult {
    const started = now()
    const limit = options.limit ?? 10
    const minScore = options.minScore ?? 0.25
    const weakBelow = options.weakBelow ?? 0.5
    const types = new Set(options.types ?? this.types)
    const query = this.analyzeQuery(text, options)
    const analyzed = now()

    // Accumulate in a dense array: a note's slot is its index number.
    const scores = new Float64Array(this.docs.length)
    const touched: number[] = []
    for (const q of query.values()) {
      const posting = this.postings.get(q.term)
      if (!posting) continue
      const qw = (q.weight >= 1 ? 1 + Math.log(q.weight) : q.weight) * this.idf(posting.docs.length)
      const saturation = this.saturation(posting)
      const docs = posting.docs
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number
        if (scores[d] === 0) touched.push(d)
        scores[d] = (scores[d] as number) + qw * (saturation[i] as number)
      }
    }
    // Only the best notes by words can end near the top: phrase bonuses and lifts are worked out for them.
    touched.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b)
    const raw = new Map<number, number>()
    for (const d of touched.slice(0, CANDIDATES)) {
      const doc = this.docs[d]
      raw.set(d, (scores[d] as number) + (doc && doc.phrases.length > 0 ? this.phraseScore(doc, query).bonus : 0))
    }

    // Graph propagation: the best direct matches lift their methods and themes a little. A note linked from
    // many matches gets its largest lift in full and a quarter of the others, so broad themes do not pile up.
    const lifted = new Map<number, Array<{ from: string; amount: number }>>()
    const sources = [...raw.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, LIFT_SOURCES)
    for (const [d, score] of sources) {
      const doc = this.docs[d]
      if (!doc || doc.type === 'thema') continue
      for (const edge of this.graph.edgesFrom(doc.node.path)) {
        const share = edge.kind === 'method' ? LIFT.method : edge.kind === 'theme' ? LIFT.theme : 0
        // A lifted note outside the candidates still keeps what its own words scored.
        const target = this.byPath.get(edge.to)
        if (share === 0 || target === undefined) continue
        const list = lifted.get(target) ?? []
        list.push({ from: doc.node.title, amount: share * score })
        lifted.set(target, list)
      }
    }
    for (const [target, lifts] of lifted) {
      const amounts = lifts.map((l) => l.amount).sort((a, b) => b - a)
      const total = (amounts[0] ?? 0) + 0.25 * amounts.slice(1).reduce((a, b) => a + b, 0)
      raw.set(target, (raw.get(target) ?? scores[target] ?? 0) + total)
    }

    const ranked = [...raw.entries()]
      .map(([d, score]) => ({ d, score: normalise(score) }))
      .filter(({ d, score }) => score >= minScore && types.has(this.docs[d]?.type ?? 'thema'))
      .sort((a, b) => b.score - a.score || compare(this.docs[a.d]?.node.title ?? '', this.docs[b.d]?.node.title ?? ''))

    const suggestions = this.diversify(ranked.slice(0, limit * 3), query)
      .slice(0, limit)
      .map(({ d, score }) => this.explain(d, score, query, lifted.get(d) ?? [], weakBelow))
    const literature = this.literature(suggestions, options.literatureLimit ?? 10)
    const result: SuggestResult = { suggestions, literature }
    if (options.stats) {
      const done = now()
      result.stats = {
        analyzeMs: round(analyzed - started),
        rankMs: round(done - analyzed),
        totalMs: round(done - started),
        queryTerms: query.size,
        indexed: this.docCount
      }
    }
    return result
  }

  private indexable(node: GraphNode): boolean {
    return node.type !== null && (this.types as readonly string[]).includes(node.type)
  }

  private add(node: GraphNode, fields: FieldWords): void {
    const doc = this.buildDoc(node, fields)
    const d = this.free.pop() ?? this.docs.length
    this.docs[d] = doc
    this.byPath.set(node.path, d)
    this.docCount++
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f] = (this.lengthSums[f] ?? 0) + (doc.lengths[f] ?? 0)
    this.statsVersion++
    for (const [term, offset] of doc.terms) {
      const posting = this.postings.get(term)
      if (posting) {
        posting.docs.push(d)
        posting.offsets.push(offset)
        posting.version = -1
      } else this.postings.set(term, { docs: [d], offsets: [offset], saturation: new Float64Array(0), version: -1 })
    }
    this.typoCache.clear()
    for (const word of doc.words.keys()) {
      const df = this.wordDf.get(word) ?? 0
      this.wordDf.set(word, df + 1)
      if (df === 0 && this.deletions && word.length >= MIN_TYPO_LENGTH - 1) for (const del of deletions(word)) addTo(this.deletions, del, word)
    }
  }

  private removeDoc(path: string): void {
    const d = this.byPath.get(path)
    if (d === undefined) return
    const doc = this.docs[d]
    this.byPath.delete(path)
    this.docs[d] = undefined
    this.free.push(d)
    if (!doc) return
    this.docCount--
    this.statsVersion++
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f] = (this.lengthSums[f] ?? 0) - (doc.lengths[f] ?? 0)
    for (const term of doc.terms.keys()) {
      const posting = this.postings.get(term)
      if (!posting) continue
      const i = posting.docs.indexOf(d)
      if (i !== -1) {
        const last = posting.docs.length - 1
        posting.docs[i] = posting.docs[last] as number
        posting.offsets[i] = posting.offsets[last] as number
        posting.docs.pop()
        posting.offsets.pop()
        posting.version = -1
      }
      if (posting.docs.length === 0) this.postings.delete(term)
    }
    this.typoCache.clear()
    for (const word of doc.words.keys()) {
      const df = (this.wordDf.get(word) ?? 1) - 1
      if (df > 0) {
        this.wordDf.set(word, df)
        continue
      }
      this.wordDf.delete(word)
      if (!this.deletions) continue
      for (const del of deletions(word)) {
        const set = this.deletions.get(del)
        set?.delete(word)
        if (set?.size === 0) this.deletions.delete(del)
      }
    }
  }

  private buildDoc(node: GraphNode, fields: FieldWords): Doc {
    const terms = new Map<string, number>()
    const packed: number[] = []
    const lengths: number[] = []
    const words = new Map<string, number>()
    fields.words.forEach((list, f) => {
      // Count each word once per field, then stem and split each distinct word once.
      const counts = new Map<string, number>()
      for (const norm of list) counts.set(norm, (counts.get(norm) ?? 0) + 1)
      for (const [norm, count] of counts) {
        words.set(norm, (words.get(norm) ?? 0) + count)
        bump(terms, packed, stem(norm), f, count)
        for (const part of this.splitter.split(norm)) bump(terms, packed, stem(part), f, PART_WEIGHT * count)
      }
      lengths.push(list.length)
    })
    const signals = fields.signals
    const phrases: Phrase[] = []
    for (const signal of signals) {
      const phraseTerms = normalizedWords(signal)
        .filter((w) => isContentToken(w) && !isStopWord(w))
        .map(stem)
      if (phraseTerms.length >= 2) phrases.push({ text: signal, terms: phraseTerms })
    }
    const display = new Map<string, string>()
    const best = new Map<string, number>()
    for (const [word, count] of words) {
      const st = stem(word)
      if (count > (best.get(st) ?? 0) || (count === best.get(st) && word < (display.get(st) ?? ''))) {
        best.set(st, count)
        display.set(st, word)
      }
    }
    return { node, type: node.type as SuggestionType, lengths, terms, tf: Float64Array.from(packed), phrases, words, display }
  }

  /** The posting's saturations, recomputed when the field-length statistics changed since the last use. */
  private saturation(posting: Posting): Float64Array {
    if (posting.version === this.statsVersion && posting.saturation.length === posting.docs.length) return posting.saturation
    const avg = this.averageLengths()
    const out = new Float64Array(posting.docs.length)
    for (let i = 0; i < out.length; i++) {
      const doc = this.docs[posting.docs[i] as number]
      if (!doc) continue
      const pseudo = pseudoTf(doc.lengths, doc.tf, posting.offsets[i] as number, avg)
      out[i] = pseudo / (K1 + pseudo)
    }
    posting.saturation = out
    posting.version = this.statsVersion
    return out
  }

  /** Average length of each field over the indexed notes. */
  private averageLengths(): number[] {
    return this.lengthSums.map((sum) => sum / Math.max(1, this.docCount) || 1)
  }

  private idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5))
  }

  /** The query's terms with weights: words, compound parts, synonym expansions and typo corrections. */
  private analyzeQuery(text: string, options: Options): Map<string, QueryTerm> {
    // A case note's own frontmatter (date, pseudonym, type) is bookkeeping, not content.
    const bodyStart = frontmatterEnd(text)
    const tokens = tokenize(withoutComments(text)).filter((t) => t.offset >= bodyStart && isContentToken(t.norm))
    tokens.forEach((t, i) => (t.position = i))
    const focus = options.focus === 'section' && options.cursor !== undefined ? focusRange(text, options.cursor) : undefined
    const query = new Map<string, QueryTerm>()
    const add = (term: string, weight: number, word: string, kind: Match['kind'], position: number): void => {
      const q = query.get(term)
      if (q) {
        q.weight += weight
        q.words.add(word)
        q.positions.push(position)
        if (rank(kind) < rank(q.kind)) q.kind = kind
      } else {
        query.set(term, { term, weight, words: new Set([word]), kind, positions: [position] })
      }
    }
    const norms = tokens.map((t) => t.norm)
    for (const token of tokens) {
      const w = focus ? (token.offset >= focus[0] && token.offset < focus[1] ? 3 : 1) : 1
      for (const entry of this.synonyms.at(norms, token.position)) {
        const words = tokens.slice(token.position, token.position + entry.term.length).map((t) => t.surface).join(' ')
        for (const expansion of entry.expansions) {
          for (const e of tokenize(expansion)) {
            if (isStopWord(e.norm)) continue
            add(stem(e.norm), 0.9 * w, words, 'synonym', token.position)
            for (const part of this.splitter.split(e.norm)) add(stem(part), 0.5 * w, words, 'synonym', token.position)
          }
        }
      }
      if (isStopWord(token.norm)) continue
      const term = stem(token.norm)
      add(term, w, token.surface, 'word', token.position)
      for (const part of this.splitter.split(token.norm)) add(stem(part), 0.6 * w, token.surface, 'compound', token.position)
      if (!this.postings.has(term)) this.addTypo(token, w, add)
    }
    return query
  }

  private addTypo(token: Token, weight: number, add: (term: string, weight: number, word: string, kind: Match['kind'], position: number) => void): void {
    const norm = token.norm
    // Short words are too often other real words ("gebeld" is no typo of "geweld"): only long, unknown
    // words are corrected, and only to a word with the same first letter.
    if (norm.length < MIN_TYPO_LENGTH || /\d/.test(norm) || this.wordDf.has(norm)) return
    const cached = this.typoCache.get(norm)
    if (cached !== undefined) {
      if (cached !== null) add(stem(cached), 0.6 * weight, token.surface, 'typo', token.position)
      return
    }
    let best: string | undefined
    let bestDf = 0
    const consider = (word: string): void => {
      if (word[0] !== norm[0]) return
      const df = this.wordDf.get(word) ?? 0
      if (df > bestDf || (df === bestDf && best !== undefined && word < best)) {
        best = word
        bestDf = df
      }
    }
    // Distance 1 (insertion, deletion, substitution, transposition), found through shared deletions.
    const index = this.deletionIndex()
    for (const del of [norm, ...deletions(norm)]) {
      for (const word of index.get(del) ?? []) if (word !== norm && damerauAtMostOne(norm, word)) consider(word)
      if (del !== norm && this.wordDf.has(del)) consider(del)
    }
    if (this.typoCache.size > 10_000) this.typoCache.clear()
    this.typoCache.set(norm, best ?? null)
    if (best !== undefined) add(stem(best), 0.6 * weight, token.surface, 'typo', token.position)
  }

  private deletionIndex(): Map<string, Set<string>> {
    if (!this.deletions) {
      this.deletions = new Map()
      for (const word of this.wordDf.keys()) if (word.length >= MIN_TYPO_LENGTH - 1) for (const del of deletions(word)) addTo(this.deletions, del, word)
    }
    return this.deletions
  }

  private phraseScore(doc: Doc, query: Map<string, QueryTerm>): { bonus: number; phrases: string[] } {
    let bonus = 0
    const phrases: string[] = []
    for (const phrase of doc.phrases) {
      if (!phrase.terms.every((t) => query.has(t))) continue
      if (!nearby(phrase.terms.map((t) => query.get(t)?.positions ?? []), phrase.terms.length + 4)) continue
      let idf = 0
      for (const t of phrase.terms) idf += this.idf(this.postings.get(t)?.docs.length ?? this.docCount)
      bonus += PHRASE_BONUS * (idf / phrase.terms.length) * Math.min(3, phrase.terms.length - 1)
      phrases.push(phrase.text)
    }
    return { bonus, phrases }
  }

  /** Push near-identical suggestions (same kind, matched on the same words) down the list. */
  private diversify(ranked: Array<{ d: number; score: number }>, query: Map<string, QueryTerm>): Array<{ d: number; score: number }> {
    const matchedTerms = (d: number): Set<string> => {
      const doc = this.docs[d]
      const set = new Set<string>()
      if (doc) for (const term of query.keys()) if (doc.terms.has(term)) set.add(term)
      return set
    }
    const chosen: Array<{ d: number; score: number; terms: Set<string> }> = []
    const pending = ranked.map((r) => ({ ...r, terms: matchedTerms(r.d) }))
    while (pending.length > 0) {
      pending.sort((a, b) => b.score - a.score)
      const next = pending.shift()
      if (!next) break
      chosen.push(next)
      const type = this.docs[next.d]?.type
      for (const p of pending) {
        if (this.docs[p.d]?.type === type && jaccard(p.terms, next.terms) >= 0.8) p.score *= 0.85
      }
    }
    return chosen.map(({ d, score }) => ({ d, score }))
  }

  private explain(d: number, score: number, query: Map<string, QueryTerm>, lifts: Array<{ from: string; amount: number }>, weakBelow: number): Suggestion {
    const doc = this.docs[d] as Doc
    const node = doc.node
    const matches: Match[] = []
    const { phrases } = this.phraseScore(doc, query)
    for (const phrase of phrases) {
      const words = new Set<string>()
      for (const t of tokenize(phrase)) for (const w of query.get(stem(t.norm))?.words ?? []) words.add(w)
      matches.push({ words: [...words], term: phrase, field: 'signalen', kind: 'phrase' })
    }
    const contributions: Array<{ q: QueryTerm; field: FieldName; value: number }> = []
    for (const q of query.values()) {
      const offset = doc.terms.get(q.term)
      if (offset === undefined) continue
      let best = -1
      let bestValue = 0
      for (let f = 0; f < FIELD_COUNT; f++) {
        const v = (doc.tf[offset + f] ?? 0) * (WEIGHTS[f] ?? 1)
        if (v > bestValue) {
          best = f
          bestValue = v
        }
      }
      const field = FIELDS[best] ?? 'body'
      contributions.push({ q, field, value: this.idf(this.postings.get(q.term)?.docs.length ?? 1) * bestValue })
    }
    contributions.sort((a, b) => b.value - a.value || compare(a.q.term, b.q.term))
    // A compound part or synonym of a word that also matched as a whole adds nothing to read.
    const wholeWords = new Set(contributions.filter((c) => c.q.kind === 'word').flatMap((c) => [...c.q.words]))
    const shown = contributions.filter((c) => c.q.kind === 'word' || ![...c.q.words].every((w) => wholeWords.has(w)))
    for (const { q, field } of shown.slice(0, 8)) {
      matches.push({ words: [...q.words].sort(), term: displayTerm(q, doc), field, kind: q.kind })
    }
    const why: string[] = []
    for (const m of matches.filter((m) => m.kind === 'phrase').slice(0, 3)) why.push(`signaal "${m.term}"`)
    // Per field: the user's words; a synonym, compound part or typo shows what it stood for.
    const byField = new Map<FieldName, Map<string, Set<string>>>()
    for (const m of matches) {
      if (m.kind === 'phrase') continue
      const words = m.words.join('/')
      const fieldMap = byField.get(m.field) ?? new Map<string, Set<string>>()
      const meanings = fieldMap.get(words) ?? new Set<string>()
      if (m.kind !== 'word') meanings.add(`${m.kind === 'synonym' ? '= ' : m.kind === 'typo' ? '≈ ' : '→ '}${m.term}`)
      fieldMap.set(words, meanings)
      byField.set(m.field, fieldMap)
    }
    for (const field of FIELDS) {
      const fieldMap = byField.get(field)
      if (!fieldMap || fieldMap.size === 0) continue
      const shown = [...fieldMap].slice(0, 5).map(([words, meanings]) => (meanings.size > 0 ? `${words} (${[...meanings].join(', ')})` : words))
      why.push(`${FIELD_LABELS[field]}: ${shown.join(', ')}`)
    }
    const via = [...lifts].sort((a, b) => b.amount - a.amount).map((l) => l.from)
    const uniqueVia = [...new Set(via)]
    for (const title of uniqueVia.slice(0, 3)) why.push(`via [[${title}]]`)

    const suggestion: Suggestion = {
      id: node.id,
      type: doc.type,
      title: node.title,
      path: node.path,
      score: round(score, 3),
      why,
      weak: score < weakBelow,
      matches,
      via: uniqueVia
    }
    const fm = node.note.frontmatter
    if (typeof fm['bewijs'] === 'string') suggestion.evidence = fm['bewijs']
    if (typeof fm['samenvatting'] === 'string') suggestion.summary = fm['samenvatting']
    return suggestion
  }

  private citation(node: GraphNode): string {
    let text = this.citations.get(node.note)
    if (text === undefined) {
      text = apaReference(node)
      this.citations.set(node.note, text)
    }
    return text
  }

  private literature(suggestions: Suggestion[], limit: number): LiteratureSuggestion[] {
    const found = new Map<string, { node: GraphNode; score: number; via: string[] }>()
    for (const s of suggestions) {
      if (s.weak) continue
      for (const edge of this.graph.edgesFrom(s.path, 'literature')) {
        const node = this.graph.byPath(edge.to)
        if (!node || node.type !== 'literatuur') continue
        const entry = found.get(node.path) ?? { node, score: 0, via: [] }
        // The best source counts fully, every further one adds a little: max + 0.25 × rest, capped at 1.
        entry.score = entry.via.length === 0 ? s.score * 0.9 : Math.min(1, entry.score + s.score * 0.25)
        entry.via.push(s.title)
        found.set(node.path, entry)
      }
    }
    return [...found.values()]
      .sort((a, b) => b.score - a.score || compare(a.node.title, b.node.title))
      .slice(0, limit)
      .map(({ node, score, via }) => ({
        id: node.id,
        title: node.title,
        citation: this.citation(node),
        path: node.path,
        score: round(score, 3),
        via,
        why: via.slice(0, 3).map((v) => `via [[${v}]]`)
      }))
  }
}

function displayTerm(q: QueryTerm, doc: Doc): string {
  // Show a real word of the library note for the stem, e.g. "urinecontrole" rather than "urinecontrol".
  return doc.display.get(q.term) ?? q.term
}

/** Numbers alone and single characters carry no meaning for ranking ("12", "S."); "3ro" and "uc" do. */
function isContentToken(norm: string): boolean {
  return norm.length > 1 && !/^\d+$/.test(norm)
}

/**
 * The text with Obsidian comments (`%% ... %%`) and HTML comments blanked out, offsets unchanged: a
 * template's prompts are not what the note is about.
 */
function withoutComments(text: string): string {
  if (!text.includes('%%') && !text.includes('<!--')) return text
  return text.replace(/%%[\s\S]*?(?:%%|$)|<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ' '))
}

/** Offset where the body starts, after a leading `---` frontmatter block (0 when there is none). */
function frontmatterEnd(text: string): number {
  if (!text.startsWith('---')) return 0
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3))
  return close ? 3 + close.index + close[0].length : 0
}

/** A note's content words per field, and its signal phrases. */
interface FieldWords {
  words: string[][]
  signals: string[]
}

/** Read a note's fields into normalised content words (stop words, numbers and single letters left out). */
function fieldWords(node: GraphNode): FieldWords {
  const note = node.note
  const fm = note.frontmatter
  const signals = stringList(fm['signalen'])
  const watwerkt = note.sections.filter((s) => /^wat werkt\??$/i.test(s.heading)).flatMap((s) => s.items.map((i) => i.text))
  const texts = [
    [node.title, ...node.aliases].join('\n'),
    signals.join('\n'),
    watwerkt.join('\n'),
    typeof fm['samenvatting'] === 'string' ? fm['samenvatting'] : '',
    note.text
  ]
  return { words: texts.map((t) => normalizedWords(t).filter((w) => isContentToken(w) && !isStopWord(w))), signals }
}

/** BM25F: the field-weighted, length-normalised frequency of a term in a note. */
function pseudoTf(lengths: number[], tf: Float64Array, offset: number, avg: number[]): number {
  let pseudo = 0
  for (let f = 0; f < FIELD_COUNT; f++) {
    const v = tf[offset + f] as number
    if (v === 0) continue
    const b = B[f] as number
    pseudo += ((WEIGHTS[f] as number) * v) / (1 - b + (b * (lengths[f] as number)) / (avg[f] as number))
  }
  return pseudo
}

/** Raw score → 0–1 on a fixed curve: the same raw score always reads the same. */
function normalise(raw: number): number {
  return raw / (raw + HALF_SCORE)
}

/** The paragraph (between blank lines or headings) around a cursor, as [start, end) offsets. */
function focusRange(text: string, cursor: number): [number, number] {
  const c = Math.max(0, Math.min(cursor, text.length))
  const breaks = /\n[ \t]*\n|\n(?=#)/g
  let start = 0
  let end = text.length
  let m: RegExpExecArray | null
  while ((m = breaks.exec(text))) {
    if (m.index + m[0].length <= c) start = m.index + m[0].length
    else if (m.index >= c) {
      end = m.index
      break
    }
  }
  return [start, end]
}

/** Whether one position from each list lies within a window. */
function nearby(positionLists: number[][], window: number): boolean {
  const first = positionLists[0] ?? []
  return first.some((p) => positionLists.every((list) => list.some((q) => Math.abs(q - p) <= window)))
}

function deletions(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1))
  return out
}

/** Damerau–Levenshtein distance ≤ 1 (with adjacent transposition). */
function damerauAtMostOne(a: string, b: string): boolean {
  if (a === b) return true
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a[i] === b[i]) i++
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/** Add to a term's frequency in one field; a new term gets FIELD_COUNT zeros at the end of `packed`. */
function bump(terms: Map<string, number>, packed: number[], term: string, field: number, amount: number): void {
  let offset = terms.get(term)
  if (offset === undefined) {
    offset = packed.length
    for (let f = 0; f < FIELD_COUNT; f++) packed.push(0)
    terms.set(term, offset)
  }
  packed[offset + field] = (packed[offset + field] as number) + amount
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (set) set.add(value)
  else map.set(key, new Set([value]))
}

function rank(kind: Match['kind']): number {
  return ['word', 'phrase', 'synonym', 'compound', 'typo'].indexOf(kind)
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now()
}
