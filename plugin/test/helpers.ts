/**
 * Test helpers: a small library, a fake app with the plugin loaded, and a way to wait for the panel.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { App, Events, Notice, Setting } from 'obsidian'
import type { MarkdownView, PluginManifest, WorkspaceLeaf } from 'obsidian'
import { VIEW_TYPE } from '../src/actions'
import PraktijkwijzerPlugin from '../src/main'
import type { PraktijkwijzerSettings } from '../src/settings'
import { PanelView } from '../src/view'

/** This folder (happy-dom's `URL` is not Node's, so paths are joined by hand). */
const HERE = dirname(fileURLToPath(import.meta.url))

/** The plugin package's folder. */
export const PLUGIN_DIR = join(HERE, '..')

export const MANIFEST = JSON.parse(readFileSync(join(HERE, '../manifest.json'), 'utf8')) as PluginManifest

/** A small, valid library: two themes, a method, two practices, two sources. */
export const LIBRARY: Record<string, string> = {
  'themas/Werkalliantie.md': `---
type: thema
bron: ["2.4"]
samenvatting: "De werkrelatie tussen begeleider en cliënt."
signalen:
  - "vertrouwt de begeleiding niet"
  - "gesprek verliep stroef"
  - "zit zijn verplichte gesprek uit"
  - "weet niet wat hij van mij mag verwachten"
  - "houdt de boot af"
---
# Werkalliantie

## Waar gaat het over
De werkrelatie tussen begeleider en cliënt.
`,
  'themas/Financiën en schulden.md': `---
type: thema
bron: ["4.6"]
signalen:
  - "geld is op voor het einde van de maand"
  - "vraagt om voorschot"
  - "leent geld van medebewoners"
  - "heeft geen overzicht over zijn geldzaken"
  - "inkomen is onzeker"
---
# Financiën en schulden

## Waar gaat het over
Geldzaken, schulden en budgetbeheer.
`,
  'methodieken/Krachtwerk.md': `---
type: methodiek
bron: ["2.3"]
bewijs: "veelbelovend"
aliases: ["Strengths model"]
thema: ["[[Werkalliantie]]"]
literatuur: ["[[Rapp & Goscha 2012]]"]
signalen:
  - "krachteninventarisatie gemaakt"
  - "ziet zelf niet meer waar hij goed in is"
  - "kleine doelen afgesproken"
  - "succesje gevierd"
  - "gevraagd wat hij zelf wil bereiken"
---
# Krachtwerk

## Wat is het
Begeleiding vanuit de krachten, wensen en keuzes van de cliënt.
`,
  'praktijken/Begrenzen met behoud van de werkalliantie.md': `---
type: praktijk
bron: ["5.1.5"]
grondslag: uitgewerkte casus
samenvatting: "Grenzen stellen zonder de werkrelatie te verliezen."
thema: ["[[Werkalliantie]]"]
methodiek: ["[[Krachtwerk]]"]
literatuur: ["[[Menger 2018]]"]
signalen:
  - "woedend over de huisregels"
  - "wordt snel boos"
  - "veel weerstand in gesprekken"
  - "weigert behandeling"
  - "zegt dat hij hier vrijwillig zit"
---
# Begrenzen met behoud van de werkalliantie

## Wat is het
Grenzen stellen en de relatie behouden.

## Wat werkt
- Bespreek de huisregels samen.
- Blijf in gesprek, ook na een conflict.
`,
  'praktijken/Nauwe samenwerking met schuldhulpverlening.md': `---
type: praktijk
bron: ["5.1.8"]
grondslag: uitgewerkte casus
thema: ["[[Financiën en schulden]]"]
signalen:
  - "wil niet naar budgetbeheer"
  - "heeft schulden"
  - "post niet geopend"
  - "aanmaningen"
  - "beslag op zijn uitkering"
---
# Nauwe samenwerking met schuldhulpverlening

## Wat is het
Samen met de schuldhulpverlening de schulden aanpakken.

## Wat werkt
- Korte lijnen met de schuldhulpverlener.
`,
  'literatuur/Menger 2018.md': `---
type: literatuur
auteurs: ["Menger, A."]
jaar: 2018
titel: "De werkalliantie in het gedwongen kader"
soort: "proefschrift"
uitgever: "Eburon"
bron: ["2.4"]
---
# Menger 2018

## Waarvoor het rapport deze bron gebruikt
De kernaspecten van de [[Werkalliantie]].
`,
  'literatuur/Rapp & Goscha 2012.md': `---
type: literatuur
auteurs: ["Rapp, C. A.", "Goscha, R. J."]
jaar: 2012
titel: "The Strengths Model"
soort: "boek"
uitgever: "Oxford University Press"
bron: ["2.3"]
---
# Rapp & Goscha 2012

## Waarvoor het rapport deze bron gebruikt
De basis van [[Krachtwerk]].
`
}

/** The shipped library, as library-relative paths and texts. */
export function shippedLibrary(): Record<string, string> {
  const root = join(HERE, '../../library')
  const files: Record<string, string> = {}
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.md')) files[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8')
    }
  }
  walk(root)
  return files
}

