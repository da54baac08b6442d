/**
 * Settings: their shape, defaults, how stored data is read back (never trusted), and the settings tab.
 *
 * Over 300 lines: the definitions are declared once for both Obsidian ≥ 1.13 and the older `display()`,
 * which renders them; keeping both beside the shape they describe is the point.
 */
import type { SuggestionType } from '@praktijkwijzer/core'
import { Events, normalizePath, PluginSettingTab, Setting } from 'obsidian'
import type { App, EventRef, Plugin, SettingControl, SettingDefinitionItem } from 'obsidian'
import { GROUP_LABEL, nl } from './strings'

/** Where the full reference goes when the user cites a source. */
export type CitationPlacement = 'frontmatter' | 'section'

/** Where a library note opens from the panel or the search: never over the note being written. */
export type OpenIn = 'tab' | 'split'

/** The plugin's settings, as stored in `data.json`. Never holds case-note text. */
export interface PraktijkwijzerSettings {
  /** Vault folder holding the library (default `Kennisbank`). */
  libraryFolder: string
  /** Folders holding case notes, one per line; empty: every note outside the library. */
  caseFolders: string
  /** Most practices, methods and themes shown. */
  maxResults: number
  /** Suggestions below this score (0–1) are left out. */
  minScore: number
  /** Milliseconds the panel waits after the last keystroke. */
  debounceMs: number
  showPraktijk: boolean
  showMethodiek: boolean
  showThema: boolean
  showLiteratuur: boolean
  /** `note`: the whole note counts alike; `section`: mostly the section around the cursor. */
  focus: 'note' | 'section'
  citationPlacement: CitationPlacement
  /** Where a library note opens (a new tab, or a split beside the note). */
  openIn: OpenIn
}

export const DEFAULT_SETTINGS: Readonly<PraktijkwijzerSettings> = {
  libraryFolder: 'Kennisbank',
  caseFolders: '',
  maxResults: 8,
  minScore: 0.15,
  debounceMs: 400,
  showPraktijk: true,
  showMethodiek: true,
  showThema: true,
  showLiteratuur: true,
  focus: 'note',
  citationPlacement: 'frontmatter',
  openIn: 'tab'
}

/** The limits of the numeric settings: what the sliders offer and what loading clamps to. */
export const LIMITS = {
  maxResults: { min: 1, max: 30, step: 1 },
  minScore: { min: 0, max: 0.9, step: 0.05 },
  debounceMs: { min: 0, max: 2000, step: 50 }
} as const

type NumericKey = keyof typeof LIMITS

/** How each slider shows its value, in Dutch (a decimal comma, milliseconds). */
export const SLIDER_FORMAT: Record<NumericKey, (value: number) => string> = {
  maxResults: (n) => String(n),
  minScore: (n) => n.toFixed(2).replace('.', ','),
  debounceMs: (n) => `${n} ms`
}

/**
 * Read stored settings: unknown fields are dropped, wrong types fall back to the default, numbers are
 * clamped to their limits. Anything may come in (an old version's data, a hand-edited `data.json`).
 *
 * @param raw What `loadData()` gave.
 * @param fallback Where a missing or invalid value comes from (default: the defaults).
 * @returns Complete, valid settings.
 */
export function readSettings(raw: unknown, fallback: Readonly<PraktijkwijzerSettings> = DEFAULT_SETTINGS): PraktijkwijzerSettings {
  const data = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  const settings: PraktijkwijzerSettings = { ...fallback }
  const folder = data['libraryFolder']
  if (typeof folder === 'string' && cleanFolder(folder) !== '') settings.libraryFolder = cleanFolder(folder)
  if (typeof data['caseFolders'] === 'string') settings.caseFolders = data['caseFolders']
  for (const key of Object.keys(LIMITS) as NumericKey[]) {
    const value = data[key]
    if (typeof value === 'number' && Number.isFinite(value)) settings[key] = clamp(value, LIMITS[key].min, LIMITS[key].max)
  }
  settings.maxResults = Math.round(settings.maxResults)
  for (const key of ['showPraktijk', 'showMethodiek', 'showThema', 'showLiteratuur'] as const) {
    if (typeof data[key] === 'boolean') settings[key] = data[key]
  }
  if (data['focus'] === 'note' || data['focus'] === 'section') settings.focus = data['focus']
  if (data['citationPlacement'] === 'frontmatter' || data['citationPlacement'] === 'section') settings.citationPlacement = data['citationPlacement']
  if (data['openIn'] === 'tab' || data['openIn'] === 'split') settings.openIn = data['openIn']
  return settings
}

