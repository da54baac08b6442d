import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const library = `${root}library`

const run = (argv: string[], stdin?: string): Promise<Run> => runCli(argv, { cwd: root, library, stdin })

const NOTE = 'tests/eval/cases/01-deurwaarder-aan-de-deur.md'

describe('suggest', () => {
  test('--json prints exactly the shape of the architecture contract (and extends it)', async () => {
    const r = await run(['suggest', NOTE, '--json', '--limit', '5'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { suggestions: Array<Record<string, unknown>>; literature: Array<Record<string, unknown>> }
    expect(Object.keys(json).sort()).toEqual(['literature', 'suggestions'])
    expect(json.suggestions.length).toBeGreaterThan(0)
    expect(json.suggestions.length).toBeLessThanOrEqual(5)
    for (const s of json.suggestions) {
      expect(s).toMatchObject({ id: expect.any(String), type: expect.stringMatching(/^(praktijk|methodiek|thema)$/), title: expect.any(String), path: expect.stringMatching(/\.md$/), score: expect.any(Number), why: expect.any(Array) })
      expect(s['score']).toBeGreaterThanOrEqual(0)
      expect(s['score']).toBeLessThanOrEqual(1)
      // Issue #12 extends the contract: a level, at most three passages, a praktijk's grondslag.
      expect(s['level']).toMatch(/^(sterk|redelijk|zwak)$/)
      expect(s['weak']).toBe(s['level'] === 'zwak')
      const passages = s['passages'] as Array<Record<string, unknown>>
      expect(passages.length).toBeLessThanOrEqual(3)
      for (const p of passages) expect(p).toEqual({ field: expect.stringMatching(/^(signaal|wat werkt|titel|samenvatting|tekst)$/), text: expect.any(String), quote: expect.any(String), terms: expect.any(Array) })
      if (s['type'] === 'praktijk') expect(s['grondslag']).toMatch(/^(ervaring van professionals|beschrijving van één instelling|uitgewerkte casus|aanbeveling van de onderzoekers)$/)
      else expect(s['grondslag']).toBeUndefined()
    }
    expect(json.suggestions.some((s) => (s['passages'] as unknown[]).length > 0)).toBe(true)
    const scores = json.suggestions.map((s) => s['score'] as number)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const l of json.literature) expect(l).toMatchObject({ id: expect.any(String), title: expect.any(String), citation: expect.any(String), path: expect.any(String), score: expect.any(Number) })
  })

  test('finds the debt practice for a note about debts, in the readable list, with its level and first passage', async () => {
    const r = await run(['suggest', NOTE])
    expect(r.out).toMatch(/^ 1\. \d,\d\d {2}praktijk .* \((sterk|redelijk|zwak)\)$/m)
    expect(r.out).toMatch(/^ +jij schreef ".+" — (signaal|wat werkt|titel|samenvatting|tekst): ".+"$/m)
    expect(r.out).toContain('Nauwe samenwerking met schuldhulpverlening')
    expect(r.out).toContain('Literatuur:')
  })

  test('--type keeps only the kinds asked for, --stats adds timings', async () => {
    const r = await run(['suggest', NOTE, '--json', '--type', 'methodiek,thema', '--stats'])
    const json = JSON.parse(r.out) as { suggestions: Array<{ type: string }>; stats: { totalMs: number; indexed: number } }
    expect(json.suggestions.every((s) => s.type !== 'praktijk')).toBe(true)
    expect(json.stats.indexed).toBeGreaterThan(100)
    expect(json.stats.totalMs).toBeGreaterThanOrEqual(0)
  })

  test('reads the note from standard input with -', async () => {
    const r = await run(['suggest', '-', '--json'], 'Dhr. was woedend over de huisregels. UC positief, waarschuwing gegeven.')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { suggestions: Array<{ title: string }> }
    expect(json.suggestions.length).toBeGreaterThan(0)
  })

  test('reads a note that opens with a ---- rule as text, also past the next --- line', async () => {
    const text = 'De deurwaarder stond aan de deur, de schulden lopen op.\n\nWil niet naar budgetbeheer.\n'
    const r = await run(['suggest', '-', '--json'], `----\n${text.replace('\n\n', '\n\n---\n\n')}`)
    const json = JSON.parse(r.out) as { suggestions: Array<{ title: string; why: string[] }> }
    expect(json.suggestions[0]?.why.join(' ')).toContain('deurwaarder')
    // The rules carry no words: the same suggestions as without them.
    expect(json).toEqual(JSON.parse((await run(['suggest', '-', '--json'], text)).out))
  })

  test('leaves ---yaml frontmatter out, as the parser does', async () => {
    const yaml = '---yaml\nonderwerp: deurwaarder aan de deur, schulden lopen op, budgetbeheer\n---\n'
    const body = 'Vandaag zonnig weer, we hebben koffie gedronken.\n'
    const r = await run(['suggest', '-', '--json', '--min-score', '0'], yaml + body)
    expect(JSON.parse(r.out)).toEqual(JSON.parse((await run(['suggest', '-', '--json', '--min-score', '0'], body)).out))
  })

  test('says so in Dutch when nothing fits', async () => {
    const r = await run(['suggest', '-'], 'qwerty asdfgh zxcvbn')
    expect(r.out).toBe("Geen passende praktijken, methodieken of thema's gevonden voor deze notitie.\n")
  })

  test.each([
    [['suggest'], 'geef de casusnotitie op'],
    [['suggest', 'bestaat-niet.md'], 'bestand niet gevonden of niet leesbaar: '],
    [['suggest', NOTE, '--limit', '0'], '--limit verwacht een positief geheel getal'],
    [['suggest', NOTE, '--type', 'casus'], '--type verwacht een van: praktijk, methodiek, thema'],
    [['suggest', NOTE, '--min-score', '2'], '--min-score verwacht een getal van 0 tot 1']
  ])('exits 2 for %j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })
})
