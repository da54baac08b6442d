/**
 * Reading a library folder from disk: every `.md` file under it, as bytes, skipping hidden folders
 * (`.obsidian`, `.git`) and `node_modules`. Files over the size limit are not read.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_MAX_BYTES, Library, type SourceFile } from '@praktijkwijzer/core'
import { UsageError } from './args.js'

/** The library shipped with Praktijkwijzer (the repository's `library/`). */
export function shippedLibrary(): string {
  // The bundle lives in packages/cli/dist/; the library at the repository root.
  return fileURLToPath(new URL('../../../library', import.meta.url))
}

/**
 * The `.md` files under a folder, with paths relative to it.
 *
 * @throws UsageError when the folder does not exist.
 */
export function readFolder(dir: string, cwd = process.cwd(), maxBytes = DEFAULT_MAX_BYTES): SourceFile[] {
  const root = resolve(cwd, dir)
  let stat
  try {
    stat = statSync(root)
  } catch {
    throw new UsageError(`map niet gevonden: ${dir}`)
  }
  if (!stat.isDirectory()) throw new UsageError(`geen map: ${dir}`)
  const files: SourceFile[] = []
  const walk = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = join(folder, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        const path = relative(root, full).split(sep).join('/')
        const size = lstatSync(full).size
        files.push(size > maxBytes ? { path, size } : { path, bytes: readFileSync(full) })
      }
    }
  }
  walk(root)
  return files
}

/** Load the library in a folder. */
export function loadFolder(dir: string, cwd = process.cwd()): Library {
  return new Library(readFolder(dir, cwd))
}

/** Read a whole file, or standard input for `-`. */
export function readInput(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`bestand niet gevonden of niet leesbaar: ${path}`)
  }
}
