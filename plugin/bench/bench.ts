/**
 * The plugin's benchmark, in the browser harness (headless Chromium, the built dist/main.js, the shipped
 * library), one table in one run. Per start-up variant (a row; see {@link VARIANTS}):
 *
 * - evaluating main.js, and the plugin's `onload`;
 * - the longest main-thread task from layout-ready to the first suggestions, from Chromium's `longtask`
 *   entries (a PerformanceObserver: every task over 50 ms, whoever ran it; none means none over 50 ms);
 * - the time to the first suggestions: layout-ready (with the bench note open, as Obsidian restores the
 *   workspace) until the panel shows its cards for it;
 * - the main-thread work of a keystroke, from the input event to the end of the panel's update (debounce
 *   0; target p95 ≤ 16 ms, one frame): the top-level tasks of a Chromium trace inside that window (see
 *   `busy.ts`), and beside it the window's wall time, which also holds the idle wait for the next frame.
 *
 * Start-up figures are min/median over the runs; the runs of the variants alternate (the machine's load
 * changes over a run). Not a test: it prints numbers. Run with `pnpm --filter @praktijkwijzer/plugin
 * bench` after `pnpm build`; `-- --json` prints the same as JSON; `BENCH_RUNS` sets the runs (default 3);
 * `BENCH_PROFILE` writes CPU profiles of the start-up and of the typing; `BENCH_VARIANTS` picks variants
 * by name; `BENCH_BASELINE=FILE` runs every variant with that other build of main.js too, alternately
 * (before and after in one run).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { unpackLibrary } from '../src/update/carried'
import type { CDPSession } from 'playwright-core'
import { busyPerKeystroke } from './busy'
import type { TraceEvent } from './busy'
import { hasChromium, INSTALL_CHROMIUM, openHarness, PLUGIN_DIR } from '../test/browser/harness'
import type { Harness, Options } from '../test/browser/harness'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3)
const JSON_OUT = process.argv.includes('--json')
/** `BENCH_PROFILE=/tmp/start` writes CPU profiles of each variant's first start-up and of its typing (open them in DevTools). */
const PROFILE = process.env['BENCH_PROFILE']
/** `BENCH_BASELINE=/tmp/old/main.js`: every variant also runs with that build of main.js, alternately (before/after in one run). */
const BASELINE = process.env['BENCH_BASELINE']
/** `BENCH_VARIANTS='zonder cache'`: only these variants (comma-separated names), e.g. against a baseline from before the persisted index. */
const ONLY = process.env['BENCH_VARIANTS']?.split(',').map((v) => v.trim())
const NOTE =
  'Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en zegt dat hij hier vrijwillig zit. ' +
  'Hij wil niet naar budgetbeheer en heeft schulden bij de woningcorporatie. De reclassering komt volgende week langs.'
/** What is typed after start-up, a key at a time. */
const TYPED = ' Hij heeft geen zin in de dagbesteding en blowt weer elke dag.'

/**
 * A start-up variant: a row of the table. `options` go to the harness (the note and debounce are set
 * here); `prepare` makes them once, before the runs; `check` says what is wrong with a start of it.
 */
interface Variant {
  name: string
  options?: Options
  prepare?: () => Promise<Options>
  check?: (harness: Harness) => Promise<string | null>
}

/** Where the plugin keeps its persisted index in the harness's vault. */
const INDEX_FILE = '.obsidian/plugins/praktijkwijzer/kennisbank-index.json'

/**
 * The start-up variants, measured alternately. A variant that starts differently (another settings or
 * vault content, a persisted index) is one more entry.
 */
const VARIANTS: Variant[] = [
  { name: 'zonder cache' },
  {
    // The plugin folder holds the index a first start wrote; the notes are as they were then.
    name: 'met cache',
    prepare: async () => {
      const first = await openHarness({ note: { path: 'Casussen/Eerste.md', text: NOTE } })
      try {
        const text = await first.call<string | null>('adapterText', INDEX_FILE, 15_000)
        if (text === null) throw new Error(`met cache: the first start wrote no ${INDEX_FILE}`)
        return { adapterFiles: { [INDEX_FILE]: text } }
      } finally {
        await first.close()
      }
    },
    // A start that read the library's notes again did not use the index.
    check: async (harness) => {
      const reads = (await harness.call<string[]>('reads')).filter((p) => p.startsWith('Kennisbank/'))
      return reads.length === 0 ? null : `met cache: the start read ${reads.length} library notes (${reads.slice(0, 3).join(', ')}): the persisted index was not used`
    }
  }
]

