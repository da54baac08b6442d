import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { main } from '../src/main.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
let dir = ''

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, { library: join(ROOT, 'library') })
  return { code, out, err }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-privacy-'))
  mkdirSync(join(dir, 'Casussen', 'sub'), { recursive: true })
  mkdirSync(join(dir, '.obsidian'))
  writeFileSync(join(dir, 'Casussen', 'Schoon.md'), '---\nclient: dhr. K.\n---\nGesprek met dhr. K. over zijn schulden. Afspraak op 12-03-2024.\n')
  writeFileSync(join(dir, 'Casussen', 'sub', 'Lek.md'), 'Gesprek met dhr. Jan de Vries.\nBSN 111222333, bel 06-12345678.\n')
  writeFileSync(join(dir, 'Casussen', 'Notitie.txt'), 'Mail jan@example.nl\n')
  writeFileSync(join(dir, '.obsidian', 'Verborgen.md'), 'BSN 111222333\n')
  writeFileSync(join(dir, 'Plaatje.md'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('privacy', () => {
  test('should exit 0 on clean notes, with a summary', async () => {
    const r = await run('privacy', 'Casussen/Schoon.md')
    expect(r).toEqual({ code: 0, out: '1 notitie gecontroleerd: geen persoonsgegevens gevonden.\n', err: '' })
  })

  test('should print path:line:col  soort  hint for each finding, exit 1, and not repeat the data itself', async () => {
    const r = await run('privacy', 'Casussen')
    expect(r.code).toBe(1)
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      'Casussen/sub/Lek.md:1:13  naam  Dit lijkt een echte naam na een aanspreekvorm. Gebruik een pseudoniem of alleen een initiaal, zoals "dhr. K.".',
      'Casussen/sub/Lek.md:2:5  BSN  Dit lijkt een burgerservicenummer (negen cijfers die de elfproef doorstaan). Een BSN hoort niet in een casusnotitie: haal het weg.',
      'Casussen/sub/Lek.md:2:20  telefoonnummer  Dit lijkt een telefoonnummer. Zet geen telefoonnummers van cliënten of hun netwerk in een notitie.'
    ])
    expect(r.out).toContain('2 notities gecontroleerd: 3 mogelijke persoonsgegevens gevonden.')
    for (const secret of ['Jan de Vries', '111222333', '12345678']) expect(r.out).not.toContain(secret)
  })

  test('should take files of any name and folders (their .md files, hidden folders skipped)', async () => {
    const r = await run('privacy', 'Casussen/Notitie.txt', 'Casussen/Schoon.md')
    expect(r.code).toBe(1)
    expect(r.out).toContain('Casussen/Notitie.txt:1:6  e-mailadres  ')
    const all = await run('privacy', '.')
    expect(all.out).not.toContain('.obsidian')
    expect(all.out).not.toContain('Notitie.txt')
  })

  test('should report a file it cannot read on stderr and exit 1: unchecked is not clean', async () => {
    const r = await run('privacy', 'Plaatje.md')
    expect(r.code).toBe(1)
    expect(r.err).toContain('Plaatje.md  niet gecontroleerd: Dit bestand is geen tekst')
  })

  test('should give JSON with --json', async () => {
    const r = await run('privacy', 'Casussen', 'Plaatje.md', '--json')
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as { findings: Array<Record<string, unknown>>; unreadable: unknown[]; summary: Record<string, number> }
    expect(json.findings[1]).toEqual({ file: 'Casussen/sub/Lek.md', line: 2, column: 5, kind: 'bsn', label: 'BSN', hint: expect.stringContaining('elfproef') })
    expect(json.summary).toEqual({ files: 3, findings: 3, unreadable: 1 })
    expect(r.out).not.toContain('111222333')
  })

  test.each([[[]], [['nergens.md']], [['Casussen', '--bogus']]])('should exit 2 for %j', async (args) => {
    const r = await run('privacy', ...args)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^praktijkwijzer privacy: /)
  })

  test('should find nothing in the shipped library and the vault template', async () => {
    const r = await run('privacy', ...['library', 'vault-template'].map((d) => join(ROOT, d)).filter((d) => existsSync(d)))
    expect(r.out).toMatch(/gecontroleerd: geen persoonsgegevens gevonden\.\n$/)
    expect(r.code).toBe(0)
  })
})
