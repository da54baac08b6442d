/**
 * The three-way comparison behind updating a team's library (`praktijkwijzer vault --update` and the
 * plugin's *Kennisbank bijwerken*), as a pure function over what is in a folder: paths, kinds and content
 * hashes. No file system and no hashing here: each adapter lists its folder and takes the SHA-256 of
 * {@link normalizedContent}, so that both decide alike.
 *
 * For every note it compares three versions: the **base** (what was installed last time, from the
 * record), the **local** entry (what is in the vault now) and the **upstream** file (the new library).
 *
 * | base | local | upstream | what happens |
 * | --- | --- | --- | --- |
 * | – | – | U | added |
 * | B | B | U ≠ B | updated (the team never changed it) |
 * | B | L ≠ B | B | kept: changed by the team |
 * | B | L ≠ B | U ≠ B, U ≠ L | conflict: the local file stays, the new version is written beside it |
 * | – | L | U ≠ L | conflict (the team made a file where the library now has one) |
 * | B | – | U | stays deleted (restored with `restoreDeleted`) |
 * | B | B | – | removed |
 * | B | L ≠ B | – | kept: changed by the team, gone from the library |
 * | – | L | – | the team's own file: never looked at |
 *
 * Paths are compared NFC-normalised (macOS and some sync tools write names decomposed), and every write
 * goes to the name that is on disk. Hashes of `.md` files are taken over {@link normalizedContent}, so a
 * line-ending conversion is no change. A local entry that is not a plain file (a symbolic link, a folder,
 * anything else) counts as changed by the team: it is never written through, replaced or removed. A note
 * whose folder on disk is not a plain folder (a link, a file) cannot be delivered and is reported as
 * blocked. A note the team moved (its content, or its name, found elsewhere in the folder) is followed to
 * its new place.
 *
 * The new record is the upstream list, except for notes that could not be delivered: a conflict counts as
 * delivered (its new version stands beside the note), a note the team deleted stays listed, so that it is
 * not mistaken for a new note next time.
 */

/** Path → SHA-256 (of {@link normalizedContent}). */
export type Hashes = ReadonlyMap<string, string>

/**
 * One entry in the local folder. A file without a hash was too large to hash: it counts as changed by the
 * team.
 */
export type LocalEntry = { kind: 'file'; hash?: string } | { kind: 'folder' } | { kind: 'link' } | { kind: 'other' }

/** Options for {@link planLibrary}. */
export interface Options {
  /** Bring back notes the team deleted (default: false). */
  restoreDeleted?: boolean
}

/** Why the new version of a note goes beside it instead of over it. */
export type ConflictReason = 'changed' | 'case' | 'link' | 'folder' | 'other'

/** A conflict: the team's note stays; the new version goes beside it. */
export interface Conflict {
  /** The note, as it is on disk. */
  path: string
  /** Where the new version goes. */
  beside: string
  /** False when that file is already there with the new version (from an earlier update). */
  write: boolean
  /** Why: changed on both sides, a name that differs only in case, or something else at the path. */
  reason: ConflictReason
}

/** A note the team moved: found at `to`, installed at `from`. */
export interface Moved {
  from: string
  to: string
  /** What the update does with it: brings it up to date at its new place, or leaves it. */
  action: 'updated' | 'unchanged' | 'kept' | 'conflict'
}

/** A note that cannot be delivered because something on its way is not a plain folder. */
export interface Blocked {
  /** Where the note would go. */
  path: string
  /** The part of the way that is in the way. */
  at: string
  /** What is there. */
  kind: 'link' | 'file' | 'other'
}

/** One file the update writes: `path` in the local folder gets the contents of `source` upstream. */
export interface Write {
  path: string
  source: string
}

