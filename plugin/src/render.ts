/**
 * Drawing the panel: the header (status, refresh, a slot for other notices), each state in plain
 * Dutch, and the suggestions as one list, best first. The DOM is patched, not rebuilt: every block has a
 * key and a signature, and a block whose signature did not change is left as it is, so a click, the
 * focus and the scroll position survive a new result. No HTML strings anywhere.
 */
import type { GraphNode, LinkProposal, SuggestResult } from '@praktijkwijzer/core'
import { setIcon } from 'obsidian'
import { cardSignature, literatureSignature, renderCard, renderLiteratureCard } from './card'
import type { Action, CardUi, PanelSuggestion } from './card'
import type { IndexStatus } from './library-index'
import { proposalKey, proposalSignature, renderProposal } from './proposals'
import { nl } from './strings'

/** What the panel shows. */
export type PanelState =
  | { kind: 'loading' }
  | { kind: 'missing'; folder: string; install: boolean }
  | { kind: 'no-note' }
  /**
   * A library note in front: the links it probably misses (`null` for a kind without link fields), and
   * how many were dismissed for it.
   */
  | { kind: 'library-note'; note: string; proposals: LinkProposal[] | null; dismissed: number }
  | { kind: 'not-case-note' }
  | { kind: 'too-short' }
  | { kind: 'error'; message: string }
  | { kind: 'results'; result: SuggestResult; showLiterature: boolean; note: string; kept: boolean }

/** What the user opened or asked for in the panel, kept across redraws of the same note. */
export interface PanelUi {
  /** Open parts of cards, as `path#part`. */
  open: Set<string>
  /** All suggestions shown, not only the first {@link VISIBLE}. */
  showAll: boolean
  /** Weak suggestions shown although nothing fits clearly. */
  showWeak: boolean
}

/** How many suggestions show before "meer". */
export const VISIBLE = 5

/** One piece of the panel: built only when its signature changed. */
interface Block {
  key: string
  sig: string
  /** Appends exactly one element to `into` (the parent; it is then moved into place). */
  build(into: HTMLElement): void
  /** Blocks inside the element (a list's cards), patched in place. */
  children?: Block[]
}

/**
 * Draw the header: the notes loaded (or how far loading is), the library's version, its problems (a
 * button when there are any), and a refresh button.
 */
export function renderHeader(el: HTMLElement, status: IndexStatus): void {
  const text = statusText(status)
  // Counts shown only once every note is read: until then a link to an overview still to come would count.
  const problems = status.state === 'ready' && !status.pending && status.errors + status.warnings > 0 ? nl.status.problems(status.errors, status.warnings) : null
  patch(el, [
    { key: 'text', sig: text, build: (into) => void into.createSpan({ cls: 'pw-status-text', text, attr: { 'aria-live': 'polite' } }) },
    {
      key: 'problems',
      sig: `${problems ?? ''}${status.errors > 0 ? 'e' : ''}`,
      build: (into) => {
        if (problems === null) {
          into.createSpan({ cls: 'pw-status-problems' })
          return
        }
        into.createEl('button', {
          cls: ['pw-status-problems', 'pw-link-button', status.errors > 0 ? 'pw-has-errors' : 'pw-has-warnings'],
          text: problems,
          attr: { 'aria-label': nl.status.problemsHint(problems), type: 'button', 'data-action': 'problems' satisfies Action }
        })
      }
    },
    {
      key: 'refresh',
      sig: status.state === 'loading' ? 'busy' : 'idle',
      build: (into) => {
        const b = into.createEl('button', { cls: ['pw-refresh', 'clickable-icon'], attr: { type: 'button', 'aria-label': nl.status.refresh, 'data-action': 'refresh' satisfies Action } })
        if (status.state === 'loading') b.setAttribute('disabled', '')
        setIcon(b, 'refresh-cw')
      }
    }
  ])
}

/**
 * Draw the header's slot for the carried library: one line when the vault's library is older (or an
 * update was interrupted), with the button that offers the update; empty otherwise.
 *
 * @param line The line, or undefined when the library is current.
 */
