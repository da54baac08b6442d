// What a library of the synthetic 5,000 notes keeps in memory: builds it as the benchmark does (fresh, or
// restored from its persisted index with --warm), measures the heap it holds (JS heap plus typed arrays,
// with and without the files' texts), and writes a heap snapshot (--snapshot FILE) for
// tests/tools/heap-retainers.mjs. Run: node --expose-gc tests/tools/run.mjs tests/tools/heap-probe.ts [--warm] [--notes N] [--snapshot FILE]
import { writeHeapSnapshot } from 'node:v8'
import { decodeCache, encodeCache, Library, type SourceFile, type Stamp } from '@praktijkwijzer/core'
import { LIBRARY, readMarkdown } from '../lib/files.js'
import { handedOver, heap } from '../bench/bench.js'
import { syntheticLibrary } from '../bench/synthetic.js'

const gc = (globalThis as { gc?: () => void }).gc

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1)

function restored(text: string, key: { version: string; library: string }): Library {
  const loaded = decodeCache(text, key)
  if (!loaded.ok) throw new Error(loaded.reason)
  return loaded.library
}

export function main(args: string[]): number {
  if (!gc) throw new Error('run with node --expose-gc')
  const size = Number(args[args.indexOf('--notes') + 1]) || 5000
  const warm = args.includes('--warm')
  const out = args.indexOf('--snapshot') === -1 ? undefined : args[args.indexOf('--snapshot') + 1]
  let synthetic: SourceFile[] | undefined = syntheticLibrary(new Library(readMarkdown(LIBRARY)).graph, size)
  const copies = (): SourceFile[] => handedOver(synthetic ?? [])
  let files: SourceFile[] = copies()
  const key = { version: 'probe', library: '/probe' }
  const stamps = new Map<string, Stamp>(files.map((f, i) => [f.path, { mtime: 1_600_000_000_000 + i, size: (f.text ?? '').length }]))
  let cache: string | undefined
  if (warm) {
    const built = new Library(files)
    built.buildIndex()
    cache = encodeCache(built, key, stamps)
  }
  const withTexts = heap()
  files = []
  const textBytes = withTexts - heap()
  files = warm ? [] : copies()
  synthetic = undefined
  const base = heap()
  let library: Library | undefined
  if (warm) {
    library = restored(cache as string, key)
    const withCache = heap() - base
    cache = undefined
    process.stdout.write(`warm, the cache's text alive: ${mb(withCache)} MB\n`)
  } else {
    library = new Library(files)
    library.buildIndex()
    process.stdout.write(`fresh, the caller still holding the files' texts: ${mb(heap() - base)} MB beyond their ${mb(textBytes)} MB\n`)
    files = []
  }
  const held = heap()
  if (out) process.stdout.write(`snapshot: ${writeHeapSnapshot(out)}\n`)
  // What the library holds: the heap with it, then without it.
  library = undefined
  process.stdout.write(`${warm ? 'warm' : 'fresh'} library of ${size} notes holds ${mb(held - heap())} MB (heapUsed + arrayBuffers, after gc)\n`)
  return 0
}
