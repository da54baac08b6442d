// Query latency of this checkout's engine next to another commit's, in one process, with alternating
// queries: on a shared or busy machine two separate `pnpm bench` runs differ by more than the change one
// wants to see, while two engines timed turn by turn see the same load. Both engines get the same files
// (this checkout's shipped library, and the synthetic library of synthetic.ts) and the same two notes as
// the benchmark (about 300 and 2,000 words, from the eval notes), so only the engine differs.
//
// Usage (the other commit in a scratch worktree, its dependencies installed):
//   git worktree add /tmp/before 3086bbc && (cd /tmp/before && pnpm install --frozen-lockfile)
//   pnpm bench:compare --before /tmp/before [--rounds 300] [--notes 5000] [--json]
//   git worktree remove /tmp/before
// It prints p50 and p95 per library and note length for both, in wall-clock and in CPU time, and the
// change of "after" (this checkout) against "before" in percent. Both commits must have the Library API
// (new Library(files), buildIndex(), suggest(text, { limit })).
//
// This checkout's engine is bundled and loaded the same way as the other's, and is not the Library the
// rest of this file uses (for the synthetic library): a same-code run (`--before .`) showed "after" 5–20%
// slower when it was the Library imported here, a difference of how it was loaded, not of the code.
// An order effect remains (the engine built second ran up to 20% faster in a same-code run on the quiet
// 2-core machine): before trusting a difference of a few percent, run `--before .` to see the bias, or
// run the comparison from the other checkout as well and take the mean of the two changes.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as Esbuild from 'esbuild'
import { Library, type SourceFile } from '@praktijkwijzer/core'
import { LIBRARY, readMarkdown, ROOT } from '../lib/files.js'
import { loadCases } from '../eval/metrics.js'
import { noteOfLength, syntheticLibrary } from './synthetic.js'

/** The part of a Library both commits have. */
interface Suggester {
  buildIndex(): void
  suggest(text: string, options: { limit: number }): unknown
}

type LibraryClass = new (files: SourceFile[]) => Suggester

interface Stats {
  p50: number
  p95: number
}

interface Row {
  library: string
  note: string
  /** Wall-clock and CPU time per query of "before" and "after" (this checkout). */
  wall: { before: Stats; after: Stats }
  cpu: { before: Stats; after: Stats }
  runs: number
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** Bundle a checkout's core (its own dependencies) into a temporary module and load its Library. */
async function loadCore(root: string): Promise<{ Library: LibraryClass; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-compare-'))
  const outfile = join(dir, 'core.mjs')
  // Loaded at run time from tests/ (run.mjs bundles this file, and esbuild cannot be bundled).
  const esbuild = createRequire(join(ROOT, 'tests', 'package.json'))('esbuild') as typeof Esbuild
  await esbuild.build({
    entryPoints: [join(resolve(root), 'packages', 'core', 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error'
  })
  const mod = (await import(pathToFileURL(outfile).href)) as { Library: LibraryClass }
  return { Library: mod.Library, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Wall-clock and CPU times of one engine's queries, in milliseconds. */
interface Times {
  wall: number[]
  cpu: number[]
}

/**
 * Time both engines on one note, turn by turn (which goes first alternates), after a warm-up. Besides the
 * wall clock, the process's CPU time per query: on a busy machine a query is often taken off the CPU, which
 * the wall clock counts and the CPU time does not.
 */
function race(engines: [Suggester, Suggester], text: string, runs: number, warmup: number): [Times, Times] {
  for (let i = 0; i < warmup; i++) for (const e of engines) e.suggest(text, { limit: 10 })
  const times: [Times, Times] = [
    { wall: [], cpu: [] },
    { wall: [], cpu: [] }
  ]
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const engine = engines[k] as Suggester
      const cpu = process.cpuUsage()
      const t = performance.now()
      engine.suggest(text, { limit: 10 })
      const wall = performance.now() - t
      const used = process.cpuUsage(cpu)
      times[k]?.wall.push(wall)
      times[k]?.cpu.push((used.user + used.system) / 1000)
    }
  }
  return times
}

/** Entry point for tests/tools/run.mjs; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const arg = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
  const root = arg('--before')
  if (!root) {
    process.stderr.write('usage: compare.ts --before DIR [--rounds N] [--notes N] [--json]\n')
    return 2
  }
  const rounds = Number(arg('--rounds')) || 300
  const size = Number(arg('--notes')) || 5000
  const other = await loadCore(root)
  const self = await loadCore(ROOT)
  try {
    const files = readMarkdown(LIBRARY)
    const texts = loadCases().map((c) => c.text)
    const notes: Array<[string, string, number]> = [
      ['300 woorden', noteOfLength(texts, 300), rounds],
      ['2000 woorden', noteOfLength(texts, 2000), Math.max(20, Math.floor(rounds / 3))]
    ]
    const libraries: Array<[string, SourceFile[]]> = [
      ['meegeleverd', files],
      [`synthetisch (${size})`, syntheticLibrary(new Library(files).graph, size)]
    ]
    const rows: Row[] = []
    for (const [label, sources] of libraries) {
      const before = new other.Library(sources)
      before.buildIndex()
      const after = new self.Library(sources)
      after.buildIndex()
      for (const [note, text, runs] of notes) {
        const [b, a] = race([before, after], text, runs, Math.min(100, runs))
        const stats = (t: number[]): Stats => ({ p50: percentile(t, 50), p95: percentile(t, 95) })
        rows.push({ library: label, note, wall: { before: stats(b.wall), after: stats(a.wall) }, cpu: { before: stats(b.cpu), after: stats(a.cpu) }, runs })
      }
    }
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    else {
      const f = (n: number): string => n.toFixed(2).padStart(7)
      const pct = (after: number, before: number): string => {
        const change = (after / before - 1) * 100
        return `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`.padStart(8)
      }
      const cells = (s: { before: Stats; after: Stats }, p: 'p50' | 'p95'): string => `${f(s.before[p])} ${f(s.after[p])} ${pct(s.after[p], s.before[p])}`
      process.stdout.write(`${''.padEnd(34)} ${'wandklok'.padEnd(49)} CPU-tijd\n`)
      process.stdout.write(`${'bibliotheek'.padEnd(20)} ${'notitie'.padEnd(13)} ${'voor p50   na p50 verschil voor p95   na p95 verschil'}  ${'voor p50   na p50 verschil voor p95   na p95 verschil'}\n`)
      for (const r of rows) {
        process.stdout.write(`${r.library.padEnd(20)} ${r.note.padEnd(13)} ${cells(r.wall, 'p50')} ${cells(r.wall, 'p95')}  ${cells(r.cpu, 'p50')} ${cells(r.cpu, 'p95')}\n`)
      }
      process.stdout.write(`\nMilliseconden per zoekvraag (limit 10), ${rows.map((r) => r.runs).join('/')} keer per motor om en om. "voor": ${root}; "na": deze checkout.\n`)
    }
    return 0
  } finally {
    other.cleanup()
    self.cleanup()
  }
}
