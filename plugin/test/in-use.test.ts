// The panel in daily use (issue #13): clicks, focus, the note commands act on, previews, citing in one
// step, where notes open. Each test plays what Obsidian does (the fake makes the panel's leaf active on
// pointer-down and focus, writes processFrontMatter to the file first, hands editor commands the active
// editor), so that a defect the old fake hid shows here.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MarkdownView, Notice, readFrontmatter } from 'obsidian'
import { afterEach, describe, expect, test } from 'vitest'
import { apaReference } from '@praktijkwijzer/core'
import { actionOf, CASE_TEXT, openNote, openPanel, panel, panelItem, PLUGIN_DIR, runCommand, settle, setup, targetOf, userClick } from './helpers'

const PRACTICE = 'Begrenzen met behoud van de werkalliantie'

afterEach(() => {
  document.body.empty()
})

describe('clicks and focus in the panel (defect 1)', () => {
  test('the first click on "Link invoegen" inserts the link, although the panel became the active leaf on pointer-down', async () => {
    const { app } = await setup()
    await openPanel(app)
    const view = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    view.editor.setCursor(view.editor.offsetToPos(CASE_TEXT.length))
    const activated: unknown[] = []
    app.workspace.on('active-leaf-change', (leaf) => activated.push(leaf))
    userClick(actionOf(app, PRACTICE, 'link'))
    await settle()
    expect(activated[0]).toBe(panel(app).leaf) // the pointer-down made the panel's leaf active
    expect(view.editor.getValue()).toContain(`[[${PRACTICE}]]`)
  })

  test('moving focus into the panel (Tab) keeps it on the element that got it', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const link = actionOf(app, PRACTICE, 'link')
    link.focus()
    await settle()
    expect(document.activeElement).toBe(link)
  })

  test('the panel getting focus does not redraw it', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const item = panelItem(app, PRACTICE)
    panel(app).contentEl.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    await settle()
    expect(panelItem(app, PRACTICE)).toBe(item)
  })

  test('when the results change, the focused action keeps focus and the scroll position stays', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `${CASE_TEXT} Hij heeft schulden en de post niet geopend.`)
    const scroller = panel(app).contentEl
    scroller.scrollTop = 40
    actionOf(app, PRACTICE, 'link').focus()
    // The library changes (another note's summary): the panel draws the new results.
    const path = 'Kennisbank/praktijken/Nauwe samenwerking met schuldhulpverlening.md'
    const file = app.vault.getFileByPath(path)
    if (!file) throw new Error('no file')
    await app.vault.modify(file, (app.vault.text(path) ?? '').replace('thema:', 'samenvatting: "Nieuw."\nthema:'))
    await settle(10)
    const focused = document.activeElement as HTMLElement | null
    expect(focused?.dataset['action']).toBe('link')
    expect(focused?.closest<HTMLElement>('[data-path]')?.dataset['path']).toBe(`praktijken/${PRACTICE}.md`)
    expect(scroller.scrollTop).toBe(40)
  })
})

describe('commands act on the note they are run in (defect 5)', () => {
  test('the privacy check checks the editor Obsidian hands it (a Canvas card), not the last tab', async () => {
    const { app } = await setup()
    await openNote(app, 'Casussen/Schoon.md', 'Gesprek met dhr. K. over zijn schulden.')
    const card = app.vault.seed('Casussen/Kaart.md', '')
    app.workspace.openEmbeddedEditor(card, 'Hij gaf zijn BSN: 111222333.')
    expect(await runCommand(app, 'privacy-check')).toBe(true)
    const modal = app.openModals[0]
    expect(modal?.titleEl.textContent).toBe('Privacycontrole: Kaart')
    expect(modal?.contentEl.textContent).toContain('Eén mogelijk persoonsgegeven gevonden')
  })

  test('inserting a reference goes into the editor Obsidian hands the command', async () => {
    const { app } = await setup({ settings: { citationPlacement: 'section' } })
    const tab = await openNote(app, 'Casussen/Tab.md', 'In de tab.')
    const card = app.workspace.openEmbeddedEditor(app.vault.seed('Casussen/Kaart.md', ''), 'Op de kaart')
    card.editor.setCursor({ line: 0, ch: 11 })
    await runCommand(app, 'insert-reference')
    const picker = app.openModals[0] as unknown as { fakeQuery(q: string): Promise<unknown[]>; fakeChoose(item: unknown): void }
    const [first] = await picker.fakeQuery('menger')
    picker.fakeChoose(first)
    await settle()
    expect(card.editor.getValue()).toMatch(/^Op de kaart \(Menger, 2018\)/)
    expect(tab.editor.getValue()).toBe('In de tab.')
  })
})

