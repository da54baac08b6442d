// The panel in daily use (issue #13): clicks, focus, the note commands act on, previews, citing in one
// step, where notes open. Each test plays what Obsidian does (the fake makes the panel's leaf active on
// pointer-down and focus, writes processFrontMatter to the file first, hands editor commands the active
// editor), so that a defect the old fake hid shows here.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fakeMobile, MarkdownView, Notice, readFrontmatter } from 'obsidian'
import type { FakeWindow } from 'obsidian'
import { afterEach, describe, expect, test } from 'vitest'
import { actionOf, CASE_TEXT, LIBRARY, openNote, openPanel, panel, panelItem, PLUGIN_DIR, runCommand, settle, setup, targetOf, until, userClick } from './helpers'

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
    // As a browser does after a scroll (the fake DOM does not): the panel keeps the position it saw last.
    scroller.dispatchEvent(new Event('scroll'))
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
    await until(() => card.editor.getValue() !== 'Op de kaart')
    expect(card.editor.getValue()).toMatch(/^Op de kaart \(Menger, 2018\)/)
    expect(tab.editor.getValue()).toBe('In de tab.')
  })
})

describe('hover preview (defect 7)', () => {
  test('as in Obsidian\u2019s file explorer, a preview needs Ctrl/Cmd, and the README says so', async () => {
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
    expect(readFrontmatter(text).data).toEqual({ client: 'J', literatuur: [panel(s.app)['services'].index.reference(menger)] })
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

describe('the keyboard', () => {
  test('Tab lands on one card; the arrow keys move between cards; Enter opens; the actions are in reach', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `${CASE_TEXT} We hebben een krachteninventarisatie gemaakt.`)
    const root = panel(app).contentEl
    const titles = () => [...root.querySelectorAll<HTMLElement>('.pw-card .pw-title')]
    // One tab stop per list: the first card's title and actions; the other cards wait for the arrows.
    expect(titles().map((t) => t.getAttribute('tabindex'))).toEqual(titles().map((_, i) => (i === 0 ? '0' : '-1')))
    const first = titles()[0] as HTMLElement
    first.focus()
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }))
    expect(document.activeElement).toBe(titles()[1])
    expect(titles()[1]?.getAttribute('tabindex')).toBe('0')
    expect(titles()[0]?.getAttribute('tabindex')).toBe('-1')
    const card = titles()[1]?.closest('.pw-card')
    expect([...(card?.querySelectorAll('button') ?? [])].every((b) => b.getAttribute('tabindex') === '0')).toBe(true)
    ;(document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }))
    expect(document.activeElement).toBe(titles()[titles().length - 1])
    ;(document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, cancelable: true }))
    expect(document.activeElement).toBe(titles()[0])
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    titles()[0]?.dispatchEvent(enter)
    await settle()
    expect(enter.defaultPrevented).toBe(true)
    const opened = app.workspace.getMostRecentLeaf()?.view
    expect(opened instanceof MarkdownView && opened.file?.path).toBe(`Kennisbank/praktijken/${PRACTICE}.md`)
  })
})

describe('where notes open', () => {
  test('on a phone, "naast de notitie" opens in a tab', async () => {
    fakeMobile(true)
    try {
      const { app } = await setup({ settings: { openIn: 'split' } })
      await openPanel(app)
      await openNote(app, 'Casussen/J.md', CASE_TEXT)
      userClick(panelItem(app, PRACTICE).querySelector<HTMLElement>('.pw-title') as HTMLElement)
      await settle()
      expect(app.workspace.getMostRecentLeaf()?.pane).toBe('tab')
    } finally {
      fakeMobile(false)
    }
  })

  test('on the desktop, "naast de notitie" opens in a split, Ctrl in a tab', async () => {
    const { app } = await setup({ settings: { openIn: 'split' } })
    await openPanel(app)
    const caseView = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    userClick(panelItem(app, PRACTICE).querySelector<HTMLElement>('.pw-title') as HTMLElement)
    await settle()
    expect(app.workspace.getMostRecentLeaf()?.pane).toBe('split')
    app.workspace.setActiveLeaf(caseView.leaf)
    await settle()
    userClick(panelItem(app, PRACTICE).querySelector<HTMLElement>('.pw-title') as HTMLElement, { ctrlKey: true })
    await settle()
    expect(app.workspace.getMostRecentLeaf()?.pane).toBe('tab')
  })

  test('a problem opens at its line, and not in a pinned tab', async () => {
    const { app } = await setup({ library: { ...LIBRARY, 'themas/Kapot.md': '---\ntype: thema\nbron: ["1"]\n---\n# Kapot\n\nZie [[Bestaat niet]].\n' } })
    const pinned = await openNote(app, 'Kennisbank/themas/Werkalliantie.md')
    pinned.leaf.setPinned(true)
    await runCommand(app, 'show-problems')
    // The broken link, on line 7 (the note's first problem is on line 1, where a cursor starts anyway).
    const where = [...(app.openModals[0]?.contentEl.querySelectorAll<HTMLElement>('.pw-problem-where') ?? [])].find((el) => el.textContent?.endsWith(':7:5'))
    expect(where).toBeDefined()
    where?.click()
    await settle()
    const leaf = app.workspace.getMostRecentLeaf()
    const opened = leaf?.view
    // The pinned tab still shows its note: the problem opened in another leaf.
    expect(leaf).not.toBe(pinned.leaf)
    expect(pinned.leaf.view).toBe(pinned)
    expect(pinned.file?.path).toBe('Kennisbank/themas/Werkalliantie.md')
    expect(opened instanceof MarkdownView && opened.file?.path).toBe('Kennisbank/themas/Kapot.md')
    expect(opened instanceof MarkdownView && opened.editor.getCursor().line).toBe(6)
  })
})

describe('a pop-out window', () => {
  test('the panel moved to a pop-out works there: its elements belong to that window, a click inserts', async () => {
    const { Window } = await import('happy-dom')
    const { app } = await setup()
    app.workspace.popoutWindow = () => new Window() as unknown as FakeWindow
    await openPanel(app)
    const view = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    view.editor.setCursor(view.editor.offsetToPos(CASE_TEXT.length))
    const leaf = panel(app).leaf
    app.workspace.moveLeafToPopout(leaf)
    await leaf.opening
    await settle()
    expect(panel(app).contentEl.ownerDocument).not.toBe(document)
    const link = actionOf(app, PRACTICE, 'link')
    expect(link.ownerDocument).toBe(panel(app).contentEl.ownerDocument)
    userClick(link)
    await settle()
    expect(view.editor.getValue()).toContain(`[[${PRACTICE}]]`)
  })
})
