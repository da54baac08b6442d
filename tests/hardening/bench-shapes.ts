// Input shapes that once took quadratic time or crashed, each at three sizes so that `pnpm bench:bad` shows
// whether the time grows in proportion to the size: the privacy check on a note full of findings (F12),
// `cite import` of a file with many entries (F14), `check` on a note whose frontmatter repeats an anchor of
// links (F7) or that holds 150,000 broken links (F8), and `suggest` on a note that repeats the words of a
// signal phrase far apart (F13). Run through the same code as the command line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkPrivacy, Library } from '@praktijkwijzer/core'
import { main } from '../../packages/cli/src/main.js'
import { LIBRARY, readMarkdown } from '../lib/files.js'

/** One shape: text made for a size, and what the code makes of it (findings, notes). */
export interface Shape {
  name: string
  /** What a size counts (repetitions, entries). */
  unit: string
  sizes: number[]
  make(size: number): string
  /** Run the code on the text; returns how many things it found or made. */
  run(text: string): number | Promise<number>
}

/** One measurement of a shape. */
export interface Measured {
  shape: string
  size: number
  unit: string
  bytes: number
  items: number
  ms: number
  /** Milliseconds per 1,000 units: flat when the time is linear in the size. */
  msPer1000: number
}

async function importDryRun(text: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-bench-'))
  try {
    mkdirSync(join(dir, 'library', 'literatuur'), { recursive: true })
    writeFileSync(join(dir, 'import.bib'), text)
    let out = ''
    const io = { out: (t: string) => void (out += t), err: () => undefined, cwd: dir }
    await main(['cite', 'import', 'import.bib', '--dry-run', '--library', 'library'], io, { library: join(dir, 'library') })
    return out.split('\n').filter((line) => line.startsWith('zou aanmaken')).length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function checkNote(text: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-bench-'))
  try {
    writeFileSync(join(dir, 'Notitie.md'), text)
    let out = ''
    const io = { out: (t: string) => void (out += t), err: () => undefined, cwd: dir }
    await main(['check', '.'], io, { library: dir })
    return out.split('\n').filter((line) => line.startsWith('Notitie.md:')).length
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A note whose `thema` uses an anchor of n links n times: n² links if nothing stops it (F7). */
export function anchorBomb(n: number): string {
  const links = Array.from({ length: n }, () => '"[[Schulden]]"').join(', ')
  const uses = Array.from({ length: n }, () => '*a').join(', ')
  return `---\ntype: praktijk\nbron: ["1"]\nsignalen: [a, b, c, d, e]\na: &a [${links}]\nthema: [${uses}]\n---\n# Wide\n`
}

/** `suggest --limit 1` over the shipped library, loaded on the first call. */
const suggestTop = ((): ((text: string) => number) => {
  let shipped: Library | undefined
  return (text) => {
    shipped ??= new Library(readMarkdown(LIBRARY))
    return shipped.suggest(text, { limit: 1 }).suggestions.length
  }
})()

/** The shapes, at sizes that finish in seconds once linear. */
export const SHAPES: Shape[] = [
  { name: 'privacy: dates (12-03-1985 )', unit: 'dates', sizes: [25_000, 50_000, 100_000], make: (n) => '12-03-1985 '.repeat(n), run: (t) => checkPrivacy(t).length },
  { name: 'privacy: birth dates (geb. 12-03-1985, )', unit: 'dates', sizes: [25_000, 50_000, 100_000], make: (n) => 'geb. 12-03-1985, '.repeat(n), run: (t) => checkPrivacy(t).length },
  { name: 'privacy: e-mail addresses (a@bc.nl )', unit: 'addresses', sizes: [50_000, 100_000, 200_000], make: (n) => 'a@bc.nl '.repeat(n), run: (t) => checkPrivacy(t).length },
  { name: 'privacy: findings on one line each (06-12345678)', unit: 'lines', sizes: [25_000, 50_000, 100_000], make: (n) => 'Bel 06-12345678 of mail a@bc.nl\n'.repeat(n), run: (t) => checkPrivacy(t).length },
  {
    name: 'cite import --dry-run: BibTeX entries',
    unit: 'entries',
    sizes: [2_500, 5_000, 10_000],
    make: (n) => Array.from({ length: n }, (_, i) => `@article{k${i},\n  title = {Titel ${i}},\n  author = {Jansen${i}, Jan},\n  year = {${1950 + (i % 70)}}\n}\n`).join('\n'),
    run: importDryRun
  },
  {
    name: 'cite import --dry-run: one author and year, many titles',
    unit: 'entries',
    sizes: [1_000, 2_000, 4_000],
    make: (n) => Array.from({ length: n }, (_, i) => `@book{b${i}, title = {Deel ${i}}, author = {Jansen, J.}, year = {2020}}\n`).join(''),
    run: importDryRun
  },
  { name: 'check: an anchor of n links used n times in frontmatter (F7)', unit: 'n', sizes: [500, 1_000, 2_000], make: anchorBomb, run: checkNote },
  { name: 'check: broken links in one note ([[a]] )', unit: 'links', sizes: [40_000, 80_000, 150_000], make: (n) => '[[a]] '.repeat(n), run: checkNote },
  {
    // The words of the signal "spanning in het team na een incident", each repeated, never close together.
    name: 'suggest: the words of a signal phrase repeated far apart (F13)',
    unit: 'repetitions',
    sizes: [20_000, 40_000, 80_000],
    make: (n) => {
      const gap = ` ${'fiets '.repeat(30)}`
      return `${'spanning '.repeat(n)}${gap}${'team '.repeat(n)}${gap}${'incident '.repeat(n)}`
    },
    run: suggestTop
  }
]

/** Measure every shape at every size: the best of two runs (one when a run takes over two seconds). */
export async function measureShapes(shapes: Shape[] = SHAPES): Promise<Measured[]> {
  const out: Measured[] = []
  for (const shape of shapes) {
    // One small run first, so that the first size is not also the time to compile the code.
    await shape.run(shape.make(Math.ceil((shape.sizes[0] ?? 10) / 10)))
    for (const size of shape.sizes) {
      const text = shape.make(size)
      let ms = Infinity
      let items = 0
      for (let run = 0; run < 2; run++) {
        const started = performance.now()
        items = await shape.run(text)
        const took = performance.now() - started
        ms = Math.min(ms, took)
        if (took > 2000) break
      }
      out.push({ shape: shape.name, size, unit: shape.unit, bytes: Buffer.byteLength(text), items, ms, msPer1000: (ms / size) * 1000 })
    }
  }
  return out
}
