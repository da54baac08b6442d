// The report's own reference list, reproduced from the literatuur notes of the shipped library.
//
// `tests/fixtures/cite/referenties.tsv` holds every entry as the report prints it (markdown: `*italic*`,
// `<link>`), with the note it belongs to. Each note, formatted as APA 7, must give that entry back, except
// where the report itself departs from APA 7: those departures are listed below, each with the reason,
// and applied to the printed entry before comparing. Nothing else is allowed to differ.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'
import { loadCitations, type Citations } from '../src/cite/index.js'
import { Library } from '../src/library.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const folder = `${root}library/literatuur/`
const library = new Library(readdirSync(folder).map((name) => ({ path: `literatuur/${name}`, text: readFileSync(folder + name, 'utf8') })))
let citations: Citations
beforeAll(async () => {
  citations = await loadCitations()
})
const printed = readFileSync(`${root}tests/fixtures/cite/referenties.tsv`, 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [note = '', entry = ''] = line.split('\t')
    return { note, entry }
  })

/** Departures of the whole list, each a rewrite of the printed entry into what APA 7 asks. */
const GENERAL: Array<{ why: string; rewrite: (entry: string) => string }> = [
  {
    why: 'APA 7 puts a comma before the "&" of the last author (the report leaves it out in 12 entries)',
    rewrite: (e) => e.replace(/^(.*?)(?= \(\d{4}\))/, (authors) => authors.replace(/\. & /, '., & '))
  },
  {
    why: 'APA 7 sets page ranges with an en dash; the report mostly uses a hyphen',
    rewrite: (e) => e.split(/(<[^>]+>)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/(\d)-(\d)/g, '$1–$2'))).join('')
  },
  {
    why: 'APA 7 italicises the volume number after the journal name; the report often leaves it upright',
    rewrite: (e) => e.replace(/\*, (\d+)(?=[(,])/, '*, *$1*')
  },
  {
    why: 'APA 7 keeps the issue number upright; the report sometimes italicises it with the volume, "*21(5)*"',
    rewrite: (e) => e.replace(/(\d+)\((\d+)\)\*/, '$1*($2)')
  },
  {
    why: 'APA 7 puts the edition after the italic title, "*Title* (5th ed.)"; the report puts it inside the italics',
    rewrite: (e) => e.replace(/ \(([^()]*(?:ed\.|druk))\)\*/, '* ($1)')
  }
]

/** Departures of single entries: [printed, APA 7, why]. */
const SINGLE: Record<string, Array<[string, string, string]>> = {
  'Barnao et al. 2010': [['Population, *', 'Population. *', 'a period, not a comma, ends the article title']],
  'Bouman et al. 2018': [['(2018) *', '(2018). *', 'a period follows the year']],
  'Clarke et al. 2016': [['literature, *', 'literature. *', 'a period, not a comma, ends the article title']],
  'DJI 2019': [
    ['DJI (2019)', 'DJI. (2019)', 'a period follows a group author'],
    [' Eindrapportage Verslagjaar 2019.', '', 'an upright phrase after the title has no place in APA 7 (the note keeps it in `opmerking`)']
  ],
  'DJI 2021': [['DJI (2021)', 'DJI. (2021)', 'a period follows a group author']],
  'Fluttert 2016': [['In: Menger, A., Krechtig, L. & Bosker, J. *', 'In A. Menger, L. Krechtig, & J. Bosker (Red.), *', 'editors of a chapter: "In", initials first, "(Red.)"']],
  'Fluttert et al. 2010': [["the 'Early Recognition Method'.", 'the "Early Recognition Method".', 'double quotation marks (Dutch keeps the period after them)']],
  'Jarrett et al. 2012': [['illness: *', 'illness. *', 'a period, not a colon, ends the article title']],
  'Joosten et al. 2008': [['*Patient preference and adherence*', '*Patient Preference and Adherence*', 'journal names in title case']],
  'van der Laan 2020': [['[Doctoral dissertation]', '[Proefschrift]', 'Dutch APA labels a dissertation "[Proefschrift]"']],
  'Leamy et al. 2011': [['*The British journal of psychiatry*', '*The British Journal of Psychiatry*', 'journal names in title case']],
  'Leurs 2022': [
    ['(2022). "Het', '(2022). *"Het', 'the title of a thesis is italic'],
    ['HVO-Querido [Masterscriptie]', 'HVO-Querido* [Masterscriptie]', 'the italic title ends before the description in brackets']
  ],
  'Mallion et al. 2020': [
    ["'Good Lives'", '"Good Lives"', 'double quotation marks'],
    ['*Aggression and violent behavior*', '*Aggression and Violent Behavior*', 'journal names in title case']
  ],
  'Masseus 2022': [
    ['(2022). "Het', '(2022). *"Het', 'the title of a thesis is italic'],
    ['begeleidingssetting [Masterscriptie]', 'begeleidingssetting* [Masterscriptie]', 'the italic title ends before the description in brackets']
  ],
  'McNeill et al. 2012': [['Lightowler, C., and Maruna', 'Lightowler, C., & Maruna', '"&" before the last author']],
  'Menger 2018': [['*. [Doctoral dissertation]', '* [Proefschrift]', 'no period between the title and its description in brackets; Dutch APA labels a dissertation "[Proefschrift]"']],
  'Nijdam-Jones et al. 2015': [["'recovery'", '"recovery"', 'double quotation marks']],
  'Schaftenaar 2018': [['[Dissertatie]', '[Proefschrift]', 'Dutch APA labels a dissertation "[Proefschrift]"']],
  'Spierings & van Doorn 2021': [
    ['Spierings, F. & L., van Doorn (2021)', 'Spierings, F., & van Doorn, L. (2021)', 'the second author inverted like the first'],
    ['In: Witte T. (red). *', 'In T. Witte (Red.), *', 'the editor of a chapter: "In", initials first, "(Red.),"']
  ],
  'Simpson & Penney 2018': [['directions, *', 'directions. *', 'a period, not a comma, ends the article title']],
  'Sturm et al. 2021': [['Psychology, 1-11*', 'Psychology*, 1-11', 'page numbers are not italic']],
  'Swildens et al. 2011': [['approach, *', 'approach. *', 'a period, not a comma, ends the article title']],
  'Tsemberis 2010': [['costs. *How to house the homeless, 37-56*.', 'costs. In *How to house the homeless* (pp. 37-56).', 'a chapter: "In" the book, pages as "(pp. ...)"']],
  'de Vries Robbé et al. 2020': [['*Handbook of violence risk assessment*, 410-437.', 'In *Handbook of violence risk assessment* (pp. 410-437).', 'a chapter: "In" the book, pages as "(pp. ...)"']],
  'Valente 2019': [['(2019). Factsheet rapportage basisset kwantitatieve gegevens - 2019.', '(2019). *Factsheet rapportage basisset kwantitatieve gegevens - 2019*.', 'the title of a report is italic']],
  'Valente 2022': [['(2022). Rapportage Staat van de Nachtopvang.', '(2022). *Rapportage Staat van de Nachtopvang*.', 'the title of a report is italic']],
  'van Weeghel et al. 2015': [
    ['van Weeghel, J., van, Pijnenborg', 'van Weeghel, J., Pijnenborg', 'a stray "van," between two authors'],
    ['(2015). Handboek destigmatisering bij psychische aandoeningen – principes, perspectieven en praktijken.', '(2015). *Handboek destigmatisering bij psychische aandoeningen – principes, perspectieven en praktijken*.', 'the title of a book is italic']
  ],
  'Ward 2010': [['In: *', 'In *', '"In", without a colon']],
  'Wewerinke et al. 2014': [['Nijmegen: Impuls', 'Impuls', 'APA 7 leaves out the place of publication']],
  'Wilkens & den Hollander 2019': [['Wilkens, J. P., den Hollander', 'Wilkens, J. P., & den Hollander', '"&" before the last author']],
  'Wolf & Jonker 2021': [[' Databank Effectieve sociale interventies en Databank effectieve interventies huiselijk en seksueel geweld.', '', 'an upright phrase between title and publisher has no place in APA 7 (the note keeps it in `opmerking`)']],
  'Wong et al. 2019': [['*International journal of offender therapy and comparative criminology*', '*International Journal of Offender Therapy and Comparative Criminology*', 'journal names in title case']],
  'de Wit et al. 2019': [['de Wit, M, Buster, M., & Oosterveer, T.,', 'de Wit, M., Buster, M., Oosterveer, T.,', 'a period after the initial; "&" only before the last author']]
}

