// The panel's states, its cards and its live updates, against the fake Obsidian API. (Over 300 lines: one
// test per state of the panel, kept together so that the list of states is in one place.)
import { MarkdownView, Notice } from 'obsidian'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { CASE_TEXT, click, LIBRARY, shippedLibrary, openNote, openPanel, panel, panelItem, panelState, panelTitles, settle, setup, until } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

describe('panel states', () => {
  test('no note open', async () => {
    const { app } = await setup()
    await openPanel(app)
    expect(panelState(app)).toBe('no-note')
    expect(panel(app).contentEl.textContent).toContain('Open een casusnotitie')
  })

  test('loading, while the library is read', async () => {
    const { app } = await setup({ layoutReady: false })
    let release: () => void = () => undefined
    app.vault.readGate = new Promise<void>((resolve) => (release = resolve))
    app.workspace.setLayoutReady()
    await openPanel(app)
    expect(panelState(app)).toBe('loading')
    expect(panel(app).contentEl.textContent).toContain('De kennisbank wordt ingelezen')
    app.vault.readGate = null
    release()
    await settle(10)
    expect(panelState(app)).toBe('no-note')
  })

  test('enable the plugin first, then copy the library in (as the README says): the panel fills (defect 2)', async () => {
    const { app } = await setup({ library: {} })
    await openPanel(app)
    expect(panelState(app)).toBe('missing')
    for (const [path, text] of Object.entries(LIBRARY)) await app.vault.create(`Kennisbank/${path}`, text)
    await settle(10)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    expect(panelState(app)).toBe('results')
    expect(panelTitles(app)[0]).toBe('Begrenzen met behoud van de werkalliantie')
  })

  test('every link and button in the panel has its own accessible name', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `${CASE_TEXT} We hebben een krachteninventarisatie gemaakt.`)
    const names = [...panel(app).contentEl.querySelectorAll<HTMLElement>('a, button')].map((el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim())
    expect(names.length).toBeGreaterThan(4)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })

  test('library folder missing', async () => {
    const { app } = await setup({ settings: { libraryFolder: 'Elders' } })
    await openPanel(app)
    expect(panelState(app)).toBe('missing')
    // The plugin carries a library, so the panel offers to install it there (see update/panel-hooks.test.ts).
    expect(panel(app).contentEl.textContent).toContain('Deze kluis heeft nog geen kennisbank in de map "Elders"')
  })

  test('a library note, and a note outside the case folders', async () => {
    const { app } = await setup({ settings: { caseFolders: 'Casussen' } })
    await openPanel(app)
    await openNote(app, 'Kennisbank/themas/Werkalliantie.md')
    expect(panelState(app)).toBe('library-note')
    await openNote(app, 'Dagboek/Vandaag.md', CASE_TEXT)
    expect(panelState(app)).toBe('not-case-note')
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    expect(panelState(app)).toBe('results')
  })

  test('too little text', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', '---\nliteratuur: []\n---\nHij')
    expect(panelState(app)).toBe('too-short')
    expect(panel(app).contentEl.textContent).toContain('Begin met schrijven')
  })

  test('nothing found', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', 'Vandaag zonnig weer, we hebben koffie gedronken.')
    expect(panelState(app)).toBe('results')
    expect(panel(app).contentEl.querySelector('.pw-message')?.textContent).toContain('Geen passende praktijken gevonden')
  })

  test('quiet when nothing fits clearly: one line, the weak suggestions only on request', async () => {
    const { app } = await setup({ settings: { minScore: 0 } })
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', 'Er lag post op tafel. Verder rustig.')
    const body = panel(app).contentEl
    expect(body.querySelectorAll('.pw-card').length).toBe(0)
    expect(body.querySelector('.pw-quiet')?.textContent).toBe('Geen duidelijke match in de kennisbank voor deze notitie.')
    const show = body.querySelector<HTMLElement>('[data-action="weak"]')
    expect(show?.textContent).toMatch(/^Toch de (\d+ )?zwakke suggesties? tonen$/)
    click(show as HTMLElement)
    expect(body.querySelectorAll('.pw-card').length).toBeGreaterThan(0)
    expect([...body.querySelectorAll('.pw-level')].every((b) => b.textContent === 'zwakke match')).toBe(true)
  })

  test('results: one list, best first, with kind, level, evidence, one line of why; the details and the literature', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `${CASE_TEXT} We hebben een krachteninventarisatie gemaakt.`)
    expect(panelState(app)).toBe('results')
    const body = panel(app).contentEl
    const scores = [...body.querySelectorAll<HTMLElement>('[data-list="suggestions"] .pw-level')].map((el) => Number(el.dataset['score']))
    expect(scores.length).toBeGreaterThan(1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const item = panelItem(app, 'Begrenzen met behoud van de werkalliantie')
    expect(item.querySelector('.pw-kind-praktijk')?.textContent).toBe('Praktijk')
    expect(item.querySelector('.pw-level')?.textContent).toMatch(/^(sterke|redelijke|zwakke) match$/)
    expect(item.querySelector('.pw-level')?.getAttribute('title')).toMatch(/^Score 0,\d\d \(0 tot 1\)$/)
    // The line of why is the engine's best passage: the user's own sentence beside the practice's signal.
    expect(item.querySelector('.pw-why-line')?.textContent).toMatch(/^Jij schreef "[^"]*woedend over de huisregels[^"]*" — herkenbaar signaal bij deze praktijk: "woedend over de huisregels"$/)
    // The terms and the summary wait behind "Waarom?".
    expect(item.querySelector('.pw-words')).toBeNull()
    click(item.querySelector('[data-action="toggle"][data-part="details"]') as HTMLElement)
    const open = panelItem(app, 'Begrenzen met behoud van de werkalliantie')
    expect(open.querySelector('.pw-summary')?.textContent).toBe('Grenzen stellen zonder de werkrelatie te verliezen.')
    const words = [...open.querySelectorAll('.pw-words mark')].map((m) => m.textContent?.toLowerCase())
    expect(words).toEqual(expect.arrayContaining(['woedend', 'huisregels']))
    expect(open.querySelector('.pw-why')?.textContent).toContain('woedend over de huisregels')
    expect(open.querySelector('[data-part="details"]')?.getAttribute('aria-expanded')).toBe('true')
    // "Wat werkt": the practice's advice, readable in the card, with the checklist action.
    click(open.querySelector('[data-action="toggle"][data-part="advice"]') as HTMLElement)
    const advice = panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('.pw-advice')
    expect([...(advice?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['Bespreek de huisregels samen.', 'Blijf in gesprek, ook na een conflict.'])
    expect(advice?.querySelector('[data-action="checklist"]')).not.toBeNull()
    const method = panelItem(app, 'Krachtwerk')
    expect(method.querySelector('.pw-evidence')?.textContent).toBe('bewijs: veelbelovend')
    const source = panelItem(app, 'Menger 2018')
    expect(source.closest('[data-list]')?.getAttribute('data-list')).toBe('literature')
    // Authors, year and title: the citation engine is not started for the panel (it starts at the first citation).
    expect(source.querySelector('.pw-citation')?.textContent).toBe('Menger, A. (2018). De werkalliantie in het gedwongen kader [Proefschrift]. Eburon.')
    expect(source.querySelector('[data-action="cite"]')).not.toBeNull()
  })

  test('about five at first; "meer" shows the rest', async () => {
    const { app } = await setup({ library: shippedLibrary(), settings: { maxResults: 12, minScore: 0 } })
    await openPanel(app)
    await panel(app)['services'].index.idle()
    await openNote(app, 'Casussen/J.md', 'Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en wil niet naar budgetbeheer. Hij heeft schulden en drinkt veel.')
    await settle()
    const cards = () => panel(app).contentEl.querySelectorAll('[data-list="suggestions"] .pw-card').length
    expect(cards()).toBe(5)
    const more = panel(app).contentEl.querySelector<HTMLElement>('[data-action="more"]')
    expect(more?.textContent).toMatch(/^Nog \d+ suggesties? tonen$/)
    ;(more as HTMLElement).focus()
    click(more as HTMLElement)
    expect(cards()).toBeGreaterThan(5)
    expect(panel(app).contentEl.querySelector('[data-action="more"]')).toBeNull()
    // Focus goes to the first card "meer" brought, not to the page.
    const sixth = panel(app).contentEl.querySelectorAll('[data-list="suggestions"] .pw-card')[5]
    expect(sixth?.contains(document.activeElement)).toBe(true)
  })

  test('kinds switched off in the settings are not shown', async () => {
    const { app } = await setup({ settings: { showMethodiek: false, showLiteratuur: false } })
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `${CASE_TEXT} We hebben een krachteninventarisatie gemaakt.`)
    expect(panelTitles(app)).not.toContain('Krachtwerk')
    expect(panel(app).contentEl.querySelector('.pw-literature')).toBeNull()
  })

  test('status line: notes loaded and problems, which open in a modal', async () => {
    const { app } = await setup({ library: { 'praktijken/Kapot.md': '---\ntype: praktijk\nthema: [[[\n---\n# Kapot\n', 'themas/Los.md': '---\ntype: thema\nbron: ["1"]\n---\n# Los\n' } })
    await openPanel(app)
    const status = panel(app).contentEl.querySelector('.pw-status')
    expect(status?.querySelector('.pw-status-text')?.textContent).toBe('2 notities geladen')
    const button = status?.querySelector('button.pw-status-problems')
    expect(button?.textContent).toMatch(/^\d+ fout(en)?, \d+ waarschuwing(en)?$/)
    if (!button) throw new Error('no problems button')
    click(button)
    const modal = app.openModals[0]
    expect(modal?.titleEl.textContent).toBe('Problemen in de kennisbank')
    expect(modal?.contentEl.textContent).toContain('praktijken/Kapot.md:')
    expect(modal?.contentEl.textContent).toContain('Ongeldige YAML')
  })

  test('no problems: the status line says so', async () => {
    const { app } = await setup()
    await openPanel(app)
    expect(panel(app).contentEl.querySelector('.pw-status-text')?.textContent).toBe('7 notities geladen · geen problemen')
  })

  test('while loading, the header says how far it is; it has a refresh button and shows the library version', async () => {
    const { app } = await setup({ layoutReady: false, library: { ...shippedLibrary(), 'Start hier.md': '---\ntype: index\nversie: "2024.1"\n---\n# Start hier\n' } })
    await openPanel(app)
    const progress: string[] = []
    const text = () => panel(app).contentEl.querySelector('.pw-status-text')?.textContent ?? ''
    app.workspace.setLayoutReady()
    for (let i = 0; i < 200 && !text().includes('geladen'); i++) {
      progress.push(text())
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(progress.some((t) => /^Kennisbank inlezen… \d+ van \d+$/.test(t))).toBe(true)
    // The index notes (which give the version) are read after the first suggestions.
    await until(() => text().includes('versie'))
    expect(text()).toMatch(/^\d+ notities geladen · versie 2024\.1/)
    app.vault.reads.length = 0
    click(panel(app).contentEl.querySelector('[data-action="refresh"]') as HTMLElement)
    await settle(20)
    await panel(app)['services'].index.idle()
    expect(app.vault.reads.length).toBeGreaterThan(100)
  })
})

