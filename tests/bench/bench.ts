// `pnpm bench`: index build time, heap, query latency (p50/p95) for a 300- and a 2,000-word note, and
// single-note update time, for our engine, MiniSearch (as Omnisearch sets it up) and fuse.js, on the
// shipped library and on a deterministic synthetic library of 5,000 notes; cold and warm start (from the
// persisted index) of both; then the wall time of the CLI's `suggest`, cold (--no-cache) and warm, next to
// `node -e 0` (`--start-runs N`, default 3). `--json` for a machine ({ rows, starts, startup });
// `--notes N` for another synthetic size; `--engines praktijkwijzer,minisearch,fuse.js` for a subset. Run with --expose-gc for heap figures (pnpm bench does).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeCache, encodeCache, Library, staleFiles, type GraphNode, type SourceFile, type Stamp } from '@praktijkwijzer/core'
import { fuseFullText, miniSearch, type Ranker } from '../lib/baselines.js'
import { LIBRARY, readMarkdown } from '../lib/files.js'
import { loadCases } from '../eval/metrics.js'
import { noteOfLength, syntheticLibrary } from './synthetic.js'

interface Row {
  library: string
  notes: number
  engine: string
  parseMs: number | null
  buildMs: number
  heapMB: number | null
  q300p50: number
  q300p95: number
  q2000p50: number
  q2000p95: number
  updateP50: number
  updateP95: number
}

const gc = (globalThis as { gc?: () => void }).gc

