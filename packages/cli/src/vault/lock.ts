/**
 * The lock that keeps two updates of one vault apart, and the working folder it guards.
 *
 * The working folder `.praktijkwijzer-update/` is made complete elsewhere (`.praktijkwijzer-update-<token>/`,
 * with `lock/owner.json` naming its owner and an empty journal) and renamed into place: one atomic step,
 * so there is never a moment when it exists without its owner. A second run finds it and refuses while the
 * owner lives. An owner is a process id on a computer with the moment that process started, so a process
 * id that was reused after a crash or a restart is not mistaken for the owner. An owner that is gone is
 * replaced by renaming its `lock/` away and the new one into place (again one atomic step each), so two runs
 * that both find a dead owner cannot both take over. The folder is released by renaming it away whole
 * before it is removed.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { errorCode, fsFailure, VaultError } from './errors.js'
import { STAGING_DIR } from './layout.js'
import { isDirectory, kindAt, removeTree, replaceFileAtomically, syncPath, writeFileDurably } from './tree.js'

/** Who holds the lock. */
export interface Owner {
  /** Unique for each run. */
  token: string
  pid: number
  host: string
  /** When the process started, where the system tells (Linux); otherwise absent. */
  start?: string
}

/** Whether an owner still runs: yes, no, or on another computer (cannot tell). */
export type Liveness = 'alive' | 'dead' | 'elsewhere'

const LOCK = 'lock'
const OWNER = 'owner.json'

/** A new owner for this run. */
export function newOwner(): Owner {
  const start = processStart(process.pid)
  return { token: randomBytes(8).toString('hex'), pid: process.pid, host: hostname(), ...(start === undefined ? {} : { start }) }
}

/**
 * When a process started, as the system says (Linux: boot id and start time in clock ticks), or undefined
 * where the system does not tell.
 *
 * @param pid The process.
 */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may hold spaces: count the fields after it.
    const field = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    return field === undefined ? undefined : `${boot}:${field}`
  } catch {
    return undefined
  }
}

/**
 * Whether the owner of a lock still runs. A process id that exists but started at another moment than the
 * owner did is a reused id: the owner is gone. A process of another user counts as alive.
 *
 * @param owner The owner.
 */
export function liveness(owner: Owner): Liveness {
  if (owner.host !== hostname()) return 'elsewhere'
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if (errorCode(error) !== 'EPERM') return 'dead'
  }
  if (owner.start !== undefined) {
    const start = processStart(owner.pid)
    if (start !== undefined && start !== owner.start) return 'dead'
  }
  return 'alive'
}

/**
 * Make the working folder with its owner and first journal, in one step.
 *
 * @param dest The vault.
 * @param owner This run.
 * @param journal The journal's first text.
 * @returns Whether the folder is now ours (false: one is already there).
 * @throws VaultError when the vault cannot be written.
 */
export function createStaging(dest: string, owner: Owner, journal: string): boolean {
  const tmp = join(dest, `${STAGING_DIR}-${owner.token}`)
  const staging = join(dest, STAGING_DIR)
  try {
    mkdirSync(tmp)
  } catch (error) {
    throw fsFailure(error, 'kan geen werkmap maken in de kluis:', dest)
  }
  try {
    mkdirSync(join(tmp, LOCK))
    writeFileDurably(join(tmp, LOCK, OWNER), `${JSON.stringify(owner)}\n`)
    for (const dir of ['new', 'old']) mkdirSync(join(tmp, dir))
    writeFileDurably(join(tmp, 'journal.json'), journal)
    syncPath(tmp)
  } catch (error) {
    removeTree(tmp)
    throw fsFailure(error, 'kan geen werkmap maken in de kluis:', dest)
  }
  if (kindAt(staging) !== undefined) {
    removeTree(tmp)
    return false
  }
  try {
    renameSync(tmp, staging)
  } catch (error) {
    removeTree(tmp)
    if (kindAt(staging) !== undefined) return false
    throw fsFailure(error, 'kan geen werkmap maken in de kluis:', dest)
  }
  syncPath(dest)
  return true
}

/** The owner named in a working folder's lock, or undefined when there is no readable lock. */
export function readOwner(staging: string): Owner | undefined {
  try {
    const data = JSON.parse(readFileSync(join(staging, LOCK, OWNER), 'utf8')) as Partial<Owner>
    if (typeof data.token === 'string' && typeof data.pid === 'number' && typeof data.host === 'string' && (data.start === undefined || typeof data.start === 'string')) {
      return data as Owner
    }
  } catch {
    // no lock, or not one of ours
  }
  return undefined
}

