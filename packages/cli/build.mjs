// Bundles the CLI (core included) into ESM for Node.js: dist/praktijkwijzer.js, and in dist/chunks/ what
// is imported on first use only (each command), so a start does not compile and evaluate it.
//
// The bundle knows its own build: a hash of the code it is made of (every input file, as esbuild read
// it), so that the persisted index (src/cache.ts) follows what the code is, not when it was built.
import { createHash } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { build, version as esbuildVersion } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

const options = {
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  entryNames: 'praktijkwijzer',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  // gray-matter is CommonJS and requires Node built-ins; give the bundle a real `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning'
}
const inputs = await build({ ...options, write: false })
const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\0`)
for (const input of Object.keys(inputs.metafile.inputs).sort()) hash.update(`${input}\0`).update(readFileSync(input)).update('\0')
const result = await build({ ...options, define: { __PRAKTIJKWIJZER_BUILD__: JSON.stringify(hash.digest('hex').slice(0, 16)) } })
const outputs = Object.entries(result.metafile.outputs).filter(([name]) => name.endsWith('.js'))
const entry = outputs.find(([name]) => name === 'dist/praktijkwijzer.js')?.[1].bytes ?? 0
const chunks = outputs.filter(([name]) => name !== 'dist/praktijkwijzer.js').reduce((sum, [, o]) => sum + o.bytes, 0)
console.log(`cli: dist/praktijkwijzer.js ${(entry / 1024).toFixed(0)} KiB, loaded on first use ${(chunks / 1024).toFixed(0)} KiB`)
