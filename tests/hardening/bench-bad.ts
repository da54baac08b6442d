// `pnpm bench:bad`: how long the bad-input corpus (tests/hardening/corpus.ts) takes to load, as a whole and
// per file, best of a few runs, and how the time of the shapes in bench-shapes.ts grows with their size.
// `--json` for a machine; `--shapes` for the shapes only. Not a test: the figures go in notes and reports.
import { Library } from '@praktijkwijzer/core'
import { badCorpus } from './corpus.js'
import { measureShapes, type Measured } from './bench-shapes.js'

function best(fn: () => void, runs: number): number {
  let min = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    min = Math.min(min, performance.now() - t)
  }
  return min
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--shapes')) return printShapes(await measureShapes(), args)
  const files = badCorpus()
  const bytes = files.reduce((sum, f) => sum + (f.bytes?.length ?? 0), 0)
  const perFile = files
    .map((file) => ({ path: file.path, bytes: file.bytes?.length ?? 0, ms: best(() => new Library([file]), 2) }))
    .sort((a, b) => b.ms - a.ms)
  let library = new Library([])
  const totalMs = best(() => {
    library = new Library(files)
  }, 3)
  const shapes = await measureShapes()
  const result = { files: files.length, notes: library.graph.size, problems: library.problems().length, megabytes: bytes / 1e6, totalMs, slowest: perFile.slice(0, 8), shapes }
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  }
  const ms = (n: number): string => n.toFixed(0).padStart(6)
  process.stdout.write(`Bad-input corpus: ${result.files} files (${result.megabytes.toFixed(1)} MB), ${result.notes} notes, ${result.problems} problems\n`)
  process.stdout.write(`Whole corpus loaded in ${ms(totalMs).trim()} ms (best of 3, node ${process.version})\n\nSlowest files:\n`)
  for (const f of result.slowest) process.stdout.write(`  ${ms(f.ms)} ms  ${(f.bytes / 1e3).toFixed(0).padStart(6)} kB  ${f.path}\n`)
  process.stdout.write('\n')
  return printShapes(shapes, [])
}

/** The shapes: per size its bytes, result and time, and the time per 1,000 units (flat when linear). */
function printShapes(shapes: Measured[], args: string[]): number {
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(shapes, null, 2)}\n`)
    return 0
  }
  process.stdout.write('Shapes that were once quadratic (time per 1,000 units stays flat when linear):\n')
  let last = ''
  for (const m of shapes) {
    if (m.shape !== last) process.stdout.write(`  ${(last = m.shape)}\n`)
    const size = `${m.size.toLocaleString('en')} ${m.unit}`.padStart(18)
    process.stdout.write(`    ${size}  ${(m.bytes / 1e6).toFixed(2).padStart(6)} MB  ${String(m.items).padStart(7)} found/made  ${m.ms.toFixed(0).padStart(7)} ms  ${m.msPer1000.toFixed(1).padStart(7)} ms per 1,000\n`)
  }
  return 0
}
