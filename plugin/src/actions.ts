/**
 * What the user can do with a library note from the panel, the search and the literature picker: open
 * it, preview it, link it, cite it, pull in its "Wat werkt" points. Every edit is one the user asked for,
 * goes into the note it was asked for (the one the panel follows, or the editor a command was run in),
 * and is one editor transaction: one step for Undo, and nothing written behind the editor's back.
 */
import { whatWorks } from '@praktijkwijzer/core'
import type { GraphNode } from '@praktijkwijzer/core'
import { Keymap, MarkdownView, Notice, parseYaml, Platform, stringifyYaml } from 'obsidian'
import type { App, Editor, EditorChange, EditorPosition, HoverParent, PaneType, TFile } from 'obsidian'
import type { LibraryIndex } from './library-index'
import type { PraktijkwijzerSettings } from './settings'
import { nl } from './strings'
import { addReferenceToFrontmatter, addToFrontmatterList, checklist, frontmatterEnd, inTextCitation, referenceInSection, wikilink } from './text'

/** The identifier of the panel, also its hover-link source. */
export const VIEW_TYPE = 'praktijkwijzer-panel'

/** A note to edit: its file and the editor it is open in. */
export interface NoteTarget {
  file: TFile
  editor: Editor
}

/** The note in front: the Markdown view of the main area the user was last in. */
export function currentNote(app: App): { view: MarkdownView; file: TFile; editor: Editor } | null {
  const view = app.workspace.getMostRecentLeaf()?.view
  if (!(view instanceof MarkdownView) || !view.file) return null
  return { view, file: view.file, editor: view.editor }
}

/** The note at a path, when it is open in a Markdown view (any leaf, any window). */
export function openNoteAt(app: App, path: string): { view: MarkdownView; file: TFile; editor: Editor } | null {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view
    if (view instanceof MarkdownView && view.file?.path === path) return { view, file: view.file, editor: view.editor }
  }
  return null
}

/**
 * Where an insertion goes: the selection, or the start of the body when the cursor stands in the
 * frontmatter (text there would break the properties).
 */
function selection(editor: Editor): { from: EditorPosition; to: EditorPosition } {
  const from = editor.getCursor('from')
  const to = editor.getCursor('to')
  const bodyStart = frontmatterEnd(editor.getValue())
  if (editor.posToOffset(from) >= bodyStart) return { from, to }
  const start = editor.offsetToPos(bodyStart)
  return { from: start, to: editor.posToOffset(to) > bodyStart ? to : start }
}

/**
 * Text to insert between `before` and `after` on a line, with a space where it would otherwise be glued
 * to a word: before it unless it follows a space, an opening bracket or quote, or the line start; after
 * it when a word follows.
 */
