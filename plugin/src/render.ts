/**
 * Drawing the panel: the status line, each state in plain Dutch, and the suggestions with their reasons.
 * DOM is built with Obsidian's helpers (`createEl`, `empty`); no HTML strings anywhere.
 */
import type { GraphNode, LiteratureSuggestion, SuggestionType, SuggestResult, Suggestion } from '@praktijkwijzer/core'
import { setIcon } from 'obsidian'
import type { IndexStatus } from './library-index'
import { GROUP_LABEL, KIND_LABEL, nl } from './strings'
import { highlight } from './text'

/** What the panel shows. */
export type PanelState =
  | { kind: 'loading' }
  | { kind: 'missing'; folder: string }
  | { kind: 'no-note' }
  | { kind: 'library-note' }
  | { kind: 'not-case-note' }
  | { kind: 'too-short' }
  | { kind: 'error'; message: string }
  | { kind: 'results'; result: SuggestResult; showLiterature: boolean }

/**
 * The actions an element offers, in its `data-action`: the view listens once on the panel (event
 * delegation, registered for cleanup) and finds the item by the `data-path` of the element around it.
 */
export type Action = 'open' | 'link' | 'checklist' | 'cite' | 'problems'

/** Whether a practice has "Wat werkt" points to insert. */
export type HasChecklist = (node: GraphNode) => boolean

const GROUPS: readonly SuggestionType[] = ['praktijk', 'methodiek', 'thema']

/** Score above which a match is called strong. */
const STRONG = 0.5

/**
 * Draw the status line: notes loaded and the library's problems (a button when there are any).
 *
 * @param el The status line's element (emptied first).
 */
export function renderStatus(el: HTMLElement, status: IndexStatus): void {
  el.empty()
  if (status.state === 'loading' || status.state === 'idle') {
    el.createSpan({ text: nl.state.loading })
    return
  }
  el.createSpan({ cls: 'pw-status-notes', text: nl.status.notes(status.notes) })
  el.createSpan({ text: ' · ' })
  const text = nl.status.problems(status.errors, status.warnings)
  if (status.errors + status.warnings === 0) {
    el.createSpan({ cls: 'pw-status-problems', text })
    return
  }
  const button = el.createEl('button', {
    cls: ['pw-status-problems', 'pw-link-button', status.errors > 0 ? 'pw-has-errors' : 'pw-has-warnings'],
    text,
    attr: { 'aria-label': nl.status.problemsHint, type: 'button', 'data-action': 'problems' satisfies Action }
  })
  button.dataset['count'] = String(status.errors + status.warnings)
}

/**
 * Draw the panel's body for a state.
 *
 * @param el The body's element (emptied first).
 * @param lookup Finds the library note of a suggestion (by library path).
 */
export function renderBody(el: HTMLElement, state: PanelState, lookup: (path: string) => GraphNode | undefined, hasChecklist: HasChecklist): void {
  el.empty()
  el.dataset['state'] = state.kind
  switch (state.kind) {
    case 'loading':
      return message(el, nl.state.loading)
    case 'missing':
      return message(el, nl.state.noLibrary(state.folder))
    case 'no-note':
      return message(el, nl.state.noNote)
    case 'library-note':
      return message(el, nl.state.libraryNote)
    case 'not-case-note':
      return message(el, nl.state.notCaseNote)
    case 'too-short':
      return message(el, nl.state.tooShort)
    case 'error':
      return message(el, nl.state.error(state.message), 'pw-error')
    case 'results':
      return renderResults(el, state.result, state.showLiterature, lookup, hasChecklist)
  }
}

function message(el: HTMLElement, text: string, cls = 'pw-message'): void {
  el.createDiv({ cls: ['pw-message', cls], text })
}

function renderResults(el: HTMLElement, result: SuggestResult, showLiterature: boolean, lookup: (path: string) => GraphNode | undefined, hasChecklist: HasChecklist): void {
  const literature = showLiterature ? result.literature : []
  if (result.suggestions.length === 0 && literature.length === 0) return message(el, nl.state.nothingFound)
  if (result.suggestions.length > 0 && result.suggestions.every((s) => s.weak)) el.createDiv({ cls: ['pw-message', 'pw-weak-note'], text: nl.state.onlyWeak })
  for (const type of GROUPS) {
    const items = result.suggestions.filter((s) => s.type === type)
    if (items.length === 0) continue
    const group = el.createDiv({ cls: 'pw-group', attr: { 'data-type': type } })
    group.createEl('h4', { cls: 'pw-group-title', text: GROUP_LABEL[type] })
    for (const s of items) renderSuggestion(group, s, lookup(s.path), hasChecklist)
  }
  if (literature.length > 0) {
    const group = el.createDiv({ cls: 'pw-group', attr: { 'data-type': 'literatuur' } })
    group.createEl('h4', { cls: 'pw-group-title', text: GROUP_LABEL.literatuur })
    for (const l of literature) renderLiterature(group, l, lookup(l.path))
  }
}

