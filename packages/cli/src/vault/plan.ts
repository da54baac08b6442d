/**
 * The three-way comparison behind `praktijkwijzer vault --update`, as a pure function over content hashes.
 *
 * For every path it compares three versions: the **base** (what was installed last time, from the
 * manifest), the **local** file (what is in the vault now) and the **upstream** file (the new library).
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
 * Where local and upstream are already equal nothing is written. The new base is simply the upstream
 * list: a conflict counts as delivered (its new version stands beside the note), and a note the team
 * deleted stays listed, so that it is not mistaken for a new note next time.
 */
import { compare } from './tree.js'

/** Path → SHA-256. */
export type Hashes = ReadonlyMap<string, string>

/** Options for {@link planLibrary}. */
export interface Options {
  /** Bring back notes the team deleted (default: false). */
  restoreDeleted?: boolean
}

/** A conflict: the team's note stays; the new version goes beside it. */
export interface Conflict {
  path: string
  /** Where the new version goes. */
  beside: string
  /** False when that file is already there with the new version (from an earlier update). */
  write: boolean
}

/** What an update does to the library folder. All paths are relative to it. */
export interface Plan {
  /** New in the library; written. */
  added: string[]
  /** Changed in the library, never changed by the team; overwritten. */
  updated: string[]
  /** Deleted by the team, brought back on request; written. */
  restored: string[]
  /** Changed on both sides; the new version is written beside. */
  conflicts: Conflict[]
  /** Gone from the library, never changed by the team; deleted. */
  removed: string[]
  /** Changed by the team, unchanged in the library; left alone. */
  keptChanged: string[]
  /** Changed by the team, gone from the library; left alone (and no longer tracked). */
  keptRemoved: string[]
  /** Deleted by the team and still in the library; left deleted. */
  stayDeleted: string[]
  /** How many notes are the same in the vault and in the library. */
  unchanged: number
}

/**
 * Decide what to do with every file of the library folder.
 *
 * @param base What was installed last time (the manifest).
 * @param local What is in the vault's library folder now.
 * @param upstream The new library.
 * @param options Whether to restore deleted notes.
 * @returns The plan; paths in each list sorted.
 */
export function planLibrary(base: Hashes, local: Hashes, upstream: Hashes, options: Options = {}): Plan {
  const plan: Plan = { added: [], updated: [], restored: [], conflicts: [], removed: [], keptChanged: [], keptRemoved: [], stayDeleted: [], unchanged: 0 }
  const paths = [...new Set([...base.keys(), ...local.keys(), ...upstream.keys()])].sort(compare)
  const conflicting: string[] = []

  for (const path of paths) {
    const b = base.get(path)
    const l = local.get(path)
    const u = upstream.get(path)
    if (u === undefined) {
      if (b === undefined || l === undefined) continue // the team's own file, or gone on both sides
      if (l === b) plan.removed.push(path)
      else plan.keptRemoved.push(path)
      continue
    }
    if (l === u) {
      plan.unchanged++
      continue
    }
    if (l === undefined) {
      if (b === undefined) plan.added.push(path)
      else if (options.restoreDeleted) plan.restored.push(path)
      else plan.stayDeleted.push(path)
      continue
    }
    if (b === l) plan.updated.push(path)
    else if (b === u) plan.keptChanged.push(path)
    else conflicting.push(path)
  }

  // On a case-insensitive disk (Windows, macOS) a new note whose name differs from a kept file only in case
  // would overwrite it: deliver it beside the kept file instead.
  const removed = new Set(plan.removed)
  const keptLower = new Set([...local.keys()].filter((p) => !removed.has(p)).map((p) => p.toLowerCase()))
  for (const list of [plan.added, plan.restored]) {
    for (const path of [...list]) {
      if (keptLower.has(path.toLowerCase())) {
        list.splice(list.indexOf(path), 1)
        conflicting.push(path)
      }
    }
  }

  const taken = new Set([...local.keys(), ...upstream.keys()].map((p) => p.toLowerCase()))
  for (const path of conflicting.sort(compare)) {
    const u = upstream.get(path) as string
    const { beside, write } = besideName(path, u, local, taken)
    taken.add(beside.toLowerCase())
    plan.conflicts.push({ path, beside, write })
  }
  return plan
}

/**
 * Where the new version of a conflicting note goes: `Naam (nieuwe versie).md`, or `Naam (nieuwe versie 2).md`
 * when that name is taken by something else. A file that already holds exactly the new version is reused.
 */
function besideName(path: string, hash: string, local: Hashes, taken: Set<string>): { beside: string; write: boolean } {
  const slash = path.lastIndexOf('/')
  const dir = path.slice(0, slash + 1)
  const file = path.slice(slash + 1)
  const dot = file.lastIndexOf('.')
  const stem = dot > 0 ? file.slice(0, dot) : file
  const ext = dot > 0 ? file.slice(dot) : ''
  for (let n = 1; ; n++) {
    const candidate = `${dir}${stem} (nieuwe versie${n === 1 ? '' : ` ${n}`})${ext}`
    if (local.get(candidate) === hash) return { beside: candidate, write: false }
    if (!taken.has(candidate.toLowerCase())) return { beside: candidate, write: true }
  }
}

/** Whether the plan changes any file of the library folder. */
export function changesFiles(plan: Plan): boolean {
  return plan.added.length + plan.updated.length + plan.restored.length + plan.removed.length + plan.conflicts.filter((c) => c.write).length > 0
}
