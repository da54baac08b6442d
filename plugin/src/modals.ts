/**
 * Modals: search the library, pick a source to cite, list the library's problems.
 */
import type { GraphNode, Problem } from '@praktijkwijzer/core'
import { FuzzySuggestModal, Modal } from 'obsidian'
import type { App } from 'obsidian'
import { KIND_LABEL, nl } from './strings'

/** One name a library note can be found by: its title or one of its aliases. */
export interface SearchEntry {
  node: GraphNode
  /** The title or the alias. */
  name: string
  /** Whether `name` is an alias. */
  alias: boolean
}

/** Every title and alias of the notes, for fuzzy search. */
export function searchEntries(nodes: readonly GraphNode[]): SearchEntry[] {
  const entries: SearchEntry[] = []
  for (const node of nodes) {
    entries.push({ node, name: node.title, alias: false })
    for (const alias of node.aliases) if (alias !== node.title) entries.push({ node, name: alias, alias: true })
  }
  return entries
}

/** Fuzzy search over the titles and aliases of the library; choosing opens the note. */
export class LibrarySearchModal extends FuzzySuggestModal<SearchEntry> {
  private readonly entries: SearchEntry[]
  private readonly choose: (node: GraphNode, evt: MouseEvent | KeyboardEvent) => void

  constructor(app: App, nodes: readonly GraphNode[], choose: (node: GraphNode, evt: MouseEvent | KeyboardEvent) => void) {
    super(app)
    this.entries = searchEntries(nodes.filter((n) => n.type !== null && n.type !== 'index'))
    this.choose = choose
    this.setPlaceholder(nl.modal.searchPlaceholder)
    this.emptyStateText = nl.modal.emptyLibrary
  }

  override getItems(): SearchEntry[] {
    return this.entries
  }

  override getItemText(entry: SearchEntry): string {
    const kind = entry.node.type !== null && entry.node.type in KIND_LABEL ? KIND_LABEL[entry.node.type as keyof typeof KIND_LABEL] : ''
    const alias = entry.alias ? ` ${nl.modal.aliasOf(entry.node.title)}` : ''
    return `${entry.name}${alias}${kind === '' ? '' : ` · ${kind}`}`
  }

  override onChooseItem(entry: SearchEntry, evt: MouseEvent | KeyboardEvent): void {
    this.choose(entry.node, evt)
  }
}

/** A picker over all literatuur notes; choosing cites the source in the note being edited. */
export class LiteraturePickerModal extends FuzzySuggestModal<GraphNode> {
  private readonly sources: GraphNode[]
  private readonly label: (node: GraphNode) => string
  private readonly choose: (node: GraphNode) => void

  /**
   * @param label The text a source is shown and found by (its reference).
   */
  constructor(app: App, sources: readonly GraphNode[], label: (node: GraphNode) => string, choose: (node: GraphNode) => void) {
    super(app)
    this.sources = [...sources]
    this.label = label
    this.choose = choose
    this.setPlaceholder(nl.modal.literaturePlaceholder)
    this.emptyStateText = nl.modal.emptyLibrary
  }

  override getItems(): GraphNode[] {
    return this.sources
  }

  override getItemText(node: GraphNode): string {
    return this.label(node)
  }

  override onChooseItem(node: GraphNode): void {
    this.choose(node)
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
