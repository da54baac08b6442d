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
 *
 * Speed: a library note's units are cut once (the engine caches them per indexed note), and one
 * {@link PassageFinder} per query shares the case note's sentences and its words' sentences among all
 * suggestions, so each suggestion costs only its matched terms and units. Over 300 lines because the
 * units and the finder that reads them belong together; both cut text with sentences.ts.
 */
import { isStopWord, tokenize, type Stemmer } from './analyze.js'
import type { CompoundSplitter } from './compounds.js'
import { isContentToken, stemSlot, type Doc } from './documents.js'
import { signals as signalsOf, summary, whatWorks } from '../note/fields.js'
import type { Query, QueryTerm } from './query.js'
import { sentences } from './sentences.js'
import type { Passage, PassageField } from './types.js'
import { BACKGROUND, PASSAGES } from './weights.js'

/** A unit of a library note: its field, its verbatim text, and its stems with the words they came from. */
export interface Unit {
  field: PassageField
  /** The weight of its field ({@link PASSAGES}`.fieldWeight`). */
  weight: number
  text: string
  /** Stem (compound parts included) → the unit's word for it, as written. */
  stems: Map<string, string>
}

/** The query's terms a note's units have, in the query's order, for {@link PassageFinder.find}. */
export class NoteTerms {
  readonly terms: QueryTerm[] = []
  /** Parallel: the units with the term. */
  readonly stems: StemUnits[] = []
  /** Parallel: the term's idf. */
  readonly idfs: number[] = []

  /** Add a term, its units and its idf. */
  add(q: QueryTerm, stem: StemUnits, idf: number): void {
    this.terms.push(q)
    this.stems.push(stem)
    this.idfs.push(idf)
  }
}

/** A note's units, and per stem the units that have it. */
export interface Units {
  list: Unit[]
  /** Stem → its units (ascending) and its place among the stems (the order the units name them in). */
  byStem: Map<string, StemUnits>
  /** The same by the stem's slot in the note's index (its place in {@link Doc.stems}). */
  bySlot: Array<StemUnits | undefined>
}

/** The units of a note that have a stem. */
export interface StemUnits {
  /** Where the stem first occurs among the note's units' stems (0, 1, 2, … in that order). */
  order: number
  units: number[]
}

/**
 * Cut a library note into units, for {@link PassageFinder.find}. A unit's stems are those the index has for
 * the note ({@link Doc.stems}), so the note's matched query terms are all a unit can match.
 */
export function units(doc: Doc, stemmer: Stemmer, splitter: CompoundSplitter): Units {
  const note = doc.node.note
  const out: Unit[] = []
  const seen = new Set<string>()
  const push = (field: PassageField, text: string): void => {
    const trimmed = text.trim()
    if (trimmed === '' || seen.has(trimmed)) return
    seen.add(trimmed)
    const stems = new Map<string, string>()
    const add = (stem: string, surface: string): void => {
      if (!stems.has(stem) && stemSlot(doc, stem) !== -1) stems.set(stem, surface)
    }
    for (const token of tokenize(trimmed)) {
      if (!isContentToken(token.norm) || isStopWord(token.norm)) continue
      add(stemmer.stem(token.norm), token.surface)
      for (const part of splitter.split(token.norm)) add(stemmer.stem(part), token.surface)
    }
    if (stems.size > 0) out.push({ field, weight: PASSAGES.fieldWeight[field], text: trimmed, stems })
  }
  push('titel', doc.node.title)
  for (const signal of signalsOf(note)) push('signaal', signal)
  for (const item of whatWorks(note)) push('wat werkt', item.text)
  const short = summary(note) ?? ''
  for (const [start, end] of sentences(short)) push('samenvatting', short.slice(start, end))
  for (const [start, end] of sentences(note.text)) push('tekst', note.text.slice(start, end))
  const byStem = new Map<string, StemUnits>()
  const bySlot: Array<StemUnits | undefined> = Array.from({ length: doc.stems.length }, () => undefined)
  out.forEach((unit, i) => {
    for (const stem of unit.stems.keys()) {
      const entry = byStem.get(stem)
      if (entry) entry.units.push(i)
      else {
        const created = { order: byStem.size, units: [i] }
        byStem.set(stem, created)
        bySlot[stemSlot(doc, stem)] = created
      }
    }
  })
  return { list: out, byStem, bySlot }
}

