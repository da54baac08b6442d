/**
 * Files on disk as the vault commands see them: relative `/`-separated paths and SHA-256 content hashes.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** A thrown error whose message is meant for the user (in Dutch); the command exits with 1. */
export class VaultError extends Error {}

/** The SHA-256 of some bytes, as lowercase hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Options for {@link listFiles}. */
export interface ListOptions {
  /** Also list files and folders whose name starts with a dot (default: false). */
  hidden?: boolean
}

/**
 * The regular files under a folder, as sorted `/`-separated paths relative to it. Symbolic links are not
 * followed and not listed. A folder that does not exist has no files.
 *
 * @param root The folder.
 * @param options Whether to include hidden entries.
 */
export function listFiles(root: string, options: ListOptions = {}): string[] {
  const out: string[] = []
  if (!existsSync(root)) return out
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!options.hidden && entry.name.startsWith('.')) continue
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (entry.isDirectory()) walk(join(dir, entry.name), rel)
      else if (entry.isFile()) out.push(rel)
    }
  }
  walk(root, '')
  return out.sort(compare)
}

/**
 * The content hash of every file under a folder.
 *
 * @param root The folder.
 * @param options Whether to include hidden entries.
 * @returns Path → SHA-256, in path order.
 */
export function hashTree(root: string, options: ListOptions = {}): Map<string, string> {
  return new Map(listFiles(root, options).map((p) => [p, sha256(readFileSync(fsPath(root, p)))]))
}

/** A relative `/` path under a folder, as a path for node:fs. */
export function fsPath(root: string, rel: string): string {
  return join(root, ...rel.split('/'))
}

/** Whether a path exists and is a folder (without following a symbolic link). */
export function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Write a file and flush it to the disk before returning, creating its folder.
 *
 * @param path Where.
 * @param data What.
 */
export function writeFileDurably(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true })
  const fd = openSync(path, 'w')
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let offset = 0
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset)
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

/**
 * Flush every file and folder under a folder to the disk (best effort for folders, which some systems
 * cannot open).
 *
 * @param root The folder.
 */
export function syncTree(root: string): void {
  for (const rel of listFiles(root, { hidden: true })) syncPath(fsPath(root, rel))
  const dirs = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) dirs(join(dir, entry.name))
    syncPath(dir)
  }
  dirs(root)
}

function syncPath(path: string): void {
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

/** Compare paths by code unit, so the order is the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
