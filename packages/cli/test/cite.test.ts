import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { Library, literatureFields, parseReferences, type LiteratureFields } from '@praktijkwijzer/core'
import { main } from '../src/main.js'
import { runCli, type Run } from './run.js'

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/cite/', import.meta.url))
const shipped = fileURLToPath(new URL('../../../library', import.meta.url))
const temps: string[] = []

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-cite-'))
  temps.push(dir)
  return dir
}

const run = (...argv: string[]): Promise<Run> => runCli(argv, { cwd: fixtures, library: `${fixtures}library` })

/** The literature of a library folder: note name → bibliographic fields. */
function fieldsIn(dir: string): Map<string, LiteratureFields> {
  const folder = join(dir, 'literatuur')
  const library = new Library(readdirSync(folder).map((name) => ({ path: `literatuur/${name}`, text: readFileSync(join(folder, name), 'utf8') })))
  return new Map(library.graph.nodes('literatuur').map((n) => [n.note.name, literatureFields(n.note.frontmatter)]))
}

describe('cite export', { timeout: 30_000 }, () => {
  test('should write the whole library as CSL-JSON in APA order by default', async () => {
    const r = await run('cite', 'export')
    expect(r.code).toBe(0)
    const items = JSON.parse(r.out) as Array<{ id: string }>
    expect(items.map((i) => i.id)).toEqual(['Baart 2001', 'van Doorn 2003', 'Fluttert et al. 2010', 'Menger 2018', 'Wolf 2016'])
  })

  test('should write BibTeX, RIS and an APA reference list', async () => {
    expect((await run('cite', 'export', '--format', 'bibtex')).out).toMatch(/^@book\{Baart2001,\n\tauthor = \{Baart, A\.\},/)
    const ris = (await run('cite', 'export', '--format', 'ris')).out
    expect(ris.match(/^TY {2}- /gm)).toHaveLength(5)
    expect(ris).toContain('AU  - van Doorn, L.')
    const apa = (await run('cite', 'export', '--format', 'apa')).out.trim().split('\n')
    expect(apa[0]).toBe('Baart, A. (2001). Een theorie van presentie. Boom Lemma Uitgevers.')
    expect(apa[1]).toMatch(/^van Doorn, L\. \(2003\)\. Niet van de straat/)
    expect(apa).toHaveLength(5)
  })

  test('should export what a library note cites, directly and through the practices and methods it links', async () => {
    const ids = async (...argv: string[]): Promise<string[]> => (JSON.parse((await run('cite', 'export', ...argv)).out) as Array<{ id: string }>).map((i) => i.id)
    expect(await ids('--for', 'Vroegsignalering')).toEqual(['Fluttert et al. 2010', 'Menger 2018'])
    expect(await ids('--for', 'praktijken/Kennismaking.md')).toEqual(['Baart 2001'])
    expect(await ids('--for', 'Werkalliantie')).toEqual([])
    expect((await run('cite', 'export', '--for', 'Werkalliantie')).err).toContain('haalt geen literatuur aan')
  })

  test('should keep each APA entry on its own line, whatever its title holds (F22)', async () => {
    const dir = temp()
    mkdirSync(join(dir, 'literatuur'))
    writeFileSync(join(dir, 'literatuur', 'Nep 2020.md'), '---\ntype: literatuur\nbron: ["1"]\nauteurs: ["Nep, N."]\njaar: 2020\ntitel: "Titel\\nnep: regel"\nsoort: boek\n---\n# Nep 2020\n')
    const r = await run('cite', 'export', '--format', 'apa', '--library', dir)
    expect(r.out.split('\n')).toEqual(['Nep, N. (2020). Titel\u2424nep: regel.', ''])
  })

  test('should export what a case note outside the library cites', async () => {
    const r = await run('cite', 'export', '--for', 'casus.md', '--format', 'apa')
    expect(r.code).toBe(0)
    // Directly Wolf 2016; through the practice Vroegsignalering its Menger 2018 (one step: not the
    // literature of the method that practice applies).
    expect(r.out.trim().split('\n').map((l) => l.slice(0, 12))).toEqual(['Menger, A. (', 'Wolf, J. (20'])
  })

  test.each([
    [['cite'], 'kies export of import'],
    [['cite', 'exporteer'], 'onbekende deelopdracht "exporteer"'],
    [['cite', 'export', '--format', 'endnote'], '--format verwacht een van: csl-json, bibtex, ris, apa'],
    [['cite', 'export', '--for', 'Bestaat niet'], 'notitie niet gevonden: Bestaat niet'],
    [['cite', 'export', '--bogus'], 'onbekende optie --bogus'],
    [['cite', 'export', 'extra'], 'onverwacht argument: extra'],
    [['cite', 'export', '--library', 'nergens'], 'map niet gevonden: nergens'],
    [['cite', 'import'], 'geef het bestand om te importeren'],
    [['cite', 'import', 'nergens.bib'], 'bestand niet gevonden of niet leesbaar'],
    [['cite', 'import', 'casus.md', '--format', 'word'], '--format verwacht een van: csl-json, bibtex, ris']
  ])('should exit 2 for %j', async (argv, message) => {
    const r = await run(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  test('should explain both subcommands with --help', async () => {
    for (const argv of [['cite', '--help'], ['cite', 'import', '--help']]) {
      const r = await run(...argv)
      expect(r.code).toBe(0)
      expect(r.out).toContain('praktijkwijzer cite export')
      expect(r.out).toContain('praktijkwijzer cite import BESTAND')
    }
  })
})

describe('cite import', { timeout: 60_000 }, () => {
  test.each(['csl-json', 'bibtex', 'ris'])('should give the same fields back after an export and an import of the shipped library as %s', async (format) => {
    const dir = temp()
    mkdirSync(join(dir, 'leeg'))
    const exported = await main(['cite', 'export', '--format', format], { out: (t) => writeFileSync(join(dir, 'export'), t, { flag: 'a' }), err: () => undefined, cwd: dir }, { library: shipped })
    expect(exported).toBe(0)
    const r = await run('cite', 'import', join(dir, 'export'), '--library', join(dir, 'leeg'))
    expect(r.code).toBe(0)
    const original = fieldsIn(shipped)
    const back = fieldsIn(join(dir, 'leeg'))
    expect([...back.keys()].sort()).toEqual([...original.keys()].sort())
    // BibTeX has one page-range dash: an en dash comes back as a hyphen.
    const dash = (f: LiteratureFields | undefined): LiteratureFields | undefined => (format === 'bibtex' && f?.paginas ? { ...f, paginas: f.paginas.replace(/–/g, '-') } : f)
    for (const [name, fields] of original) expect(dash(back.get(name)), name).toEqual(dash(fields))
    expect(r.out).toMatch(new RegExp(`^${original.size} notities aangemaakt, 0 overgeslagen omdat ze er al zijn, 0 onvolledig\\.$`, 'm'))
  })

  test('should skip duplicates by DOI and by title and year, and never overwrite a note', async () => {
    const dir = temp()
    mkdirSync(join(dir, 'literatuur'))
    const keep = '---\ntype: literatuur\nbron: ["eigen"]\nauteurs: ["Menger, A."]\njaar: 2018\ntitel: "Iets heel anders"\nsoort: boek\n---\n# Menger 2018\n'
    writeFileSync(join(dir, 'literatuur', 'Menger 2018.md'), keep)
    writeFileSync(join(dir, 'literatuur', 'Oud 2010.md'), '---\ntype: literatuur\nbron: ["eigen"]\nauteurs: ["Oud, O."]\njaar: 2010\ntitel: "T"\nsoort: artikel\ndoi: "10.1111/J.1365-2702.2009.02986.X"\n---\n# Oud 2010\n')
    const bib = `@phdthesis{m, author = {Menger, A.}, title = {De werkaliantie in het gedwongen kader}, school = {Eburon}, year = {2018}}
@article{f, author = {Fluttert, F. A.}, title = {Preventing aggressive incidents}, journal = {J}, year = {2010}, doi = {https://doi.org/10.1111/j.1365-2702.2009.02986.x}}
@book{w, author = {Wolf, J.}, title = {Krachtwerk. Methodisch werken aan participatie en zelfregie.}, year = {2016}, publisher = {Coutinho}}
@book{w2, author = {Wolf, J.}, title = {Krachtwerk: methodisch werken aan participatie en zelfregie}, year = {2016}}
@book{x, author = {Zonder, J.}, title = {Geen jaar}}`
    writeFileSync(join(dir, 'import.bib'), bib)
    const r = await run('cite', 'import', join(dir, 'import.bib'), '--library', dir)
    expect(r.code).toBe(1)
    expect(r.out.trim().split('\n')).toEqual([
      'aangemaakt    literatuur/Menger 2018a.md (Menger 2018 bestaat al)',
      'overgeslagen  Fluttert 2010: staat al in de kennisbank als literatuur/Oud 2010.md (zelfde DOI)',
      'aangemaakt    literatuur/Wolf 2016.md',
      'overgeslagen  Wolf 2016: staat eerder in import.bib (zelfde titel en jaar)',
      `onvolledig    ${join(dir, 'import.bib')}:5: bron 5 (Geen jaar): geen (bruikbaar) jaartal`,
      '2 notities aangemaakt, 2 overgeslagen omdat ze er al zijn, 1 onvolledig.'
    ])
    expect(readFileSync(join(dir, 'literatuur', 'Menger 2018.md'), 'utf8')).toBe(keep)
    expect(readFileSync(join(dir, 'literatuur', 'Menger 2018a.md'), 'utf8')).toContain('titel: "De werkaliantie in het gedwongen kader"\nsoort: "proefschrift"')
    const check = await main(['check', dir], { out: () => undefined, err: () => undefined, cwd: dir }, { library: dir })
    expect(check).toBe(0)

    // A second run finds everything it made the first time.
    const again = await run('cite', 'import', join(dir, 'import.bib'), '--library', dir)
    expect(again.out).toContain('0 notities aangemaakt, 4 overgeslagen omdat ze er al zijn, 1 onvolledig.')
  })

  test('should write nothing with --dry-run', async () => {
    const dir = temp()
    const json = JSON.stringify([{ id: 'a', type: 'report', title: 'Rapport', author: [{ literal: 'DJI' }], issued: { 'date-parts': [[2019]] } }])
    writeFileSync(join(dir, 'a.json'), json)
    const r = await run('cite', 'import', join(dir, 'a.json'), '--library', dir, '--dry-run')
    expect(r.code).toBe(0)
    expect(r.out).toBe('zou aanmaken  literatuur/DJI 2019.md\n1 notitie zou worden aangemaakt, 0 overgeslagen omdat ze er al zijn, 0 onvolledig (proef: niets geschreven).\n')
    expect(readdirSync(dir)).toEqual(['a.json'])
  })

  test('should read RIS from Zotero and say so when a file is in no known format', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'z.ris'), 'TY  - JOUR\r\nAU  - de Ruiter, Corine\r\nPY  - 2011\r\nTI  - Risicotaxatie bij relationeel geweldplegers\r\nT2  - GZ-psychologie\r\nER  - \r\n')
    const r = await run('cite', 'import', join(dir, 'z.ris'), '--library', dir)
    expect(r.out).toContain('aangemaakt    literatuur/de Ruiter 2011.md')
    const parsed = parseReferences(readFileSync(join(dir, 'z.ris'), 'utf8'))
    expect(parsed[0]?.author?.[0]).toEqual({ family: 'Ruiter', 'non-dropping-particle': 'de', given: 'Corine' })

    writeFileSync(join(dir, 'x.txt'), 'Gewoon een lijst met titels.')
    const bad = await run('cite', 'import', join(dir, 'x.txt'), '--library', dir)
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('kan het formaat van')
    const broken = await run('cite', 'import', join(dir, 'x.txt'), '--library', dir, '--format', 'csl-json')
    expect(broken.code).toBe(1)
    expect(broken.err).toContain('Geen geldige CSL-JSON')
  })
})

describe('cite import of bad files', { timeout: 60_000 }, () => {
  const book = (extra: Record<string, unknown>): Record<string, unknown> => ({ id: 'm', type: 'book', title: 'T', issued: { 'date-parts': [[2020]] }, ...extra })

  // The review's reproductions (F10): each crashed with a stack trace, some after writing notes.
  test.each<[string, unknown[], string]>([
    ['an author that is a string', [book({ author: 'Jansen' })], 'auteur (author) moet een lijst van namen zijn, zoals [{"family": "Jansen", "given": "J."}]'],
    ['a null author', [book({ author: [null] })], 'auteur 1 (author) is geen naam, zoals {"family": "Jansen", "given": "J."}'],
    ['a literal that is a number', [book({ author: [{ literal: 5 }] })], 'auteur 1 (author): literal is geen tekst'],
    ['a given name that is a number', [book({ author: [{ family: 'J', given: 7 }] })], 'auteur 1 (author): given is geen tekst'],
    ['editors as an object', [book({ editor: { family: 'X' } })], 'redacteur (editor) moet een lijst van namen zijn, zoals [{"family": "Jansen", "given": "J."}]']
  ])('should report %s as invalid, with the entry number, and import the rest', async (_, items, message) => {
    const dir = temp()
    writeFileSync(join(dir, 'a.json'), JSON.stringify([...items, book({ id: 'ok', title: 'Goed', author: [{ family: 'Goed', given: 'G.' }] })]))
    const r = await run('cite', 'import', join(dir, 'a.json'), '--library', dir)
    expect(r.code).toBe(1)
    expect(r.out.split('\n')).toEqual([
      `ongeldig      ${join(dir, 'a.json')}: bron 1 (T): ${message}. De bron is overgeslagen.`,
      'aangemaakt    literatuur/Goed 2020.md',
      '1 notitie aangemaakt, 0 overgeslagen omdat ze er al zijn, 0 onvolledig, 1 ongeldig.',
      ''
    ])
    expect(r.err).toBe('')
  })

  test('should strip control characters from names and shorten names no file system takes', async () => {
    const dir = temp()
    const items = [book({ author: [{ literal: 'Nul\u0000Byte' }] }), ...Array.from({ length: 5 }, (_, i) => book({ id: `l${i}`, title: `T${i}`, issued: { 'date-parts': [[2000 + i]] }, author: [{ literal: i === 3 ? 'B'.repeat(300) : `A${i}` }] }))]
    writeFileSync(join(dir, 'e.json'), JSON.stringify(items))
    const r = await run('cite', 'import', join(dir, 'e.json'), '--library', dir)
    expect(r.code).toBe(0)
    expect(r.out).toContain('6 notities aangemaakt, 0 overgeslagen omdat ze er al zijn, 0 onvolledig.')
    const names = readdirSync(join(dir, 'literatuur')).sort()
    expect(names).toContain('NulByte 2020.md')
    expect(names).toContain(`${'B'.repeat(59)}… 2003.md`)
    expect(names).toHaveLength(6)
    // Read back as literature, without errors.
    const check = await main(['check', dir], { out: () => undefined, err: () => undefined, cwd: dir }, { library: dir })
    expect(check).toBe(0)
  })

  test('should show control characters of a title visibly (F22)', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'c.json'), JSON.stringify([book({ title: 'Weg\u001b[2J\nnep.bib:1: ongeldig' })]))
    const r = await run('cite', 'import', join(dir, 'c.json'), '--library', dir, '--dry-run')
    expect(r.out.split('\n')[0]).toBe(`onvolledig    ${join(dir, 'c.json')}: bron 1 (Weg\u241b[2J\u2424nep.bib:1: ongeldig): geen auteur, redacteur of uitgever`)
  })

  test('should not name a note after a year only (F24)', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'p.json'), JSON.stringify([book({ author: [{ literal: '....' }] }), book({ id: 'b', author: [{ literal: '/' }], title: 'U' }), book({ id: 'c', title: 'V', author: [{ family: 'Vee' }], issued: { 'date-parts': [[1e300]] } })]))
    const r = await run('cite', 'import', join(dir, 'p.json'), '--library', dir)
    expect(r.code).toBe(1)
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      `onvolledig    ${join(dir, 'p.json')}: bron 1 (T): geen auteur, redacteur of uitgever`,
      `onvolledig    ${join(dir, 'p.json')}: bron 2 (U): geen auteur, redacteur of uitgever`,
      `onvolledig    ${join(dir, 'p.json')}: bron 3 (V): geen (bruikbaar) jaartal`
    ])
    expect(existsSync(join(dir, 'literatuur'))).toBe(false)
  })

  // F19: one bad BibTeX entry threw away the whole file as "geen bronnen gevonden".
  test('should import the good BibTeX entries around a bad one and give the bad one its line', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'onebad.bib'), '@book{ok1,\n  title = {Goed een},\n  author = {Aa, A.},\n  year = {2001}\n}\n\n@book{bad,\n  title = {Slecht,\n  author = {Bb, B.},\n  year = {2002}\n}\n\n@book{ok2,\n  title = {Goed twee},\n  author = {Cc, C.},\n  year = {2003}\n}\n\n@book{,\n  title = {Zonder sleutel}, author = {Dd, D.}, year = 2004\n}\n')
    const r = await main(['cite', 'import', 'onebad.bib', '--library', '.', '--dry-run'], { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, { library: dir })
    expect(r).toBe(1)
    expect(out.split('\n')).toEqual([
      'zou aanmaken  literatuur/Aa 2001.md',
      'ongeldig      onebad.bib:7: bron 2 (bad) houdt op voordat alles gesloten is: er ontbreekt een } of een ". De bron is overgeslagen.',
      'zou aanmaken  literatuur/Cc 2003.md',
      'ongeldig      onebad.bib:19: bron 4 heeft geen sleutel (schrijf @soort{sleutel, ...}). De bron is overgeslagen.',
      '2 notities zouden worden aangemaakt, 0 overgeslagen omdat ze er al zijn, 0 onvolledig, 2 ongeldig (proef: niets geschreven).',
      ''
    ])
    expect(err).toBe('')
  })
  let out = ''
  let err = ''
  afterEach(() => {
    out = ''
    err = ''
  })

  test('should stop writing when the folder cannot be made, and still say what happened', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'literatuur'), 'een bestand, geen map\n')
    writeFileSync(join(dir, 'twee.json'), JSON.stringify([book({ author: [{ family: 'Een' }] }), book({ id: 'b', title: 'U', author: [{ family: 'Twee' }] })]))
    const r = await run('cite', 'import', join(dir, 'twee.json'), '--library', dir)
    expect(r.code).toBe(1)
    expect(r.out).toBe('0 notities aangemaakt, 0 overgeslagen omdat ze er al zijn, 0 onvolledig, 2 niet geschreven.\n')
    expect(r.err).toMatch(/^praktijkwijzer cite import: gestopt: de map .*literatuur kan niet gemaakt worden \(.+\); 2 bronnen niet geschreven\.\n$/)
  })
})