/**
 * Passage finding for one query: the case note, its sentences, for each query term the sentence of each
 * of its words (worked out on first use), and scratch space, shared by all suggestions of the query. The
 * work per suggestion is then the note's matched terms and units, in flat arrays, plus a quote for each
 * passage returned.
 */
export class PassageFinder {
  /** The case note, as given to the engine (the quotes are cut from it). */
  readonly text: string
  readonly query: Query
  /** The case note's sentences ({@link sentences}). */
  readonly lines: ReadonlyArray<[number, number]>
  /** Per query term, parallel to its offsets: the sentence that holds the word, or -1. */
  private readonly lineOfWord = new Map<QueryTerm, Int32Array>()
  /** Scratch per sentence, all zero between calls: its score, and its first and last matched offsets. */
  private readonly lineScore: Int32Array
  private readonly from: Int32Array
  private readonly to: Int32Array
  /** Each query term's place in the query, made on first use ({@link order}). */
  private places: Map<QueryTerm, number> | undefined
  /** Scratch per unit of a note, all zero between calls: its weight so far. */
  private unitScore = new Float64Array(64)

  /**
   * @param text The case note, as given to the engine.
   * @param query Its query.
   */
  constructor(text: string, query: Query) {
    this.text = text
    this.query = query
    this.lines = sentences(text)
    this.lineScore = new Int32Array(this.lines.length)
    this.from = new Int32Array(this.lines.length)
    this.to = new Int32Array(this.lines.length)
  }

  /** A query term's place in the query (the order {@link NoteTerms} are given in). */
  order(q: QueryTerm): number {
    if (this.places === undefined) {
      this.places = new Map()
      for (const term of this.query.values()) this.places.set(term, this.places.size)
    }
    return this.places.get(q) ?? -1
  }

  /**
   * The best passages of a suggested note, best first (at most {@link PASSAGES}`.max`).
   *
   * @param units The note's units.
   * @param phrases The note's signals that matched as a whole phrase.
   * @param note The query's terms the note's units have, in the query's order, each with its units and
   *   its idf (`postings.termIdf(term, 1)`).
   */
  find(units: Units, phrases: readonly string[], note: NoteTerms): Passage[] {
    const { list, byStem } = units
    // The terms in the order of the smaller side: the query's terms or the note's stems (so that the
    // sums below add up in the same order either way).
    let shared = note.terms
    let lists = note.stems.map((e) => e.units)
    let idf = note.idfs
    if (this.query.size > byStem.size && shared.length > 1) {
      // Sort by the stems' order: keys `order × n + index`, sorted as numbers (no comparator to call).
      const n = shared.length
      const keys = new Float64Array(n)
      for (let k = 0; k < n; k++) keys[k] = (note.stems[k] as StemUnits).order * n + k
      keys.sort()
      const [q, l, v] = [shared, lists, idf]
      shared = []
      lists = []
      idf = []
      for (const key of keys) {
        shared.push(q[key % n] as QueryTerm)
        lists.push(l[key % n] as number[])
        idf.push(v[key % n] as number)
      }
    }
    if (this.unitScore.length < list.length) this.unitScore = new Float64Array(Math.max(list.length, 2 * this.unitScore.length))
    const score = this.unitScore
    // Only a unit with a specific term is evidence: those first, then the general terms add to them.
    const found: number[] = []
    for (let k = 0; k < shared.length; k++) {
      const q = shared[k] as QueryTerm
      if (q.general) continue
      const value = idf[k] as number
      for (const i of lists[k] as number[]) {
        if (score[i] === 0) found.push(i)
        score[i] = (score[i] as number) + value
      }
    }
    for (let k = 0; k < shared.length; k++) {
      const q = shared[k] as QueryTerm
      if (!q.general) continue
      const value = (idf[k] as number) * BACKGROUND.weight
      for (const i of lists[k] as number[]) if (score[i] !== 0) score[i] = (score[i] as number) + value
    }
    // The best few by weight, then the shorter text, then the text: a total order (a note's unit texts
    // are distinct), so keeping the top few by insertion gives what sorting all would.
    const best: number[] = []
    const weight: number[] = []
    for (const i of found) {
      const unit = list[i] as Unit
      const w = (score[i] as number) * unit.weight * (unit.field === 'signaal' && phrases.includes(unit.text) ? PASSAGES.phrase : 1)
      score[i] = 0
      let k = best.length
      while (k > 0 && before(w, unit, weight[k - 1] as number, list[best[k - 1] as number] as Unit)) k--
      if (k >= PASSAGES.max) continue
      best.splice(k, 0, i)
      weight.splice(k, 0, w)
      if (best.length > PASSAGES.max) {
        best.pop()
        weight.pop()
      }
    }
    // Each passage's matched terms: the specific ones, then the general ones, each in the order of
    // `shared`. The scratch marks the passages' units meanwhile (1 + their place), and is zero again after.
    const matched = best.map((): QueryTerm[] => [])
    best.forEach((i, b) => (score[i] = b + 1))
    for (const general of [false, true]) {
      for (let k = 0; k < shared.length; k++) {
        const q = shared[k] as QueryTerm
        if (q.general !== general) continue
        for (const i of lists[k] as number[]) if (score[i] !== 0) matched[(score[i] as number) - 1]?.push(q)
      }
    }
    for (const i of best) score[i] = 0
    return best.map((i, b) => {
      const unit = list[i] as Unit
      const terms = matched[b] as QueryTerm[]
      return {
        field: unit.field,
        text: unit.text,
        quote: this.quote(terms),
        terms: [...new Set(terms.filter((q) => !q.general).map((q) => unit.stems.get(q.term) ?? q.term))]
      }
    })
  }