/** One variant's figures over all runs. */
interface Row {
  variant: string
  /** Loading main.js into the page (download from the local server, compile) before it runs. */
  scriptMs: number[]
  evalMs: number[]
  onloadMs: number[]
  /** Per run: the longest long task (over 50 ms) from layout-ready to the first suggestions, 0 when none. */
  longestTaskMs: number[]
  /** Per run: how many long tasks. */
  longTasks: number[]
  firstSuggestionsMs: number[]
  /** Per keystroke: main-thread busy time from the input event to the end of the panel's update. */
  keystrokeMs: number[]
  /** Per keystroke: the wall time of the same window (busy time plus the idle wait for the next frame). */
  keystrokeWallMs: number[]
  status: string
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

function minMedian(values: number[]): string {
  return values.length === 0 ? '–' : `${quantile(values, 0).toFixed(0)} / ${quantile(values, 0.5).toFixed(0)}`
}

/** One start-up of a variant, then the bench note typed on: its figures are added to `row`. */
async function measure(variant: Variant, run: number, row: Row): Promise<void> {
  const harness = await openHarness({
    ...variant.options,
    // No debounce: the time measured is the plugin's own work from keystroke to drawn panel.
    settings: { ...variant.options?.settings, debounceMs: 0 },
    note: { path: `Casussen/Bench ${run}.md`, text: NOTE },
    ...(PROFILE !== undefined && run === 0 ? { profile: `${PROFILE}-${variant.name.replace(/\W+/g, '-')}.cpuprofile` } : {})
  })
  try {
    const t = harness.timings
    if (t.firstMs === null) throw new Error(`${variant.name}: the panel showed no suggestions for the bench note`)
    const wrong = (await variant.check?.(harness)) ?? null
    if (wrong !== null) throw new Error(wrong)
    row.scriptMs.push(t.scriptMs)
    row.evalMs.push(t.evalMs)
    row.onloadMs.push(t.onloadMs)
    row.longestTaskMs.push(Math.max(0, ...t.longTasks))
    row.longTasks.push(t.longTasks.length)
    row.firstSuggestionsMs.push(t.firstMs)
    row.status = t.status
    const editor = harness.page.locator('textarea.harness-editor')
    await editor.focus()
    await harness.page.keyboard.press('End')
    await harness.call('settled', 300)
    await harness.call('resetLatencies')
    const tracer = await harness.page.context().newCDPSession(harness.page)
    await tracer.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline'] } })
    const profiler = PROFILE !== undefined && run === 0 ? await harness.page.context().newCDPSession(harness.page) : null
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 })
      await profiler.send('Profiler.start')
    }
    for (const ch of TYPED) {
      await editor.press(ch === ' ' ? 'Space' : ch)
      await harness.page.waitForTimeout(30)
    }
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop')
      writeFileSync(`${PROFILE}-${variant.name.replace(/\W+/g, '-')}-typing.cpuprofile`, JSON.stringify(profile))
      await profiler.detach()
    }
    const events = await endTrace(tracer)
    const wall = await harness.call<number[]>('keystrokeWork')
    const busy = busyPerKeystroke(events, wall)
    if (busy.length !== wall.length) throw new Error(`${variant.name}: the trace holds no input event per keystroke (${wall.length} keystrokes)`)
    row.keystrokeMs.push(...busy)
    row.keystrokeWallMs.push(...wall)
    if (harness.errors.length > 0 || harness.blocked.length > 0) throw new Error(`page errors or network: ${[...harness.errors, ...harness.blocked].join('; ')}`)
  } finally {
    await harness.close()
  }
}

/** Stop a trace started with `ReturnAsStream` and read its events. */
async function endTrace(tracer: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => tracer.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')))
  await tracer.send('Tracing.end')
  const stream = await complete
  const parts: string[] = []
  for (;;) {
    const chunk = await tracer.send('IO.read', { handle: stream })
    parts.push(chunk.base64Encoded === true ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data)
    if (chunk.eof) break
  }
  await tracer.send('IO.close', { handle: stream })
  await tracer.detach()
  const trace = JSON.parse(parts.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] }
  return Array.isArray(trace) ? trace : trace.traceEvents
}

/**
 * The carried library in the built main.js: its share of the bundle and the time to unpack it (Node.js,
 * the plugin's own decoder; only an install or update pays it, never start-up).
 */
