// Reading folders and notes (src/files.ts): what the file system refuses is reported with its path in
// Dutch and the rest is read, in every command that reads a folder; a case note goes through the core's
// decoder, so binary files, UTF-16, other encodings and huge files are refused with their own message.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
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
  dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-files-'))
  mkdirSync(join(dir, 'lib', 'themas'), { recursive: true })
  for (const name of ['Werkalliantie.md', 'Stigma.md']) copyFileSync(join(ROOT, 'library', 'themas', name), join(dir, 'lib', 'themas', name))
  // A name in Latin-1, as Windows zips and Samba shares give them: "café.md" with é as the byte 0xe9.
  writeFileSync(Buffer.concat([Buffer.from(join(dir, 'lib', 'themas', 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]), '# Café\n')
  writeFileSync(join(dir, 'ruis.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))
  writeFileSync(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('schulden, de deurwaarder stond aan de deur', 'utf16le')]))
  writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('De deurwaarder stond aan de deur, de schulden lopen op. Caf'), Buffer.from([0xe9]), Buffer.from('.\n')]))
  writeFileSync(join(dir, 'notitie.md'), 'Hij vertrouwt de begeleiding niet.\n')
  writeFileSync(join(dir, 'groot.md'), '')
  truncateSync(join(dir, 'groot.md'), 3 * 1024 ** 3) // sparse: takes no space, and must never be read
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a folder with a name that is not UTF-8', () => {
  test('check reports it as a problem with its path and reads the rest', async () => {
    const r = await run('check', 'lib')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^lib\/themas\/caf\uFFFD\.md:1:1 {2}fout {2}Dit bestand of deze map kon niet gelezen worden \(de naam is geen geldige UTF-8/m)
    expect(r.out).toContain('2 notities gelezen')
  })

  test.each([['graph', '--library', 'lib'], ['report', 'lib'], ['cite', 'export', '--library', 'lib'], ['suggest', 'notitie.md', '--library', 'lib']])('%s says so on standard error and goes on', async (...argv) => {
    const r = await run(...argv)
    expect(r.err).toContain('lib/themas/caf\uFFFD.md  niet leesbaar: de naam is geen geldige UTF-8')
    expect(r.code).not.toBe(2)
  })

  test('privacy reports it and checks the rest', async () => {
    const r = await run('privacy', 'lib')
    expect(r.code).toBe(1)
    expect(r.err).toContain('lib/themas/caf\uFFFD.md  niet gecontroleerd: Dit bestand of deze map kon niet gelezen worden (de naam is geen geldige UTF-8')
    expect(r.out).toContain('2 notities gecontroleerd')
  })
})

describe('privacy on what is no file or folder', () => {
  test('says so for /dev/null instead of crashing', async () => {
    const r = await run('privacy', '/dev/null')
    expect(r.code).toBe(1)
    expect(r.err).toContain('/dev/null  niet gecontroleerd: niet leesbaar: geen gewoon bestand of map.')
  })
})

describe('suggest reads the case note through the core decoder', () => {
  test.each([
    ['ruis.md', 'ruis.md: Dit bestand is geen tekst (het bevat binaire gegevens)'],
    ['utf16.md', 'utf16.md: Dit bestand is UTF-16-tekst'],
    ['latin1.md', 'latin1.md: Dit bestand is geen geldige UTF-8-tekst'],
    ['groot.md', 'groot.md: Deze notitie is te groot (3072,0 MB; de grens is 2,0 MB)']
  ])('refuses %s with its own message and exit 1', async (file, message) => {
    const r = await run('suggest', file)
    expect(r.out).toBe('')
    expect(r.err).toContain(`praktijkwijzer suggest: ${message}`)
    expect(r.code).toBe(1)
  })

  test('refuses binary standard input too', async () => {
    let err = ''
    const code = await main(['suggest', '-'], { out: () => undefined, err: (t) => void (err += t), cwd: dir, stdin: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]) }, { library: join(ROOT, 'library') })
    expect(code).toBe(1)
    expect(err).toContain('praktijkwijzer suggest: standaardinvoer: Dit bestand is geen tekst')
  })
})
