/**
 * Fake Obsidian: the app (vault, workspace, metadata cache, file manager) and `Plugin` with its
 * registries (commands, views, settings tab, ribbon, hover sources, data.json).
 */
import type { Command, HoverLinkSource, PluginManifest } from 'obsidian/obsidian'
import { Component } from './core'
import type { Modal, PluginSettingTab } from './ui'
import { FileManager, MetadataCache, Vault } from './vault'
import { Workspace } from './workspace'
import type { WorkspaceLeaf } from './workspace'

/** The app. */
export class App {
  vault: Vault
  workspace: Workspace
  metadataCache: MetadataCache
  fileManager: FileManager
  /** Fake only: registered commands, by full id (`plugin-id:command-id`). */
  readonly commands = new Map<string, Command>()
  /** Fake only: registered settings tabs. */
  readonly settingTabs: PluginSettingTab[] = []
  /** Fake only: registered hover-link sources. */
  readonly hoverLinkSources = new Map<string, HoverLinkSource>()
  /** Fake only: modals currently open. */
  readonly openModals: Modal[] = []
  /** Fake only: each plugin's data.json, as JSON text. */
  readonly pluginData = new Map<string, string>()

  constructor() {
    this.vault = new Vault()
    this.workspace = new Workspace(this)
    this.metadataCache = new MetadataCache(this.vault)
    this.fileManager = new FileManager(this.vault, (file) => {
      const view = this.workspace.viewsOfFile(file)[0]
      return view ? { get: () => view.editor.getValue(), set: (text: string) => view.editor.setValue(text) } : null
    })
  }
}

/** A plugin. */
export abstract class Plugin extends Component {
  app: App
  manifest: PluginManifest
  /** Fake only: ribbon icons added. */
  readonly ribbon: HTMLElement[] = []

  constructor(app: App, manifest: PluginManifest) {
    super()
    this.app = app
    this.manifest = manifest
  }

  addCommand(command: Command): Command {
    const id = `${this.manifest.id}:${command.id}`
    const full = { ...command, id }
    this.app.commands.set(id, full)
    this.register(() => this.app.commands.delete(id))
    return full
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.settingTabs.push(tab)
    tab.update()
    this.register(() => {
      const i = this.app.settingTabs.indexOf(tab)
      if (i !== -1) this.app.settingTabs.splice(i, 1)
    })
  }

  registerView(type: string, viewCreator: (leaf: WorkspaceLeaf) => unknown): void {
    this.app.workspace.viewCreators.set(type, viewCreator)
    this.register(() => {
      this.app.workspace.viewCreators.delete(type)
      // Obsidian closes the plugin's open views when it unloads.
      for (const leaf of this.app.workspace.getLeavesOfType(type)) leaf.detach()
    })
  }

  registerHoverLinkSource(id: string, info: HoverLinkSource): void {
    this.app.hoverLinkSources.set(id, info)
    this.register(() => this.app.hoverLinkSources.delete(id))
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = createDiv({ cls: 'side-dock-ribbon-action', attr: { 'aria-label': title, 'data-icon': icon } })
    el.addEventListener('click', callback)
    this.ribbon.push(el)
    this.register(() => el.detach())
    return el
  }

  async loadData(): Promise<unknown> {
    const data = this.app.pluginData.get(this.manifest.id)
    return data === undefined ? null : JSON.parse(data)
  }

  async saveData(data: unknown): Promise<void> {
    this.app.pluginData.set(this.manifest.id, JSON.stringify(data))
  }
}
