/**
 * Files on disk as the vault commands see them: every entry under a folder (files, folders, symbolic
 * links, anything else) by its `/`-separated path, with a content hash; and the few ways the vault code
 * writes, none of which ever follows a symbolic link.
 */
import { createHash } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  constants,
  cpSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeSync,
  type Stats
} from 'node:fs'
import { join } from 'node:path'
import { comparePaths as compare, normalizedContent, type LocalEntry } from '@praktijkwijzer/core'
import { errorCode, fsFailure, VaultError } from './errors.js'

/** The SHA-256 of some bytes, as lowercase hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The hash the vault records for a file: SHA-256 of its {@link normalizedContent}. */
export function contentHash(path: string, bytes: Uint8Array): string {
  return sha256(normalizedContent(path, bytes))
}

/** Files larger than this are not hashed (they count as changed by the team); 64 MiB. */
export const HASH_LIMIT = 64 * 1024 * 1024

/** One entry under a folder. */
export type Entry = LocalEntry & {
  /** Size and modification time: what tells a file apart when it is not hashed. */
  size: number
  mtimeMs: number
  /** Where a symbolic link points. */
  target?: string
}

/** Options for {@link scan}. */
export interface ScanOptions {
  /** Also list (and descend into) entries whose name starts with a dot (default: false). */
  hidden?: boolean
  /** Largest file that is hashed (default {@link HASH_LIMIT}); hidden files are never hashed. */
  hashLimit?: number
}

/**
 * Every entry under a folder, without following symbolic links, by sorted `/`-separated path. Plain files
 * that are not hidden get their content hash. A folder that does not exist has no entries.
 *
 * @param root The folder.
 * @param options Hidden entries, hash limit.
 * @throws VaultError when a name is not valid UTF-8 or an entry cannot be read.
 */
export function scan(root: string, options: ScanOptions = {}): Map<string, Entry> {
  const out = new Map<string, Entry>()
  const limit = options.hashLimit ?? HASH_LIMIT
  if (kindAt(root) !== 'folder') return out
  const walk = (dir: string, prefix: string, hidden: boolean): void => {
    let names: Buffer[]
    try {
      names = readdirSync(dir, { encoding: 'buffer' })
    } catch (error) {
      throw fsFailure(error, 'kan de map niet lezen:', dir)
    }
    for (const raw of names) {
      const name = utf8Name(raw, dir)
      const isHidden = hidden || name.startsWith('.')
      if (isHidden && !options.hidden) continue
      const rel = prefix === '' ? name : `${prefix}/${name}`
      const full = join(dir, name)
      let stat: Stats
      try {
        stat = lstatSync(full)
      } catch (error) {
        throw fsFailure(error, 'kan niet lezen:', full)
      }
      const base = { size: stat.size, mtimeMs: stat.mtimeMs }
      if (stat.isDirectory()) {
        out.set(rel, { kind: 'folder', ...base })
        walk(full, rel, isHidden)
      } else if (stat.isSymbolicLink()) {
        out.set(rel, { kind: 'link', ...base, target: readlinkSafe(full) })
      } else if (stat.isFile()) {
        out.set(rel, !isHidden && stat.size <= limit ? { kind: 'file', ...base, hash: hashFile(full, rel) } : { kind: 'file', ...base })
      } else {
        out.set(rel, { kind: 'other', ...base })
      }
    }
  }
  walk(root, '', false)
  return new Map([...out].sort(([a], [b]) => compare(a, b)))
}

/**
 * One hash over a whole scan: paths, kinds, content hashes (or size and time where there is none) and link
 * targets. Two equal digests mean nothing in the folder changed.
 */
export function digest(entries: ReadonlyMap<string, Entry>): string {
  return sha256([...entries].map(([path, e]) => `${path}\t${line(e)}`).join('\n'))
}

/** The paths whose entries differ between two scans (added, changed or gone), sorted. */
export function differences(a: ReadonlyMap<string, Entry>, b: ReadonlyMap<string, Entry>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()])
  return [...paths].filter((p) => {
    const x = a.get(p)
    const y = b.get(p)
    return x === undefined || y === undefined || line(x) !== line(y)
  }).sort(compare)
}

function line(e: Entry): string {
  if (e.kind === 'folder') return 'folder'
  if (e.kind === 'link') return `link\t${e.target ?? ''}`
  if (e.kind === 'file' && e.hash !== undefined) return `file\t${e.hash}`
  return `${e.kind}\t${e.size}\t${e.mtimeMs}`
}

/** Path → hash of the plain, hashed files of a scan. */
export function fileHashes(entries: ReadonlyMap<string, Entry>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [path, e] of entries) if (e.kind === 'file' && e.hash !== undefined) out.set(path, e.hash)
  return out
}

/** What is at a path, without following a symbolic link; undefined when nothing is. */
export function kindAt(path: string): LocalEntry['kind'] | undefined {
  let stat: Stats
  try {
    stat = lstatSync(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') return undefined
    throw fsFailure(error, 'kan niet lezen:', path)
  }
  return stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'link' : stat.isFile() ? 'file' : 'other'
}

/** Whether a path is a folder (not a symbolic link to one). */
export function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory()
  } catch {
    return false
  }
}

/** A relative `/` path under a folder, as a path for node:fs. */
export function fsPath(root: string, rel: string): string {
  return join(root, ...rel.split('/'))
}

