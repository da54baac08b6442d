import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { main } from '../src/main.js'
import { runCli, type Run } from './run.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
let dir = ''

const run = (...argv: string[]): Promise<Run> => runCli(argv, { cwd: dir, library: join(ROOT, 'library') })

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

describe('privacy of names, links and control characters', () => {
  let other = ''
  const inOther = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = ''
    let err = ''
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: other }, { library: join(ROOT, 'library') })
    return { code, out, err }
  }

  beforeAll(() => {
    other = mkdtempSync(join(tmpdir(), 'praktijkwijzer-privacy-names-'))
    mkdirSync(join(other, 'namen'))
    writeFileSync(join(other, 'namen', 'dhr. Jan de Vries 06-12345678.md'), 'Gesprek met dhr. K. over zijn schulden.\n')
    writeFileSync(join(other, 'namen', 'Gesprek 12-03-2024 14.30.md'), 'Niets bijzonders.\n')
    mkdirSync(join(other, 'links'))
    writeFileSync(join(other, 'doel.md'), 'BSN 111222333\n')
    symlinkSync(join(other, 'doel.md'), join(other, 'links', 'Gelinkt.md'))
    symlinkSync(join(other, 'namen'), join(other, 'links', 'map'))
    mkdirSync(join(other, 'escape'))
    writeFileSync(join(other, 'escape', 'x\u001b[2J\u001b[H.md'), 'BSN 111222333\n')
    writeFileSync(join(other, 'escape', 'a\nnep.md:99:1  fout  alles in orde.md'), 'Mail jan@example.nl\n')
  })

  afterAll(() => rmSync(other, { recursive: true, force: true }))

  test('should report personal data in a file name, without printing it', async () => {
    const r = await inOther('privacy', 'namen')
    expect(r.code).toBe(1)
    const lines = r.out.trim().split('\n')
    expect(lines.slice(0, 2)).toEqual([
      'namen/[naam] [telefoonnummer].md  naam in de bestandsnaam  Dit lijkt een echte naam na een aanspreekvorm. Gebruik een pseudoniem of alleen een initiaal, zoals "dhr. K.". Het staat in de naam van het bestand of de map: geef die een andere naam.',
      'namen/[naam] [telefoonnummer].md  telefoonnummer in de bestandsnaam  Dit lijkt een telefoonnummer. Zet geen telefoonnummers van cliënten of hun netwerk in een notitie. Het staat in de naam van het bestand of de map: geef die een andere naam.'
    ])
    expect(lines[2]).toBe('2 notities gecontroleerd: 2 mogelijke persoonsgegevens gevonden. Haal ze weg of vervang ze door een pseudoniem.')
    for (const secret of ['Jan de Vries', '12345678']) expect(r.out + r.err).not.toContain(secret)
    const json = JSON.parse((await inOther('privacy', 'namen', '--json')).out) as { findings: Array<Record<string, unknown>> }
    expect(json.findings[0]).toEqual({ file: 'namen/[naam] [telefoonnummer].md', line: 0, column: 0, kind: 'naam', label: 'naam', hint: expect.stringContaining('bestand'), in: 'bestandsnaam' })
    expect(JSON.stringify(json)).not.toContain('Jan de Vries')
  })

  test('should report symbolic links in a folder instead of skipping them, and check a linked file given by name', async () => {
    const r = await inOther('privacy', 'links')
    expect(r.code).toBe(1)
    expect(r.err).toContain('links/Gelinkt.md  niet gecontroleerd: dit is een symbolische link naar een notitie; links in een map worden niet gevolgd.')
    expect(r.err).toContain('links/map  niet gecontroleerd: dit is een symbolische link naar een map;')
    expect((await inOther('privacy', 'links/Gelinkt.md')).out).toContain('links/Gelinkt.md:1:5  BSN  ')
  })

  test('should show control characters in file names visibly, so that no line can be forged or the screen cleared', async () => {
    for (const argv of [['privacy', 'escape'], ['privacy', 'escape', '--json']]) {
      const r = await inOther(...argv)
      // eslint-disable-next-line no-control-regex -- looking for raw control characters
      expect(r.out + r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    }
    const r = await inOther('privacy', 'escape')
    expect(r.out.split('\n').filter((l) => l.startsWith('nep.md'))).toEqual([])
    expect(r.out).toContain('escape/a\u2424nep.md:99:1  fout  alles in orde.md:1:6  e-mailadres  ')
    expect(r.out).toContain('escape/x\u241b[2J\u241b[H.md:1:5  BSN  ')
    const json = JSON.parse((await inOther('privacy', 'escape', '--json')).out) as { findings: Array<{ file: string }> }
    expect(json.findings.map((f) => f.file)).toEqual(['escape/a\nnep.md:99:1  fout  alles in orde.md', 'escape/x\u001b[2J\u001b[H.md'])
  })
})
