/**
 * Fake Obsidian: the workspace (a main area of tabs, a right sidebar, pop-out windows), views, the
 * Markdown view and a plain-text editor. Events fire as Obsidian fires them: `file-open` and
 * `active-leaf-change` when a file opens, `active-leaf-change` also when the pointer goes down in a leaf
 * or focus moves into it (a sidebar pane included), `editor-change` on every change to an editor's text.
 *
 * Over 400 lines: the workspace, its leaves, its views and the editor belong together (each needs the
 * others), and splitting them would only add imports.
 */
import type {
  EditorChange,
  EditorPosition,
  EditorRange,
  EditorRangeOrCaret,
  EditorTransaction,
  HoverPopover,
  OpenViewState,
  PaneType,
  ViewState
} from 'obsidian/obsidian'
import { Component, Events, Platform } from './core'
import type { EventRef } from './core'
import { installDomHelpers } from './dom'
import type { App } from './plugin'
import type { TFile } from './vault'

/** A window the workspace can put leaves in (the main one, or a pop-out's). */
export interface FakeWindow {
  document: Document
  Node: typeof Node
  Element: typeof Element
  HTMLElement: typeof HTMLElement
  UIEvent: typeof UIEvent
}

function element(doc: Document, cls: string): HTMLDivElement {
  const el = doc.createElement('div')
  el.className = cls
  return el
}

/** A view in a leaf. Its elements belong to the leaf's window. */
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
    const doc = leaf.containerEl.ownerDocument
    this.containerEl = element(doc, 'view-container')
    this.containerEl.appendChild(element(doc, 'view-header'))
    this.containerEl.appendChild(element(doc, 'view-content'))
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

interface Snapshot {
  value: string
  anchor: number
  head: number
}

/**
 * A plain-text editor with Obsidian's Editor API (lines and characters, 0-based). Every transaction (and
 * `setValue`) is one step of the undo history, as in CodeMirror; loading a file's text is not.
 */
export class Editor {
  private value = ''
  private anchor = 0
  private head = 0
  private readonly undoStack: Snapshot[] = []
  private readonly redoStack: Snapshot[] = []
  /** Fake only: called after every change of the text. */
  onChange: (() => void) | null = null
  /** Fake only: transactions applied, for tests. */
  transactions = 0
  /** Fake only: the element that holds the editor's focus (CodeMirror's content element). */
  focusEl: HTMLElement | null = null

  getValue(): string {
    return this.value
  }

  setValue(content: string): void {
    this.remember()
    this.value = content
    this.anchor = Math.min(this.anchor, content.length)
    this.head = Math.min(this.head, content.length)
    this.onChange?.()
  }

  /** Fake only: take a file's text, as Obsidian does when it opens or reloads a file: no undo step, no `editor-change`. */
  load(content: string): void {
    this.value = content
    this.anchor = Math.min(this.anchor, content.length)
    this.head = Math.min(this.head, content.length)
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

  /**
   * Apply changes, all positioned in the text before the transaction, as one step. Overlapping changes
   * are refused, as CodeMirror refuses them.
   */
  transaction(tx: EditorTransaction): void {
    const changes: Array<{ from: number; to: number; text: string; order: number }> = (tx.changes ?? []).map((c: EditorChange, order) => {
      const from = this.posToOffset(c.from)
      return { from, to: c.to ? this.posToOffset(c.to) : from, text: c.text, order }
    })
    if (tx.replaceSelection !== undefined) changes.push({ from: Math.min(this.anchor, this.head), to: Math.max(this.anchor, this.head), text: tx.replaceSelection, order: changes.length })
    const sorted = [...changes].sort((a, b) => a.from - b.from || a.to - b.to)
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]
      const next = sorted[i]
      if (prev && next && next.from < prev.to) throw new RangeError('Overlapping changes in one transaction')
    }
    this.remember()
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

  /** Undo the last step. */
  undo(): void {
    const step = this.undoStack.pop()
    if (!step) return
    this.redoStack.push(this.snapshot())
    this.restore(step)
  }

