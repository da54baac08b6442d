/**
 * The CLI's persisted index: one file per library under `$XDG_CACHE_HOME/praktijkwijzer/` (else
 * `~/.cache/praktijkwijzer/`), named by a hash of the library's absolute path. A start reads the file,
 * compares every note's modification time and size with what it stored and reads only what changed; a
 * file it cannot trust is said on standard error in one line and the library is read afresh. Only the
 * library goes in: a case note is never read through here.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cacheWarning, decodeCache, encodeCache, Library, staleFiles, type CacheKey, type SourceFile, type Stamp } from '@praktijkwijzer/core'
import type { Io } from './command.js'
import type { Walk } from './files.js'

/** Where the CLI keeps its cache, and which version of the code writes it. */
export interface CacheOptions {
  /** The folder (e.g. `~/.cache/praktijkwijzer`). */
  dir: string
  /** The version of the code: a cache written by another one is not used. */
  version: string
}

export { cacheDir, codeVersion } from './defaults.js'

/** The cache file of a library folder (absolute). */
export function cacheFile(dir: string, root: string): string {
  return join(dir, `kennisbank-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`)
}

/** A library read through the cache, and a way to write the cache back once the command is done with it. */
export interface Cached {
  library: Library
  /**
   * Formatted references of literature notes, by the note's hash ({@link Library.hashOf}): kept with the
   * index, so a start need not load the citation engine for references it formatted before. Add to it
   * with {@link remember}.
   */
  references: ReadonlyMap<string, string>
  /** Keep a formatted reference (it is written with the index). */
  remember(hash: string, reference: string): void
  /** Write the cache when something changed (atomically); a failure is never thrown nor reported. */
  save(): void
}

/**
 * Load a library through its cache file.
 *
 * @param root The library folder, absolute.
 * @param walk Its walk ({@link walkMarkdown}).
 * @param read Reads one note file.
 * @param options The cache folder and the code version.
 * @param io For the warning.
 */
export function loadCached(root: string, walk: Walk, read: (path: string, full: string) => SourceFile, options: CacheOptions, io: Io): Cached {
  const file = cacheFile(options.dir, root)
  const key: CacheKey = { version: options.version, library: root }
  // Stamp every note (a file whose stamp the file system will not give is read every time).
  const stamps = new Map<string, Stamp>()
  const fullPaths = new Map<string, string>()
  const always: SourceFile[] = walk.unreadable.map((u) => ({ path: u.path, unreadable: u.reason }))
  for (const entry of walk.found) {
    if (entry.link !== undefined) continue
    fullPaths.set(entry.path, entry.full)
    try {
      const stat = statSync(entry.full)
      stamps.set(entry.path, { mtime: stat.mtimeMs, size: stat.size })
    } catch {
      stamps.set(entry.path, { mtime: -1, size: -1 })
    }
  }
  for (const u of walk.unreadable) stamps.set(u.path, { mtime: -1, size: -1 })

  let text: string | undefined
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    text = undefined
  }
  const loaded = text === undefined ? undefined : decodeCache(text, key)
  // An index another build of the CLI wrote is no surprise after an update: it is rebuilt without a word.
  if (loaded && !loaded.ok && loaded.reason !== 'andere-versie') io.err(`praktijkwijzer: ${cacheWarning(loaded.reason)}\n`)

  let library: Library
  let dirty: boolean
  let wasIndexed = false
  if (loaded?.ok) {
    library = loaded.library
    wasIndexed = library.indexed
    const stale = staleFiles(loaded.stamps, stamps, loaded.written)
    // Files the file system refused last time are tried again (and said again on standard error).
    const refused = library.problems().filter((p) => p.code === 'unreadable' && fullPaths.has(p.file)).map((p) => p.file)
    const unread = new Set(always.map((f) => f.path))
    const again = [...new Set([...stale.read, ...refused])].filter((p) => !unread.has(p) && fullPaths.has(p))
    const files = [...always, ...again.map((p) => read(p, fullPaths.get(p) as string))]
    const changed = library.apply(files, stale.removed)
    dirty = changed > 0 || stale.read.some((p) => !unread.has(p)) || stale.removed.length > 0
  } else {
    const unread = new Set(always.map((f) => f.path))
    library = new Library([...[...fullPaths].filter(([p]) => !unread.has(p)).map(([p, full]) => read(p, full)), ...always])
    dirty = true
  }
  const references = new Map(loaded?.ok ? loaded.references : [])
  return {
    library,
    references,
    remember(hash, reference) {
      if (references.get(hash) === reference) return
      references.set(hash, reference)
      dirty = true
    },
    save() {
      if (!dirty && !(library.indexed && !wasIndexed)) return
      let text: string
      try {
        text = encodeCache(library, key, stamps, references)
      } catch {
        // A library too large for one string (V8's limit, some hundreds of MB): it is read afresh each time.
        return
      }
      writeAtomic(file, text)
    }
  }
}

/**
 * Write a file through a temporary file next to it and a rename: a reader sees the old file or the new.
 * A cache folder that cannot be written (another user's, read-only) is no problem of the library and
 * is not reported: the next start reads the library afresh.
 */
function writeAtomic(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 })
    writeFileSync(temp, text, { mode: 0o600 })
    renameSync(temp, file)
  } catch {
    try {
      rmSync(temp, { force: true })
    } catch {
      // Not even that: the folder is not ours.
    }
  }
}