/** What an update does to the library folder. All paths are relative to it. */
export interface Plan {
  /** New in the library; written. */
  added: string[]
  /** Changed in the library, never changed by the team; overwritten. */
  updated: string[]
  /** Deleted by the team, brought back on request; written. */
  restored: string[]
  /** Changed on both sides (or something else in the way); the new version is written beside. */
  conflicts: Conflict[]
  /** Gone from the library, never changed by the team; deleted. */
  removed: string[]
  /** Changed by the team, unchanged in the library; left alone. */
  keptChanged: string[]
  /** Changed by the team, gone from the library; left alone (and no longer tracked). */
  keptRemoved: string[]
  /** Deleted by the team and still in the library; left deleted. */
  stayDeleted: string[]
  /** Moved by the team; followed to the new place. */
  moved: Moved[]
  /** Not deliverable until the team clears the way. */
  blocked: Blocked[]
  /** How many notes are the same in the vault and in the library. */
  unchanged: number
  /** Every file written, in order. */
  writes: Write[]
  /** Every file deleted (before the writes). */
  deletes: string[]
  /** The record of what is installed after the update: upstream path → hash. */
  record: Map<string, string>
}

/** The key under which paths are compared: NFC, so that decomposed names match. */
export function pathKey(path: string): string {
  return path.normalize('NFC')
}

/**
 * The bytes a content hash is taken over: for a `.md` file without a byte-order mark and with `\n` line
 * ends (as the core reads notes), for any other file the bytes themselves.
 *
 * @param path The file's path (its extension decides).
 * @param bytes The file's contents.
 */
export function normalizedContent(path: string, bytes: Uint8Array): Uint8Array {
  if (!/\.md$/i.test(path)) return bytes
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (start === 0 && bytes.indexOf(0x0d) === -1) return bytes
  const out = new Uint8Array(bytes.length - start)
  let n = 0
  for (; start < bytes.length; start++) {
    const b = bytes[start] as number
    if (b !== 0x0d) out[n++] = b
    else if (bytes[start + 1] !== 0x0a) out[n++] = 0x0a
  }
  return out.subarray(0, n)
}

/**
 * Decide what to do with every file of the library folder.
 *
 * @param base What was installed last time (the record).
 * @param local Every entry in the vault's library folder now: files, folders, links, by their name on disk.
 * @param upstream The new library.
 * @param options Whether to restore deleted notes.
 * @returns The plan; paths in each list sorted.
 */