  /** Redo the last undone step. */
  redo(): void {
    const step = this.redoStack.pop()
    if (!step) return
    this.undoStack.push(this.snapshot())
    this.restore(step)
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

  /** Focus the editor: DOM focus moves into it, and (through `focusin`) its leaf becomes active. */
  focus(): void {
    const el = this.focusEl
    if (!el) return
    const target = el.querySelector<HTMLElement>('textarea') ?? el
    target.focus()
  }

  blur(): void {
    const active = this.focusEl?.ownerDocument.activeElement
    if (active instanceof HTMLElement && this.focusEl?.contains(active)) active.blur()
  }

  hasFocus(): boolean {
    const el = this.focusEl
    return el !== null && el.contains(el.ownerDocument.activeElement)
  }

  private snapshot(): Snapshot {
    return { value: this.value, anchor: this.anchor, head: this.head }
  }

  private remember(): void {
    this.undoStack.push(this.snapshot())
    this.redoStack.length = 0
  }

  private restore(step: Snapshot): void {
    this.value = step.value
    this.anchor = step.anchor
    this.head = step.head
    this.onChange?.()
  }
}

/** The Markdown view: a file and an editor on its text. */
export class MarkdownView extends ItemView {
  editor = new Editor()
  file: TFile | null = null
  hoverPopover: HoverPopover | null = null

