/**
 * Fake Obsidian: events, components and the small free functions (debounce, normalizePath, setIcon,
 * Keymap, Notice). Behaviour follows the documented API; only what the plugin uses is there.
 *
 * Over 300 lines: small, unrelated pieces of the API (events, components, scopes, the platform, the
 * version); a file each would be more files, not clearer ones.
 */
import type { Debouncer, EventRef as RealEventRef, KeymapContext, KeymapEventHandler, KeymapEventListener, Modifier, PaneType, UserEvent } from 'obsidian/obsidian'

export type EventRef = RealEventRef

interface Ref extends EventRef {
  e: Events
  name: string
  fn: (...data: unknown[]) => unknown
  ctx?: unknown
}

/** Obsidian's event emitter: `trigger` calls each listener, and a listener's error never reaches the caller. */
export class Events {
  private readonly handlers = new Map<string, Ref[]>()

  on(name: string, callback: (...data: unknown[]) => unknown, ctx?: unknown): EventRef {
    const ref: Ref = { e: this, name, fn: callback, ctx }
    const list = this.handlers.get(name) ?? []
    list.push(ref)
    this.handlers.set(name, list)
    return ref
  }

  off(name: string, callback: (...data: unknown[]) => unknown): void {
    const list = this.handlers.get(name)
    if (list) this.handlers.set(name, list.filter((r) => r.fn !== callback))
  }

  offref(ref: EventRef): void {
    const r = ref as Ref
    const list = this.handlers.get(r.name)
    if (list) this.handlers.set(r.name, list.filter((x) => x !== r))
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])]) this.tryTrigger(ref, data)
  }

  tryTrigger(ref: EventRef, args: unknown[]): void {
    const r = ref as Ref
    try {
      r.fn.apply(r.ctx, args)
    } catch (error) {
      // Obsidian logs a listener's error and goes on; the fake records it so tests can fail on it.
      Events.errors.push(error)
    }
  }

  /** Fake only: how many listeners an event has. */
  listenerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0
  }

  /** Fake only: errors thrown by listeners (Obsidian would log them). */
  static errors: unknown[] = []
}

/** A component: loads and unloads itself, its children and everything registered with it. */
export class Component {
  private loaded = false
  private readonly children: Component[] = []
  private cleanups: Array<() => unknown> = []
  /** Fake only: what `onload` returned (a promise for async plugins). */
  loading: unknown = undefined

  load(): void {
    if (this.loaded) return
    this.loaded = true
    this.loading = this.onload()
    for (const child of [...this.children]) child.load()
  }

  onload(): unknown {
    return undefined
  }

  unload(): void {
    if (!this.loaded) return
    this.loaded = false
    for (const child of [...this.children].reverse()) child.unload()
    this.children.length = 0
    const cleanups = this.cleanups
    this.cleanups = []
    for (const cb of cleanups.reverse()) cb()
    this.onunload()
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this.children.push(component)
    if (this.loaded) component.load()
    return component
  }

  removeChild<T extends Component>(component: T): T {
    const i = this.children.indexOf(component)
    if (i !== -1) {
      this.children.splice(i, 1)
      component.unload()
    }
    return component
  }

  register(cb: () => unknown): void {
    this.cleanups.push(cb)
  }

  registerEvent(eventRef: EventRef): void {
    this.register(() => (eventRef as Ref).e.offref(eventRef))
  }

  registerDomEvent<K extends keyof WindowEventMap>(el: Window, type: K, callback: (this: HTMLElement, ev: WindowEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  registerDomEvent<K extends keyof DocumentEventMap>(el: Document, type: K, callback: (this: HTMLElement, ev: DocumentEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  registerDomEvent<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, callback: (this: HTMLElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  registerDomEvent(el: Window | Document | HTMLElement, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    const listener = callback
    el.addEventListener(type, listener, options)
    Component.domListeners++
    this.register(() => {
      el.removeEventListener(type, listener, options)
      Component.domListeners--
    })
  }

  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id))
    return id
  }

  /** Fake only: whether the component is loaded. */
  get isLoaded(): boolean {
    return this.loaded
  }

  /** Fake only: callbacks waiting for unload. */
  get registeredCount(): number {
    return this.cleanups.length
  }

  /** Fake only: DOM listeners added through `registerDomEvent` and not yet removed, over all components. */
  static domListeners = 0
}

/** Obsidian's debounce: `resetTimer` restarts the wait on every call. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
  let timer: number | null = null
  let args: T | null = null
  const fire = (): V | void => {
    timer = null
    if (args === null) return
    const a = args
    args = null
    return cb(...a)
  }
  const debounced = function (this: unknown, ...a: [...T]): unknown {
    args = a
    if (timer !== null && resetTimer) {
      window.clearTimeout(timer)
      timer = null
    }
    if (timer === null) timer = window.setTimeout(fire, timeout)
    return debounced
  } as unknown as Debouncer<T, V>
  debounced.cancel = () => {
    if (timer !== null) window.clearTimeout(timer)
    timer = null
    args = null
    return debounced
  }
  debounced.run = () => {
    if (timer === null) return undefined
    window.clearTimeout(timer)
    return fire()
  }
  return debounced
}

/** Obsidian's path normaliser: forward slashes, no doubled, leading or trailing slashes; the root is `/`. */
export function normalizePath(path: string): string {
  const p = path
    .replace(/[\\/]+/g, '/')
    .replace(/^\/+|\/+$/g, '')
    .normalize('NFC')
  return p === '' ? '/' : p
}

/** Draw an icon: here an empty `svg.svg-icon` naming the icon. */
export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.empty()
  const svg = parent.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('class', `svg-icon lucide-${iconId}`)
  parent.appendChild(svg)
  parent.dataset['icon'] = iconId
}

/** Obsidian's notices; the fake keeps every message shown. */
export class Notice {
  noticeEl: HTMLElement
  message: string

