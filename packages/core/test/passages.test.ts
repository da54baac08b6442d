// The fast passages (engine/passages.ts: the note's matched terms from the explanation, flat score arrays,
// only the best few kept, each query term's sentences looked up once per query) give exactly what the
// first, plain version gave. That version is kept here as the reference: every call the engine makes to
// `PassageFinder.find` over all eval notes, the benchmark's long notes and a synthetic library is checked
// against it, and the one-pass sentence cutter against the first one's regular expressions (with the
// abbreviation rule of sentences.ts, written here apart, with regular expressions and lists of its own).
import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { PassageFinder, type NoteTerms, type Unit, type Units } from '../src/engine/passages.js'
import { sentences } from '../src/engine/sentences.js'
import type { QueryTerm } from '../src/engine/query.js'
import type { Passage } from '../src/engine/types.js'
import { BACKGROUND, PASSAGES } from '../src/engine/weights.js'
import { Library } from '../src/library.js'
import { loadCases } from '../../../tests/eval/metrics.js'
import { noteOfLength, syntheticLibrary } from '../../../tests/bench/synthetic.js'
import { LIBRARY, readMarkdown } from '../../../tests/lib/files.js'

interface Call {
  finder: PassageFinder
  units: Units
  phrases: readonly string[]
  note: NoteTerms
  result: Passage[]
}

/** Record every passage search of the engine, with what it was given and what it gave. */
function record(): Call[] {
  const calls: Call[] = []
  const find = PassageFinder.prototype.find
  vi.spyOn(PassageFinder.prototype, 'find').mockImplementation(function (this: PassageFinder, units, phrases, note) {
    const result = find.call(this, units, phrases, note)
    calls.push({ finder: this, units, phrases, note, result })
    return result
  })
  return calls
}

afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * The first version: the shared terms from the whole query, a map entry per matched unit, a full sort, a
 * binary search per matched word. It reads the idf from what the explanation computed (one per term).
 */
function reference(call: Call): Passage[] {
  const { query, text, lines } = call.finder
  const { list, byStem } = call.units
  const idfOf = new Map(call.note.terms.map((q, k) => [q.term, call.note.idfs[k] as number]))
  const phrases = new Set(call.phrases)
  const shared: QueryTerm[] = []
  if (query.size <= byStem.size) {
    for (const q of query.values()) if (byStem.has(q.term)) shared.push(q)
  } else {
    for (const stem of byStem.keys()) {
      const q = query.get(stem)
      if (q) shared.push(q)
    }
  }
  const found = new Map<number, { score: number; matched: QueryTerm[] }>()
  for (const general of [false, true]) {
    for (const q of shared) {
      if (q.general !== general) continue
      const value = (idfOf.get(q.term) as number) * (general ? BACKGROUND.weight : 1)
      for (const i of byStem.get(q.term)?.units ?? []) {
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
    quote: quote(text, lines, matched),
    terms: [...new Set(matched.filter((q) => !q.general).map((q) => unit.stems.get(q.term) ?? q.term))]
  }))
}

function quote(text: string, lines: ReadonlyArray<[number, number]>, matched: readonly QueryTerm[]): string {
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
  const cut = text.slice(first, first + PASSAGES.quoteLength)
  const space = cut.search(/\s\S*$/)
  return space > 0 ? cut.slice(0, space) : cut
}

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

const REFERENCE_INSIDE = /^(?:dhr|mevr|mw|mr|dr|bijv|bv|o\.a|i\.p\.v|m\.b\.t|t\.a\.v|i\.o\.m|i\.v\.m|n\.a\.v|d\.w\.z|ca|nl|evt|incl|excl|p|nr|zgn)$/i
const REFERENCE_CLOSING = /^(?:enz|etc|e\.d|e\.a|z\.s\.m|jl|a\.s)$/i

/** Whether the sentence goes on after the cut the first cutter made at a mark (sentences.ts's rule). */
function referenceGoesOn(text: string, mark: string, at: number): boolean {
  if (!/^\.[ \t]/.test(mark)) return false
  // Nine characters before the dot hold a whole word of up to eight, or a longer word that is no abbreviation.
  const word = /(?:^|[^\p{L}.])([\p{L}.]{1,8})$/u.exec(text.slice(Math.max(0, at - 9), at))?.[1]
  if (word === undefined) return false
  const initial = /^\p{Lu}(?:\.\p{Lu})*$/u.test(word)
  if (!initial && REFERENCE_INSIDE.test(word)) return true
  if (!initial && !REFERENCE_CLOSING.test(word)) return false
  const rest = text.slice(at + mark.length)
  return !/^\p{Lu}/u.test(rest) || /^\p{Lu}\./u.test(rest)
}

/** The first sentence cutter, with regular expressions, and the abbreviation rule added. */
function referenceSentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  const cut = (end: number, next: number): void => {
    if (text.slice(start, end).trim() !== '') {
      let s = start
      let e = end
      while (s < e && /\s/.test(text[s] as string)) s++
      while (e > s && /\s/.test(text[e - 1] as string)) e--
      out.push([s, e])
    }
    start = next
  }
  for (const m of text.matchAll(/[.!?]+[ \t]+|\n+/g)) {
    if (referenceGoesOn(text, m[0], m.index)) continue
    const end = m[0].startsWith('\n') ? m.index : m.index + m[0].trimEnd().length
    cut(end, m.index + m[0].length)
  }
  cut(text.length, text.length)
  return out
}

/** Every recorded search gives the reference's answer; how many there were. */
function check(calls: Call[]): number {
  const made = calls.splice(0)
  for (const call of made) expect(call.result).toEqual(reference(call))
  return made.length
}

