/**
 * Bringing a team vault up to date with a new library and plugin, without losing the team's work.
 *
 * What changes is decided by the three-way comparison of {@link planLibrary}. How it changes is built to
 * survive an interruption at any moment (an error, a full disk, a killed process, a closed laptop):
 *
 * 1. **Stage.** In `DEST/.praktijkwijzer-update/` (hidden, on the same disk as the vault) the complete new
 *    library folder and the complete new plugin folder are built: copies of the current ones (the team's
 *    own files included) with the plan applied, and the new manifest inside the plugin folder. The journal
 *    `journal.json` says `staging`, then, once every file is written and flushed, `staged`.
 * 2. **Swap.** For each of the two folders: rename the live folder into `old/`, rename the new one into
 *    place. Each rename is atomic; the journal says which folders take part and whether they existed.
 * 3. **Commit.** The journal says `committed`: from here on the new state counts. Then `old/` and the
 *    working folder are removed.
 *
 * When something fails before the commit, the swap is undone at once (the old folders are renamed back).
 * When the process dies, the next run finds the working folder and, by the journal, throws away an
 * unfinished staging (`staging`), undoes a partial swap (`staged`: the old folders come back, exactly as
 * they were) or finishes the clean-up (`committed`), before it does anything else. So the vault is always
 * the old state or the new one, never a mix; at worst, between two renames of a killed run, one folder is
 * briefly missing until the next run puts it back.
 *
 * Nothing outside the library folder and the plugin folder is ever written, except the working folder.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { UsageError } from '../args.js'
import { MANIFEST_FILE, pluginFolder, STAGING_DIR, type Sources } from './layout.js'
import { isSafePath, manifestText, readManifest, type FileHashes, type Manifest } from './manifest.js'
import { changesFiles, planLibrary, type Plan } from './plan.js'
import { pluginHashes, readLibrary, readPluginBuild } from './sources.js'
import { fsPath, hashTree, isDirectory, replaceFileAtomically, sha256, syncTree, VaultError } from './tree.js'

/** The moments of an update at which a test can make it fail (see {@link Options.fault}). */
export const STEPS = ['staged', 'library-out', 'library-in', 'plugin-out', 'plugin-in', 'committed'] as const

/** One of {@link STEPS}. */
export type Step = (typeof STEPS)[number]

/** Options for {@link updateVault}. */
export interface Options {
  /** Only work out what would happen; change nothing (default: false). */
  dryRun?: boolean
  /** Bring back library notes the team deleted (default: false). */
  restoreDeleted?: boolean
  /** The time recorded in the manifest (default: now). */
  now?: Date
  /** Flush the staged files to the disk before the swap (default: true). */
  durable?: boolean
  /** For tests: called as each step is reached; what it throws, or a crash it causes, happens right there. */
  fault?: (step: Step) => void
}

/** What happened to the plugin. */
export interface PluginUpdate {
  from: string
  to: string
  /** The plugin's files that were (or would be) written. */
  files: string[]
}

/** What an earlier, interrupted update left and what was done about it. */
export type Recovery = 'none' | 'discarded' | 'rolled-back' | 'finished'

/** What {@link updateVault} did (or, in a dry run, would do). */
export interface Updated {
  dest: string
  /** The library folder in the vault. */
  libraryFolder: string
  plan: Plan
  plugin: PluginUpdate
  /** Whether the vault changed. */
  changed: boolean
  recovered: Recovery
}

type PartName = 'library' | 'plugin'

/** One folder that is swapped. */
interface Part {
  name: PartName
  /** Vault path of the folder. */
  path: string
  /** Whether it existed before the update. */
  existed: boolean
}

interface Journal {
  pid: number
  status: 'staging' | 'staged' | 'committed'
  parts: Part[]
}

const JOURNAL = 'journal.json'

/**
 * Update a vault made by `praktijkwijzer vault` to a new library and plugin.
 *
 * @param dest The vault folder.
 * @param sources The new library and plugin build (the template is not used: updates never touch it).
 * @param options Dry run, restoring deleted notes, time, durability, fault injection.
 * @throws UsageError when `dest` is not a folder.
 * @throws VaultError when it is not such a vault, the plugin is not built, another update is running, or
 *   the update failed (and was undone).
 */