  constructor(leaf: WorkspaceLeaf) {
    super(leaf)
    this.contentEl.setAttribute('tabindex', '-1')
    this.editor.focusEl = this.contentEl
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

/** What editor commands get: a file and (usually) its editor. A `MarkdownView` is one; so is a Canvas card. */
export interface MarkdownFileInfo {
  app: App
  readonly file: TFile | null
  editor?: Editor
  hoverPopover: HoverPopover | null
}

/**
 * An editor outside the leaves of the main area, as a Canvas card or a hover editor has: it is the
 * workspace's `activeEditor` while it has focus, but not the most recent leaf (a `MarkdownFileInfo`
 * that is not a `MarkdownView`).
 */
export interface EmbeddedEditor extends MarkdownFileInfo {
  editor: Editor
  /** Fake only: the element that holds it. */
  containerEl: HTMLElement
}

/** Where a leaf is: the main area (as a tab, a split or in a pop-out window) or the right sidebar. */
export type LeafPlace = 'main' | 'right'

/** A leaf: holds one view. Pointer-down or focus inside it makes it the active leaf, as in Obsidian. */
export class WorkspaceLeaf extends Events {
  app: App
  view: View
  /** Fake only: `main` (the editor area, pop-outs included) or `right` (the right sidebar). */
  side: LeafPlace
  /** Fake only: how the leaf was made: a reused tab, a new tab, a split, or a pop-out window. */
  pane: PaneType | 'reuse' = 'reuse'
  containerEl: HTMLElement
  /** Whether the tab is pinned: `getLeaf(false)` never navigates a pinned tab away. */
  pinned = false
  /** Fake only: the window the leaf is in. */
  win: FakeWindow
  /** Fake only: the last view opening (a pop-out re-opens its view). */
  opening: Promise<void> = Promise.resolve()

  constructor(app: App, side: LeafPlace, win: FakeWindow) {
    super()
    this.app = app
    this.side = side
    this.win = win
    this.containerEl = this.makeContainer()
    this.view = new EmptyView(this)
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    const view = new MarkdownView(this)
    view.file = file
    await this.setView(view)
    view.editor.load(await this.app.vault.read(file))
    const line = (openState?.eState as { line?: unknown } | undefined)?.line
    if (typeof line === 'number') {
      const pos = { line: Math.max(0, Math.min(line, view.editor.lastLine())), ch: 0 }
      view.editor.setCursor(pos)
      view.editor.scrollIntoView({ from: pos, to: pos }, true)
    }
    if (openState?.active !== false) this.app.workspace.setActiveLeaf(this)
    this.app.workspace.trigger('file-open', file)
  }

  async setViewState(viewState: ViewState): Promise<void> {
    const creator = this.app.workspace.viewCreators.get(viewState.type)
    if (!creator) throw new Error(`No view registered for ${viewState.type}`)
    this.opening = this.setView(creator(this) as View)
    await this.opening
    if (viewState.active === true) this.app.workspace.setActiveLeaf(this, { focus: true })
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType() }
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned
    this.trigger('pinned-change', pinned)
  }

  togglePinned(): void {
    this.setPinned(!this.pinned)
  }

  detach(): void {
    void this.view.close()
    this.containerEl.detach()
    this.app.workspace.removeLeaf(this)
  }

  getDisplayText(): string {
    return this.view.getDisplayText()
  }

  /** Fake only: move the leaf into another window: a new container there, the view closed and opened again in it. */
  moveTo(win: FakeWindow, parent: HTMLElement): void {
    const type = this.view.getViewType()
    const file = this.view instanceof MarkdownView ? this.view.file : null
    void this.view.close()
    this.containerEl.detach()
    this.win = win
    this.containerEl = this.makeContainer()
    parent.appendChild(this.containerEl)
    this.view = new EmptyView(this)
    this.opening = file ? this.openFile(file) : this.setViewState({ type })
  }

  private makeContainer(): HTMLElement {
    const el = element(this.win.document, 'workspace-leaf')
    const activate = (): void => {
      if (this.app.workspace.activeLeaf !== this) this.app.workspace.setActiveLeaf(this)
    }
    el.addEventListener('mousedown', activate, true)
    el.addEventListener('focusin', activate)
    return el
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

/** A pop-out window of the workspace. */
export interface WorkspaceWindow {
  win: FakeWindow
  doc: Document
}

/** The workspace: the main area's leaves, the right sidebar's, and pop-out windows. */
export class Workspace extends Events {
  app: App
  layoutReady = false
  activeLeaf: WorkspaceLeaf | null = null
  /** The editor commands act on: the active Markdown view, or an embedded editor with focus; `null` when the active view has none. */
  activeEditor: MarkdownView | EmbeddedEditor | null = null
  containerEl: HTMLElement
  /** Fake only: where main-area leaves go. */
  mainEl: HTMLElement
  /** Fake only: where right-sidebar leaves go. */
  rightEl: HTMLElement
  /** Fake only: the registered views. */
  readonly viewCreators = new Map<string, (leaf: WorkspaceLeaf) => unknown>()
  /**
   * Fake only: makes the window of a pop-out. Unset, there are no pop-outs (as on mobile, where Obsidian
   * throws). The unit tests give a second happy-dom window, the browser harness a same-origin frame,
   * whose DOM classes are not the main window's, as in Obsidian's pop-outs.
   */
  popoutWindow: (() => FakeWindow) | null = null
  private readonly leaves: WorkspaceLeaf[] = []
  private mostRecent: WorkspaceLeaf | null = null
  private readonly readyCallbacks: Array<() => unknown> = []
  private readonly mainWindow: FakeWindow

  constructor(app: App) {
    super()
    this.app = app
    this.mainWindow = { document, Node, Element, HTMLElement, UIEvent }
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

  /**
   * A leaf to open something in: `false` the most recent tab (a new one when that is pinned), `true` or
   * `'tab'` a new tab, `'split'` a new leaf beside the active one, `'window'` a pop-out.
   */
  getLeaf(newLeaf?: PaneType | boolean): WorkspaceLeaf {
    if (!newLeaf) {
      if (this.mostRecent && !this.mostRecent.pinned) return this.mostRecent
      return this.createLeaf('main', 'tab')
    }
    if (newLeaf === 'window') return this.openPopoutLeaf()
    return this.createLeaf('main', newLeaf === 'split' ? 'split' : 'tab')
  }

  getRightLeaf(split: boolean): WorkspaceLeaf | null {
    void split
    return this.createLeaf('right', 'tab')
  }

  async ensureSideLeaf(type: string, side: 'left' | 'right', options?: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown }): Promise<WorkspaceLeaf> {
    void side
    const leaf = this.getLeavesOfType(type)[0] ?? this.createLeaf('right', 'tab')
    if (leaf.view.getViewType() !== type) await leaf.setViewState({ type })
    if (options?.active === true) this.setActiveLeaf(leaf, { focus: true })
    if (options?.reveal !== false) await this.revealLeaf(leaf)
    return leaf
  }

  /** Shows the leaf (uncollapses its sidebar); the active leaf and focus stay where they are. */
  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    await leaf.opening
  }

  /** The most recently active leaf of the main area or a pop-out (never a sidebar's). */
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
    return view instanceof MarkdownView ? view.file : (this.mostRecent?.view instanceof MarkdownView ? this.mostRecent.view.file : null)
  }

  /** Make a leaf the active one (and focus it, when asked); `active-leaf-change` fires when it changes. */
  setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean } | boolean, focus?: boolean): void {
    const wantFocus = typeof params === 'boolean' ? focus === true : params?.focus === true
    // The active editor follows the active leaf's view (also when the leaf opened another file).
    this.activeEditor = leaf.view instanceof MarkdownView ? leaf.view : null
    if (this.activeLeaf !== leaf) {
      this.activeLeaf = leaf
      if (leaf.side === 'main') this.mostRecent = leaf
      this.trigger('active-leaf-change', leaf)
    }
    if (wantFocus) {
      if (leaf.view instanceof MarkdownView) leaf.view.editor.focus()
      else if (!leaf.containerEl.contains(leaf.containerEl.ownerDocument.activeElement)) {
        leaf.containerEl.setAttribute('tabindex', '-1')
        leaf.containerEl.focus()
      }
    }
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath)
    if (file) await this.getLeaf(newLeaf).openFile(file, openViewState)
  }

  /** A new pop-out window with one leaf. Throws where there are no pop-outs (mobile), as Obsidian does. */
  openPopoutLeaf(): WorkspaceLeaf {
    const { win, parent } = this.newWindow()
    const leaf = new WorkspaceLeaf(this.app, 'main', win)
    leaf.pane = 'window'
    this.leaves.push(leaf)
    parent.appendChild(leaf.containerEl)
    return leaf
  }

  /** Move a leaf into a new pop-out window; its view is opened again there (`leaf.opening`). */
  moveLeafToPopout(leaf: WorkspaceLeaf): WorkspaceWindow {
    const { win, parent } = this.newWindow()
    leaf.moveTo(win, parent)
    return { win, doc: win.document }
  }

  override on(name: 'editor-change', callback: (editor: Editor, info: MarkdownView | EmbeddedEditor) => unknown, ctx?: unknown): EventRef
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

  /**
   * Fake only: an editor on a file outside the main area's leaves (a Canvas card, a hover editor), with
   * focus: it becomes the `activeEditor`; the most recent leaf stays what it was.
   */
  openEmbeddedEditor(file: TFile, text: string): EmbeddedEditor {
    const containerEl = createDiv({ cls: 'markdown-embed', attr: { tabindex: '-1' } })
    document.body.appendChild(containerEl)
    const editor = new Editor()
    editor.load(text)
    editor.focusEl = containerEl
    const info: EmbeddedEditor = { app: this.app, file, editor, hoverPopover: null, containerEl }
    editor.onChange = () => this.trigger('editor-change', editor, info)
    this.activeEditor = info
    editor.focus()
    return info
  }

  /** Fake only: forget a detached leaf. */
  removeLeaf(leaf: WorkspaceLeaf): void {
    const i = this.leaves.indexOf(leaf)
    if (i !== -1) this.leaves.splice(i, 1)
    if (this.mostRecent === leaf) this.mostRecent = null
    if (this.activeLeaf === leaf) this.activeLeaf = null
  }

  private newWindow(): { win: FakeWindow; parent: HTMLElement } {
    if (Platform.isMobile || !this.popoutWindow) throw new Error('Pop-out windows are not supported on this platform')
    const win = this.popoutWindow()
    installDomHelpers(win)
    const parent = element(win.document, 'workspace-split mod-root')
    win.document.body.appendChild(parent)
    return { win, parent }
  }

  private createLeaf(side: LeafPlace, pane: PaneType): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, side, this.mainWindow)
    leaf.pane = pane
    this.leaves.push(leaf)
    ;(side === 'main' ? this.mainEl : this.rightEl).appendChild(leaf.containerEl)
    return leaf
  }
}

