/**
 * Why a note matches, for people: the structured matches (which words of the case note met which term
 * in which field, and how) and the Dutch reasons the panel and the CLI show, e.g.
 * `signaal "wil niet naar budgetbeheer"`, `signalen: UC (= urinecontrole)`, `via [[Casus X]]`.
 */
import { evidence, grondslag, summary } from '../note/fields.js'
import type { Stemmer } from './analyze.js'
import { tokenize } from './analyze.js'
import { displayWord, FIELD_COUNT, type Doc } from './documents.js'
import { levelOf } from './levels.js'
import { NoteTerms, type PassageFinder, type StemUnits, type Units } from './passages.js'
import type { Postings } from './postings.js'
import type { Query, QueryTerm } from './query.js'
import { phraseScore, type Lift, type QueryMatches } from './rank.js'
import type { FieldName, Match, Suggestion } from './types.js'
import { compare, round } from './util.js'
import { FIELD_WEIGHT, FIELDS, SHOWN } from './weights.js'

const FIELD_LABELS: Record<FieldName, string> = {
  title: 'titel',
  signalen: 'signalen',
  watwerkt: 'wat werkt',
  samenvatting: 'samenvatting',
  body: 'tekst'
}

/** What an explanation reads besides the note. */
export interface ExplainContext {
  query: Query
  postings: Postings
  stemmer: Stemmer
  /** Suggestions below this score are marked weak. */
  weakBelow: number
  /** Passage finding for this query. */
  passages: PassageFinder
  /** A note's units for passages (cached by the engine). */
  units: (doc: Doc) => Units
  /** The query terms the note has (rank.ts, `queryMatches`). */
  matches: QueryMatches
  /**
   * The note's signal phrases found in the query, when the ranking worked them out (rank.ts; a note
   * lifted in from outside the candidates has none yet, and gets them here).
   */
  phrases?: readonly string[] | undefined
}

/**
 * The suggestion for one ranked note, with its matches and reasons.
 *
 * @param doc The note.
 * @param score Its final score (0–1).
 * @param lifts What lifted it along the graph.
 * @param context The query and the index.
 */
export function explain(doc: Doc, score: number, lifts: readonly Lift[], context: ExplainContext): Suggestion {
  const { query, postings, stemmer } = context
  const node = doc.node
  const matches: Match[] = []
  const phrases = context.phrases ?? (doc.phrases.length > 0 ? phraseScore(doc, query, postings).phrases : [])
  for (const phrase of phrases) {
    const words = new Set<string>()
    for (const t of tokenize(phrase)) for (const w of query.get(stemmer.stem(t.norm))?.words ?? []) words.add(w)
    matches.push({ words: [...words], term: phrase, field: 'signalen', kind: 'phrase' })
  }
  const contributions: Array<{ q: QueryTerm; field: FieldName; value: number }> = []
  // The note's stems that are in the query, in no set order (the contributions are sorted below); those
  // its passage units have go to the passages, in the query's order.
  const units = context.units(doc)
  const inUnits: Array<{ q: QueryTerm; units: StemUnits; idf: number }> = []
  for (let k = 0; k < context.matches.slots.length; k++) {
    const i = context.matches.slots[k] as number
    const q = context.matches.terms[k] as QueryTerm
    const idf = postings.termIdf(q.term, 1)
    const stemUnits = units.bySlot[i]
    if (stemUnits) inUnits.push({ q, units: stemUnits, idf })
    // A general word of everyday Dutch is no reason to show (background.ts).
    if (q.general) continue
    const offset = i * FIELD_COUNT
    let best = -1
    let bestValue = 0
    for (let f = 0; f < FIELD_COUNT; f++) {
      const v = (doc.tf[offset + f] ?? 0) * (FIELD_WEIGHT[f] ?? 1)
      if (v > bestValue) {
        best = f
        bestValue = v
      }
    }
    const field = FIELDS[best] ?? 'body'
    contributions.push({ q, field, value: idf * bestValue })
  }
  contributions.sort((a, b) => b.value - a.value || compare(a.q.term, b.q.term))
  // A compound part or synonym of a word that also matched as a whole adds nothing to read (the words
  // that matched whole are gathered the first time that question comes up).
  let wholeWords: Set<string> | undefined
  const shown: typeof contributions = []
  for (const c of contributions) {
    if (shown.length === SHOWN.terms) break
    if (c.q.kind !== 'word') {
      wholeWords ??= new Set(contributions.filter((x) => x.q.kind === 'word').flatMap((x) => [...x.q.words]))
      if ([...c.q.words].every((w) => (wholeWords as Set<string>).has(w))) continue
    }
    shown.push(c)
  }
  for (const { q, field } of shown) {
    // Show a real word of the library note for the stem, e.g. "urinecontrole" rather than "urinecontrol".
    matches.push({ words: [...q.words].sort(), term: displayWord(doc, q.term) ?? q.term, field, kind: q.kind })
  }
  const shared = new NoteTerms()
  for (const e of inUnits.sort((a, b) => context.passages.order(a.q) - context.passages.order(b.q))) shared.add(e.q, e.units, e.idf)
  const via = [...new Set([...lifts].sort((a, b) => b.amount - a.amount).map((l) => l.from))]
  const rounded = round(score, 3)
  const level = levelOf(rounded, context.weakBelow)
  const suggestion: Suggestion = {
    id: node.id,
    type: doc.type,
    title: node.title,
    path: node.path,
    score: rounded,
    level,
    why: reasons(matches, via),
    weak: level === 'zwak',
    matches,
    via,
    passages: context.passages.find(units, phrases, shared)
  }
  const basis = doc.type === 'praktijk' ? grondslag(node.note) : undefined
  if (basis !== undefined) suggestion.grondslag = basis
  const status = evidence(node.note)
  if (status !== undefined) suggestion.evidence = status
  const short = summary(node.note)
  if (short !== undefined) suggestion.summary = short
  return suggestion
}

/** The Dutch reasons: whole signals first, then per field the user's words, then the notes that lifted it. */
function reasons(matches: readonly Match[], via: readonly string[]): string[] {
  const why: string[] = []
  for (const m of matches.filter((m) => m.kind === 'phrase').slice(0, SHOWN.phrases)) why.push(`signaal "${m.term}"`)
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
    const shown = [...fieldMap].slice(0, SHOWN.perField).map(([words, meanings]) => (meanings.size > 0 ? `${words} (${[...meanings].join(', ')})` : words))
    why.push(`${FIELD_LABELS[field]}: ${shown.join(', ')}`)
  }
  for (const title of via.slice(0, SHOWN.via)) why.push(`via [[${title}]]`)
  return why
}
