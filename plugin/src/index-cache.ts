/**
 * The plugin's persisted index: one file in the plugin's own folder under the config folder, read and
 * written through the vault's adapter (never among the notes, never in data.json, which holds the
 * settings). Only the library goes in. Obsidian's adapter does not write atomically, so a new index is
 * written next to the old one and then put in its place; whatever is left after a crash is refused by
 * its header's length and hash, never trusted.
 */
import { decodeCacheSteps, type CacheKey, type LibraryOptions, type LoadedCache } from '@praktijkwijzer/core'
import type { DataAdapter } from 'obsidian'

/** Where the index file is and which version of the plugin writes it. */
export interface CacheSettings {
  /** The file, a vault path (e.g. `.obsidian/plugins/praktijkwijzer/kennisbank-index.json`). */
  file: string
  /** The plugin's version and build: an index another one wrote is not used. */
  version: () => Promise<string>
  /** How long after the last change the index is written, in milliseconds (default 2000). */
  delay?: number
}

/** The index file. */
export class IndexCache {
  private readonly adapter: DataAdapter
  private readonly settings: CacheSettings
  private versionPromise: Promise<string> | undefined

  /** How long after the last change the index is written, in milliseconds. */
  readonly delay: number

  constructor(adapter: DataAdapter, settings: CacheSettings) {
    this.delay = settings.delay ?? 2000
    this.adapter = adapter
    this.settings = settings
  }

  /** What an index must match for a library folder. */
  async key(folder: string): Promise<CacheKey> {
    this.versionPromise ??= this.settings.version().catch(() => 'onbekend')
    return { version: await this.versionPromise, library: folder }
  }

  /**
   * Read the index of a library folder.
   *
   * @returns Steps that give the library and its stamps, or the reason it was refused (run them in
   *   slices: restoring takes a while); `null` when there is none.
   */
  async load(folder: string, options: LibraryOptions): Promise<Generator<void, LoadedCache> | null> {
    const { file } = this.settings
    let text: string | null = null
    // A write that was interrupted after the old file was removed leaves only the new one.
    for (const path of [file, `${file}.nieuw`]) {
      try {
        if (await this.adapter.exists(path)) {
          text = await this.adapter.read(path)
          break
        }
      } catch {
        // Unreadable: as if there were none.
      }
    }
    return text === null ? null : decodeCacheSteps(text, await this.key(folder), options)
  }

  /** Write the index: the new text next to the old file, then in its place. */
  async save(text: string): Promise<void> {
    const { file } = this.settings
    const next = `${file}.nieuw`
    const folder = file.slice(0, file.lastIndexOf('/'))
    if (folder !== '' && !(await this.adapter.exists(folder))) await this.adapter.mkdir(folder)
    if (await this.adapter.exists(next)) await this.adapter.remove(next)
    await this.adapter.write(next, text)
    if (await this.adapter.exists(file)) await this.adapter.remove(file)
    await this.adapter.rename(next, file)
  }
}
