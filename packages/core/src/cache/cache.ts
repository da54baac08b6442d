/**
 * The persisted index of a library: the file the adapters keep between starts (the CLI under the user's
 * cache folder, the plugin in its own folder), so that a start reads only the notes that changed. Only the
 * library goes in; case notes never do.
 *
 * The file is two lines of JSON. The first is a header: what it is, the format and the version of the
 * code that wrote it, which library it belongs to, and the length and hash of the second line. The second
 * holds each file's stamp (modification time and size, the cheap first check) and the library's
 * {@link LibrarySnapshot}. A file that was cut short, damaged, written by another version or for another
 * library is refused with the reason, never trusted: the caller reads the library afresh.
 */
import { Library, type LibrarySnapshot, type Options as LibraryOptions } from '../library.js'
import { contentHashSteps } from './hash.js'
import { jsonSteps } from './json-steps.js'

/** Bumped whenever the file's layout or anything in the snapshot changes meaning. */
export const CACHE_FORMAT = 3

/** A file's modification time (ms) and size (bytes), as the file system gives them. */
export interface Stamp {
  mtime: number
  size: number
}

/** What a cache file must match to be used. */
export interface CacheKey {
  /** The version of the code (package version, and whatever else the adapter wants to tie it to). */
  version: string
  /** Which library: the CLI's absolute folder, the plugin's vault folder. */
  library: string
}

/**
 * Why a cache file was refused: cut short, damaged, of an older file format, written by another build
 * of the code (same format: an adapter may rebuild it without a word, as the CLI does), or of another
 * library.
 */
export type CacheRefusal = 'afgebroken' | 'beschadigd' | 'oudere-versie' | 'andere-versie' | 'andere-kennisbank'

/** A cache file read back: the library and the stamps it was taken with, or why it was refused. */
export type LoadedCache = { ok: true; library: Library; stamps: Map<string, Stamp>; written: number; references: Map<string, string> } | { ok: false; reason: CacheRefusal }

interface Header {
  praktijkwijzer: 'index'
  format: number
  version: string
  library: string
  length: number
  hash: string
}

interface Payload {
  /** When the file was written (ms since 1970), for {@link staleFiles}. */
  written: number
  stamps: Array<[string, number, number]>
  snapshot: LibrarySnapshot
  /** Formatted references of literature notes, by the hash of the note's text. */
  references: Array<[string, string]>
}

/**
 * The cache file's text for a library.
 *
 * @param library The library (with its index built, so the next start need not build it).
 * @param key The version and the library it belongs to.
 * @param stamps Each library file's stamp, by library path, as it was when read.
 * @param references Formatted references (APA) of literature notes, by the hash of the note's text
 *   ({@link Library.hashOf}): formatting needs the citation engine, which takes a while to start. Only
 *   those of notes still in the library are kept.
 * @param written When (ms since 1970; default now).
 */
