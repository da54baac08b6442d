/**
 * Passage evidence: for a suggested note, the sentences or list items of that note that match the case
 * note, each with the case note's own words it matched, so a counsellor reads the evidence rather than a
 * bag of terms: «Jij schreef "blowt elke dag" — signaal: "blowt na zevenen"».
 *
 * A library note is cut into units: its title, each signal, each "Wat werkt" point, the sentences of its
 * summary and of its text (plain text, wikilinks as their label). A unit's `text` is always a verbatim
 * piece of the note (the title, a signal as written, or a substring of the summary or of the plain text).
 * A unit counts as evidence only when it matches a query term that is not general (background.ts); its
 * weight is the sum of its matched terms' idf, times the weight of its field, and a whole signal phrase
 * found in the case note counts double. The `quote` is the sentence of the case note that holds the most
 * of the unit's matched words, verbatim (cut to the matched words when the sentence is long).
 */
import { isStopWord, tokenize, type Stemmer } from './analyze.js'
import type { CompoundSplitter } from './compounds.js'
import { isContentToken, type Doc } from './documents.js'
import { signals as signalsOf, summary, whatWorks } from '../note/fields.js'
import type { Postings } from './postings.js'
import type { Query, QueryTerm } from './query.js'
import type { Passage, PassageField } from './types.js'
import { BACKGROUND, PASSAGES } from './weights.js'

/** A unit of a library note: its field, its verbatim text, and its stems with the words they came from. */
export interface Unit {
  field: PassageField
  text: string
  /** Stem (compound parts included) → the unit's word for it, as written. */
  stems: Map<string, string>
}

/** What passage finding reads besides the note. */
export interface PassageContext {
  query: Query
  postings: Postings
  /** The case note, as given to the engine (the quotes are cut from it). */
  text: string
  /** The note's signals that matched as a whole phrase. */
  phrases: readonly string[]
  /** The note's units (cached by the engine). */
  units: readonly Unit[]
}

/** Cut a library note into units, for {@link passages}. */
export function units(doc: Doc, stemmer: Stemmer, splitter: CompoundSplitter): Unit[] {
  const note = doc.node.note
  const out: Unit[] = []
  const seen = new Set<string>()
  const push = (field: PassageField, text: string): void => {
    const trimmed = text.trim()
    if (trimmed === '' || seen.has(trimmed)) return
    seen.add(trimmed)
    const stems = new Map<string, string>()
    for (const token of tokenize(trimmed)) {
      if (!isContentToken(token.norm) || isStopWord(token.norm)) continue
      if (!stems.has(stemmer.stem(token.norm))) stems.set(stemmer.stem(token.norm), token.surface)
      for (const part of splitter.split(token.norm)) if (!stems.has(stemmer.stem(part))) stems.set(stemmer.stem(part), token.surface)
    }
    if (stems.size > 0) out.push({ field, text: trimmed, stems })
  }
  push('titel', doc.node.title)
  for (const signal of signalsOf(note)) push('signaal', signal)
  for (const item of whatWorks(note)) push('wat werkt', item.text)
  for (const [start, end] of sentences(summary(note) ?? '')) push('samenvatting', (summary(note) ?? '').slice(start, end))
  for (const [start, end] of sentences(note.text)) push('tekst', note.text.slice(start, end))
  return out
}

/**
 * The best passages of a suggested note, best first (at most {@link PASSAGES}`.max`).
 *
 * @param context The query, the index, the case note, the matched signal phrases and the note's units.
 */
export function passages(context: PassageContext): Passage[] {
  const { query, postings } = context
  const phrases = new Set(context.phrases)
  const scored: Array<{ unit: Unit; score: number; matched: QueryTerm[] }> = []
  for (const unit of context.units) {
    let score = 0
    let specific = false
    const matched: QueryTerm[] = []
    for (const stem of unit.stems.keys()) {
      const q = query.get(stem)
      if (!q) continue
      matched.push(q)
      specific ||= !q.general
      score += postings.termIdf(stem, 1) * (q.general ? BACKGROUND.weight : 1)
    }
    if (!specific) continue
    score *= PASSAGES.fieldWeight[unit.field] * (unit.field === 'signaal' && phrases.has(unit.text) ? PASSAGES.phrase : 1)
    scored.push({ unit, score, matched })
  }
  scored.sort((a, b) => b.score - a.score || a.unit.text.length - b.unit.text.length)
  const lines = sentences(context.text)
  return scored.slice(0, PASSAGES.max).map(({ unit, matched }) => ({
    field: unit.field,
    text: unit.text,
    quote: quote(context.text, lines, matched),
    terms: [...new Set(matched.filter((q) => !q.general).map((q) => unit.stems.get(q.term) ?? q.term))]
  }))
}

/**
 * The case note's own words for a passage: the sentence with the most matched terms (specific terms
 * first), verbatim; when that sentence is long, the stretch from its first to its last matched word.
 */
function quote(text: string, lines: ReadonlyArray<[number, number]>, matched: readonly QueryTerm[]): string {
  let best: [number, number] | undefined
  let bestScore = -1
  let bestSpan: [number, number] = [0, 0]
  for (const line of lines) {
    let score = 0
    let from = Infinity
    let to = -Infinity
    for (const q of matched) {
      const inside = q.spans.filter(([s, e]) => s >= line[0] && e <= line[1])
      if (inside.length === 0) continue
      score += q.general ? 1 : 3
      for (const [s, e] of inside) {
        from = Math.min(from, s)
        to = Math.max(to, e)
      }
    }
    if (score > bestScore) {
      bestScore = score
      best = line
      bestSpan = [from, to]
    }
  }
  if (!best || bestScore <= 0) return ''
  const sentence = text.slice(best[0], best[1])
  if (sentence.length <= PASSAGES.quoteLength) return sentence
  const [from, to] = bestSpan
  if (to - from <= PASSAGES.quoteLength) return text.slice(from, to)
  // Still too long: from the first matched word up to the last word end that fits.
  const cut = text.slice(from, from + PASSAGES.quoteLength)
  const space = cut.search(/\s\S*$/)
  return space > 0 ? cut.slice(0, space) : cut
}

/**
 * The sentences of a text as [start, end) offsets: cut after `.`, `!` or `?` followed by white space,
 * and at every line end; empty stretches are left out. No lookbehind (mobile Safari).
 */
export function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  const cut = (end: number, next: number): void => {
    if (text.slice(start, end).trim() !== '') out.push(trimmed(text, start, end))
    start = next
  }
  for (const m of text.matchAll(/[.!?]+[ \t]+|\n+/g)) {
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].trimEnd().length
    cut(end, m.index + m[0].length)
  }
  cut(text.length, text.length)
  return out
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s] as string)) s++
  while (e > s && /\s/.test(text[e - 1] as string)) e--
  return [s, e]
}
