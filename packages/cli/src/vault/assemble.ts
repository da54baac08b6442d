/**
 * Assembling a new team vault: the template, the library in `Kennisbank/`, the built plugin in the
 * plugin's folder, its settings, and the manifest of what was installed.
 *
 * The vault is built in a hidden folder beside the destination (`.DEST.praktijkwijzer-<token>/vault/`, with
 * the owner of the run beside it) and renamed into place at the end, so a failed or interrupted run leaves
 * no half-made vault behind; what a killed run leaves there is removed by the next run once its owner is
 * gone.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { errorCode, fsFailure, VaultError } from './errors.js'
import { LIBRARY_FOLDER, MANIFEST_FILE, PLUGIN_DATA_FILE, pluginFolder, type Sources } from './layout.js'
import { liveness, newOwner, type Owner } from './lock.js'
import { createManifest, manifestText, type Manifest } from './manifest.js'
import { libraryVersion, pluginHashes, readLibrary, readPluginBuild } from './sources.js'
import { fsPath, isDirectory, kindAt, listFiles, removeTree, sha256, syncTree } from './tree.js'

/** What {@link assembleVault} made. */
export interface Assembled {
  /** The vault folder (absolute). */
  dest: string
  manifest: Manifest
}

/** Options for {@link assembleVault}. */
export interface Options {
  /** The time recorded in the manifest (default: now). */
  now?: Date
  /** Flush every file to the disk before the vault is renamed into place (default: true). */
  durable?: boolean
  /** For tests: called just before the vault is renamed into place. */
  beforeRename?: () => void
}

/**
 * Assemble a new vault.
 *
 * @param dest The vault folder: must not exist yet, or be empty.
 * @param sources Template, library and plugin build.
 * @param options Time and durability.
 * @throws VaultError when `dest` is a file or a folder that is not empty (a usage error), the plugin is not
 *   built, a source is missing, or the file system refuses.
 */
export function assembleVault(dest: string, sources: Sources, options: Options = {}): Assembled {
  const kind = kindAt(dest)
  if (kind !== undefined) {
    if (kind !== 'folder') throw new VaultError(`${dest} is een bestand, geen map`, { usage: true })
    if (readdirSync(dest).length > 0) {
      throw new VaultError(`de map ${dest} is niet leeg. Kies een nieuwe of lege map, of werk een bestaande kluis bij met --update`, { usage: true })
    }
  }
  const plugin = readPluginBuild(sources.plugin)
  const library = readLibrary(sources.library)
  if (!isDirectory(sources.template)) throw new VaultError(`het sjabloon van de kluis ontbreekt: ${sources.template}`)
  const templateFiles = listFiles(sources.template, { hidden: true })

  const pluginDir = pluginFolder(plugin.id)
  // The plugin keeps the record of the installed library in its data, for its own *Kennisbank bijwerken*;
  // the version is as the plugin names the library it carries (its version and a digest of the files).
  const libraryRecord = { version: libraryVersion(plugin.version, library.bytes), files: Object.fromEntries(library.hashes) }
  const data = `${JSON.stringify({ libraryFolder: LIBRARY_FOLDER, libraryRecord }, null, 2)}\n`
  const template = new Map<string, Buffer>(templateFiles.map((p) => [p, readFileSync(fsPath(sources.template, p))]))
  if (!template.has(`${pluginDir}/${PLUGIN_DATA_FILE}`)) template.set(`${pluginDir}/${PLUGIN_DATA_FILE}`, Buffer.from(data, 'utf8'))
  const now = (options.now ?? new Date()).toISOString()
  const manifest = createManifest({
    created: now,
    updated: now,
    library: { folder: LIBRARY_FOLDER, files: Object.fromEntries(library.hashes) },
    plugin: { id: plugin.id, version: plugin.version, folder: pluginDir, files: Object.fromEntries(pluginHashes(plugin)) },
    template: { files: Object.fromEntries([...template].map(([p, bytes]) => [p, sha256(bytes)])) }
  })

  const parent = dirname(dest)
  try {
    mkdirSync(parent, { recursive: true })
  } catch (error) {
    const code = errorCode(error)
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new VaultError(`${parent} is (of ligt in) een bestand, geen map: daar kan geen kluis komen`, { usage: true })
    throw fsFailure(error, 'kan de map voor de kluis niet maken:', parent)
  }
  removeLeftovers(parent, basename(dest))
  const owner = newOwner()
  const work = join(parent, `.${basename(dest)}.praktijkwijzer-${owner.token}`)
  const temp = join(work, 'vault')
  try {
    mkdirSync(work)
    writeFileSync(join(work, OWNER_FILE), `${JSON.stringify(owner)}\n`)
    mkdirSync(temp)
    for (const [path, bytes] of template) writeFile(temp, path, bytes)
    for (const [path, bytes] of library.bytes) writeFile(temp, `${LIBRARY_FOLDER}/${path}`, bytes)
    for (const [name, bytes] of plugin.files) writeFile(temp, `${pluginDir}/${name}`, bytes)
    writeFile(temp, `${pluginDir}/${MANIFEST_FILE}`, manifestText(manifest))
    if (options.durable ?? true) syncTree(temp)
    options.beforeRename?.()
    if (kindAt(dest) === 'folder') rmdirSync(dest)
    renameSync(temp, dest)
  } catch (error) {
    removeTree(work)
    if (error instanceof VaultError) throw error
    throw fsFailure(error, 'kan de kluis niet maken in', dest)
  }
  removeTree(work)
  return { dest, manifest }
}

const OWNER_FILE = 'owner.json'

/**
 * Remove the working folders that killed runs for this destination left beside it: only folders with our
 * owner file, whose run is gone. A folder of a run that is still busy, or anything else, is left alone.
 */
function removeLeftovers(parent: string, name: string): void {
  const prefix = `.${name}.praktijkwijzer-`
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue
    const dir = join(parent, entry)
    if (!isDirectory(dir)) continue
    let owner: Owner
    try {
      owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as Owner
    } catch {
      continue
    }
    if (entry !== `${prefix}${owner.token}` || liveness(owner) !== 'dead') continue
    try {
      removeTree(dir)
    } catch {
      // try again next time
    }
  }
}

function writeFile(root: string, path: string, data: Uint8Array | string): void {
  const target = fsPath(root, path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, data)
}
