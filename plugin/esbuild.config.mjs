// Bundles the plugin into dist/: main.js (CommonJS, as Obsidian loads it), manifest.json, styles.css and
// versions.json. Obsidian, Electron, CodeMirror and Node's built-ins are external; nothing in the bundle
// needs Node.js, so it runs on Obsidian mobile and in a plain browser page. Network code in dependencies is kept
// out (packages/core/scripts/no-network.mjs), and the bundle is checked for network and HTML injection APIs before it is written.
import { builtinModules } from 'node:module'
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { build } from 'esbuild'
import { carriedCost, carriedLibrary } from './carried-library.mjs'
import { findHtmlApis, findNetworkApis, noNetwork } from '../packages/core/scripts/no-network.mjs'
import { syncVersions } from './versions.mjs'

const production = !process.argv.includes('--dev')

const result = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2018',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  alias: { 'decode-named-character-reference': './src/shims/decode-named-character-reference.ts' },

  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  minify: production,
  sourcemap: production ? false : 'inline',
  treeShaking: true,
  legalComments: 'eof',
  metafile: true,
  plugins: [noNetwork(), carriedLibrary()],
  write: false,
  logLevel: 'warning'
})

const code = result.outputFiles.find((f) => f.path.endsWith('main.js'))?.text ?? ''
// A refused bundle leaves no main.js behind: an older one would pass plugin/test/bundle.test.ts.
const refuse = async (message) => {
  process.stderr.write(message)
  await rm('dist/main.js', { force: true })
  process.exit(1)
}
const network = findNetworkApis(code)
if (network.length > 0) {
  await refuse(`plugin: the bundle contains network APIs, so it is not written:\n${network.map((n) => `  ${n.api}: …${n.context}…`).join('\n')}\n`)
}
const html = findHtmlApis(code)
if (html.length > 0) {
  await refuse(`plugin: the bundle contains HTML injection APIs, so it is not written:\n${html.map((n) => `  ${n.api}: …${n.context}…`).join('\n')}\n`)
}
await mkdir('dist', { recursive: true })
await writeFile('dist/main.js', code)
await syncVersions()
await Promise.all(['manifest.json', 'styles.css', 'versions.json'].map((f) => copyFile(f, `dist/${f}`)))

const bytes = result.metafile.outputs['dist/main.js']?.bytes ?? 0
process.stdout.write(`plugin: dist/main.js ${(bytes / 1024).toFixed(0)} KiB, of which ${carriedCost(result.metafile)} (+ manifest.json, styles.css, versions.json)\n`)
