/**
 * Fake Obsidian: modals (plain, suggest, fuzzy suggest), the settings tab and `Setting` with its
 * controls. Controls keep their `onChange` callback, and `fakeInput` plays a user's change.
 *
 * Over 300 lines: the modals, the controls and the two ways a settings tab is rendered (Obsidian 1.13's
 * definitions and the older display()) are one surface of the API.
 */
import type { FuzzyMatch, Instruction, SettingControl, SettingDefinitionItem } from 'obsidian/obsidian'
import { requireApiVersion, Scope } from './core'
import type { App, Plugin } from './plugin'

/** A modal dialog, with its own scope of hotkeys. */
export class Modal {
  app: App
  scope = new Scope()
  containerEl: HTMLElement
  modalEl: HTMLElement
  titleEl: HTMLElement
  contentEl: HTMLElement
  /** Fake only: whether it is open. */
  isOpen = false

  constructor(app: App) {
    this.app = app
    this.containerEl = createDiv({ cls: 'modal-container' })
    this.modalEl = this.containerEl.createDiv({ cls: 'modal' })
    this.titleEl = this.modalEl.createDiv({ cls: 'modal-title' })
    this.contentEl = this.modalEl.createDiv({ cls: 'modal-content' })
  }

  open(): void {
    this.isOpen = true
    document.body.appendChild(this.containerEl)
    this.app.openModals.push(this)
    void this.onOpen()
  }

  close(): void {
    if (!this.isOpen) return
    this.isOpen = false
    this.onClose()
    this.containerEl.detach()
    const i = this.app.openModals.indexOf(this)
    if (i !== -1) this.app.openModals.splice(i, 1)
  }

  onOpen(): Promise<void> | void {}
  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title)
    return this
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content)
    return this
  }
}

/**
 * A modal with a text input and a list of suggestions. As in Obsidian: the arrow keys move the
 * selection, Enter (without modifiers) chooses the selected suggestion, Escape closes; a subclass adds
 * its own keys to `scope`. Choosing closes the modal first, then calls `onChooseSuggestion`.
 */
export abstract class SuggestModal<T> extends Modal {
  limit = 100
  emptyStateText = ''
  inputEl: HTMLInputElement
  resultContainerEl: HTMLElement
  /** Fake only: the key hints at the bottom. */
  instructions: Instruction[] = []
  /** Fake only: the suggestions shown, and which one is selected. */
  shown: T[] = []
  selected = 0

  constructor(app: App) {
    super(app)
    this.inputEl = this.modalEl.createEl('input', { cls: 'prompt-input' })
    this.resultContainerEl = this.modalEl.createDiv({ cls: 'prompt-results' })
    this.scope.register([], 'ArrowDown', () => {
      this.selected = Math.min(this.shown.length - 1, this.selected + 1)
      return false
    })
    this.scope.register([], 'ArrowUp', () => {
      this.selected = Math.max(0, this.selected - 1)
      return false
    })
    this.scope.register([], 'Enter', (evt) => {
      this.selectActiveSuggestion(evt)
      return false
    })
    this.scope.register([], 'Escape', () => {
      this.close()
      return false
    })
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.setAttribute('placeholder', placeholder)
  }

  setInstructions(instructions: Instruction[]): void {
    this.instructions = instructions
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>
  abstract renderSuggestion(value: T, el: HTMLElement): void
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close()
    this.onChooseSuggestion(value, evt)
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    const item = this.shown[this.selected]
    if (item !== undefined) this.selectSuggestion(item, evt)
  }

  override open(): void {
    super.open()
    void this.fakeQuery('')
  }

  /** Fake only: type a query; the suggestions are rendered (the first selected) and returned. */
  async fakeQuery(query: string): Promise<T[]> {
    this.inputEl.value = query
    const items = (await this.getSuggestions(query)).slice(0, this.limit)
    this.shown = items
    this.selected = 0
    this.resultContainerEl.empty()
    if (items.length === 0) this.resultContainerEl.createDiv({ cls: 'suggestion-empty', text: this.emptyStateText })
    for (const item of items) this.renderSuggestion(item, this.resultContainerEl.createDiv({ cls: 'suggestion-item' }))
    return items
  }

  /** Fake only: press a key in the modal, with modifiers; `true` when a key binding took it. */
  fakeKey(key: string, modifiers: { ctrlKey?: boolean; altKey?: boolean; shiftKey?: boolean; metaKey?: boolean } = {}): boolean {
    return this.scope.handleKey(new KeyboardEvent('keydown', { key, cancelable: true, ...modifiers }))
  }

  /** Fake only: choose a suggestion with Enter (or the given event). */
  fakeChoose(item: T, evt: MouseEvent | KeyboardEvent = new KeyboardEvent('keydown', { key: 'Enter' })): void {
    this.selectSuggestion(item, evt)
  }
}

/** Base of the controls: the element and the change callback. */
abstract class ValueComponent<T> {
  protected changed: ((value: T) => unknown) | null = null
  protected value: T

