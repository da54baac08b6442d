// The built Obsidian plugin (plugin/dist/main.js) in a real browser: headless Chromium loads it into a
// page that provides a fake of the Obsidian API and a text area as the editor, with the shipped library.
// The page has no Node.js, so this also proves the bundle runs where Obsidian mobile runs it. Real
// pointer and keyboard events, a real second window (a frame with its own DOM classes) and real CSS:
// what happy-dom cannot show.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { INSTALL_CHROMIUM, ROOT } from '../../plugin/test/browser/harness'
import { SKIP, useHarness } from './suite'

const ARTIFACTS = join(ROOT, 'tests', 'artifacts')
const PRACTICE = 'Krachtgericht werken bij weerstand of reactance'
const NOTE = 'Gesprek met J. Hij is woedend over de huisregels en wil niet naar budgetbeheer.'

interface Panel {
  state: string
  status: string
  items: Array<{ title: string; kind: string; level: string; why: string; words: string[] }>
}

const h = useHarness()

test('the plugin loads the shipped library in a browser without Node.js', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  // Ready for suggestions first; the overviews follow, then the status line has its final counts.
  expect(h().timings.status).toMatch(/^\d{3} notities geladen/)
  await h().call('settled', 1000)
  expect((await h().call<Panel>('panel')).status).toMatch(/^\d{3} notities geladen · /)
  expect(h().errors).toEqual([])
})

test('typing a case note shows the fitting practice with one line of why, and reaches no network', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { page, call } = h()
  await call('openCaseNote', 'Casussen/Cliënt J.md', '')
  await page.locator('textarea.harness-editor').pressSequentially(NOTE, { delay: 5 })
  await call<string>('waitForItem', PRACTICE)
  const panel = await call<Panel>('panel')
  expect(panel.state).toBe('results')
  const item = panel.items.find((i) => i.title === PRACTICE)
  expect(item?.kind).toBe('Praktijk')
  expect(item?.level).toMatch(/match$/)
  expect(item?.why).toMatch(/"[^"]+"/)
  expect(item?.words.length).toBeGreaterThan(0)
  await mkdir(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'plugin-panel.png') })
  expect(h().blocked).toEqual([])
  expect(h().errors).toEqual([])
})

test('the first click on "Link invoegen" inserts the link (the panel becomes the active leaf on pointer-down)', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { page, call } = h()
  const editor = page.locator('textarea.harness-editor')
  await editor.focus()
  await page.keyboard.press('End')
  await call('settled')
  const card = page.locator('.pw-card', { has: page.locator('.pw-title', { hasText: PRACTICE }) })
  await card.locator('[data-action="link"]').click()
  expect(await call<string>('noteText')).toContain(`[[${PRACTICE}]]`)
  expect(h().errors).toEqual([])
})

test('Tab from the note into the panel keeps focus in the panel', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { page, call } = h()
  // Focus in the editor: the next Tab goes to the panel, which then becomes the active leaf.
  await page.locator('textarea.harness-editor').focus()
  await page.keyboard.press('Tab')
  await page.waitForTimeout(100)
  expect(await call<{ inPanel: boolean; tag: string }>('focus')).toMatchObject({ inPanel: true })
})

test('the "Wat werkt" points open in the card, and the checklist goes into the note', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { page, call } = h()
  // The link inserted before changed the note: let the panel's update run before pointing at a card.
  await call('settled')
  const card = page.locator('.pw-card', { has: page.locator('.pw-title', { hasText: PRACTICE }) })
  await card.locator('[data-action="toggle"][data-part="advice"]').click()
  await card.locator('.pw-what-works li').first().waitFor()
  expect(await card.locator('.pw-what-works li').count()).toBeGreaterThan(0)
  await card.locator('[data-action="checklist"]').click()
  expect(await call<string>('noteText')).toContain(`Wat werkt (uit [[${PRACTICE}]]):\n- [ ] `)
  expect(h().errors).toEqual([])
})

test('every text in the panel has WCAG AA contrast (4.5:1), in the light and the dark theme', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { page, call } = h()
  for (const theme of ['light', 'dark'] as const) {
    await call('theme', theme)
    const low = (await call<Array<{ text: string; cls: string; ratio: number }>>('contrast')).filter((c) => c.ratio < 4.5)
    expect({ theme, low }).toEqual({ theme, low: [] })
    await page.screenshot({ path: join(ARTIFACTS, `plugin-panel-${theme}.png`) })
  }
  await call('theme', 'light')
})

test('in a pop-out window (other DOM classes) a click in the panel still inserts', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { page, call } = h()
  await call('popOutPanel')
  await call('settled')
  const frame = page.frameLocator('iframe.harness-popout')
  const card = frame.locator('.pw-card', { has: frame.locator('.pw-title', { hasText: PRACTICE }) })
  await card.locator('[data-action="link"]').waitFor()
  const before = await call<string>('noteText')
  await card.locator('[data-action="link"]').click()
  const after = await call<string>('noteText')
  expect(after.length).toBeGreaterThan(before.length)
  expect(after).toContain(`[[${PRACTICE}]]`)
  call<void>('unload').catch(() => undefined)
  expect(h().errors).toEqual([])
})
