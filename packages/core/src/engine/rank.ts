/**
 * Ranking one query: BM25F scores accumulated over the postings, a bonus for whole signal phrases, a lift
 * along the graph (a matching practice lifts its methods and themes), the fixed 0–1 curve, and a
 * diversity pass that pushes near-identical suggestions down.
 */
import type { KnowledgeGraph } from '../graph/graph.js'
import { FIELD_COUNT, type Doc } from './documents.js'
import type { Postings } from './postings.js'
import type { Query, QueryTerm } from './query.js'
import type { SuggestionType } from './types.js'
import { compare } from './util.js'
import { BACKGROUND, CANDIDATES, DIVERSITY, HALF_SCORE, LENGTH, LIFT, PHRASE } from './weights.js'

/** A note in the ranking: its slot and its score. */
export interface Ranked {
  d: number
  score: number
}

/** What one suggestion lent another along the graph. */
export interface Lift {
  /** Title of the note that lifted. */
  from: string
  amount: number
}

/** The ranking of a query. */
export interface Ranking {
  /** Notes at or above the minimum score, of the kinds asked for, best first (0–1 scores). */
  ranked: Ranked[]
  /** Per slot, the lifts it received. */
  lifts: Map<number, Lift[]>
  /** Per slot of a candidate with signal phrases, those of its phrases found in the query ({@link phraseScore}). */
  phrases: Map<number, string[]>
}

/**
 * Rank the indexed notes for a query.
 *
 * @param query The analysed case note.
 * @param postings The index.
 * @param graph The library's graph (for the lifts).
 * @param filter The kinds to keep and the lowest score kept.
 */
export function rank(query: Query, postings: Postings, graph: KnowledgeGraph, filter: { types: ReadonlySet<SuggestionType>; minScore: number }): Ranking {
  // Accumulate in a dense array: a note's slot is its index number.
  const scores = new Float64Array(postings.slots)
  // Whether a note matched a word that is not general (background.ts): only those can be suggested.
  const evidenced = new Uint8Array(postings.slots)
  const touched: number[] = []
  for (const q of query.values()) {
    const posting = postings.posting(q.term)
    if (!posting) continue
    const qw = (q.weight >= 1 ? 1 + Math.log(q.weight) : q.weight) * postings.idf(posting.docs.length) * (q.general ? BACKGROUND.weight : 1)
    const saturation = postings.saturation(posting)
    const docs = posting.docs
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number
      if (scores[d] === 0) touched.push(d)
      scores[d] = (scores[d] as number) + qw * (saturation[i] as number)
      if (!q.general) evidenced[d] = 1
    }
  }
  // Ties go by path, not by slot: slots depend on the order notes came and went, paths do not.
  const byPath = (a: number, b: number): number => compare(postings.doc(a)?.node.path ?? '', postings.doc(b)?.node.path ?? '')
  // Only the best notes by words can end near the top: phrase bonuses and lifts are worked out for them.
  touched.sort((a, b) => (scores[b] as number) - (scores[a] as number) || byPath(a, b))
  const raw = new Map<number, number>()
  const found = new Map<number, string[]>()
  for (const d of touched.slice(0, CANDIDATES)) {
    const doc = postings.doc(d)
    const phrases = doc && doc.phrases.length > 0 ? phraseScore(doc, query, postings) : undefined
    if (phrases) found.set(d, phrases.phrases)
    // General words alone are no evidence: such a note is left out, unless a whole signal phrase matched.
    if (evidenced[d] === 0 && (phrases?.phrases.length ?? 0) === 0) continue
    raw.set(d, (scores[d] as number) + (phrases?.bonus ?? 0))
  }

  // Graph propagation: the best direct matches lift their methods and themes a little. A note linked from
  // many matches gets its largest lift in full and a share of the others, so broad themes do not pile up.
  const lifts = new Map<number, Lift[]>()
  const sources = [...raw.entries()].sort((a, b) => b[1] - a[1] || byPath(a[0], b[0])).slice(0, LIFT.sources)
  for (const [d, score] of sources) {
    const doc = postings.doc(d)
    if (!doc || doc.type === 'thema') continue
    for (const edge of graph.edgesFrom(doc.node.path)) {
      const share = edge.kind === 'method' ? LIFT.method : edge.kind === 'theme' ? LIFT.theme : 0
      // A lifted note outside the candidates still keeps what its own words scored.
      const target = postings.slot(edge.to)
      if (share === 0 || target === undefined) continue
      const list = lifts.get(target) ?? []
      list.push({ from: doc.node.title, amount: share * score })
      lifts.set(target, list)
    }
  }
  for (const [target, list] of lifts) {
    const amounts = list.map((l) => l.amount).sort((a, b) => b - a)
    const total = (amounts[0] ?? 0) + LIFT.further * amounts.slice(1).reduce((a, b) => a + b, 0)
    raw.set(target, (raw.get(target) ?? scores[target] ?? 0) + total)
  }

  const correction = lengthCorrection(query)
  const ranked = [...raw.entries()]
    .map(([d, score]) => ({ d, score: normalise(score * correction) }))
    .filter(({ d, score }) => score >= filter.minScore && filter.types.has(postings.doc(d)?.type ?? 'thema'))
    .sort((a, b) => b.score - a.score || compare(postings.doc(a.d)?.node.title ?? '', postings.doc(b.d)?.node.title ?? '') || byPath(a.d, b.d))
  return { ranked, lifts, phrases: found }
}

