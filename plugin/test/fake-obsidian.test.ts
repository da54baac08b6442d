// The fake Obsidian API refuses, delays and reorders what Obsidian does (see plugin/README.md): these
// tests pin that, so that the fake cannot quietly become kinder than Obsidian again.
import { App, fakeApiVersion, fakeMobile, MarkdownView, PluginSettingTab, Scope, Setting } from 'obsidian'
import type { Plugin, SettingDefinitionItem } from 'obsidian'
import { afterEach, describe, expect, test } from 'vitest'
import { settle } from './helpers'

afterEach(() => {
  document.body.empty()
})

async function note(app: App, path: string, text: string): Promise<MarkdownView> {
  const leaf = app.workspace.getLeaf(false)
  await leaf.openFile(app.vault.getFileByPath(path) ?? app.vault.seed(path, text))
  return leaf.view as MarkdownView
}

describe('the fake is no kinder than Obsidian', () => {
  test('processFrontMatter writes the file; an open editor shows the new text only a tick later', async () => {
    const app = new App()
    const view = await note(app, 'A.md', '---\na: 1\n---\nTekst')
    await app.fileManager.processFrontMatter(view.file as never, (fm: Record<string, unknown>) => {
      fm['b'] = 2
    })
    expect(app.vault.text('A.md')).toBe('---\na: 1\nb: 2\n---\nTekst')
    expect(view.editor.getValue()).toBe('---\na: 1\n---\nTekst')
    await settle()
    expect(view.editor.getValue()).toBe('---\na: 1\nb: 2\n---\nTekst')
  })

  test('a pointer-down in a sidebar leaf makes it the active leaf; the most recent leaf stays the note, there is no active editor', async () => {
    const app = new App()
    document.body.appendChild(app.workspace.containerEl)
    const view = await note(app, 'A.md', 'Tekst')
    const side = app.workspace.getRightLeaf(false)
    if (!side) throw new Error('no sidebar leaf')
    const changes: unknown[] = []
    app.workspace.on('active-leaf-change', (leaf) => changes.push(leaf))
    side.containerEl.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    expect(changes).toEqual([side])
    expect(app.workspace.getMostRecentLeaf()).toBe(view.leaf)
    expect(app.workspace.activeEditor).toBeNull()
  })

  test('getLeaf(false) never navigates a pinned tab away', async () => {
    const app = new App()
    const view = await note(app, 'A.md', 'Tekst')
    view.leaf.setPinned(true)
    expect(app.workspace.getLeaf(false)).not.toBe(view.leaf)
  })

  test('ensureSideLeaf moves the active leaf only when asked to', async () => {
    const app = new App()
    const view = await note(app, 'A.md', 'Tekst')
    app.workspace.viewCreators.set('x', (leaf) => new (class extends MarkdownView {
      override getViewType(): string {
        return 'x'
      }
    })(leaf))
    await app.workspace.ensureSideLeaf('x', 'right', { active: false, reveal: true })
    expect(app.workspace.activeLeaf).toBe(view.leaf)
    const side = await app.workspace.ensureSideLeaf('x', 'right', { active: true })
    expect(app.workspace.activeLeaf).toBe(side)
  })

  test('links follow the link settings', async () => {
    const app = new App()
    const file = app.vault.seed('Kennis/Een notitie.md', '')
    app.vault.seed('Casus/J.md', '')
    expect(app.fileManager.generateMarkdownLink(file, 'Casus/J.md')).toBe('[[Een notitie]]')
    app.vault.config.newLinkFormat = 'relative'
    expect(app.fileManager.generateMarkdownLink(file, 'Casus/J.md', undefined, 'Titel')).toBe('[[../Kennis/Een notitie|Titel]]')
    app.vault.config.useMarkdownLinks = true
    app.vault.config.newLinkFormat = 'absolute'
    expect(app.fileManager.generateMarkdownLink(file, 'Casus/J.md')).toBe('[Een notitie](Kennis/Een%20notitie.md)')
  })

  test('openFile goes to the line in eState', async () => {
    const app = new App()
    const leaf = app.workspace.getLeaf(false)
    await leaf.openFile(app.vault.seed('A.md', 'een\ntwee\ndrie'), { eState: { line: 2 } })
    expect((leaf.view as MarkdownView).editor.getCursor()).toEqual({ line: 2, ch: 0 })
  })

  test('a key bound without modifiers does not fire with Ctrl held', () => {
    const scope = new Scope()
    const fired: string[] = []
    scope.register([], 'Enter', () => void fired.push('plain'))
    scope.register(['Mod'], 'Enter', () => void fired.push('mod'))
    scope.handleKey(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }))
    scope.handleKey(new KeyboardEvent('keydown', { key: 'Enter' }))
    expect(fired).toEqual(['mod', 'plain'])
  })

  test('one transaction refuses overlapping changes; undo takes back one whole transaction', () => {
    const app = new App()
    const view = new MarkdownView(app.workspace.getLeaf(false))
    view.editor.setValue('abcdef')
    expect(() => view.editor.transaction({ changes: [{ from: { line: 0, ch: 1 }, to: { line: 0, ch: 4 }, text: 'x' }, { from: { line: 0, ch: 2 }, text: 'y' }] })).toThrow(RangeError)
    view.editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: '1' }, { from: { line: 0, ch: 6 }, text: '2' }] })
    expect(view.editor.getValue()).toBe('1abcdef2')
    view.editor.undo()
    expect(view.editor.getValue()).toBe('abcdef')
  })

  test('there are no pop-out windows on mobile', async () => {
    const app = new App()
    app.workspace.popoutWindow = () => ({ document, Node, Element, HTMLElement, UIEvent })
    const view = await note(app, 'A.md', 'Tekst')
    fakeMobile(true)
    try {
      expect(() => app.workspace.moveLeafToPopout(view.leaf)).toThrow(/not supported/)
    } finally {
      fakeMobile(false)
    }
  })

  test('from Obsidian 1.13 a tab with definitions is rendered from them and display() is not called; before, display() is', () => {
    const app = new App()
    let displayed = 0
    const tab = new (class extends PluginSettingTab {
      override getSettingDefinitions(): SettingDefinitionItem[] {
        return [{ type: 'group', heading: 'Kop', items: [{ name: 'Aan', control: { type: 'toggle', key: 'aan', defaultValue: true } }] }]
      }

      override display(): void {
        displayed++
      }
    })(app, {} as Plugin)
    Setting.all.length = 0
    tab.fakeOpen()
    expect(displayed).toBe(0)
    expect(Setting.all.map((s) => s.nameEl.textContent)).toEqual(['Kop', 'Aan'])
    fakeApiVersion('1.12.7')
    try {
      tab.fakeOpen()
      expect(displayed).toBe(1)
    } finally {
      fakeApiVersion('1.13.1')
    }
  })
})
