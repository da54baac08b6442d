import { Citations } from '@praktijkwijzer/core'
import { Component, Events } from 'obsidian'
import { describe, expect, test, vi } from 'vitest'
import { CASE_TEXT, openNote, openPanel, panelTitles, runCommand, settle, setup, until } from './helpers'

describe('start-up', () => {
  test('the index is built once the layout is ready, not during onload', async () => {
    const { app } = await setup({ layoutReady: false })
    expect(app.vault.reads).toEqual([])
    app.workspace.setLayoutReady()
    await settle()
    expect(app.vault.reads.length).toBe(7)
  })

  test('start-up create events before the layout is ready are not replayed into the index', async () => {
    const { app } = await setup({ layoutReady: false })
    expect(app.vault.listenerCount('create')).toBe(0)
    app.workspace.setLayoutReady()
    await settle()
    expect(app.vault.listenerCount('create')).toBe(1)
  })

  test('references are formatted when first needed: none at start-up, the chosen source at its citation (defect 6)', async () => {
    // Our own APA formatter needs no start-up; what must not happen at start-up is formatting itself.
    const reference = vi.spyOn(Citations.prototype, 'reference')
    const inText = vi.spyOn(Citations.prototype, 'inText')
    try {
      const { app } = await setup()
      await settle(10)
      expect(reference).not.toHaveBeenCalled()
      expect(inText).not.toHaveBeenCalled()
      await openPanel(app)
      const view = await openNote(app, 'Casussen/J.md', CASE_TEXT)
      await settle(10)
      expect(panelTitles(app).length).toBeGreaterThan(0)
      expect(inText).not.toHaveBeenCalled()
      expect(await runCommand(app, 'insert-reference')).toBe(true)
      const picker = app.openModals[0] as unknown as { fakeQuery(q: string): Promise<unknown[]>; fakeChoose(item: unknown): void }
      const [first] = await picker.fakeQuery('')
      picker.fakeChoose(first)
      await until(() => view.editor.getValue() !== CASE_TEXT)
      expect(inText).toHaveBeenCalledTimes(1)
      const cited = inText.mock.results[0]?.value as string
      expect(view.editor.getValue()).toContain(cited)
    } finally {
      reference.mockRestore()
      inText.mockRestore()
    }
  })
})

describe('unload', () => {
  test('removes commands, views, settings tab, hover source, listeners and DOM listeners', async () => {
    const domBefore = Component.domListeners
    const { app, plugin } = await setup()
    const counts = () => ['create', 'modify', 'delete', 'rename'].map((e) => app.vault.listenerCount(e)).concat(['editor-change', 'active-leaf-change', 'file-open'].map((e) => app.workspace.listenerCount(e)))
    const idle = counts()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    expect(Component.domListeners).toBeGreaterThan(domBefore)
    plugin.unload()
    await settle()
    expect(app.commands.size).toBe(0)
    expect(app.settingTabs.length).toBe(0)
    expect(app.hoverLinkSources.size).toBe(0)
    expect(app.workspace.getLeavesOfType('praktijkwijzer-panel')).toEqual([])
    expect(app.workspace.viewCreators.size).toBe(0)
    expect(counts().every((n) => n === 0)).toBe(true)
    expect(idle.some((n) => n > 0)).toBe(true)
    expect(Component.domListeners).toBe(domBefore)
    expect(plugin.ribbon.every((el) => el.parentElement === null)).toBe(true)
    expect(Events.errors).toEqual([])
  })
})

describe('privacy and safety', () => {
  test('indexing and suggesting never write to the vault', async () => {
    const { app } = await setup({ files: { 'Casussen/J.md': CASE_TEXT } })
    await openPanel(app)
    const view = await openNote(app, 'Casussen/J.md')
    for (const word of [' Hij', ' heeft', ' schulden.']) view.editor.replaceSelection(word)
    await app.vault.create('Kennisbank/themas/Nieuw.md', '---\ntype: thema\nbron: ["1"]\n---\n# Nieuw\n')
    await settle(10)
    expect(panelTitles(app).length).toBeGreaterThan(0)
    expect(app.vault.writes).toEqual([{ op: 'create', path: 'Kennisbank/themas/Nieuw.md' }])
  })

  test('the case note text is stored nowhere: not in data.json, not in localStorage', async () => {
    const { app, plugin } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `${CASE_TEXT} Geheim-woord-42.`)
    const tab = app.settingTabs[0]
    await tab?.setControlValue('maxResults', 4)
    await settle()
    expect([...app.pluginData.values()].join('')).not.toContain('Geheim-woord-42')
    expect(JSON.stringify(Object.entries(localStorage))).not.toContain('Geheim-woord-42')
    expect(JSON.stringify(Object.entries(sessionStorage))).not.toContain('Geheim-woord-42')
    plugin.unload()
  })

  test('no listener error escaped into the app', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', CASE_TEXT)
    await openNote(app, 'Kennisbank/themas/Werkalliantie.md')
    expect(Events.errors).toEqual([])
  })
})

describe('unload before the layout is ready', () => {
  test('registers no vault events and reads nothing afterwards', async () => {
    const { app, plugin } = await setup({ layoutReady: false })
    plugin.unload()
    app.workspace.setLayoutReady()
    await settle()
    expect(['create', 'modify', 'delete', 'rename'].map((e) => app.vault.listenerCount(e))).toEqual([0, 0, 0, 0])
    expect(app.vault.reads).toEqual([])
  })
})
