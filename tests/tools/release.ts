// `pnpm release`: the files of a release, in release/ (or the folder after --out), from the built plugin:
//
//   praktijkwijzer-<version>.zip   main.js, manifest.json, styles.css: what Obsidian's installer fetches
//   teamkluis-<version>.zip        a vault to unzip and open: template, library in Kennisbank/, plugin enabled
//   SHA256SUMS                     the SHA-256 of both, as `sha256sum -c` reads it
//
// The version is the one in plugin/manifest.json. With SOURCE_DATE_EPOCH set, every time in the zips (and in
// the vault's installatie.json) is that moment, so the same sources give the same bytes.
// Usage: node tests/tools/run.mjs tests/tools/release.ts [--out DIR]
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync, type Zippable } from 'fflate'
import { assembleVault } from '../../packages/cli/src/vault/assemble.js'
import { PLUGIN_FILES } from '../../packages/cli/src/vault/layout.js'
import { listFiles } from '../../packages/cli/src/vault/tree.js'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The folder the vault zip unpacks to. */
export const VAULT_FOLDER = 'teamkluis'

/**
 * Make the release files.
 *
 * @param args `--out DIR` (default `release/` in the repository).
 * @returns The exit code.
 */
export async function main(args: string[]): Promise<number> {
  const at = args.indexOf('--out')
  const out = resolve((at >= 0 ? args[at + 1] : undefined) ?? join(root, 'release'))
  const dist = join(root, 'plugin', 'dist')
  const { version } = JSON.parse(readFileSync(join(root, 'plugin', 'manifest.json'), 'utf8')) as { version: string }
  const built = existsSync(join(dist, 'manifest.json')) ? (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { version: string }).version : undefined
  if (built !== version) {
    process.stderr.write(`release: de plug-in is niet gebouwd (of is van een andere versie: ${built ?? 'geen'}, niet ${version}). Draai eerst \`pnpm build\`.\n`)
    return 1
  }
  const epoch = process.env['SOURCE_DATE_EPOCH']
  const when = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date()

  const pluginZip = zip(Object.fromEntries(PLUGIN_FILES.map((name) => [name, readFileSync(join(dist, name))])), when)

  const work = mkdtempSync(join(tmpdir(), 'praktijkwijzer-release-'))
  let vaultZip: Uint8Array
  try {
    const vault = join(work, VAULT_FOLDER)
    assembleVault(vault, { template: join(root, 'vault-template'), library: join(root, 'library'), plugin: dist }, { now: when, durable: false })
    vaultZip = zip(Object.fromEntries(listFiles(vault, { hidden: true }).map((path) => [`${VAULT_FOLDER}/${path}`, readFileSync(join(vault, ...path.split('/')))])), when)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }

  mkdirSync(out, { recursive: true })
  const files: Array<[string, Uint8Array]> = [
    [`praktijkwijzer-${version}.zip`, pluginZip],
    [`teamkluis-${version}.zip`, vaultZip]
  ]
  for (const [name, bytes] of files) writeFileSync(join(out, name), bytes)
  writeFileSync(join(out, 'SHA256SUMS'), files.map(([name, bytes]) => `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`).join(''))
  for (const [name, bytes] of files) process.stdout.write(`release: ${name} ${(bytes.length / 1024).toFixed(0)} KiB\n`)
  process.stdout.write(`release: SHA256SUMS, in ${out}\n`)
  return 0
}

/** A zip of these files (path → bytes), every entry with the same time, in path order. */
function zip(files: Record<string, Uint8Array>, when: Date): Uint8Array {
  const sorted: Zippable = {}
  for (const path of Object.keys(files).sort()) sorted[path] = [files[path] as Uint8Array, { mtime: when }]
  return zipSync(sorted, { level: 9 })
}
