/**
 * Modals: search the library, pick a source to cite, list the library's problems. The search finds
 * titles and aliases typo-tolerantly ("krachtwrk") and the notes' full text through the engine, each hit
 * with the sentence or item that matched and its words marked (the core's `LibrarySearch`); the picker
 * finds titles and aliases with the core's `TitleFinder` ("mengr"). Enter opens (or cites), Mod+Enter
 * opens in a new tab, Alt+Enter inserts a link, as in Omnisearch.
 */
import type { Excerpt, FinderHit, GraphNode, LibrarySearch, Problem, SearchHit, TitleFinder } from '@praktijkwijzer/core'
import { Keymap, Modal, Platform, SuggestModal } from 'obsidian'
import type { App } from 'obsidian'
import { KIND_LABEL, nl } from './strings'

/** Most suggestions a modal lists. */
const LIMIT = 50

/** What choosing in a modal does. */
export interface Choices {
  /** Enter (and Mod+Enter: the event says where). */
  open(node: GraphNode, evt: MouseEvent | KeyboardEvent): void
  /** Alt+Enter. */
  insertLink(node: GraphNode): void
}

/** The key hint for Mod: ⌘ on a Mac, Ctrl elsewhere. */
function mod(): string {
  return Platform.isMacOS ? '⌘' : 'Ctrl'
}

/** Enter with a modifier chooses too; `onChooseSuggestion` reads the modifiers from the event. */
function chooseWithModifiers(modal: SuggestModal<unknown>): void {
  for (const modifiers of [['Mod'], ['Alt']] as const) {
    modal.scope.register([...modifiers], 'Enter', (evt) => {
      modal.selectActiveSuggestion(evt)
      return false
    })
  }
}

/** What an empty query lists: every note, by title. */
function byTitle(all: readonly GraphNode[]): GraphNode[] {
  return [...all].sort((a, b) => a.title.localeCompare(b.title, 'nl'))
}

/** The kind of a note and its other names, for the line under its title. */
function kindAndAliases(node: GraphNode): string {
  const kind = node.type !== null && node.type in KIND_LABEL ? KIND_LABEL[node.type as keyof typeof KIND_LABEL] : ''
  const aliases = node.aliases.filter((a) => a !== node.title)
  return [kind, aliases.length > 0 ? nl.modal.aliases(aliases) : ''].filter((t) => t !== '').join(' · ')
}

/** Draw an excerpt: its text, the matched words in `<mark>`, "…" where it was cut. */
export function renderExcerpt(excerpt: Excerpt, el: HTMLElement): void {
  if (excerpt.cutStart) el.appendText('…')
  let at = 0
  for (const [start, end] of excerpt.marks) {
    if (start > at) el.appendText(excerpt.text.slice(at, start))
    el.createEl('mark', { text: excerpt.text.slice(start, end) })
    at = end
  }
  if (at < excerpt.text.length) el.appendText(excerpt.text.slice(at))
  if (excerpt.cutEnd) el.appendText('…')
}

/**
 * Search the library: titles and aliases (typo-tolerant) first, then the full text, each hit with its
 * excerpt; Enter opens, Mod+Enter in a new tab, Alt+Enter inserts a link.
 */
export class LibrarySearchModal extends SuggestModal<SearchHit> {
  private readonly search: LibrarySearch | null
  private readonly all: SearchHit[]
  private readonly choices: Choices

  /**
   * @param search The library's search (`null` while the library is not read).
   * @param all What an empty query lists (by title).
   */
  constructor(app: App, search: LibrarySearch | null, all: readonly GraphNode[], choices: Choices) {
    super(app)
    this.limit = LIMIT
    this.emptyStateText = search === null ? nl.modal.emptyLibrary : nl.modal.nothingFound
    this.search = search
    this.all = byTitle(all).map((node) => ({ node, title: false }))
    this.choices = choices
    this.setInstructions([
      { command: '↑↓', purpose: nl.keys.move },
      { command: '↵', purpose: nl.keys.open },
      { command: `${mod()} ↵`, purpose: nl.keys.newTab },
      { command: 'Alt ↵', purpose: nl.keys.insertLink },
      { command: 'esc', purpose: nl.keys.close }
    ])
    chooseWithModifiers(this)
    this.setPlaceholder(nl.modal.searchPlaceholder)
  }

