/**
 * Reading the pieces a vault is made of: the built plugin and the library.
 */
import { readFileSync } from 'node:fs'
import { fsFailure, VaultError } from './errors.js'
import { PLUGIN_FILES } from './layout.js'
import { contentHash, fsPath, isDirectory, listFiles, readFileNoFollow, sha256 } from './tree.js'

/** The built plugin. */
export interface PluginBuild {
  id: string
  version: string
  /** File name → contents, for each of {@link PLUGIN_FILES}. */
  files: Map<string, Buffer>
}

/**
 * Read the built plugin.
 *
 * @param dir The build folder (`plugin/dist/`).
 * @throws VaultError when the plugin is not built.
 */
export function readPluginBuild(dir: string): PluginBuild {
  const files = new Map<string, Buffer>()
  const missing: string[] = []
  for (const name of PLUGIN_FILES) {
    try {
      files.set(name, readFileSync(fsPath(dir, name)))
    } catch {
      missing.push(name)
    }
  }
  if (missing.length > 0) {
    throw new VaultError(`de plug-in is nog niet gebouwd: ${missing.join(', ')} ontbreekt in ${dir}. Draai eerst \`pnpm build\` in de hoofdmap van Praktijkwijzer.`)
  }
  let manifest: unknown
  try {
    manifest = JSON.parse((files.get('manifest.json') as Buffer).toString('utf8'))
  } catch {
    throw new VaultError(`${fsPath(dir, 'manifest.json')} is geen geldige JSON. Draai \`pnpm build\` opnieuw.`)
  }
  const id = (manifest as { id?: unknown }).id
  const version = (manifest as { version?: unknown }).version
  if (typeof id !== 'string' || !/^[a-z0-9_-]+$/.test(id) || typeof version !== 'string') {
    throw new VaultError(`${fsPath(dir, 'manifest.json')} mist een geldige \`id\` of \`version\`.`)
  }
  return { id, version, files }
}

/** A folder read into memory: path → contents and path → hash (of the normalised content, see `contentHash`). */
export interface Snapshot {
  bytes: Map<string, Buffer>
  hashes: Map<string, string>
}

/**
 * Read every file of a library folder (hidden files and folders, and symbolic links, excepted).
 *
 * @param dir The folder.
 * @throws VaultError when it does not exist.
 */
export function readLibrary(dir: string): Snapshot {
  if (!isDirectory(dir)) throw new VaultError(`de kennisbank ${dir} bestaat niet of is geen map.`)
  const bytes = new Map<string, Buffer>()
  const hashes = new Map<string, string>()
  for (const path of listFiles(dir)) {
    let data: Buffer
    try {
      data = readFileNoFollow(fsPath(dir, path))
    } catch (error) {
      throw fsFailure(error, 'kan de nieuwe kennisbank niet lezen:', fsPath(dir, path))
    }
    bytes.set(path, data)
    hashes.set(path, contentHash(path, data))
  }
  return { bytes, hashes }
}

/** Path → hash of the plugin's files. */
export function pluginHashes(build: PluginBuild): Map<string, string> {
  return new Map([...build.files].map(([name, data]) => [name, sha256(data)]))
}

/**
 * The version of a library as the plugin names the library it carries: the plugin's version and the first
 * 8 hex digits of a SHA-256 over every file's path and SHA-256, in path order.
 */
export function libraryVersion(pluginVersion: string, files: ReadonlyMap<string, Uint8Array>): string {
  const lines = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, bytes]) => `${path}\t${sha256(bytes)}\n`)
  return `${pluginVersion}+${sha256(lines.join('')).slice(0, 8)}`
}