  /**
   * The case note's own words for a passage: the sentence with the most matched terms (specific terms
   * count three times), verbatim; when that sentence is long, the stretch from its first to its last
   * matched word.
   */
  private quote(matched: readonly QueryTerm[]): string {
    const { text, lines, lineScore: score, from, to } = this
    const touched: number[] = []
    for (const q of matched) {
      const where = this.linesOf(q)
      let last = -1
      for (let k = 0; k < where.length; k++) {
        const line = where[k] as number
        if (line < 0) continue
        const start = q.starts[k] as number
        const end = q.ends[k] as number
        if (score[line] === 0) {
          touched.push(line)
          from[line] = start
          to[line] = end
        } else {
          if (start < (from[line] as number)) from[line] = start
          if (end > (to[line] as number)) to[line] = end
        }
        // A term counts once per sentence; its offsets are ascending, so repeats come together.
        if (line !== last) score[line] = (score[line] as number) + (q.general ? 1 : 3)
        last = line
      }
    }
    let best = -1
    let bestScore = 0
    for (const line of touched) {
      const value = score[line] as number
      if (value > bestScore || (value === bestScore && line < best)) [best, bestScore] = [line, value]
    }
    for (const line of touched) score[line] = 0
    const span = lines[best]
    if (!span) return ''
    const sentence = text.slice(span[0], span[1])
    if (sentence.length <= PASSAGES.quoteLength) return sentence
    const first = from[best] as number
    const end = to[best] as number
    if (end - first <= PASSAGES.quoteLength) return text.slice(first, end)
    // Still too long: from the first matched word up to the last word end that fits.
    const cut = text.slice(first, first + PASSAGES.quoteLength)
    const space = cut.search(/\s\S*$/)
    return space > 0 ? cut.slice(0, space) : cut
  }

  /** The sentence of each of a term's words (-1 when a word is in none, or runs past its end). */
  private linesOf(q: QueryTerm): Int32Array {
    let where = this.lineOfWord.get(q)
    if (!where) {
      where = new Int32Array(q.starts.length)
      for (let k = 0; k < where.length; k++) {
        const line = lineOf(this.lines, q.starts[k] as number)
        where[k] = line >= 0 && (q.ends[k] as number) <= (this.lines[line] as [number, number])[1] ? line : -1
      }
      this.lineOfWord.set(q, where)
    }
    return where
  }
}

/** Whether a unit of weight `a` goes before one of weight `b`: the heavier, then the shorter text, then the text. */
function before(a: number, unitA: Unit, b: number, unitB: Unit): boolean {
  if (a !== b) return a > b
  if (unitA.text.length !== unitB.text.length) return unitA.text.length < unitB.text.length
  return unitA.text < unitB.text
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
