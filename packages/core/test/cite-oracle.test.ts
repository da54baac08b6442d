// The core's APA 7 formatter (src/cite/apa.ts) against citeproc-js with the official CSL style, the
// engine the core used before (test/citeproc/): the same reference, in-text citation and reference
// list, in Dutch and in English, for every literatuur note of the shipped library and for generated
// items of every kind of publication the library knows.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { apaInText, apaReference, apaReferences, type CitationLocale } from '../src/cite/apa.js'
import { fieldsToCsl, toCsl, type CslItem } from '../src/cite/csl.js'
import { LITERATURE_KINDS, type LiteratureFields } from '../src/cite/fields.js'
import { Library } from '../src/library.js'
import { citeprocEngine, type CiteprocEngine } from './citeproc/engine.js'

const LOCALES: CitationLocale[] = ['nl-NL', 'en-US']
const root = fileURLToPath(new URL('../../../', import.meta.url))
const folder = `${root}library/literatuur/`
const library = new Library(readdirSync(folder).map((name) => ({ path: `literatuur/${name}`, text: readFileSync(folder + name, 'utf8') })))
const notes = library.graph.nodes('literatuur').map(toCsl)

// citeproc compiles the style when its engine starts: seconds on a busy machine.
const oracle = {} as Record<CitationLocale, CiteprocEngine>
beforeAll(() => {
  for (const locale of LOCALES) oracle[locale] = citeprocEngine(locale)
}, 120_000)

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Where citeproc's style departs from APA 7, what APA 7 asks instead; the formatter follows APA 7.
 *
 * - Two names in the author position, one a person and one an organisation: APA 7 puts a comma after
 *   the initials, also before the "&" of two names (`Jansen, A., & DJI`), and so none after an
 *   organisation (`DJI & Jansen, A.`). citeproc decides on the last name instead: `Jansen, A. & DJI`,
 *   `DJI, & Jansen, A.`.
 * - A narrative citation of a work without author whose title APA 7 puts in quotation marks (an
 *   article, a chapter): the quotation marks stay, as in the parenthetical citation (APA 7, 8.14);
 *   citeproc drops them in running text.
 */
function apa7(item: CslItem, entry: string): string {
  const names = item.author?.length ? item.author : (item.editor ?? [])
  const [first, second] = names
  if (names.length !== 2 || !first || !second || Boolean(first.literal) === Boolean(second.literal)) return entry
  if (first.literal) return entry.replace(new RegExp(`^${escape(first.literal)}, (&|&#38;) `), `${first.literal} $1 `)
  return entry.replace(new RegExp(` (&|&#38;) ${escape(second.literal ?? '')}(?=\\.? \\()`), `, $1 ${second.literal ?? ''}`)
}

function apa7Narrative(parenthetical: string, narrative: string): string {
  const quoted = /^\(“(.*)(?:”, |,” )([^,]*)\)$/.exec(parenthetical)
  return quoted && narrative === `${quoted[1]} (${quoted[2]})` ? `“${quoted[1]}” (${quoted[2]})` : narrative
}

/** Everything the formatter gives for one item, and what citeproc gives. */
function both(item: CslItem, locale: CitationLocale): { ours: string[]; theirs: string[] } {
  const engine = oracle[locale]
  return {
    ours: [apaReference(item, { locale }), apaReference(item, { locale, format: 'markdown' }), apaReference(item, { locale, format: 'html' }), apaInText(item, { locale }), apaInText(item, { locale, narrative: true })],
    theirs: [apa7(item, engine.reference(item)), apa7(item, engine.reference(item, { format: 'markdown' })), apa7(item, engine.reference(item, { format: 'html' })), engine.inText(item), apa7Narrative(engine.inText(item), engine.inText(item, { narrative: true }))]
  }
}

const list = (entries: Array<{ id: string; entry: string }>): string => entries.map((e) => `${e.id}: ${e.entry}`).join('\n')

describe.each(LOCALES)('the library, %s', (locale) => {
  test('should have literatuur notes of every kind', () => {
    expect(new Set(notes.map((n) => n.type))).toEqual(new Set(['article-journal', 'book', 'chapter', 'report', 'thesis', 'webpage']))
  })

  test.each(notes.map((item) => [String(item.id), item] as const))('should format %s as citeproc does', (_, item) => {
    const { ours, theirs } = both(item, locale)
    expect(ours.join('\n')).toBe(theirs.join('\n'))
  })

  test('should give the reference list of the whole library as citeproc does', () => {
    for (const format of ['text', 'markdown'] as const) expect(list(apaReferences(notes, { locale, format }))).toBe(list(oracle[locale].references(notes, { format })))
  })
})