/** The JS heap plus typed-array memory (the engine's frequencies live in typed arrays, outside `heapUsed`), after two full collections (with --expose-gc). */
export function heap(): number {
  gc?.()
  gc?.()
  const { heapUsed, arrayBuffers } = process.memoryUsage()
  return heapUsed + arrayBuffers
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/**
 * Run `fn` `runs` times after a warm-up (V8 keeps optimising for the first hundred or so calls: the warm-up
 * keeps that out of p95), or as often as fits in the time budget (at least 3 times). A run
 * that alone takes longer than the budget is measured once, without warm-up: a full-text fuse.js search
 * of a 2,000-word note over 5,000 notes takes minutes, and one figure says enough.
 */
function time(fn: () => void, runs: number, warmup = 100, budgetMs = 8000): number[] {
  const first = performance.now()
  fn()
  const once = performance.now() - first
  if (once > budgetMs) return [once]
  const start = performance.now()
  for (let i = 1; i < warmup && performance.now() - start < budgetMs / 4; i++) fn()
  const times: number[] = []
  const measuring = performance.now()
  for (let i = 0; i < runs && (times.length < 3 || performance.now() - measuring < budgetMs); i++) {
    const t = performance.now()
    fn()
    times.push(performance.now() - t)
  }
  return times
}

interface Engine {
  name: string
  build(): void
  query(text: string): void
  update(i: number): void
}

/**
 * The files as a reader hands them over: texts of their own (not slices of, nor ropes over, the caller's),
 * which the caller drops once the library has them.
 */
export function handedOver(files: readonly SourceFile[]): SourceFile[] {
  return files.map((f) => ({ path: f.path, text: Buffer.from(f.text ?? '', 'utf8').toString('utf8') }))
}

function measure(label: string, files: SourceFile[], notes: { short: string; long: string }, runs: number, only: string[] | undefined): Row[] {
  // The library reads copies of the files' texts, dropped once it has them, as a reader hands them over:
  // whatever of them the library keeps (a piece of a text keeps all of it) counts, and only that. (Reading
  // `files` themselves, the count would miss what it keeps of them, and count the flattening of the
  // synthetic texts, which are ropes, that `files` keep.)
  const before = heap()
  let copies = handedOver(files)
  let t = performance.now()
  const library = new Library(copies)
  const parseMs = performance.now() - t
  copies = []
  const parsedHeap = heap() - before
  const graph = library.graph
  const texts = new Map(files.map((f) => [f.path, f.text]))
  const candidates: GraphNode[] = graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek' || n.type === 'thema')
  const changed = (i: number): GraphNode => {
    const node = candidates[i % candidates.length] as GraphNode
    return node
  }
  let mini: Ranker | undefined
  let fuse: Ranker | undefined
  const engines: Engine[] = [
    {
      name: 'Praktijkwijzer',
      build: () => library.buildIndex(),
      query: (text) => void library.suggest(text, { limit: 10 }),
      update: (i) => {
        // One library note edited: the graph and the index take the new version.
        const node = changed(i)
        library.upsert({ path: node.path, text: `${texts.get(node.path) ?? ''}\nBewerkt ${i}.\n` })
      }
    },
    {
      name: 'MiniSearch',
      build: () => void (mini = miniSearch(candidates)),
      query: (text) => void mini?.rank(text, 10),
      update: (i) => {
        const node = changed(i)
        mini?.remove(node)
        mini?.add(node)
      }
    },
    {
      name: 'fuse.js',
      build: () => void (fuse = fuseFullText(candidates)),
      query: (text) => void fuse?.rank(text, 10),
      update: (i) => {
        const node = changed(i)
        fuse?.remove(node)
        fuse?.add(node)
      }
    }
  ]
  const rows: Row[] = []
  for (const engine of engines.filter((e) => !only || only.includes(e.name.toLowerCase()))) {
    const h0 = heap()
    t = performance.now()
    engine.build()
    const buildMs = performance.now() - t
    const heapMB = gc ? (heap() - h0) / 1024 / 1024 : null
    const q300 = time(() => engine.query(notes.short), runs)
    const q2000 = time(() => engine.query(notes.long), Math.max(10, Math.floor(runs / 4)))
    let k = 0
    const updates = time(() => engine.update(k++), Math.min(100, runs), 3)
    rows.push({
      library: label,
      notes: files.length,
      engine: engine.name,
      parseMs: engine.name === 'Praktijkwijzer' ? parseMs : null,
      buildMs,
      heapMB: heapMB === null ? null : engine.name === 'Praktijkwijzer' ? heapMB + parsedHeap / 1024 / 1024 : heapMB,
      q300p50: percentile(q300, 50),
      q300p95: percentile(q300, 95),
      q2000p50: percentile(q2000, 50),
      q2000p95: percentile(q2000, 95),
      updateP50: percentile(updates, 50),
      updateP95: percentile(updates, 95)
    })
  }
  return rows
}

/** A cold start (read and index every note) next to a warm one (the persisted index, nothing changed). */
interface StartRowLib {
  library: string
  notes: number
  coldMs: number
  warmMs: number
  cacheMB: number
  warmHeapMB: number | null
}

/**
 * Cold and warm start of a library in this process: cold reads every note and builds the index; warm
 * reads the cache file's text back (header check, hash, JSON, restore) and compares every file's stamp,
 * as the CLI does when nothing changed. The median of three runs each, interleaved (warm first, so that
 * the heap the restored library holds is measured without a cold library's garbage).
 */
function starts(label: string, files: SourceFile[]): StartRowLib {
  const key = { version: 'bench', library: `/bench/${label}` }
  const stamps = new Map<string, Stamp>(files.map((f, i) => [f.path, { mtime: 1_600_000_000_000 + i, size: (f.text ?? '').length }]))
  const library = new Library(files)
  library.buildIndex()
  const text = encodeCache(library, key, stamps)
  const cold: number[] = []
  const warm: number[] = []
  let warmHeap: number | null = null
  // A warm start as the CLI makes it: check the file, parse it, restore, compare every stamp.
  const restore = (): Library => {
    const loaded = decodeCache(text, key)
    if (!loaded.ok) throw new Error(`cache refused: ${loaded.reason}`)
    const stale = staleFiles(loaded.stamps, stamps, loaded.written)
    loaded.library.apply([], stale.removed)
    if (stale.read.length > 0 || !loaded.library.indexed) throw new Error('warm start read notes')
    return loaded.library
  }
  for (let i = 0; i < 3; i++) {
    let t = performance.now()
    const restored: Library[] = [restore()]
    warm.push(performance.now() - t)
    // The heap the restored library holds: with it, then without it (the snapshot's text aside, which
    // the caller drops), so that no garbage of an earlier round counts either way.
    const withIt = gc ? heap() : 0
    restored.pop()
    if (gc) warmHeap = (withIt - heap()) / 1024 / 1024
    t = performance.now()
    new Library(files).buildIndex()
    cold.push(performance.now() - t)
  }
  return { library: label, notes: files.length, coldMs: percentile(cold, 50), warmMs: percentile(warm, 50), cacheMB: text.length / 1024 / 1024, warmHeapMB: warmHeap }
}

function formatStarts(rows: StartRowLib[]): string {
  const header = ['bibliotheek', 'notities', 'koud ms', 'warm ms', 'index-bestand MB', 'heap warm MB']
  const body = rows.map((r) => [r.library, String(r.notes), r.coldMs.toFixed(0), r.warmMs.toFixed(0), r.cacheMB.toFixed(1), r.warmHeapMB === null ? '-' : r.warmHeapMB.toFixed(1)])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), ...body.map(line)].join('\n')
}

function format(rows: Row[]): string {
  const f = (n: number | null, d = 2): string => (n === null ? '-' : n.toFixed(d))
  const header = ['bibliotheek', 'notities', 'motor', 'inlezen ms', 'index ms', 'heap MB', '300w p50', '300w p95', '2000w p50', '2000w p95', 'update p50', 'update p95']
  const body = rows.map((r) => [r.library, String(r.notes), r.engine, f(r.parseMs, 0), f(r.buildMs, 0), f(r.heapMB, 1), f(r.q300p50), f(r.q300p95), f(r.q2000p50), f(r.q2000p95), f(r.updateP50), f(r.updateP95)])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), ...body.map(line)].join('\n')
}

