/**
 * The command *Kennisbank bijwerken*: shows what an update would do (as `vault --update --dry-run` does)
 * and carries it out only after the user confirms. Also installs the library when the vault has none.
 */
import type { Plan } from '@praktijkwijzer/core'
import { Modal, Notice, Setting } from 'obsidian'
import type { App, Plugin } from 'obsidian'
import { EMBEDDED_VERSION, embeddedLibrary } from './embedded'
import { applyUpdate, hasWork, prepareUpdate, type Applied, type Prepared, type RecordStore } from './library'

/** The Dutch lines of a plan: counts first, then the conflicts. */
export function planLines(plan: Plan): string[] {
  const lines = [
    `Nieuw: ${plan.added.length + plan.restored.length}`,
    `Bijgewerkt: ${plan.updated.length}`,
    `Conflicten: ${plan.conflicts.length}${plan.conflicts.length > 0 ? ' (jullie versie blijft staan; de nieuwe komt ernaast als "(nieuwe versie)")' : ''}`,
    `Verwijderd: ${plan.removed.length}`,
    `Behouden (door het team gewijzigd of verwijderd): ${plan.keptChanged.length + plan.keptRemoved.length + plan.stayDeleted.length}`,
    `Ongewijzigd: ${plan.unchanged}`
  ]
  if (plan.moved.length > 0) lines.push(`Verplaatst door het team (bijgewerkt op de nieuwe plek): ${plan.moved.length}`)
  if (plan.blocked.length > 0) lines.push(`Overgeslagen (er staat iets in de weg): ${plan.blocked.map((b) => b.path).join(', ')}`)
  for (const c of plan.conflicts) lines.push(`${c.path} → ${c.beside}`)
  return lines
}

/** The one line the panel shows when the vault's library is older than the carried one, or nothing. */
export function outdatedLine(store: RecordStore): string | undefined {
  const record = store.load()
  if (record?.pending !== undefined) return `Een update van de kennisbank is onderbroken. Kies *Kennisbank bijwerken* om hem af te maken.`
  if (record === undefined || record.version === EMBEDDED_VERSION) return undefined
  return `De kennisbank in deze kluis is ouder dan die van de plug-in (${EMBEDDED_VERSION}). Kies *Kennisbank bijwerken* om te zien wat er verandert.`
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
    this.titleEl.setText(`Kennisbank bijwerken naar ${prepared.source.version}`)
    contentEl.createEl('p', { text: `Zo zou de map "${prepared.folder}" veranderen. Een aanpassing van het team wordt nooit overschreven.` })
    const list = contentEl.createEl('ul')
    for (const line of planLines(prepared.plan)) list.createEl('li', { text: line })
    new Setting(contentEl)
      .addButton((b) => b.setButtonText('Annuleren').onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText('Bijwerken')
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
  const skipped = done.skipped.length > 0 ? ` ${done.skipped.length} bestand(en) veranderde(n) intussen en bleef (bleven) zoals het team ze had: ${done.skipped.join(', ')}.` : ''
  return `De kennisbank in "${folder}" is bijgewerkt: ${done.written.length} bestand(en) geschreven, ${done.deleted.length} naar de prullenbak.${skipped}`
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
      new Notice(`De kennisbank in "${folder}" is al bij (${prepared.source.version}).`)
      return
    }
    new UpdateModal(app, prepared, async () => {
      try {
        new Notice(doneMessage(await applyUpdate(app, prepared, store), prepared.folder))
        after()
      } catch (error) {
        new Notice(`Bijwerken is niet afgemaakt (${error instanceof Error ? error.message : String(error)}). Er gaat geen aanpassing verloren: kies *Kennisbank bijwerken* opnieuw om het af te maken.`)
      }
    }).open()
  } catch (error) {
    new Notice(`De kennisbank kon niet worden bijgewerkt: ${error instanceof Error ? error.message : String(error)}`)
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
  plugin.addCommand({ id: 'update-library', name: 'Kennisbank bijwerken', callback: () => void offerUpdate(plugin.app, folder(), store, after) })
}