/** A folder as the user typed it, as a vault path: no leading or trailing slashes. */
export function cleanFolder(folder: string): string {
  const trimmed = folder.trim()
  if (trimmed === '' || trimmed === '/') return ''
  return normalizePath(trimmed).replace(/^\/+|\/+$/g, '')
}

/** The case-note folders of the settings, cleaned; empty means every note outside the library. */
export function caseFolderList(settings: PraktijkwijzerSettings): string[] {
  return settings.caseFolders
    .split('\n')
    .map(cleanFolder)
    .filter((f) => f !== '')
}

/** The kinds of suggestion the settings show. */
export function shownTypes(settings: PraktijkwijzerSettings): SuggestionType[] {
  const types: SuggestionType[] = []
  if (settings.showPraktijk) types.push('praktijk')
  if (settings.showMethodiek) types.push('methodiek')
  if (settings.showThema) types.push('thema')
  return types
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n))
}

/** What the settings tab needs from the plugin: the settings, and a way to change them. */
export interface SettingsStore {
  get(): PraktijkwijzerSettings
  /** Change one setting, save, and let the rest of the plugin react. */
  set<K extends keyof PraktijkwijzerSettings>(key: K, value: PraktijkwijzerSettings[K]): Promise<void>
}

/**
 * The settings tab. The settings are described once, declaratively: Obsidian 1.13 and later render
 * them (and find them in settings search) from {@link getSettingDefinitions}; older versions call
 * {@link display}, which renders the same definitions with `Setting`.
 */
export class PraktijkwijzerSettingTab extends PluginSettingTab {
  private readonly store: SettingsStore

  constructor(app: App, plugin: Plugin, store: SettingsStore) {
    super(app, plugin)
    this.store = store
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    return settingDefinitions()
  }

  override getControlValue(key: string): unknown {
    const settings = this.store.get()
    return isSettingKey(key) ? settings[key] : undefined
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    if (!isSettingKey(key)) return
    // Validate through the same reader as stored data: a value of the wrong shape keeps the old one.
    const current = this.store.get()
    const next = readSettings({ ...current, [key]: value }, current)
    await this.store.set(key, next[key])
  }

  override display(): void {
    const { containerEl } = this
    containerEl.empty()
    for (const item of settingDefinitions()) {
      if (!('type' in item) || item.type !== 'group') continue
      if (item.heading !== undefined) new Setting(containerEl).setName(item.heading).setHeading()
      for (const def of item.items ?? []) {
        if (!('control' in def) || def.control === undefined) continue
        renderControl(new Setting(containerEl).setName(def.name).setDesc(typeof def.desc === 'string' ? def.desc : ''), def.control, this)
      }
    }
  }
}

/** Render one declarative control with the imperative `Setting` API (Obsidian before 1.13). */
function renderControl(setting: Setting, control: SettingControl, tab: PraktijkwijzerSettingTab): void {
  const value = tab.getControlValue(control.key)
  const save = (v: unknown): void => {
    void tab.setControlValue(control.key, v)
  }
  switch (control.type) {
    case 'text':
      setting.addText((text) => {
        text.setValue(typeof value === 'string' ? value : '').onChange(save)
        if (control.placeholder !== undefined) text.setPlaceholder(control.placeholder)
      })
      break
    case 'textarea':
      setting.addTextArea((text) => {
        text.setValue(typeof value === 'string' ? value : '').onChange(save)
        if (control.placeholder !== undefined) text.setPlaceholder(control.placeholder)
      })
      break
    case 'slider': {
      // Before 1.13 a slider shows no value of its own: show it beside the slider.
      const shown = setting.controlEl.createSpan({ cls: 'pw-slider-value' })
      const format = control.displayFormat ?? String
      setting.addSlider((slider) => {
        slider
          .setLimits(control.min, control.max, control.step)
          .setValue(typeof value === 'number' ? value : control.min)
          .onChange((n) => {
            shown.setText(format(n))
            save(n)
          })
        shown.setText(format(slider.getValue()))
      })
      break
    }
    case 'toggle':
      setting.addToggle((toggle) => {
        toggle.setValue(value === true).onChange(save)
      })
      break
    case 'dropdown':
      setting.addDropdown((dropdown) => {
        dropdown
          .addOptions(control.options)
          .setValue(typeof value === 'string' ? value : '')
          .onChange(save)
      })
      break
    default:
      break
  }
}

