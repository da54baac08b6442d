/**
 * The installation manifest (`installatie.json` in the plugin's folder): what `praktijkwijzer vault`
 * installed, as paths and SHA-256 hashes. An update uses it as the common base of a three-way comparison
 * between the vault and the new library: a file whose hash still matches was never changed by the team.
 */
import { readFileSync } from 'node:fs'
import { VaultError } from './tree.js'

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
   * library folder. Notes the team deleted stay listed, so that they are not brought back.
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

/**
 * Read and check a manifest. Paths must stay inside their folder, so a damaged or hand-made manifest can
 * never make an update write or delete outside it.
 *
 * @param path The file.
 * @throws VaultError when the file is missing or not a valid manifest.
 */
export function readManifest(path: string): Manifest {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new VaultError(`${path} ontbreekt: dit is geen kluis die met \`praktijkwijzer vault\` is gemaakt (of de map van de plug-in is verwijderd). Maak een nieuwe kluis en zet jullie notities erin over.`)
  }
  const broken = (why: string): VaultError => new VaultError(`${path} is beschadigd (${why}). Zet een reservekopie terug of maak een nieuwe kluis.`)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw broken('geen geldige JSON')
  }
  if (!isRecord(data) || data['format'] !== 1) throw broken('onbekend formaat')
  const library = data['library']
  const plugin = data['plugin']
  const template = data['template']
  if (!isRecord(library) || !safeFolder(library['folder']) || !hashes(library['files'])) throw broken('het deel "library" klopt niet')
  if (!isRecord(plugin) || typeof plugin['id'] !== 'string' || typeof plugin['version'] !== 'string' || !safeFolder(plugin['folder']) || !hashes(plugin['files'])) {
    throw broken('het deel "plugin" klopt niet')
  }
  if (!isRecord(template) || !hashes(template['files'])) throw broken('het deel "template" klopt niet')
  return data as unknown as Manifest
}

/** A relative path that stays inside its folder: no `..`, no empty parts, no backslashes, not absolute. */
export function isSafePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[a-zA-Z]:/.test(path)) return false
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

function safeFolder(value: unknown): boolean {
  return typeof value === 'string' && isSafePath(value)
}

function hashes(value: unknown): boolean {
  return isRecord(value) && Object.entries(value).every(([path, hash]) => isSafePath(path) && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
