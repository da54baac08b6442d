// Screenshots of the panel for people to look at (tests/artifacts/screenshots/, committed): a long case
// note, an unrelated one (a broken washing machine), a one-line note, the panel 390 px wide, and the dark
// theme. Made in headless Chromium with the built plugin and the shipped library; each also checks what a
// counsellor should see in it, so a screenshot of a broken panel fails the run instead of being committed.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, expect, test } from 'vitest'
import { INSTALL_CHROMIUM, ROOT } from '../../plugin/test/browser/harness'
import { SKIP, useHarness } from './suite'

const OUT = join(ROOT, 'tests', 'artifacts', 'screenshots')
const CASES = join(ROOT, 'tests', 'eval', 'cases')
const ONE_LINE = 'Hij wil niet meer naar zijn werk en blowt elke dag.'

const h = useHarness({ viewport: { width: 1100, height: 1300 }, settings: { debounceMs: 0 } }, 180_000)

beforeAll(async () => {
  if (!SKIP) await mkdir(OUT, { recursive: true })
})

/** A case note of the eval set, without its frontmatter (the expected answers). */
async function evalCase(name: string): Promise<string> {
  return (await readFile(join(CASES, name), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '')
}

/** Show a case note and wait until the panel has drawn it. */
async function show(path: string, text: string): Promise<{ state: string; items: Array<{ title: string; level: string; why: string }> }> {
  const { call } = h()
  await call('openCaseNote', path, '')
  await call('setNoteText', text)
  await call('settled', 500)
  return call('panel')
}

/** Texts in the panel below WCAG AA contrast (4.5:1). */
async function lowContrast(): Promise<Array<{ text: string; ratio: number }>> {
  return (await h().call<Array<{ text: string; ratio: number }>>('contrast')).filter((c) => c.ratio < 4.5)
}

async function shoot(name: string): Promise<void> {
  await h().page.locator('.workspace-split.mod-right-split').screenshot({ path: join(OUT, `${name}.png`), animations: 'disabled', caret: 'hide' })
}

test('a long case note: the strongest cards first, about five, each with one line of why', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const panel = await show('Casussen/Weekverslag dhr. S.md', await evalCase('35-week-twee-na-detentie-dhr-s.md'))
  await shoot('long-note')
  expect(panel.state).toBe('results')
  // The suggestions (the literature cards have no level): about five, each with its line of why.
  const suggestions = panel.items.filter((i) => i.level !== '')
  expect(suggestions.length).toBeGreaterThanOrEqual(3)
  expect(suggestions.length).toBeLessThanOrEqual(6)
  for (const item of suggestions) expect(item.why).not.toBe('')
})

test('an unrelated note (a broken washing machine): quiet, no list of weak items', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const panel = await show('Casussen/Wasmachine.md', await evalCase('12-wasmachine-kapot.md'))
  expect(panel.items.filter((i) => !/zwak/i.test(i.level))).toEqual([])
  expect(await h().page.locator('.praktijkwijzer-panel').textContent()).toContain('Geen duidelijke match')
  await shoot('unrelated-note')
})

test('a one-line note still gets a clear suggestion', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const panel = await show('Casussen/Eén regel.md', ONE_LINE)
  expect(panel.state).toBe('results')
  expect(panel.items[0]?.why).toMatch(/"[^"]+"/)
  // All three levels are on screen here: "zwakke match" too must be readable (WCAG AA).
  expect(new Set(panel.items.map((i) => i.level).filter((l) => l !== ''))).toEqual(new Set(['sterke match', 'redelijke match', 'zwakke match']))
  expect(await lowContrast()).toEqual([])
  await shoot('one-line-note')
})

test('390 px wide: nothing sticks out of the panel', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { call } = h()
  await call('panelWidth', 390)
  await show('Casussen/Weekverslag dhr. S.md', await evalCase('35-week-twee-na-detentie-dhr-s.md'))
  const overflow = await call<string[]>('overflow')
  expect(overflow).toEqual([])
  await shoot('panel-390px')
  await call('panelWidth', 400)
})

test('the dark theme', async (ctx) => {
  ctx.skip(SKIP, INSTALL_CHROMIUM)
  const { call } = h()
  await call('theme', 'dark')
  await show('Casussen/Eén regel.md', ONE_LINE)
  expect(await lowContrast()).toEqual([])
  await shoot('dark-theme')
  await call('theme', 'light')
  expect(h().errors).toEqual([])
})