  constructor(initial: T) {
    this.value = initial
  }

  getValue(): T {
    return this.value
  }

  setValue(value: T): this {
    this.value = value
    return this
  }

  onChange(callback: (value: T) => unknown): this {
    this.changed = callback
    return this
  }

  /** Fake only: the user changes the value. */
  fakeInput(value: T): unknown {
    this.setValue(value)
    return this.changed?.(value)
  }
}

export class TextComponent extends ValueComponent<string> {
  inputEl: HTMLInputElement

  constructor(containerEl: HTMLElement) {
    super('')
    this.inputEl = containerEl.createEl('input', { type: 'text' })
  }

  override setValue(value: string): this {
    this.inputEl.value = value
    return super.setValue(value)
  }

  setPlaceholder(placeholder: string): this {
    this.inputEl.setAttribute('placeholder', placeholder)
    return this
  }
}

export class TextAreaComponent extends ValueComponent<string> {
  inputEl: HTMLTextAreaElement

  constructor(containerEl: HTMLElement) {
    super('')
    this.inputEl = containerEl.createEl('textarea')
  }

  override setValue(value: string): this {
    this.inputEl.value = value
    return super.setValue(value)
  }

  setPlaceholder(placeholder: string): this {
    this.inputEl.setAttribute('placeholder', placeholder)
    return this
  }
}

export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement

  constructor(containerEl: HTMLElement) {
    super(false)
    this.toggleEl = containerEl.createDiv({ cls: 'checkbox-container' })
  }

  override setValue(value: boolean): this {
    this.toggleEl.toggleClass('is-enabled', value)
    return super.setValue(value)
  }
}

export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement

  constructor(containerEl: HTMLElement) {
    super('')
    this.selectEl = containerEl.createEl('select', { cls: 'dropdown' })
  }

  addOption(value: string, display: string): this {
    this.selectEl.createEl('option', { text: display, value })
    return this
  }

  addOptions(options: Record<string, string>): this {
    for (const [value, display] of Object.entries(options)) this.addOption(value, display)
    return this
  }

  override setValue(value: string): this {
    this.selectEl.value = value
    return super.setValue(value)
  }
}

export class SliderComponent extends ValueComponent<number> {
  sliderEl: HTMLInputElement

  constructor(containerEl: HTMLElement) {
    super(0)
    this.sliderEl = containerEl.createEl('input', { type: 'range' })
  }

  setLimits(min: number | null, max: number | null, step: number | 'any'): this {
    if (min !== null) this.sliderEl.min = String(min)
    if (max !== null) this.sliderEl.max = String(max)
    this.sliderEl.step = String(step)
    return this
  }

  /** Obsidian shows the value in a tooltip while the slider is dragged (before 1.13 the only place it shows). */
  setDynamicTooltip(): this {
    this.dynamicTooltip = true
    return this
  }

  /** Fake only: whether the value shows while dragging. */
  dynamicTooltip = false

  override setValue(value: number): this {
    this.sliderEl.value = String(value)
    return super.setValue(value)
  }
}

export class ButtonComponent {
  buttonEl: HTMLButtonElement

  constructor(containerEl: HTMLElement) {
    this.buttonEl = containerEl.createEl('button')
  }

  setButtonText(name: string): this {
    this.buttonEl.setText(name)
    return this
  }

  setCta(): this {
    this.buttonEl.addClass('mod-cta')
    return this
  }

  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.buttonEl.addEventListener('click', callback)
    return this
  }
}

type Control = TextComponent | TextAreaComponent | ToggleComponent | DropdownComponent | SliderComponent | ButtonComponent

/** One row of a settings tab. */
export class Setting {
  settingEl: HTMLElement
  infoEl: HTMLElement
  nameEl: HTMLElement
  descEl: HTMLElement
  controlEl: HTMLElement
  /** Fake only: where a refused value's message shows (Obsidian 1.13's inline error). */
  errorEl: HTMLElement
  /** Fake only: the controls added, in order. */
  readonly components: Control[] = []
  /** Fake only: whether this row is a heading. */
  isHeading = false

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv({ cls: 'setting-item' })
    this.infoEl = this.settingEl.createDiv({ cls: 'setting-item-info' })
    this.nameEl = this.infoEl.createDiv({ cls: 'setting-item-name' })
    this.descEl = this.infoEl.createDiv({ cls: 'setting-item-description' })
    this.controlEl = this.settingEl.createDiv({ cls: 'setting-item-control' })
    this.errorEl = this.settingEl.createDiv({ cls: 'setting-item-error' })
    Setting.all.push(this)
  }

  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name)
    return this
  }

  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc)
    return this
  }

  setHeading(): this {
    this.isHeading = true
    this.settingEl.addClass('setting-item-heading')
    return this
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls)
    return this
  }

  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb)
  }

  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb)
  }

  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb)
  }

  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb)
  }

  addSlider(cb: (component: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb)
  }

  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb)
  }

  private add<C extends Control>(component: C, cb: (component: C) => unknown): this {
    this.components.push(component)
    cb(component)
    return this
  }

  /** Fake only: every Setting created (cleared by tests). */
  static all: Setting[] = []
}

