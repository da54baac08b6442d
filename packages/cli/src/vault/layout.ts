/**
 * Where things live in a team vault, and where the pieces it is made of come from.
 */
import { dirname, join } from 'node:path'
import { shippedLibrary } from '../files.js'

/** The vault folder that holds the library; the plugin's default `libraryFolder`. */
export const LIBRARY_FOLDER = 'Kennisbank'

/** Obsidian's settings folder in a new vault (`vault.configDir`). */
export const CONFIG_DIR = '.obsidian'

/** The files of the built plugin that Obsidian loads. */
export const PLUGIN_FILES = ['main.js', 'manifest.json', 'styles.css'] as const

/** The record of what `praktijkwijzer vault` installed, in the plugin's folder. */
export const MANIFEST_FILE = 'installatie.json'

/** The plugin's own settings file, which belongs to the team once written. */
export const PLUGIN_DATA_FILE = 'data.json'

/** The working folder of an update, inside the vault; hidden, so Obsidian does not index it. */
export const STAGING_DIR = '.praktijkwijzer-update'

/** The plugin's folder in a vault, as a vault path. */
export function pluginFolder(id: string): string {
  return `${CONFIG_DIR}/plugins/${id}`
}

/** Where the pieces of a vault come from. */
export interface Sources {
  /** The template: `.obsidian/` settings, templates, example case note, LEESMIJ. */
  template: string
  /** The library folder. */
  library: string
  /** The built plugin: `main.js`, `manifest.json`, `styles.css`. */
  plugin: string
}

/**
 * The pieces shipped with Praktijkwijzer: `vault-template/`, `library/` and `plugin/dist/` of the repository.
 *
 * @param library Use this library folder instead of the shipped one.
 * @param plugin Use this plugin build instead of `plugin/dist/`.
 */
export function shippedSources(library?: string, plugin?: string): Sources {
  const root = dirname(shippedLibrary())
  return {
    template: join(root, 'vault-template'),
    library: library ?? join(root, 'library'),
    plugin: plugin ?? join(root, 'plugin', 'dist')
  }
}
