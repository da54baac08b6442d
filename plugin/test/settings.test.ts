import { fakeApiVersion, Setting } from 'obsidian'
import type { DropdownComponent, SliderComponent, TextComponent, ToggleComponent } from 'obsidian'
import { describe, expect, test, vi } from 'vitest'
import { caseFolderList, DEFAULT_SETTINGS, PraktijkwijzerSettingTab, readSettings, settingDefinitions, shownTypes } from '../src/settings'
import { MANIFEST, openNote, openPanel, panelState, settle, setup } from './helpers'

describe('reading stored settings', () => {
  test('nothing stored: the defaults', () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS)
    expect(readSettings('onzin')).toEqual(DEFAULT_SETTINGS)
    expect(DEFAULT_SETTINGS.libraryFolder).toBe('Kennisbank')
  })

  test('wrong types fall back, numbers are clamped, unknown fields are dropped', () => {
    const s = readSettings({ libraryFolder: ' /Team/Kennisbank/ ', maxResults: 500, minScore: -1, debounceMs: 'snel', showThema: 'ja', focus: 'alinea', citationPlacement: 'section', tekst: 'geheim' })
    expect(s).toEqual({ ...DEFAULT_SETTINGS, libraryFolder: 'Team/Kennisbank', maxResults: 30, minScore: 0, citationPlacement: 'section' })
    expect(readSettings({ libraryFolder: '   ' }).libraryFolder).toBe('Kennisbank')
  })

  test('case folders: one per line, cleaned; kinds shown', () => {
    expect(caseFolderList({ ...DEFAULT_SETTINGS, caseFolders: ' Casussen/ \n\n/Team/Cliënten\n' })).toEqual(['Casussen', 'Team/Cliënten'])
    expect(shownTypes({ ...DEFAULT_SETTINGS, showMethodiek: false })).toEqual(['praktijk', 'thema'])
  })
})

