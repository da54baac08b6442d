import { Notice, readFrontmatter, SuggestModal } from 'obsidian'
import { describe, expect, test } from 'vitest'
import { CASE_TEXT, MANIFEST, openNote, openPanel, panel, panelItem, settle, setup, targetOf, until } from './helpers'
import type { Setup } from './helpers'

async function run(app: Setup['app'], id: string): Promise<void> {
  if (!(await app.runCommand(`${MANIFEST.id}:${id}`))) throw new Error(`command ${id} not available`)
  await settle()
}

function source(s: Setup, path: string) {
  const node = panel(s.app)['services'].index.node(path)
  if (!node) throw new Error(`no node ${path}`)
  return node
}

describe('citing a source', () => {
  test('in-text at the cursor, full reference in the literatuur property', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '---\nclient: J\n---\nZoals Menger laat zien')
    view.editor.setCursor(view.editor.offsetToPos(view.editor.getValue().length))
    const menger = source(s, 'literatuur/Menger 2018.md')
    await panel(s.app)['services'].actions.cite(menger, targetOf(view))
    await settle()
    // The first citation started the citation engine; the index now gives the APA entry.
    const reference = panel(s.app)['services'].index.reference(menger)
    expect(reference).toMatch(/^Menger, A\. \(2018\)\. De werkalliantie in het gedwongen kader.* \[Proefschrift\]\. /)
    const text = view.editor.getValue()
    expect(readFrontmatter(text).data).toEqual({ client: 'J', literatuur: [reference] })
    expect(text.slice(readFrontmatter(text).end)).toBe('Zoals Menger laat zien (Menger, 2018)')
    // One change in the editor; the file is Obsidian's to save.
    expect(s.app.vault.writes).toEqual([])
    // Citing the same source again adds the in-text citation, not a second reference.
    await panel(s.app)['services'].actions.cite(menger, targetOf(view))
    expect(view.editor.getValue().split(reference).length - 1).toBe(1)
  })

  test('a note without properties gets them, above the citation, also with the cursor at the very start', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', 'Tekst')
    view.editor.setCursor({ line: 0, ch: 0 })
    const menger = source(s, 'literatuur/Menger 2018.md')
    await panel(s.app)['services'].actions.cite(menger, targetOf(view))
    const text = view.editor.getValue()
    expect(readFrontmatter(text).data).toEqual({ literatuur: [panel(s.app)['services'].index.reference(menger)] })
    expect(text.slice(readFrontmatter(text).end)).toBe('(Menger, 2018) Tekst')
    expect(view.editor.getCursor()).toEqual(view.editor.offsetToPos(readFrontmatter(text).end + '(Menger, 2018) '.length))
  })

  test('or under a Literatuur heading, in one editor transaction, without touching the file', async () => {
    const s = await setup({ settings: { citationPlacement: 'section' } })
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', 'Zoals Rapp laat zien.\n\n## Afspraken\nGeen.\n')
    view.editor.setCursor({ line: 0, ch: 'Zoals Rapp laat zien'.length })
    const rapp = source(s, 'literatuur/Rapp & Goscha 2012.md')
    const before = view.editor.transactions
    await panel(s.app)['services'].actions.cite(rapp, targetOf(view))
    expect(view.editor.transactions - before).toBe(1)
    expect(view.editor.getValue()).toBe(`Zoals Rapp laat zien (Rapp & Goscha, 2012).\n\n## Afspraken\nGeen.\n\n## Literatuur\n\n- ${panel(s.app)['services'].index.reference(rapp)}\n`)
    expect(view.editor.getCursor()).toEqual({ line: 0, ch: 'Zoals Rapp laat zien (Rapp & Goscha, 2012)'.length })
    expect(s.app.vault.writes).toEqual([])
  })

  test('the literature button in the panel cites', async () => {
    const s = await setup({ settings: { citationPlacement: 'section' } })
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', CASE_TEXT)
    view.editor.setCursor(view.editor.offsetToPos(CASE_TEXT.length))
    const cite = panelItem(s.app, 'Menger 2018').querySelector('[data-action="cite"]')
    cite?.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    await settle()
    expect(view.editor.getValue()).toContain(`${CASE_TEXT} (Menger, 2018)`)
    expect(view.editor.getValue()).toContain('## Literatuur\n\n- Menger, A. (2018)')
  })

  test('without an open note, a notice says what to do', async () => {
    const s = await setup()
    await openPanel(s.app)
    await panel(s.app)['services'].actions.cite(source(s, 'literatuur/Menger 2018.md'), null)
    expect(Notice.shown).toEqual(['Open eerst een notitie in de editor om iets in te voegen.'])
  })

  test('a failing frontmatter edit becomes a notice, not an exception', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '---\nkapot: [\n---\nTekst')
    view.editor.setCursor({ line: 3, ch: 5 })
    await expect(panel(s.app)['services'].actions.cite(source(s, 'literatuur/Menger 2018.md'), targetOf(view))).resolves.toBeUndefined()
    expect(Notice.shown[0]).toMatch(/^Invoegen is niet gelukt: /)
  })
})

