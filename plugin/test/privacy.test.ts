import { MarkdownView, Notice, SuggestModal } from 'obsidian'
import { describe, expect, test } from 'vitest'
import { CASE_TEXT, click, MANIFEST, openNote, openPanel, panel, panelItem, settle, setup } from './helpers'
import type { Setup } from './helpers'

async function run(app: Setup['app'], id: string): Promise<boolean> {
  const ran = await app.runCommand(`${MANIFEST.id}:${id}`)
  await settle()
  return ran
}

const LEAK = 'Gesprek met dhr. Jan de Vries.\nHij gaf zijn BSN: 111222333 en belt vanaf 06-12345678.\n'

describe('privacy check of the open note', () => {
  test('is a command without a hotkey', async () => {
    const { app } = await setup()
    const command = app.commands.get(`${MANIFEST.id}:privacy-check`)
    expect(command?.name).toBe('Privacycontrole van deze notitie')
    expect(command?.hotkeys).toBeUndefined()
  })

  test('lists each finding with its line, kind and hint; choosing one selects it in the note', async () => {
    const { app } = await setup()
    const view = await openNote(app, 'Casussen/J.md', LEAK)
    await run(app, 'privacy-check')
    const modal = app.openModals[0]
    expect(modal?.titleEl.textContent).toBe('Privacycontrole: J')
    const items = [...(modal?.contentEl.querySelectorAll('.pw-privacy-finding') ?? [])]
    expect(items.map((li) => li.querySelector('.pw-problem-where')?.textContent)).toEqual(['Regel 1, kolom 13', 'Regel 2, kolom 19', 'Regel 2, kolom 43'])
    expect(items.map((li) => li.querySelector('.pw-problem-level')?.textContent?.trim())).toEqual(['naam', 'BSN', 'telefoonnummer'])
    expect(items[1]?.textContent).toContain('elfproef')
    expect(modal?.contentEl.textContent).toContain('3 mogelijke persoonsgegevens gevonden.')
    const bsn = items[1]?.querySelector('.pw-problem-where')
    if (!bsn) throw new Error('no link')
    click(bsn)
    expect(app.openModals).toEqual([])
    expect(view.editor.getSelection()).toBe('111222333')
    expect(view.editor.scrolledTo).toEqual({ from: { line: 1, ch: 18 }, to: { line: 1, ch: 27 } })
    // It reads; it never edits.
    expect(view.editor.getValue()).toBe(LEAK)
    expect(view.editor.transactions).toBe(0)
    expect(app.vault.writes).toEqual([])
  })

  test('says so when the note is clean, and checks unsaved text as it stands in the editor', async () => {
    const { app } = await setup()
    const view = await openNote(app, 'Casussen/K.md', 'Gesprek met dhr. K. over zijn schulden.')
    await run(app, 'privacy-check')
    expect(app.openModals[0]?.contentEl.textContent).toBe('Geen persoonsgegevens gevonden in deze notitie.')
    app.openModals[0]?.close()
    view.editor.setCursor({ line: 0, ch: 39 })
    view.editor.replaceSelection(' Mail: k@example.nl')
    await run(app, 'privacy-check')
    expect(app.openModals[0]?.contentEl.querySelector('.pw-problem-level')?.textContent?.trim()).toBe('e-mailadres')
  })

  test('without an open note, the command is not available (Obsidian does not offer it)', async () => {
    const { app } = await setup()
    expect(await run(app, 'privacy-check')).toBe(false)
    expect(Notice.shown).toEqual([])
    expect(app.openModals).toEqual([])
  })
})

describe('nothing is written unless the user asks', () => {
  test('indexing, suggesting, opening notes from the panel, the search, the problems and a preview write nothing', async () => {
    const { app } = await setup({
      files: { 'Casussen/J.md': CASE_TEXT },
      library: {
        ...(await import('./helpers')).LIBRARY,
        'themas/Kapot.md': '---\ntype: thema\nbron: [\n---\n# Kapot\n'
      }
    })
    await openPanel(app)
    await openNote(app, 'Casussen/J.md')
    await settle(10)
    expect(panelItem(app, 'Begrenzen met behoud van de werkalliantie')).toBeTruthy()

    // From the panel: open a suggestion (in this tab and in a new one) and hover it.
    const title = () => panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('.pw-title')
    click(title() as Element, { ctrlKey: true })
    await settle()
    await openNote(app, 'Casussen/J.md')
    click(title() as Element)
    await settle()
    await openNote(app, 'Casussen/J.md')
    title()?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))

    // From the search.
    await run(app, 'search-library')
    const search = app.openModals[0]
    if (!(search instanceof SuggestModal)) throw new Error('no search modal')
    const finder = search as SuggestModal<unknown>
    const hit = (await finder.fakeQuery('krachtwerk'))[0]
    if (!hit) throw new Error('nothing found')
    finder.fakeChoose(hit)
    await settle()

    // From the problems.
    await run(app, 'show-problems')
    const where = app.openModals[0]?.contentEl.querySelector('.pw-problem-where')
    if (!where) throw new Error('no problem listed')
    click(where)
    await settle()
    const opened = app.workspace.getMostRecentLeaf()?.view
    expect(opened instanceof MarkdownView && opened.file?.path).toBe('Kennisbank/themas/Kapot.md')

    // Library changes are read, not written.
    await app.vault.modify(app.vault.getFileByPath('Kennisbank/themas/Werkalliantie.md') as never, `${app.vault.text('Kennisbank/themas/Werkalliantie.md')}\nMeer tekst.\n`)
    await settle(10)
    expect(app.vault.writes).toEqual([{ op: 'modify', path: 'Kennisbank/themas/Werkalliantie.md' }])
    expect(panel(app)).toBeTruthy()
  })
})
