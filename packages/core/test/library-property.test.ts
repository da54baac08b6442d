// The library kept current one file at a time is the library built fresh (fast-check): after any sequence
// of adding, changing, removing and renaming library notes, a query gives exactly the ranking, scores,
// reasons, passages and literature of a fresh build from the same files. The live library answers a query
// after every change too, so what it caches between queries (the notes' passage units) must follow. The
// same holds for a library restored from its snapshot (through JSON, as the cache file keeps it), changed
// file by file or brought up to date at once with `apply`, as a cached start does.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { Library, type LibrarySnapshot } from '../src/library.js'

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

/** Apply the operations to a map of files and to a library, one at a time; `before` runs before each (a query). */
function run(ops: readonly Op[], files: Map<string, string>, live: Library, before?: () => void): void {
  for (const o of ops) {
    before?.()
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
}

/** A library through its snapshot, as JSON text and back: what a cache file keeps. */
function roundTrip(library: Library): Library {
  return Library.restore(JSON.parse(JSON.stringify(library.snapshot())) as LibrarySnapshot)
}

const OPTIONS = { minScore: 0, weakBelow: 0.2, limit: 20 }

describe('library property', () => {
  test('should rank exactly as a fresh build after a snapshot, a restore and any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), noteText), { maxLength: 5 }), fc.boolean(), fc.array(op, { maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 3 }), (start, indexed, ops, queries) => {
        const files = new Map(start)
        const first = new Library([...files].map(([path, text]) => ({ path, text })))
        if (indexed) first.buildIndex()
        const live = roundTrip(first)
        expect(live.indexed).toBe(indexed)
        run(ops, files, live)
        const fresh = new Library([...files].map(([path, text]) => ({ path, text })))
        for (const q of queries) expect(live.suggest(q, OPTIONS)).toEqual(fresh.suggest(q, OPTIONS))
        expect(live.problems()).toEqual(fresh.problems())
        // And through a second snapshot, taken after the changes.
        const again = roundTrip(live)
        for (const q of queries) expect(again.suggest(q, OPTIONS)).toEqual(fresh.suggest(q, OPTIONS))
      }),
      { numRuns: 300 }
    )
  })

  test('should rank exactly as a fresh build after a restore brought up to date at once (apply)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), noteText), { maxLength: 5 }), fc.array(op, { maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 3 }), (start, ops, queries) => {
        const before = new Map(start)
        const first = new Library([...before].map(([path, text]) => ({ path, text })))
        first.buildIndex()
        const files = new Map(before)
        run(ops, files, new Library())
        // A cached start reads again the files that are new or whose stamp changed: here every file
        // that is not byte for byte the same, and some that are (a touched file keeps its hash).
        const reread = [...files].filter(([path, text]) => before.get(path) !== text || path.startsWith('p')).map(([path, text]) => ({ path, text }))
        const removed = [...before.keys()].filter((path) => !files.has(path))
        const live = roundTrip(first)
        live.apply(reread, removed)
        const fresh = new Library([...files].map(([path, text]) => ({ path, text })))
        for (const q of queries) expect(live.suggest(q, OPTIONS)).toEqual(fresh.suggest(q, OPTIONS))
        expect(live.problems()).toEqual(fresh.problems())
        expect(live.graph.nodes().map((n) => n.path)).toEqual(fresh.graph.nodes().map((n) => n.path))
      }),
      { numRuns: 300 }
    )
  })

  test('should rank exactly as a fresh build after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), noteText), { maxLength: 5 }), fc.array(op, { minLength: 1, maxLength: 8 }), fc.array(query, { minLength: 1, maxLength: 3 }), (start, ops, queries) => {
        const files = new Map(start)
        const live = new Library([...files].map(([path, text]) => ({ path, text })))
        live.buildIndex()
        run(ops, files, live, () => live.suggest(queries[0] as string, OPTIONS))
        const fresh = new Library([...files].map(([path, text]) => ({ path, text })))
        for (const q of queries) expect(live.suggest(q, OPTIONS)).toEqual(fresh.suggest(q, OPTIONS))
        expect(live.problems()).toEqual(fresh.problems())
      }),
      { numRuns: 500 }
    )
  }, 120_000)
})
