// Bundles the CLI (core included) into ESM for Node.js: dist/praktijkwijzer.js (the overview and the
// defaults, without the core) and one bundle per command in dist/commands/, which main imports when the
// command runs. Each command's bundle is whole (no shared chunks): esbuild splits shared code by file,
// so every command would load the one chunk with all of the core that any command uses (citation-js for
// `cite` in `suggest`'s start, too); on its own, each keeps only what it uses. main.ts and a command
// share no state: what crosses between them (the Io, the defaults, a UsageError by its name) is data.
//
// The bundle knows its own build: a hash of the code it is made of (every input file, as esbuild read
// it), so that the persisted index (src/cache.ts) follows what the code is, not when it was built.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { build, version as esbuildVersion } from 'esbuild'
import { findNetworkApis, noNetwork } from '../core/scripts/no-network.mjs'

rmSync('dist', { recursive: true, force: true })

const commands = readdirSync('src/commands').filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3))
const options = {
  entryPoints: { praktijkwijzer: 'src/main.ts', ...Object.fromEntries(commands.map((c) => [`commands/${c}`, `src/commands/${c}.ts`])) },
  outdir: 'dist',
  // main.ts imports each command by this path, which is also where the command's bundle lands.
  external: ['./commands/*'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  // Nothing leaves the machine: citation-js's URL fetcher (in `cite`) is replaced by a stub that throws.
  plugins: [noNetwork()],
  // citation-js and js-yaml are CommonJS and require Node built-ins; give the bundle a real `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning'
}
const inputs = await build({ ...options, write: false })
const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\0`)
for (const input of Object.keys(inputs.metafile.inputs).sort()) hash.update(`${input}\0`).update(readFileSync(input)).update('\0')
const result = await build({ ...options, define: { __PRAKTIJKWIJZER_BUILD__: JSON.stringify(hash.digest('hex').slice(0, 16)) } })
const outputs = Object.entries(result.metafile.outputs).filter(([name]) => name.endsWith('.js'))
const network = outputs.flatMap(([name]) => findNetworkApis(readFileSync(name, 'utf8')).map((n) => `  ${name}: ${n.api}: …${n.context}…`))
if (network.length > 0) {
  rmSync('dist', { recursive: true, force: true })
  process.stderr.write(`cli: the bundle contains network APIs, so it is not kept:\n${network.join('\n')}\n`)
  process.exit(1)
}
const kib = (name) => ((outputs.find(([n]) => n === name)?.[1].bytes ?? 0) / 1024).toFixed(0)
console.log(`cli: dist/praktijkwijzer.js ${kib('dist/praktijkwijzer.js')} KiB; per command, loaded when it runs: ${commands.map((c) => `${c} ${kib(`dist/commands/${c}.js`)}`).join(', ')} KiB`)
