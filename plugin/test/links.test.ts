// The panel on a library note: the links it probably misses, adding one to its frontmatter field, and
// dismissing one for good (across a restart of the plugin).
import { Notice, parseYaml } from 'obsidian'
import { describe, expect, test } from 'vitest'
import PraktijkwijzerPlugin from '../src/main'
import { click, LIBRARY, MANIFEST, openNote, openPanel, panel, panelState, settle, setup } from './helpers'

const NOTE = 'Kennisbank/praktijken/Grenzen stellen in gesprek.md'

// A practice like "Begrenzen met behoud van de werkalliantie" that links only its theme.
const PRACTICE = `---
type: praktijk
bron: ["5.1.5"]
grondslag: uitgewerkte casus
tags: [grenzen]
thema: ["[[Werkalliantie]]"]
signalen:
  - "woedend over de huisregels"
  - "wordt snel boos"
  - "veel weerstand in gesprekken"
  - "weigert behandeling"
  - "krachteninventarisatie gemaakt"
---
# Grenzen stellen in gesprek

## Wat werkt
- Bespreek de huisregels samen en blijf in gesprek, ook na een conflict.
`

const LIB = { ...LIBRARY, 'praktijken/Grenzen stellen in gesprek.md': PRACTICE }

function cards(app: Parameters<typeof panel>[0]): HTMLElement[] {
  return [...panel(app).contentEl.querySelectorAll<HTMLElement>('.pw-proposal')]
}

function card(app: Parameters<typeof panel>[0], field: string, target: string): HTMLElement | undefined {
  return cards(app).find((c) => c.dataset['field'] === field && c.dataset['target'] === target)
}

function frontmatterOf(text: string): Record<string, unknown> {
  return parseYaml(text.slice(4, text.indexOf('\n---\n', 4))) as Record<string, unknown>
}

describe('missing links in the panel', () => {
  test('a library note shows "Mogelijk ontbrekende verbanden" with reasons, never a link it has or itself', async () => {
    const { app } = await setup({ library: LIB })
    await openPanel(app)
    await openNote(app, NOTE)
    expect(panelState(app)).toBe('library-note')
    const text = panel(app).contentEl.textContent ?? ''
    expect(text).toContain('Mogelijk ontbrekende verbanden')
    const method = card(app, 'methodiek', 'Krachtwerk')
    expect(method, cards(app).map((c) => c.dataset['key']).join(', ')).toBeDefined()
    expect(method?.querySelector('.pw-why')?.textContent).toContain('Begrenzen met behoud van de werkalliantie')
    for (const c of cards(app)) {
      expect(c.dataset['target']).not.toBe('Werkalliantie')
      expect(c.dataset['target']).not.toBe('Grenzen stellen in gesprek')
    }
  })

  test('a literature note keeps the plain message', async () => {
    const { app } = await setup({ library: LIB })
    await openPanel(app)
    await openNote(app, 'Kennisbank/literatuur/Menger 2018.md')
    expect(panelState(app)).toBe('library-note')
    expect(cards(app)).toEqual([])
    expect(panel(app).contentEl.textContent).toContain('Dit is een notitie uit de kennisbank zelf')
  })

  test('adding a proposal writes exactly that link into exactly that field, nothing else, and confirms it', async () => {
    const { app } = await setup({ library: LIB })
    await openPanel(app)
    await openNote(app, NOTE)
    const before = await app.vault.read(app.vault.getFileByPath(NOTE) as never)
    const writes = app.vault.writes.length
    click(card(app, 'methodiek', 'Krachtwerk')?.querySelector('[data-action="add-link"]') as HTMLElement)
    await settle(10)
    const after = await app.vault.read(app.vault.getFileByPath(NOTE) as never)
    expect(app.vault.writes.slice(writes)).toEqual([{ op: 'process', path: NOTE }])
    expect(frontmatterOf(after)).toEqual({ ...frontmatterOf(before), methodiek: ['[[Krachtwerk]]'] })
    expect(after.slice(after.indexOf('\n---\n', 4))).toBe(before.slice(before.indexOf('\n---\n', 4)))
    expect(Notice.shown.at(-1)).toBe('[[Krachtwerk]] toegevoegd aan het veld "methodiek" van Grenzen stellen in gesprek.')
    // The link is there now: the proposal is gone.
    expect(card(app, 'methodiek', 'Krachtwerk')).toBeUndefined()
  })

  test('a dismissed proposal stays dismissed for this note after a restart of the plugin', async () => {
    const { app, plugin } = await setup({ library: LIB })
    await openPanel(app)
    await openNote(app, NOTE)
    const first = cards(app)[0]
    const field = first?.dataset['field'] as string
    const target = first?.dataset['target'] as string
    click(first?.querySelector('[data-action="dismiss-link"]') as HTMLElement)
    await settle(10)
    expect(card(app, field, target)).toBeUndefined()
    expect(panel(app).contentEl.textContent).toContain('1 voorstel genegeerd bij deze notitie.')
    const writes = app.vault.writes.length

    plugin.unload()
    await settle()
    const again = new PraktijkwijzerPlugin(app, MANIFEST)
    again.load()
    await again.loading
    await settle(10)
    await openPanel(app)
    await openNote(app, NOTE)
    await settle(10)
    expect(panelState(app)).toBe('library-note')
    expect(cards(app).length).toBeGreaterThan(0)
    expect(card(app, field, target)).toBeUndefined()
    expect(JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}')).toMatchObject({ dismissedLinks: { 'praktijken/Grenzen stellen in gesprek.md': [`${field}\u0000${first?.dataset['path']}`] } })
    // Dismissing wrote nothing into the vault, and the settings survived beside it.
    expect(app.vault.writes.length).toBe(writes)
    expect(JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}')).toMatchObject({ libraryFolder: 'Kennisbank' })
    again.unload()
  })
})