const files = readMarkdown(LIBRARY)
const texts = loadCases().map((c) => c.text)
// A long note's quotes are cut to the matched words; a note with the same sentence many times has many
// words per term; a line without an end mark and an empty note are edge cases of the sentence cutter.
const notes = [...texts, noteOfLength(texts, 300), noteOfLength(texts, 2000), Array.from({ length: 30 }, () => texts[0]).join(' '), 'UC positief, blowt weer', '']

describe('passages', () => {
  test('are exactly the first version\u2019s on the eval notes and the benchmark notes, over the shipped library', () => {
    const library = new Library(files)
    const calls = record()
    let checked = 0
    for (const text of notes) {
      library.suggest(text, { limit: 10 })
      library.suggest(text, { minScore: 0, limit: 30 })
      checked += check(calls)
    }
    expect(checked).toBeGreaterThan(1000)
  })

  test('are exactly the first version\u2019s over a synthetic library of 1,000 notes', () => {
    const library = new Library(syntheticLibrary(new Library(files).graph, 1000))
    const calls = record()
    let checked = 0
    for (const text of notes.slice(0, 40)) {
      library.suggest(text, { limit: 10 })
      checked += check(calls)
    }
    expect(checked).toBeGreaterThan(200)
  })

  test('cut a text into the same sentences as the first cutter did', () => {
    // Words that are abbreviations, initials or neither, and what can follow them (capital, initial, bracket).
    const piece = fc.constantFrom('Hij', 'blowt', 'weer', '.', '!', '?', '...', ' ', '  ', '\t', '\n', '\n\n', '\u00a0', '\u2028', '\r', 'é', '', 'dhr', 'Mw', 'p', 'P', 'J', 'J.P', 'TH', 'o.a', 'i.p.v', 'enz', 'etc', 'z.s.m', 'xdhr', 'jellinek.nl', 'de', 'Zij', 'Éen', '(', '2')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.string(), (pieces, noise) => {
        const text = pieces.join('') + noise
        expect(sentences(text)).toEqual(referenceSentences(text))
      }),
      { numRuns: 2000 }
    )
    for (const text of notes) expect(sentences(text)).toEqual(referenceSentences(text))
  })

  test('go on after a Dutch abbreviation or an initial inside a sentence, and end where the sentence ends', () => {
    const cut = (text: string): string[] => sentences(text).map(([s, e]) => text.slice(s, e))
    // Goes on: titles, abbreviations inside a sentence, initials before a lower-case word or another initial.
    expect(cut('Gesprek met TH dhr. Bakker over zijn schulden. Hij wil een budgetcoach.')).toEqual(['Gesprek met TH dhr. Bakker over zijn schulden.', 'Hij wil een budgetcoach.'])
    expect(cut('Mw. De Groot belde i.o.m. Reclassering, o.a. over de UC. Evt. volgende week verder.')).toEqual(['Mw. De Groot belde i.o.m. Reclassering, o.a. over de UC.', 'Evt. volgende week verder.'])
    expect(cut('Afspraak met J. de Vries en C.P.F. van Dam, bijv. over werk i.p.v. dagbesteding.')).toEqual(['Afspraak met J. de Vries en C.P.F. van Dam, bijv. over werk i.p.v. dagbesteding.'])
    expect(cut('Zie Jagt (2010, p. 135) voor de strategieën.')).toEqual(['Zie Jagt (2010, p. 135) voor de strategieën.'])
    expect(cut('dhr. A. vroeg of hij vast de sleutel mocht. Ook dhr. U. (29) was er.')).toEqual(['dhr. A. vroeg of hij vast de sleutel mocht.', 'Ook dhr. U. (29) was er.'])
    expect(cut('Hij neemt z.s.m. contact op, enz. met zijn PB.')).toEqual(['Hij neemt z.s.m. contact op, enz. met zijn PB.'])
    // Ends: an initial or a closing abbreviation before a capital word, any abbreviation at a line end,
    // and a word that only ends like one.
    expect(cut('Ik belde de reclasseringswerker mw. F. Zij schrijft haar eigen verslag.')).toEqual(['Ik belde de reclasseringswerker mw. F.', 'Zij schrijft haar eigen verslag.'])
    expect(cut('Bezoek samen met collega B. Weer veel volk in de huiskamer.')).toEqual(['Bezoek samen met collega B.', 'Weer veel volk in de huiskamer.'])
    expect(cut('Hij noemde schulden, boetes enz. Morgen bellen we de bewindvoerder.')).toEqual(['Hij noemde schulden, boetes enz.', 'Morgen bellen we de bewindvoerder.'])
    expect(cut('Gesprek gehad met dhr.\nHij was rustig, o.a.\nverder niets.')).toEqual(['Gesprek gehad met dhr.', 'Hij was rustig, o.a.', 'verder niets.'])
    expect(cut('Info op www.jellinek.nl. Hij kijkt ernaar.')).toEqual(['Info op www.jellinek.nl.', 'Hij kijkt ernaar.'])
    expect(cut('Hij is boos op dhr.! Daarna rustig.')).toEqual(['Hij is boos op dhr.!', 'Daarna rustig.'])
  })

  test('quote a case note with an abbreviation as one sentence', () => {
    const library = new Library(files)
    const text = 'Gesprek met TH dhr. Bakker over de huisregels, hij was woedend over de bezoekregeling.'
    const quotes = library.suggest(text, { limit: 10 }).suggestions.flatMap((s) => s.passages.map((p) => p.quote))
    expect(quotes.length).toBeGreaterThan(0)
    for (const q of quotes) expect(q.endsWith('dhr.')).toBe(false)
    expect(quotes).toContain(text)
  })
})
