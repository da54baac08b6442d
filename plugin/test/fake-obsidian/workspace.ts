/**
 * Fake Obsidian: the workspace (a main area and a right sidebar of leaves), views, the Markdown view and
 * a plain-text editor. Events fire as Obsidian fires them: `file-open` and `active-leaf-change` when a
 * file opens, `editor-change` on every change to an editor's text.
 */
import type { EditorChange, EditorPosition, EditorRange, EditorRangeOrCaret, EditorTransaction, HoverPopover, OpenViewState, PaneType, ViewState } from 'obsidian/obsidian'
import { Component, Events } from './core'
import type { EventRef } from './core'
import type { App } from './plugin'
import type { TFile } from './vault'

/** A view in a leaf. */
export abstract class View extends Component {
  app: App
  leaf: WorkspaceLeaf
  containerEl: HTMLElement
  icon = ''
  navigation = false

  constructor(leaf: WorkspaceLeaf) {
    super()
    this.leaf = leaf
    this.app = leaf.app
    this.containerEl = createDiv({ cls: 'view-container' })
    this.containerEl.createDiv({ cls: 'view-header' })
    this.containerEl.createDiv({ cls: 'view-content' })
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string
  abstract getDisplayText(): string

  getIcon(): string {
    return this.icon
  }

  getState(): Record<string, unknown> {
    return {}
  }

  /** Fake only: open the view (load, then `onOpen`), as a leaf does. */
  async open(): Promise<void> {
    this.load()
    await this.onOpen()
  }

  /** Fake only: close the view (`onClose`, then unload). */
  async close(): Promise<void> {
    await this.onClose()
    this.unload()
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement

  constructor(leaf: WorkspaceLeaf) {
    super(leaf)
    this.contentEl = this.containerEl.children[1] as HTMLElement
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = (this.containerEl.children[0] as HTMLElement).createEl('button', { cls: 'view-action', attr: { 'aria-label': title, 'data-icon': icon } })
    el.addEventListener('click', callback)
    return el
  }
}

/** A plain-text editor with Obsidian's Editor API (lines and characters, 0-based). */
export class Editor {
  private value = ''
  private anchor = 0
  private head = 0
  /** Fake only: called after every change of the text. */
  onChange: (() => void) | null = null
  /** Fake only: transactions applied, for tests. */
  transactions = 0

  getValue(): string {
    return this.value
  }

  setValue(content: string): void {
    this.value = content
    this.anchor = Math.min(this.anchor, content.length)
    this.head = Math.min(this.head, content.length)
    this.onChange?.()
  }

  getLine(line: number): string {
    return this.value.split('\n')[line] ?? ''
  }

  lineCount(): number {
    return this.value.split('\n').length
  }

  lastLine(): number {
    return this.lineCount() - 1
  }

  getSelection(): string {
    return this.value.slice(Math.min(this.anchor, this.head), Math.max(this.anchor, this.head))
  }

  somethingSelected(): boolean {
    return this.anchor !== this.head
  }

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.value.slice(this.posToOffset(from), this.posToOffset(to))
  }

  getCursor(side: 'from' | 'to' | 'head' | 'anchor' = 'head'): EditorPosition {
    const offset = side === 'from' ? Math.min(this.anchor, this.head) : side === 'to' ? Math.max(this.anchor, this.head) : side === 'anchor' ? this.anchor : this.head
    return this.offsetToPos(offset)
  }

  setCursor(pos: EditorPosition | number, ch?: number): void {
    const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos
    this.anchor = this.head = this.posToOffset(p)
  }

  setSelection(anchor: EditorPosition, head?: EditorPosition): void {
    this.anchor = this.posToOffset(anchor)
    this.head = this.posToOffset(head ?? anchor)
  }

  replaceSelection(replacement: string): void {
    this.transaction({ replaceSelection: replacement })
  }

  replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
    this.transaction(to ? { changes: [{ from, to, text: replacement }] } : { changes: [{ from, text: replacement }] })
  }