describe('live updates', () => {
  test('typing updates the panel after the debounce, once', async () => {
    const { app } = await setup({ settings: { debounceMs: 300 } })
    const view = await openNote(app, 'Casussen/J.md', 'Vandaag zonnig weer, verder rustig.')
    const p = await openPanel(app)
    expect(panelTitles(app)).toEqual([])
    const suggest = vi.spyOn(p['services'].index, 'suggest')
    vi.useFakeTimers()
    view.editor.setCursor(view.editor.offsetToPos(view.editor.getValue().length))
    for (const word of [' Hij', ' is', ' woedend', ' over', ' de', ' huisregels', ' en', ' wordt', ' snel', ' boos.', ' Veel', ' weerstand', ' in', ' gesprekken.']) {
      view.editor.replaceSelection(word)
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(suggest).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(300)
    expect(suggest).toHaveBeenCalledTimes(1)
    expect(panelTitles(app)).toContain('Begrenzen met behoud van de werkalliantie')
  })

  test('switching notes updates at once', async () => {
    const { app } = await setup({ settings: { debounceMs: 2000 } })
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    expect(panelTitles(app)[0]).toBe('Begrenzen met behoud van de werkalliantie')
    await openNote(app, 'Casussen/K.md', 'Hij heeft de post niet geopend, er komen aanmaningen en er ligt beslag op zijn uitkering.')
    expect(panelTitles(app)).toContain('Nauwe samenwerking met schuldhulpverlening')
    expect(panelTitles(app)).not.toContain('Begrenzen met behoud van de werkalliantie')
  })

  test('edits in another editor than the current note do not schedule work', async () => {
    const { app } = await setup({ settings: { debounceMs: 0 } })
    const p = await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const suggest = vi.spyOn(p['services'].index, 'suggest')
    const other = new MarkdownView(app.workspace.getLeaf('tab'))
    other.editor.setValue('iets anders dat niet telt')
    await settle()
    expect(suggest).not.toHaveBeenCalled()
  })

  test('a change to the library updates the panel', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', 'De cliënt verzamelt oude fietsen in de gang.')
    expect(panelTitles(app)).toEqual([])
    await app.vault.create('Kennisbank/praktijken/Fietsen.md', '---\ntype: praktijk\nbron: ["1"]\ngrondslag: uitgewerkte casus\nthema: ["[[Werkalliantie]]"]\nsignalen: ["verzamelt oude fietsen", "fietsen in de gang", "a", "b", "c"]\n---\n# Fietsen\n')
    await settle()
    expect(panelTitles(app)).toContain('Fietsen')
  })

  test('a stale, slower computation never overwrites a newer result', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    // A rebuild starts (slow reads): the panel shows loading and waits for the index.
    let release: () => void = () => undefined
    app.vault.readGate = new Promise<void>((resolve) => (release = resolve))
    const rebuild = panel(app)['services'].index.rebuild()
    await settle()
    expect(panelState(app)).toBe('loading')
    // Meanwhile the user switches to a note that is not a case note: that newer state must stay.
    await openNote(app, 'Kennisbank/themas/Werkalliantie.md')
    app.vault.readGate = null
    release()
    await rebuild
    await settle(10)
    expect(panelState(app)).toBe('library-note')
  })

  test('an error while suggesting shows in the panel and never escapes', async () => {
    const { app } = await setup()
    const p = await openPanel(app)
    vi.spyOn(p['services'].index, 'suggest').mockImplementation(() => {
      throw new Error('kapot')
    })
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    expect(panelState(app)).toBe('error')
    expect(p.contentEl.textContent).toContain('Er ging iets mis bij het zoeken: kapot.')
    expect(Notice.shown).toEqual([])
  })
})

