// The cache file: a library goes in and comes back the same; a file cut short, damaged, of another version
// or of another library is refused with its reason, never trusted and never a crash.
import { describe, expect, test } from 'vitest'
import { CACHE_FORMAT, cacheWarning, decodeCache, encodeCache, staleFiles, type Stamp } from '../src/cache/cache.js'
import { contentHash } from '../src/cache/hash.js'
import { Library } from '../src/library.js'
import { LIBRARY, readMarkdown } from '../../../tests/lib/files.js'

const FILES = [
  { path: 'praktijken/Schulden.md', text: '---\ntype: praktijk\nbron: ["1"]\nthema: ["[[Geld]]"]\nsignalen: ["deurwaarder aan de deur"]\n---\n# Schulden\n\nSamen met de cliënt de schuldhulpverlening bellen.\n' },
  { path: 'themas/Geld.md', text: '---\ntype: thema\nbron: ["1"]\n---\n# Geld\n\nBudgetbeheer en schulden.\n' },
  { path: 'kapot.md', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00]) }
]
const KEY = { version: '0.1.0', library: '/home/a/kennisbank' }
const STAMPS = new Map<string, Stamp>(FILES.map((f, i) => [f.path, { mtime: 1000 + i, size: 10 + i }]))

function cached(references = new Map<string, string>()): string {
  const library = new Library(FILES)
  library.buildIndex()
  return encodeCache(library, KEY, STAMPS, references)
}