  /** Apply changes, all positioned in the text before the transaction, as one step. */
  transaction(tx: EditorTransaction): void {
    const changes: Array<{ from: number; to: number; text: string; order: number }> = (tx.changes ?? []).map((c: EditorChange, order) => {
      const from = this.posToOffset(c.from)
      return { from, to: c.to ? this.posToOffset(c.to) : from, text: c.text, order }
    })
    if (tx.replaceSelection !== undefined) changes.push({ from: Math.min(this.anchor, this.head), to: Math.max(this.anchor, this.head), text: tx.replaceSelection, order: changes.length })
    // Applied from the end, so positions stay valid; at the same position the change listed first ends up first.
    changes.sort((a, b) => b.from - a.from || b.order - a.order)
    let value = this.value
    let cursor = this.head
    for (const c of changes) {
      value = value.slice(0, c.from) + c.text + value.slice(c.to)
      if (cursor >= c.to) cursor += c.text.length - (c.to - c.from)
      else if (cursor > c.from) cursor = c.from + c.text.length
    }
    if (tx.replaceSelection !== undefined) cursor = Math.min(this.anchor, this.head) + tx.replaceSelection.length
    this.value = value
    this.transactions++
    const selection: EditorRangeOrCaret | undefined = tx.selection
    if (selection) {
      this.anchor = this.posToOffset(selection.from)
      this.head = this.posToOffset(selection.to ?? selection.from)
    } else {
      this.anchor = this.head = Math.min(cursor, value.length)
    }
    this.onChange?.()
  }

  posToOffset(pos: EditorPosition): number {
    const lines = this.value.split('\n')
    let offset = 0
    for (let i = 0; i < Math.min(pos.line, lines.length); i++) offset += (lines[i]?.length ?? 0) + 1
    const line = lines[Math.min(pos.line, lines.length - 1)] ?? ''
    return Math.min(this.value.length, offset + Math.min(pos.ch, line.length))
  }

  offsetToPos(offset: number): EditorPosition {
    const before = this.value.slice(0, Math.max(0, Math.min(offset, this.value.length)))
    const line = before.split('\n').length - 1
    return { line, ch: before.length - before.lastIndexOf('\n') - 1 }
  }

  /** Fake only: the last range scrolled into view. */
  scrolledTo: EditorRange | null = null

  scrollIntoView(range: EditorRange, center?: boolean): void {
    void center
    this.scrolledTo = range
  }

  focus(): void {}
  blur(): void {}
  hasFocus(): boolean {
    return false
  }
}

/** The Markdown view: a file and an editor on its text. */
export class MarkdownView extends ItemView {
  editor = new Editor()
  file: TFile | null = null
  hoverPopover: HoverPopover | null = null

  constructor(leaf: WorkspaceLeaf) {
    super(leaf)
    this.editor.onChange = () => this.app.workspace.trigger('editor-change', this.editor, this)
  }

  getViewType(): string {
    return 'markdown'
  }

  getDisplayText(): string {
    return this.file?.basename ?? ''
  }

  getMode(): 'source' | 'preview' {
    return 'source'
  }

  getViewData(): string {
    return this.editor.getValue()
  }

  setViewData(data: string): void {
    this.editor.setValue(data)
  }

  /** Write the editor's text to the file (what Obsidian's autosave does). */
  async save(): Promise<void> {
    if (this.file) await this.app.vault.modify(this.file, this.editor.getValue())
  }
}

/** A leaf: holds one view. */
export class WorkspaceLeaf extends Events {
  app: App
  view: View
  /** Fake only: `main` (the editor area) or `right` (the right sidebar). */
  side: 'main' | 'right'
  containerEl: HTMLElement

  constructor(app: App, side: 'main' | 'right') {
    super()
    this.app = app
    this.side = side
    this.containerEl = createDiv({ cls: 'workspace-leaf' })
    this.view = new EmptyView(this)
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    void openState
    const view = new MarkdownView(this)
    view.file = file
    await this.setView(view)
    const text = await this.app.vault.read(file)
    view.editor.onChange = null
    view.editor.setValue(text)
    view.editor.onChange = () => this.app.workspace.trigger('editor-change', view.editor, view)
    this.app.workspace.setActiveLeaf(this)
    this.app.workspace.trigger('file-open', file)
  }

  async setViewState(viewState: ViewState): Promise<void> {
    const creator = this.app.workspace.viewCreators.get(viewState.type)
    if (!creator) throw new Error(`No view registered for ${viewState.type}`)
    await this.setView(creator(this) as View)
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType() }
  }

  detach(): void {
    void this.view.close()
    this.containerEl.detach()
    this.app.workspace.removeLeaf(this)
  }

  getDisplayText(): string {
    return this.view.getDisplayText()
  }

  private async setView(view: View): Promise<void> {
    await this.view.close()
    this.containerEl.empty()
    this.view = view
    this.containerEl.appendChild(view.containerEl)
    await view.open()
  }
}

