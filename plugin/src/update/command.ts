/**
 * The command *Kennisbank bijwerken*: shows what an update would do (as `vault --update --dry-run` does)
 * and carries it out only after the user confirms. Also installs the library when the vault has none.
 */
import type { Plan } from '@praktijkwijzer/core'
import { Modal, Notice, Setting } from 'obsidian'
import type { App, Plugin } from 'obsidian'
import { nl } from '../strings'
import { EMBEDDED_VERSION, embeddedLibrary } from './embedded'
import { applyUpdate, hasWork, prepareUpdate, type Applied, type Prepared, type RecordStore } from './library'

/** The Dutch lines of a plan: counts first, then the conflicts. */
export function planLines(plan: Plan): string[] {
  const t = nl.library
  const lines = [
    t.added(plan.added.length + plan.restored.length),
    t.updated(plan.updated.length),
    t.conflicts(plan.conflicts.length),
    t.removed(plan.removed.length),
    t.kept(plan.keptChanged.length + plan.keptRemoved.length + plan.stayDeleted.length),
    t.unchanged(plan.unchanged)
  ]
  if (plan.moved.length > 0) lines.push(t.moved(plan.moved.length))
  if (plan.blocked.length > 0) lines.push(t.blocked(plan.blocked.map((b) => b.path)))
  for (const c of plan.conflicts) lines.push(`${c.path} → ${c.beside}`)
  return lines
}

/** The one line the panel shows when the vault's library is older than the carried one, or nothing. */
export function outdatedLine(store: RecordStore): string | undefined {
  const record = store.load()
  if (record?.pending !== undefined) return nl.library.interrupted
  if (record === undefined || record.version === EMBEDDED_VERSION) return undefined
  return nl.library.outdated(record.version, EMBEDDED_VERSION)
}

/** Asks before an update: what it would do, and two buttons. */
export class UpdateModal extends Modal {
  private readonly prepared: Prepared
  private readonly confirm: () => Promise<void>

  constructor(app: App, prepared: Prepared, confirm: () => Promise<void>) {
    super(app)
    this.prepared = prepared
    this.confirm = confirm
  }

  override onOpen(): void {
    const { contentEl, prepared } = this
    this.titleEl.setText(nl.library.title(prepared.source.version))
    contentEl.createEl('p', { text: nl.library.intro(prepared.folder) })
    const list = contentEl.createEl('ul')
    for (const line of planLines(prepared.plan)) list.createEl('li', { text: line })
    new Setting(contentEl)
      .addButton((b) => b.setButtonText(nl.library.cancel).onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText(nl.library.confirm)
          .setCta()
          .onClick(() => {
            this.close()
            void this.confirm()
          })
      )
  }

  override onClose(): void {
    this.contentEl.empty()
  }
}

/** The Dutch notice after an update. */
export function doneMessage(done: Applied, folder: string): string {
  return nl.library.done(folder, done.written.length, done.deleted.length) + (done.skipped.length > 0 ? nl.library.skipped(done.skipped) : '')
}

/**
 * Plan an update (or first install) of the library folder and ask before carrying it out.
 *
 * @param app The app.
 * @param folder The library folder.
 * @param store Where the record is kept.
 * @param after Called once the update is done (to rebuild the index).
 */
export async function offerUpdate(app: App, folder: string, store: RecordStore, after: () => void): Promise<void> {
  try {
    const prepared = await prepareUpdate(app, folder, await embeddedLibrary(), store.load())
    if (!hasWork(prepared.plan)) {
      if (store.load()?.version !== prepared.source.version) await applyUpdate(app, prepared, store)
      new Notice(nl.library.current(folder, prepared.source.version))
      return
    }
    new UpdateModal(app, prepared, async () => {
      try {
        new Notice(doneMessage(await applyUpdate(app, prepared, store), prepared.folder))
        after()
      } catch (error) {
        new Notice(nl.library.unfinished(error instanceof Error ? error.message : String(error)))
      }
    }).open()
  } catch (error) {
    new Notice(nl.library.failed(error instanceof Error ? error.message : String(error)))
  }
}

/**
 * Register *Kennisbank bijwerken* (no default hotkey).
 *
 * @param plugin The plugin.
 * @param folder The library folder from the settings.
 * @param store Where the record is kept.
 * @param after Called once an update is done.
 */
export function registerLibraryUpdate(plugin: Plugin, folder: () => string, store: RecordStore, after: () => void): void {
  plugin.addCommand({ id: 'update-library', name: nl.library.command, callback: () => void offerUpdate(plugin.app, folder(), store, after) })
}