/** A plugin's settings tab. */
export abstract class PluginSettingTab {
  app: App
  plugin: Plugin
  containerEl: HTMLElement
  icon = ''
  settingItems: SettingDefinitionItem[] = []

  constructor(app: App, plugin: Plugin) {
    this.app = app
    this.plugin = plugin
    this.containerEl = createDiv({ cls: 'vertical-tab-content' })
  }

  getSettingDefinitions(): SettingDefinitionItem[] {
    return []
  }

  getControlValue(key: string): unknown {
    return (this.plugin as unknown as { settings?: Record<string, unknown> }).settings?.[key]
  }

  setControlValue(key: string, value: unknown): void | Promise<void> {
    void key
    void value
  }

  update(): void {
    this.settingItems = this.getSettingDefinitions()
  }

  display(): void {}

  hide(): void {
    this.containerEl.empty()
  }

  /**
   * Fake only: the user opens the tab. From 1.13 on, Obsidian renders the definitions itself and does not
   * call `display()` (see {@link renderDefinitions}); before 1.13 it calls `display()`.
   */
  fakeOpen(): void {
    this.containerEl.empty()
    const items = requireApiVersion('1.13.0') ? this.getSettingDefinitions() : []
    if (items.length === 0) this.display()
    else renderDefinitions(this, items)
  }
}

/**
 * Render setting definitions as Obsidian 1.13 does, with the plain controls: a heading per group, a row
 * per definition; the value comes from `getControlValue` (or the default), a change is checked with
 * `validate` (a message refuses it and shows under the row) and saved with `setControlValue`. A slider
 * shows its value inline, through `displayFormat` when there is one.
 */
function renderDefinitions(tab: PluginSettingTab, items: readonly SettingDefinitionItem[]): void {
  for (const item of items) {
    if ('type' in item && (item.type === 'group' || item.type === 'list')) {
      if (item.heading !== undefined) new Setting(tab.containerEl).setName(item.heading).setHeading()
      renderDefinitions(tab, item.items ?? [])
      continue
    }
    if (!('control' in item) || item.control === undefined || !('name' in item)) continue
    const row = new Setting(tab.containerEl).setName(item.name)
    if (typeof item.desc === 'string') row.setDesc(item.desc)
    renderControl(tab, row, item.control)
  }
}

function renderControl(tab: PluginSettingTab, row: Setting, control: SettingControl): void {
  const stored = tab.getControlValue(control.key)
  const value = stored ?? control.defaultValue
  const save = (v: unknown): void => {
    const refusal = (control.validate as ((v: unknown) => string | undefined | null) | undefined)?.(v)
    row.errorEl.setText(typeof refusal === 'string' ? refusal : '')
    if (typeof refusal === 'string' && refusal !== '') return
    void tab.setControlValue(control.key, v)
  }
  switch (control.type) {
    case 'text':
      row.addText((c) => c.setValue(typeof value === 'string' ? value : '').onChange(save))
      break
    case 'textarea':
      row.addTextArea((c) => c.setValue(typeof value === 'string' ? value : '').onChange(save))
      break
    case 'toggle':
      row.addToggle((c) => c.setValue(value === true).onChange(save))
      break
    case 'dropdown':
      row.addDropdown((c) => c.addOptions(control.options).setValue(typeof value === 'string' ? value : '').onChange(save))
      break
    case 'slider': {
      const shown = row.controlEl.createSpan({ cls: 'setting-slider-value' })
      const format = (n: number): string => (control.displayFormat ? control.displayFormat(n) : String(n))
      row.addSlider((c) => {
        c.setLimits(control.min, control.max, control.step).setValue(typeof value === 'number' ? value : control.min)
        shown.setText(format(c.getValue()))
        c.onChange((n) => {
          shown.setText(format(n))
          save(n)
        })
      })
      break
    }
    default:
      row.controlEl.createSpan({ text: `(${control.type}: not rendered by the fake)` })
  }
}

/** A suggest modal that matches the query fuzzily against each item's text (a plain subsequence match). */
export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  abstract getItems(): T[]
  abstract getItemText(item: T): string
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void

  getSuggestions(query: string): Array<FuzzyMatch<T>> {
    const q = query.toLowerCase().replace(/\s+/g, '')
    const out: Array<FuzzyMatch<T>> = []
    for (const item of this.getItems()) {
      const text = this.getItemText(item).toLowerCase()
      let at = 0
      let ok = true
      for (const ch of q) {
        const i = text.indexOf(ch, at)
        if (i === -1) {
          ok = false
          break
        }
        at = i + 1
      }
      if (ok) out.push({ item, match: { score: -at, matches: [] } })
    }
    return out.sort((a, b) => b.match.score - a.match.score)
  }

  renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
    el.setText(this.getItemText(item.item))
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt)
  }
}
