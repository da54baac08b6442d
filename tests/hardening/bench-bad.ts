// `pnpm bench:bad`: how long the bad-input corpus (tests/hardening/corpus.ts) takes to load, as a whole and
// per file, best of a few runs. `--json` for a machine. Not a test: the figure goes in notes and reports.
import { Library } from '@praktijkwijzer/core'
import { badCorpus } from './corpus.js'

function best(fn: () => void, runs: number): number {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

export function main(args: string[]): number {
  const files = badCorpus()
  const bytes = files.reduce((sum, f) => sum + (f.bytes?.length ?? 0), 0)
  const perFile = files
    .map((file) => ({ path: file.path, bytes: file.bytes?.length ?? 0, ms: best(() => new Library([file]), 2) }))
    .sort((a, b) => b.ms - a.ms)
  let library = new Library([])
  const totalMs = best(() => {
    library = new Library(files)
  }, 3)
  const result = { files: files.length, notes: library.graph.size, problems: library.problems().length, megabytes: bytes / 1e6, totalMs, slowest: perFile.slice(0, 8) }
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  const ms = (n: number): string => n.toFixed(0).padStart(6)
  process.stdout.write(`Bad-input corpus: ${result.files} files (${result.megabytes.toFixed(1)} MB), ${result.notes} notes, ${result.problems} problems\n`)
  process.stdout.write(`Whole corpus loaded in ${ms(totalMs).trim()} ms (best of 3, node ${process.version})\n\nSlowest files:\n`)
  for (const f of result.slowest) process.stdout.write(`  ${ms(f.ms)} ms  ${(f.bytes / 1e3).toFixed(0).padStart(6)} kB  ${f.path}\n`)
  return 0
}