export function updateVault(dest: string, sources: Sources, options: Options = {}): Updated {
  if (!isDirectory(dest)) throw new UsageError(`de kluis ${dest} bestaat niet of is geen map`)
  const build = readPluginBuild(sources.plugin)
  const staging = join(dest, STAGING_DIR)
  let recovered: Recovery = 'none'
  if (existsSync(staging)) {
    if (options.dryRun) {
      throw new VaultError(`in ${dest} staat een onderbroken update (${STAGING_DIR}/). Draai de opdracht zonder --dry-run: die zet eerst de kluis terug zoals hij was.`)
    }
    recovered = recover(dest)
  }

  const manifest = readManifest(fsPath(dest, `${pluginFolder(build.id)}/${MANIFEST_FILE}`))
  const upstream = readLibrary(sources.library)
  const libraryDir = fsPath(dest, manifest.library.folder)
  const pluginDir = fsPath(dest, manifest.plugin.folder)
  const plan = planLibrary(new Map(Object.entries(manifest.library.files)), hashTree(libraryDir), upstream.hashes, options)

  const newPlugin = pluginHashes(build)
  const pluginFiles = [...newPlugin].filter(([name, hash]) => fileHash(join(pluginDir, name)) !== hash).map(([name]) => name)
  const plugin: PluginUpdate = { from: manifest.plugin.version, to: build.version, files: pluginFiles }
  const next: Manifest = {
    ...manifest,
    updated: (options.now ?? new Date()).toISOString(),
    library: { folder: manifest.library.folder, files: Object.fromEntries(upstream.hashes) },
    plugin: { id: build.id, version: build.version, folder: manifest.plugin.folder, files: Object.fromEntries(newPlugin) }
  }
  const libraryChanges = changesFiles(plan)
  const manifestChanges = !sameHashes(manifest.library.files, next.library.files) || !sameHashes(manifest.plugin.files, next.plugin.files) || manifest.plugin.version !== build.version
  const result: Updated = { dest, libraryFolder: manifest.library.folder, plan, plugin, changed: false, recovered }
  if (options.dryRun || (!libraryChanges && pluginFiles.length === 0 && !manifestChanges)) return result

  const parts: Part[] = []
  if (libraryChanges) parts.push({ name: 'library', path: manifest.library.folder, existed: isDirectory(libraryDir) })
  // The plugin folder always takes part: it carries the new manifest.
  parts.push({ name: 'plugin', path: manifest.plugin.folder, existed: isDirectory(pluginDir) })
  const fault = options.fault ?? (() => undefined)

  try {
    mkdirSync(staging)
  } catch {
    throw new VaultError(`er loopt al een update van deze kluis (de map ${STAGING_DIR}/ bestaat). Probeer het straks opnieuw.`)
  }
  const journal: Journal = { pid: process.pid, status: 'staging', parts }
  try {
    writeJournal(staging, journal)
    parts.forEach((part, i) => {
      const target = join(staging, 'new', String(i))
      const live = fsPath(dest, part.path)
      if (part.existed) cpSync(live, target, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true })
      else mkdirSync(target, { recursive: true })
      if (part.name === 'library') applyPlan(target, plan, upstream.bytes)
      else {
        for (const name of pluginFiles) writeFileSync(join(target, name), build.files.get(name) as Buffer)
        writeFileSync(join(target, MANIFEST_FILE), manifestText(next))
      }
    })
    if (options.durable ?? true) syncTree(join(staging, 'new'))
    writeJournal(staging, { ...journal, status: 'staged' })
    fault('staged')

    parts.forEach((part, i) => {
      const live = fsPath(dest, part.path)
      if (part.existed) {
        mkdirSync(join(staging, 'old'), { recursive: true })
        renameSync(live, join(staging, 'old', String(i)))
      }
      fault(`${part.name}-out`)
      mkdirSync(dirname(live), { recursive: true })
      renameSync(join(staging, 'new', String(i)), live)
      fault(`${part.name}-in`)
    })
    writeJournal(staging, { ...journal, status: 'committed' })
  } catch (error) {
    try {
      recover(dest)
    } catch (again) {
      throw new VaultError(`bijwerken mislukt (${reason(error)}) en terugzetten ook (${reason(again)}). De oude mappen staan in ${join(staging, 'old')}; zet ze met de hand terug.`)
    }
    throw new VaultError(`bijwerken mislukt (${reason(error)}); de kluis is teruggezet zoals hij was.`)
  }
  try {
    fault('committed')
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  return { ...result, changed: true }
}

