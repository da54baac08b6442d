/**
 * The page side of the browser harness: the fake Obsidian API as `require('obsidian')`, a vault holding
 * the library, a text area as the editor of the open case note, and the built plugin (dist/main.js)
 * loaded the way Obsidian loads it: as CommonJS, with `module`, `exports` and `require`. The page has no
 * Node.js. Bundled by harness.ts into one script; driven through `window.harness`.
 */
import * as obsidian from '../fake-obsidian/index'
import { App, MarkdownView } from '../fake-obsidian/index'
import type { FakeWindow, PluginManifest } from '../fake-obsidian/index'
import type { StartNote, StartTimings } from './timings'

interface PluginLike {
  load(): void
  unload(): void
  loading: unknown
}

/** The modification time every library note gets (as a file on disk keeps its own from one start to the next). */
const LIBRARY_MTIME = Date.UTC(2026, 0, 1)

const state: { app: App | null; plugin: PluginLike | null; textarea: HTMLTextAreaElement | null; inputs: number[]; renders: number[]; work: number[] } = {
  app: null,
  plugin: null,
  textarea: null,
  inputs: [],
  renders: [],
  work: []
}

function requireShim(name: string): unknown {
  if (name === 'obsidian') return obsidian
  throw new Error(`Cannot find module '${name}' (this page has no Node.js)`)
}

/** The panel, in the main window or in the pop-out frame. */
function panelEl(): HTMLElement | null {
  const frame = document.querySelector<HTMLIFrameElement>('iframe.harness-popout')
  return document.querySelector<HTMLElement>('.praktijkwijzer-panel') ?? frame?.contentDocument?.querySelector<HTMLElement>('.praktijkwijzer-panel') ?? null
}

/** The relative luminance of a CSS colour (`rgb()`/`rgba()`), per WCAG 2. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number): number => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0)
}

function rgba(css: string): number[] {
  const m = /rgba?\(([^)]+)\)/.exec(css)
  const parts = (m?.[1] ?? '0,0,0,0').split(/[ ,/]+/).filter((x) => x !== '').map(Number)
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1]
}

/** The colour behind an element: its backgrounds up to the root, blended. */
function backgroundOf(el: Element): number[] {
  const layers: number[][] = []
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = rgba(getComputedStyle(e).backgroundColor)
    if ((bg[3] ?? 0) > 0) layers.push(bg)
    if ((bg[3] ?? 0) >= 1) break
  }
  let out = [255, 255, 255]
  for (const [r, g, b, a] of layers.reverse()) out = [0, 1, 2].map((i) => (a ?? 1) * ([r, g, b][i] ?? 0) + (1 - (a ?? 1)) * (out[i] ?? 0))
  return out
}

function waitFor(test: () => boolean, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test()) return resolve()
    const started = performance.now()
    const observer = new MutationObserver(() => {
      if (test()) {
        observer.disconnect()
        resolve()
      } else if (performance.now() - started > timeoutMs) {
        observer.disconnect()
        reject(new Error('timed out waiting for the panel'))
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    window.setTimeout(() => {
      observer.disconnect()
      if (test()) resolve()
      else reject(new Error(`timed out waiting for the panel: ${panelEl()?.textContent ?? 'no panel'}`))
    }, timeoutMs)
  })
}

