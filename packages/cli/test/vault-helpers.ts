/** Helpers for the vault tests: temporary folders, small libraries and plugin builds, tree snapshots. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { hashTree } from '../src/vault/tree.js'

export const repo = fileURLToPath(new URL('../../../', import.meta.url))

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

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
 * Everything under a folder, hidden files included: each file as `path sha256`, each folder as `path/`.
 * Two snapshots are equal when the trees are byte for byte the same.
 */
export function snapshot(root: string): string[] {
  const dirs: string[] = []
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      dirs.push(`${rel}/`)
      walk(join(dir, entry.name), rel)
    }
  }
  walk(root, '')
  return [...[...hashTree(root, { hidden: true })].map(([p, h]) => `${p} ${h}`), ...dirs].sort()
}

/** A file's text. */
export function read(root: string, path: string): string {
  return readFileSync(join(root, ...path.split('/')), 'utf8')
}
