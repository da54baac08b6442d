/**
 * Modals: search the library, pick a source to cite, list the library's problems. The search and the
 * picker find titles and aliases with the core's typo-tolerant `TitleFinder` ("krachtwrk", "mengr");
 * Enter opens (or cites), Mod+Enter opens in a new tab, Alt+Enter inserts a link, as in Omnisearch.
 */
import type { FinderHit, GraphNode, TitleFinder, Problem } from '@praktijkwijzer/core'
import { Keymap, Modal, Platform, SuggestModal } from 'obsidian'
import type { App, Instruction } from 'obsidian'
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

/** A typo-tolerant search over titles and aliases, with Omnisearch's keys. */
abstract class FinderModal extends SuggestModal<FinderHit> {
  private readonly finder: TitleFinder | null
  private readonly all: FinderHit[]

  /**
   * @param finder The library's finder (`null` while the library is not read).
   * @param all What an empty query lists (by title).
   */
  constructor(app: App, finder: TitleFinder | null, all: readonly GraphNode[], instructions: Instruction[]) {
    super(app)
    this.limit = LIMIT
    this.emptyStateText = finder === null ? nl.modal.emptyLibrary : nl.modal.nothingFound
    this.finder = finder
    this.all = [...all].sort((a, b) => a.title.localeCompare(b.title, 'nl')).map((node) => ({ node, score: 0 }))
    this.setInstructions(instructions)
    // Enter with a modifier chooses too; onChooseSuggestion reads the modifiers from the event.
    for (const modifiers of [['Mod'], ['Alt']] as const) {
      this.scope.register([...modifiers], 'Enter', (evt) => {
        this.selectActiveSuggestion(evt)
        return false
      })
    }
  }

  override getSuggestions(query: string): FinderHit[] {
    return query.trim() === '' ? this.all.slice(0, LIMIT) : (this.finder?.find(query, LIMIT) ?? [])
  }
}

/** Search the library by title and alias; Enter opens, Mod+Enter in a new tab, Alt+Enter inserts a link. */
export class LibrarySearchModal extends FinderModal {
  private readonly choices: Choices

  constructor(app: App, finder: TitleFinder | null, all: readonly GraphNode[], choices: Choices) {
    super(app, finder, all, [
      { command: '↑↓', purpose: nl.keys.move },
      { command: '↵', purpose: nl.keys.open },
      { command: `${mod()} ↵`, purpose: nl.keys.newTab },
      { command: 'Alt ↵', purpose: nl.keys.insertLink },
      { command: 'esc', purpose: nl.keys.close }
    ])
    this.choices = choices
    this.setPlaceholder(nl.modal.searchPlaceholder)
  }

  override renderSuggestion(hit: FinderHit, el: HTMLElement): void {
    const { node } = hit
    el.createDiv({ cls: 'pw-suggestion-title', text: node.title })
    const kind = node.type !== null && node.type in KIND_LABEL ? KIND_LABEL[node.type as keyof typeof KIND_LABEL] : ''
    const aliases = node.aliases.filter((a) => a !== node.title)
    const note = [kind, aliases.length > 0 ? nl.modal.aliases(aliases) : ''].filter((t) => t !== '').join(' · ')
    if (note !== '') el.createEl('small', { cls: 'pw-suggestion-note', text: note })
  }

  override onChooseSuggestion(hit: FinderHit, evt: MouseEvent | KeyboardEvent): void {
    if (evt.altKey && Keymap.isModEvent(evt) === false) this.choices.insertLink(hit.node)
    else this.choices.open(hit.node, evt)
  }
}

/** A picker over the literatuur notes; Enter cites the source in the note the command was run in. */
export class LiteraturePickerModal extends FinderModal {
  private readonly label: (node: GraphNode) => string
  private readonly cite: (node: GraphNode) => void

  /**
   * @param label The reference of a source (shown under its title): at once, so without waiting for the
   *   citation engine (authors, year and title until it is loaded).
   */
  constructor(app: App, finder: TitleFinder | null, all: readonly GraphNode[], label: (node: GraphNode) => string, cite: (node: GraphNode) => void) {
    super(app, finder, all, [
      { command: '↑↓', purpose: nl.keys.move },
      { command: '↵', purpose: nl.keys.cite },
      { command: 'esc', purpose: nl.keys.close }
    ])
    this.label = label
    this.cite = cite
    this.setPlaceholder(nl.modal.literaturePlaceholder)
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
