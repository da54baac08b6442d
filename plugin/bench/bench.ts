/**
 * The plugin's benchmark, in the browser harness (headless Chromium, the built dist/main.js, the shipped
 * library): plugin load time, index build time, and the main-thread work of a keystroke (from the input
 * event to the end of the panel's update, debounce 0; target p95 ≤ 16 ms, one frame). Not a test: it
 * prints numbers. Run with `pnpm --filter @praktijkwijzer/plugin bench` after `pnpm build`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unpackLibrary } from '../src/update/carried'
import { hasChromium, INSTALL_CHROMIUM, openHarness, PLUGIN_DIR } from '../test/browser/harness'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3)
const NOTE =
  'Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en zegt dat hij hier vrijwillig zit. ' +
  'Hij wil niet naar budgetbeheer en heeft schulden bij de woningcorporatie. De reclassering komt volgende week langs.'

function stats(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms (n=${sorted.length})`
}

/**
 * The carried library in the built main.js: its share of the bundle and the time to unpack it (Node.js,
 * the plugin's own decoder; only an install or update pays it, never start-up).
 */
function carried(): string {
  const bytes = readFileSync(join(PLUGIN_DIR, 'dist', 'main.js'))
  const main = bytes.toString('utf8')
  const found = /"(\d+)\\n([0-9a-zA-Z.:+=^!/*?&<>()[\]{}@%$#-]{1000,})"/.exec(main)
  if (!found) return 'carried library: none in dist/main.js'
  const data = `${found[1]}\n${found[2]}`
  const times: number[] = []
  let files: Record<string, string> = {}
  for (let i = 0; i < 5; i++) {
    const start = performance.now()
    files = unpackLibrary(data)
    times.push(performance.now() - start)
  }
  const text = Object.values(files).reduce((sum, t) => sum + new TextEncoder().encode(t).length, 0)
  return `carried library: ${(found[0].length / 1024).toFixed(1)} KiB of main.js (${(bytes.length / 1024).toFixed(0)} KiB), ${Object.keys(files).length} files of ${(text / 1024).toFixed(0)} KiB; unpack (install or update only): ${stats(times)}`
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(INSTALL_CHROMIUM)
  const load: number[] = []
  const index: number[] = []
  const keystroke: number[] = []
  let changed = 0
  let status = ''
  for (let run = 0; run < RUNS; run++) {
    // No debounce: the time measured is the plugin's own work from keystroke to drawn panel.
    const harness = await openHarness({ settings: { debounceMs: 0 } })
    try {
      load.push(harness.timings.loadMs)
      index.push(harness.timings.indexMs)
      status = harness.timings.status
      await harness.call('openCaseNote', `Casussen/Bench ${run}.md`, '')
      await harness.call('resetLatencies')
      const editor = harness.page.locator('textarea.harness-editor')
      for (const ch of NOTE) {
        await editor.press(ch === ' ' ? 'Space' : ch)
        await harness.page.waitForTimeout(30)
      }
      keystroke.push(...(await harness.call<number[]>('keystrokeWork')))
      changed += (await harness.call<number[]>('latencies')).length
      if (harness.errors.length > 0 || harness.blocked.length > 0) throw new Error(`page errors or network: ${[...harness.errors, ...harness.blocked].join('; ')}`)
    } finally {
      await harness.close()
    }
  }
  const out = [
    `Praktijkwijzer plugin benchmark: headless Chromium, shipped library (${status}), ${RUNS} runs`,
    `plugin load (evaluate main.js + onload): ${stats(load)}`,
    `index build (layout ready -> panel shows the library): ${stats(index)}`,
    `keystroke -> panel, main-thread work (debounce 0; in use add the debounce, default 400 ms): ${stats(keystroke)}; the panel changed after ${changed} of ${keystroke.length} keystrokes`,
    carried()
  ]
  process.stdout.write(`${out.join('\n')}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
