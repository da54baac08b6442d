import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/', import.meta.url))

const run = (...argv: string[]): Promise<Run> => runCli(argv, { cwd: fixtures, library: `${fixtures}valid` })

describe('praktijkwijzer', () => {
  test('should list the commands with --help and exit 0', async () => {
    const r = await run('--help')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/check\s+controleer/)
    expect(r.out).toMatch(/graph\s+/)
  })

  test('should exit 2 with a message for an unknown command', async () => {
    const r = await run('controleer')
    expect(r.code).toBe(2)
    expect(r.err).toContain('onbekende opdracht "controleer"')
  })

  test('should exit 2 without a command', async () => {
    expect((await run()).code).toBe(2)
  })
})

describe('check', () => {
  test('should pass a valid library with exit 0 and a summary', async () => {
    const r = await run('check', 'valid')
    expect(r.code).toBe(0)
    expect(r.out).toBe('4 notities gelezen: 0 fouten, 0 waarschuwingen.\n')
  })

  test('should use --library when no folder is given', async () => {
    expect((await run('check')).out).toContain('4 notities gelezen')
  })

  test('should print every problem as path:line:col, exit 1, and never run code from notes', async () => {
    rmSync('/tmp/praktijkwijzer-pwned', { force: true })
    const r = await run('check', 'broken')
    expect(r.code).toBe(1)
    const lines = r.out.trim().split('\n')
    expect(lines.slice(0, -1)).toEqual([
      'broken/Code.md:1:4  fout  De frontmatter vraagt om de taal "js". Alleen YAML wordt gelezen (code in een notitie wordt nooit uitgevoerd); verwijder "js" achter de eerste `---`.',
      expect.stringMatching(/^broken\/Kapotte yaml\.md:3:\d+ {2}fout {2}Ongeldige YAML in de frontmatter: /),
      'broken/Leeg.md:1:1  waarschuwing  Deze notitie is leeg.',
      'broken/Praktijk.md:1:1  waarschuwing  Deze notitie is nergens mee verbonden: ze linkt nergens heen en niets linkt naar haar.',
      'broken/Praktijk.md:5:10  fout  De link [[Bestaat niet]] wijst naar een notitie die niet bestaat (veld `thema`).',
      'broken/Verkeerd type.md:2:1  fout  Onbekend type "casus". Kies uit: thema, methodiek, praktijk, literatuur, index, synoniemen.'
    ])
    expect(lines.at(-1)).toBe('5 notities gelezen: 4 fouten, 2 waarschuwingen.')
    expect(existsSync('/tmp/praktijkwijzer-pwned')).toBe(false)
  })

  test('should write counts in the summary with Dutch thousands separators', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-check-'))
    const links = Array.from({ length: 1200 }, (_, i) => `- [[Ontbreekt ${i}]]`).join('\n')
    writeFileSync(join(dir, 'Praktijk.md'), `---\ntype: praktijk\n---\n# Praktijk\n\n${links}\n`)
    const r = await runCli(['check', dir], { cwd: dir, library: dir })
    expect(r.code).toBe(1)
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^1 notitie gelezen: 1\.2\d\d fouten, \d+ waarschuwing(?:en)?\.$/)
    rmSync(dir, { recursive: true, force: true })
  })

  test('should print JSON with --json and only errors with --quiet', async () => {
    const json = JSON.parse((await run('check', 'broken', '--json')).out) as { problems: Array<{ code: string }>; summary: unknown }
    expect(json.summary).toEqual({ notes: 5, errors: 4, warnings: 2 })
    expect(json.problems.map((p) => p.code)).toContain('broken-link')
    const quiet = await run('check', 'broken', '--quiet')
    expect(quiet.out).not.toContain('waarschuwing  ')
  })

  test.each([
    [['check', '--bogus'], 'onbekende optie --bogus'],
    [['check', 'nergens'], 'map niet gevonden: nergens'],
    [['check', 'a', 'b'], 'onverwacht argument: b'],
    [['check', '--library'], 'optie --library verwacht een waarde']
  ])('should exit 2 for %j', async (argv, message) => {
    const r = await run(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })
})

describe('graph', () => {
  test('should write the typed graph as JSON', async () => {
    const r = await run('graph', 'valid', '--typed')
    const g = JSON.parse(r.out) as { nodes: Array<{ id: string; type: string }>; edges: Array<{ from: string; to: string; label: string }> }
    expect(g.nodes.map((n) => `${n.type}:${n.id}`)).toEqual(['literatuur:Baart 2001', 'methodiek:Presentiebenadering', 'praktijk:Kennismaking', 'thema:Werkalliantie'])
    expect(g.edges.map((e) => `${e.from} -${e.label}-> ${e.to}`)).toEqual([
      'Presentiebenadering -hoort bij-> Werkalliantie',
      'Presentiebenadering -onderbouwd door-> Baart 2001',
      'Kennismaking -hoort bij-> Werkalliantie',
      'Kennismaking -past toe-> Presentiebenadering'
    ])
  })

  test('should write DOT and Mermaid', async () => {
    const dot = (await run('graph', 'valid', '--format', 'dot')).out
    expect(dot).toMatch(/^digraph praktijkwijzer \{/)
    expect(dot).toContain('"Kennismaking" -> "Presentiebenadering" [label="past toe"];')
    const mermaid = (await run('graph', 'valid', '--format', 'mermaid')).out
    expect(mermaid).toMatch(/^graph LR\n/)
    expect(mermaid).toMatch(/n\d+ -->\|verwijst naar\| n\d+/)
  })

  test('should refuse an unknown format with exit 2', async () => {
    const r = await run('graph', '--format', 'png')
    expect(r.code).toBe(2)
    expect(r.err).toContain('--format verwacht een van: json, dot, mermaid')
  })
})