describe('panel actions', () => {
  test('clicking a title opens the note; with Ctrl in a new tab', async () => {
    const { app } = await setup()
    await openPanel(app)
    const caseView = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const title = panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('.pw-title')
    if (!title) throw new Error('no title')
    click(title, { ctrlKey: true })
    await settle()
    const opened = app.workspace.getMostRecentLeaf()?.view
    expect(opened).toBeInstanceOf(MarkdownView)
    expect(opened instanceof MarkdownView && opened.file?.path).toBe('Kennisbank/praktijken/Begrenzen met behoud van de werkalliantie.md')
    expect(caseView.leaf.view).toBe(caseView) // the case note stayed open in its own tab
  })

  test('hovering a title asks for a page preview', async () => {
    const { app } = await setup()
    const p = await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    const hovers: unknown[] = []
    app.workspace.on('hover-link', (info: unknown) => hovers.push(info))
    const title = panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('.pw-title')
    title?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))
    expect(hovers).toEqual([expect.objectContaining({ source: 'praktijkwijzer-panel', hoverParent: p, linktext: 'Kennisbank/praktijken/Begrenzen met behoud van de werkalliantie.md', targetEl: title })])
    expect(app.hoverLinkSources.get('praktijkwijzer-panel')).toEqual({ display: 'Praktijkwijzer', defaultMod: true })
  })

  test('the link and checklist buttons insert into the case note', async () => {
    const { app } = await setup()
    await openPanel(app)
    const view = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    view.editor.setCursor(view.editor.offsetToPos(CASE_TEXT.length))
    const item = panelItem(app, 'Begrenzen met behoud van de werkalliantie')
    const link = item.querySelector('[data-action="link"]')
    if (!link) throw new Error('no link button')
    click(link)
    await settle()
    expect(view.editor.getValue()).toBe(`${CASE_TEXT} [[Begrenzen met behoud van de werkalliantie]]`)
    click(panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('[data-part="advice"]') as HTMLElement)
    const checklist = panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('[data-action="checklist"]')
    if (!checklist) throw new Error('no checklist button')
    click(checklist)
    await settle()
    expect(view.editor.getValue()).toBe(
      `${CASE_TEXT} [[Begrenzen met behoud van de werkalliantie]]\nWat werkt (uit [[Begrenzen met behoud van de werkalliantie]]):\n- [ ] Bespreek de huisregels samen.\n- [ ] Blijf in gesprek, ook na een conflict.\n`
    )
    expect(app.vault.writes).toEqual([])
  })
})
