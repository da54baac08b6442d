import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { cslToFields, detectExchangeFormat, EXCHANGE_FORMATS, literatureFields, parseReferences, toCsl, writeReferences, type CslItem, type LiteratureFields } from '../src/cite/index.js'
import { Library } from '../src/library.js'

const folder = fileURLToPath(new URL('../../../library/literatuur/', import.meta.url))
const library = new Library(readdirSync(folder).map((name) => ({ path: `literatuur/${name}`, text: readFileSync(folder + name, 'utf8') })))
const nodes = library.graph.nodes('literatuur')

function fieldsOf(item: CslItem): LiteratureFields {
  const result = cslToFields(item)
  if (!('fields' in result)) throw new Error(`incomplete: ${'missing' in result ? result.missing : result.invalid}`)
  return result.fields
}

describe('exchange formats', () => {
  test.each(EXCHANGE_FORMATS)('should give every field of the %s export of the shipped library back', (format) => {
    const text = writeReferences(nodes.map(toCsl), format)
    expect(detectExchangeFormat(text)).toBe(format)
    const back = parseReferences(text).map(fieldsOf)
    const want = nodes.map((n) => literatureFields(n.note.frontmatter))
    // BibTeX has one page-range dash (`--`): an en dash comes back as a hyphen.
    const pages = (f: LiteratureFields): LiteratureFields => (format === 'bibtex' && f.paginas ? { ...f, paginas: f.paginas.replace(/–/g, '-') } : f)
    expect(back.map(pages)).toEqual(want.map(pages))
    expect(nodes.length).toBeGreaterThan(80)
  })

  test('should keep particles in RIS, which has no field for them', () => {
    const node = library.graph.get('van der Helm et al. 2018')
    if (!node) throw new Error('missing note')
    const ris = writeReferences([toCsl(node)], 'ris')
    expect(ris).toContain('AU  - van der Helm, G. H. P.\n')
    expect(parseReferences(ris)[0]?.author?.[0]).toEqual({ family: 'Helm', 'non-dropping-particle': 'van der', given: 'G. H. P.' })
    expect(ris.split('\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true)
  })

  test('should read what Zotero writes', () => {
    const bib = `@article{sturm_2022,
  title = {Two sides of the working alliance},
  volume = {14},
  doi = {10.1177/20662203211056486},
  journal = {European Journal of Probation},
  author = {Sturm, Anouk and de Vogel, Vivienne and Huibers, Marcus J. H.},
  year = {2022},
  pages = {40--59},
}
@phdthesis{menger_2018, title = {De werkalliantie}, school = {Universiteit Utrecht}, author = {Menger, Anneke}, year = {2018}}
@mastersthesis{leurs_2022, title = {Recidiverisico}, school = {Hogeschool Utrecht}, author = {Leurs, Iris}, year = {2022}}`
    const fields = parseReferences(bib).map(fieldsOf)
    expect(fields[0]).toEqual({
      auteurs: ['Sturm, Anouk', 'de Vogel, Vivienne', 'Huibers, Marcus J. H.'],
      jaar: 2022,
      titel: 'Two sides of the working alliance',
      soort: 'artikel',
      tijdschrift: 'European Journal of Probation',
      jaargang: '14',
      paginas: '40-59',
      doi: '10.1177/20662203211056486'
    })
    expect(fields.map((f) => f.soort)).toEqual(['artikel', 'proefschrift', 'scriptie'])
    expect(fields[1]?.uitgever).toBe('Universiteit Utrecht')

    const ris = 'TY  - CHAP\r\nAU  - Ward, Tony\r\nPY  - 2010\r\nTI  - The good lives model\r\nT2  - Offender supervision\r\nA2  - McNeill, Fergus\r\nSP  - 41\r\nEP  - 64\r\nPB  - Routledge\r\nER  - \r\n'
    expect(parseReferences(ris).map(fieldsOf)).toEqual([
      { auteurs: ['Ward, Tony'], jaar: 2010, titel: 'The good lives model', soort: 'hoofdstuk', boektitel: 'Offender supervision', redacteuren: ['McNeill, Fergus'], paginas: '41-64', uitgever: 'Routledge' }
    ])

    const json = JSON.stringify([{ id: 'x', type: 'webpage', title: 'Samen beslissen', author: [{ literal: 'Mind' }], issued: { 'date-parts': [['2018']] }, URL: 'https://mindplatform.nl' }])
    expect(parseReferences(json).map(fieldsOf)).toEqual([{ auteurs: ['Mind'], jaar: 2018, titel: 'Samen beslissen', soort: 'webpagina', url: 'https://mindplatform.nl' }])
  })

  test('should say what a reference lacks for a note, and use editors or the publisher as authors', () => {
    expect(cslToFields({ id: 'a', type: 'book', issued: { 'date-parts': [[2020]] }, author: [{ family: 'A' }] })).toEqual({ missing: 'no-title' })
    expect(cslToFields({ id: 'a', type: 'book', title: 'T', author: [{ family: 'A' }] })).toEqual({ missing: 'no-year' })
    expect(cslToFields({ id: 'a', type: 'book', title: 'T', issued: { 'date-parts': [[2020]] } })).toEqual({ missing: 'no-author' })
    expect(fieldsOf({ id: 'a', type: 'book', title: 'T', issued: { literal: 'voorjaar 2020' }, editor: [{ family: 'Witte', given: 'T.' }] })).toMatchObject({ auteurs: ['Witte, T.'], jaar: 2020 })
    expect(fieldsOf({ id: 'a', type: 'report', title: 'T', issued: { 'date-parts': [[2020]] }, publisher: 'Trimbos' }).auteurs).toEqual(['Trimbos'])
  })

  test('should refuse text that is not in the format, with a Dutch message', () => {
    expect(detectExchangeFormat('gewoon wat tekst')).toBeUndefined()
    expect(() => parseReferences('gewoon wat tekst')).toThrow('Onbekend formaat')
    expect(() => parseReferences('[{"id": 1}, 3]')).toThrow('Geen geldige CSL-JSON')
    expect(() => parseReferences('{ kapot', 'csl-json')).toThrow('Geen geldige CSL-JSON')
  })

  test('should never fetch a link or DOI it reads', () => {
    const calls: unknown[] = []
    const original = globalThis.fetch
    globalThis.fetch = ((...args: unknown[]) => {
      calls.push(args)
      throw new Error('no network')
    }) as typeof fetch
    try {
      const items = parseReferences('@misc{a, title = {T}, author = {A, B.}, year = {2020}, url = {https://example.org/x}, doi = {10.1/x}}')
      expect(items[0]?.URL).toBe('https://example.org/x')
      expect(() => parseReferences('https://doi.org/10.1/x', 'bibtex')).not.toThrow()
    } finally {
      globalThis.fetch = original
    }
    expect(calls).toEqual([])
  })
})
