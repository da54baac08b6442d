/**
 * Reading notes from disk, for every command: one walker that finds the `.md` files under a folder and
 * one reader that hands a note's bytes to the core's decoder. Neither throws on what the file system
 * refuses: an unreadable folder or file, or a name that is not UTF-8, is reported with its path and the
 * rest is read.
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { decodeSource, DEFAULT_MAX_BYTES, Library, type Source, type SourceFile } from '@praktijkwijzer/core'
import { UsageError } from './args.js'
import { loadCached, type CacheOptions, type Cached } from './cache.js'
import type { Io } from './command.js'
import { printable } from './printable.js'

export { shippedLibrary } from './defaults.js'

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
 * The absolute path of a library folder.
 *
 * @throws UsageError when the folder does not exist.
 */
function libraryRoot(dir: string, cwd: string): string {
  const root = resolve(cwd, dir)
  let stat
  try {
    stat = statSync(root)
  } catch {
    throw new UsageError(`map niet gevonden: ${dir}`)
  }
  if (!stat.isDirectory()) throw new UsageError(`geen map: ${dir}`)
  return root
}

/** Options for {@link loadFolder}. */
export interface LoadOptions {
  /** Do not report unreadable files on standard error (`check` lists them itself). */
  quiet?: boolean
  /** Read and write the persisted index there; `false` or absent: read every note (`--no-cache`). */
  cache?: CacheOptions | false | undefined
}

/**
 * Load the library in a folder, through the persisted index when there is one (only the notes that
 * changed are read again), and write the index back if it changed. Files the file system refused are
 * problems of the library (which `check` lists); other commands also say so on standard error, as
 * `pad  niet leesbaar: reden`.
 *
 * @param dir The folder, as given.
 * @param io Where the command runs and reports.
 * @param options Quiet, the cache.
 */
export function loadFolder(dir: string, io: Io, options: LoadOptions = {}): Library {
  const opened = openFolder(dir, io, options)
  opened.save()
  return opened.library
}

/**
 * Load the library in a folder as {@link loadFolder} does, but leave writing the index to the caller: a
 * command that queries builds the relevance index first, so that it goes into the cache too.
 */
export function openFolder(dir: string, io: Io, options: LoadOptions = {}): Cached {
  const root = libraryRoot(dir, io.cwd)
  const walk = walkMarkdown(root)
  if (!options.quiet) {
    for (const u of walk.unreadable) io.err(`${printable(shownPath(dir, u.path, io.cwd))}  niet leesbaar: ${printable(u.reason)}\n`)
  }
  const read = (path: string, full: string): SourceFile => {
    const source = readSource(full)
    if (!options.quiet && source.unreadable !== undefined) io.err(`${printable(shownPath(dir, path, io.cwd))}  niet leesbaar: ${printable(source.unreadable)}\n`)
    return { path, ...source }
  }
  if (options.cache) return loadCached(root, walk, read, options.cache, io)
  const notes = walk.found.filter((f) => f.link === undefined)
  const library = new Library([...notes.map((n) => read(n.path, n.full)), ...walk.unreadable.map((u) => ({ path: u.path, unreadable: u.reason }))])
  return { library, references: new Map(), remember: () => undefined, save: () => undefined }
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
  // Most names are ASCII: no decoder needed (making one per name was a measurable part of a warm start).
  if (name.every((b) => b < 0x80)) return { ok: true, text: name.toString('latin1') }
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
