/**
 * The journal of an update (`journal.json` in the working folder) and how an interrupted update is settled.
 *
 * The journal says how far the update got (`staging`, `staged`, `committed`) and, for each folder that is
 * swapped, whether it existed and a digest of its contents before (what the plan was made from) and after
 * (what was staged). Where each folder is now follows from what exists: the live folder, `old/<i>` (the
 * folder as it was) and `new/<i>` (the staged one). From that, an interrupted update is settled:
 *
 * - `staging`: nothing was swapped; the staged copies are thrown away.
 * - `staged`: rolled back (every folder as it was), unless the new folder has been worked in since it was
 *   put in place: then rolling back would throw that work away, and the update is finished instead,
 *   provided that the folders still to be swapped are as the plan saw them. When neither is possible,
 *   nothing is moved and the user is told where each version is.
 * - `committed`: finished (only the clean-up was left).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fsFailure, VaultError } from './errors.js'
import { isSafePath } from './manifest.js'
import { digest, fsPath, kindAt, removeTree, replaceFileAtomically, scan } from './tree.js'

/** How far an update got. */
export type Status = 'staging' | 'staged' | 'committed'

/** One folder that is swapped. */
export interface Part {
  name: 'library' | 'plugin'
  /** Vault path of the folder. */
  path: string
  /** Whether it existed before the update. */
  existed: boolean
  /** Digest of the live folder the plan was made from. */
  before?: string
  /** Digest of the staged folder. */
  after?: string
  /** The largest file hashed for the digests, when not the default. */
  hashLimit?: number
}

/** The journal. */
export interface Journal {
  status: Status
  parts: Part[]
}

/** How an interrupted update was settled. */
export type Settled = 'discarded' | 'rolled-back' | 'rolled-forward' | 'finished'

/** Where one folder is: not yet swapped, moved out (live missing), swapped in, or something else. */
export type PartState = 'before' | 'out' | 'in' | 'unknown'

/** What is known about one folder when deciding how to settle. Digest checks left out count as passed. */
export interface PartView {
  state: PartState
  /** For `before`: the live folder is still what the plan was made from. */
  liveIsBefore?: boolean
  /** For `out`: the folder moved out is what the plan was made from. */
  oldIsBefore?: boolean
  /** For `in`: the live folder is still exactly what was staged. */
  liveIsAfter?: boolean
}

/** The digest of a swapped folder as the journal records it: everything in it, hidden entries included. */
export function folderDigest(path: string, hashLimit?: number): string {
  return digest(scan(path, { hidden: true, ...(hashLimit === undefined ? {} : { hashLimit }) }))
}

/** The journal as the text of its file. */
export function journalText(journal: Journal): string {
  return `${JSON.stringify({ format: 2, ...journal }, null, 2)}\n`
}

/** Replace the journal (atomically; never recreates the working folder). */
export function writeJournal(staging: string, journal: Journal): void {
  replaceFileAtomically(join(staging, 'journal.json'), journalText(journal))
}

/**
 * Read the journal of a working folder; also the journal of an older version (`{ pid, status, parts }`,
 * without digests). Undefined when there is none or it cannot be used.
 */
export function readJournal(staging: string): (Journal & { pid?: number }) | undefined {
  try {
    const data = JSON.parse(readFileSync(join(staging, 'journal.json'), 'utf8')) as { format?: unknown; pid?: unknown; status?: unknown; parts?: unknown }
    const okPart = (p: Part): boolean =>
      (p.name === 'library' || p.name === 'plugin') &&
      typeof p.path === 'string' &&
      isSafePath(p.path) &&
      typeof p.existed === 'boolean' &&
      (p.before === undefined || typeof p.before === 'string') &&
      (p.after === undefined || typeof p.after === 'string') &&
      (p.hashLimit === undefined || typeof p.hashLimit === 'number')
    const status = data.status
    if ((data.format === 2 || typeof data.pid === 'number') && (status === 'staging' || status === 'staged' || status === 'committed') && Array.isArray(data.parts) && (data.parts as Part[]).every(okPart)) {
      return { status, parts: data.parts as Part[], ...(typeof data.pid === 'number' ? { pid: data.pid } : {}) }
    }
  } catch {
    // missing or half-written
  }
  return undefined
}

/**
 * How to settle an interrupted update: back to the old state, forward to the new one, or neither.
 *
 * @param status How far it got.
 * @param views What is known about each folder.
 */
export function decide(status: Status, views: PartView[]): 'back' | 'forward' | 'stuck' {
  if (views.some((v) => v.state === 'unknown')) return 'stuck'
  if (status === 'staging') return views.every((v) => v.state === 'before') ? 'back' : 'stuck'
  if (status === 'committed') return views.every((v) => v.state === 'in') ? 'forward' : 'stuck'
  if (views.every((v) => v.state !== 'in' || v.liveIsAfter !== false)) return 'back'
  if (views.every((v) => v.state === 'in' || (v.state === 'out' && v.oldIsBefore !== false) || (v.state === 'before' && v.liveIsBefore !== false))) return 'forward'
  return 'stuck'
}

