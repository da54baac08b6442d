import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const library = `${root}library`

const run = (argv: string[]): Promise<Run> => runCli(argv, { cwd: root, library })

const NOTE = 'library/praktijken/Aanspreken op gedrag in plaats van straffen.md'

// Each test loads the shipped library and builds its index (seconds on a busy machine); --all asks for every note.
describe('links', { timeout: 120_000 }, () => {
  test('--json prints exactly { missing: [ { field, target, path, score, level, why } ] }, per field at most --limit', async () => {
    const r = await run(['links', NOTE, '--json', '--limit', '2'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { missing: Array<Record<string, unknown>> }
    expect(Object.keys(json)).toEqual(['missing'])
    expect(json.missing.length).toBeGreaterThan(0)
    for (const m of json.missing) {
      expect(Object.keys(m).sort()).toEqual(['field', 'level', 'path', 'score', 'target', 'why'])
      expect(m).toMatchObject({ field: expect.stringMatching(/^(thema|methodiek|literatuur|gerelateerd)$/), level: expect.stringMatching(/^(sterk|redelijk|zwak)$/), path: expect.stringMatching(/\.md$/) })
    }
    for (const field of ['thema', 'methodiek', 'literatuur', 'gerelateerd']) expect(json.missing.filter((m) => m['field'] === field).length).toBeLessThanOrEqual(2)
    // Links the note has are never proposed.
    const targets = json.missing.map((m) => m['target'])
    for (const existing of ['Leefregels en middelengebruik', 'Werkalliantie', 'Hybride werken', 'Afspraken op maat over alcohol en drugs']) expect(targets).not.toContain(existing)
  })

  test('takes the note by its name, keeps to one field, and prints Dutch reasons', async () => {
    const r = await run(['links', 'Aanspreken op gedrag in plaats van straffen', '--field', 'methodiek'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Mogelijk ontbrekende verbanden van Aanspreken op gedrag in plaats van straffen:')
    expect(r.out).toContain('methodiek:')
    expect(r.out).not.toMatch(/^thema:/m)
    expect(r.out).toMatch(/die op deze praktijk lijk/)
  })

  test('--all lists the strongest proposals of the library with the note each is for', async () => {
    const r = await run(['links', '--all', '--json', '--limit', '4'])
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as { missing: Array<{ note: string; score: number }> }
    expect(json.missing.length).toBe(4)
    const scores = json.missing.map((m) => m.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const m of json.missing) expect(m.note).toMatch(/\.md$/)
  })

  test('refuses a literature note, an unknown note and a wrong field with a Dutch message', async () => {
    const lit = await run(['links', 'Baart 2001'])
    expect(lit.code).toBe(1)
    expect(lit.err).toContain('alleen praktijk-, methodiek- en themanotities hebben linkvelden')
    const unknown = await run(['links', 'Bestaat niet'])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('geen notitie "Bestaat niet"')
    const field = await run(['links', NOTE, '--field', 'bron'])
    expect(field.code).toBe(2)
    expect(field.err).toContain('--field verwacht een van: thema, methodiek, literatuur, gerelateerd')
  })
})
