// Runs bench/bench.ts: bundles it for Node.js with esbuild (dependencies stay external) and imports it.
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

// Inside the package (bench/dist/, git-ignored), so the bundle finds the package's dependencies.
const dir = fileURLToPath(new URL('./dist/', import.meta.url))
const outfile = `${dir}bench.mjs`
try {
  await build({
    entryPoints: [fileURLToPath(new URL('./bench.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning'
  })
  await import('./dist/bench.mjs')
} finally {
  await rm(dir, { recursive: true, force: true })
}
