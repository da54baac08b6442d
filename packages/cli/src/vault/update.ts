/**
 * Bringing a team vault up to date with a new library and plugin, without losing the team's work.
 *
 * What changes is decided by the three-way comparison of {@link planLibrary}. How it changes is built to
 * survive an interruption at any moment (an error, a full disk, a killed process, a closed laptop) and a
 * second run at the same time:
 *
 * 1. **Lock.** The working folder `DEST/.praktijkwijzer-update/` appears in one step with its owner inside
 *    (see `lock.ts`); a second run refuses while the owner runs. Only then is anything read for the plan.
 * 2. **Stage.** In `new/` the complete new library folder and the complete new plugin folder are built:
 *    copies of the current ones (the team's own files included) with the plan applied, and the new manifest
 *    inside the plugin folder. Nothing is ever written through a symbolic link. The journal records a
 *    digest of each folder as planned and as staged, and says `staged` once every file is flushed.
 * 3. **Check.** If anything in the live folders changed since the plan was made (a sync client, git, a
 *    colleague), the staging is thrown away and the update is planned again with those changes (at most
 *    three times). The same check runs again on each folder right after it is moved out.
 * 4. **Swap.** For each of the two folders: rename the live folder into `old/`, rename the new one into
 *    place. Before each rename the run checks that the working folder is still its own.
 * 5. **Commit.** The journal says `committed`; the working folder (with `old/`) is released and removed.
 *
 * When something fails before the commit, the swap is undone at once. When the process dies, the next run
 * settles what it finds (see `journal.ts`): rolled back, or finished when the new folder was already worked
 * in. Nothing outside the library folder and the plugin folder is ever written, except the working folder.
 *
 * (Over 300 lines: the steps above belong together, and each helper is only used here.)
 */