/** Wall time of starting a process, in milliseconds: the median of a few runs. */
interface StartRow {
  what: string
  ms: number
  runs: number
}

const CLI = fileURLToPath(new URL('../../packages/cli/bin/praktijkwijzer.js', import.meta.url))

/**
 * What a user waits for at the command line: `praktijkwijzer suggest` on one note (the whole process:
 * reading the library or its persisted index, the index, the query and, when sources are printed, their
 * references), cold (`--no-cache`) and warm (the cache written by a run before), next to `node -e 0`
 * measured in the same run, so that the machine's own start-up cost can be read off. The cache lives in a
 * temporary XDG_CACHE_HOME.
 */
function startup(runs: number): StartRow[] {
  if (!existsSync(CLI)) return []
  const dir = mkdtempSync(join(tmpdir(), 'pw-bench-'))
  try {
    const withSources = join(dir, 'gesprek.md')
    const without = join(dir, 'wasmachine.md')
    writeFileSync(withSources, 'Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en heeft schulden bij de woningcorporatie.\n')
    writeFileSync(without, 'De wasmachine op de tweede verdieping is kapot; de monteur komt donderdag.\n')
    const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') }
    const cases: Array<[string, string[]]> = [
      ['node -e 0', ['-e', '0']],
      ['suggest koud (met literatuur)', [CLI, 'suggest', withSources, '--no-cache']],
      ['suggest warm (met literatuur)', [CLI, 'suggest', withSources]],
      ['suggest koud (zonder literatuur)', [CLI, 'suggest', without, '--no-cache']],
      ['suggest warm (zonder literatuur)', [CLI, 'suggest', without]]
    ]
    // The warm cases need the cache, with the references of the sources the note brings.
    spawnSync(process.execPath, [CLI, 'suggest', withSources], { stdio: 'ignore', env })
    const times = new Map<string, number[]>(cases.map(([what]) => [what, []]))
    // Interleaved, so that a busy moment of the machine does not fall on one case only.
    for (let i = 0; i < runs; i++) {
      for (const [what, argv] of cases) {
        const t = performance.now()
        spawnSync(process.execPath, argv, { stdio: 'ignore', env })
        times.get(what)?.push(performance.now() - t)
      }
    }
    return cases.map(([what]) => ({ what, ms: percentile(times.get(what) ?? [], 50), runs }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function main(args: string[]): number {
  const json = args.includes('--json')
  const size = Number(args[args.indexOf('--notes') + 1]) || 5000
  const onlyArg = args.indexOf('--engines')
  const only = onlyArg === -1 ? undefined : (args[onlyArg + 1] ?? '').toLowerCase().split(',')
  const files = readMarkdown(LIBRARY)
  let texts: string[]
  try {
    texts = loadCases().map((c) => c.text)
  } catch {
    texts = files.map((f) => f.text)
  }
  const notes = { short: noteOfLength(texts, 300), long: noteOfLength(texts, 2000) }
  const rows = measure('meegeleverd', files, notes, 300, only)
  const synthetic = syntheticLibrary(new Library(files).graph, size)
  rows.push(...measure('synthetisch', synthetic, notes, 100, only))
  const libraryStarts = [starts('meegeleverd', files), starts('synthetisch', synthetic)]
  const cli = startup(Number(args[args.indexOf('--start-runs') + 1]) || 3)
  if (json) process.stdout.write(`${JSON.stringify({ rows, starts: libraryStarts, startup: cli }, null, 2)}\n`)
  else {
    process.stdout.write(`${format(rows)}\n\n`)
    process.stdout.write(`Starten van de kennisbank (in dit proces, mediaan van 3): koud = alles lezen en indexeren, warm = uit de opgeslagen index\n${formatStarts(libraryStarts)}\n\n`)
    if (cli.length > 0) process.stdout.write(`Opstarten van de CLI (wandkloktijd, mediaan van ${cli[0]?.runs ?? 0}):\n${cli.map((r) => `  ${r.what.padEnd(34)} ${r.ms.toFixed(0).padStart(6)} ms`).join('\n')}\n\n`)
    else process.stdout.write('(Opstarttijden overgeslagen: bouw eerst de CLI met pnpm build.)\n\n')
    process.stdout.write(
      'Tijden in milliseconden. "inlezen": notities parsen en de graaf bouwen (alleen onze motor heeft die stap; de\n' +
        'andere indexeren dezelfde, al geparste notities). "index": de zoekindex bouwen. "update": één bewerkte notitie\n' +
        'verwerken (bij ons: graaf en index). heap: geheugen van index (bij ons ook de geparste notities en de graaf).\n'
    )
    if (!gc) process.stdout.write('(Start met node --expose-gc voor heap-cijfers.)\n')
  }
  return 0
}