describe('cache file', () => {
  test('should give back the library, its index and the stamps', () => {
    const loaded = decodeCache(cached(), KEY)
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    const fresh = new Library(FILES)
    expect(loaded.library.indexed).toBe(true)
    expect(loaded.stamps).toEqual(STAMPS)
    expect(loaded.library.suggest('De deurwaarder stond aan de deur, hij wil naar schuldhulp.')).toEqual(fresh.suggest('De deurwaarder stond aan de deur, hij wil naar schuldhulp.'))
    expect(loaded.library.problems()).toEqual(fresh.problems())
    expect(loaded.library.problems().some((p) => p.file === 'kapot.md' && p.code === 'encoding')).toBe(true)
  })

  test('should give back every note of the shipped library as parsed, keeping each section text once', () => {
    const fresh = new Library(readMarkdown(LIBRARY))
    const text = encodeCache(fresh, KEY, new Map())
    const loaded = decodeCache(text, KEY)
    if (!loaded.ok) throw new Error(loaded.reason)
    const nodes = fresh.graph.nodes()
    expect(loaded.library.graph.nodes().map((n) => n.note)).toEqual(nodes.map((n) => n.note))
    // A section's text is a piece of the note's text: the file has its words once, in the note's text.
    const longest = nodes.flatMap((n) => n.note.sections.map((s) => s.text)).reduce((a, b) => (b.length > a.length ? b : a), '')
    expect(longest.length).toBeGreaterThan(500)
    expect(text.split(JSON.stringify(longest).slice(1, -1)).length - 1).toBe(1)
  })

  test('should keep the formatted references of the literature notes still there, by their hash', () => {
    const source = '---\ntype: literatuur\nbron: ["1"]\nauteurs: ["Jansen, A."]\njaar: 2020\ntitel: "Over geld"\nsoort: boek\n---\n# L\n'
    const library = new Library([...FILES, { path: 'literatuur/Jansen 2020.md', text: source }])
    const hash = library.hashOf('literatuur/Jansen 2020.md') as string
    const text = encodeCache(library, KEY, STAMPS, new Map([[hash, 'Jansen, A. (2020). *Over geld*.'], ['0000', 'weg']]))
    const loaded = decodeCache(text, KEY)
    expect(loaded.ok && [...loaded.references]).toEqual([[hash, 'Jansen, A. (2020). *Over geld*.']])
  })

  test.each([
    ['cut short', (t: string) => t.slice(0, Math.floor(t.length / 2)), 'afgebroken'],
    ['cut in the header', (t: string) => t.slice(0, 30), 'afgebroken'],
    ['cut after the header', (t: string) => t.slice(0, t.indexOf('\n') + 1), 'afgebroken'],
    ['empty', () => '', 'beschadigd'],
    ['one character fewer', (t: string) => t.replace('Budgetbeheer', 'Budgetbeher'), 'beschadigd'],
    ['one character changed', (t: string) => t.replace('Budgetbeheer', 'Budgetbeheeer').replace(/"length":\d+/, (m) => `"length":${Number(m.slice(9)) + 1}`), 'beschadigd'],
    ['not JSON', () => 'PK\u0003\u0004 garbage\nmore', 'beschadigd'],
    ['another file', () => '{"name":"something"}\n{}', 'beschadigd'],
    ['an older format', (t: string) => t.replace(`"format":${CACHE_FORMAT}`, `"format":${CACHE_FORMAT - 1}`), 'oudere-versie'],
    ['of another build', (t: string) => t.replace('"version":"0.1.0"', '"version":"0.0.9"'), 'andere-versie'],
    ['another library', (t: string) => t.replace('/home/a/kennisbank', '/home/b/kennisbank'), 'andere-kennisbank']
  ])('should refuse a file %s', (_, damage, reason) => {
    expect(decodeCache(damage(cached()), KEY)).toEqual({ ok: false, reason })
  })

  test('should refuse a well-formed payload that does not fit together', () => {
    // A payload with a valid hash (as a buggy writer could leave it) whose index names a note that is not there.
    const text = cached()
    const [header, body] = text.split('\n') as [string, string]
    const bad = body.replace('"path":"themas/Geld.md","lengths"', '"path":"themas/Weg.md","lengths"')
    expect(bad).not.toBe(body)
    const h = JSON.parse(header) as { length: number; hash: string }
    const forged = `${JSON.stringify({ ...h, length: bad.length, hash: contentHash(bad) })}\n${bad}\n`
    expect(decodeCache(forged, KEY)).toEqual({ ok: false, reason: 'beschadigd' })
  })

  test('should say in one Dutch line why the index is read again', () => {
    for (const reason of ['afgebroken', 'beschadigd', 'oudere-versie', 'andere-versie', 'andere-kennisbank'] as const) {
      expect(cacheWarning(reason)).toMatch(/^De opgeslagen index van de kennisbank .+; de kennisbank wordt opnieuw gelezen\.$/)
    }
  })

  test('should read again what is new or has another stamp, and name what is gone', () => {
    const now = new Map(STAMPS)
    now.set('themas/Geld.md', { mtime: 2000, size: 11 })
    now.set('nieuw.md', { mtime: 1, size: 1 })
    now.delete('kapot.md')
    expect(staleFiles(STAMPS, now)).toEqual({ read: ['themas/Geld.md', 'nieuw.md'], removed: ['kapot.md'] })
  })

  test('should read again a file without a stamp, and one modified in the moment the cache was written', () => {
    const now = new Map(STAMPS)
    now.set('kapot.md', { mtime: -1, size: -1 })
    const same = new Map(now)
    same.set('kapot.md', { mtime: -1, size: -1 })
    expect(staleFiles(same, now, 100_000).read).toEqual(['kapot.md'])
    // praktijken/Schulden.md has mtime 1000: within two seconds of a cache written at 2500.
    expect(staleFiles(STAMPS, STAMPS, 2500).read).toEqual(['praktijken/Schulden.md', 'themas/Geld.md', 'kapot.md'])
    expect(staleFiles(STAMPS, STAMPS, 3003).read).toEqual([])
  })

  test('should keep a note whose stamp changed but whose text did not, and follow a rename', () => {
    const loaded = decodeCache(cached(), KEY)
    if (!loaded.ok) throw new Error('refused')
    const geld = FILES[1] as { path: string; text: string }
    expect(loaded.library.apply([geld], [])).toBe(0)
    expect(loaded.library.apply([{ path: 'themas/Financiën.md', text: geld.text }], ['themas/Geld.md'])).toBe(1)
    expect(loaded.library.graph.byPath('themas/Financiën.md')?.title).toBe('Financiën')
    expect(loaded.library.graph.byPath('themas/Geld.md')).toBeUndefined()
  })
})
