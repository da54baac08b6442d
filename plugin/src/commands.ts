/**
 * The commands. None has a default hotkey: users choose their own. Editor commands act on the editor
 * Obsidian hands them (a Canvas card or a hover editor included), never on another note.
 */
import type { NoteType } from '@praktijkwijzer/core'
import { Notice, View } from 'obsidian'
import type { App, Plugin } from 'obsidian'
import type { Actions } from './actions'
import { VIEW_TYPE } from './actions'
import type { LibraryIndex } from './library-index'
import { LibrarySearchModal, LiteraturePickerModal, ProblemsModal } from './modals'
import { showPrivacyCheck } from './privacy'
import { nl } from './strings'

/** What the commands need. */
export interface CommandServices {
  index: LibraryIndex
  actions: Actions
}

/** The kinds the search lists. */
const SEARCHED: readonly NoteType[] = ['praktijk', 'methodiek', 'thema', 'literatuur']

/**
 * Open (or reveal) the panel in the right sidebar. Focus stays where it was: the user goes on writing.
 */
export async function openPanel(app: App): Promise<void> {
  try {
    const active = (): unknown => app.workspace.getActiveViewOfType(View)?.leaf ?? null
    const before = app.workspace.getMostRecentLeaf()
    const hadFocus = before !== null && active() === before
    const leaf = await app.workspace.ensureSideLeaf(VIEW_TYPE, 'right', { active: false, reveal: true })
    await app.workspace.revealLeaf(leaf)
    // Should revealing have moved the focus, give it back to the note.
    if (hadFocus && active() !== before) app.workspace.setActiveLeaf(before, { focus: true })
  } catch (error) {
    new Notice(nl.insert.failed(error instanceof Error ? error.message : String(error)))
  }
}

/** Show the library's problems. */
export function showProblems(app: App, services: CommandServices): void {
  new ProblemsModal(app, services.index.problems(), (file, line) => void services.actions.openAt(file, line)).open()
}

/** Register the commands on the plugin. */
export function registerCommands(plugin: Plugin, services: CommandServices): void {
  const { app } = plugin
  const { index, actions } = services
  plugin.addCommand({ id: 'open-panel', name: nl.commands.openPanel, callback: () => void openPanel(app) })
  plugin.addCommand({
    id: 'search-library',
    name: nl.commands.searchLibrary,
    callback: () => {
      // Alt+Enter links into the note that was being edited when the search opened.
      const info = app.workspace.activeEditor
      const target = info?.editor && info.file ? { editor: info.editor, file: info.file } : null
      const nodes = SEARCHED.flatMap((type) => index.nodes(type))
      new LibrarySearchModal(app, index.search(SEARCHED), nodes, {
        open: (node, evt) => void actions.open(node, evt),
        insertLink: (node) => void actions.insertLink(node, target)
      }).open()
    }
  })
  plugin.addCommand({
    id: 'insert-reference',
    name: nl.commands.insertReference,
    editorCallback: (editor, ctx) => {
      const target = ctx.file ? { editor, file: ctx.file } : null
      new LiteraturePickerModal(app, index.finder(['literatuur']), index.nodes('literatuur'), (node) => index.reference(node), (node) => void actions.cite(node, target)).open()
    }
  })
  plugin.addCommand({
    id: 'refresh-index',
    name: nl.commands.refreshIndex,
    callback: () => refresh(index)
  })
  plugin.addCommand({ id: 'show-problems', name: nl.commands.showProblems, callback: () => showProblems(app, services) })
  plugin.addCommand({
    id: 'privacy-check',
    name: nl.commands.privacyCheck,
    editorCallback: (editor, ctx) => showPrivacyCheck(app, editor, ctx.file?.basename ?? '')
  })
}

/** Read the library again, and say how it went. */
export async function refresh(index: LibraryIndex): Promise<void> {
  await index.rebuild()
  const status = index.status()
  new Notice(status.state === 'missing' ? nl.state.noLibrary(status.folder) : nl.notice.indexRefreshed(status.notes))
}