// Generated notes: names with particles and initials of every shape, organisations, no author, no
// year, editors, editions as a number or as text, page ranges (abbreviated too), DOIs and links,
// Dutch and English titles and journals.
const given = fc.constantFrom('A.', 'A. B.', 'G.H.P.', 'J.-P.', 'Jean-Pierre', 'Anna', 'Anna Maria', 'Th.', 'J', 'C. H. Z.', '')
const family = fc.constantFrom('Jansen', 'Helm', 'Doorn', 'Smith', 'Vogel', 'Wit', 'Müller', 'Monnee-van Doornmalen', 'Van Meijel', 'Ørsted')
const particle = fc.constantFrom('', '', 'van', 'van der', 'de', 'den', "van 't", 'ter')
const person = fc.tuple(particle, family, given).map(([p, f, g]) => `${p ? `${p} ` : ''}${f}, ${g}`.replace(/, $/, ','))
const organisation = fc.constantFrom('DJI', 'Mind', 'Trimbos-instituut', 'Valente', 'Ministerie van VWS', 'World Health Organization')
const name = fc.oneof({ arbitrary: person, weight: 4 }, { arbitrary: organisation, weight: 1 })
const authors = fc.oneof({ arbitrary: fc.array(name, { minLength: 1, maxLength: 4 }), weight: 8 }, { arbitrary: fc.array(name, { minLength: 20, maxLength: 22 }), weight: 1 }, { arbitrary: fc.constant<string[]>([]), weight: 1 })
const title = fc.constantFrom(
  'Herstel in de forensische zorg',
  'The recovery paradigm in forensic mental health services',
  'Why do they stay?',
  'Werken in gedwongen kader: een handboek',
  'state-of-the-art and the way out of it',
  'Group climate.',
  'Wonen met een forensische titel!',
  'A theory of presence'
)
const journal = fc.constantFrom('Tijdschrift voor Psychiatrie', 'The British journal of psychiatry', 'Criminal Behaviour and Mental Health', 'journal of forensic psychology & psychiatry', 'Aggression and violent behavior', 'Maandblad Geestelijke volksgezondheid')
const book = fc.constantFrom('Armoede en bestaansonzekerheid', 'Handbook of violence risk assessment', 'How to house the homeless')
const publisher = fc.constantFrom('Coutinho', 'Boom', 'Guilford Press', 'Radboud Universiteit', 'Hogeschool Utrecht', 'Trimbos-instituut', 'Acme Inc.')
const edition = fc.constantFrom('3', '2', '1', '8', '11', '21', '22', '2e', '2e ed.', '3rd ed.', 'derde herziene druk')
const page = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 0, max: 99 }), fc.boolean()).map(([from, span, short]) => {
    const to = String(from + span)
    return `${from}-${short && to.length > 1 && to.length === String(from).length ? to.slice(1) : to}`
  }),
  fc.constantFrom('e12345', '1-11')
)
const doi = fc.constantFrom('10.1002/cbm.823', '10.1080/14789940903178023')
const url = fc.constantFrom('https://www.trimbos.nl/x', 'https://mindplatform.nl/samen-beslissen')

/** The optional fields a note of each kind may have. */
const OPTIONAL: Record<LiteratureFields['soort'], Array<keyof LiteratureFields>> = {
  artikel: ['tijdschrift', 'jaargang', 'nummer', 'paginas', 'doi', 'url'],
  boek: ['redacteuren', 'uitgever', 'editie', 'doi', 'url'],
  hoofdstuk: ['redacteuren', 'boektitel', 'paginas', 'uitgever', 'editie', 'doi', 'url'],
  rapport: ['redacteuren', 'uitgever', 'editie', 'doi', 'url'],
  proefschrift: ['uitgever', 'doi', 'url'],
  scriptie: ['uitgever', 'doi', 'url'],
  webpagina: ['uitgever', 'url']
}

const fields: fc.Arbitrary<LiteratureFields> = fc.constantFrom(...LITERATURE_KINDS).chain((soort) =>
  fc
    .record(
      {
        auteurs: authors,
        jaar: fc.integer({ min: 1950, max: 2030 }),
        titel: title,
        tijdschrift: journal,
        jaargang: fc.integer({ min: 1, max: 120 }).map(String),
        nummer: fc.integer({ min: 1, max: 12 }).map(String),
        paginas: page,
        redacteuren: fc.array(person, { minLength: 1, maxLength: 3 }),
        boektitel: book,
        uitgever: publisher,
        editie: edition,
        doi,
        url
      },
      { requiredKeys: ['auteurs', 'titel'] }
    )
    .map((record) => {
      const out: LiteratureFields = { auteurs: record.auteurs, titel: record.titel, soort }
      if (record.jaar !== undefined) out.jaar = record.jaar
      for (const key of OPTIONAL[soort]) {
        const value = record[key as keyof typeof record]
        if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value
      }
      return out
    })
)

const RUNS = Number(process.env['CITE_RUNS'] ?? 300)
const RUN_TIMEOUT = 600 * RUNS

describe.each(LOCALES)('generated notes, %s', (locale) => {
  // citeproc is slow: 300 notes take seconds, more on a busy machine (CITE_RUNS=3000 for a long run).
  test('should be formatted as citeproc does: reference, in-text citation', { timeout: RUN_TIMEOUT }, () => {
    fc.assert(
      fc.property(fields, (f) => {
        const { ours, theirs } = both(fieldsToCsl(f, 'x'), locale)
        expect(ours.join('\n')).toBe(theirs.join('\n'))
      }),
      { numRuns: RUNS }
    )
  })

  test('should give reference lists as citeproc does: order, and a/b for the same authors and year', { timeout: RUN_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.array(fields, { minLength: 2, maxLength: 6 }), fc.boolean(), (generated, twins) => {
        // Half of the lists have a second entry by the same authors in the same year.
        const all = twins && generated[0] ? [...generated, { ...generated[0], titel: `${generated[0].titel} Deel 2` }] : generated
        const items = all.map((f, i) => fieldsToCsl(f, `item-${i}`))
        const byId = new Map(items.map((i) => [String(i.id), i]))
        const theirs = oracle[locale].references(items).map((e) => ({ ...e, entry: apa7(byId.get(e.id) ?? { id: '', type: 'book' }, e.entry) }))
        expect(list(apaReferences(items, { locale }))).toBe(list(theirs))
      }),
      { numRuns: Math.ceil(RUNS / 3) }
    )
  })
})
