/**
 * Praktijkwijzer for Obsidian: the plugin's lifecycle. Everything it sets up is registered with Obsidian
 * (or added as a child component), so unloading the plugin removes it all.
 */
import { debounce, Plugin } from 'obsidian'
import { Actions, VIEW_TYPE } from './actions'
import { openPanel, refresh, registerCommands, showProblems } from './commands'
import { Dismissed, readDismissed } from './dismissed'
import type { CacheSettings } from './index-cache'
import { LibraryIndex } from './library-index'
import { PraktijkwijzerSettingTab, readSettings, SettingsHolder } from './settings'
import { nl } from './strings'
import { offerUpdate, outdatedLine, registerLibraryUpdate } from './update/command'
import type { InstalledRecord, RecordStore } from './update/library'
import { readRecord, RECORD_KEY } from './update/store'
import { PanelView } from './view'

/** Wait this long after the library folder setting last changed before reading the new folder. */
const REBUILD_DELAY = 1000

export default class PraktijkwijzerPlugin extends Plugin {
  override async onload(): Promise<void> {
    const data: unknown = await this.loadData().catch(() => null)
    // One data.json holds the settings, the dismissed link proposals and the record of the installed
    // library; each save writes all three.
    let record: InstalledRecord | undefined = readRecord(data)
    const saveAll = (): Promise<void> =>
      this.saveData({ ...settings.get(), dismissedLinks: dismissed.toJSON(), ...(record === undefined ? {} : { [RECORD_KEY]: record }) })
    const settings: SettingsHolder = new SettingsHolder(readSettings(data), () => saveAll())
    const dismissed: Dismissed = new Dismissed(readDismissed(data), () => saveAll())
    const store: RecordStore = {
      load: () => record,
      save: async (next) => {
        record = next
        await saveAll()
      }
    }
    const index = this.addChild(
      new LibraryIndex(this.app.vault, () => settings.get().libraryFolder, {
        // The library folder was renamed in the vault: the setting follows it.
        onMoved: (folder) => void settings.set('libraryFolder', folder),
        cache: this.indexCache()
      })
    )
    const actions = new Actions(this.app, index, () => settings.get())
    const services = { index, actions }

    this.registerView(
      VIEW_TYPE,
      (leaf) =>
        new PanelView(leaf, {
          index,
          actions,
          settings: () => settings.get(),
          dismissed,
          onSettingsChanged: (callback) => settings.onChanged(callback),
          showProblems: () => showProblems(this.app, services),
          refresh: () => void refresh(index),
          library: {
            line: () => outdatedLine(store),
            offer: () => void offerUpdate(this.app, settings.get().libraryFolder, store, () => void index.rebuild())
          }
        })
    )
    registerCommands(this, services)
    registerLibraryUpdate(this, () => settings.get().libraryFolder, store, () => void index.rebuild())
    this.addRibbonIcon('lightbulb', nl.ribbonOpen, () => void openPanel(this.app))
    this.addSettingTab(new PraktijkwijzerSettingTab(this.app, this, settings))
    // As in Obsidian's own file explorer: a preview needs Ctrl/Cmd; the user can change that under Page preview.
    this.registerHoverLinkSource(VIEW_TYPE, { display: nl.pluginName, defaultMod: true })

    const rebuild = debounce(() => void index.rebuild(), REBUILD_DELAY, true)
    this.register(() => rebuild.cancel())
    this.registerEvent(
      settings.onChanged((key) => {
        // Not when the index itself followed a renamed folder: it is reading that one already.
        if (key === 'libraryFolder' && settings.get().libraryFolder !== index.status().folder) rebuild()
      })
    )
    // The index is built once the layout is ready: the vault's start-up `create` events are over by then.
    // (If the plugin is disabled before that, the index is unloaded and starts nothing.)
    this.app.workspace.onLayoutReady(() => void index.start())
  }

  /**
   * The persisted index in the plugin's own folder (`vault.configDir/plugins/<id>/`), tied to the
   * plugin's version and to its build (the size and time of its main.js).
   */
  private indexCache(): CacheSettings {
    const dir = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`
    const adapter = this.app.vault.adapter
    return {
      file: `${dir}/kennisbank-index.json`,
      version: async () => {
        const stat = await adapter.stat(`${dir}/main.js`)
        return stat ? `${this.manifest.version}+${stat.size}.${stat.mtime}` : this.manifest.version
      }
    }
  }
}
