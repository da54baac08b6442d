/**
 * The side panel: for the case note being written, the practices, methods, themes and literature that
 * fit it. It follows that note: it updates as the user types (debounced), when another note comes to
 * the front, and when the library or the settings change; a library note opened from the panel does not
 * take its place. It redraws only what changed, so the panel getting focus (which makes it the active
 * leaf) never costs a click, the focus or the scroll position. It reads the note's text when it
 * computes and keeps none of it.
 *
 * Over 300 lines: the view owns the panel's events (vault, workspace, pointer, keyboard, drag), and
 * splitting them across files would hide how they interact.
 */
import { ItemView } from 'obsidian'
import type { EventRef, HoverParent, HoverPopover, WorkspaceLeaf } from 'obsidian'
import type { Actions, NoteTarget } from './actions'
import { currentNote, openNoteAt, VIEW_TYPE } from './actions'
import type { Action } from './card'
import type { Dismissed } from './dismissed'
import type { LibraryIndex } from './library-index'
import { LiveUpdater } from './live'
import type { Ticket } from './live'
import type { PanelState, PanelUi } from './render'
import { renderBody, renderHeader, renderLibraryNotice } from './render'
import { caseFolderList, shownTypes } from './settings'
import type { PraktijkwijzerSettings } from './settings'
import { nl } from './strings'
import { noteBody } from './text'

/** Fewer characters than this (after the frontmatter) is not yet a note to suggest for. */
export const MIN_TEXT = 12

/** Proposed missing links shown per field of a library note. */
export const PROPOSALS_PER_FIELD = 3

/** What the panel needs; values, not the plugin. */
export interface PanelServices {
  index: LibraryIndex
  actions: Actions
  settings: () => PraktijkwijzerSettings
  /** The proposed links the researcher dismissed. */
  dismissed: Dismissed
  /** Be told when a setting changed. */
  onSettingsChanged: (callback: () => void) => EventRef
  showProblems: () => void
  /** Read the library again (the refresh button). */
  refresh: () => void
  /** The carried library (see `update/`): one line when the vault's is older, and the update or first install. */
  library?: { line: () => string | undefined; offer: () => void }
}

/** Which element had focus, so that focus can go back to its successor after a redraw. */
interface FocusSpot {
  key: string | undefined
  action: string | undefined
  part: string | undefined
}

/** The Praktijkwijzer panel. */
export class PanelView extends ItemView implements HoverParent {
  hoverPopover: HoverPopover | null = null
  private readonly services: PanelServices
  private updater: LiveUpdater | null = null
  private headerEl: HTMLElement | null = null
  private slotEl: HTMLElement | null = null
  private bodyEl: HTMLElement | null = null
  /** The case note the panel follows (its path; never its text). */
  private followed: string | null = null
  /** The note in front when the panel last computed. */
  private front: string | null = null
  private state: PanelState = { kind: 'loading' }
  private ui: PanelUi = freshUi()
  /** The path whose `ui` this is: a new note starts with everything closed. */
  private uiNote: string | null = null
  /** The card that Tab lands on (roving focus). */
  private current: string | null = null
  /** The panel's scroll position as the last scroll event saw it (a redraw keeps it). */
  private scrollTop = 0

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
    const header = root.createDiv({ cls: 'pw-header' })
    this.headerEl = header.createDiv({ cls: 'pw-status' })
    // Room for other notices in the header (a library update, a first-run offer).
    this.slotEl = header.createDiv({ cls: 'pw-header-slot' })
    this.bodyEl = root.createDiv({ cls: 'pw-body' })

    const updater = new LiveUpdater((ticket) => this.update(ticket), this.services.settings().debounceMs, (error) => this.showError(error))
    this.updater = updater
    this.register(() => updater.stop())

