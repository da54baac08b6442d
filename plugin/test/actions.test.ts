import { apaInText, apaReference } from '@praktijkwijzer/core'
import { FuzzySuggestModal, Notice, readFrontmatter } from 'obsidian'
import { describe, expect, test } from 'vitest'
import { CASE_TEXT, MANIFEST, openNote, openPanel, panel, panelItem, settle, setup } from './helpers'
import type { Setup } from './helpers'

async function run(app: Setup['app'], id: string): Promise<void> {
  const command = app.commands.get(`${MANIFEST.id}:${id}`)
  if (!command) throw new Error(`no command ${id}`)
  if (command.callback) await command.callback()
  else if (command.editorCallback) {
    const view = app.workspace.getMostRecentLeaf()?.view
    if (!view || !('editor' in view)) throw new Error('no editor')
    await command.editorCallback(view.editor as never, view as never)
  }
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
    await panel(s.app)['services'].actions.cite(menger)
    await settle()
    const reference = apaReference(menger)
    expect(apaInText(menger)).toBe('(Menger, 2018)')
    const text = view.editor.getValue()
    expect(readFrontmatter(text).data).toEqual({ client: 'J', literatuur: [reference] })
    expect(text.slice(readFrontmatter(text).end)).toBe('Zoals Menger laat zien (Menger, 2018)')
    // The editor is saved, then the property is added: two writes of the case note, both asked for by the user.
    expect(s.app.vault.writes).toEqual([
      { op: 'modify', path: 'Casussen/J.md' },
      { op: 'modify', path: 'Casussen/J.md' }
    ])
    expect(s.app.vault.text('Casussen/J.md')).toBe(text)
    // Citing the same source again adds the in-text citation, not a second reference.
    await panel(s.app)['services'].actions.cite(menger)
    expect(view.editor.getValue().split(reference).length - 1).toBe(1)
  })

  test('or under a Literatuur heading, in one editor transaction, without touching the file', async () => {
    const s = await setup({ settings: { citationPlacement: 'section' } })
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', 'Zoals Rapp laat zien.\n\n## Afspraken\nGeen.\n')
    view.editor.setCursor({ line: 0, ch: 'Zoals Rapp laat zien'.length })
    const rapp = source(s, 'literatuur/Rapp & Goscha 2012.md')
    const before = view.editor.transactions
    await panel(s.app)['services'].actions.cite(rapp)
    expect(view.editor.transactions - before).toBe(1)
    expect(view.editor.getValue()).toBe(`Zoals Rapp laat zien (Rapp & Goscha, 2012).\n\n## Afspraken\nGeen.\n\n## Literatuur\n\n- ${apaReference(rapp)}\n`)
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
    await panel(s.app)['services'].actions.cite(source(s, 'literatuur/Menger 2018.md'))
    expect(Notice.shown).toEqual(['Open eerst een notitie in de editor om iets in te voegen.'])
  })

  test('a failing frontmatter edit becomes a notice, not an exception', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '---\nkapot: [\n---\nTekst')
    view.editor.setCursor({ line: 3, ch: 5 })
    await expect(panel(s.app)['services'].actions.cite(source(s, 'literatuur/Menger 2018.md'))).resolves.toBeUndefined()
    expect(Notice.shown[0]).toMatch(/^Invoegen is niet gelukt: /)
  })
})

describe('inserting', () => {
  test('with the cursor in the frontmatter, text goes to the start of the body', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '---\nclient: J\n---\nTekst')
    view.editor.setCursor({ line: 1, ch: 2 })
    await panel(s.app)['services'].actions.insertLink(source(s, 'methodieken/Krachtwerk.md'))
    expect(view.editor.getValue()).toBe('---\nclient: J\n---\n[[Krachtwerk]]Tekst')
  })

  test('a wikilink replaces the selection; a practice without "Wat werkt" gets a notice', async () => {
    const s = await setup()
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', 'Zie X hier.')
    view.editor.setSelection({ line: 0, ch: 4 }, { line: 0, ch: 5 })
    const { actions } = panel(s.app)['services']
    await actions.insertLink(source(s, 'methodieken/Krachtwerk.md'))
    expect(view.editor.getValue()).toBe('Zie [[Krachtwerk]] hier.')
    expect(view.editor.getCursor()).toEqual({ line: 0, ch: 18 })
    await actions.insertChecklist(source(s, 'methodieken/Krachtwerk.md'))
    expect(Notice.shown).toEqual(['Deze praktijk heeft geen punten onder "Wat werkt".'])
  })

  test('a link to a note whose name is not unique uses its path', async () => {
    const s = await setup({ files: { 'Oud/Krachtwerk.md': 'oud' } })
    await openPanel(s.app)
    const view = await openNote(s.app, 'Casussen/J.md', '')
    await panel(s.app)['services'].actions.insertLink(source(s, 'methodieken/Krachtwerk.md'))
    expect(view.editor.getValue()).toBe('[[Kennisbank/methodieken/Krachtwerk|Krachtwerk]]')
  })
})

describe('commands', () => {
  test('none has a default hotkey', async () => {
    const { app } = await setup()
    const ids = [...app.commands.keys()].sort()
    expect(ids).toEqual(['praktijkwijzer:insert-reference', 'praktijkwijzer:open-panel', 'praktijkwijzer:privacy-check', 'praktijkwijzer:refresh-index', 'praktijkwijzer:search-library', 'praktijkwijzer:show-problems'])
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

  test('search the library by title and alias; choosing opens the note', async () => {
    const { app } = await setup()
    await run(app, 'search-library')
    const modal = app.openModals[0]
    if (!(modal instanceof FuzzySuggestModal)) throw new Error('no search modal')
    expect(modal.inputEl.getAttribute('placeholder')).toBe('Zoek een praktijk, methodiek, thema of bron…')
    const found = await modal.fakeQuery('strengths')
    expect(modal.resultContainerEl.textContent).toBe('Strengths model → Krachtwerk · Methodiek')
    const first = found[0]
    if (!first) throw new Error('nothing found')
    modal.fakeChoose(first)
    await settle()
    const view = app.workspace.getMostRecentLeaf()?.view
    expect(view && 'file' in view ? (view.file as { path: string }).path : null).toBe('Kennisbank/methodieken/Krachtwerk.md')
  })

  test('insert a reference: a picker over the literatuur notes', async () => {
    const { app } = await setup({ settings: { citationPlacement: 'section' } })
    const view = await openNote(app, 'Casussen/J.md', 'Tekst')
    view.editor.setCursor({ line: 0, ch: 5 })
    await run(app, 'insert-reference')
    const modal = app.openModals[0]
    if (!(modal instanceof FuzzySuggestModal)) throw new Error('no picker')
    const all = await modal.fakeQuery('')
    expect(all.length).toBe(2)
    const rapp = (await modal.fakeQuery('rapp'))[0]
    if (!rapp) throw new Error('not found')
    modal.fakeChoose(rapp)
    await settle()
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