function renderSuggestion(parent: HTMLElement, s: Suggestion, node: GraphNode | undefined, hasChecklist: HasChecklist): void {
  const item = parent.createDiv({ cls: ['pw-item', s.weak ? 'pw-weak' : 'pw-clear'], attr: { 'data-path': s.path } })
  const head = item.createDiv({ cls: 'pw-item-head' })
  title(head, s.title, node !== undefined)
  const meta = item.createDiv({ cls: 'pw-item-meta' })
  meta.createSpan({ cls: ['pw-badge', `pw-kind-${s.type}`], text: KIND_LABEL[s.type] })
  if (s.evidence !== undefined) meta.createSpan({ cls: ['pw-badge', 'pw-evidence'], text: nl.item.evidence(s.evidence) })
  const level = s.weak ? 'weak' : s.score >= STRONG ? 'strong' : 'fair'
  meta.createSpan({ cls: ['pw-score', `pw-score-${level}`], text: nl.item.score[level], attr: { title: nl.item.scoreTitle(s.score), 'data-score': s.score.toFixed(2) } })
  if (s.summary !== undefined) item.createDiv({ cls: 'pw-summary', text: s.summary, attr: { title: s.summary } })

  const words = [...new Set(s.matches.flatMap((m) => m.words))]
  if (words.length > 0) {
    const line = item.createDiv({ cls: 'pw-words' })
    line.createSpan({ cls: 'pw-words-label', text: `${nl.item.yourWords} ` })
    words.forEach((w, i) => {
      if (i > 0) line.createSpan({ text: ', ' })
      line.createEl('mark', { cls: 'pw-mark', text: w })
    })
  }
  if (s.why.length > 0) {
    const why = item.createEl('ul', { cls: 'pw-why' })
    const needles = s.matches.flatMap((m) => [m.term, ...m.words])
    for (const reason of s.why) marked(why.createEl('li'), plainLinks(reason), needles)
  }

  if (node) {
    const actions = item.createDiv({ cls: 'pw-actions' })
    button(actions, 'link', 'link', nl.item.insertLink)
    if (s.type === 'praktijk' && hasChecklist(node)) button(actions, 'checklist', 'list-checks', nl.item.insertChecklist)
  }
}

function renderLiterature(parent: HTMLElement, l: LiteratureSuggestion, node: GraphNode | undefined): void {
  const item = parent.createDiv({ cls: ['pw-item', 'pw-literature'], attr: { 'data-path': l.path } })
  const head = item.createDiv({ cls: 'pw-item-head' })
  title(head, l.title, node !== undefined)
  item.createDiv({ cls: 'pw-citation', text: l.citation })
  if (l.why.length > 0) {
    const why = item.createEl('ul', { cls: 'pw-why' })
    for (const reason of l.why) why.createEl('li', { text: plainLinks(reason) })
  }
  if (node) {
    const actions = item.createDiv({ cls: 'pw-actions' })
    button(actions, 'cite', 'quote', nl.item.cite, nl.item.citeTitle)
    button(actions, 'link', 'link', nl.item.insertLink)
  }
}

function title(head: HTMLElement, text: string, inLibrary: boolean): void {
  if (!inLibrary) {
    head.createSpan({ cls: 'pw-title', text })
    return
  }
  head.createEl('a', { cls: ['pw-title', 'internal-link'], text, attr: { 'aria-label': nl.item.open, href: '#', 'data-action': 'open' satisfies Action } })
}

function button(parent: HTMLElement, action: Action, icon: string, label: string, tooltip = label): void {
  const b = parent.createEl('button', { cls: ['pw-action', 'clickable-icon'], attr: { 'aria-label': tooltip, type: 'button', 'data-action': action } })
  setIcon(b, icon)
  b.createSpan({ cls: 'pw-action-label', text: label })
}

/** `via [[Note]]` reads as `via Note` in the panel. */
function plainLinks(text: string): string {
  return text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, target: string, label?: string) => label ?? target)
}

function marked(el: HTMLElement, text: string, needles: readonly string[]): void {
  for (const part of highlight(text, needles)) {
    if (part.mark) el.createEl('mark', { cls: 'pw-mark', text: part.text })
    else el.appendText(part.text)
  }
}