/**
 * Settle an interrupted (or just failed) update, as {@link decide} says.
 *
 * @param dest The vault.
 * @param staging Its working folder.
 * @param journal The journal.
 * @param check Called before each change (throws when the working folder is no longer ours).
 * @returns What was done. Afterwards `old/` holds nothing that is needed, unless the update was finished.
 * @throws VaultError when neither way is safe: then nothing was moved, and the message says where each version is.
 */
export function settle(dest: string, staging: string, journal: Journal, check: () => void): Settled {
  if (journal.status === 'staging') {
    // Nothing was moved yet (the swap starts after `staged`): whatever is in new/ is a partial copy.
    if (safeList(join(staging, 'old')).length > 0) throw stuck(dest, staging, journal, journal.parts.map((part, i) => locate(dest, staging, part, i)))
    check()
    clearNew(staging)
    return 'discarded'
  }
  const where = journal.parts.map((part, i) => locate(dest, staging, part, i))
  const views = journal.parts.map((part, i) => view(part, where[i] as Located))
  const direction = decide(journal.status, views)
  if (direction === 'stuck') throw stuck(dest, staging, journal, where)
  if (journal.status === 'committed') return 'finished'
  if (direction === 'back') {
    if (where.every((w) => w.state === 'before')) {
      check()
      clearNew(staging)
      return 'discarded'
    }
    for (let i = journal.parts.length - 1; i >= 0; i--) {
      const part = journal.parts[i] as Part
      const w = where[i] as Located
      if (w.state === 'in') move(check, w.live, w.fresh)
      if (w.state !== 'before' && part.existed) move(check, w.old, w.live)
    }
    check()
    clearNew(staging)
    return 'rolled-back'
  }
  journal.parts.forEach((part, i) => {
    const w = where[i] as Located
    if (w.state === 'before' && part.existed) move(check, w.live, w.old)
    if (w.state !== 'in') {
      if (!part.existed) mkdirSync(dirname(w.live), { recursive: true })
      move(check, w.fresh, w.live)
    }
  })
  check()
  writeJournal(staging, { ...journal, status: 'committed' })
  return 'rolled-forward'
}

interface Located {
  state: PartState
  live: string
  old: string
  fresh: string
}

function locate(dest: string, staging: string, part: Part, i: number): Located {
  const live = fsPath(dest, part.path)
  const old = join(staging, 'old', String(i))
  const fresh = join(staging, 'new', String(i))
  const [l, o, n] = [live, old, fresh].map((p) => kindAt(p) === 'folder')
  let state: PartState = 'unknown'
  if (part.existed) {
    if (!o && n && l) state = 'before'
    else if (o && n && !l && kindAt(live) === undefined) state = 'out'
    else if (o && !n && l) state = 'in'
  } else if (!o) {
    if (n && kindAt(live) === undefined) state = 'before'
    else if (!n && l) state = 'in'
  }
  return { state, live, old, fresh }
}

function view(part: Part, w: Located): PartView {
  const same = (path: string, expected: string | undefined): boolean | undefined => (expected === undefined ? undefined : folderDigest(path, part.hashLimit) === expected)
  if (w.state === 'before') return { state: w.state, ...opt('liveIsBefore', part.existed ? same(w.live, part.before) : true) }
  if (w.state === 'out') return { state: w.state, ...opt('oldIsBefore', same(w.old, part.before)) }
  if (w.state === 'in') return { state: w.state, ...opt('liveIsAfter', same(w.live, part.after)) }
  return { state: w.state }
}

function opt<K extends string>(key: K, value: boolean | undefined): Partial<Record<K, boolean>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, boolean>)
}

function move(check: () => void, from: string, to: string): void {
  check()
  try {
    renameSync(from, to)
  } catch (error) {
    throw fsFailure(error, `kan ${from} niet terugzetten naar`, to)
  }
}

function clearNew(staging: string): void {
  const dir = join(staging, 'new')
  for (const name of safeList(dir)) removeTree(join(dir, name))
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/** The message when neither way is safe: where each version is, and that nothing was thrown away. */
function stuck(dest: string, staging: string, journal: Journal, where: Located[]): VaultError {
  const lines = journal.parts.map((part, i) => {
    const w = where[i] as Located
    const has = (p: string): boolean => kindAt(p) !== undefined
    const found = [
      has(w.live) ? `in de kluis: ${w.live}` : `niet in de kluis`,
      has(w.old) ? `de oude versie: ${w.old}` : '',
      has(w.fresh) ? `de nieuwe versie: ${w.fresh}` : ''
    ].filter((x) => x !== '')
    return `  ${part.path}/: ${found.join('; ')}`
  })
  return new VaultError(
    `een onderbroken update van ${dest} kan niet veilig worden teruggedraaid of afgerond: er is sindsdien in de kluis gewerkt, of er staat iets onverwachts. Er is niets verplaatst of weggegooid. Zo staat het nu:\n${lines.join('\n')}\n` +
      `Zet zelf de versie terug die jullie willen houden (neem eventueel bestanden over uit de andere), verwijder daarna ${staging} en draai de update opnieuw.`
  )
}
