// Issue #12 on the shipped library: general Dutch words are no evidence, scores mean the same for short
// and long notes, levels come from one place, passages are verbatim, and the nearby-words check is linear.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { levelFrom, levelOf, LEVELS } from '../src/engine/levels.js'
import { LINK_LEVELS } from '../src/links/missing.js'
import { sentences } from '../src/engine/sentences.js'
import { nearby } from '../src/engine/rank.js'
import { Library } from '../src/library.js'
import { LIBRARY, readMarkdown } from '../../../tests/lib/files.js'

const library = new Library(readMarkdown(LIBRARY))

/** The user's words behind a suggestion's reasons (not its whole signals). */
const reasonWords = (text: string): string[] =>
  library.suggest(text).suggestions.flatMap((s) => s.matches.filter((m) => m.kind !== 'phrase').flatMap((m) => m.words.map((w) => w.toLowerCase())))

describe('general Dutch words', () => {
  test('are no reason to show: the words of the issue\u2019s example do not come back as reasons', () => {
    const words = reasonWords('Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en vertrouwt de begeleiding niet. De reclassering komt volgende week langs.')
    expect(words).toContain('huisregels')
    for (const general of ['gesprek', 'kamer', 'volgende', 'langs']) expect(words).not.toContain(general)
  })

  test('a note about a birthday cake and a broken printer shows nothing above weak', () => {
    const r = library.suggest('Taart gehaald voor de verjaardag van Anja, de tweede keer deze maand dat we iets vieren. De printer op kantoor is weer kapot, de monteur komt volgende week langs.')
    expect(r.suggestions.filter((s) => s.level !== 'zwak')).toEqual([])
  })

  test('the verb "gebruiken" stands for substance use only in a phrase that says so ("weer gebruikt")', () => {
    const substance = (text: string): boolean =>
      library.suggest(text, { minScore: 0 }).suggestions.some((s) => s.matches.some((m) => m.kind === 'synonym' && m.term.startsWith('middelengebruik')))
    expect(substance('Hij laat zich gebruiken door de anderen op de groep.')).toBe(false)
    expect(substance('We willen het oude plan niet meer gebruiken.')).toBe(false)
    expect(substance('Hij heeft weer gebruikt, zegt hij zelf.')).toBe(true)
    expect(substance('Ze wil stoppen met gebruiken.')).toBe(true)
  })

  test('a note that matches only on general words suggests nothing at all', () => {
    expect(library.suggest('Hij kwam gisteren terug en zei dat het goed ging. Volgende keer weer.').suggestions).toEqual([])
  })
})

describe('levels', () => {
  test('come from one set of thresholds: sterk, redelijk, zwak', () => {
    expect(levelOf(LEVELS.sterk)).toBe('sterk')
    expect(levelOf(LEVELS.sterk - 0.001)).toBe('redelijk')
    expect(levelOf(LEVELS.redelijk)).toBe('redelijk')
    expect(levelOf(LEVELS.redelijk - 0.001)).toBe('zwak')
    expect(LEVELS.redelijk).toBeLessThan(LEVELS.sterk)
  })

  test('one rule gives a level from thresholds, for the suggestions and for the link proposals', () => {
    const thresholds = { sterk: 0.6, redelijk: 0.35 }
    expect([0.6, 0.599, 0.35, 0.349, 0].map((s) => levelFrom(s, thresholds))).toEqual(['sterk', 'redelijk', 'redelijk', 'zwak', 'zwak'])
    for (const score of [0, 0.3, 0.54, 0.55, 0.6, 0.679, 0.68, 1]) expect(levelOf(score)).toBe(levelFrom(score, LEVELS))
    expect(LINK_LEVELS.redelijk).toBeLessThan(LINK_LEVELS.sterk)
  })

  test('each suggestion carries its level, and weak means level zwak', () => {
    for (const s of library.suggest('UC positief, hij blowt weer elke dag en is woedend over de huisregels.', { minScore: 0 }).suggestions) {
      expect(s.level).toBe(levelOf(s.score))
      expect(s.weak).toBe(s.level === 'zwak')
    }
  })

  test('a one-sentence note that plainly names a topic gets it at redelijk or better', () => {
    const r = library.suggest('Hij wil niet meer naar zijn werk en blowt elke dag.')
    const hit = r.suggestions.find((s) => s.title === 'Afspraken op maat over alcohol en drugs')
    expect(hit?.level).toMatch(/^(sterk|redelijk)$/)
  })

  test('the score does not grow with the note\u2019s length: the same note five times over scores about the same', () => {
    const note = 'De deurwaarder stond vanochtend aan de deur. Hij heeft schulden bij de zorgverzekeraar en wil niet naar budgetbeheer.'
    const once = library.suggest(note).suggestions[0]
    const five = library.suggest(Array.from({ length: 5 }, () => note).join('\n\n')).suggestions[0]
    expect(five?.title).toBe(once?.title)
    expect(Math.abs((five?.score ?? 0) - (once?.score ?? 0))).toBeLessThan(0.1)
  })
})

describe('passages', () => {
  test('are at most three, verbatim from the library note and from the case note', () => {
    const note = 'Dhr. is woest over de huisregels. UC was positief, hij had weer geblowd.\nDe reclassering belt morgen.'
    const r = library.suggest(note, { minScore: 0 })
    expect(r.suggestions.some((s) => s.passages.length > 0)).toBe(true)
    for (const s of r.suggestions) {
      expect(s.passages.length).toBeLessThanOrEqual(3)
      const node = library.graph.byPath(s.path)
      expect(node).toBeDefined()
      for (const p of s.passages) {
        expect(['signaal', 'wat werkt', 'titel', 'samenvatting', 'tekst']).toContain(p.field)
        const sources = [node?.title ?? '', ...(node ? (node.note.frontmatter['signalen'] as string[]) ?? [] : []), String(node?.note.frontmatter['samenvatting'] ?? ''), node?.note.text ?? '']
        expect(sources.some((src) => src.includes(p.text)), `${s.path}: ${p.text}`).toBe(true)
        expect(note.includes(p.quote) && p.quote !== '', p.quote).toBe(true)
        expect(p.terms.length).toBeGreaterThan(0)
      }
    }
  })

  test('a whole signal found in the note comes first, with the user\u2019s sentence as quote', () => {
    const r = library.suggest('Hij is woedend over de huisregels, hij wil er niets van weten.')
    const s = r.suggestions.find((x) => x.passages[0]?.field === 'signaal')
    expect(s?.passages[0]?.quote).toBe('Hij is woedend over de huisregels, hij wil er niets van weten.')
  })

  test('sentences cut a text at end marks and line ends, offsets into the text', () => {
    const text = 'Eerste zin. Tweede zin!\n- een punt\n\nLaatste'
    expect(sentences(text).map(([a, b]) => text.slice(a, b))).toEqual(['Eerste zin.', 'Tweede zin!', '- een punt', 'Laatste'])
  })
})

describe('nearby words (F13)', () => {
  const naive = (lists: number[][], window: number): boolean => (lists[0] ?? []).some((p) => lists.every((list) => list.some((q) => Math.abs(q - p) <= window)))

  test('gives what the quadratic check gave, on any sorted position lists', () => {
    const sorted = fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 30 }).map((a) => [...a].sort((x, y) => x - y))
    fc.assert(fc.property(fc.array(sorted, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10 }), (lists, window) => nearby(lists, window) === naive(lists, window)))
  })
})