describe('load and save', () => {
  test('the plugin loads stored settings and saves changes through the tab', async () => {
    const { app } = await setup({ settings: { maxResults: 3, focus: 'section' } })
    const tab = app.settingTabs[0]
    if (!(tab instanceof PraktijkwijzerSettingTab)) throw new Error('no settings tab')
    expect(tab.getControlValue('maxResults')).toBe(3)
    expect(tab.getControlValue('focus')).toBe('section')
    await tab.setControlValue('citationPlacement', 'section')
    await tab.setControlValue('maxResults', 999)
    await tab.setControlValue('focus', 'nergens')
    const saved = JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}') as Record<string, unknown>
    // data.json holds the settings and, beside them, the dismissed link proposals (none yet).
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, maxResults: 30, focus: 'section', citationPlacement: 'section', dismissedLinks: {} })
  })

  test('every declared control is a setting, with a Dutch name', () => {
    const keys: string[] = []
    for (const group of settingDefinitions()) {
      if (!('items' in group)) continue
      for (const item of group.items ?? []) if ('control' in item && item.control) keys.push(item.control.key)
    }
    expect(keys.sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort())
  })

  test('display() (Obsidian before 1.13) renders the same settings, with headings, and saves changes', async () => {
    const { app } = await setup()
    const tab = app.settingTabs[0]
    if (!(tab instanceof PraktijkwijzerSettingTab)) throw new Error('no settings tab')
    Setting.all.length = 0
    tab.display()
    const rows = Setting.all
    expect(rows.filter((r) => r.isHeading).map((r) => r.nameEl.textContent)).toEqual(['Kennisbank', 'Suggesties', 'Literatuur'])
    expect(tab.containerEl.querySelector('h1, h2, h3')).toBeNull()
    const row = (name: string): Setting => {
      const found = rows.find((r) => r.nameEl.textContent === name)
      if (!found) throw new Error(`no setting ${name}`)
      return found
    }
    ;(row('Aantal suggesties').components[0] as SliderComponent).fakeInput(5)
    ;(row('Methodieken tonen').components[0] as ToggleComponent).fakeInput(false)
    ;(row('Waar de volledige verwijzing komt').components[0] as DropdownComponent).fakeInput('section')
    ;(row('Mappen met casusnotities').components[0] as TextComponent).fakeInput('Casussen')
    await settle()
    const saved = JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}') as Record<string, unknown>
    expect(saved).toMatchObject({ maxResults: 5, showMethodiek: false, citationPlacement: 'section', caseFolders: 'Casussen' })
  })

  test('a changed setting updates the open panel at once', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Dagboek/Vandaag.md', 'Hij was woedend over de huisregels en wordt snel boos.')
    expect(panelState(app)).toBe('results')
    const tab = app.settingTabs[0] as PraktijkwijzerSettingTab
    await tab.setControlValue('caseFolders', 'Casussen')
    await settle()
    expect(panelState(app)).toBe('not-case-note')
  })

  test('a new library folder is read after a pause, once', async () => {
    const { app } = await setup({ files: { 'Team/Kennis/themas/Werkalliantie.md': '---\ntype: thema\nbron: ["1"]\n---\n# W\n' } })
    const tab = app.settingTabs[0] as PraktijkwijzerSettingTab
    vi.useFakeTimers()
    try {
      app.vault.reads.length = 0
      for (const partial of ['T', 'Te', 'Team/Kennis']) {
        await tab.setControlValue('libraryFolder', partial)
        await vi.advanceTimersByTimeAsync(200)
      }
      expect(app.vault.reads).toEqual([])
      await vi.advanceTimersByTimeAsync(1000)
      expect(app.vault.reads).toEqual(['Team/Kennis/themas/Werkalliantie.md'])
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('what the settings show (Obsidian before and from 1.13)', () => {
  const sliderRow = (name: string): Setting => {
    const row = Setting.all.find((r) => r.nameEl.textContent === name)
    if (!row) throw new Error(`no setting ${name}`)
    return row
  }

  test('before 1.13 (display()), every slider shows its value, and the new value after a change', async () => {
    const { app } = await setup()
    const tab = app.settingTabs[0] as PraktijkwijzerSettingTab
    fakeApiVersion('1.12.7')
    try {
      Setting.all.length = 0
      tab.fakeOpen()
      expect(sliderRow('Aantal suggesties').controlEl.textContent).toContain('8')
      expect(sliderRow('Minimale score').controlEl.textContent).toContain('0,15')
      expect(sliderRow('Wachttijd na typen (ms)').controlEl.textContent).toContain('400 ms')
      ;(sliderRow('Wachttijd na typen (ms)').components[0] as SliderComponent).fakeInput(250)
      expect(sliderRow('Wachttijd na typen (ms)').controlEl.textContent).toContain('250 ms')
    } finally {
      fakeApiVersion('1.13.1')
    }
  })

  test('from 1.13, Obsidian renders the definitions: sliders with their value, a refused folder is not saved', async () => {
    const { app } = await setup()
    const tab = app.settingTabs[0] as PraktijkwijzerSettingTab
    Setting.all.length = 0
    tab.fakeOpen()
    expect(Setting.all.filter((r) => r.isHeading).map((r) => r.nameEl.textContent)).toEqual(['Kennisbank', 'Suggesties', 'Literatuur'])
    expect(sliderRow('Minimale score').controlEl.textContent).toContain('0,15')
    expect(sliderRow('Wachttijd na typen (ms)').controlEl.textContent).toContain('400 ms')
    const folder = sliderRow('Map van de kennisbank')
    ;(folder.components[0] as TextComponent).fakeInput('   ')
    await settle()
    expect(folder.errorEl.textContent).toBe('Vul een map in.')
    expect((JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}') as Record<string, unknown>)['libraryFolder']).toBeUndefined()
  })

  test('renaming the library folder in the vault updates the setting, and the panel keeps working (defect 2)', async () => {
    const { app } = await setup()
    await openPanel(app)
    const root = app.vault.getFolderByPath('Kennisbank')
    if (!root) throw new Error('no library')
    await app.vault.rename(root, 'Bibliotheek')
    await settle(10)
    expect((JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}') as Record<string, unknown>)['libraryFolder']).toBe('Bibliotheek')
    await openNote(app, 'Casussen/J.md', 'Hij was woedend over de huisregels en wordt snel boos.')
    expect(panelState(app)).toBe('results')
  })
})