describe('inserting', () => {
  test('with the cursor in the frontmatter, text goes to the start of the body', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '---\nclient: J\n---\nTekst')
    view.editor.setCursor({ line: 1, ch: 2 })
    await panel(s.app)['services'].actions.insertLink(source(s, 'methodieken/Krachtwerk.md'), targetOf(view))
    expect(view.editor.getValue()).toBe('---\nclient: J\n---\n[[Krachtwerk]] Tekst')
  })

  test('a wikilink replaces the selection; a practice without "Wat werkt" gets a notice', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', 'Zie X hier.')
    view.editor.setSelection({ line: 0, ch: 4 }, { line: 0, ch: 5 })
    const { actions } = panel(s.app)['services']
    await actions.insertLink(source(s, 'methodieken/Krachtwerk.md'), targetOf(view))
    expect(view.editor.getValue()).toBe('Zie [[Krachtwerk]] hier.')
    expect(view.editor.getCursor()).toEqual({ line: 0, ch: 18 })
    await actions.insertChecklist(source(s, 'methodieken/Krachtwerk.md'), targetOf(view))
    expect(Notice.shown).toEqual(['Deze praktijk heeft geen punten onder "Wat werkt".'])
  })

  test('a link to a note whose name is not unique uses its path', async () => {
    const s = await setup({ files: { 'Oud/Krachtwerk.md': 'oud' } })
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '')
    await panel(s.app)['services'].actions.insertLink(source(s, 'methodieken/Krachtwerk.md'), targetOf(view))
    expect(view.editor.getValue()).toBe('[[Kennisbank/methodieken/Krachtwerk|Krachtwerk]]')
  })
})