export function spaced(text: string, before: string, after: string): string {
  const last = before.slice(-1)
  const lead = last === '' || /[\s([{"'\u201c\u2018]/.test(last) ? '' : ' '
  const trail = /^[\p{L}\p{N}]/u.test(after) ? ' ' : ''
  return `${lead}${text}${trail}`
}

/**
 * The change that adds a reference to a note's `literatuur` property, made in the text itself (so it
 * can go into the same transaction as the citation): the frontmatter's YAML is read and written with
 * Obsidian's own YAML functions, as `processFrontMatter` does. `null` when the reference is listed.
 *
 * @throws When the frontmatter is not valid YAML or not a map (nothing is changed then).
 */
export function frontmatterChange(text: string, reference: string): { from: number; to: number; text: string } | null {
  const end = frontmatterEnd(text)
  if (end === 0) {
    const data: Record<string, unknown> = {}
    addReferenceToFrontmatter(data, reference)
    return { from: 0, to: 0, text: `---\n${stringifyYaml(data)}---\n` }
  }
  const from = text.indexOf('\n') + 1
  // The closing `---` line starts after the last line break before `end` (the block may end the text).
  const body = text.slice(0, end).replace(/\r?\n$/, '')
  const to = Math.max(from, body.lastIndexOf('\n') + 1)
  const yaml = text.slice(from, to)
  const parsed: unknown = yaml.trim() === '' ? {} : parseYaml(yaml)
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(nl.insert.frontmatterNotMap)
  const data = { ...(parsed as Record<string, unknown>) }
  if (!addReferenceToFrontmatter(data, reference)) return null
  return { from, to, text: stringifyYaml(data) }
}

/** The actions on library notes. */
export class Actions {
  private readonly app: App
  private readonly index: LibraryIndex
  private readonly settings: () => PraktijkwijzerSettings

  constructor(app: App, index: LibraryIndex, settings: () => PraktijkwijzerSettings) {
    this.app = app
    this.index = index
    this.settings = settings
  }

  /**
   * Open a library note. With Ctrl/Cmd (or a middle click) in a new tab (with Alt too: a split);
   * otherwise never over the note being written: when a note outside the library is in front, in a new
   * tab or a split as the settings say (a tab on a phone).
   */
  async open(node: GraphNode, evt?: MouseEvent | KeyboardEvent): Promise<void> {
    await this.guard(async () => {
      const file = this.index.fileOf(node)
      if (!file) return this.notify(nl.insert.notFound)
      await this.app.workspace.getLeaf(this.paneFor(evt)).openFile(file)
    })
  }

  /** Open a library file at a line (for problems), by the same rule as {@link open}. */
  async openAt(libraryPath: string, line: number): Promise<void> {
    await this.guard(async () => {
      const file = this.app.vault.getFileByPath(this.index.vaultPath(libraryPath))
      if (!file) return this.notify(nl.insert.notFound)
      await this.app.workspace.getLeaf(this.paneFor()).openFile(file, { eState: { line: Math.max(0, line - 1) } })
    })
  }

  /** Ask Obsidian's page preview to show a library note (it decides whether Ctrl/Cmd is needed). */
  hover(node: GraphNode, event: MouseEvent, targetEl: HTMLElement, hoverParent: HoverParent): void {
    try {
      this.app.workspace.trigger('hover-link', { event, source: VIEW_TYPE, hoverParent, targetEl, linktext: this.index.vaultPath(node.path), sourcePath: '' })
    } catch {
      // A preview that cannot be shown is no reason to disturb the user.
    }
  }

  /**
   * A link to a library note from a note, as the user's link settings want it (wikilink or Markdown
   * link, the path format); the note's title is shown when its link text would be something else.
   */
  linkTo(node: GraphNode, sourcePath: string): string {
    const file = this.index.fileOf(node)
    if (!file) return wikilink(node.note.name, node.title)
    const linktext = this.app.metadataCache.fileToLinktext(file, sourcePath, true)
    return this.app.fileManager.generateMarkdownLink(file, sourcePath, undefined, node.title !== linktext ? node.title : undefined)
  }

  /** Insert a link to the note at the cursor, set off from the words around it; focus returns to the note. */
  insertLink(node: GraphNode, note: NoteTarget | null): Promise<void> {
    return this.edit(note, ({ editor, file }) => {
      const { from, to } = selection(editor)
      const text = spaced(this.linkTo(node, file.path), editor.getLine(from.line).slice(0, from.ch), editor.getLine(to.line).slice(to.ch))
      this.replace(editor, from, to, text)
    })
  }

  /** Insert a practice's "Wat werkt" points at the cursor as a checklist. */
  insertChecklist(node: GraphNode, note: NoteTarget | null): Promise<void> {
    return this.edit(note, ({ editor, file }) => {
      const items = whatWorks(node.note)
      if (items.length === 0) return this.notify(nl.insert.noWhatWorks)
      const { from, to } = selection(editor)
      const before = editor.getLine(from.line).slice(0, from.ch)
      this.replace(editor, from, to, checklist(this.linkTo(node, file.path), items, before))
    })
  }

  /**
   * Cite a source: the APA in-text citation at the cursor, and the full reference in the note's
   * `literatuur` property or under its "Literatuur" heading (as the settings say), in one transaction.
   * When the property cannot be written (broken YAML), nothing is changed.
   */
  async cite(node: GraphNode, note: NoteTarget | null): Promise<void> {
    const citations = this.index.citations()
    return this.edit(note, ({ editor }) => {
      const { from, to } = selection(editor)
      const text = editor.getValue()
      const at = editor.posToOffset(from)
      const after = editor.getLine(to.line).slice(to.ch)
      const inText = inTextCitation(citations.inText(node), editor.getLine(from.line).slice(0, from.ch)) + (/^[\p{L}\p{N}]/u.test(after) ? ' ' : '')
      const reference = citations.reference(node)
      const inSection = this.settings().citationPlacement === 'section'
      const extra = inSection ? sectionChange(text, reference) : frontmatterChange(text, reference)
      const citation: EditorChange = { from, to, text: inText }
      let cursorAfter = at + inText.length
      const changes: EditorChange[] = [citation]
      if (extra) {
        const change: EditorChange = { from: editor.offsetToPos(extra.from), to: editor.offsetToPos(extra.to), text: extra.text }
        // The properties come first (also when the cursor is at the very start); a new section after the citation.
        if (inSection) changes.push(change)
        else changes.unshift(change)
        if (!inSection || extra.from < at) cursorAfter += extra.text.length - (extra.to - extra.from)
      }
      // One transaction: one undo step. Positions refer to the text before the change.
      editor.transaction({ changes })
      editor.setCursor(editor.offsetToPos(cursorAfter))
      editor.focus()
    })
  }

  /**
   * Add a proposed link to a library note's frontmatter field, through `processFrontMatter`: exactly that
   * link, in exactly that field, nothing else; a notice confirms it.
   *
   * @param node The library note.
   * @param field The link field (`thema`, `methodiek`, `literatuur`, `gerelateerd`).
   * @param target What goes between `[[` and `]]`.
   */
  async addLink(node: GraphNode, field: string, target: string): Promise<void> {
    await this.guard(async () => {
      const file = this.index.fileOf(node)
      if (!file) return this.notify(nl.insert.notFound)
      let added = false
      await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
        added = addToFrontmatterList(frontmatter, field, `[[${target}]]`)
      })
      this.notify(added ? nl.links.added(target, field, node.title) : nl.links.already(target, field))
    })
  }

  private replace(editor: Editor, from: EditorPosition, to: EditorPosition, text: string): void {
    const cursorAfter = editor.posToOffset(from) + text.length
    editor.transaction({ changes: [{ from, to, text }] })
    editor.setCursor(editor.offsetToPos(cursorAfter))
    editor.focus()
  }

  /** Where a note opens: see {@link open}. */
  private paneFor(evt?: MouseEvent | KeyboardEvent): PaneType | false {
    const mod = Keymap.isModEvent(evt)
    if (mod === true) return 'tab'
    if (mod !== false) return mod
    const front = currentNote(this.app)
    if (!front || this.index.libraryPath(front.file.path) !== null) return false
    const wanted = this.settings().openIn
    return wanted === 'split' && !Platform.isPhone ? 'split' : 'tab'
  }

  private async edit(note: NoteTarget | null, fn: (note: NoteTarget) => void | Promise<void>): Promise<void> {
    await this.guard(async () => {
      if (!note) return this.notify(nl.insert.noEditor)
      await fn(note)
    })
  }

  /** Errors end here, as a notice: they never escape into Obsidian. */
  private async guard(fn: () => Promise<void>): Promise<void> {
    try {
      await fn()
    } catch (error) {
      this.notify(nl.insert.failed(error instanceof Error ? error.message : String(error)))
    }
  }

  private notify(message: string): void {
    new Notice(message)
  }
}

/** The change that lists a reference under the note's "Literatuur" heading, or `null` when it is there. */
function sectionChange(text: string, reference: string): { from: number; to: number; text: string } | null {
  const insertion = referenceInSection(text, reference)
  return insertion ? { from: insertion.offset, to: insertion.offset, text: insertion.text } : null
}
