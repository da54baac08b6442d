/**
 * Fake Obsidian: the app (vault, workspace, metadata cache, file manager) and `Plugin` with its
 * registries (commands, views, settings tab, ribbon, hover sources, data.json).
 */
import type { Command as RealCommand, HoverLinkSource, PluginManifest } from 'obsidian/obsidian'
import { Component, Keymap } from './core'
import type { Modal, PluginSettingTab } from './ui'
import { FileManager, MetadataCache, Vault } from './vault'
import { Workspace } from './workspace'
import type { Editor, MarkdownFileInfo, MarkdownView, WorkspaceLeaf } from './workspace'

/** A command; an editor command gets the fake's editor and `MarkdownFileInfo`. */
export type Command = Omit<RealCommand, 'editorCallback' | 'editorCheckCallback'> & {
  editorCallback?: (editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => unknown
  editorCheckCallback?: (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => boolean | void
}

/** What the `hover-link` event carries. */
interface HoverLinkEvent {
  event: MouseEvent
  source: string
  linktext: string
  targetEl?: HTMLElement | null
}

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
  /**
   * Fake only: the previews Page preview showed: for a registered source, only when the user's setting
   * for it is met (Ctrl/Cmd held when the source wants it, its `defaultMod`, unless changed in
   * {@link previewRequiresMod}).
   */
  readonly previews: Array<{ source: string; linktext: string }> = []
  /** Fake only: the user's "require Ctrl/Cmd" choice per hover source in Page preview's settings. */
  readonly previewRequiresMod = new Map<string, boolean>()

  constructor() {
    this.vault = new Vault()
    this.workspace = new Workspace(this)
    this.metadataCache = new MetadataCache(this.vault)
    this.fileManager = new FileManager(this.vault, this.metadataCache)
    // An editor open on a file that changed takes its new text on the next tick (Obsidian reloads it).
    this.vault.onWrite = (file) => {
      window.setTimeout(() => {
        const text = this.vault.text(file.path)
        if (text === undefined) return
        for (const view of this.workspace.viewsOfFile(file)) {
          if (view.editor.getValue() === text) continue
          view.editor.load(text)
          this.workspace.trigger('editor-change', view.editor, view)
        }
      }, 0)
    }
    this.workspace.on('hover-link', (info: unknown) => {
      const { event, source, linktext } = info as HoverLinkEvent
      const registered = this.hoverLinkSources.get(source)
      if (!registered) return
      const needsMod = this.previewRequiresMod.get(source) ?? registered.defaultMod
      if (needsMod && Keymap.isModEvent(event) === false) return
      this.previews.push({ source, linktext })
    })
  }

  /**
   * Fake only: run a command as Obsidian does from the palette or a hotkey: an editor command gets the
   * workspace's `activeEditor` (its editor and the `MarkdownFileInfo`) and is not available without one.
   *
   * @returns Whether the command ran.
   */
  async runCommand(id: string): Promise<boolean> {
    const command = this.commands.get(id)
    if (!command) throw new Error(`no command ${id}`)
    if (command.editorCallback || command.editorCheckCallback) {
      const info = this.workspace.activeEditor
      const editor = info?.editor
      if (!info || !editor) return false
      if (command.editorCheckCallback) {
        if (command.editorCheckCallback(true, editor, info) !== true) return false
        command.editorCheckCallback(false, editor, info)
        return true
      }
      await Promise.resolve(command.editorCallback?.(editor, info))
      return true
    }
    if (command.checkCallback) {
      if (command.checkCallback(true) !== true) return false
      command.checkCallback(false)
      return true
    }
    await command.callback?.()
    return true
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
