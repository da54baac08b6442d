/**
 * Assembling a new team vault: the template, the library in `Kennisbank/`, the built plugin in the
 * plugin's folder, its settings, and the manifest of what was installed.
 *
 * The vault is built in a hidden folder beside the destination and renamed into place at the end, so a
 * failed or interrupted run leaves no half-made vault behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UsageError } from '../args.js'
import { LIBRARY_FOLDER, MANIFEST_FILE, PLUGIN_DATA_FILE, pluginFolder, type Sources } from './layout.js'
import { createManifest, manifestText, type Manifest } from './manifest.js'
import { pluginHashes, readLibrary, readPluginBuild } from './sources.js'
import { fsPath, isDirectory, listFiles, sha256, syncTree, VaultError } from './tree.js'

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
}

/**
 * Assemble a new vault.
 *
 * @param dest The vault folder: must not exist yet, or be empty.
 * @param sources Template, library and plugin build.
 * @param options Time and durability.
 * @throws UsageError when `dest` is a file or a folder that is not empty.
 * @throws VaultError when the plugin is not built or a source is missing.
 */
export function assembleVault(dest: string, sources: Sources, options: Options = {}): Assembled {
  if (existsSync(dest)) {
    if (!statSync(dest).isDirectory()) throw new UsageError(`${dest} is een bestand, geen map`)
    if (readdirSync(dest).length > 0) {
      throw new UsageError(`de map ${dest} is niet leeg. Kies een nieuwe of lege map, of werk een bestaande kluis bij met --update`)
    }
  }
  const plugin = readPluginBuild(sources.plugin)
  const library = readLibrary(sources.library)
  if (!isDirectory(sources.template)) throw new VaultError(`het sjabloon van de kluis ontbreekt: ${sources.template}`)
  const templateFiles = listFiles(sources.template, { hidden: true })

  const pluginDir = pluginFolder(plugin.id)
  const data = `${JSON.stringify({ libraryFolder: LIBRARY_FOLDER }, null, 2)}\n`
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
  mkdirSync(parent, { recursive: true })
  const temp = join(parent, `.${basename(dest)}.praktijkwijzer-${process.pid}`)
  rmSync(temp, { recursive: true, force: true })
  try {
    mkdirSync(temp)
    for (const [path, bytes] of template) writeFile(temp, path, bytes)
    for (const [path, bytes] of library.bytes) writeFile(temp, `${LIBRARY_FOLDER}/${path}`, bytes)
    for (const [name, bytes] of plugin.files) writeFile(temp, `${pluginDir}/${name}`, bytes)
    writeFile(temp, `${pluginDir}/${MANIFEST_FILE}`, manifestText(manifest))
    if (options.durable ?? true) syncTree(temp)
    if (existsSync(dest)) rmdirSync(dest)
    renameSync(temp, dest)
  } catch (error) {
    rmSync(temp, { recursive: true, force: true })
    throw error
  }
  return { dest, manifest }
}

function writeFile(root: string, path: string, data: Uint8Array | string): void {
  const target = fsPath(root, path)
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, data)
}
