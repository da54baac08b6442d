// The built Obsidian plugin (plugin/dist/main.js) in a real browser: headless Chromium loads it into a
// page that provides a fake of the Obsidian API and a text area as the editor, with the shipped library.
// The page has no Node.js, so this also proves the bundle runs where Obsidian mobile runs it.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { hasChromium, openHarness, ROOT } from '../../plugin/test/browser/harness'
import type { Harness } from '../../plugin/test/browser/harness'

const ARTIFACTS = join(ROOT, 'tests', 'artifacts')
const CI = process.env['CI'] === 'true'
const SKIP = !hasChromium() && !CI
if (SKIP) console.warn('Chromium is not installed (/usr/bin/chromium): skipping the plugin browser test. Install it with `apt-get install -y chromium`.')

interface Panel {
  state: string
  status: string
  items: Array<{ title: string; kind: string; score: string; why: string[]; words: string[] }>
}

let harness: (Harness & { timings: { loadMs: number; indexMs: number; status: string } }) | null = null

beforeAll(async () => {
  if (SKIP) return
  if (!hasChromium()) throw new Error('Chromium is not installed (/usr/bin/chromium), and CI needs the plugin browser test: install it with `apt-get install -y chromium`.')
  harness = await openHarness()
}, 120_000)

afterAll(async () => {
  await harness?.close()
})

test.skipIf(SKIP)('the plugin loads the shipped library in a browser without Node.js', () => {
  if (!harness) throw new Error('no harness')
  expect(harness.timings.status).toMatch(/^\d{3} notities geladen · /)
  expect(harness.errors).toEqual([])
})

test.skipIf(SKIP)('typing a case note shows the fitting practice with its reason, and reaches no network', async () => {
  if (!harness) throw new Error('no harness')
  const { page, call } = harness
  await call('openCaseNote', 'Casussen/Cliënt J.md', '')
  await page.locator('textarea.harness-editor').pressSequentially('Gesprek met J. Hij is woedend over de huisregels en wil niet naar budgetbeheer.', { delay: 5 })
  const text = await call<string>('waitForItem', 'Krachtgericht werken bij weerstand of reactance')
  expect(text).toContain('Praktijken')
  const panel = await call<Panel>('panel')
  expect(panel.state).toBe('results')
  const item = panel.items.find((i) => i.title === 'Krachtgericht werken bij weerstand of reactance')
  expect(item?.kind).toBe('Praktijk')
  expect(item?.why.join(' ')).toContain('woedend over de huisregels')
  expect(item?.words.map((w) => w.toLowerCase())).toEqual(expect.arrayContaining(['woedend', 'huisregels']))
  await mkdir(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'plugin-panel.png') })
  expect(harness.blocked).toEqual([])
  expect(harness.errors).toEqual([])
})

test.skipIf(SKIP)('inserting the "Wat werkt" checklist from the panel edits the note', async () => {
  if (!harness) throw new Error('no harness')
  const { page, call } = harness
  const item = page.locator('.pw-item', { has: page.locator('.pw-title', { hasText: 'Krachtgericht werken bij weerstand of reactance' }) })
  await item.locator('[data-action="checklist"]').click()
  const note = await call<string>('noteText')
  expect(note).toContain('Wat werkt (uit [[Krachtgericht werken bij weerstand of reactance]]):\n- [ ] ')
  call<void>('unload').catch(() => undefined)
  expect(harness.errors).toEqual([])
})
