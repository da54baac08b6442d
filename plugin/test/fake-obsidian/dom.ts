/**
 * The DOM helpers Obsidian adds to `Node`, `Element` and `HTMLElement` (`createEl`, `empty`, `addClass`,
 * ...) and the global `createEl`/`createDiv`/`createSpan`/`createFragment`. Installed once, on whatever
 * DOM is there (happy-dom in unit tests, Chromium in the browser test). Types come from the real
 * `obsidian.d.ts`, which declares them globally.
 */
import type {} from 'obsidian/obsidian'

type Info = DomElementInfo | string | undefined

function apply(el: HTMLElement, o: Info): void {
  if (o === undefined) return
  const info: DomElementInfo = typeof o === 'string' ? { text: o } : o
  if (info.cls !== undefined) el.addClasses(([] as string[]).concat(info.cls).flatMap((c) => c.split(' ')).filter((c) => c !== ''))
  if (info.text !== undefined) el.setText(info.text)
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) el.setAttr(k, v)
  if (info.title !== undefined) el.setAttribute('title', info.title)
  if (info.value !== undefined && 'value' in el) (el as HTMLInputElement).value = info.value
  if (info.type !== undefined) el.setAttribute('type', info.type)
  if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder)
  if (info.href !== undefined) el.setAttribute('href', info.href)
}

function make<K extends keyof HTMLElementTagNameMap>(parent: Node | null, tag: K, o?: Info, callback?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
  const doc = parent?.ownerDocument ?? (parent instanceof Document ? parent : document)
  const el = doc.createElement(tag)
  apply(el, o)
  const info = typeof o === 'object' ? o : undefined
  const into = info?.parent ?? parent
  if (into) {
    if (info?.prepend === true) into.insertBefore(el, into.firstChild)
    else into.appendChild(el)
  }
  callback?.(el)
  return el
}

/** The DOM classes of a window (the main one, or a pop-out's). */
interface DomWindow {
  Node: typeof Node
  Element: typeof Element
  HTMLElement: typeof HTMLElement
  UIEvent: typeof UIEvent
  document: Document
}

const INSTALLED = Symbol.for('praktijkwijzer.fake-obsidian.dom')

/**
 * Install the helpers on a window's DOM classes (idempotent per window). Obsidian does this for the main
 * window and for every pop-out window, whose nodes are instances of that window's classes: `instanceof
 * Element` is false for them in the main window's code, which is why Obsidian offers `instanceOf`.
 *
 * @param other Another window (a pop-out); without it, the global one, and the global `createEl` & co.
 */
