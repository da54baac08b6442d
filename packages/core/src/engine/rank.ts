/**
 * Ranking one query: BM25F scores accumulated over the postings, a bonus for whole signal phrases, a lift
 * along the graph (a matching practice lifts its methods and themes), the fixed 0–1 curve, and a
 * diversity pass that pushes near-identical suggestions down.
 */
import type { KnowledgeGraph } from '../graph/graph.js'
import type { Doc } from './documents.js'
import type { Postings } from './postings.js'
import type { Query } from './query.js'
import type { SuggestionType } from './types.js'
import { compare } from './util.js'
import { CANDIDATES, DIVERSITY, HALF_SCORE, LIFT, PHRASE } from './weights.js'

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
  const touched: number[] = []
  for (const q of query.values()) {
    const posting = postings.posting(q.term)
    if (!posting) continue
    const qw = (q.weight >= 1 ? 1 + Math.log(q.weight) : q.weight) * postings.idf(posting.docs.length)
    const saturation = postings.saturation(posting)
    const docs = posting.docs
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number
      if (scores[d] === 0) touched.push(d)
      scores[d] = (scores[d] as number) + qw * (saturation[i] as number)
    }
  }
  // Ties go by path, not by slot: slots depend on the order notes came and went, paths do not.
  const byPath = (a: number, b: number): number => compare(postings.doc(a)?.node.path ?? '', postings.doc(b)?.node.path ?? '')
  // Only the best notes by words can end near the top: phrase bonuses and lifts are worked out for them.
  touched.sort((a, b) => (scores[b] as number) - (scores[a] as number) || byPath(a, b))
  const raw = new Map<number, number>()
  for (const d of touched.slice(0, CANDIDATES)) {
    const doc = postings.doc(d)
    raw.set(d, (scores[d] as number) + (doc && doc.phrases.length > 0 ? phraseScore(doc, query, postings).bonus : 0))
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

  const ranked = [...raw.entries()]
    .map(([d, score]) => ({ d, score: normalise(score) }))
    .filter(({ d, score }) => score >= filter.minScore && filter.types.has(postings.doc(d)?.type ?? 'thema'))
    .sort((a, b) => b.score - a.score || compare(postings.doc(a.d)?.node.title ?? '', postings.doc(b.d)?.node.title ?? '') || byPath(a.d, b.d))
  return { ranked, lifts }
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

/** Push near-identical suggestions (same kind, matched on the same words) down the list. */
export function diversify(ranked: Ranked[], query: Query, postings: Postings): Ranked[] {
  const matchedTerms = (d: number): Set<string> => {
    const doc = postings.doc(d)
    const set = new Set<string>()
    if (doc) for (const term of query.keys()) if (doc.terms.has(term)) set.add(term)
    return set
  }
  const chosen: Array<Ranked & { terms: Set<string> }> = []
  const pending = ranked.map((r) => ({ ...r, terms: matchedTerms(r.d) }))
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

/** Raw score → 0–1 on a fixed curve: the same raw score always reads the same. */
function normalise(raw: number): number {
  return raw / (raw + HALF_SCORE)
}

/** Whether one position from each list lies within a window. */
function nearby(positionLists: number[][], window: number): boolean {
  const first = positionLists[0] ?? []
  return first.some((p) => positionLists.every((list) => list.some((q) => Math.abs(q - p) <= window)))
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}