  override getSuggestions(query: string): SearchHit[] {
    return query.trim() === '' ? this.all.slice(0, LIMIT) : (this.search?.find(query, LIMIT) ?? [])
  }

  override renderSuggestion(hit: SearchHit, el: HTMLElement): void {
    const { node } = hit
    el.addClass('pw-search-hit')
    el.createDiv({ cls: 'pw-suggestion-title', text: node.title })
    const note = kindAndAliases(node)
    if (note !== '') el.createEl('small', { cls: 'pw-suggestion-note', text: note })
    // The title itself is on the line above: an excerpt that is only the title adds nothing.
    if (hit.excerpt && hit.excerpt.field !== 'titel') renderExcerpt(hit.excerpt, el.createDiv({ cls: 'pw-suggestion-excerpt' }))
  }

  override onChooseSuggestion(hit: SearchHit, evt: MouseEvent | KeyboardEvent): void {
    if (evt.altKey && Keymap.isModEvent(evt) === false) this.choices.insertLink(hit.node)
    else this.choices.open(hit.node, evt)
  }
}

/** A picker over the literatuur notes (typo-tolerant titles and aliases); Enter cites the source in the note the command was run in. */
export class LiteraturePickerModal extends SuggestModal<FinderHit> {
  private readonly finder: TitleFinder | null
  private readonly all: FinderHit[]
  private readonly label: (node: GraphNode) => string
  private readonly cite: (node: GraphNode) => void

  /**
   * @param finder The finder over the literatuur notes (`null` while the library is not read).
   * @param all What an empty query lists (by title).
   * @param label The APA reference of a source (shown under its title; formatted as it is shown).
   */
  constructor(app: App, finder: TitleFinder | null, all: readonly GraphNode[], label: (node: GraphNode) => string, cite: (node: GraphNode) => void) {
    super(app)
    this.limit = LIMIT
    this.emptyStateText = finder === null ? nl.modal.emptyLibrary : nl.modal.nothingFound
    this.finder = finder
    this.all = byTitle(all).map((node) => ({ node, score: 0 }))
    this.setInstructions([
      { command: '↑↓', purpose: nl.keys.move },
      { command: '↵', purpose: nl.keys.cite },
      { command: 'esc', purpose: nl.keys.close }
    ])
    this.label = label
    this.cite = cite
    this.setPlaceholder(nl.modal.literaturePlaceholder)
  }

  override getSuggestions(query: string): FinderHit[] {
    return query.trim() === '' ? this.all.slice(0, LIMIT) : (this.finder?.find(query, LIMIT) ?? [])
  }

  override renderSuggestion(hit: FinderHit, el: HTMLElement): void {
    el.createDiv({ cls: 'pw-suggestion-title', text: hit.node.title })
    el.createEl('small', { cls: 'pw-suggestion-note', text: this.label(hit.node) })
  }

  override onChooseSuggestion(hit: FinderHit): void {
    this.cite(hit.node)
  }
}

/** The library's problems, one per line; clicking one opens the note at that line. */
export class ProblemsModal extends Modal {
  private readonly problems: readonly Problem[]
  private readonly openAt: (file: string, line: number) => void

  constructor(app: App, problems: readonly Problem[], openAt: (file: string, line: number) => void) {
    super(app)
    this.problems = problems
    this.openAt = openAt
  }

  override onOpen(): void {
    this.setTitle(nl.modal.problemsTitle)
    const { contentEl } = this
    contentEl.empty()
    contentEl.addClass('praktijkwijzer-problems')
    if (this.problems.length === 0) {
      contentEl.createEl('p', { text: nl.modal.noProblems })
      return
    }
    const list = contentEl.createEl('ul', { cls: 'pw-problems' })
    for (const p of this.problems) {
      const item = list.createEl('li', { cls: ['pw-problem', `pw-problem-${p.level}`] })
      const where = item.createEl('a', { cls: 'pw-problem-where', text: `${p.file}:${p.line}:${p.column}`, attr: { href: '#' } })
      item.createSpan({ cls: 'pw-problem-level', text: ` ${nl.modal.level[p.level]} ` })
      item.createSpan({ cls: 'pw-problem-message', text: p.message })
      where.addEventListener('click', (evt) => {
        evt.preventDefault()
        this.close()
        this.openAt(p.file, p.line)
      })
    }
  }

  override onClose(): void {
    this.contentEl.empty()
  }
}
