/**
 * The page side of the browser harness: the fake Obsidian API as `require('obsidian')`, a vault holding
 * the library, a text area as the editor of the open case note, and the built plugin (dist/main.js)
 * loaded the way Obsidian loads it: as CommonJS, with `module`, `exports` and `require`. The page has no
 * Node.js. Bundled by harness.ts into one script; driven through `window.harness`.
 */
import * as obsidian from '../fake-obsidian/index'
import { App, MarkdownView } from '../fake-obsidian/index'
import type { PluginManifest } from '../fake-obsidian/index'

/** What `start` reports, in milliseconds. */
export interface StartTimings {
  /** Loading and evaluating main.js (from the local server) and running the plugin's `onload`. */
  loadMs: number
  /** From "layout ready" until the panel's status line shows the loaded library. */
  indexMs: number
  /** Notes loaded, as the status line says. */
  status: string
}

interface PluginLike {
  load(): void
  unload(): void
  loading: unknown
}

const state: { app: App | null; plugin: PluginLike | null; textarea: HTMLTextAreaElement | null; inputs: number[]; renders: number[] } = {
  app: null,
  plugin: null,
  textarea: null,
  inputs: [],
  renders: []
}

function requireShim(name: string): unknown {
  if (name === 'obsidian') return obsidian
  throw new Error(`Cannot find module '${name}' (this page has no Node.js)`)
}

function panelEl(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.praktijkwijzer-panel')
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
      else reject(new Error('timed out waiting for the panel'))
    }, timeoutMs)
  })
}

const harness = {
  /**
   * Set up the app with the library under `Kennisbank/`, load the plugin, open its panel, then let the
   * layout become ready and wait for the index.
   */
  async start(library: Record<string, string>, settings: Record<string, unknown>, manifest: PluginManifest): Promise<StartTimings> {
    const app = new App()
    state.app = app
    document.getElementById('workspace')?.appendChild(app.workspace.containerEl)
    for (const [path, text] of Object.entries(library)) app.vault.seed(`Kennisbank/${path}`, text)
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
    const load = (window as unknown as { praktijkwijzerMain?: (m: typeof module, e: typeof module.exports, r: typeof requireShim) => void }).praktijkwijzerMain
    if (!load) throw new Error('main.js did not define the plugin')
    load(module, module.exports, requireShim)
    const PluginClass = (module.exports['default'] ?? module.exports) as new (app: App, manifest: PluginManifest) => PluginLike
    const plugin = new PluginClass(app, manifest)
    plugin.load()
    await plugin.loading
    const loadMs = performance.now() - started
    state.plugin = plugin

    const open = app.commands.get(`${manifest.id}:open-panel`)
    await open?.callback?.()
    const layoutReady = performance.now()
    app.workspace.setLayoutReady()
    await waitFor(() => (panelEl()?.querySelector('.pw-status-notes') ?? null) !== null)
    const indexMs = performance.now() - layoutReady
    const panel = panelEl()
    if (panel) new MutationObserver(() => state.renders.push(performance.now())).observe(panel, { childList: true, subtree: true })
    return { loadMs, indexMs, status: panel?.querySelector('.pw-status')?.textContent ?? '' }
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
      state.inputs.push(performance.now())
      editor.setValue(textarea.value)
      editor.setCursor(editor.offsetToPos(textarea.selectionStart))
    })
    textarea.addEventListener('select', () => editor.setSelection(editor.offsetToPos(textarea.selectionStart), editor.offsetToPos(textarea.selectionEnd)))
    textarea.addEventListener('keyup', () => editor.setCursor(editor.offsetToPos(textarea.selectionStart)))
    textarea.focus()
  },

  /** Wait until the panel shows an item with this title (and return the panel's text). */
  async waitForItem(title: string, timeoutMs = 30_000): Promise<string> {
    await waitFor(() => [...(panelEl()?.querySelectorAll('.pw-item .pw-title') ?? [])].some((el) => el.textContent === title), timeoutMs)
    return panelEl()?.textContent ?? ''
  },

  /** The panel: its state and its items (title, kind, reasons, highlighted words). */
  panel(): { state: string; status: string; items: Array<{ title: string; kind: string; score: string; why: string[]; words: string[] }> } {
    const panel = panelEl()
    return {
      state: panel?.querySelector<HTMLElement>('.pw-body')?.dataset['state'] ?? '',
      status: panel?.querySelector('.pw-status')?.textContent ?? '',
      items: [...(panel?.querySelectorAll<HTMLElement>('.pw-item') ?? [])].map((item) => ({
        title: item.querySelector('.pw-title')?.textContent ?? '',
        kind: item.querySelector('.pw-badge')?.textContent ?? '',
        score: item.querySelector('.pw-score')?.textContent ?? '',
        why: [...item.querySelectorAll('.pw-why li')].map((li) => li.textContent ?? ''),
        words: [...item.querySelectorAll('.pw-words mark')].map((m) => m.textContent ?? '')
      }))
    }
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

  /** Forget recorded keystrokes and renders. */
  resetLatencies(): void {
    state.inputs.length = 0
    state.renders.length = 0
  },

  /** Unload the plugin (as disabling it in Obsidian does). */
  unload(): void {
    state.plugin?.unload()
  }
}

;(window as unknown as { harness: typeof harness }).harness = harness
