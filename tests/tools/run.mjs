#!/usr/bin/env node
// Runs a TypeScript entry point of the test tools (evaluation, benchmark): bundles it with esbuild into a
// temporary file and imports it. Usage: node tests/tools/run.mjs tests/eval/eval.ts [args...]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  process.stderr.write('usage: node tests/tools/run.mjs ENTRY.ts [args...]\n')
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-run-'))
const outfile = join(dir, 'entry.mjs')
try {
  await build({
    entryPoints: [resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'bundle',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(resolve(entry)).href) },
    logLevel: 'error'
  })
  process.argv = [process.argv[0], entry, ...args]
  const mod = await import(pathToFileURL(outfile).href)
  if (typeof mod.main === 'function') process.exitCode = (await mod.main(args)) ?? 0
} finally {
  rmSync(dir, { recursive: true, force: true })
}