describe('commands', () => {
  test('none has a default hotkey', async () => {
    const { app } = await setup()
    const ids = [...app.commands.keys()].sort()
    expect(ids).toEqual(['praktijkwijzer:insert-reference', 'praktijkwijzer:open-panel', 'praktijkwijzer:privacy-check', 'praktijkwijzer:refresh-index', 'praktijkwijzer:search-library', 'praktijkwijzer:show-problems', 'praktijkwijzer:update-library'])
    for (const command of app.commands.values()) expect(command.hotkeys).toBeUndefined()
  })

  test('open the panel: once, in the right sidebar', async () => {
    const { app } = await setup()
    await run(app, 'open-panel')
    await run(app, 'open-panel')
    const leaves = app.workspace.getLeavesOfType('praktijkwijzer-panel')
    expect(leaves.length).toBe(1)
    expect(leaves[0]?.side).toBe('right')
  })

  test('search the library: typo-tolerant titles and aliases; Enter opens, Mod+Enter in a new tab, Alt+Enter inserts a link', async () => {
    const { app } = await setup()
    const caseView = await openNote(app, 'Casussen/J.md', 'Zie')
    caseView.editor.setCursor({ line: 0, ch: 3 })
    const modal = async (): Promise<SuggestModal<{ node: { title: string } }>> => {
      await run(app, 'search-library')
      const m = app.openModals[0]
      if (!(m instanceof SuggestModal)) throw new Error('no search modal')
      return m as SuggestModal<{ node: { title: string } }>
    }
    let search = await modal()
    expect(search.inputEl.getAttribute('placeholder')).toMatch(/^Zoek een praktijk/)
    expect(search.instructions.map((i) => i.command)).toEqual(['↑↓', '↵', 'Ctrl ↵', 'Alt ↵', 'esc'])
    expect((await search.fakeQuery('strengths')).map((h) => h.node.title)).toEqual(['Krachtwerk'])
    expect(search.resultContainerEl.textContent).toBe('KrachtwerkMethodiek · ook: Strengths model')
    expect((await search.fakeQuery('krachtwrk'))[0]?.node.title).toBe('Krachtwerk')
    expect((await search.fakeQuery('schuldhulpverleningg'))[0]?.node.title).toBe('Nauwe samenwerking met schuldhulpverlening')
    // Enter: never over the note being written, so a new tab.
    expect(search.fakeKey('Enter')).toBe(true)
    await settle()
    const opened = () => app.workspace.getMostRecentLeaf()?.view as { file?: { path: string } } | undefined
    expect(opened()?.file?.path).toBe('Kennisbank/praktijken/Nauwe samenwerking met schuldhulpverlening.md')
    expect(caseView.leaf.view).toBe(caseView)
    // Mod+Enter: a new tab also from a library note.
    search = await modal()
    await search.fakeQuery('krachtwerk')
    search.fakeKey('Enter', { ctrlKey: true })
    await settle()
    expect(opened()?.file?.path).toBe('Kennisbank/methodieken/Krachtwerk.md')
    expect(app.workspace.getMostRecentLeaf()?.pane).toBe('tab')
    // Alt+Enter: a link in the note that was being edited.
    app.workspace.setActiveLeaf(caseView.leaf, { focus: true })
    search = await modal()
    await search.fakeQuery('menger')
    search.fakeKey('Enter', { altKey: true })
    await settle()
    expect(caseView.editor.getValue()).toBe('Zie [[Menger 2018]]')
  })

  test('search the library in the full text: each hit shows the sentence that matched, its words marked; the keys say so', async () => {
    const { app } = await setup()
    const caseView = await openNote(app, 'Casussen/J.md', 'Zie')
    caseView.editor.setCursor({ line: 0, ch: 3 })
    await run(app, 'search-library')
    const m = app.openModals[0]
    if (!(m instanceof SuggestModal)) throw new Error('no search modal')
    const search = m as SuggestModal<{ node: { title: string }; title: boolean }>
    expect(search.instructions.map((i) => `${i.command} ${i.purpose}`)).toEqual(['↑↓ kiezen', '↵ openen', 'Ctrl ↵ in een nieuw tabblad', 'Alt ↵ link invoegen', 'esc sluiten'])
    // "conflict" is only in a "Wat werkt" point of one practice; "gesprekken" finds "gesprek" too (stems).
    const hits = await search.fakeQuery('conflict gesprekken')
    expect(hits.map((h) => [h.node.title, h.title])).toEqual([['Begrenzen met behoud van de werkalliantie', false]])
    const excerpt = search.resultContainerEl.querySelector('.pw-suggestion-excerpt')
    expect(excerpt?.textContent).toBe('Blijf in gesprek, ook na een conflict.')
    expect([...(excerpt?.querySelectorAll('mark') ?? [])].map((e) => e.textContent)).toEqual(['gesprek', 'conflict'])
    // A typo in a title still finds it, first, before the notes whose text has the word.
    const typo = await search.fakeQuery('werkaliantie')
    expect(typo[0]).toMatchObject({ title: true, node: { title: 'Werkalliantie' } })
    // Alt+Enter on a full-text hit links it into the note being written.
    await search.fakeQuery('conflict')
    search.fakeKey('Enter', { altKey: true })
    await settle()
    expect(caseView.editor.getValue()).toBe('Zie [[Begrenzen met behoud van de werkalliantie]]')
  })

  test('insert a reference: a typo-tolerant picker over the literatuur notes', async () => {
    const { app } = await setup({ settings: { citationPlacement: 'section' } })
    const view = await openNote(app, 'Casussen/J.md', 'Tekst')
    view.editor.setCursor({ line: 0, ch: 5 })
    await run(app, 'insert-reference')
    const modal = app.openModals[0]
    if (!(modal instanceof SuggestModal)) throw new Error('no picker')
    const picker = modal as SuggestModal<unknown>
    const all = await picker.fakeQuery('')
    expect(all.length).toBe(2)
    // The full APA 7 entry at once, the one the citation will write.
    const entries = [...picker.resultContainerEl.querySelectorAll('.pw-suggestion-note')].map((el) => el.textContent ?? '')
    expect(entries).toContain('Rapp, C. A., & Goscha, R. J. (2012). The Strengths Model. Oxford University Press.')
    const rapp = (await picker.fakeQuery('rap & gosha'))[0]
    if (!rapp) throw new Error('not found')
    picker.fakeChoose(rapp)
    await until(() => view.editor.getValue() !== 'Tekst')
    expect(view.editor.getValue()).toMatch(/^Tekst \(Rapp & Goscha, 2012\)\n\n## Literatuur\n\n- Rapp, C\. A\., & Goscha, R\. J\. \(2012\)/)
  })

  test('refresh the index, and show the problems', async () => {
    const { app } = await setup()
    app.vault.reads.length = 0
    await run(app, 'refresh-index')
    expect(app.vault.reads.length).toBe(7)
    expect(Notice.shown).toEqual(['Kennisbank opnieuw ingelezen: 7 notities.'])
    await run(app, 'show-problems')
    expect(app.openModals[0]?.contentEl.textContent).toBe('De kennisbank heeft geen problemen.')
  })
})