export function renderLibraryNotice(el: HTMLElement, line: string | undefined): void {
  patch(
    el,
    line === undefined
      ? []
      : [{ key: 'library-line', sig: line, build: (into) => void into.createDiv({ cls: 'pw-library-outdated', text: line, attr: { 'aria-live': 'polite' } }) }, button('update', nl.library.update, 'pw-link-button')]
  )
}

function button(key: string, text: string, cls: string): Block {
  return { key: `library:${key}`, sig: text, build: (into) => void into.createEl('button', { cls, text, attr: { type: 'button', 'data-action': 'update-library' satisfies Action } }) }
}

function statusText(status: IndexStatus): string {
  if (status.state === 'loading' || status.state === 'idle') return status.progress ? nl.status.progress(status.progress.done, status.progress.total) : nl.state.loading
  if (status.state === 'missing') return nl.status.missing
  const version = status.version === undefined ? '' : ` · ${nl.status.version(status.version)}`
  const clean = !status.pending && status.errors + status.warnings === 0 ? ` · ${nl.status.problems(0, 0)}` : ''
  const notice = status.notice === undefined ? '' : ` · ${status.notice}`
  return `${nl.status.notes(status.notes)}${version}${clean}${notice}`
}

/**
 * Draw the panel's body for a state: only blocks whose content changed are built again.
 *
 * @param lookup Finds the library note of a suggestion (by library path).
 * @returns Whether anything in the DOM changed (a keystroke that changes no result changes nothing).
 */
export function renderBody(el: HTMLElement, state: PanelState, ui: PanelUi, lookup: (path: string) => GraphNode | undefined): boolean {
  const kind = el.dataset['state'] !== state.kind
  if (kind) el.dataset['state'] = state.kind
  return patch(el, blocks(state, ui, lookup)) || kind
}

function blocks(state: PanelState, ui: PanelUi, lookup: (path: string) => GraphNode | undefined): Block[] {
  switch (state.kind) {
    case 'loading':
      return [message(nl.state.loading)]
    case 'missing':
      if (!state.install) return [message(nl.state.noLibrary(state.folder))]
      // First run: the plugin carries the library, so one click installs it.
      return [message(nl.state.noLibraryInstall(state.folder)), button('install', nl.library.install, 'mod-cta')]
    case 'no-note':
      return [message(nl.state.noNote)]
    case 'library-note':
      return libraryNote(state, lookup)
    case 'not-case-note':
      return [message(nl.state.notCaseNote)]
    case 'too-short':
      return [message(nl.state.tooShort)]
    case 'error':
      return [message(nl.state.error(state.message), 'pw-error')]
    case 'results':
      return results(state, ui, lookup)
  }
}

function message(text: string, cls = 'pw-message'): Block {
  return { key: `message:${cls}`, sig: text, build: (into) => void into.createDiv({ cls: ['pw-message', cls], text }) }
}

function results(state: Extract<PanelState, { kind: 'results' }>, ui: PanelUi, lookup: (path: string) => GraphNode | undefined): Block[] {
  const out: Block[] = []
  if (state.kept) out.push(message(nl.state.keptFor(state.note), 'pw-kept'))
  const suggestions = [...state.result.suggestions].sort((a, b) => b.score - a.score)
  const literature = state.showLiterature ? state.result.literature : []
  if (suggestions.length === 0 && literature.length === 0) return [...out, message(nl.state.nothingFound)]
  const clear = suggestions.filter((s) => s.level !== 'zwak')
  // Quiet when nothing fits: one line, and the weak ones only on request.
  if (clear.length === 0 && !ui.showWeak) {
    out.push(message(nl.state.noClearMatch, 'pw-quiet'))
    if (suggestions.length > 0) out.push(more('weak', nl.state.showWeak(suggestions.length)))
    return out
  }
  const shown = ui.showAll ? suggestions : suggestions.slice(0, VISIBLE)
  out.push(list('suggestions', nl.list.suggestions, shown.map((s) => card(s, lookup(s.path), ui))))
  if (shown.length < suggestions.length) out.push(more('more', nl.list.more(suggestions.length - shown.length)))
  if (literature.length > 0 && clear.length > 0) {
    out.push({ key: 'literature-title', sig: '', build: (into) => void into.createEl('h4', { cls: 'pw-list-title', text: nl.list.literature }) })
    out.push(
      list(
        'literature',
        nl.list.literature,
        literature.map((l) => {
          const node = lookup(l.path)
          return { key: l.path, sig: literatureSignature(l, node), build: (into) => renderLiteratureCard(into, l, node) }
        })
      )
    )
  }
  return out
}

