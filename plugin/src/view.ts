/**
 * The side panel: for the note being edited, the practices, methods, themes and literature that fit it.
 * It updates as the user types (debounced), on switching notes, on opening a file and when the library
 * changes. It reads the note's text when it computes and keeps none of it.
 */
import { ItemView, MarkdownView } from 'obsidian'
import type { EventRef, HoverParent, HoverPopover, WorkspaceLeaf } from 'obsidian'
import type { Actions } from './actions'
import { currentNote, VIEW_TYPE, whatWorks } from './actions'
import type { LibraryIndex } from './library-index'
import { LiveUpdater } from './live'
import type { Ticket } from './live'
import type { Action, PanelState } from './render'
import { renderBody, renderStatus } from './render'
import { caseFolderList, shownTypes } from './settings'
import type { PraktijkwijzerSettings } from './settings'
import { nl } from './strings'
import { noteBody } from './text'

/** Fewer characters than this (after the frontmatter) is not yet a note to suggest for. */
export const MIN_TEXT = 12

/** What the panel needs; values, not the plugin. */
export interface PanelServices {
  index: LibraryIndex
  actions: Actions
  settings: () => PraktijkwijzerSettings
  /** Be told when a setting changed. */
  onSettingsChanged: (callback: () => void) => EventRef
  showProblems: () => void
}

/** The Praktijkwijzer panel. */
export class PanelView extends ItemView implements HoverParent {
  hoverPopover: HoverPopover | null = null
  private readonly services: PanelServices
  private updater: LiveUpdater | null = null
  private statusEl: HTMLElement | null = null
  private bodyEl: HTMLElement | null = null

  constructor(leaf: WorkspaceLeaf, services: PanelServices) {
    super(leaf)
    this.services = services
    this.icon = 'lightbulb'
  }

  override getViewType(): string {
    return VIEW_TYPE
  }

  override getDisplayText(): string {
    return nl.viewTitle
  }

  override async onOpen(): Promise<void> {
    const { index } = this.services
    const root = this.contentEl
    root.empty()
    root.addClass('praktijkwijzer-panel')
    this.statusEl = root.createDiv({ cls: 'pw-status' })
    this.bodyEl = root.createDiv({ cls: 'pw-body' })

    const updater = new LiveUpdater((ticket) => this.update(ticket), this.services.settings().debounceMs, (error) => this.showError(error))
    this.updater = updater
    this.register(() => updater.stop())

    const { workspace } = this.app
    this.registerEvent(
      workspace.on('editor-change', (_editor, info) => {
        if (info instanceof MarkdownView && info === currentNote(this.app)?.view) updater.schedule()
      })
    )
    this.registerEvent(workspace.on('active-leaf-change', () => void updater.now()))
    this.registerEvent(workspace.on('file-open', () => void updater.now()))
    this.registerEvent(index.onUpdated(() => void updater.now()))
    this.registerEvent(
      this.services.onSettingsChanged(() => {
        updater.setDelay(this.services.settings().debounceMs)
        void updater.now()
      })
    )
    this.registerDomEvent(root, 'click', (evt) => this.onClick(evt))
    this.registerDomEvent(root, 'auxclick', (evt) => {
      if (evt.button === 1) this.onClick(evt)
    })
    this.registerDomEvent(root, 'mouseover', (evt) => this.onHover(evt))
    await updater.now()
  }

  override async onClose(): Promise<void> {
    this.updater?.stop()
    this.updater = null
    this.contentEl.empty()
  }

  /** Compute and draw; only the newest computation draws. */
  private async update(ticket: Ticket): Promise<void> {
    const { index } = this.services
    if (index.status().state === 'loading') {
      this.draw({ kind: 'loading' })
      await index.idle()
      if (!ticket.current()) return
    }
    this.draw(this.compute())
  }

  /** The state for the note being edited, read now. */
  private compute(): PanelState {
    const { index } = this.services
    const settings = this.services.settings()
    const status = index.status()
    if (status.state === 'missing') return { kind: 'missing', folder: status.folder }
    if (status.state !== 'ready') return { kind: 'loading' }
    const note = currentNote(this.app)
    if (!note) return { kind: 'no-note' }
    if (index.libraryPath(note.file.path) !== null) return { kind: 'library-note' }
    if (!isCaseNote(note.file.path, caseFolderList(settings))) return { kind: 'not-case-note' }
    const { editor } = note
    const body = noteBody(editor.getValue(), editor.posToOffset(editor.getCursor()))
    if (body.text.trim().length < MIN_TEXT) return { kind: 'too-short' }
    const result = index.suggest(body.text, {
      limit: settings.maxResults,
      minScore: settings.minScore,
      types: shownTypes(settings),
      focus: settings.focus,
      cursor: body.cursor
    })
    if (!result) return { kind: 'loading' }
    return { kind: 'results', result, showLiterature: settings.showLiteratuur }
  }

  private draw(state: PanelState): void {
    if (!this.statusEl || !this.bodyEl) return
    const { index } = this.services
    renderStatus(this.statusEl, index.status())
    renderBody(this.bodyEl, state, (path) => index.node(path), (node) => whatWorks(node).length > 0)
  }

  private showError(error: unknown): void {
    try {
      this.draw({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    } catch {
      // Drawing the error failed too: nothing more to do without disturbing the user.
    }
  }

  private onClick(evt: MouseEvent): void {
    const target = this.actionTarget(evt)
    if (!target) return
    evt.preventDefault()
    const { actions, index, showProblems } = this.services
    if (target.action === 'problems') return showProblems()
    const node = target.path === null ? undefined : index.node(target.path)
    if (!node) return
    switch (target.action) {
      case 'open':
        void actions.open(node, evt)
        break
      case 'link':
        void actions.insertLink(node)
        break
      case 'checklist':
        void actions.insertChecklist(node)
        break
      case 'cite':
        void actions.cite(node)
        break
    }
  }

  private onHover(evt: MouseEvent): void {
    const target = this.actionTarget(evt)
    if (target?.action !== 'open' || target.path === null) return
    const node = this.services.index.node(target.path)
    if (node) this.services.actions.hover(node, evt, target.el, this)
  }

  private actionTarget(evt: MouseEvent): { action: Action; path: string | null; el: HTMLElement } | null {
    if (!(evt.target instanceof Element)) return null
    const el = evt.target.closest<HTMLElement>('[data-action]')
    if (!el || !this.contentEl.contains(el)) return null
    const action = el.dataset['action'] as Action | undefined
    if (action === undefined) return null
    const path = el.closest<HTMLElement>('[data-path]')?.dataset['path'] ?? null
    return { action, path, el }
  }
}

/**
 * Whether a note counts as a case note: inside one of the folders, or anywhere when there are none.
 *
 * @param path The note's vault path.
 * @param folders The case-note folders (vault paths).
 */
export function isCaseNote(path: string, folders: readonly string[]): boolean {
  return folders.length === 0 || folders.some((f) => path.startsWith(`${f}/`))
}