export function planLibrary(base: Hashes, local: ReadonlyMap<string, LocalEntry>, upstream: Hashes, options: Options = {}): Plan {
  const plan: Plan = {
    added: [],
    updated: [],
    restored: [],
    conflicts: [],
    removed: [],
    keptChanged: [],
    keptRemoved: [],
    stayDeleted: [],
    moved: [],
    blocked: [],
    unchanged: 0,
    writes: [],
    deletes: [],
    record: new Map()
  }
  const b = byKey(base)
  const u = byKey(upstream)
  const l = byKey(local)
  const keys = [...new Set([...b.keys(), ...l.keys(), ...u.keys()])].sort(comparePaths)

  // Files the team may have moved an installed note to: not installed, not in the new library.
  const loose = [...l].filter(([key, e]) => e.entry.kind === 'file' && !b.has(key) && !u.has(key)).map(([key]) => key)
  const movedTo = findMoves(b, l, loose)

  /** A local entry's content hash, or a marker that matches no hash: not a plain file, or not hashed. */
  const localHash = (key: string): string | undefined => {
    const e = l.get(key)?.entry
    if (e === undefined) return undefined
    return e.kind === 'file' && e.hash !== undefined ? e.hash : `\0${e.kind}`
  }
  const reasonOf = (key: string): ConflictReason => {
    const kind = l.get(key)?.entry.kind
    return kind === undefined || kind === 'file' ? 'changed' : kind
  }
  const conflicting: Array<{ key: string; at: string; reason: ConflictReason }> = []

  for (const key of keys) {
    const base = b.get(key)?.entry
    const up = u.get(key)
    const onDisk = l.get(key)?.path
    let lh = localHash(key)
    let at = onDisk
    const move = lh === undefined && base !== undefined ? movedTo.get(key) : undefined
    if (move !== undefined) {
      lh = localHash(move)
      at = l.get(move)?.path
    }
    const record = (): void => void (up !== undefined && plan.record.set(up.path, up.entry))

    if (up === undefined) {
      if (base === undefined || lh === undefined) continue // the team's own file, or gone on both sides
      if (move !== undefined) plan.moved.push({ from: b.get(key)?.path as string, to: at as string, action: 'kept' })
      else if (lh === base) {
        plan.removed.push(at as string)
        plan.deletes.push(at as string)
      } else plan.keptRemoved.push(at as string)
      continue
    }
    if (lh === up.entry) {
      plan.unchanged++
      if (move !== undefined) plan.moved.push({ from: b.get(key)?.path as string, to: at as string, action: 'unchanged' })
      record()
      continue
    }
    if (lh === undefined) {
      const target = resolve(up.path, l)
      if (base === undefined || options.restoreDeleted) {
        if (!deliverable(target, l, plan)) {
          if (base !== undefined) plan.record.set(up.path, base)
          continue
        }
        ;(base === undefined ? plan.added : plan.restored).push(target)
        plan.writes.push({ path: target, source: up.path })
      } else plan.stayDeleted.push(target)
      record()
      continue
    }
    if (lh === base) {
      plan.updated.push(at as string)
      plan.writes.push({ path: at as string, source: up.path })
      if (move !== undefined) plan.moved.push({ from: b.get(key)?.path as string, to: at as string, action: 'updated' })
      record()
    } else if (base === up.entry) {
      plan.keptChanged.push(at as string)
      if (move !== undefined) plan.moved.push({ from: b.get(key)?.path as string, to: at as string, action: 'kept' })
      record()
    } else {
      if (move !== undefined) plan.moved.push({ from: b.get(key)?.path as string, to: at as string, action: 'conflict' })
      conflicting.push({ key, at: at as string, reason: reasonOf(move ?? key) })
    }
  }

  // On a case-insensitive disk (Windows, macOS) a new note whose name differs from a kept entry only in case
  // would overwrite it: deliver it beside the kept entry instead.
  const deleted = new Set(plan.deletes.map(pathKey))
  const keptLower = new Set([...l.keys()].filter((k) => !deleted.has(k)).map((k) => k.toLowerCase()))
  for (const list of [plan.added, plan.restored]) {
    for (const path of [...list]) {
      if (keptLower.has(pathKey(path).toLowerCase())) {
        list.splice(list.indexOf(path), 1)
        const i = plan.writes.findIndex((w) => w.path === path)
        plan.writes.splice(i, 1)
        conflicting.push({ key: pathKey(path), at: path, reason: 'case' })
      }
    }
  }

  const taken = new Set([...l.keys(), ...u.keys()].map((k) => k.toLowerCase()))
  for (const { key, at, reason } of conflicting.sort((x, y) => comparePaths(x.at, y.at))) {
    const up = u.get(key) as Keyed<string>
    const beside = besideName(at, up.entry, l, taken)
    if (beside.write && !deliverable(beside.path, l, plan)) {
      const old = b.get(key)?.entry
      if (old !== undefined) plan.record.set(up.path, old)
      continue
    }
    taken.add(pathKey(beside.path).toLowerCase())
    plan.conflicts.push({ path: at, beside: beside.path, write: beside.write, reason })
    if (beside.write) plan.writes.push({ path: beside.path, source: up.path })
    plan.record.set(up.path, up.entry)
  }

  for (const list of [plan.added, plan.updated, plan.restored, plan.removed, plan.keptChanged, plan.keptRemoved, plan.stayDeleted, plan.deletes]) list.sort(comparePaths)
  plan.conflicts.sort((x, y) => comparePaths(x.path, y.path))
  plan.moved.sort((x, y) => comparePaths(x.from, y.from))
  plan.blocked.sort((x, y) => comparePaths(x.path, y.path))
  plan.writes.sort((x, y) => comparePaths(x.path, y.path))
  plan.record = new Map([...plan.record].sort(([x], [y]) => comparePaths(x, y)))
  return plan
}

/** Whether the plan changes any file of the library folder. */
export function changesFiles(plan: Plan): boolean {
  return plan.writes.length + plan.deletes.length > 0
}

interface Keyed<T> {
  /** The path as given (on disk, or upstream). */
  path: string
  entry: T
}

function byKey<T>(map: ReadonlyMap<string, T>): Map<string, Keyed<T>> {
  const out = new Map<string, Keyed<T>>()
  for (const [path, entry] of map) {
    const key = pathKey(path)
    // Two names that are the same in NFC (possible on Linux): the first in code-unit order wins.
    const seen = out.get(key)
    if (seen === undefined || comparePaths(path, seen.path) < 0) out.set(key, { path, entry })
  }
  return out
}

