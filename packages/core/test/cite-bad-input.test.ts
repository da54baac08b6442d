// Reference files as they come from elsewhere: malformed CSL-JSON, one bad BibTeX or RIS entry among
// good ones, names that cannot be file names (F10, F19, F24), and duplicate detection by index (F14).
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { cslToFields, DuplicateIndex, findDuplicate, literatureNoteName, parseReferences, readReferences, type CslItem, type LiteratureFields } from '../src/cite/index.js'

const book = (extra: Record<string, unknown>): CslItem => ({ id: 'm', type: 'book', title: 'T', issued: { 'date-parts': [[2020]] }, author: [{ family: 'Jansen', given: 'J.' }], ...extra }) as CslItem

describe('malformed CSL-JSON items', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['an author that is a string', { author: 'Jansen' }, 'auteur'],
    ['a null in the author list', { author: [null] }, 'auteur'],
    ['a literal name that is a number', { author: [{ literal: 5 }] }, 'auteur'],
    ['a given name that is a number', { author: [{ family: 'J', given: 7 }] }, 'auteur'],
    ['editors as an object', { author: undefined, editor: { family: 'X' } }, 'redacteur'],
    ['a title that is an object', { title: { nl: 'T' } }, 'titel'],
    ['issued as a string', { issued: '2020' }, 'jaar']
  ])('should say which field is wrong for %s, and not throw', (_, extra, field) => {
    const result = cslToFields(book(extra))
    expect(result).toEqual({ invalid: expect.stringContaining(field) })
  })

  test('should never throw, whatever the item holds', () => {
    fc.assert(
      // Random values for the fields, on an item that is otherwise complete, so that every field is read.
      fc.property(fc.dictionary(fc.constantFrom('title', 'author', 'editor', 'issued', 'publisher', 'type', 'genre', 'DOI', 'URL', 'container-title', 'volume', 'note'), fc.anything(), { maxKeys: 3 }), (extra) => {
        const result = cslToFields(book(extra))
        expect('fields' in result || 'missing' in result || 'invalid' in result).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  test('should strip control characters from names and text, and refuse a year that is no year', () => {
    const result = cslToFields(book({ title: 'Ti\u0000tel\u001b[2J', author: [{ literal: 'Nul\u0000Byte' }] }))
    expect(result).toMatchObject({ fields: { auteurs: ['NulByte'], titel: 'Titel[2J' } })
    expect(cslToFields(book({ issued: { 'date-parts': [[1e300]] } }))).toEqual({ missing: 'no-year' })
    expect(cslToFields(book({ issued: { 'date-parts': [[-5]] } }))).toEqual({ missing: 'no-year' })
  })

  test('should not take punctuation for an author', () => {
    expect(cslToFields(book({ author: [{ literal: '....' }, { literal: '/' }] }))).toEqual({ missing: 'no-author' })
    expect(cslToFields(book({ author: [{ literal: '....' }, { family: 'Jansen' }] }))).toMatchObject({ fields: { auteurs: ['Jansen'] } })
  })

  test('should number each entry and report what is not an object', () => {
    const read = readReferences(JSON.stringify([book({}), 3, null, book({ id: 'b' })]), 'csl-json')
    expect(read.entries.map((e) => e.number)).toEqual([1, 4])
    expect(read.problems).toEqual([
      { number: 2, message: expect.stringContaining('geen object') },
      { number: 3, message: expect.stringContaining('geen object') }
    ])
    expect(() => parseReferences('[{"id": 1}, 3]')).toThrow('Geen geldige CSL-JSON')
  })
})

describe('one bad entry among good ones', () => {
  const onebad = '@book{ok1,\n  title = {Goed een},\n  author = {Aa, A.},\n  year = {2001}\n}\n\n@book{bad,\n  title = {Slecht,\n  author = {Bb, B.},\n  year = {2002}\n}\n\n@book{ok2,\n  title = {Goed twee},\n  author = {Cc, C.},\n  year = {2003}\n}\n'

  test('should read the good BibTeX entries and give the bad one its line, in Dutch', () => {
    const read = readReferences(onebad, 'bibtex')
    expect(read.entries.map((e) => [e.number, e.line, e.item.title])).toEqual([
      [1, 1, 'Goed een'],
      [3, 13, 'Goed twee']
    ])
    expect(read.problems).toEqual([{ number: 2, line: 7, key: 'bad', message: expect.stringMatching(/^houdt op .*\}.*overgeslagen/) }])
    expect(() => parseReferences(onebad, 'bibtex')).toThrow(/regel 7/)
  })

  test('should report an entry without a key, and an error inside an entry at its own line', () => {
    const read = readReferences('@book{,\n  title = {X}, year = 2000}\n\n@book{a,\n  title = {Y},\n  year = 2000 2001,\n}\n@book{b, title = {Z}, year = 2002}\n', 'bibtex')
    expect(read.entries.map((e) => e.item.title)).toEqual(['Z'])
    expect(read.problems.map((p) => [p.number, p.line])).toEqual([
      [1, 1],
      [2, 4]
    ])
    expect(read.problems[0]?.message).toContain('sleutel')
    expect(read.problems[1]?.message).toContain('regel 6')
  })

  test('should keep @string abbreviations for the entries after them, also around a bad entry', () => {
    const bib = '@string{jfp = {Journal of Forensic Practice}}\n@article{a, title = {A}, journal = jfp, year = 2001}\n@article{b, title = {B, year = 2002}\n@article{c, title = {C}, journal = jfp # { 2}, year = 2003}\n'
    const read = readReferences(bib, 'bibtex')
    expect(read.entries.map((e) => [e.number, e.line, e.item['container-title']])).toEqual([
      [1, 2, 'Journal of Forensic Practice'],
      [3, 4, 'Journal of Forensic Practice 2']
    ])
    expect(read.problems.map((p) => [p.number, p.line])).toEqual([[2, 3]])
  })

  test('should give the same entries as one parse of the whole file when nothing is wrong', () => {
    const bib = Array.from({ length: 250 }, (_, i) => `@book{k${i},\n  title = {Titel ${i}},\n  author = {Jansen, J.},\n  year = {${2000 + (i % 20)}}\n}\n`).join('\n')
    const read = readReferences(bib, 'bibtex')
    expect(read.problems).toEqual([])
    expect(read.entries.map((e) => e.item.title)).toEqual(Array.from({ length: 250 }, (_, i) => `Titel ${i}`))
    expect(read.entries.map((e) => e.line)).toEqual(Array.from({ length: 250 }, (_, i) => 1 + i * 6))
  })

  test('should read the good RIS records and report a record without TY at its line', () => {
    const ris = 'TY  - BOOK\nAU  - Aa, A.\nPY  - 2001\nTI  - Een\nER  - \n\nAU  - Bb, B.\nPY  - 2002\nTI  - Twee\nER  - \nTY  - BOOK\nAU  - Cc, C.\nPY  - 2003\nTI  - Drie\nER  - \n'
    const read = readReferences(ris, 'ris')
    expect(read.entries.map((e) => [e.number, e.line, e.item.title])).toEqual([
      [1, 1, 'Een'],
      [3, 11, 'Drie']
    ])
    expect(read.problems).toEqual([{ number: 2, line: 7, message: expect.stringContaining('TY  - ') }])
  })
})

describe('note names', () => {
  test('should shorten a long name to a safe length for any file system, at a word', () => {
    const name = literatureNoteName({ auteurs: ['Stichting voor het onderzoek naar de begeleiding van cliënten met een forensische titel in de maatschappelijke opvang'], jaar: 2020 })
    expect(name.length).toBeLessThanOrEqual(70)
    expect(name).toMatch(/^Stichting voor het onderzoek .*… 2020$/)
    const long = literatureNoteName({ auteurs: ['B'.repeat(300)], jaar: 2003 })
    expect(new TextEncoder().encode(long).length).toBeLessThan(200)
    const emoji = literatureNoteName({ auteurs: ['😀'.repeat(300)], jaar: 2003 })
    expect(new TextEncoder().encode(`${emoji}a (nieuwe versie).md`).length).toBeLessThan(255)
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })

  test('should never be only a year, and never hold control characters', () => {
    expect(literatureNoteName({ auteurs: ['....', '/'], jaar: 2022 })).toBe('Zonder auteur 2022')
    expect(literatureNoteName({ auteurs: ['Nul\u0000Byte\u001b[2J\u202e'], jaar: 2022 })).toBe('NulByte2J 2022')
  })
})

describe('duplicates through an index', () => {
  const fields = (titel: string, jaar: number, doi?: string): LiteratureFields => ({ auteurs: ['A'], jaar, titel, soort: 'boek', ...(doi ? { doi } : {}) })

  test('should find the same as a search through every known reference', () => {
    const ref = fc.record({ titel: fc.constantFrom('Een', 'een.', 'Twee', 'Drie: vier', 'drie vier'), jaar: fc.constantFrom(2001, 2002), doi: fc.option(fc.constantFrom('10.1/a', '10.1/A', '10.2/b'), { nil: undefined }) })
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 12 }), ref, (known, probe) => {
        const existing = known.map((k, i) => ({ i, fields: fields(k.titel, k.jaar, k.doi) }))
        const index = new DuplicateIndex<{ i: number; fields: LiteratureFields }>()
        for (const e of existing) index.add(e)
        const wanted = fields(probe.titel, probe.jaar, probe.doi)
        expect(index.find(wanted)).toEqual(findDuplicate(wanted, existing))
      }),
      { numRuns: 300 }
    )
  })
})
