// Bundles the CLI (core included) into ESM for Node.js: dist/praktijkwijzer.js, and in dist/chunks/ what
// is imported on first use only (the citation engine), so a start does not compile and evaluate it.
import { rmSync } from 'node:fs'
import { build } from 'esbuild'

rmSync('dist', { recursive: true, force: true })

const result = await build({
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
})
const outputs = Object.entries(result.metafile.outputs).filter(([name]) => name.endsWith('.js'))
const entry = outputs.find(([name]) => name === 'dist/praktijkwijzer.js')?.[1].bytes ?? 0
const chunks = outputs.filter(([name]) => name !== 'dist/praktijkwijzer.js').reduce((sum, [, o]) => sum + o.bytes, 0)
console.log(`cli: dist/praktijkwijzer.js ${(entry / 1024).toFixed(0)} KiB, loaded on first use ${(chunks / 1024).toFixed(0)} KiB`)