/**
 * Typography APA 7 leaves open: curly or straight quotes, and whether a comma or space between two italic
 * words is itself italic (`*Journal, 60*` and `*Journal*, *60*` look the same).
 */
function typography(markdown: string): string {
  const chars: Array<{ c: string; italic: boolean }> = []
  let italic = false
  for (const part of markdown.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').split(/(<[^>]+>)/)) {
    if (part.startsWith('<')) {
      for (const c of part) chars.push({ c, italic })
      continue
    }
    for (const c of part) {
      if (c === '*') italic = !italic
      else chars.push({ c, italic })
    }
  }
  const neutral = (c: string): boolean => c === ',' || c === ' '
  const flag = (i: number, step: number): boolean => {
    for (let j = i; j >= 0 && j < chars.length; j += step) if (!neutral(chars[j]?.c ?? '')) return chars[j]?.italic ?? false
    return false
  }
  let out = ''
  let open = false
  chars.forEach(({ c, italic: it }, i) => {
    const want = neutral(c) ? flag(i - 1, -1) && flag(i + 1, 1) : it
    if (want !== open) {
      out += '*'
      open = want
    }
    out += c
  })
  return open ? `${out}*` : out
}

function expected(note: string, entry: string): string {
  let e = entry
  for (const [from, to] of SINGLE[note] ?? []) {
    expect(e, `${note}: departure "${from}" is not in the printed entry`).toContain(from)
    e = e.replace(from, to)
  }
  for (const { rewrite } of GENERAL) e = rewrite(e)
  return typography(e)
}

describe('the report reference list, from the notes', () => {
  test('should have one printed entry for every literatuur note but the report itself', () => {
    const notes = library.graph.nodes('literatuur').map((n) => n.id)
    expect(printed.map((p) => p.note).sort()).toEqual(notes.filter((n) => n !== 'Robbers et al. 2022').sort())
  })

  test.each(printed)('should reproduce $note', ({ note, entry }) => {
    const node = library.graph.get(note)
    expect(node, note).toBeDefined()
    if (!node) return
    expect(typography(citations.reference(node, { format: 'markdown' }))).toBe(expected(note, entry))
  })

  test('should reproduce at least 20 entries with no departure of their own', () => {
    const formatted = printed.map(({ note, entry }) => {
      const node = library.graph.get(note)
      return { note, entry, got: node ? typography(citations.reference(node, { format: 'markdown' })) : '' }
    })
    const general = formatted.filter(({ note }) => SINGLE[note] === undefined)
    const letterForLetter = general.filter(({ entry, got }) => got === typography(entry))
    expect(general.length).toBeGreaterThanOrEqual(20)
    expect(general.every(({ note, entry, got }) => got === expected(note, entry))).toBe(true)
    // Entries the report prints exactly as APA 7 asks (typography aside) come out exactly as printed.
    expect(letterForLetter.length).toBeGreaterThan(0)
  })
})