const harness = {
  /**
   * Set up the app with the library under `Kennisbank/`, load the plugin, open its panel, then let the
   * layout become ready and wait for the index.
   */
  async start(library: Record<string, string>, settings: Record<string, unknown>, manifest: PluginManifest, note: StartNote | null, adapterFiles: Record<string, string>): Promise<StartTimings> {
    const longTasks: PerformanceEntry[] = []
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()))
    observer.observe({ type: 'longtask', buffered: true })
    const app = new App()
    state.app = app
    document.getElementById('workspace')?.appendChild(app.workspace.containerEl)
    for (const [path, text] of Object.entries(library)) app.vault.seed(`Kennisbank/${path}`, text, LIBRARY_MTIME)
    for (const [path, text] of Object.entries(adapterFiles)) {
      await app.vault.adapter.mkdir(path.slice(0, path.lastIndexOf('/')))
      await app.vault.adapter.write(path, text)
    }
    app.pluginData.set(manifest.id, JSON.stringify(settings))

    const started = performance.now()
    const module: { exports: Record<string, unknown> } = { exports: {} }
    // Obsidian runs a plugin's main.js as a CommonJS module; so does this page: the server wraps main.js
    // in a function of module, exports and require (/plugin.js), which a script tag loads.
    await new Promise<void>((resolve, reject) => {
      const script = document.head.createEl('script', { attr: { src: '/plugin.js' } })
      script.addEventListener('load', () => resolve())
      script.addEventListener('error', () => reject(new Error('main.js did not load')))
    })
    const scriptMs = performance.now() - started
    const load = (window as unknown as { praktijkwijzerMain?: (m: typeof module, e: typeof module.exports, r: typeof requireShim) => void }).praktijkwijzerMain
    if (!load) throw new Error('main.js did not define the plugin')
    const evaluating = performance.now()
    load(module, module.exports, requireShim)
    const evalMs = performance.now() - evaluating
    const PluginClass = (module.exports['default'] ?? module.exports) as new (app: App, manifest: PluginManifest) => PluginLike
    const loading = performance.now()
    const plugin = new PluginClass(app, manifest)
    plugin.load()
    await plugin.loading
    const onloadMs = performance.now() - loading
    const loadMs = performance.now() - started
    state.plugin = plugin

    const open = app.commands.get(`${manifest.id}:open-panel`)
    await open?.callback?.()
    if (note) await harness.openCaseNote(note.path, note.text)
    // Layout-ready in a task of its own: the harness's set-up is not the plugin's start-up.
    await new Promise((resolve) => window.setTimeout(resolve, 0))
    const layoutReady = performance.now()
    app.workspace.setLayoutReady()
    const loaded = (): boolean => (panelEl()?.querySelector('.pw-status')?.textContent ?? '').includes('geladen')
    const cards = (): boolean => panelEl()?.querySelector('.pw-body[data-state="results"] .pw-card') != null
    let indexMs = 0
    let firstMs: number | null = null
    await waitFor(() => {
      if (indexMs === 0 && loaded()) indexMs = performance.now() - layoutReady
      if (firstMs === null && cards()) firstMs = performance.now() - layoutReady
      return indexMs > 0 && (!note || firstMs !== null)
    }, 180_000)
    const end = layoutReady + (firstMs ?? indexMs)
    // A long task ends before its entry is reported: give the observer a moment.
    await new Promise((resolve) => window.setTimeout(resolve, 50))
    observer.disconnect()
    const panel = panelEl()
    if (panel) new MutationObserver(() => state.renders.push(performance.now())).observe(panel, { childList: true, subtree: true })
    return {
      loadMs,
      scriptMs,
      evalMs,
      onloadMs,
      indexMs,
      firstMs,
      longTasks: longTasks.filter((t) => t.startTime + t.duration > layoutReady && t.startTime < end).map((t) => t.duration),
      status: panel?.querySelector('.pw-status')?.textContent ?? ''
    }
  },

  /** Open a case note with a text area as its editor; the text area is kept in step with the editor. */
  async openCaseNote(path: string, text: string): Promise<void> {
    const app = state.app
    if (!app) throw new Error('not started')
    const file = app.vault.getFileByPath(path) ?? app.vault.seed(path, text)
    const leaf = app.workspace.getLeaf(false)
    await leaf.openFile(file)
    const view = leaf.view
    if (!(view instanceof MarkdownView)) throw new Error('not a Markdown view')
    view.contentEl.empty()
    view.contentEl.createEl('div', { cls: 'harness-note-title', text: file.basename })
    const textarea = view.contentEl.createEl('textarea', { cls: 'harness-editor', attr: { spellcheck: 'false', 'aria-label': 'Casusnotitie' } })
    textarea.value = view.editor.getValue()
    state.textarea = textarea
    const editor = view.editor
    const fromEditor = editor.onChange
    editor.onChange = () => {
      if (textarea.value !== editor.getValue()) textarea.value = editor.getValue()
      fromEditor?.()
    }
    textarea.addEventListener('input', () => {
      const started = performance.now()
      state.inputs.push(started)
      editor.setValue(textarea.value)
      editor.setCursor(editor.offsetToPos(textarea.selectionStart))
      // The panel's run is a zero-delay timer set by this keystroke (with debounce 0); a timer set after it
      // runs after it, so the time until then is the main-thread work of this keystroke, panel included.
      window.setTimeout(() => state.work.push(performance.now() - started), 0)
    })
    textarea.addEventListener('select', () => editor.setSelection(editor.offsetToPos(textarea.selectionStart), editor.offsetToPos(textarea.selectionEnd)))
    textarea.addEventListener('keyup', () => editor.setCursor(editor.offsetToPos(textarea.selectionStart)))
    textarea.focus()
  },

  /** Wait until the panel shows an item with this title (and return the panel's text). */
  async waitForItem(title: string, timeoutMs = 30_000): Promise<string> {
    await waitFor(() => [...(panelEl()?.querySelectorAll('.pw-card .pw-title') ?? [])].some((el) => el.textContent === title), timeoutMs)
    return panelEl()?.textContent ?? ''
  },

  /** The panel: its state and its cards (title, kind, level, the line of why and its marked words). */
  panel(): { state: string; status: string; items: Array<{ title: string; kind: string; level: string; why: string; words: string[] }> } {
    const panel = panelEl()
    return {
      state: panel?.querySelector<HTMLElement>('.pw-body')?.dataset['state'] ?? '',
      status: panel?.querySelector('.pw-status')?.textContent ?? '',
      items: [...(panel?.querySelectorAll<HTMLElement>('.pw-card') ?? [])].map((item) => ({
        title: item.querySelector('.pw-title')?.textContent ?? '',
        kind: item.querySelector('.pw-badge')?.textContent ?? '',
        level: item.querySelector('.pw-level')?.textContent ?? '',
        why: item.querySelector('.pw-why-line')?.textContent ?? '',
        words: [...item.querySelectorAll('.pw-why-line mark')].map((m) => m.textContent ?? '')
      }))
    }
  },

  /** Where focus is: inside the panel (and on what), or elsewhere (`BODY` when it was lost). */
  focus(): { inPanel: boolean; tag: string; action: string } {
    const panel = panelEl()
    const active = panel?.ownerDocument.activeElement ?? document.activeElement
    return { inPanel: !!panel && !!active && panel.contains(active), tag: active?.tagName ?? '', action: (active as HTMLElement | null)?.dataset?.['action'] ?? '' }
  },

  /** Switch the theme: `dark` or `light` (Obsidian's default variables, approximately). */
  theme(name: 'dark' | 'light'): void {
    document.body.classList.toggle('theme-dark', name === 'dark')
    document.body.classList.toggle('theme-light', name === 'light')
  },

  /**
   * WCAG contrast of the text in the panel: for every element with its own text, the ratio of its colour
   * to what is behind it. Returns the lowest ones first.
   */
  contrast(): Array<{ text: string; cls: string; ratio: number }> {
    const panel = panelEl()
    const out: Array<{ text: string; cls: string; ratio: number }> = []
    for (const el of panel?.querySelectorAll<HTMLElement>('*') ?? []) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim()
      if (own === '' || el.getClientRects().length === 0) continue
      const style = getComputedStyle(el)
      const fg = rgba(style.color)
      const bg = backgroundOf(el)
      const a = fg[3] ?? 1
      const blended = [0, 1, 2].map((i) => a * (fg[i] ?? 0) + (1 - a) * (bg[i] ?? 0))
      const [l1, l2] = [luminance(blended), luminance(bg)].sort((x, y) => y - x)
      out.push({ text: own.slice(0, 40), cls: el.className, ratio: Math.round(((l1 ?? 0) + 0.05) / ((l2 ?? 0) + 0.05) * 100) / 100 })
    }
    return out.sort((x, y) => x.ratio - y.ratio)
  },

  /**
   * Move the panel into a pop-out window: a same-origin frame, whose DOM classes are its own (as in
   * Obsidian's pop-outs, where \`instanceof Element\` is false for the panel's nodes in the plugin's code).
   */
  async popOutPanel(): Promise<void> {
    const app = state.app
    if (!app) throw new Error('not started')
    const frame = document.body.createEl('iframe', { cls: 'harness-popout' })
    await new Promise((resolve) => window.setTimeout(resolve, 0))
    const win = frame.contentWindow
    const doc = frame.contentDocument
    if (!win || !doc) throw new Error('no frame')
    for (const href of ['/harness.css', '/styles.css']) {
      const link = doc.createElement('link')
      link.rel = 'stylesheet'
      link.href = href
      doc.head.appendChild(link)
    }
    app.workspace.popoutWindow = () => win as unknown as FakeWindow
    const leaf = app.workspace.getLeavesOfType('praktijkwijzer-panel')[0]
    if (!leaf) throw new Error('no panel')
    app.workspace.moveLeafToPopout(leaf)
    await leaf.opening
  },

  /** Wait until the panel has not changed for `quietMs` (longer than the debounce: a pending update has run). */
  async settled(quietMs = 700, timeoutMs = 30_000): Promise<void> {
    const panel = panelEl()
    if (!panel) return
    let last = performance.now()
    const observer = new MutationObserver(() => (last = performance.now()))
    observer.observe(panel, { childList: true, subtree: true, attributes: true, characterData: true })
    const started = performance.now()
    try {
      while (performance.now() - last < quietMs && performance.now() - started < timeoutMs) await new Promise((resolve) => window.setTimeout(resolve, 50))
    } finally {
      observer.disconnect()
    }
  },

  /** The classes of the panel's elements that stick out of it, or scroll sideways. */
  overflow(): string[] {
    const panel = panelEl()
    if (!panel) return ['no panel']
    const right = panel.getBoundingClientRect().right
    return [...panel.querySelectorAll<HTMLElement>('*')].filter((el) => el.getBoundingClientRect().right > right + 0.5 || el.scrollWidth > el.clientWidth + 1).map((el) => el.className)
  },

  /** Make the panel (the right sidebar) this many pixels wide. */
  panelWidth(px: number): void {
    const split = document.querySelector<HTMLElement>('.workspace-split.mod-right-split')
    if (split) split.style.flexBasis = `${px}px`
  },

  /** Replace the case note's text (as pasting it would) and let the panel update. */
  setNoteText(text: string): void {
    const textarea = state.textarea
    if (!textarea) throw new Error('no case note open')
    textarea.value = text
    textarea.setSelectionRange(text.length, text.length)
    textarea.dispatchEvent(new Event('input'))
  },

  /** The text of the case note as the editor has it. */
  noteText(): string {
    return state.textarea?.value ?? ''
  },

  /** Milliseconds from each keystroke to the next change of the panel (keystrokes without one are left out). */
  latencies(): number[] {
    const out: number[] = []
    let r = 0
    for (let i = 0; i < state.inputs.length; i++) {
      const input = state.inputs[i] ?? 0
      const next = state.inputs[i + 1] ?? Infinity
      while (r < state.renders.length && (state.renders[r] ?? 0) < input) r++
      const render = state.renders[r]
      if (render !== undefined && render < next) out.push(render - input)
    }
    return out
  },

  /** Milliseconds of main-thread work per keystroke, from the input event to the end of the panel's update. */
  keystrokeWork(): number[] {
    return [...state.work]
  },

  /** Forget recorded keystrokes and renders. */
  resetLatencies(): void {
    state.inputs.length = 0
    state.renders.length = 0
    state.work.length = 0
  },

  /** A file outside the notes (`vault.adapter`), once it exists: waits up to `timeoutMs`, then `null`. */
  async adapterText(path: string, timeoutMs = 10_000): Promise<string | null> {
    const adapter = state.app?.vault.adapter
    const started = performance.now()
    while (adapter && performance.now() - started < timeoutMs) {
      if (await adapter.exists(path)) return adapter.read(path)
      await new Promise((resolve) => window.setTimeout(resolve, 100))
    }
    return null
  },

  /** The notes read from the vault (`cachedRead`/`read`) since start, in order. */
  reads(): string[] {
    return [...(state.app?.vault.reads ?? [])]
  },

  /** Unload the plugin (as disabling it in Obsidian does). */
  unload(): void {
    state.plugin?.unload()
  }
}

;(window as unknown as { harness: typeof harness }).harness = harness