/**
 * Installed notes that are gone from their place but whose content (or, failing that, whose file name) is
 * found in exactly one loose file: the team moved them there.
 */
function findMoves(base: Map<string, Keyed<string>>, local: Map<string, Keyed<LocalEntry>>, loose: string[]): Map<string, string> {
  const moves = new Map<string, string>()
  const missing = [...base.keys()].filter((k) => !local.has(k))
  const claimed = new Set<string>()
  const unique = <K>(items: Array<[K, string]>): Map<K, string> => {
    const seen = new Map<K, string | null>()
    for (const [k, v] of items) seen.set(k, seen.has(k) ? null : v)
    return new Map([...seen].filter((e): e is [K, string] => e[1] !== null))
  }
  const byHash = unique(loose.flatMap((k): Array<[string, string]> => {
    const e = local.get(k)?.entry
    return e?.kind === 'file' && e.hash !== undefined ? [[e.hash, k]] : []
  }))
  const wantHash = unique(missing.map((k): [string, string] => [(base.get(k) as Keyed<string>).entry, k]))
  for (const key of missing) {
    const found = byHash.get((base.get(key) as Keyed<string>).entry)
    if (found !== undefined && wantHash.get((base.get(key) as Keyed<string>).entry) === key && !claimed.has(found)) {
      moves.set(key, found)
      claimed.add(found)
    }
  }
  const name = (k: string): string => k.slice(k.lastIndexOf('/') + 1)
  const byName = unique(loose.filter((k) => !claimed.has(k)).map((k): [string, string] => [name(k), k]))
  const wantName = unique(missing.filter((k) => !moves.has(k)).map((k): [string, string] => [name(k), k]))
  for (const key of missing) {
    if (moves.has(key)) continue
    const found = byName.get(name(key))
    if (found !== undefined && wantName.get(name(key)) === key && !claimed.has(found)) {
      moves.set(key, found)
      claimed.add(found)
    }
  }
  return moves
}

/** The name on disk for a new path: each folder on the way as it is spelled on disk, if it exists. */
function resolve(path: string, local: Map<string, Keyed<LocalEntry>>): string {
  const parts = path.split('/')
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const wanted = `${out === '' ? '' : `${out}/`}${parts[i] as string}`
    out = local.get(pathKey(wanted))?.path ?? wanted
  }
  return out
}

/** Whether every folder on the way to a path is a plain folder (or absent); if not, the plan says why. */
function deliverable(path: string, local: Map<string, Keyed<LocalEntry>>, plan: Plan): boolean {
  const parts = path.split('/')
  for (let i = 1; i < parts.length; i++) {
    const at = parts.slice(0, i).join('/')
    const kind = local.get(pathKey(at))?.entry.kind
    if (kind !== undefined && kind !== 'folder') {
      plan.blocked.push({ path, at, kind: kind === 'link' ? 'link' : kind === 'file' ? 'file' : 'other' })
      return false
    }
  }
  return true
}

/**
 * Where the new version of a conflicting note goes: `Naam (nieuwe versie).md`, or `Naam (nieuwe versie 2).md`
 * when that name is taken by something else. A file that already holds exactly the new version is reused.
 */
function besideName(path: string, hash: string, local: Map<string, Keyed<LocalEntry>>, taken: Set<string>): { path: string; write: boolean } {
  const slash = path.lastIndexOf('/')
  const dir = path.slice(0, slash + 1)
  const file = path.slice(slash + 1)
  const dot = file.lastIndexOf('.')
  const stem = dot > 0 ? file.slice(0, dot) : file
  const ext = dot > 0 ? file.slice(dot) : ''
  for (let n = 1; ; n++) {
    const candidate = `${dir}${stem} (nieuwe versie${n === 1 ? '' : ` ${n}`})${ext}`
    const there = local.get(pathKey(candidate))
    if (there?.entry.kind === 'file' && there.entry.hash === hash) return { path: there.path, write: false }
    if (!taken.has(pathKey(candidate).toLowerCase())) return { path: candidate, write: true }
  }
}

/** Compare paths by code unit, so the order is the same on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