    const { workspace } = this.app
    this.registerEvent(
      workspace.on('editor-change', (_editor, info) => {
        const path = info.file?.path
        if (path !== undefined && (path === this.followed || path === currentNote(this.app)?.file.path)) updater.schedule()
      })
    )
    // Focus in the panel makes it the active leaf too: only a new note in front is reason to compute.
    this.registerEvent(
      workspace.on('active-leaf-change', () => {
        if ((currentNote(this.app)?.file.path ?? null) !== this.front) void updater.now()
      })
    )
    this.registerEvent(workspace.on('file-open', () => void updater.now()))
    // A tab closed or moved (the followed case note may be gone): cheap, since unchanged results draw nothing.
    this.registerEvent(workspace.on('layout-change', () => void updater.now()))
    this.registerEvent(index.onUpdated(() => void updater.now()))
    this.registerEvent(index.onProgress(() => this.drawHeader()))
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
    this.registerDomEvent(root, 'keydown', (evt) => this.onKey(evt))
    this.registerDomEvent(root, 'focusin', (evt) => this.onFocus(evt))
    this.registerDomEvent(root, 'dragstart', (evt) => this.onDrag(evt))
    this.registerDomEvent(root, 'scroll', () => (this.scrollTop = root.scrollTop), { passive: true })
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
    if (this.state.kind !== 'loading') return this.draw(this.compute())
    // The first computation on a new index (cold code and caches: the slowest query) gets tasks of its
    // own, apart from the index's last step and from the first drawing: no long task at start-up.
    await nextTask(this.contentEl.win)
    if (!ticket.current()) return
    const state = this.compute()
    await nextTask(this.contentEl.win)
    if (ticket.current()) this.draw(state)
  }

  /** The state for the case note the panel follows, read now. */
  private compute(): PanelState {
    const { index } = this.services
    const settings = this.services.settings()
    const status = index.status()
    const front = currentNote(this.app)
    this.front = front?.file.path ?? null
    if (status.state === 'missing') return { kind: 'missing', folder: status.folder, install: this.services.library !== undefined }
    if (status.state !== 'ready') return { kind: 'loading' }
    const frontIsLibrary = front !== null && index.libraryPath(front.file.path) !== null
    // A library note in front (opened from the panel, say): keep following the case note while it is open.
    const kept = front === null || frontIsLibrary ? (this.followed === null ? null : openNoteAt(this.app, this.followed)) : null
    const note = kept ?? front
    if (!note) return { kind: 'no-note' }
    const libraryPath = index.libraryPath(note.file.path)
    if (libraryPath !== null) return this.libraryNote(libraryPath)
    if (!isCaseNote(note.file.path, caseFolderList(settings))) return { kind: 'not-case-note' }
    this.followed = note.file.path
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
    return { kind: 'results', result, showLiterature: settings.showLiteratuur, note: note.file.basename, kept: kept !== null }
  }

  /**
   * A library note in front: the links it probably misses, per field, without the dismissed ones (more
   * are asked for than shown, so a dismissed proposal makes room for the next).
   */
  private libraryNote(path: string): PanelState {
    const node = this.services.index.node(path)
    if (node?.type !== 'praktijk' && node?.type !== 'methodiek' && node?.type !== 'thema') return { kind: 'library-note', note: path, proposals: null, dismissed: 0 }
    const { dismissed, index } = this.services
    const all = index.missingLinks(path, { limit: PROPOSALS_PER_FIELD * 3 }) ?? []
    const open = all.filter((p) => !dismissed.has(path, p.field, p.path))
    const perField = new Map<string, number>()
    const proposals = open.filter((p) => {
      const n = (perField.get(p.field) ?? 0) + 1
      perField.set(p.field, n)
      return n <= PROPOSALS_PER_FIELD
    })
    return { kind: 'library-note', note: path, proposals, dismissed: all.length - open.length }
  }

  /** The note inserts go into: the case note the panel follows. */
  private target(): NoteTarget | null {
    const note = this.followed === null ? null : openNoteAt(this.app, this.followed)
    return note ? { file: note.file, editor: note.editor } : null
  }

  private draw(state: PanelState): void {
    this.state = state
    const note = state.kind === 'results' ? this.followed : null
    if (note !== this.uiNote) {
      this.ui = freshUi()
      this.uiNote = note
    }
    this.redraw()
  }

  /** Draw the current state again (after a toggle): only changed blocks are rebuilt. */
  private redraw(): void {
    const body = this.bodyEl
    if (!body) return
    const root = this.contentEl
    const spot = this.focusSpot()
    this.drawHeader()
    // No layout is read unless the body changed: reading it after the editor changed would force the
    // whole window's layout at every keystroke. The scroll position is the one the last scroll event saw.
    if (!renderBody(body, this.state, this.ui, (path) => this.services.index.node(path))) return
    this.rove()
    if (spot && !root.contains(root.doc.activeElement)) this.refocus(spot)
    if (root.scrollTop !== this.scrollTop) root.scrollTop = this.scrollTop
  }

  private drawHeader(): void {
    if (this.headerEl) renderHeader(this.headerEl, this.services.index.status())
    if (this.slotEl) renderLibraryNotice(this.slotEl, this.services.library?.line())
  }

  private showError(error: unknown): void {
    try {
      this.draw({ kind: 'error', message: error instanceof Error ? error.message : String(error) })
    } catch {
      // Drawing the error failed too: nothing more to do without disturbing the user.
    }
  }

  private focusSpot(): FocusSpot | null {
    const active = this.contentEl.doc.activeElement
    if (!active?.instanceOf(HTMLElement) || !this.contentEl.contains(active)) return null
    return { key: active.closest<HTMLElement>('[data-key]')?.dataset['key'], action: active.dataset['action'], part: active.dataset['part'] }
  }

  /** Focus the successor of an element a redraw replaced: the same action on the same card, else the card's title. */
  private refocus(spot: FocusSpot): void {
    const card = this.cards().find((c) => c.dataset['key'] === spot.key)
    const scope = card ?? this.contentEl
    const same = scope.findAll('[data-action]').find((el) => el.instanceOf(HTMLElement) && el.dataset['action'] === spot.action && el.dataset['part'] === spot.part)
    const target = same ?? card?.find('.pw-title')
    if (target?.instanceOf(HTMLElement)) target.focus({ preventScroll: true })
  }

  private cards(): HTMLElement[] {
    return this.contentEl.findAll('.pw-card').filter((el): el is HTMLElement => el.instanceOf(HTMLElement))
  }

  /** Roving focus: Tab reaches the current card (its title and actions); the arrow keys move between cards. */
  private rove(): void {
    const cards = this.cards()
    const current = cards.find((c) => c.dataset['key'] === this.current) ?? cards[0]
    for (const card of cards) {
      const tabIndex = card === current ? '0' : '-1'
      for (const el of card.findAll('a, button')) if (el.getAttribute('tabindex') !== tabIndex) el.setAttribute('tabindex', tabIndex)
    }
  }

  private onFocus(evt: FocusEvent): void {
    const card = this.targetEl(evt)?.closest<HTMLElement>('.pw-card')
    const key = card?.dataset['key']
    if (key !== undefined && key !== this.current) {
      this.current = key
      this.rove()
    }
  }

  private onKey(evt: KeyboardEvent): void {
    const el = this.targetEl(evt)
    const card = el?.closest<HTMLElement>('.pw-card')
    if (!el || !card) return
    const cards = this.cards()
    const i = cards.indexOf(card)
    const go = (j: number): void => {
      const next = cards[Math.max(0, Math.min(cards.length - 1, j))]
      const focusable = next?.find('.pw-title[data-action]') ?? next?.find('button')
      if (focusable?.instanceOf(HTMLElement)) focusable.focus()
      evt.preventDefault()
    }
    if (evt.key === 'ArrowDown') go(i + 1)
    else if (evt.key === 'ArrowUp') go(i - 1)
    else if (evt.key === 'Home') go(0)
    else if (evt.key === 'End') go(cards.length - 1)
    else if (evt.key === 'Enter' && el.dataset['action'] === 'open') {
      // Handled here, not as the link's click: the keyboard's Mod keys count as they do for a click.
      evt.preventDefault()
      const node = this.nodeOf(el)
      if (node) void this.services.actions.open(node, evt)
    }
  }

  private onClick(evt: MouseEvent): void {
    const el = this.targetEl(evt)?.closest<HTMLElement>('[data-action]')
    if (!el || !this.contentEl.contains(el)) return
    evt.preventDefault()
    const action = el.dataset['action'] as Action | undefined
    const { actions, showProblems, refresh } = this.services
    switch (action) {
      case 'problems':
        return showProblems()
      case 'refresh':
        return refresh()
      case 'update-library':
        return this.services.library?.offer()
      case 'more':
      case 'weak': {
        // The button goes; focus goes to the first card it brought.
        const before = new Set(this.cards().map((c) => c.dataset['key']))
        if (action === 'more') this.ui.showAll = true
        else this.ui.showWeak = true
        this.redraw()
        const first = this.cards()
          .find((c) => !before.has(c.dataset['key']))
          ?.find('.pw-title[data-action], button')
        if (first?.instanceOf(HTMLElement)) first.focus()
        return
      }
      case 'add-link':
      case 'dismiss-link':
        return this.onProposal(action, el)
      case 'toggle': {
        const key = `${el.closest<HTMLElement>('[data-path]')?.dataset['path'] ?? ''}#${el.dataset['part'] ?? ''}`
        if (!this.ui.open.delete(key)) this.ui.open.add(key)
        return this.redraw()
      }
      default:
        break
    }
    const node = this.nodeOf(el)
    if (!node) return
    if (action === 'open') void actions.open(node, evt)
    else if (action === 'link') void actions.insertLink(node, this.target())
    else if (action === 'checklist') void actions.insertChecklist(node, this.target())
    else if (action === 'cite') void actions.cite(node, this.target())
  }

  /** Add a proposed link to the library note in front, or dismiss it for that note. */
  private onProposal(action: 'add-link' | 'dismiss-link', el: HTMLElement): void {
    const state = this.state
    const card = el.closest<HTMLElement>('[data-field]')
    const field = card?.dataset['field']
    const path = card?.dataset['path']
    const target = card?.dataset['target']
    if (state.kind !== 'library-note' || field === undefined || path === undefined || target === undefined) return
    if (action === 'dismiss-link') {
      void this.services.dismissed.dismiss(state.note, field, path).then(() => this.updater?.now())
      return
    }
    const note = this.services.index.node(state.note)
    if (note) void this.services.actions.addLink(note, field, target)
  }

  private onHover(evt: MouseEvent): void {
    const el = this.targetEl(evt)?.closest<HTMLElement>('[data-action="open"]')
    const node = el ? this.nodeOf(el) : undefined
    if (el && node) this.services.actions.hover(node, evt, el, this)
  }

  /** Dragging a title into a note drops a link to it (as the user's link settings want), not the "#" of the anchor. */
  private onDrag(evt: DragEvent): void {
    const el = this.targetEl(evt)?.closest<HTMLElement>('[data-action="open"]')
    const node = el ? this.nodeOf(el) : undefined
    if (!node || !evt.dataTransfer) return
    evt.dataTransfer.clearData()
    evt.dataTransfer.setData('text/plain', this.services.actions.linkTo(node, this.followed ?? ''))
    evt.dataTransfer.effectAllowed = 'copyLink'
  }

  /** The element an event happened on, from any window (a pop-out's nodes are not this window's `Element`s). */
  private targetEl(evt: UIEvent): HTMLElement | null {
    const node = evt.targetNode
    const el = node?.instanceOf(HTMLElement) ? node : node?.parentElement
    return el?.instanceOf(HTMLElement) ? el : null
  }

  private nodeOf(el: HTMLElement): ReturnType<LibraryIndex['node']> {
    const path = el.closest<HTMLElement>('[data-path]')?.dataset['path']
    return path === undefined ? undefined : this.services.index.node(path)
  }
}

/** Give the window's main thread back until its next task. */
function nextTask(win: Window): Promise<void> {
  return new Promise((resolve) => win.setTimeout(resolve, 0))
}

function freshUi(): PanelUi {
  return { open: new Set(), showAll: false, showWeak: false }
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