class EmptyView extends ItemView {
  getViewType(): string {
    return 'empty'
  }

  getDisplayText(): string {
    return ''
  }
}

/** The workspace: the main area's leaves and the right sidebar's. */
export class Workspace extends Events {
  app: App
  layoutReady = false
  activeLeaf: WorkspaceLeaf | null = null
  containerEl: HTMLElement
  /** Fake only: where main-area leaves go. */
  mainEl: HTMLElement
  /** Fake only: where right-sidebar leaves go. */
  rightEl: HTMLElement
  /** Fake only: the registered views. */
  readonly viewCreators = new Map<string, (leaf: WorkspaceLeaf) => unknown>()
  private readonly leaves: WorkspaceLeaf[] = []
  private mostRecent: WorkspaceLeaf | null = null
  private readonly readyCallbacks: Array<() => unknown> = []

  constructor(app: App) {
    super()
    this.app = app
    this.containerEl = createDiv({ cls: 'workspace' })
    this.mainEl = this.containerEl.createDiv({ cls: 'workspace-split mod-root' })
    this.rightEl = this.containerEl.createDiv({ cls: 'workspace-split mod-right-split' })
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback()
    else this.readyCallbacks.push(callback)
  }

  /** Fake only: the layout is ready; run the waiting callbacks. */
  setLayoutReady(): void {
    this.layoutReady = true
    for (const cb of this.readyCallbacks.splice(0)) cb()
  }

  getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
    if (!newLeaf && this.mostRecent) return this.mostRecent
    return this.createLeaf('main')
  }

  getRightLeaf(split: boolean): WorkspaceLeaf | null {
    void split
    return this.createLeaf('right')
  }

  async ensureSideLeaf(type: string, side: 'left' | 'right', options?: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown }): Promise<WorkspaceLeaf> {
    void side
    const existing = this.getLeavesOfType(type)[0]
    if (existing) return existing
    const leaf = this.createLeaf('right')
    await leaf.setViewState({ type, active: options?.active ?? false })
    return leaf
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    void leaf
  }

  getMostRecentLeaf(): WorkspaceLeaf | null {
    return this.mostRecent
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === viewType)
  }

  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach()
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of [...this.leaves]) callback(leaf)
  }

  getActiveViewOfType<T>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view
    return view instanceof type ? view : null
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view
    return view instanceof MarkdownView ? view.file : null
  }

  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.activeLeaf = leaf
    if (leaf.side === 'main') this.mostRecent = leaf
    this.trigger('active-leaf-change', leaf)
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean): Promise<void> {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath)
    if (file) await this.getLeaf(newLeaf).openFile(file)
  }

  override on(name: 'editor-change', callback: (editor: Editor, info: MarkdownView) => unknown, ctx?: unknown): EventRef
  override on(name: 'active-leaf-change', callback: (leaf: WorkspaceLeaf | null) => unknown, ctx?: unknown): EventRef
  override on(name: 'file-open', callback: (file: TFile | null) => unknown, ctx?: unknown): EventRef
  override on(name: 'layout-change', callback: () => unknown, ctx?: unknown): EventRef
  override on(name: string, callback: (...data: unknown[]) => unknown, ctx?: unknown): EventRef
  override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
    return super.on(name, callback as (...data: unknown[]) => unknown, ctx)
  }

  /** Fake only: the Markdown views open on a file. */
  viewsOfFile(file: TFile): MarkdownView[] {
    return this.leaves.map((l) => l.view).filter((v): v is MarkdownView => v instanceof MarkdownView && v.file === file)
  }

  /** Fake only: forget a detached leaf. */
  removeLeaf(leaf: WorkspaceLeaf): void {
    const i = this.leaves.indexOf(leaf)
    if (i !== -1) this.leaves.splice(i, 1)
    if (this.mostRecent === leaf) this.mostRecent = null
    if (this.activeLeaf === leaf) this.activeLeaf = null
  }

  private createLeaf(side: 'main' | 'right'): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, side)
    this.leaves.push(leaf)
    ;(side === 'main' ? this.mainEl : this.rightEl).appendChild(leaf.containerEl)
    return leaf
  }
}
