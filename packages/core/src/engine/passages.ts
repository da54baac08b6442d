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
  /** Its sentences ({@link sentences}), worked out once per query. */
  lines: ReadonlyArray<[number, number]>
  /** The note's signals that matched as a whole phrase. */
  phrases: readonly string[]
  /** The note's units (cached by the engine). */
  units: Units
}

/** A note's units, and per stem the units that have it. */
export interface Units {
  list: Unit[]
  byStem: Map<string, number[]>
}

/** Cut a library note into units, for {@link passages}. */
export function units(doc: Doc, stemmer: Stemmer, splitter: CompoundSplitter): Units {
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
  const byStem = new Map<string, number[]>()
  out.forEach((unit, i) => {
    for (const stem of unit.stems.keys()) {
      const list = byStem.get(stem)
      if (list) list.push(i)
      else byStem.set(stem, [i])
    }
  })
  return { list: out, byStem }
}

/**
 * The best passages of a suggested note, best first (at most {@link PASSAGES}`.max`).
 *
 * @param context The query, the index, the case note, the matched signal phrases and the note's units.
 */
export function passages(context: PassageContext): Passage[] {
  const { query, postings } = context
  const { list, byStem } = context.units
  const phrases = new Set(context.phrases)
  // The note's stems the query has, walking the smaller side: the query's terms or the note's stems.
  const shared: QueryTerm[] = []
  if (query.size <= byStem.size) {
    for (const q of query.values()) if (byStem.has(q.term)) shared.push(q)
  } else {
    for (const stem of byStem.keys()) {
      const q = query.get(stem)
      if (q) shared.push(q)
    }
  }
  // Only a unit with a specific term is evidence: those first, then the general terms add to them.
  const found = new Map<number, { score: number; matched: QueryTerm[] }>()
  for (const general of [false, true]) {
    for (const q of shared) {
      if (q.general !== general) continue
      const value = postings.termIdf(q.term, 1) * (general ? BACKGROUND.weight : 1)
      for (const i of byStem.get(q.term) ?? []) {
        let entry = found.get(i)
        if (!entry) {
          if (general) continue
          found.set(i, (entry = { score: 0, matched: [] }))
        }
        entry.score += value
        entry.matched.push(q)
      }
    }
  }
  const scored: Array<{ unit: Unit; score: number; matched: QueryTerm[] }> = []
  for (const [i, { score, matched }] of found) {
    const unit = list[i] as Unit
    scored.push({ unit, score: score * PASSAGES.fieldWeight[unit.field] * (unit.field === 'signaal' && phrases.has(unit.text) ? PASSAGES.phrase : 1), matched })
  }
  scored.sort((a, b) => b.score - a.score || a.unit.text.length - b.unit.text.length || (a.unit.text < b.unit.text ? -1 : a.unit.text > b.unit.text ? 1 : 0))
  return scored.slice(0, PASSAGES.max).map(({ unit, matched }) => ({
    field: unit.field,
    text: unit.text,
    quote: quote(context.text, context.lines, matched),
    terms: [...new Set(matched.filter((q) => !q.general).map((q) => unit.stems.get(q.term) ?? q.term))]
  }))
}

/**
 * The case note's own words for a passage: the sentence with the most matched terms (specific terms
 * count three times), verbatim; when that sentence is long, the stretch from its first to its last
 * matched word. Each matched word finds its sentence by binary search: linear in the matched words.
 */
function quote(text: string, lines: ReadonlyArray<[number, number]>, matched: readonly QueryTerm[]): string {
  // Per sentence: its score, and the first and last matched offsets in it.
  const score = new Map<number, number>()
  const from = new Map<number, number>()
  const to = new Map<number, number>()
  for (const q of matched) {
    let last = -1
    for (let k = 0; k < q.starts.length; k++) {
      const start = q.starts[k] as number
      const end = q.ends[k] as number
      const line = lineOf(lines, start)
      if (line < 0 || end > (lines[line] as [number, number])[1]) continue
      // A term counts once per sentence; its offsets are ascending, so repeats come together.
      if (line !== last) score.set(line, (score.get(line) ?? 0) + (q.general ? 1 : 3))
      last = line
      from.set(line, Math.min(from.get(line) ?? Infinity, start))
      to.set(line, Math.max(to.get(line) ?? -Infinity, end))
    }
  }
  let best = -1
  let bestScore = 0
  for (const [line, value] of score) if (value > bestScore || (value === bestScore && line < best)) [best, bestScore] = [line, value]
  const span = lines[best]
  if (!span) return ''
  const sentence = text.slice(span[0], span[1])
  if (sentence.length <= PASSAGES.quoteLength) return sentence
  const first = from.get(best) as number
  const end = to.get(best) as number
  if (end - first <= PASSAGES.quoteLength) return text.slice(first, end)
  // Still too long: from the first matched word up to the last word end that fits.
  const cut = text.slice(first, first + PASSAGES.quoteLength)
  const space = cut.search(/\s\S*$/)
  return space > 0 ? cut.slice(0, space) : cut
}

/** The index of the sentence that holds an offset, or -1. */
function lineOf(lines: ReadonlyArray<[number, number]>, offset: number): number {
  let lo = 0
  let hi = lines.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const [s, e] = lines[mid] as [number, number]
    if (offset < s) hi = mid - 1
    else if (offset >= e) lo = mid + 1
    else return mid
  }
  return -1
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
