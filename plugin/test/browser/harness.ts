/**
 * The browser harness, Node side: serves a page on 127.0.0.1 with the fake Obsidian API (host.ts), the
 * built plugin (dist/main.js, styles.css) and the shipped library, and drives it in headless Chromium
 * with playwright-core. Every request that does not go to that server is blocked and recorded, so a test
 * can prove the plugin reaches no network. Used by the end-to-end test and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
import type { StartNote, StartTimings } from './timings'

export type { StartNote, StartTimings } from './timings'

/** The plugin package: the nearest folder up from here with its package.json (also when this file is bundled). */
export const PLUGIN_DIR = pluginDir(dirname(fileURLToPath(import.meta.url)))
const HERE = join(PLUGIN_DIR, 'test', 'browser')
/** The repository root. */
export const ROOT = join(PLUGIN_DIR, '..')
/** Where Chromium (or Chrome) is looked for: `PRAKTIJKWIJZER_CHROMIUM`, the usual install places, Playwright's own download. */
function chromiumCandidates(): string[] {
  const env = process.env['PRAKTIJKWIJZER_CHROMIUM']
  const places = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'
  ]
  let playwright: string[] = []
  try {
    playwright = [chromium.executablePath()]
  } catch {
    // Playwright's browser was never downloaded.
  }
  return [...(env ? [env] : []), ...places, ...playwright]
}

/** The Chromium to drive, or `null` when there is none. */
export const CHROMIUM: string | null = chromiumCandidates().find((p) => existsSync(p)) ?? null

/** What to do when there is no Chromium: one line. */
export const INSTALL_CHROMIUM =
  'Skipped the plugin browser test: no Chromium found. Install it (Debian/Ubuntu: apt-get install -y chromium; or: pnpm --filter @praktijkwijzer/plugin exec playwright-core install chromium), or set PRAKTIJKWIJZER_CHROMIUM to a Chromium or Chrome binary.'

function pluginDir(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes('"name": "@praktijkwijzer/plugin"')) return dir
  }
  throw new Error(`No @praktijkwijzer/plugin package above ${from}`)
}

/** What a harness page is. */
export interface Harness {
  page: Page
  /** Call a method of the page's `window.harness` with JSON arguments. */
  call<T>(method: string, ...args: unknown[]): Promise<T>
  /** Requests the page tried to make to anywhere but the harness server. */
  blocked: string[]
  /** Errors and warnings the page logged, and uncaught page errors. */
  errors: string[]
  close(): Promise<void>
}

/** Options of {@link openHarness}. */
export interface Options {
  /** The plugin's settings (data.json). */
  settings?: Record<string, unknown>
  /** The library folder to serve (default: the shipped library). */
  library?: string
  /** Viewport (default 1280×900). */
  viewport?: { width: number; height: number }
  /** A case note open when the layout becomes ready: `timings.firstMs` then says when its first suggestions showed. */
  note?: StartNote
  /** Write a CPU profile of the start-up (Chrome's `.cpuprofile`, for DevTools) to this file. */
  profile?: string
  /**
   * Files outside the notes (`vault.adapter`, vault paths) present before the plugin loads: e.g. a
   * persisted index in the plugin's folder, which a start uses because the library's notes keep the
   * modification times they had (every start seeds them with the same one, as files on disk keep theirs).
   */
  adapterFiles?: Record<string, string>
  /** Another build of the plugin to load instead of dist/main.js (the bench compares two builds side by side). */
  mainJs?: string
}

/** Whether Chromium is installed where the harness looks for it. */
export function hasChromium(): boolean {
  return CHROMIUM !== null
}

/** The files of a library folder, by path relative to it. */
export async function readLibrary(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  const walk = async (d: string): Promise<void> => {
    for (const name of await readdir(d)) {
      const p = join(d, name)
      if ((await stat(p)).isDirectory()) await walk(p)
      else if (name.endsWith('.md')) files[relative(dir, p).split('\\').join('/')] = await readFile(p, 'utf8')
    }
  }
  await walk(dir)
  return files
}

const PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Praktijkwijzer: browser harness</title>
<link rel="stylesheet" href="/harness.css">
<link rel="stylesheet" href="/styles.css">
</head>
<body>
<div id="workspace"></div>
<script src="/host.js"></script>
</body>
</html>`

/** Obsidian's CSS variables (default light theme, approximately), so the plugin's styles render as in the app. */
const HARNESS_CSS = `
:root { --background-primary: #ffffff; --background-secondary: #f6f6f6; --background-modifier-border: #e0e0e0;
  --background-modifier-hover: rgba(0,0,0,0.067); --text-normal: #222222; --text-muted: #5c5c5c; --text-faint: #999999;
  --text-error: #e93147; --text-warning: #d48a00; --text-success: #08a045; --text-accent: #8a5cf5; --link-color: #8a5cf5;
  --interactive-accent: #8a5cf5; --text-highlight-bg: rgba(255, 208, 0, 0.4); --font-ui-small: 13px; --font-ui-smaller: 12px;
  --font-semibold: 600; --line-height-normal: 1.5; --line-height-tight: 1.3; --radius-s: 4px;
  --size-4-1: 4px; --size-4-2: 8px; --size-4-3: 12px; --size-4-4: 16px;
  --color-green: #08b94e; --color-yellow: #e0ac00; --background-modifier-border-focus: #bdbdbd; }
/* Obsidian's default dark theme, approximately. */
body.theme-dark { --background-primary: #1e1e1e; --background-secondary: #262626; --background-modifier-border: #363636;
  --background-modifier-hover: rgba(255,255,255,0.075); --text-normal: #dadada; --text-muted: #b3b3b3; --text-faint: #666666;
  --text-error: #fb464c; --text-warning: #e9973f; --text-success: #44cf6e; --text-accent: #a68af9; --link-color: #a68af9;
  --interactive-accent: #7852ee; --text-highlight-bg: rgba(255, 208, 0, 0.4); --color-green: #44cf6e; --color-yellow: #e0de71;
  --background-modifier-border-focus: #555555; }
body { margin: 0; font-family: system-ui, sans-serif; color: var(--text-normal); background: var(--background-primary); }
.workspace { display: flex; height: 100vh; }
.workspace-split.mod-root { flex: 1 1 auto; padding: 16px 24px; border-right: 1px solid var(--background-modifier-border); }
.workspace-split.mod-right-split { flex: 0 0 400px; overflow-y: auto; background: var(--background-primary); }
.view-header { display: none; }
.harness-note-title { font-size: 22px; font-weight: 700; margin-bottom: 12px; }
.harness-editor { width: 100%; height: 70vh; font: 15px/1.6 system-ui, sans-serif; border: none; outline: none; resize: none; }
button { font: inherit; cursor: pointer; color: var(--text-normal); background: var(--background-primary); border: 1px solid var(--background-modifier-border); border-radius: 4px; padding: 2px 6px; }
.harness-popout { position: fixed; right: 0; bottom: 0; width: 400px; height: 60vh; border: 2px solid var(--background-modifier-border); background: var(--background-primary); }
/* Obsidian draws a Lucide icon in an icon button; the fake's SVG is empty, so the harness shows a glyph. */
.svg-icon { width: 0; height: 0; }
.clickable-icon { border: none; background: transparent; color: var(--text-muted); padding: 2px 6px; }
.clickable-icon[data-icon="refresh-cw"]::after { content: '⟳'; font-size: 16px; line-height: 1; }
`

/** Bundle the page script (the fake API and the host) for the browser. */
async function hostScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(HERE, 'host.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'warning'
  })
  return result.outputFiles[0]?.text ?? ''
}

/** Open the harness page in headless Chromium and start the plugin in it. */
export async function openHarness(options: Options = {}): Promise<Harness & { timings: StartTimings }> {
  const mainJs = options.mainJs ?? join(PLUGIN_DIR, 'dist', 'main.js')
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run \`pnpm build\` first.`)
  const files: Record<string, { type: string; body: string }> = {
    '/': { type: 'text/html; charset=utf-8', body: PAGE },
    '/harness.css': { type: 'text/css; charset=utf-8', body: HARNESS_CSS },
    '/host.js': { type: 'text/javascript; charset=utf-8', body: await hostScript() },
    '/plugin.js': { type: 'text/javascript; charset=utf-8', body: `window.praktijkwijzerMain = function (module, exports, require) {\n${await readFile(mainJs, 'utf8')}\n}\n` },
    '/styles.css': { type: 'text/css; charset=utf-8', body: await readFile(join(PLUGIN_DIR, 'dist', 'styles.css'), 'utf8') }
  }
  const server = createServer((req, res) => {
    const file = files[req.url ?? '']
    if (!file) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const profile = await mkdtemp(join(tmpdir(), 'praktijkwijzer-chromium-'))
  let context: BrowserContext | null = null
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined)
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await rm(profile, { recursive: true, force: true })
  }
  try {
    if (CHROMIUM === null) throw new Error(INSTALL_CHROMIUM)
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: options.viewport ?? { width: 1280, height: 900 }
    })
    const blocked: string[] = []
    const errors: string[] = []
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${base}/`)) return route.continue()
      blocked.push(url)
      return route.abort()
    })
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()}`)
    })
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    await page.goto(`${base}/`)
    const call = <T>(method: string, ...args: unknown[]): Promise<T> => page.evaluate<T>(`window.harness.${method}(...${JSON.stringify(args)})`)
    const library = await readLibrary(options.library ?? join(ROOT, 'library'))
    const manifest = JSON.parse(await readFile(join(PLUGIN_DIR, 'dist', 'manifest.json'), 'utf8')) as unknown
    const profiler = options.profile === undefined ? null : await context.newCDPSession(page)
    if (profiler) {
      await profiler.send('Profiler.enable')
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 })
      await profiler.send('Profiler.start')
    }
    const timings = await call<StartTimings>('start', library, options.settings ?? {}, manifest, options.note ?? null, options.adapterFiles ?? {})
    if (profiler && options.profile !== undefined) {
      const { profile } = await profiler.send('Profiler.stop')
      await writeFile(options.profile, JSON.stringify(profile))
      await profiler.detach()
    }
    return { page, call, blocked, errors, close, timings }
  } catch (error) {
    await close()
    throw error
  }
}