export function encodeCache(library: Library, key: CacheKey, stamps: ReadonlyMap<string, Stamp>, references: ReadonlyMap<string, string> = new Map(), written = Date.now()): string {
  const steps = encodeCacheSteps(library, key, stamps, references, written)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * {@link encodeCache} in steps, for a caller that must give its thread back in between (the plugin): the
 * generator yields after taking the snapshot, after each of its notes and index entries written as JSON,
 * and while hashing that; it returns the text. The library must not change until it is done.
 */
export function* encodeCacheSteps(library: Library, key: CacheKey, stamps: ReadonlyMap<string, Stamp>, references: ReadonlyMap<string, string> = new Map(), written = Date.now()): Generator<void, string> {
  const kept: Array<[string, string]> = []
  for (const node of library.graph.nodes('literatuur')) {
    const hash = library.hashOf(node.path)
    const reference = hash === undefined ? undefined : references.get(hash)
    if (hash !== undefined && reference !== undefined) kept.push([hash, reference])
  }
  const payload: Payload = { written, stamps: [...stamps].map(([path, s]) => [path, s.mtime, s.size]), snapshot: library.snapshot(), references: kept }
  yield
  // Down to the notes and index entries of the snapshot, a member a step: the same text as JSON.stringify.
  const body = (yield* jsonSteps(payload, 3)) as string
  const header: Header = { praktijkwijzer: 'index', format: CACHE_FORMAT, version: key.version, library: key.library, length: body.length, hash: yield* contentHashSteps(body) }
  return `${JSON.stringify(header)}\n${body}\n`
}

/**
 * Read a cache file back into a library. Never throws: whatever is wrong with the file, the answer is a
 * refusal with its reason.
 *
 * @param text The file's text.
 * @param key What it must match.
 * @param options The library's options (as the caller would give them to a fresh library).
 */
export function decodeCache(text: string, key: CacheKey, options: LibraryOptions = {}): LoadedCache {
  const steps = decodeCacheSteps(text, key, options)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * {@link decodeCache} in steps, for a caller that must give its thread back in between (the plugin): the
 * generator yields while it hashes the payload, before it parses it (one step: `JSON.parse`), and then
 * after every note it restored ({@link Library.restoreSteps}).
 */
export function* decodeCacheSteps(text: string, key: CacheKey, options: LibraryOptions = {}): Generator<void, LoadedCache> {
  const end = text.indexOf('\n')
  // A file cut short lost its last line end; one cut inside the header has only the start of ours.
  if (end === -1) return { ok: false, reason: text.startsWith('{"praktijkwijzer":"index"') ? 'afgebroken' : 'beschadigd' }
  let header: Partial<Header>
  try {
    header = JSON.parse(text.slice(0, end)) as Partial<Header>
  } catch {
    return { ok: false, reason: 'beschadigd' }
  }
  if (header === null || typeof header !== 'object' || header.praktijkwijzer !== 'index') return { ok: false, reason: 'beschadigd' }
  if (header.format !== CACHE_FORMAT) return { ok: false, reason: 'oudere-versie' }
  if (header.version !== key.version) return { ok: false, reason: 'andere-versie' }
  if (header.library !== key.library) return { ok: false, reason: 'andere-kennisbank' }
  if (!text.endsWith('\n') || text.length < end + 2) return { ok: false, reason: 'afgebroken' }
  const body = text.slice(end + 1, -1)
  if (body.length !== header.length || (yield* contentHashSteps(body)) !== header.hash) return { ok: false, reason: 'beschadigd' }
  try {
    yield
    const payload = JSON.parse(body) as Payload
    const stamps = new Map<string, Stamp>()
    for (const [path, mtime, size] of payload.stamps) {
      if (typeof path !== 'string' || typeof mtime !== 'number' || typeof size !== 'number') throw new Error('stempel')
      stamps.set(path, { mtime, size })
    }
    if (typeof payload.written !== 'number') throw new Error('tijd')
    const references = new Map<string, string>()
    for (const [hash, reference] of payload.references) if (typeof hash === 'string' && typeof reference === 'string') references.set(hash, reference)
    yield
    const library = yield* Library.restoreSteps(payload.snapshot, options)
    return { ok: true, library, stamps, written: payload.written, references }
  } catch {
    return { ok: false, reason: 'beschadigd' }
  }
}

/** The one-line Dutch warning for a refused cache file. */
export function cacheWarning(reason: CacheRefusal): string {
  const why: Record<CacheRefusal, string> = {
    afgebroken: 'is afgebroken',
    beschadigd: 'is beschadigd',
    'oudere-versie': 'is van een andere versie van Praktijkwijzer',
    'andere-versie': 'is van een andere versie van Praktijkwijzer',
    'andere-kennisbank': 'hoort bij een andere kennisbank'
  }
  return `De opgeslagen index van de kennisbank ${why[reason]}; de kennisbank wordt opnieuw gelezen.`
}

/** Which files to read again after a cached start: new or with another stamp; and which are gone. */
export interface StaleFiles {
  read: string[]
  removed: string[]
}

/** How close to the cache's writing a file's modification time must be to be read again anyway, in ms. */
const RACY_MS = 2000

/**
 * Compare the stamps in the cache with the files as they are now. A file is read again when it is new,
 * when its stamp changed, when it has no stamp (a negative time: the file system could not say), or when
 * it was modified within two seconds of the cache being written: a change in that same moment might keep
 * the time and size (coarse clocks, FAT's two seconds), so only its hash can tell.
 *
 * @param cached The stamps the cache was written with.
 * @param current Every library file now, by library path.
 * @param written When the cache was written ({@link LoadedCache}).
 */
export function staleFiles(cached: ReadonlyMap<string, Stamp>, current: ReadonlyMap<string, Stamp>, written = Infinity): StaleFiles {
  const read: string[] = []
  const removed: string[] = []
  for (const [path, stamp] of current) {
    const old = cached.get(path)
    if (!old || old.mtime !== stamp.mtime || old.size !== stamp.size || stamp.mtime < 0 || stamp.mtime >= written - RACY_MS) read.push(path)
  }
  for (const path of cached.keys()) if (!current.has(path)) removed.push(path)
  return { read, removed }
}