/** A case note that clearly fits "Begrenzen met behoud van de werkalliantie". */
export const CASE_TEXT = 'Gesprek met J. Hij was woedend over de huisregels en wordt snel boos. Veel weerstand in gesprekken.'

export interface Setup {
  app: App
  plugin: PraktijkwijzerPlugin
}

/**
 * A fake app with a vault holding the library under `Kennisbank/` (and any other files), the plugin
 * loaded and the layout ready.
 */
export async function setup(options: { library?: Record<string, string>; files?: Record<string, string>; settings?: Partial<PraktijkwijzerSettings>; layoutReady?: boolean } = {}): Promise<Setup> {
  Notice.shown.length = 0
  Setting.all.length = 0
  Events.errors.length = 0
  const app = new App()
  document.body.empty()
  document.body.appendChild(app.workspace.containerEl)
  for (const [path, text] of Object.entries(options.library ?? LIBRARY)) app.vault.seed(`Kennisbank/${path}`, text)
  for (const [path, text] of Object.entries(options.files ?? {})) app.vault.seed(path, text)
  if (options.settings) app.pluginData.set(MANIFEST.id, JSON.stringify(options.settings))
  const plugin = new PraktijkwijzerPlugin(app, MANIFEST)
  plugin.load()
  await plugin.loading
  if (options.layoutReady !== false) {
    app.workspace.setLayoutReady()
    await settle()
  }
  return { app, plugin }
}

/** Let pending promises and zero-delay timers run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0))
}

/**
 * Wait until a check holds, e.g. for a citation: the first one waits for the citation engine to load
 * (seconds on a busy machine).
 */
export async function until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('until: the condition did not become true')
    await new Promise<void>((resolve) => setTimeout(resolve, 10))
  }
}

/** Open the panel and return it. */
export async function openPanel(app: App): Promise<PanelView> {
  const command = app.commands.get(`${MANIFEST.id}:open-panel`)
  if (!command?.callback) throw new Error('no open-panel command')
  await command.callback()
  await settle()
  return panel(app)
}

/** The open panel. */
export function panel(app: App): PanelView {
  const view = app.workspace.getLeavesOfType(VIEW_TYPE)[0]?.view
  if (!(view instanceof PanelView)) throw new Error('panel not open')
  return view
}

/** Open a note (creating it silently first when text is given) in the main area. */
export async function openNote(app: App, path: string, text?: string): Promise<MarkdownView> {
  const file = app.vault.getFileByPath(path) ?? app.vault.seed(path, text ?? '')
  const leaf: WorkspaceLeaf = app.workspace.getLeaf(false)
  await leaf.openFile(file)
  await settle()
  return leaf.view as MarkdownView
}

/** What an action edits: a view's file and editor. */
export function targetOf(view: MarkdownView): { file: NonNullable<MarkdownView['file']>; editor: MarkdownView['editor'] } {
  if (!view.file) throw new Error('view without a file')
  return { file: view.file, editor: view.editor }
}

/** The panel's body state (`data-state`). */
export function panelState(app: App): string | undefined {
  return panel(app).contentEl.querySelector<HTMLElement>('.pw-body')?.dataset['state']
}

/** Titles of the cards in the panel, in order (suggestions, then literature). */
export function panelTitles(app: App): string[] {
  return [...panel(app).contentEl.querySelectorAll('.pw-card .pw-title')].map((el) => el.textContent ?? '')
}

/** The card of the panel with this title. */
export function panelItem(app: App, title: string): HTMLElement {
  const item = [...panel(app).contentEl.querySelectorAll<HTMLElement>('.pw-card')].find((el) => el.querySelector('.pw-title')?.textContent === title)
  if (!item) throw new Error(`no item "${title}" in the panel: ${panelTitles(app).join(', ')}`)
  return item
}

/** Dispatch a click on an element (no pointer-down first: see {@link userClick}). */
export function click(el: Element, init: MouseEventInit = {}): void {
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }))
}

/**
 * Click as a user does: the pointer goes down (Obsidian makes the leaf under it active, and focus moves
 * to a button under it), then up, and only then does the browser fire `click`, on the element under the
 * pointer; if the element that got the pointer-down was replaced in between, there is no click at all.
 */
export function userClick(el: HTMLElement, init: MouseEventInit = {}): void {
  el.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, ...init }))
  if (el.isConnected && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.hasAttribute('tabindex'))) el.focus()
  if (!el.isConnected) return
  el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, ...init }))
  el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }))
}

/** Run a plugin command as Obsidian does (an editor command gets the active editor); `false` when it was not available. */
export function runCommand(app: App, id: string): Promise<boolean> {
  return app.runCommand(`${MANIFEST.id}:${id}`)
}

/** An action button of the panel's item with this title. */
export function actionOf(app: App, title: string, action: string): HTMLElement {
  const el = panelItem(app, title).querySelector<HTMLElement>(`[data-action="${action}"]`)
  if (!el) throw new Error(`no "${action}" on "${title}"`)
  return el
}
