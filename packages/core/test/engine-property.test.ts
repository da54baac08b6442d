// Properties of the relevance engine (fast-check): on any string it answers without throwing, every score
// lies in 0–1 and the list is sorted, the same question gives the same answer, and the answer does not
// depend on the order in which the library's files were read.
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { SuggestResult } from '../src/engine/types.js'
import { Library } from '../src/library.js'
import { LIBRARY as LIBRARY_DIR, readMarkdown, ROOT } from '../../../tests/lib/files.js'

const LIBRARY = readMarkdown(LIBRARY_DIR)
const shipped = new Library(LIBRARY)

/** Words the library knows, so random notes do match things. */
const WORDS = ['schulden', 'huisregels', 'woedend', 'UC', 'positief', 'reclassering', 'budgetbeheer', 'werk', 'vrijwilliger', 'eenzaam', 'dhr.', 'agressie', 'wasmachine', 'terugval', 'signaleringsplan', 'netwerk', 'wonen', 'Cliënt', 'TH', 'gebeld']
const caseNote = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 }), fc.constantFrom(' ', '\n', '\n\n', '. ', ', ', '---\n', '# ', '- ', '%%', '<!--', '-->')), { maxLength: 80 })
  .map((parts) => parts.join(' '))
const anyString = fc.oneof(caseNote, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }))

function checkResult(result: SuggestResult): void {
  const scores = result.suggestions.map((s) => s.score)
  for (const score of [...scores, ...result.literature.map((l) => l.score)]) {
    expect(Number.isFinite(score)).toBe(true)
    expect(score).toBeGreaterThanOrEqual(0)
    expect(score).toBeLessThanOrEqual(1)
  }
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  expect(new Set(result.suggestions.map((s) => s.path)).size).toBe(result.suggestions.length)
}

describe('engine properties', () => {
  test('should answer any string without throwing, with scores in 0–1, best first', () => {
    fc.assert(
      fc.property(anyString, fc.nat(), fc.constantFrom<'note' | 'section'>('note', 'section'), (text, cursor, focus) => {
        checkResult(shipped.suggest(text, { focus, cursor: cursor % (text.length + 2), limit: 15 }))
      }),
      { numRuns: 300 }
    )
  })

  test('should give the same answer to the same question, also from a second index', () => {
    const second = new Library(LIBRARY)
    fc.assert(
      fc.property(caseNote, (text) => {
        const first = shipped.suggest(text)
        expect(shipped.suggest(text)).toEqual(first)
        expect(second.suggest(text)).toEqual(first)
      }),
      { numRuns: 100 }
    )
  })

  test('should not depend on the order in which the files were read', () => {
    // Paths must be unique: a later file with the same path replaces the earlier, which is order by design.
    const valid = readMarkdown(join(ROOT, 'tests', 'fixtures', 'valid')).map((f) => ({ ...f, path: `fixture/${f.path}` }))
    const files = [...valid, ...LIBRARY.filter((f) => /^(praktijken|methodieken|themas)\//.test(f.path)).slice(0, 40)]
    const reference = new Library(files)
    fc.assert(
      fc.property(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), fc.array(caseNote, { minLength: 1, maxLength: 3 }), (shuffled, notes) => {
        const suggester = new Library(shuffled)
        for (const text of notes) expect(suggester.suggest(text)).toEqual(reference.suggest(text))
      }),
      { numRuns: 15 }
    )
  })
})