function carried(): { line: string; kib: number; unpackMs: number[] } {
  const main = readFileSync(join(PLUGIN_DIR, 'dist', 'main.js'), 'utf8')
  const found = /"(\d+)\\n([0-9a-zA-Z.:+=^!/*?&<>()[\]{}@%$#-]{1000,})"/.exec(main)
  if (!found) return { line: 'carried library: none in dist/main.js', kib: 0, unpackMs: [] }
  const data = `${found[1]}\n${found[2]}`
  const times: number[] = []
  let files: Record<string, string> = {}
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    files = unpackLibrary(data)
    times.push(performance.now() - start)
  }
  const text = Object.values(files).reduce((sum, t) => sum + new TextEncoder().encode(t).length, 0)
  const kib = found[0].length / 1024
  return {
    line: `carried library: ${kib.toFixed(1)} KiB of main.js, ${Object.keys(files).length} files of ${(text / 1024).toFixed(0)} KiB; unpack (install or update only): p50 ${quantile(times, 0.5).toFixed(0)} ms (n=${times.length})`,
    kib,
    unpackMs: times
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join(' | ')).join('\n')
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(INSTALL_CHROMIUM)
  const load = loadavg().map((l) => l.toFixed(2)).join(', ')
  const chosen = VARIANTS.filter((v) => ONLY === undefined || ONLY.includes(v.name))
  if (chosen.length === 0) throw new Error(`BENCH_VARIANTS names no variant; there are: ${VARIANTS.map((v) => v.name).join(', ')}`)
  const prepared = await Promise.all(chosen.map(async (v) => (v.prepare ? { ...v, options: { ...v.options, ...(await v.prepare()) } } : v)))
  // With a baseline build, each variant runs with both builds, alternately.
  const variants = BASELINE === undefined ? prepared : prepared.flatMap((v) => [v, { ...v, name: `${v.name} (baseline)`, options: { ...v.options, mainJs: BASELINE } }])
  const rows: Row[] = variants.map((v) => ({ variant: v.name, scriptMs: [], evalMs: [], onloadMs: [], longestTaskMs: [], longTasks: [], firstSuggestionsMs: [], keystrokeMs: [], keystrokeWallMs: [], status: '' }))
  for (let run = 0; run < RUNS; run++) for (const [i, variant] of variants.entries()) await measure(variant, run, rows[i] as Row)
  const bundle = readFileSync(join(PLUGIN_DIR, 'dist', 'main.js')).length
  const lib = carried()
  if (JSON_OUT) {
    process.stdout.write(`${JSON.stringify({ runs: RUNS, loadAverage: loadavg(), bundleBytes: bundle, carriedKiB: lib.kib, unpackMs: lib.unpackMs, rows }, null, 2)}\n`)
    return
  }
  const lines = [
    `Praktijkwijzer plugin bench: headless Chromium, shipped library (${rows[0]?.status ?? ''}), ${RUNS} runs per variant, load average ${load}`,
    `main.js ${(bundle / 1024).toFixed(0)} KiB. Start-up: min / median ms over the runs. Load: download (local server) and compile; evaluate: running the module.`,
    `Long tasks: Chromium's longtask entries (> 50 ms) from layout-ready to the first suggestions, per run; longest 0 = none over 50 ms. First suggestions: layout-ready (bench note open) until the panel shows its cards.`,
    `Keystroke: main-thread work (busy time in a trace) from the input event to the end of the panel's update, debounce 0 (in use add the debounce), all keystrokes of all runs; target p95 ≤ 16 ms.`,
    `Wall: the same window's wall time, which also holds the idle wait for the next frame (after an input event Chromium draws a frame before it runs timers).`,
    '',
    table([
      ['start-up', 'load main.js', 'evaluate', 'onload', 'longest task', 'long tasks', 'first suggestions', 'keystroke p50', 'keystroke p95', 'wall p50', 'wall p95', 'n'],
      ...rows.map((r) => [
        r.variant,
        minMedian(r.scriptMs),
        minMedian(r.evalMs),
        minMedian(r.onloadMs),
        minMedian(r.longestTaskMs),
        r.longTasks.join(', '),
        minMedian(r.firstSuggestionsMs),
        quantile(r.keystrokeMs, 0.5).toFixed(1),
        quantile(r.keystrokeMs, 0.95).toFixed(1),
        quantile(r.keystrokeWallMs, 0.5).toFixed(1),
        quantile(r.keystrokeWallMs, 0.95).toFixed(1),
        String(r.keystrokeMs.length)
      ])
    ]),
    '',
    lib.line
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
