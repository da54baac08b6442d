// The library kept current one file at a time is the library built fresh (fast-check): after any sequence
// of adding, changing, removing and renaming library notes, a query gives exactly the ranking, scores,
// reasons, passages and literature of a fresh build from the same files. The live library answers a query
// after every change too, so what it caches between queries (the notes' passage units) must follow.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { Library } from '../src/library.js'

/** Words that make compounds of each other, so one note's words change how another's are split. */
const WORDS = [
  'schuld', 'schulden', 'hulp', 'verlening', 'hulpverlening', 'schuldhulpverlening', 'urine', 'controle', 'urinecontrole',
  'werk', 'begeleiding', 'werkbegeleiding', 'huis', 'regels', 'huisregels', 'woedend', 'budget', 'beheer', 'budgetbeheer',
  'ervaring', 'deskundige', 'ervaringsdeskundige', 'maatje', 'vrijwilliger', 'eenzaam', 'deurwaarder', 'reclassering'
]
const PATHS = ['praktijken/A.md', 'praktijken/B.md', 'methodieken/M.md', 'themas/T.md', 'themas/U.md', 'literatuur/L 2020.md', 'Synoniemen.md']
const KINDS = ['praktijk', 'methodiek', 'thema'] as const

const words = (max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: max }).map((w) => w.join(' '))

/** A library note: a practice, method or theme with signals and text, a source, or the synonym list. */
const noteText = fc.oneof(
  fc.record({ kind: fc.constantFrom(...KINDS), title: words(2), signals: fc.array(words(4), { maxLength: 3 }), body: words(12), links: fc.subarray(['T', 'U', 'M', 'L 2020']), watwerkt: words(5) }).map(
    ({ kind, title, signals, body, links, watwerkt }) =>
      `---\ntype: ${kind}\nbron: ["1"]\ntitle: "${title}"\nsignalen: [${signals.map((s) => `"${s}"`).join(', ')}]\n` +
      `${kind === 'thema' ? '' : `thema: ${JSON.stringify(links.filter((l) => l === 'T' || l === 'U').map((l) => `[[${l}]]`))}\n`}` +
      `${kind === 'praktijk' ? `methodiek: ${JSON.stringify(links.filter((l) => l === 'M').map((l) => `[[${l}]]`))}\n` : ''}` +
      `${kind === 'thema' ? '' : `literatuur: ${JSON.stringify(links.filter((l) => l === 'L 2020').map((l) => `[[${l}]]`))}\n`}` +
      `---\n# ${title}\n\n${body}\n\n## Wat werkt?\n\n- ${watwerkt}\n`
  ),
  words(6).map((title) => `---\ntype: literatuur\nbron: ["1"]\nauteurs: ["Jansen, A."]\njaar: 2020\ntitel: "${title}"\nsoort: boek\n---\n# L\n`),
  fc.array(fc.tuple(fc.constantFrom('SHV', 'UC', 'BBH', 'TH'), words(2)), { maxLength: 3 }).map((entries) => `---\ntype: synoniemen\n---\n${entries.map(([t, e]) => `- ${t}: ${e}\n`).join('')}`)
)

type Op = { op: 'put'; path: string; text: string } | { op: 'remove'; path: string } | { op: 'rename'; from: string; to: string; text: string }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('put' as const), path: fc.constantFrom(...PATHS), text: noteText }),
  fc.record({ op: fc.constant('remove' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({ op: fc.constant('rename' as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS), text: noteText })
)

const query = fc.array(fc.oneof(fc.constantFrom(...WORDS, 'SHV', 'UC', 'BBH', 'TH', 'schuldhulpverlenig', 'begeleidnig'), fc.constantFrom('.', ',', '\n\n')), { minLength: 1, maxLength: 15 }).map((w) => w.join(' '))

describe('library property', () => {
  test('should rank exactly as a fresh build after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), noteText), { maxLength: 5 }), fc.array(op, { minLength: 1, maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 3 }), (start, ops, queries) => {
        const files = new Map(start)
        const live = new Library([...files].map(([path, text]) => ({ path, text })))
        live.buildIndex()
        const options = { minScore: 0, weakBelow: 0.2, limit: 20 }
        for (const o of ops) {
          live.suggest(queries[0] as string, options)
          if (o.op === 'put') {
            files.set(o.path, o.text)
            live.upsert({ path: o.path, text: o.text })
          } else if (o.op === 'remove') {
            files.delete(o.path)
            live.remove(o.path)
          } else {
            files.delete(o.from)
            files.set(o.to, o.text)
            live.rename(o.from, { path: o.to, text: o.text })
          }
        }
        const fresh = new Library([...files].map(([path, text]) => ({ path, text })))
        for (const q of queries) {
          expect(live.suggest(q, options)).toEqual(fresh.suggest(q, options))
        }
        expect(live.problems()).toEqual(fresh.problems())
      }),
      { numRuns: 500 }
    )
  }, 120_000)
})
