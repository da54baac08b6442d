// Bundles the plugin into dist/: main.js (CommonJS, as Obsidian loads it), manifest.json, styles.css and
// versions.json. Obsidian, Electron, CodeMirror and Node's built-ins are external; Node's `fs` and
// `Buffer`, which the core's gray-matter asks for, are replaced by tiny stand-ins so the bundle runs
// where there is no Node.js (Obsidian mobile, a plain browser page). Network code in dependencies is kept
// out (no-network.mjs), and the bundle is checked for network APIs before it is written.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'
import { deflateSync, strToU8 } from 'fflate'
import { findNetworkApis, noNetwork } from './no-network.mjs'

const production = !process.argv.includes('--dev')

const result = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2018',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules.filter((m) => m !== 'fs'), ...builtinModules.map((m) => `node:${m}`)],
  alias: { fs: './src/shims/empty.ts' },
  inject: ['./src/shims/buffer.ts'],
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
const network = findNetworkApis(code)
if (network.length > 0) {
  process.stderr.write(`plugin: the bundle contains network APIs, so it is not written:\n${network.map((n) => `  ${n.api}: …${n.context}…`).join('\n')}\n`)
  process.exit(1)
}
await mkdir('dist', { recursive: true })
await writeFile('dist/main.js', code)
await syncVersions()
await Promise.all(['manifest.json', 'styles.css', 'versions.json'].map((f) => copyFile(f, `dist/${f}`)))

const bytes = result.metafile.outputs['dist/main.js']?.bytes ?? 0
const carried = result.metafile.outputs['dist/main.js']?.inputs['praktijkwijzer-library:library']?.bytesInOutput ?? 0
process.stdout.write(`plugin: dist/main.js ${(bytes / 1024).toFixed(0)} KiB, of which the carried library ${(carried / 1024).toFixed(0)} KiB (+ manifest.json, styles.css, versions.json)\n`)

/**
 * The version lives in one place, `plugin/manifest.json`. `versions.json` gets its entry (version → the
 * lowest Obsidian version it needs), and the repository root gets identical copies of both files, where
 * Obsidian's community directory and its installer read them. Files are only written when they differ.
 */
async function syncVersions() {
  const manifestText = await readFile('manifest.json', 'utf8')
  const { version, minAppVersion } = JSON.parse(manifestText)
  const versions = JSON.parse(await readFile('versions.json', 'utf8'))
  if (versions[version] !== minAppVersion) {
    versions[version] = minAppVersion
    await writeIfChanged('versions.json', `${JSON.stringify(versions, null, 2)}\n`)
  }
  await writeIfChanged('../manifest.json', manifestText)
  await writeIfChanged('../versions.json', await readFile('versions.json', 'utf8'))
}

async function writeIfChanged(path, text) {
  const old = await readFile(path, 'utf8').catch(() => undefined)
  if (old !== text) await writeFile(path, text)
}

/**
 * The library the plugin carries (`import ... from 'praktijkwijzer-library'`): every file of ../library, as
 * one JSON object (path → text) compressed in one deflate stream (fflate, level 9: the notes share most of
 * their words, so one stream packs far better than a zip of separate files), in the bundle as base64 text,
 * with a version made of the plugin's version and a digest of the files. The plugin decodes it only when it
 * installs or updates the library.
 */
function carriedLibrary() {
  return {
    name: 'carried-library',
    setup(b) {
      b.onResolve({ filter: /^praktijkwijzer-library$/ }, () => ({ path: 'library', namespace: 'praktijkwijzer-library' }))
      b.onLoad({ filter: /.*/, namespace: 'praktijkwijzer-library' }, () => {
        const root = new URL('../library/', import.meta.url).pathname
        const files = {}
        const decoder = new TextDecoder('utf-8', { fatal: true })
        const walk = (dir, prefix) => {
          for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
            if (e.name.startsWith('.')) continue
            if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`)
            else if (e.isFile()) files[`${prefix}${e.name}`] = decoder.decode(readFileSync(join(dir, e.name)))
          }
        }
        // For measuring what the carried library costs (the plugin bench): PRAKTIJKWIJZER_BUILD_WITHOUT_LIBRARY=1 carries none.
        if (process.env.PRAKTIJKWIJZER_BUILD_WITHOUT_LIBRARY !== '1') walk(root, '')
        const { version } = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'))
        const digest = createHash('sha256')
        for (const [path, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) digest.update(`${path}\t${createHash('sha256').update(text).digest('hex')}\n`)
        const data = Buffer.from(deflateSync(strToU8(JSON.stringify(files)), { level: 9, mem: 12 })).toString('base64')
        return { contents: `export const LIBRARY_DATA = ${JSON.stringify(data)}\nexport const LIBRARY_VERSION = ${JSON.stringify(`${version}+${digest.digest('hex').slice(0, 8)}`)}\n`, loader: 'js' }
      })
    }
  }
}
