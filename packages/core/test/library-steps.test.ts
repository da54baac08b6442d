// The relevance index built one note at a time (for the plugin, which gives the main thread back between
// steps) is the index built in one piece: the same suggestions, scores, reasons and literature.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { decodeCacheSteps, encodeCache, encodeCacheSteps } from '../src/cache/cache.js'
import { Library, type SourceFile } from '../src/library.js'

const ROOT = fileURLToPath(new URL('../../../library', import.meta.url))

function files(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return files(full)
    return name.endsWith('.md') ? [{ path: relative(ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') }] : []
  })
}

const NOTES = [
  'Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en zegt dat hij hier vrijwillig zit.',
  'Hij wil niet naar budgetbeheer en heeft schulden bij de woningcorporatie. De reclassering komt langs.',
  'De wasmachine is kapot.'
]

describe('building the index in steps', () => {
  const shipped = files(ROOT)

  test('yields once per note read and indexed, and ranks exactly as the index built at once', () => {
    const atOnce = new Library(shipped)
    atOnce.buildIndex()
    const stepwise = new Library(shipped)
    let steps = 0
    for (const step of stepwise.buildIndexSteps()) {
      void step
      steps++
    }
    const indexed = stepwise.graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek' || n.type === 'thema').length
    expect(indexed).toBeGreaterThan(50)
    expect(steps).toBe(3 * indexed)
    for (const note of NOTES) expect(stepwise.suggest(note)).toEqual(atOnce.suggest(note))
  })

  test('a library changed while the steps run is indexed as it is at the end', () => {
    const [first, ...rest] = shipped.filter((f) => f.path.startsWith('praktijken/'))
    if (!first) throw new Error('no practices')
    const stepwise = new Library(shipped)
    let changed = false
    for (const step of stepwise.buildIndexSteps()) {
      void step
      if (!changed) {
        stepwise.remove(first.path)
        changed = true
      }
    }
    const fresh = new Library(shipped.filter((f) => f !== first))
    expect(rest.length).toBeGreaterThan(0)
    for (const note of NOTES) expect(stepwise.suggest(note)).toEqual(fresh.suggest(note))
  })

  test('restoring in steps gives the library restore gives, one step per note and per index entry', () => {
    const built = new Library(shipped)
    built.buildIndex()
    const snapshot = JSON.parse(JSON.stringify(built.snapshot())) as ReturnType<Library['snapshot']>
    const steps = Library.restoreSteps(snapshot, {})
    let count = 0
    let next = steps.next()
    while (!next.done) {
      count++
      next = steps.next()
    }
    expect(count).toBeGreaterThan(snapshot.notes.length + (snapshot.engine?.docs.length ?? 0))
    const restored = next.value
    for (const note of NOTES) expect(restored.suggest(note)).toEqual(Library.restore(snapshot).suggest(note))
  })

  test('the cache file written and read in steps is the one written and read at once', () => {
    const built = new Library(shipped)
    built.buildIndex()
    const key = { version: '1', library: 'Kennisbank' }
    const stamps = new Map([['README.md', { mtime: 1, size: 2 }]])
    const encoding = encodeCacheSteps(built, key, stamps, new Map(), 42)
    let next = encoding.next()
    while (!next.done) next = encoding.next()
    expect(next.value).toBe(encodeCache(built, key, stamps, new Map(), 42))
    const decoding = decodeCacheSteps(next.value, key)
    let decoded = decoding.next()
    while (!decoded.done) decoded = decoding.next()
    if (!decoded.value.ok) throw new Error(decoded.value.reason)
    expect(decoded.value.stamps).toEqual(stamps)
    for (const note of NOTES) expect(decoded.value.library.suggest(note)).toEqual(built.suggest(note))
  })

  test('preparing the index (corrections, passage units) changes no result, also for a misspelt note', () => {
    const plain = new Library(shipped)
    plain.buildIndex()
    const prepared = new Library(shipped)
    prepared.buildIndex()
    let steps = 0
    for (const step of prepared.prepareSteps()) {
      void step
      steps++
    }
    expect(steps).toBeGreaterThan(50)
    for (const note of [...NOTES, 'Hij is woedent over de huisreggels en heeft schuldn.']) expect(prepared.suggest(note)).toEqual(plain.suggest(note))
  })
})
