/**
 * The installation manifest (`installatie.json` in the plugin's folder): what `praktijkwijzer vault`
 * installed, as paths and SHA-256 hashes. An update uses it as the common base of a three-way comparison
 * between the vault and the new library: a file whose hash still matches was never changed by the team.
 *
 * The manifest is read as untrusted input: a damaged or hand-edited one can never make an update write or
 * delete outside the library folder and the plugin's folder.
 */
import { errorCode, describe } from './errors.js'
import { LIBRARY_FOLDER, pluginFolder } from './layout.js'
import { readFileNoFollow } from './tree.js'

/** Paths (relative to a folder, `/`-separated) and their SHA-256 hashes. */
export type FileHashes = Record<string, string>

/** The manifest, version 1. */
export interface Manifest {
  format: 1
  /** A line for people who open the file. */
  description: string
  /** When the vault was assembled (ISO 8601). */
  created: string
  /** When the library or plugin was last brought up to date (ISO 8601). */
  updated: string
  /**
   * The library as last installed: every note of the library of that moment, by path relative to the
   * library folder. Notes the team deleted stay listed, so that they are not brought back. The hash of a
   * `.md` file is taken with `\n` line ends and without a byte-order mark.
   */
  library: { folder: string; files: FileHashes }
  /** The plugin as last installed. */
  plugin: { id: string; version: string; folder: string; files: FileHashes }
  /** What the template put in the vault when it was made (for information: updates never touch it). */
  template: { files: FileHashes }
}

const DESCRIPTION = 'Geschreven door `praktijkwijzer vault`: wat er geïnstalleerd is. Niet met de hand wijzigen; bijwerken met `praktijkwijzer vault MAP --update`.'

/** A new manifest. */
export function createManifest(fields: Omit<Manifest, 'format' | 'description'>): Manifest {
  return { format: 1, description: DESCRIPTION, ...fields }
}

/** The manifest as the text of the file. */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`
}

/** What reading a manifest gave: the manifest, or why there is none (`missing`, `damaged`) in Dutch. */
export type ManifestRead = { ok: true; manifest: Manifest } | { ok: false; why: 'missing' | 'damaged'; message: string }

/**
 * Read and check a manifest. The library must be in `Kennisbank`, the plugin in its own folder, and every
 * path must stay inside its folder.
 *
 * @param path The file.
 * @param pluginId The plugin's id: the manifest must be for it, in its folder.
 */
export function readManifest(path: string, pluginId: string): ManifestRead {
  let text: string
  try {
    text = readFileNoFollow(path).toString('utf8')
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, why: 'missing', message: `${path} ontbreekt: dit is geen kluis die met \`praktijkwijzer vault\` is gemaakt, of het bestand is verwijderd.` }
    }
    return { ok: false, why: 'damaged', message: `${path} is niet te lezen: ${code === 'ELOOP' ? 'het is een symbolische koppeling' : describe(error)}.` }
  }
  const broken = (why: string): ManifestRead => ({ ok: false, why: 'damaged', message: `${path} is beschadigd (${why}).` })
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return broken('geen geldige JSON')
  }
  if (!isRecord(data) || data['format'] !== 1) return broken('onbekend formaat')
  const library = data['library']
  const plugin = data['plugin']
  const template = data['template']
  if (!isRecord(library) || !hashes(library['files'])) return broken('het deel "library" klopt niet')
  if (library['folder'] !== LIBRARY_FOLDER) return broken(`de kennisbank moet in ${LIBRARY_FOLDER}/ staan, niet in "${String(library['folder'])}"`)
  if (!isRecord(plugin) || typeof plugin['version'] !== 'string' || !hashes(plugin['files'])) return broken('het deel "plugin" klopt niet')
  if (plugin['id'] !== pluginId || plugin['folder'] !== pluginFolder(pluginId)) {
    return broken(`de plug-in moet ${pluginId} zijn, in ${pluginFolder(pluginId)}/, niet "${String(plugin['id'])}" in "${String(plugin['folder'])}"`)
  }
  if (!isRecord(template) || !hashes(template['files'])) return broken('het deel "template" klopt niet')
  if (typeof data['created'] !== 'string' || typeof data['updated'] !== 'string') return broken('de datums ontbreken')
  return { ok: true, manifest: data as unknown as Manifest }
}

/** A relative path that stays inside its folder: no `..`, no empty parts, no backslashes, not absolute. */
export function isSafePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path) || path.includes('\0')) return false
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

function hashes(value: unknown): boolean {
  return isRecord(value) && Object.entries(value).every(([path, hash]) => isSafePath(path) && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
