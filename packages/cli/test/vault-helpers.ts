/** Helpers for the vault tests: temporary folders, small libraries and plugin builds, tree snapshots. */
import { createHash } from 'node:crypto'
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { assembleVault } from '../src/vault/assemble.js'
import { shippedSources } from '../src/vault/layout.js'
import { updateVault, type Options } from '../src/vault/update.js'

export const repo = fileURLToPath(new URL('../../../', import.meta.url))

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) {
    writable(dir)
    rmSync(dir, { recursive: true, force: true })
  }
})

function writable(dir: string): void {
  try {
    chmodSync(dir, 0o755)
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) writable(join(dir, e.name))
  } catch {
    // gone already
  }
}

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-vault-'))
  made.push(dir)
  return dir
}

/** Write files (path → text) under a folder. */
export function writeFiles(root: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    const target = join(root, ...path.split('/'))
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, text)
  }
  return root
}

/** A library folder with these notes. */
export function library(files: Record<string, string>): string {
  return writeFiles(tempDir(), files)
}

/** A plugin build with this version. */
export function pluginBuild(version: string, code = `/* praktijkwijzer ${version} */`): string {
  return writeFiles(tempDir(), {
    'main.js': code,
    'manifest.json': JSON.stringify({ id: 'praktijkwijzer', name: 'Praktijkwijzer', version }),
    'styles.css': '.praktijkwijzer {}\n'
  })
}

/** A note of the library with some text. */
export function note(type: string, text: string): string {
  return `---\ntype: ${type}\nbron: ["5.1.1"]\n---\n# Notitie\n\n${text}\n`
}

/**
 * Everything under a folder, hidden files included: each file as `path sha256` (of its exact bytes), each
 * folder as `path/`, each symbolic link as `path -> target`. Two snapshots are equal when the trees are byte
 * for byte the same.
 */
export function snapshot(root: string): string[] {
  const out: string[] = []
  // Names are read as bytes, so that a name that is not UTF-8 is read (and shown) too.
  const walk = (dir: Buffer, prefix: string): void => {
    for (const name of readdirSync(dir, { encoding: 'buffer' })) {
      const rel = prefix === '' ? name.toString('utf8') : `${prefix}/${name.toString('utf8')}`
      const full = Buffer.concat([dir, Buffer.from('/'), name])
      const stat = lstatSync(full)
      if (stat.isDirectory()) {
        out.push(`${rel}/`)
        walk(full, rel)
      } else if (stat.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(full, 'utf8')}`)
      else if (!stat.isFile()) out.push(`${rel} (bijzonder)`)
      else out.push(`${rel} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`)
    }
  }
  walk(Buffer.from(root), '')
  return out.sort()
}

/** A file's text. */
export function read(root: string, path: string): string {
  return readFileSync(join(root, ...path.split('/')), 'utf8')
}

export const NOW = new Date('2025-01-01T00:00:00Z')
export const LATER = new Date('2025-06-01T00:00:00Z')

/** The library as it was installed: one note per scenario. */
export const V1 = {
  'themas/Onveranderd.md': note('thema', 'overal hetzelfde'),
  'themas/Upstream.md': note('thema', 'versie 1'),
  'themas/Lokaal.md': note('thema', 'versie 1'),
  'themas/Beide.md': note('thema', 'versie 1'),
  'themas/Verwijderd.md': note('thema', 'versie 1'),
  'themas/Verwijderd en gewijzigd.md': note('thema', 'versie 1'),
  'praktijken/Verdwenen.md': note('praktijk', 'versie 1'),
  'praktijken/Verdwenen maar gewijzigd.md': note('praktijk', 'versie 1'),
  'oud/Alleen.md': note('thema', 'een map die verdwijnt')
}
/** The new library. */
export const V2 = {
  'themas/Onveranderd.md': V1['themas/Onveranderd.md'],
  'themas/Upstream.md': note('thema', 'versie 2'),
  'themas/Lokaal.md': V1['themas/Lokaal.md'],
  'themas/Beide.md': note('thema', 'versie 2'),
  'themas/Verwijderd.md': V1['themas/Verwijderd.md'],
  'themas/Verwijderd en gewijzigd.md': note('thema', 'versie 2'),
  'praktijken/Nieuw.md': note('praktijk', 'nieuw in versie 2')
}
/** What the team adds to the notes it changes. */
export const TEAM = 'De aanpassing van het team.\n'

/** A vault made from V1 (or another library) and plugin 0.1.0, not yet touched by its team. */
export function freshVault(files: Record<string, string> = V1): string {
  const dest = join(tempDir(), 'kluis')
  assembleVault(dest, shippedSources(library(files), pluginBuild('0.1.0')), { now: NOW, durable: false })
  return dest
}

/** A vault made from V1 and plugin 0.1.0, then changed by its team as a team would. */
export function teamVault(): string {
  const dest = freshVault()
  const k = join(dest, 'Kennisbank')
  writeFiles(k, {
    'themas/Lokaal.md': V1['themas/Lokaal.md'] + TEAM,
    'themas/Beide.md': V1['themas/Beide.md'] + TEAM,
    'praktijken/Verdwenen maar gewijzigd.md': V1['praktijken/Verdwenen maar gewijzigd.md'] + TEAM,
    'Eigen notitie van het team.md': 'Van ons.\n'
  })
  rmSync(join(k, 'themas/Verwijderd.md'))
  rmSync(join(k, 'themas/Verwijderd en gewijzigd.md'))
  writeFiles(dest, {
    'Casussen/Een casus.md': 'Onze casus.\n',
    '.obsidian/app.json': '{ "eigen": true }\n',
    '.obsidian/workspace.json': '{}\n',
    '.obsidian/plugins/praktijkwijzer/data.json': '{ "libraryFolder": "Kennisbank", "maxResults": 5 }\n'
  })
  return dest
}

/** The new library (V2, or the files given) and plugin 0.2.0. */
export const v2Sources = (files: Record<string, string> = V2) => shippedSources(library(files), pluginBuild('0.2.0', '/* versie 2 */'))

/** Update a vault (no flushing, a fixed time). */
export function update(dest: string, options: Options = {}, sources = v2Sources()) {
  return updateVault(dest, sources, { now: LATER, durable: false, ...options })
}

/** Every entry outside the library folder and the plugin folder. */
export function outside(dest: string): string[] {
  return snapshot(dest).filter((line) => !line.startsWith('Kennisbank/') && !line.startsWith('.obsidian/plugins/praktijkwijzer/'))
}