/** Whether a lock is being handed over right now (a `lock-*` folder beside a missing `lock/`). */
export function handingOver(staging: string): boolean {
  try {
    return readdirSync(staging).some((name) => name.startsWith(`${LOCK}-`))
  } catch {
    return false
  }
}

/**
 * Check that the working folder is still ours before changing anything in the vault.
 *
 * @throws VaultError when another run has taken it over.
 */
export function assertOwner(staging: string, owner: Owner): void {
  if (readOwner(staging)?.token !== owner.token) {
    throw new VaultError(`een andere run heeft deze update overgenomen (${join(staging, LOCK, OWNER)} noemt een andere eigenaar); deze run verandert niets meer.`)
  }
}

/**
 * Take over the working folder of an owner that is gone.
 *
 * @param staging The working folder.
 * @param gone The owner found there (undefined: a working folder of an older version, without a lock).
 * @param owner This run.
 * @returns Whether it is now ours (false: another run was quicker).
 */
export function takeOver(staging: string, gone: Owner | undefined, owner: Owner): boolean {
  const fresh = join(staging, `${LOCK}-${owner.token}`)
  try {
    mkdirSync(fresh)
    writeFileDurably(join(fresh, OWNER), `${JSON.stringify(owner)}\n`)
  } catch (error) {
    removeTree(fresh)
    throw fsFailure(error, 'kan de werkmap niet overnemen:', staging)
  }
  if (gone !== undefined) {
    const aside = join(staging, `${LOCK}-weg-${owner.token}`)
    try {
      renameSync(join(staging, LOCK), aside)
    } catch {
      removeTree(fresh)
      return false
    }
    const moved = readOwnerAt(join(aside, OWNER))
    if (moved?.token !== gone.token) {
      // Not the lock we judged: put it back and let its owner be.
      try {
        renameSync(aside, join(staging, LOCK))
      } catch {
        // the other run has already put its own in place
      }
      removeTree(fresh)
      return false
    }
    removeTree(aside)
  } else if (kindAt(join(staging, LOCK)) !== undefined) {
    removeTree(fresh)
    return false
  }
  try {
    renameSync(fresh, join(staging, LOCK))
  } catch {
    removeTree(fresh)
    return false
  }
  return true
}

function readOwnerAt(path: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Owner
  } catch {
    return undefined
  }
}

/**
 * Release the working folder: rename it away whole (so the next run finds no lock), then remove it.
 *
 * @param dest The vault.
 * @param owner This run.
 */
export function releaseStaging(dest: string, owner: Owner): void {
  const staging = join(dest, STAGING_DIR)
  assertOwner(staging, owner)
  const gone = join(dest, `${STAGING_DIR}-weg-${owner.token}`)
  try {
    renameSync(staging, gone)
  } catch (error) {
    throw fsFailure(error, 'kan de werkmap niet opruimen:', staging)
  }
  try {
    removeTree(gone)
  } catch {
    // A leftover that the next run removes (see cleanLeftovers).
  }
}

/**
 * Remove what earlier runs left beside the working folder: released folders that could not be removed, and
 * folders of runs that died before their working folder was in place. Anything else is left alone.
 *
 * @param dest The vault.
 */
export function cleanLeftovers(dest: string): void {
  let names: string[]
  try {
    names = readdirSync(dest)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(`${STAGING_DIR}-`)) continue
    const dir = join(dest, name)
    if (!isDirectory(dir)) continue
    const owner = readOwner(dir)
    if (owner === undefined) continue
    const released = name === `${STAGING_DIR}-weg-${owner.token}`
    const unborn = name === `${STAGING_DIR}-${owner.token}` && liveness(owner) === 'dead' && isEmptyDir(join(dir, 'old'))
    if (released || unborn) {
      try {
        removeTree(dir)
      } catch {
        // try again next time
      }
    }
  }
}

function isEmptyDir(path: string): boolean {
  try {
    return readdirSync(path).length === 0
  } catch {
    return false
  }
}

/** Replace the journal of the working folder (atomically; never recreates the folder). */
export function writeJournalText(staging: string, text: string): void {
  replaceFileAtomically(join(staging, 'journal.json'), text)
}
