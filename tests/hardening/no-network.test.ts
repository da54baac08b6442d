// Nothing leaves the machine: the built plugin bundle, the CLI's bundles and a browser build of the core contain no network
// API (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, Obsidian's requestUrl, Node's http,
// https, net, dns), the stub that replaces citation-js's fetch helper says so in Dutch, and citations still
// format in the stubbed bundle.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { build, type BuildOptions, type Plugin } from 'esbuild'
import { describe, expect, test } from 'vitest'
import { ROOT } from '../lib/files.js'

/** packages/core/scripts/no-network.mjs, the module the plugin's and the CLI's builds use too (plain JavaScript, so typed here). */
interface NoNetwork {
  NETWORK_MESSAGE: string
  noNetwork(): Plugin
  findNetworkApis(code: string): Array<{ api: string; context: string }>
}
const { findNetworkApis, NETWORK_MESSAGE, noNetwork } = (await import(pathToFileURL(join(ROOT, 'packages', 'core', 'scripts', 'no-network.mjs')).href)) as NoNetwork

const CORE = join(ROOT, 'packages', 'core')
const PLUGIN_BUNDLE = join(ROOT, 'plugin', 'dist', 'main.js')
const CLI_DIST = join(ROOT, 'packages', 'cli', 'dist')

/** Bundle some code against the core for the browser, as the plugin does. */
async function browserBundle(contents: string, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: join(CORE, 'src'), loader: 'ts' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'bundle',
    minify: true,
    write: false,
    logLevel: 'silent',
    ...options
  })
  return result.outputFiles?.[0]?.text ?? ''
}

function run(code: string): Record<string, unknown> {
  // A browser-like global without any network API, Node.js or require.
  const sandbox: Record<string, unknown> = { console: { log() {}, warn() {}, error() {}, info() {}, debug() {} }, TextEncoder, TextDecoder }
  runInNewContext(`${code}\nthis.bundle = bundle`, sandbox)
  return sandbox['bundle'] as Record<string, unknown>
}

describe('nothing leaves the machine', () => {
  test('should find no network API in the built plugin bundle', () => {
    expect(existsSync(PLUGIN_BUNDLE), 'plugin/dist/main.js is missing: run `pnpm build` first').toBe(true)
    expect(findNetworkApis(readFileSync(PLUGIN_BUNDLE, 'utf8'))).toEqual([])
  })

  test("should find no network API in the CLI's bundles (cite carries citation-js)", () => {
    const bundles = [join(CLI_DIST, 'praktijkwijzer.js'), ...readdirSync(join(CLI_DIST, 'commands')).filter((f) => f.endsWith('.js')).map((f) => join(CLI_DIST, 'commands', f))]
    expect(bundles.map((b) => b.slice(CLI_DIST.length + 1))).toContain('commands/cite.js')
    for (const bundle of bundles) expect(findNetworkApis(readFileSync(bundle, 'utf8')), bundle).toEqual([])
  })

  test('should find no network API in the core bundled for the browser', { timeout: 60_000 }, async () => {
    const code = await browserBundle("export * from './index.ts'", { plugins: [noNetwork()] })
    expect(code.length).toBeGreaterThan(500_000)
    expect(findNetworkApis(code)).toEqual([])
  })

  test('should catch what citation-js brings along when the stub is left out (the check itself works)', { timeout: 60_000 }, async () => {
    const code = await browserBundle("export * from './index.ts'")
    expect(new Set(findNetworkApis(code).map((f) => f.api))).toEqual(new Set(['fetch', 'XMLHttpRequest']))
  })

  test('should flag each kind of network API', () => {
    const samples = [
      'fetch(u)', 'window.fetch(u)', 'new XMLHttpRequest', 'new WebSocket(u)', 'new EventSource(u)', 'navigator.sendBeacon(u)',
      'obsidian.requestUrl({url})', 'require("https")', 'require("node:http")', "import('net')", 'from "dns"'
    ]
    for (const sample of samples) expect(findNetworkApis(sample), sample).toHaveLength(1)
    expect(findNetworkApis('refetchItems(); const prefetched = 1; "sync-fetch-undici"; fetchFile()')).toEqual([])
  })

  test('should answer a call to citation-js fetch helper with a Dutch error, not a request', { timeout: 60_000 }, async () => {
    const api = run(await browserBundle("import { util } from '@citation-js/core'\nexport const fetchFile = util.fetchFile\nexport const fetchFileAsync = util.fetchFileAsync", { plugins: [noNetwork()] }))
    expect(() => (api['fetchFile'] as (url: string) => string)('https://example.org/')).toThrow(NETWORK_MESSAGE)
    await expect((api['fetchFileAsync'] as (url: string) => Promise<string>)('https://example.org/')).rejects.toThrow(NETWORK_MESSAGE)
  })

  test('should still format citations and read and write references in the stubbed bundle', { timeout: 60_000 }, async () => {
    const api = run(await browserBundle("export { loadCitations, toCsl, writeReferences, parseReferences } from './index.ts'", { plugins: [noNetwork()] })) as {
      loadCitations(): Promise<{ reference(node: unknown): string; inText(node: unknown): string }>
      toCsl(node: unknown): unknown
      writeReferences(items: unknown[], format: string): string
      parseReferences(text: string): unknown[]
    }
    const node = {
      id: 'Menger 2018',
      path: 'literatuur/Menger 2018.md',
      type: 'literatuur',
      title: 'Menger 2018',
      aliases: [],
      note: { frontmatter: { auteurs: ['Menger, A.'], jaar: 2018, titel: 'De werkalliantie in het gedwongen kader', soort: 'proefschrift', uitgever: 'Eburon' } }
    }
    const citations = await api.loadCitations()
    expect(citations.inText(node)).toBe('(Menger, 2018)')
    expect(citations.reference(node)).toMatch(/^Menger, A\. \(2018\)\. De werkalliantie in het gedwongen kader \[Proefschrift/)
    for (const format of ['bibtex', 'ris', 'csl-json']) expect(api.parseReferences(api.writeReferences([api.toCsl(node)], format))).toHaveLength(1)
  })
})
