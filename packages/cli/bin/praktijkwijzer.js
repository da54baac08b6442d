#!/usr/bin/env node
// The CLI is bundled by `pnpm build` into dist/; this file only starts it.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const bundle = new URL('../dist/praktijkwijzer.js', import.meta.url)
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('praktijkwijzer: de opdracht is nog niet gebouwd. Draai eerst `pnpm build` in de hoofdmap.\n')
  process.exit(2)
}
const { main } = await import(bundle.href)
process.exitCode = await main(process.argv.slice(2))
