/**
 * Reading notes from disk, for every command: one walker that finds the `.md` files under a folder and
 * one reader that hands a note's bytes to the core's decoder. Neither throws on what the file system
 * refuses: an unreadable folder or file, or a name that is not UTF-8, is reported with its path and the
 * rest is read.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeSource, DEFAULT_MAX_BYTES, Library, type Source, type SourceFile } from '@praktijkwijzer/core'
import { UsageError } from './args.js'
import type { Io } from './command.js'
import { printable } from './printable.js'

/** The library shipped with Praktijkwijzer (the repository's `library/`). */
export function shippedLibrary(): string {
  // The bundle lives in packages/cli/dist/; the library at the repository root.
  return fileURLToPath(new URL('../../../library', import.meta.url))
}

/** A file or folder the walk met, with its path relative to the walk's root. */
export interface Entry {
  /** Relative to the root, with `/` separators. */
  path: string
  /** On disk. */
  full: string
}

/** What a walk found. */
export interface Walk {
  /**
   * The `.md` files, and the symbolic links to a note or a folder (`link`: not followed), in the order of
   * the walk: depth first, by name.
   */
  found: Array<Entry & { link?: 'notitie' | 'map' }>
  /** What could not be read, with the reason in Dutch. */
  unreadable: Array<{ path: string; reason: string }>
}

/**
 * Every `.md` file under a folder, skipping hidden folders (`.obsidian`, `.git`) and `node_modules`.
 * Names are read as bytes, so a name that is not UTF-8 is reported instead of breaking the walk.
 *
 * @param root The folder.
 */
export function walkMarkdown(root: string): Walk {
  const walk: Walk = { found: [], unreadable: [] }
  const visit = (folder: string, prefix: string): void => {
    let entries: Array<Dirent<Buffer>>
    try {
      entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' })
    } catch (error) {
      walk.unreadable.push({ path: prefix === '' ? '.' : prefix.slice(0, -1), reason: reason(error) })
      return
    }
    const named = entries.map((entry) => ({ entry, name: decodeName(entry.name) }))
    named.sort((a, b) => (a.name.text < b.name.text ? -1 : a.name.text > b.name.text ? 1 : 0))
    for (const { entry, name } of named) {
      if (name.text.startsWith('.') || name.text === 'node_modules') continue
      const path = `${prefix}${name.text}`
      const note = name.text.toLowerCase().endsWith('.md')
      if (!name.ok) {
        if (entry.isDirectory() || note) walk.unreadable.push({ path, reason: 'de naam is geen geldige UTF-8; geef het bestand of de map een andere naam' })
        continue
      }
      const full = join(folder, name.text)
      if (entry.isDirectory()) visit(full, `${path}/`)
      else if (entry.isFile() && note) walk.found.push({ path, full })
      else if (entry.isSymbolicLink() && (note || isFolder(full))) walk.found.push({ path, full, link: note ? 'notitie' : 'map' })
    }
  }
  visit(root, '')
  return walk
}

/**
 * Read one note file for the core's decoder: its bytes, or only its size when it is over the limit (a
 * 3 GB file is never read), or why it cannot be read.
 *
 * @param full The file on disk.
 * @param maxBytes The largest note read.
 */
export function readSource(full: string, maxBytes = DEFAULT_MAX_BYTES): Source {
  try {
    const stat = statSync(full)
    if (!stat.isFile()) return { unreadable: 'geen gewoon bestand' }
    if (stat.size > maxBytes) return { size: stat.size }
    return { bytes: readFileSync(full) }
  } catch (error) {
    return { unreadable: reason(error) }
  }
}

/**
 * Read a case note (a file, or standard input for `-`) through the core's decoder: the text, or a Dutch
 * message that says why not (too large, binary, UTF-16, not UTF-8).
 *
 * @param file The path as given on the command line.
 * @param io Where the command runs (and its standard input).
 * @throws UsageError when the file is not there or the file system refuses it.
 */
export function readNote(file: string, io: Io): { ok: true; text: string } | { ok: false; message: string } {
  let source: Source
  if (file === '-') {
    try {
      const input = io.stdin ? io.stdin() : readFileSync(0)
      source = typeof input === 'string' ? { text: input } : { bytes: input }
    } catch (error) {
      source = { unreadable: reason(error) }
    }
  } else {
    source = readSource(resolve(io.cwd, file))
  }
  if (source.unreadable !== undefined) throw new UsageError(`bestand niet gevonden of niet leesbaar: ${file} (${source.unreadable})`)
  const decoded = decodeSource(source, file)
  return decoded.ok ? decoded : { ok: false, message: `${printable(file === '-' ? 'standaardinvoer' : file)}: ${decoded.problem.message}` }
}

/**
 * The files of a library folder, read for the core.
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
  const walk = walkMarkdown(root)
  // Symbolic links are not followed, in the library as in the privacy check.
  const notes = walk.found.filter((f) => f.link === undefined)
  return [...notes.map((n) => ({ path: n.path, ...readSource(n.full, maxBytes) })), ...walk.unreadable.map((u) => ({ path: u.path, unreadable: u.reason }))]
}

/**
 * Load the library in a folder. Files the file system refused are problems of the library (which
 * `check` lists); other commands also say so on standard error, as `pad  niet leesbaar: reden`.
 *
 * @param dir The folder, as given.
 * @param io Where the command runs and reports.
 * @param options `quiet`: do not report unreadable files on standard error (`check` lists them itself).
 */
export function loadFolder(dir: string, io: Io, options: { quiet?: boolean } = {}): Library {
  const files = readFolder(dir, io.cwd)
  if (!options.quiet) {
    for (const f of files) {
      if (f.unreadable !== undefined) io.err(`${printable(shownPath(dir, f.path, io.cwd))}  niet leesbaar: ${printable(f.unreadable)}\n`)
    }
  }
  return new Library(files)
}

/** A library file's path as the user sees it: relative to the working directory. */
export function shownPath(dir: string, path: string, cwd: string): string {
  return relative(cwd, resolve(cwd, join(dir, path))).split(sep).join('/') || path
}

/** What the file system said, in Dutch. */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'geen toegang'
    case 'ENOENT':
      return 'niet gevonden'
    case 'ENOTDIR':
      return 'geen map'
    case 'EISDIR':
      return 'een map, geen bestand'
    case 'ELOOP':
      return 'te veel symbolische links achter elkaar'
    case 'EIO':
      return 'leesfout van de schijf'
    case 'EMFILE':
    case 'ENFILE':
      return 'te veel open bestanden'
    default:
      return code ?? String((error as Error | undefined)?.message ?? error)
  }
}

function decodeName(name: Buffer): { ok: boolean; text: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(name) }
  } catch {
    return { ok: false, text: name.toString('utf8') }
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Read a whole text file that is not a note (a reference file for `cite import`), or standard input for `-`.
 *
 * @throws UsageError when it cannot be read.
 */
export function readInput(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`bestand niet gevonden of niet leesbaar: ${path}`)
  }
}