import { accessSync, constants, mkdirSync, readdirSync, realpathSync, renameSync, rmdirSync, unlinkSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { changesFiles, planLibrary, type LocalEntry, type Plan } from '@praktijkwijzer/core'
import { describe as describeError, fsFailure, VaultError } from './errors.js'
import { folderDigest, readJournal, settle, writeJournal, type Journal, type Part, type Settled } from './journal.js'
import { LIBRARY_FOLDER, MANIFEST_FILE, PLUGIN_DATA_FILE, PLUGIN_FILES, pluginFolder, STAGING_DIR, type Sources } from './layout.js'
import { assertOwner, cleanLeftovers, createStaging, handingOver, liveness, newOwner, readOwner, releaseStaging, takeOver, type Liveness, type Owner } from './lock.js'
import { createManifest, manifestText, readManifest, type FileHashes, type Manifest } from './manifest.js'
import { libraryVersion, pluginHashes, readLibrary, readPluginBuild, type PluginBuild, type Snapshot } from './sources.js'
import { copyInto, differences, digest, fileHashes, fsPath, isDirectory, kindAt, kindName, readFileNoFollow, scan, syncTree, writeInside, type Entry } from './tree.js'

/** The moments of an update at which a test can make it fail, crash or pause (see {@link Options.fault}). */
export const STEPS = ['start', 'locked', 'copied', 'staged', 'library-out', 'library-in', 'plugin-out', 'plugin-in', 'committed'] as const

/** One of {@link STEPS}. */
export type Step = (typeof STEPS)[number]

/** Options for {@link updateVault}. */
export interface Options {
  /** Only work out what would happen; change nothing (default: false). */
  dryRun?: boolean
  /** Bring back library notes the team deleted (default: false). */
  restoreDeleted?: boolean
  /**
   * Take over a vault whose `installatie.json` is missing or damaged, conservatively: every note that differs
   * from the new library counts as changed by the team (default: false).
   */
  adopt?: boolean
  /** The time recorded in the manifest (default: now). */
  now?: Date
  /** Flush the staged files to the disk before the swap (default: true). */
  durable?: boolean
  /** Largest file in the vault's library folder that is hashed (default 64 MiB; larger ones count as the team's). */
  hashLimit?: number
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
export type Recovery = 'none' | Settled

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
  /** Whether the vault was taken over without a usable `installatie.json`. */
  adopted: boolean
  /** Vault paths that changed while the update was being staged, so that it was planned again. */
  replanned: string[]
}

/** Everything an update needs, read after the lock is taken. */
interface Prepared {
  manifest: Manifest
  next: Manifest
  plan: Plan
  pluginFiles: string[]
  adopted: boolean
  library: { dir: string; scan: Map<string, Entry> }
  plugin: { dir: string; scan: Map<string, Entry> }
  /** Whether anything is to be written (files or the manifest). */
  work: boolean
}

const ATTEMPTS = 3

/**
 * Update a vault made by `praktijkwijzer vault` to a new library and plugin.
 *
 * @param dest The vault folder.
 * @param sources The new library and plugin build (the template is not used: updates never touch it).
 * @param options Dry run, restoring deleted notes, adoption, time, durability, fault injection.
 * @throws VaultError when `dest` is not such a vault (a usage error when it is no folder), the plugin is
 *   not built, another update is running, something in the way must be resolved first, or the update
 *   failed (and was undone).
 */
export function updateVault(dest: string, sources: Sources, options: Options = {}): Updated {
  if (kindAt(dest) !== 'folder') throw new VaultError(`de kluis ${dest} bestaat niet of is geen map`, { usage: true })
  const build = readPluginBuild(sources.plugin)
  guardLibrarySource(dest, sources.library)
  const staging = join(dest, STAGING_DIR)
  let recovered: Recovery = 'none'
  if (kindAt(staging) !== undefined) {
    if (options.dryRun) throw interruptedForDryRun(dest, staging)
    recovered = recoverVault(dest)
  }
  const upstream = readLibrary(sources.library)
  if (options.dryRun) {
    const p = prepare(dest, build, upstream, options)
    return result(dest, p, build, recovered, false, [])
  }
  cleanLeftovers(dest)
  const fault = options.fault ?? (() => undefined)
  try {
    fault('start')
  } catch (error) {
    throw error instanceof VaultError ? error : new VaultError(`bijwerken mislukt (${describeError(error)}); de kluis is niet veranderd.`)
  }

  const owner = newOwner()
  if (!createStaging(dest, owner, journalText0())) throw busy(dest, staging, readOwner(staging))
  const replanned: string[] = []
  try {
    fault('locked')
    for (let attempt = 1; ; attempt++) {
      const p = prepare(dest, build, upstream, options)
      if (!p.work) {
        releaseStaging(dest, owner)
        return result(dest, p, build, recovered, false, replanned)
      }
      checkWritable(dest, p)
      const outcome = stageAndSwap(dest, staging, owner, p, upstream, build, options, fault)
      if (outcome.length === 0) return result(dest, p, build, recovered, true, replanned)
      replanned.push(...outcome.filter((path) => !replanned.includes(path)))
      if (attempt === ATTEMPTS) {
        releaseStaging(dest, owner)
        throw new VaultError(
          `tijdens het bijwerken bleven er bestanden veranderen (${list(replanned)}). Sluit Obsidian en andere programma's die in de kluis schrijven (een synchronisatieprogramma, git) en probeer het opnieuw. De kluis is niet veranderd.`
        )
      }
    }
  } catch (error) {
    throw failed(dest, staging, owner, error)
  }
}

/**
 * Put right what an interrupted update left in a vault (see `journal.ts`). Does nothing when there is
 * nothing to put right.
 *
 * @param dest The vault folder.
 * @param options `force`: do it even though the update's process seems to run (the user knows it does not).
 * @returns What was found and done.
 * @throws VaultError when another update of the vault is still running, the working folder is not ours,
 *   or the update can be neither undone nor finished safely (then nothing is moved).
 */
export function recoverVault(dest: string, options: { force?: boolean } = {}): Recovery {
  const staging = join(dest, STAGING_DIR)
  const kind = kindAt(staging)
  if (kind === undefined) return 'none'
  if (kind !== 'folder') throw notOurs(staging, `het is een ${kindName(kind)}`)
  const found = readOwner(staging)
  const journal = readJournal(staging)
  if (found === undefined && journal?.pid === undefined) {
    if (handingOver(staging)) throw busy(dest, staging)
    throw notOurs(staging, readdirSync(staging).length === 0 ? 'de map is leeg' : 'er staat geen journaal van een update in')
  }
  const gone: Owner = found ?? { token: 'legacy', pid: journal?.pid as number, host: hostname() }
  const state: Liveness = liveness(gone)
  if (state !== 'dead' && !options.force) throw busy(dest, staging, gone, state)
  const me = newOwner()
  if (!takeOver(staging, found, me)) throw busy(dest, staging)
  const check = (): void => assertOwner(staging, me)
  let outcome: Settled
  if (journal === undefined) {
    if (hasEntries(join(staging, 'old'))) throw new VaultError(`het journaal in ${staging} is onleesbaar terwijl ${join(staging, 'old')} nog mappen bevat; er is niets verplaatst. Zet de mappen uit old/ zelf terug op hun plek in de kluis.`)
    outcome = settle(dest, staging, { status: 'staging', parts: [] }, check)
  } else {
    outcome = settle(dest, staging, journal, check)
  }
  releaseStaging(dest, me)
  return outcome
}

/** Read the manifest, scan the live folders and plan. Changes nothing. */
function prepare(dest: string, build: PluginBuild, upstream: Snapshot, options: Options): Prepared {
  const pluginRel = pluginFolder(build.id)
  checkWay(dest, LIBRARY_FOLDER)
  checkWay(dest, pluginRel)
  const pluginDir = fsPath(dest, pluginRel)
  const pluginScan = scan(pluginDir, { hidden: true })
  for (const name of [...PLUGIN_FILES, MANIFEST_FILE]) {
    const e = pluginScan.get(name)
    if (e !== undefined && e.kind !== 'file') {
      throw new VaultError(
        `${pluginRel}/${name} in de kluis is een ${kindName(e.kind)}, geen gewoon bestand. Bijwerken schrijft nooit via een koppeling of over een map heen: vervang het door een gewoon bestand (of verwijder het) en probeer het opnieuw. Er is niets veranderd.`
      )
    }
  }
  const read = readManifest(fsPath(dest, `${pluginRel}/${MANIFEST_FILE}`), build.id)
  const now = (options.now ?? new Date()).toISOString()
  let manifest: Manifest
  if (read.ok) {
    if (options.adopt) throw new VaultError(`deze kluis heeft een geldige ${MANIFEST_FILE}: --adopt is alleen voor een kluis waarin die ontbreekt of beschadigd is. Werk bij met --update.`, { usage: true })
    manifest = read.manifest
  } else if (options.adopt) {
    manifest = createManifest({ created: now, updated: now, library: { folder: LIBRARY_FOLDER, files: {} }, plugin: { id: build.id, version: 'onbekend', folder: pluginRel, files: {} }, template: { files: {} } })
  } else {
    throw new VaultError(
      `${read.message} Er is niets veranderd. Zet een reservekopie van het bestand terug, of neem de kluis voorzichtig over met \`praktijkwijzer vault ${dest} --update --adopt\` (eerst met --dry-run): elke notitie die afwijkt van de nieuwe kennisbank blijft dan staan, met de nieuwe versie ernaast.`
    )
  }
  const libraryDir = fsPath(dest, LIBRARY_FOLDER)
  const libraryScan = scan(libraryDir, { hidden: true, ...(options.hashLimit === undefined ? {} : { hashLimit: options.hashLimit }) })
  for (const [scanned, rel] of [[libraryScan, LIBRARY_FOLDER], [pluginScan, pluginRel]] as const) {
    const odd = [...scanned].filter(([, e]) => e.kind === 'other').map(([path]) => `${rel}/${path}`)
    if (odd.length > 0) {
      throw new VaultError(
        `${list(odd)} ${odd.length === 1 ? 'is een bijzonder bestand' : 'zijn bijzondere bestanden'} (een FIFO, socket of apparaat), geen gewoon bestand of map: bijwerken kan ${odd.length === 1 ? 'het' : 'ze'} niet veilig kopiëren. Zet ${odd.length === 1 ? 'het' : 'ze'} buiten de kluis en probeer het opnieuw. Er is niets veranderd.`
      )
    }
  }
  const local = new Map<string, LocalEntry>([...libraryScan].filter(([path]) => !path.split('/').some((p) => p.startsWith('.'))))
  const plan = planLibrary(new Map(Object.entries(manifest.library.files)), local, upstream.hashes, options)

  const newPlugin = pluginHashes(build)
  const pluginFiles = [...newPlugin].filter(([name, hash]) => fileHashes(pluginScan).get(name) !== hash).map(([name]) => name)
  const next: Manifest = {
    ...manifest,
    updated: now,
    library: { folder: LIBRARY_FOLDER, files: Object.fromEntries(plan.record) },
    plugin: { id: build.id, version: build.version, folder: pluginRel, files: Object.fromEntries(newPlugin) }
  }
  const manifestChanges = !read.ok || !sameHashes(manifest.library.files, next.library.files) || !sameHashes(manifest.plugin.files, next.plugin.files) || manifest.plugin.version !== build.version
  return {
    manifest,
    next,
    plan,
    pluginFiles,
    adopted: !read.ok,
    library: { dir: libraryDir, scan: libraryScan },
    plugin: { dir: pluginDir, scan: pluginScan },
    work: changesFiles(plan) || pluginFiles.length > 0 || manifestChanges
  }
}

/**
 * Stage the new folders and swap them in.
 *
 * @returns The vault paths that changed since the plan was made (then nothing was changed, and the
 *   working folder is ready for another attempt), or none when the update is done.
 */
function stageAndSwap(dest: string, staging: string, owner: Owner, p: Prepared, upstream: Snapshot, build: PluginBuild, options: Options, fault: (step: Step) => void): string[] {
  const check = (): void => assertOwner(staging, owner)
  const parts: Part[] = []
  const scans: Array<Map<string, Entry>> = []
  if (changesFiles(p.plan)) {
    const limit = options.hashLimit === undefined ? {} : { hashLimit: options.hashLimit }
    parts.push({ name: 'library', path: LIBRARY_FOLDER, existed: isDirectory(p.library.dir), before: digest(p.library.scan), ...limit })
    scans.push(p.library.scan)
  }
  // The plugin folder always takes part: it carries the new manifest.
  parts.push({ name: 'plugin', path: p.next.plugin.folder, existed: isDirectory(p.plugin.dir), before: digest(p.plugin.scan) })
  scans.push(p.plugin.scan)
  const journal: Journal = { status: 'staging', parts }
  check()
  writeJournal(staging, journal)

  parts.forEach((part, i) => {
    const target = join(staging, 'new', String(i))
    mkdirSync(target)
    const live = fsPath(dest, part.path)
    if (part.existed) copyInto(live, target)
    if (part.name === 'library') applyPlan(target, p.plan, upstream.bytes)
    else {
      for (const name of p.pluginFiles) writeInside(target, name, build.files.get(name) as Buffer)
      writeInside(target, MANIFEST_FILE, Buffer.from(manifestText(p.next), 'utf8'))
      pluginRecord(target, { version: libraryVersion(build.version, upstream.bytes), files: p.next.library.files })
    }
  })
  fault('copied')
  if (options.durable ?? true) syncTree(join(staging, 'new'))
  parts.forEach((part, i) => void (part.after = folderDigest(join(staging, 'new', String(i)), part.hashLimit)))
  check()
  writeJournal(staging, { status: 'staged', parts })
  fault('staged')

  // Anything written to the live folders while staging? Then plan again.
  const changedBefore = parts.flatMap((part, i) => changedPaths(dest, part, scans[i] as Map<string, Entry>, fsPath(dest, part.path)))
  if (changedBefore.length > 0) return startOver(dest, staging, check, changedBefore)

  for (const [i, part] of parts.entries()) {
    const live = fsPath(dest, part.path)
    const old = join(staging, 'old', String(i))
    if (part.existed) {
      check()
      renameSync(live, old)
      fault(`${part.name}-out`)
      const changed = changedPaths(dest, part, scans[i] as Map<string, Entry>, old)
      if (changed.length > 0) return startOver(dest, staging, check, changed)
    } else {
      mkdirSync(dirname(live), { recursive: true })
    }
    check()
    renameSync(join(staging, 'new', String(i)), live)
    fault(`${part.name}-in`)
  }
  check()
  writeJournal(staging, { status: 'committed', parts })
  try {
    fault('committed')
  } finally {
    releaseStaging(dest, owner)
  }
  return []
}

/**
 * Bring the plugin's own record of the installed library (in its `data.json`, beside the team's settings)
 * in line with the new manifest, so that *Kennisbank bijwerken* in Obsidian starts from what is installed.
 * A `data.json` that is not a JSON object is the team's business and is left alone.
 */
function pluginRecord(dir: string, record: { version: string; files: FileHashes }): void {
  const path = join(dir, PLUGIN_DATA_FILE)
  let data: unknown
  try {
    data = JSON.parse(readFileNoFollow(path).toString('utf8'))
  } catch {
    return
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return
  writeInside(dir, PLUGIN_DATA_FILE, Buffer.from(`${JSON.stringify({ ...data, libraryRecord: record }, null, 2)}\n`, 'utf8'))
}

/** Vault paths under a part's folder whose entries differ from the scan the plan was made from. */
function changedPaths(dest: string, part: Part, planned: Map<string, Entry>, now: string): string[] {
  if (part.before === undefined || folderDigest(now, part.hashLimit) === part.before) return []
  return differences(planned, scan(now, { hidden: true, ...(part.hashLimit === undefined ? {} : { hashLimit: part.hashLimit }) })).map((p) => `${part.path}/${p}`)
}

/** Put back what was swapped (by the journal on disk), clear the staged folders, and report what changed. */
function startOver(dest: string, staging: string, check: () => void, changed: string[]): string[] {
  const journal = readJournal(staging)
  if (journal !== undefined) settle(dest, staging, journal, check)
  check()
  writeJournal(staging, { status: 'staging', parts: [] })
  return changed
}

/** Apply the plan to a copy of the library folder: removals first (a case-only rename stays safe), then writes. */
function applyPlan(dir: string, plan: Plan, upstream: ReadonlyMap<string, Buffer>): void {
  for (const path of plan.deletes) {
    const target = fsPath(dir, path)
    if (kindAt(target) === 'file') unlinkSync(target)
    pruneEmptyParents(dir, path)
  }
  for (const w of plan.writes) writeInside(dir, w.path, upstream.get(w.source) as Buffer)
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

/**
 * Refuse when a folder on the way to a swapped folder (or the folder itself) is not a plain folder: the
 * update never follows a symbolic link and never writes over a file.
 */
function checkWay(dest: string, rel: string): void {
  const parts = rel.split('/')
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i).join('/')
    const kind = kindAt(fsPath(dest, at))
    if (kind !== undefined && kind !== 'folder') {
      throw new VaultError(
        `${at} in de kluis is een ${kindName(kind)}, geen map. Bijwerken volgt nooit een koppeling en schrijft niet over een bestand heen: ${kind === 'link' ? 'vervang de koppeling door de map zelf' : 'zet het opzij'} en probeer het opnieuw. Er is niets veranderd.`
      )
    }
  }
}

/**
 * Refuse before anything is changed when a folder that the update has to change is not writable (the
 * swapped folders, the folders they are in, and each folder in the library where a file is written or
 * removed).
 */
function checkWritable(dest: string, p: Prepared): void {
  const dirs = new Set<string>()
  const nearest = (path: string): string => {
    let dir = path
    while (dir !== dest && kindAt(dir) === undefined) dir = dirname(dir)
    return dir
  }
  for (const folder of changesFiles(p.plan) ? [p.library.dir, p.plugin.dir] : [p.plugin.dir]) {
    if (isDirectory(folder)) dirs.add(folder)
    dirs.add(nearest(dirname(folder)))
  }
  for (const path of [...p.plan.deletes, ...p.plan.writes.map((w) => w.path)]) dirs.add(nearest(dirname(fsPath(p.library.dir, path))))
  const denied = [...dirs].filter((dir) => {
    try {
      accessSync(dir, constants.W_OK)
      return false
    } catch {
      return true
    }
  })
  if (denied.length > 0) {
    throw new VaultError(
      `bijwerken moet schrijven in ${denied.map((d) => relative(dest, d) || '.').map((d) => d.split(sep).join('/')).join(', ')}, maar dat mag niet (geen schrijfrechten). Geef jezelf schrijfrechten op die map${denied.length === 1 ? '' : 'pen'} (of draai de opdracht als hun eigenaar) en probeer het opnieuw. Er is niets veranderd.`
    )
  }
}

/** Refuse a new library that lies in the vault itself (or holds it): that would record the team's edits as installed. */
function guardLibrarySource(dest: string, library: string): void {
  let vault: string
  let source: string
  try {
    vault = realpathSync(dest)
    source = realpathSync(library)
  } catch {
    return // a missing library is reported when it is read
  }
  const inside = (child: string, parent: string): boolean => child === parent || child.startsWith(parent.endsWith(sep) ? parent : `${parent}${sep}`)
  if (inside(source, vault) || inside(vault, source)) {
    throw new VaultError(
      `de nieuwe kennisbank (--library ${library}) ligt in de kluis zelf, of de kluis ligt erin. Een update vergelijkt de kluis met een kennisbank van buiten: zo zouden de aanpassingen van het team als geïnstalleerd worden vastgelegd en bij de volgende update overschreven. Geef de map van de nieuwe kennisbank op (standaard de meegeleverde library/).`,
      { usage: true }
    )
  }
}

/** The error for a failed update, after putting the vault back (or leaving it alone when it is no longer ours). */
function failed(dest: string, staging: string, owner: Owner, error: unknown): VaultError {
  if (readOwner(staging)?.token !== owner.token) return error instanceof VaultError ? error : fsFailure(error, 'bijwerken mislukt in', dest)
  const journal = readJournal(staging) ?? { status: 'staging' as const, parts: [] }
  let outcome: Settled
  try {
    outcome = settle(dest, staging, journal, () => assertOwner(staging, owner))
    releaseStaging(dest, owner)
  } catch (again) {
    return new VaultError(`bijwerken mislukt (${describeError(error)}), en daarna ook het terugzetten: ${describeError(again)}`)
  }
  if (error instanceof VaultError && outcome === 'discarded') return error
  const state = outcome === 'discarded' ? 'de kluis is niet veranderd' : outcome === 'rolled-back' ? 'de kluis is teruggezet zoals hij was' : 'de update is toch afgerond, omdat er al in de nieuwe versie gewerkt was'
  return new VaultError(`bijwerken mislukt (${describeError(error)}); ${state}.`)
}

function busy(dest: string, staging: string, owner?: Owner, state: Liveness = 'alive'): VaultError {
  const who = owner === undefined ? '' : ` (proces ${owner.pid}${state === 'elsewhere' ? ` op de computer ${owner.host}` : ''})`
  const only = hasEntries(join(staging, 'old')) ? ` Verwijder ${staging} niet: daarin staat nu de enige kopie van een deel van de kluis.` : ''
  return new VaultError(
    `er loopt al een update van deze kluis${who}. Wacht tot die klaar is en probeer het dan opnieuw. Loopt er zeker geen update meer (de computer is bijvoorbeeld opnieuw opgestart)? Draai dan \`praktijkwijzer vault ${dest} --recover\`: dat rondt de onderbroken update af of draait hem terug, zonder iets weg te gooien.${only}`
  )
}

function interruptedForDryRun(dest: string, staging: string): VaultError {
  const owner = readOwner(staging)
  if (owner !== undefined && liveness(owner) !== 'dead') return busy(dest, staging, owner, liveness(owner))
  return new VaultError(`in ${dest} staat een onderbroken update (${STAGING_DIR}/). Draai de opdracht zonder --dry-run: die zet eerst de kluis terug zoals hij was (of rondt de update af).`)
}

function notOurs(staging: string, why: string): VaultError {
  return new VaultError(`in de kluis staat ${staging}, maar dat is geen werkmap van een update van praktijkwijzer (${why}). Bijwerken raakt het niet aan: kijk wat erin staat, zet het opzij en probeer het opnieuw.`)
}

function result(dest: string, p: Prepared, build: PluginBuild, recovered: Recovery, changed: boolean, replanned: string[]): Updated {
  return {
    dest,
    libraryFolder: LIBRARY_FOLDER,
    plan: p.plan,
    plugin: { from: p.manifest.plugin.version, to: build.version, files: p.pluginFiles },
    changed,
    recovered,
    adopted: p.adopted,
    replanned
  }
}

function journalText0(): string {
  return `${JSON.stringify({ format: 2, status: 'staging', parts: [] }, null, 2)}\n`
}

function hasEntries(dir: string): boolean {
  try {
    return readdirSync(dir).length > 0
  } catch {
    return false
  }
}

function list(paths: string[]): string {
  return paths.length <= 5 ? paths.join(', ') : `${paths.slice(0, 5).join(', ')} en ${paths.length - 5} meer`
}

function sameHashes(a: FileHashes, b: FileHashes): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}