describe('hover preview (defect 7)', () => {
  test('as in Obsidian\u2019s own side panes, a preview needs Ctrl/Cmd, and the README says so', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const title = panelItem(app, PRACTICE).querySelector('.pw-title')
    title?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
    expect(app.previews).toEqual([])
    title?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, ctrlKey: true }))
    expect(app.previews).toEqual([{ source: 'praktijkwijzer-panel', linktext: `Kennisbank/praktijken/${PRACTICE}.md` }])
    const readme = readFileSync(join(PLUGIN_DIR, 'README.md'), 'utf8')
    const line = readme.split('\n').find((l) => l.includes('voorvertoning')) ?? ''
    expect(line).toMatch(/Ctrl\/Cmd/)
  })
})

describe('citing is one step (defect 8)', () => {
  test('in-text citation and property in one undoable change; the file is written by Obsidian, not by two writes of ours', async () => {
    const s = await setup()
    await openPanel(s.app)
    const original = '---\nclient: J\n---\nZoals Menger laat zien'
    const view = await openNote(s.app, 'Casussen/J.md', original)
    view.editor.setCursor(view.editor.offsetToPos(original.length))
    const menger = panel(s.app)['services'].index.node('literatuur/Menger 2018.md')
    if (!menger) throw new Error('no source')
    const before = view.editor.transactions
    await panel(s.app)['services'].actions.cite(menger, targetOf(view))
    await settle()
    const text = view.editor.getValue()
    expect(readFrontmatter(text).data).toEqual({ client: 'J', literatuur: [apaReference(menger)] })
    expect(text.slice(readFrontmatter(text).end)).toBe('Zoals Menger laat zien (Menger, 2018)')
    expect(view.editor.transactions - before).toBe(1)
    expect(s.app.vault.writes).toEqual([])
    view.editor.undo()
    expect(view.editor.getValue()).toBe(original)
  })

  test('when the property cannot be written, nothing changes and the notice says so', async () => {
    const s = await setup()
    await openPanel(s.app)
    const original = '---\nkapot: [\n---\nTekst'
    const view = await openNote(s.app, 'Casussen/J.md', original)
    view.editor.setCursor({ line: 3, ch: 5 })
    const menger = panel(s.app)['services'].index.node('literatuur/Menger 2018.md')
    if (!menger) throw new Error('no source')
    await panel(s.app)['services'].actions.cite(menger, targetOf(view))
    await settle()
    expect(view.editor.getValue()).toBe(original)
    expect(s.app.vault.text('Casussen/J.md')).toBe(original)
    expect(Notice.shown[0]).toMatch(/^Invoegen is niet gelukt: /)
  })
})

describe('opening and inserting from the panel', () => {
  test('a suggestion opens in a new tab, never over the note being written; the panel keeps its suggestions', async () => {
    const { app } = await setup()
    await openPanel(app)
    const caseView = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    userClick(panelItem(app, PRACTICE).querySelector<HTMLElement>('.pw-title') as HTMLElement)
    await settle()
    expect(caseView.leaf.view).toBe(caseView)
    const opened = app.workspace.getMostRecentLeaf()
    expect(opened?.view instanceof MarkdownView && opened.view.file?.path).toBe(`Kennisbank/praktijken/${PRACTICE}.md`)
    expect(opened?.pane).toBe('tab')
    expect(panelItem(app, PRACTICE)).toBeTruthy()
  })

  test('a link follows the user\u2019s link settings, is not glued to the word before it, and focus goes back to the note', async () => {
    const { app } = await setup()
    app.vault.config.useMarkdownLinks = true
    await openPanel(app)
    const text = `${CASE_TEXT} We hebben een krachteninventarisatie gemaakt.\nZie ook`
    const view = await openNote(app, 'Casussen/J.md', text)
    view.editor.setCursor(view.editor.offsetToPos(text.length))
    userClick(actionOf(app, 'Krachtwerk', 'link'))
    await settle()
    expect(view.editor.getValue()).toBe(`${text} [Krachtwerk](Krachtwerk.md)`)
    expect(view.editor.hasFocus()).toBe(true)
    expect(app.workspace.activeLeaf).toBe(view.leaf)
  })

  test('opening the panel leaves focus in the note', async () => {
    const { app } = await setup()
    const view = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    view.editor.focus()
    await openPanel(app)
    expect(app.workspace.activeLeaf).toBe(view.leaf)
    expect(view.editor.hasFocus()).toBe(true)
  })

  test('dragging a title into a note drops a link, not a URL', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const title = panelItem(app, PRACTICE).querySelector<HTMLElement>('.pw-title')
    const data = new Map<string, string>()
    const evt = new MouseEvent('dragstart', { bubbles: true, cancelable: true }) as DragEvent
    Object.defineProperty(evt, 'dataTransfer', { value: { setData: (k: string, v: string) => data.set(k, v), clearData: () => data.clear(), effectAllowed: 'all' } })
    title?.dispatchEvent(evt)
    expect(title?.getAttribute('draggable')).toBe('true')
    expect(data.get('text/plain')).toBe(`[[${PRACTICE}]]`)
  })
})