function isSettingKey(key: string): key is keyof PraktijkwijzerSettings {
  return Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key)
}

/** The settings, described once: three groups under a heading each. */
export function settingDefinitions(): SettingDefinitionItem[] {
  const s = nl.settings
  return [
    {
      type: 'group',
      heading: s.headingLibrary,
      items: [
        {
          name: s.libraryFolder,
          desc: s.libraryFolderDesc,
          control: {
            type: 'text',
            key: 'libraryFolder',
            defaultValue: DEFAULT_SETTINGS.libraryFolder,
            placeholder: DEFAULT_SETTINGS.libraryFolder,
            validate: (v: string) => (cleanFolder(v) === '' ? s.libraryFolderInvalid : undefined)
          }
        },
        { name: s.caseFolders, desc: s.caseFoldersDesc, control: { type: 'textarea', key: 'caseFolders', placeholder: 'Casussen', rows: 3 } }
      ]
    },
    {
      type: 'group',
      heading: s.headingSuggestions,
      items: [
        { name: s.maxResults, desc: s.maxResultsDesc, control: slider('maxResults') },
        { name: s.minScore, desc: s.minScoreDesc, control: slider('minScore') },
        { name: s.debounce, desc: s.debounceDesc, control: slider('debounceMs') },
        { name: s.showKind(GROUP_LABEL.praktijk), desc: s.showKindDesc, control: { type: 'toggle', key: 'showPraktijk', defaultValue: true } },
        { name: s.showKind(GROUP_LABEL.methodiek), desc: s.showKindDesc, control: { type: 'toggle', key: 'showMethodiek', defaultValue: true } },
        { name: s.showKind(GROUP_LABEL.thema), desc: s.showKindDesc, control: { type: 'toggle', key: 'showThema', defaultValue: true } },
        { name: s.showKind(GROUP_LABEL.literatuur), desc: s.showKindDesc, control: { type: 'toggle', key: 'showLiteratuur', defaultValue: true } },
        {
          name: s.focus,
          desc: s.focusDesc,
          control: { type: 'dropdown', key: 'focus', options: { note: s.focusNote, section: s.focusSection }, defaultValue: DEFAULT_SETTINGS.focus }
        },
        {
          name: s.openIn,
          desc: s.openInDesc,
          control: { type: 'dropdown', key: 'openIn', options: { tab: s.openInTab, split: s.openInSplit }, defaultValue: DEFAULT_SETTINGS.openIn }
        }
      ]
    },
    {
      type: 'group',
      heading: s.headingCitations,
      items: [
        {
          name: s.citation,
          desc: s.citationDesc,
          control: {
            type: 'dropdown',
            key: 'citationPlacement',
            options: { frontmatter: s.citationFrontmatter, section: s.citationSection },
            defaultValue: DEFAULT_SETTINGS.citationPlacement
          }
        }
      ]
    }
  ]
}

function slider(key: NumericKey): SettingControl {
  return { type: 'slider', key, ...LIMITS[key], defaultValue: DEFAULT_SETTINGS[key], displayFormat: SLIDER_FORMAT[key] }
}

/**
 * The live settings: read by everyone through {@link get}, changed through {@link set}, which saves them
 * and tells the listeners.
 */
export class SettingsHolder implements SettingsStore {
  private settings: PraktijkwijzerSettings
  private readonly save: (data: PraktijkwijzerSettings) => Promise<void>
  private readonly events = new Events()

  /**
   * @param initial The settings as loaded.
   * @param save Writes them (the plugin's `saveData`).
   */
  constructor(initial: PraktijkwijzerSettings, save: (data: PraktijkwijzerSettings) => Promise<void>) {
    this.settings = initial
    this.save = save
  }

  get(): PraktijkwijzerSettings {
    return this.settings
  }

  async set<K extends keyof PraktijkwijzerSettings>(key: K, value: PraktijkwijzerSettings[K]): Promise<void> {
    if (this.settings[key] === value) return
    this.settings = { ...this.settings, [key]: value }
    await this.save(this.settings)
    this.events.trigger('changed', key)
  }

  /** Be told which setting changed. */
  onChanged(callback: (key: keyof PraktijkwijzerSettings) => void): EventRef {
    return this.events.on('changed', callback as (...data: unknown[]) => unknown)
  }
}
