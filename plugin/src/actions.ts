/**
 * What the user can do with a library note from the panel, the search and the literature picker: open
 * it, preview it, link it, cite it, pull in its "Wat werkt" points. Every edit is one the user asked for,
 * and goes through Obsidian's atomic APIs: an editor transaction for the open note,
 * `FileManager.processFrontMatter` for its properties.
 */
import { apaInText, apaReference, whatWorks as whatWorksOf } from '@praktijkwijzer/core'
import type { GraphNode } from '@praktijkwijzer/core'
import { Keymap, MarkdownView, Notice } from 'obsidian'
import type { App, Editor, EditorChange, EditorPosition, HoverParent, TFile } from 'obsidian'
import type { LibraryIndex } from './library-index'
import type { PraktijkwijzerSettings } from './settings'
import { nl } from './strings'
import { addReferenceToFrontmatter, checklist, frontmatterEnd, inTextCitation, referenceInSection, wikilink } from './text'

/** The identifier of the panel, also its hover-link source. */
export const VIEW_TYPE = 'praktijkwijzer-panel'

/** The note being edited: the Markdown view of the main area the user was last in. */
export function currentNote(app: App): { view: MarkdownView; file: TFile; editor: Editor } | null {
  const view = app.workspace.getMostRecentLeaf()?.view
  if (!(view instanceof MarkdownView) || !view.file) return null
  return { view, file: view.file, editor: view.editor }
}

/** The "Wat werkt" points of a practice, as the core reads them (also under `## Wat werkt?`). */
export function whatWorks(node: GraphNode): GraphNode['note']['sections'][number]['items'] {
  return whatWorksOf(node.note)
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

  /** Open a library note; with Ctrl/Cmd (or a middle click) in a new tab. */
  async open(node: GraphNode, evt?: MouseEvent | KeyboardEvent): Promise<void> {
    await this.guard(async () => {
      const file = this.index.fileOf(node)
      if (!file) return this.notify(nl.insert.notFound)
      await this.app.workspace.getLeaf(Keymap.isModEvent(evt)).openFile(file)
    })
  }

  /** Open a library file at a line (for problems). */
  async openAt(libraryPath: string, line: number): Promise<void> {
    await this.guard(async () => {
      const file = this.app.vault.getFileByPath(this.index.vaultPath(libraryPath))
      if (!file) return this.notify(nl.insert.notFound)
      await this.app.workspace.getLeaf(false).openFile(file, { eState: { line: Math.max(0, line - 1) } })
    })
  }

  /** Ask Obsidian's page preview to show a library note. */
  hover(node: GraphNode, event: MouseEvent, targetEl: HTMLElement, hoverParent: HoverParent): void {
    try {
      this.app.workspace.trigger('hover-link', { event, source: VIEW_TYPE, hoverParent, targetEl, linktext: this.index.vaultPath(node.path), sourcePath: '' })
    } catch {
      // A preview that cannot be shown is no reason to disturb the user.
    }
  }

  /** The wikilink to a library note, as seen from the note being edited. */
  linkTo(node: GraphNode, sourcePath: string): string {
    const file = this.index.fileOf(node)
    const linktext = file ? this.app.metadataCache.fileToLinktext(file, sourcePath, true) : node.note.name
    return wikilink(linktext, node.title)
  }

  /** Insert a wikilink to the note at the cursor. */
  insertLink(node: GraphNode): Promise<void> {
    return this.edit(({ editor, file }) => {
      this.replaceSelection(editor, this.linkTo(node, file.path))
    })
  }

  /** Insert a practice's "Wat werkt" points at the cursor as a checklist. */
  insertChecklist(node: GraphNode): Promise<void> {
    return this.edit(({ editor, file }) => {
      const items = whatWorks(node)
      if (items.length === 0) return this.notify(nl.insert.noWhatWorks)
      const { from } = selection(editor)
      const before = editor.getLine(from.line).slice(0, from.ch)
      this.replaceSelection(editor, checklist(this.linkTo(node, file.path), items, before))
    })
  }

  /**
   * Cite a source: the APA in-text citation at the cursor, and the full reference in the note's
   * `literatuur` property or under its "Literatuur" heading (as the settings say).
   */
  cite(node: GraphNode): Promise<void> {
    return this.edit(async ({ editor, file, view }) => {
      const { from, to } = selection(editor)
      const inText = inTextCitation(apaInText(node), editor.getLine(from.line).slice(0, from.ch))
      const reference = apaReference(node)
      const changes: EditorChange[] = [{ from, to, text: inText }]
      let cursorAfter = editor.posToOffset(from) + inText.length
      if (this.settings().citationPlacement === 'section') {
        const insertion = referenceInSection(editor.getValue(), reference)
        if (insertion) {
          changes.push({ from: editor.offsetToPos(insertion.offset), text: insertion.text })
          if (insertion.offset < editor.posToOffset(from)) cursorAfter += insertion.text.length
        }
      }
      // One transaction: one undo step. Positions refer to the text before the change.
      editor.transaction({ changes })
      editor.setCursor(editor.offsetToPos(cursorAfter))
      if (this.settings().citationPlacement === 'frontmatter') {
        // Save the editor first, so the property is added to the text as the user sees it, citation included.
        await view.save()
        await this.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
          addReferenceToFrontmatter(fm, reference)
        })
      }
    })
  }

  private replaceSelection(editor: Editor, text: string): void {
    const { from, to } = selection(editor)
    const cursorAfter = editor.posToOffset(from) + text.length
    editor.transaction({ changes: [{ from, to, text }] })
    editor.setCursor(editor.offsetToPos(cursorAfter))
  }

  private async edit(fn: (note: { editor: Editor; file: TFile; view: MarkdownView }) => void | Promise<void>): Promise<void> {
    await this.guard(async () => {
      const note = currentNote(this.app)
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