/**
 * Put right what an interrupted update left in a vault: an unfinished staging is thrown away, a partial
 * swap is undone, a committed update is cleaned up. Does nothing when there is nothing to put right.
 *
 * @param dest The vault folder.
 * @returns What was found and done.
 * @throws VaultError when another update of the vault is still running.
 */
export function recover(dest: string): Recovery {
  const staging = join(dest, STAGING_DIR)
  if (!existsSync(staging)) return 'none'
  const journal = readJournal(staging)
  if (journal && journal.pid !== process.pid && alive(journal.pid)) {
    throw new VaultError(`er loopt al een update van deze kluis (proces ${journal.pid}). Wacht tot die klaar is; loopt er echt geen, verwijder dan de map ${staging}.`)
  }
  let outcome: Recovery = 'discarded'
  if (journal?.status === 'staged') {
    rollBack(dest, staging, journal.parts)
    outcome = 'rolled-back'
  } else if (journal?.status === 'committed') {
    outcome = 'finished'
  }
  rmSync(staging, { recursive: true, force: true })
  return outcome
}

/** Undo a partial swap, last folder first: the new folder goes back to `new/`, the old one back in place. */
function rollBack(dest: string, staging: string, parts: Part[]): void {
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i] as Part
    const live = fsPath(dest, part.path)
    const old = join(staging, 'old', String(i))
    const fresh = join(staging, 'new', String(i))
    if (existsSync(old)) {
      if (existsSync(live)) {
        rmSync(fresh, { recursive: true, force: true })
        renameSync(live, fresh)
      }
      renameSync(old, live)
    } else if (!part.existed && !existsSync(fresh) && existsSync(live)) {
      renameSync(live, fresh)
    }
  }
}

/** Apply the plan to a copy of the library folder: removals first (a case-only rename stays safe), then writes. */
function applyPlan(dir: string, plan: Plan, upstream: ReadonlyMap<string, Buffer>): void {
  for (const path of plan.removed) {
    rmSync(fsPath(dir, path), { force: true })
    pruneEmptyParents(dir, path)
  }
  const write = (path: string, data: Buffer): void => {
    const target = fsPath(dir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, data)
  }
  for (const path of [...plan.added, ...plan.updated, ...plan.restored]) write(path, upstream.get(path) as Buffer)
  for (const c of plan.conflicts) if (c.write) write(c.beside, upstream.get(c.path) as Buffer)
}

/** Remove the folders of a removed file that it left empty, up to (not including) the root. */
function pruneEmptyParents(root: string, path: string): void {
  const parts = path.split('/').slice(0, -1)
  while (parts.length > 0) {
    const dir = fsPath(root, parts.join('/'))
    if (!isDirectory(dir) || readdirSync(dir).length > 0) return
    rmdirSync(dir)
    parts.pop()
  }
}

function writeJournal(staging: string, journal: Journal): void {
  replaceFileAtomically(join(staging, JOURNAL), `${JSON.stringify(journal, null, 2)}\n`)
}

function readJournal(staging: string): Journal | undefined {
  try {
    const data = JSON.parse(readFileSync(join(staging, JOURNAL), 'utf8')) as Journal
    const okPart = (p: Part): boolean => (p.name === 'library' || p.name === 'plugin') && typeof p.path === 'string' && isSafePath(p.path) && typeof p.existed === 'boolean'
    if (typeof data.pid === 'number' && ['staging', 'staged', 'committed'].includes(data.status) && Array.isArray(data.parts) && data.parts.every(okPart)) return data
  } catch {
    // missing or half-written: the staging never finished
  }
  return undefined
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function fileHash(path: string): string | undefined {
  try {
    return sha256(readFileSync(path))
  } catch {
    return undefined
  }
}

function sameHashes(a: FileHashes, b: FileHashes): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