export function installDomHelpers(other?: DomWindow): void {
  const win = other ?? (typeof Node === 'undefined' ? undefined : { Node, Element, HTMLElement, UIEvent, document })
  if (!win) return
  const proto = win.Node.prototype as unknown as Record<symbol, unknown>
  if (proto[INSTALLED] === true) return
  proto[INSTALLED] = true
  const node = win.Node.prototype as unknown as Record<string, unknown>
  const element = win.Element.prototype as unknown as Record<string, unknown>
  const html = win.HTMLElement.prototype as unknown as Record<string, unknown>

  node['empty'] = function (this: Node): void {
    while (this.firstChild) this.removeChild(this.firstChild)
  }
  node['detach'] = function (this: Node): void {
    this.parentNode?.removeChild(this)
  }
  node['appendText'] = function (this: Node, val: string): void {
    this.appendChild((this.ownerDocument ?? document).createTextNode(val))
  }
  // Cross-window instanceof, as Obsidian's: true for a node of any window whose class of that name it is.
  node['instanceOf'] = function (this: Node, type: { new (): unknown; name: string }): boolean {
    if (this instanceof type) return true
    const own = (this.ownerDocument?.defaultView ?? null) as unknown as Record<string, unknown> | null
    const ctor = own?.[type.name]
    return typeof ctor === 'function' && this instanceof (ctor as new () => unknown)
  }
  Object.defineProperty(node, 'doc', {
    configurable: true,
    get(this: Node) {
      return this.ownerDocument ?? this
    }
  })
  Object.defineProperty(node, 'win', {
    configurable: true,
    get(this: Node) {
      return (this.ownerDocument ?? (this as unknown as Document)).defaultView
    }
  })
  // UIEvent.targetNode: the event's target when it is a node (of any window).
  Object.defineProperty(win.UIEvent.prototype, 'targetNode', {
    configurable: true,
    get(this: UIEvent) {
      const t = this.target as { nodeType?: unknown } | null
      return t !== null && typeof t.nodeType === 'number' ? t : null
    }
  })
  node['createEl'] = function (this: Node, tag: keyof HTMLElementTagNameMap, o?: Info, cb?: (el: HTMLElement) => void) {
    return make(this, tag, o, cb)
  }
  node['createDiv'] = function (this: Node, o?: Info, cb?: (el: HTMLDivElement) => void) {
    return make(this, 'div', o, cb)
  }
  node['createSpan'] = function (this: Node, o?: Info, cb?: (el: HTMLSpanElement) => void) {
    return make(this, 'span', o, cb)
  }
  element['getText'] = function (this: Element): string {
    return this.textContent ?? ''
  }
  element['setText'] = function (this: Element, val: string | DocumentFragment): void {
    this.textContent = ''
    if (typeof val === 'string') this.textContent = val
    else this.appendChild(val)
  }
  element['addClass'] = function (this: Element, ...classes: string[]): void {
    this.classList.add(...classes)
  }
  element['addClasses'] = function (this: Element, classes: string[]): void {
    this.classList.add(...classes)
  }
  element['removeClass'] = function (this: Element, ...classes: string[]): void {
    this.classList.remove(...classes)
  }
  element['removeClasses'] = function (this: Element, classes: string[]): void {
    this.classList.remove(...classes)
  }
  element['toggleClass'] = function (this: Element, classes: string | string[], value: boolean): void {
    for (const c of ([] as string[]).concat(classes)) this.classList.toggle(c, value)
  }
  element['hasClass'] = function (this: Element, cls: string): boolean {
    return this.classList.contains(cls)
  }
  element['setAttr'] = function (this: Element, name: string, value: string | number | boolean | null): void {
    if (value === null || value === false) this.removeAttribute(name)
    else this.setAttribute(name, value === true ? '' : String(value))
  }
  element['setAttrs'] = function (this: Element, obj: Record<string, string | number | boolean | null>): void {
    for (const [k, v] of Object.entries(obj)) this.setAttr(k, v)
  }
  element['getAttr'] = function (this: Element, name: string): string | null {
    return this.getAttribute(name)
  }
  element['find'] = function (this: Element, selector: string): Element | null {
    return this.querySelector(selector)
  }
  element['findAll'] = function (this: Element, selector: string): Element[] {
    return Array.from(this.querySelectorAll(selector))
  }
  html['show'] = function (this: HTMLElement): void {
    this.removeAttribute('hidden')
  }
  html['hide'] = function (this: HTMLElement): void {
    this.setAttribute('hidden', '')
  }
  html['toggle'] = function (this: HTMLElement, show: boolean): void {
    if (show) this.show()
    else this.hide()
  }
  html['isShown'] = function (this: HTMLElement): boolean {
    return !this.hasAttribute('hidden')
  }
  html['setCssProps'] = function (this: HTMLElement, props: Record<string, string>): void {
    for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v)
  }

  if (other) return
  const g = globalThis as unknown as Record<string, unknown>
  g['createEl'] = (tag: keyof HTMLElementTagNameMap, o?: Info, cb?: (el: HTMLElement) => void) => make(null, tag, o, cb)
  g['createDiv'] = (o?: Info, cb?: (el: HTMLDivElement) => void) => make(null, 'div', o, cb)
  g['createSpan'] = (o?: Info, cb?: (el: HTMLSpanElement) => void) => make(null, 'span', o, cb)
  g['createFragment'] = (cb?: (el: DocumentFragment) => void) => {
    const f = document.createDocumentFragment()
    cb?.(f)
    return f
  }
  g['activeWindow'] = window
  g['activeDocument'] = document
}