/** Read a file without following a symbolic link. */
export function readFileNoFollow(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
  try {
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

function hashFile(full: string, rel: string): string {
  try {
    return contentHash(rel, readFileNoFollow(full))
  } catch (error) {
    throw fsFailure(error, 'kan niet lezen:', full)
  }
}

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path)
  } catch {
    return ''
  }
}

function utf8Name(raw: Buffer, dir: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    const shown = [...raw].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
    throw new VaultError(
      `in ${dir} staat een bestand of map waarvan de naam geen geldige UTF-8 is ("${shown}"). Geef het een andere naam (bijvoorbeeld in een bestandsbeheerder) en probeer het opnieuw; er is niets veranderd.`
    )
  }
}

/**
 * Copy the contents of a folder into an existing empty folder: files with their times, symbolic links as
 * links (never followed), then the folder's own mode and times.
 *
 * @param from The folder copied.
 * @param to The empty folder it is copied into.
 */
export function copyInto(from: string, to: string): void {
  try {
    cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: true, force: false })
    const stat = lstatSync(from)
    chmodSync(to, stat.mode & 0o7777)
    utimesSync(to, stat.atime, stat.mtime)
  } catch (error) {
    throw fsFailure(error, 'kan niet kopiëren:', from)
  }
}

/**
 * Write a file under a folder, never through a symbolic link: each folder on the way must be a plain folder
 * (missing ones are made), an existing plain file is replaced (keeping its mode), anything else refuses.
 * The file is not flushed; see {@link syncTree}.
 *
 * @param root The folder (it must exist).
 * @param rel The `/`-separated path under it.
 * @param data What to write.
 */
export function writeInside(root: string, rel: string, data: Uint8Array): void {
  const parts = rel.split('/')
  let dir = root
  for (const part of parts.slice(0, -1)) {
    dir = join(dir, part)
    const kind = kindAt(dir)
    if (kind === undefined) mkdirSync(dir)
    else if (kind !== 'folder') throw new VaultError(`${dir} is geen gewone map (maar een ${kindName(kind)}); bijwerken schrijft daar niet in.`)
  }
  const target = join(dir, parts[parts.length - 1] as string)
  let mode: number | undefined
  const kind = kindAt(target)
  if (kind === 'file') {
    mode = lstatSync(target).mode & 0o7777
    unlinkSync(target)
  } else if (kind !== undefined) {
    throw new VaultError(`${target} is geen gewoon bestand (maar een ${kindName(kind)}); bijwerken schrijft er niet overheen.`)
  }
  // 'wx' (O_CREAT | O_EXCL) never follows a symbolic link: one made in the meantime makes this fail.
  const fd = openSync(target, 'wx', mode ?? 0o666)
  try {
    writeAll(fd, data)
  } finally {
    closeSync(fd)
  }
  if (mode !== undefined) chmodSync(target, mode)
}

/** A Dutch name for what is at a path. */
export function kindName(kind: LocalEntry['kind']): string {
  return kind === 'link' ? 'symbolische koppeling' : kind === 'folder' ? 'map' : kind === 'file' ? 'bestand' : 'bijzonder bestand'
}

/**
 * Write a file in a folder that must already exist, and flush it (never creates the folder: a working
 * folder that was taken away stays away).
 *
 * @param path Where.
 * @param data What.
 */
export function writeFileDurably(path: string, data: Uint8Array | string): void {
  const fd = openSync(path, 'w')
  try {
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Replace a file in one step: write a temporary file beside it, flush it, and rename it over the old one.
 * A reader sees the old contents or the new, never a part.
 *
 * @param path Where.
 * @param data What.
 */
export function replaceFileAtomically(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.tmp`
  writeFileDurably(tmp, data)
  renameSync(tmp, path)
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
}

/**
 * Remove a folder and everything in it, making read-only folders in it writable first when that is what
 * stops the removal. Symbolic links are removed, never followed.
 *
 * @param path The folder.
 */
export function removeTree(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true })
  } catch (error) {
    const code = errorCode(error)
    if (code !== 'EACCES' && code !== 'EPERM') throw error
    makeWritable(path)
    rmSync(path, { recursive: true, force: true })
  }
}

function makeWritable(dir: string): void {
  if (!isDirectory(dir)) return
  try {
    chmodSync(dir, 0o700)
  } catch {
    // not ours to change: the removal will say so
  }
  for (const name of readdirSync(dir)) makeWritable(join(dir, name))
}

/**
 * Flush every file and folder under a folder to the disk (best effort for folders, which some systems
 * cannot open).
 *
 * @param root The folder.
 */
export function syncTree(root: string): void {
  for (const [rel, e] of scan(root, { hidden: true, hashLimit: -1 })) if (e.kind === 'file' || e.kind === 'folder') syncPath(fsPath(root, rel))
  syncPath(root)
}

/** Flush one file or folder (best effort for folders). */
export function syncPath(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // Windows cannot open a folder for fsync; the files themselves were flushed.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** The plain files under a folder, as sorted `/`-separated paths (hidden ones only with `hidden`). */
export function listFiles(root: string, options: { hidden?: boolean } = {}): string[] {
  return [...scan(root, { ...options, hashLimit: -1 })].filter(([, e]) => e.kind === 'file').map(([p]) => p)
}
