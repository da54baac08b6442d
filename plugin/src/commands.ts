/**
 * The commands. None has a default hotkey: users choose their own.
 */
import { apaReference } from '@praktijkwijzer/core'
import { Notice } from 'obsidian'
import type { App, Plugin } from 'obsidian'
import type { Actions } from './actions'
import { currentNote, VIEW_TYPE } from './actions'
import type { LibraryIndex } from './library-index'
import { LibrarySearchModal, LiteraturePickerModal, ProblemsModal } from './modals'
import { showPrivacyCheck } from './privacy'
import { nl } from './strings'

/** What the commands need. */
export interface CommandServices {
  index: LibraryIndex
  actions: Actions
}

/** Open (or reveal) the panel in the right sidebar. */
export async function openPanel(app: App): Promise<void> {
  try {
    const leaf = await app.workspace.ensureSideLeaf(VIEW_TYPE, 'right', { active: true, reveal: true })
    await app.workspace.revealLeaf(leaf)
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
    callback: () => new LibrarySearchModal(app, index.nodes(), (node, evt) => void actions.open(node, evt)).open()
  })
  plugin.addCommand({
    id: 'insert-reference',
    name: nl.commands.insertReference,
    editorCallback: () => new LiteraturePickerModal(app, index.nodes('literatuur'), (node) => apaReference(node), (node) => void actions.cite(node)).open()
  })
  plugin.addCommand({
    id: 'refresh-index',
    name: nl.commands.refreshIndex,
    callback: async () => {
      await index.rebuild()
      const status = index.status()
      new Notice(status.state === 'missing' ? nl.state.noLibrary(status.folder) : nl.notice.indexRefreshed(status.notes))
    }
  })
  plugin.addCommand({ id: 'show-problems', name: nl.commands.showProblems, callback: () => showProblems(app, services) })
  plugin.addCommand({
    id: 'privacy-check',
    name: nl.commands.privacyCheck,
    editorCallback: () => {
      const note = currentNote(app)
      if (note) showPrivacyCheck(app, note.editor, note.file.basename)
      else new Notice(nl.insert.noEditor)
    }
  })
}