function libraryNote(state: Extract<PanelState, { kind: 'library-note' }>, lookup: (path: string) => GraphNode | undefined): Block[] {
  if (state.proposals === null) return [message(nl.state.libraryNote)]
  const out: Block[] = [{ key: 'links-title', sig: '', build: (into) => void into.createEl('h4', { cls: 'pw-list-title', text: nl.links.heading }) }]
  if (state.proposals.length === 0) out.push(message(nl.links.none, 'pw-quiet'))
  else {
    out.push(message(nl.links.intro, 'pw-links-intro'))
    out.push(
      list(
        'links',
        nl.links.heading,
        state.proposals.map((p) => {
          const node = lookup(p.path)
          return { key: proposalKey(p), sig: proposalSignature(p, node), build: (into) => renderProposal(into, p, node) }
        })
      )
    )
  }
  if (state.dismissed > 0) out.push(message(nl.links.dismissed(state.dismissed), 'pw-dismissed'))
  return out
}

function card(s: PanelSuggestion, node: GraphNode | undefined, ui: PanelUi): Block {
  const cardUi: CardUi = { advice: ui.open.has(`${s.path}#advice`), details: ui.open.has(`${s.path}#details`) }
  return { key: s.path, sig: cardSignature(s, node, cardUi), build: (into) => renderCard(into, s, node, cardUi) }
}

/** A list of cards: the list element stays, its cards are patched one by one. */
function list(key: string, label: string, cards: Block[]): Block {
  return {
    key: `list:${key}`,
    // The list element itself never changes; its cards are patched inside it.
    sig: '',
    build: (into) => void into.createDiv({ cls: 'pw-list', attr: { role: 'list', 'aria-label': label, 'data-list': key } }),
    children: cards
  }
}

function more(action: 'more' | 'weak', text: string): Block {
  return {
    key: `button:${action}`,
    sig: text,
    build: (into) => void into.createEl('button', { cls: ['pw-more', 'pw-link-button'], text, attr: { type: 'button', 'data-action': action satisfies Action } })
  }
}

/**
 * Bring a parent's children in line with the blocks: a child with the block's key and signature stays
 * (untouched), any other is replaced by a newly built one, extra children go. A block with children (a
 * list) keeps its element and patches inside it.
 */
/** @returns Whether anything in the DOM changed. */
function patch(parent: HTMLElement, wanted: readonly Block[]): boolean {
  let changed = false
  const existing = new Map<string, HTMLElement>()
  for (const child of Array.from(parent.children)) {
    const key = child.instanceOf(HTMLElement) ? child.dataset['block'] : undefined
    if (key !== undefined && child.instanceOf(HTMLElement)) existing.set(key, child)
    else {
      child.remove()
      changed = true
    }
  }
  let at: Element | null = parent.firstElementChild
  for (const block of wanted) {
    const current = existing.get(block.key)
    existing.delete(block.key)
    let el = current && current.dataset['sig'] === block.sig ? current : null
    if (!el) {
      changed = true
      el = build(parent, block)
      if (current) {
        if (current === at) at = el
        current.replaceWith(el)
      }
    }
    if (el === at) at = at.nextElementSibling
    else {
      parent.insertBefore(el, at)
      changed = true
    }
    if (block.children && patch(el, block.children)) changed = true
  }
  for (const stale of existing.values()) {
    stale.remove()
    changed = true
  }
  return changed
}

function build(parent: HTMLElement, block: Block): HTMLElement {
  // Built with the parent's own helpers, so in its document (a pop-out window has its own).
  block.build(parent)
  const el = parent.lastElementChild as HTMLElement
  el.dataset['block'] = block.key
  el.dataset['sig'] = block.sig
  return el
}
