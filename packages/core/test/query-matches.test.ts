// The query terms a ranked note has (rank.ts `queryMatches`) are found by walking the query's postings
// or by walking the note's stems, whichever is cheaper; both must give exactly the pairs a plain lookup
// of every stem of the note in the query gives, over the shipped library and the benchmark's notes.
import { describe, expect, test } from 'vitest'
import type { Engine } from '../src/engine/engine.js'
import type { Postings } from '../src/engine/postings.js'
import { analyzeQuery, type Query } from '../src/engine/query.js'
import { queryMatches } from '../src/engine/rank.js'
import { Library } from '../src/library.js'
import { loadCases } from '../../../tests/eval/metrics.js'
import { noteOfLength } from '../../../tests/bench/synthetic.js'
import { LIBRARY, readMarkdown } from '../../../tests/lib/files.js'

/** The engine's private parts this test reads. */
interface Inside {
  postings: Postings
  stemmer: never
  splitter: never
  synonyms: never
  vocabulary: never
}

/** Per note, its (slot, term) pairs in the query, sorted: the reference. */
function plain(query: Query, postings: Postings, docs: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const d of docs) {
    const stems = postings.doc(d)?.stems ?? []
    out.set(
      d,
      stems.flatMap((stem, slot) => (query.has(stem) ? [`${slot} ${stem}`] : []))
    )
  }
  return out
}

describe('queryMatches', () => {
  test('both ways give the pairs of a plain lookup, for one note and for all', () => {
    const lib = new Library(readMarkdown(LIBRARY))
    lib.buildIndex()
    const engine = (lib as unknown as { engine: Engine }).engine as unknown as Inside
    const { postings } = engine
    const all = Array.from({ length: postings.slots }, (_, d) => d).filter((d) => postings.doc(d) !== undefined)
    const texts = loadCases().map((c) => c.text)
    const notes = [noteOfLength(texts, 300), noteOfLength(texts, 2000), ...texts.slice(0, 20)]
    let pairs = 0
    for (const text of notes) {
      const query = analyzeQuery(text, {}, { ...engine, indexed: (t) => postings.posting(t) !== undefined, general: () => false })
      for (const docs of [all, all.slice(0, 1), all.slice(-30)]) {
        const expected = plain(query, postings, docs)
        for (const by of ['postings', 'stems', undefined] as const) {
          const found = queryMatches(query, postings, docs, by)
          const got = new Map(
            [...found].map(([d, m]) => {
              const list = m.slots.map((slot, k) => `${slot} ${m.terms[k]?.term ?? ''}`)
              return [d, list.sort((a, b) => Number(a.split(' ')[0]) - Number(b.split(' ')[0]))] as const
            })
          )
          expect(got).toEqual(expected)
        }
        for (const list of expected.values()) pairs += list.length
      }
    }
    // The notes do meet the library: the comparison is not between empty lists.
    expect(pairs).toBeGreaterThan(1000)
  })
})