/** The bonus of a note's signal phrases whose words all stand close together in the query, and those phrases. */
export function phraseScore(doc: Doc, query: Query, postings: Postings): { bonus: number; phrases: string[] } {
  let bonus = 0
  const phrases: string[] = []
  for (const phrase of doc.phrases) {
    if (!phrase.terms.every((t) => query.has(t))) continue
    if (!nearby(phrase.terms.map((t) => query.get(t)?.positions ?? []), phrase.terms.length + PHRASE.slack)) continue
    let idf = 0
    for (const t of phrase.terms) idf += postings.termIdf(t)
    bonus += PHRASE.bonus * (idf / phrase.terms.length) * Math.min(PHRASE.maxWords, phrase.terms.length - 1)
    phrases.push(phrase.text)
  }
  return { bonus, phrases }
}

/** The query terms a note has, and their slots in the note ({@link Doc.stems}), parallel; in no set order. */
export interface QueryMatches {
  slots: number[]
  terms: QueryTerm[]
}

/**
 * For a few ranked notes, the query terms each has ({@link QueryMatches}). Either way below finds the
 * same pairs; the cheaper one is taken: walking the postings of the query's terms once for all the notes
 * (a small library, where the notes have more stems than the postings are long), or walking each note's
 * stems (a large one, where postings are long). The notes' compact stems keep no map to look terms up in.
 *
 * @param query The analysed case note.
 * @param postings The index.
 * @param docs Slots of the notes.
 * @param by Take this way whatever it costs (for the test that both ways agree).
 */
export function queryMatches(query: Query, postings: Postings, docs: readonly number[], by?: 'postings' | 'stems'): Map<number, QueryMatches> {
  const out = new Map<number, QueryMatches>()
  let stems = 0
  for (const d of docs) {
    const doc = postings.doc(d)
    if (!doc || out.has(d)) continue
    out.set(d, { slots: [], terms: [] })
    stems += doc.stems.length
  }
  let viaPostings = 0
  for (const q of query.values()) viaPostings += postings.posting(q.term)?.docs.length ?? 0
  if (by === 'postings' || (by === undefined && viaPostings < stems)) {
    for (const q of query.values()) {
      const posting = postings.posting(q.term)
      if (!posting) continue
      for (let i = 0; i < posting.docs.length; i++) {
        const m = out.get(posting.docs[i] as number)
        if (m === undefined) continue
        m.slots.push((posting.offsets[i] as number) / FIELD_COUNT)
        m.terms.push(q)
      }
    }
  } else {
    for (const [d, m] of out) {
      const list = (postings.doc(d) as Doc).stems
      for (let i = 0; i < list.length; i++) {
        const q = query.get(list[i] as string)
        if (q === undefined) continue
        m.slots.push(i)
        m.terms.push(q)
      }
    }
  }
  return out
}

/**
 * Push near-identical suggestions (same kind, matched on the same words) down the list, and hub control:
 * a broad note (a theme or method) matched on words that a practice scoring nearly as well also matched
 * yields to that practice, so the specific advice comes before the broad one.
 */
export function diversify(ranked: Ranked[], query: Query, postings: Postings, matches: ReadonlyMap<number, QueryMatches>): Ranked[] {
  const matchedTerms = (d: number): Set<string> => {
    const set = new Set<string>()
    for (const q of matches.get(d)?.terms ?? []) if (!q.general) set.add(q.term)
    return set
  }
  const chosen: Array<Ranked & { terms: Set<string> }> = []
  const pending = ranked.map((r) => ({ ...r, terms: matchedTerms(r.d) }))
  const practices = pending.filter((p) => postings.doc(p.d)?.type === 'praktijk')
  for (const p of pending) {
    if (postings.doc(p.d)?.type === 'praktijk' || p.terms.size === 0) continue
    if (practices.some((x) => x.score >= DIVERSITY.broadNear * p.score && containment(p.terms, x.terms) >= DIVERSITY.broadShared)) p.score *= DIVERSITY.broad
  }
  while (pending.length > 0) {
    pending.sort((a, b) => b.score - a.score)
    const next = pending.shift()
    if (!next) break
    chosen.push(next)
    const type = postings.doc(next.d)?.type
    for (const p of pending) {
      if (postings.doc(p.d)?.type === type && jaccard(p.terms, next.terms) >= DIVERSITY.similar) p.score *= DIVERSITY.penalty
    }
  }
  return chosen.map(({ d, score }) => ({ d, score }))
}

/**
 * The factor that makes a raw score independent of the case note's length: `(reference / words) ^
 * exponent` ({@link LENGTH}), where `words` counts the note's words up to its last searched word (a
 * query's positions number its words, stop words included).
 */
export function lengthCorrection(query: Query): number {
  let words = 0
  for (const q of query.values()) words = Math.max(words, (q.positions[q.positions.length - 1] ?? 0) + 1)
  return (LENGTH.reference / Math.max(LENGTH.least, words)) ** LENGTH.exponent
}

/** Raw score → 0–1 on a fixed curve: the same raw score always reads the same. */
function normalise(raw: number): number {
  return raw / (raw + HALF_SCORE)
}

/**
 * Whether one position of the first list has a position of every other list within a window. The lists
 * are ascending (a query's positions are added in reading order), so each list is walked once against
 * the first: linear in the number of positions, however often the words occur.
 */
export function nearby(positionLists: readonly (readonly number[])[], window: number): boolean {
  const first = positionLists[0] ?? []
  const alive = new Uint8Array(first.length).fill(1)
  for (let l = 1; l < positionLists.length; l++) {
    const list = positionLists[l] ?? []
    let j = 0
    let any = false
    for (let i = 0; i < first.length; i++) {
      if (alive[i] === 0) continue
      const p = first[i] as number
      while (j < list.length && (list[j] as number) < p - window) j++
      if (j < list.length && (list[j] as number) <= p + window) any = true
      else alive[i] = 0
    }
    if (!any) return false
  }
  return alive.includes(1)
}

/** The share of `a` that `b` has too. */
function containment(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / Math.max(1, a.size)
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}