  constructor(message: string | DocumentFragment, duration?: number) {
    this.message = typeof message === 'string' ? message : (message.textContent ?? '')
    this.noticeEl = createDiv({ cls: 'notice', text: this.message })
    void duration
    Notice.shown.push(this.message)
  }

  setMessage(message: string | DocumentFragment): this {
    this.message = typeof message === 'string' ? message : (message.textContent ?? '')
    return this
  }

  hide(): void {}

  /** Fake only: every message shown. */
  static shown: string[] = []
}

/** Keyboard helpers. */
export class Keymap {
  /**
   * Where a click or key with modifiers opens a link, as Obsidian maps it: Ctrl/Cmd (or a middle click) a
   * new tab, Ctrl/Cmd+Alt a split, Ctrl/Cmd+Alt+Shift a new window; else false.
   */
  static isModEvent(evt?: UserEvent | null): PaneType | boolean {
    if (!evt) return false
    const e = evt as Partial<MouseEvent>
    const mod = e.ctrlKey === true || e.metaKey === true
    if (mod && e.altKey === true && e.shiftKey === true) return 'window'
    if (mod && e.altKey === true) return 'split'
    if (mod) return 'tab'
    if (e.type === 'auxclick' && e.button === 1) return 'tab'
    return false
  }

  /** Whether a modifier is held (`Mod` is Ctrl here: the fake is not a Mac). */
  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
    const e = evt as Partial<KeyboardEvent>
    if (modifier === 'Mod' || modifier === 'Ctrl') return e.ctrlKey === true
    if (modifier === 'Meta') return e.metaKey === true
    if (modifier === 'Shift') return e.shiftKey === true
    return e.altKey === true
  }
}

interface Binding extends KeymapEventHandler {
  func: KeymapEventListener
}

/**
 * A scope of hotkeys. `register([], 'Enter', ...)` matches Enter without modifiers only; `null` modifiers
 * match any. A handler that returns `false` stops the key (Obsidian then prevents its default).
 */
export class Scope {
  private readonly bindings: Binding[] = []
  private readonly parent: Scope | undefined

  constructor(parent?: Scope) {
    this.parent = parent
  }

  register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventListener): KeymapEventHandler {
    const binding: Binding = { scope: this, modifiers: modifiers === null ? null : modifiers.join(','), key, func }
    this.bindings.push(binding)
    return binding
  }

  unregister(handler: KeymapEventHandler): void {
    const i = this.bindings.indexOf(handler as Binding)
    if (i !== -1) this.bindings.splice(i, 1)
  }

  /** Fake only: offer a key press to the scope (and its parents) as Obsidian's keymap does; `true` when a handler took it. */
  handleKey(evt: KeyboardEvent): boolean {
    const held: Modifier[] = []
    if (evt.ctrlKey) held.push('Mod')
    if (evt.metaKey) held.push('Meta')
    if (evt.altKey) held.push('Alt')
    if (evt.shiftKey) held.push('Shift')
    const ctx: KeymapContext = { modifiers: held.join(','), key: evt.key, vkey: evt.key.toUpperCase() }
    for (const b of [...this.bindings].reverse()) {
      if (b.key !== null && b.key.toLowerCase() !== evt.key.toLowerCase()) continue
      if (b.modifiers !== null && [...(b.modifiers === '' ? [] : b.modifiers.split(','))].sort().join(',') !== [...held].sort().join(',')) continue
      if (b.func(evt, ctx) === false) {
        evt.preventDefault()
        return true
      }
    }
    return this.parent?.handleKey(evt) ?? false
  }
}

/**
 * The platform. The fake starts as a desktop without Node (like a browser); tests may set `isMobile`,
 * `isPhone` and friends to play a phone (Fake only: {@link fakeMobile}).
 */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: false,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false
}

/** Fake only: play a phone (`true`) or the desktop again (`false`). */
export function fakeMobile(mobile: boolean): void {
  Platform.isDesktop = !mobile
  Platform.isMobile = mobile
  Platform.isMobileApp = mobile
  Platform.isPhone = mobile
  Platform.isAndroidApp = mobile
}

/** The version of the API this fake plays (Obsidian's `apiVersion`); see {@link fakeApiVersion}. */
export let apiVersion = '1.13.1'

/** Fake only: play another Obsidian version (e.g. `1.12.7`, before declarative settings). */
export function fakeApiVersion(version: string): void {
  apiVersion = version
}

/** Whether the API is at least this version. */
export function requireApiVersion(version: string): boolean {
  const a = apiVersion.split('.').map(Number)
  const b = version.split('.').map(Number)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d > 0
  }
  return true
}
