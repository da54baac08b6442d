import { beforeAll, describe, expect, test } from 'vitest'
import {
  apaReference as formatCsl,
  briefReference,
  Citations as CitationsClass,
  findDuplicate,
  formatName,
  guessLanguage,
  LITERATURE_KINDS,
  literatureFields,
  literatureNoteName,
  literatureNoteText,
  loadCitations,
  parseName,
  toCsl,
  type Citations,
  type LiteratureFields
} from '../src/cite/index.js'
import { MutableGraph, type GraphNode } from '../src/graph/graph.js'
import { fieldSpec } from '../src/graph/schema.js'
import { validateNote } from '../src/graph/validate.js'
import { parseNote } from '../src/note/parse.js'

let citations: Citations
beforeAll(async () => {
  citations = await loadCitations()
})
const apaReference = (node: GraphNode, options?: Parameters<Citations['reference']>[1]): string => citations.reference(node, options)
const apaInText = (node: GraphNode, options?: Parameters<Citations['inText']>[1]): string => citations.inText(node, options)
const apaBibliography = (nodes: GraphNode[]): ReturnType<Citations['bibliography']> => citations.bibliography(nodes)

/** A literatuur note with these fields, as a node of a graph. */
function literature(name: string, fields: Record<string, unknown>): GraphNode {
  const yaml = Object.entries({ type: 'literatuur', bron: ['Referenties'], ...fields })
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')
  const graph = new MutableGraph([parseNote(`---\n${yaml}\n---\n# ${name}\n`, `literatuur/${name}.md`)])
  const node = graph.byPath(`literatuur/${name}.md`)
  if (!node) throw new Error('no node')
  return node
}

describe('names', () => {
  test.each([
    ['van der Helm, G. H. P.', { family: 'Helm', 'non-dropping-particle': 'van der', given: 'G. H. P.' }],
    ["van 't Veer, J.", { family: 'Veer', 'non-dropping-particle': "van 't", given: 'J.' }],
    ['Van Meijel, B.', { family: 'Van Meijel', given: 'B.' }],
    ['Monnee-van Doornmalen, J.', { family: 'Monnee-van Doornmalen', given: 'J.' }],
    ['al Shamma, S.', { family: 'Shamma', 'non-dropping-particle': 'al', given: 'S.' }],
    ['DJI', { literal: 'DJI' }]
  ])('should read %j', (text, name) => {
    expect(parseName(text)).toEqual(name)
    expect(formatName(parseName(text))).toBe(text)
  })

  test('should write imported names with particles first', () => {
    expect(formatName({ family: 'Beethoven', 'dropping-particle': 'van', given: 'Ludwig' })).toBe('van Beethoven, Ludwig')
    expect(formatName({ family: 'Smith', given: 'J.', suffix: 'Jr.' })).toBe('Smith, J., Jr.')
    expect(formatName({ family: 'Mind' })).toBe('Mind')
  })
})

describe('fields', () => {
  test('should read numbers as text, a DOI link as a DOI and a year in text', () => {
    const fields = literatureFields({ auteurs: ['A, B.'], jaar: '2019a', titel: 'T', soort: 'artikel', jaargang: 60, doi: 'https://doi.org/10.1/X' })
    expect(fields).toEqual({ auteurs: ['A, B.'], jaar: 2019, titel: 'T', soort: 'artikel', jaargang: '60', doi: '10.1/X' })
  })

  test('should know the same kinds of publication as the schema', () => {
    const spec = fieldSpec('literatuur', 'soort')
    expect(spec?.type.kind === 'enum' ? spec.type.values : []).toEqual(LITERATURE_KINDS)
  })
})

describe('apaReference', () => {
  test('should format a journal article with volume, issue, pages and a DOI link', () => {
    const node = literature('Simpson & Penney 2011', {
      auteurs: ['Simpson, A. I.', 'Penney, S. R.'],
      jaar: 2011,
      titel: 'The recovery paradigm in forensic mental health services',
      soort: 'artikel',
      tijdschrift: 'Criminal Behaviour and Mental Health',
      jaargang: '21',
      nummer: '5',
      paginas: '299-306',
      doi: '10.1002/cbm.823'
    })
    expect(apaReference(node)).toBe(
      'Simpson, A. I., & Penney, S. R. (2011). The recovery paradigm in forensic mental health services. Criminal Behaviour and Mental Health, 21(5), 299–306. https://doi.org/10.1002/cbm.823'
    )
  })

  test('should format a book with its edition', () => {
    const node = literature('Miller & Rollnick 2013', { auteurs: ['Miller, W. R.', 'Rollnick, S.'], jaar: 2013, titel: 'Motivational interviewing', soort: 'boek', editie: '3rd ed.', uitgever: 'Guilford Press' })
    expect(apaReference(node)).toBe('Miller, W. R., & Rollnick, S. (2013). Motivational interviewing (3rd ed.). Guilford Press.')
  })

  test('should format a chapter in an edited book', () => {
    const node = literature('Spierings & van Doorn 2021', {
      auteurs: ['Spierings, F.', 'van Doorn, L.'],
      jaar: 2021,
      titel: 'Dakloosheid en armoede',
      soort: 'hoofdstuk',
      redacteuren: ['Witte, T.', 'de Boer, A.'],
      boektitel: 'Armoede en bestaansonzekerheid',
      paginas: '101-120',
      uitgever: 'Coutinho'
    })
    expect(apaReference(node)).toBe('Spierings, F., & van Doorn, L. (2021). Dakloosheid en armoede. In T. Witte & A. de Boer (Red.), Armoede en bestaansonzekerheid (pp. 101–120). Coutinho.')
  })

  test('should format a report, a dissertation, a master thesis and a web page', () => {
    const report = literature('DJI 2019', { auteurs: ['DJI'], jaar: 2019, titel: 'Prestatie-indicatoren', soort: 'rapport', uitgever: 'Dienst Justitiële Inrichtingen' })
    const phd = literature('van der Laan 2020', { auteurs: ['van der Laan, J.'], jaar: 2020, titel: 'Giving voice to homeless people', soort: 'proefschrift', uitgever: 'Radboud Universiteit' })
    const thesis = literature('Leurs 2022', { auteurs: ['Leurs, I.'], jaar: 2022, titel: 'Recidiverisico', soort: 'scriptie', uitgever: 'Hogeschool Utrecht' })
    const web = literature('Mind 2018', { auteurs: ['Mind'], jaar: 2018, titel: 'Samen beslissen', soort: 'webpagina', url: 'https://mindplatform.nl/x' })
    expect(apaReference(report)).toBe('DJI. (2019). Prestatie-indicatoren. Dienst Justitiële Inrichtingen.')
    expect(apaReference(phd)).toBe('van der Laan, J. (2020). Giving voice to homeless people [Proefschrift]. Radboud Universiteit.')
    expect(apaReference(thesis)).toBe('Leurs, I. (2022). Recidiverisico [Masterscriptie]. Hogeschool Utrecht.')
    expect(apaReference(web)).toBe('Mind. (2018). Samen beslissen. https://mindplatform.nl/x')
  })

  test('should list up to 20 authors, then the first 19, an ellipsis (…) and the last', () => {
    const authors = Array.from({ length: 21 }, (_, i) => `Author${String.fromCharCode(65 + i)}, A.`)
    const entry = apaReference(literature('Many 2020', { auteurs: authors, jaar: 2020, titel: 'T', soort: 'rapport' }))
    expect(entry).toContain('AuthorS, A., … AuthorU, A. (2020)')
    expect(entry).not.toContain('AuthorT')
  })

  test('should keep the case of Dutch journal names and give English ones title case', () => {
    const dutch = literature('Metz 2019', { auteurs: ['Metz, M. J.'], jaar: 2019, titel: 'Samen beslissen in de ggz', soort: 'artikel', tijdschrift: 'Tijdschrift voor Psychiatrie' })
    const english = literature('Leamy 2011', { auteurs: ['Leamy, M.'], jaar: 2011, titel: 'Conceptual framework for personal recovery', soort: 'artikel', tijdschrift: 'The British journal of psychiatry' })
    expect(apaReference(dutch)).toContain('Tijdschrift voor Psychiatrie.')
    expect(apaReference(english)).toContain('The British Journal of Psychiatry.')
    expect(guessLanguage('Het zit in kleine gebaren Proces')).toBe('nl')
    expect(guessLanguage('Halfway out: An examination of the effects of halfway houses')).toBe('en')
  })

  test('should give HTML with italics, escaped text and links, and markdown with *italics* and <links>', () => {
    const node = literature('Mezey & Eastman 2009', {
      auteurs: ['Mezey, G.', 'Eastman, N.'],
      jaar: 2009,
      titel: 'Choice and social inclusion',
      soort: 'artikel',
      tijdschrift: 'The Journal of Forensic Psychiatry & Psychology',
      jaargang: '20',
      doi: '10.1080/14789940903178023'
    })
    expect(apaReference(node, { format: 'html' })).toBe(
      'Mezey, G., &#38; Eastman, N. (2009). Choice and social inclusion. <i>The Journal of Forensic Psychiatry &#38; Psychology</i>, <i>20</i>. <a href="https://doi.org/10.1080/14789940903178023">https://doi.org/10.1080/14789940903178023</a>'
    )
    expect(apaReference(node, { format: 'markdown' })).toBe(
      'Mezey, G., & Eastman, N. (2009). Choice and social inclusion. *The Journal of Forensic Psychiatry & Psychology*, *20*. <https://doi.org/10.1080/14789940903178023>'
    )
  })

  test('should follow changes to a note', () => {
    const before = literature('Baart 2001', { auteurs: ['Baart, A.'], jaar: 2001, titel: 'Een theorie van presentie', soort: 'boek' })
    const after = literature('Baart 2001', { auteurs: ['Baart, A.'], jaar: 2004, titel: 'Een theorie van presentie', soort: 'boek' })
    expect(apaReference(before)).toContain('(2001)')
    expect(apaReference(after)).toContain('(2004)')
    expect(apaReference(before)).toContain('(2001)')
  })
})

describe('apaInText', () => {
  test.each([
    [['Menger, A.'], '(Menger, 2018)', 'Menger (2018)'],
    [['Simpson, A. I.', 'Penney, S. R.'], '(Simpson & Penney, 2018)', 'Simpson en Penney (2018)'],
    [['Sturm, A.', 'de Vogel, V.', 'Huibers, M. J. H.'], '(Sturm et al., 2018)', 'Sturm et al. (2018)'],
    [['de Wit, I.', 'van der Helm, P.'], '(de Wit & van der Helm, 2018)', 'de Wit en van der Helm (2018)'],
    [['DJI'], '(DJI, 2018)', 'DJI (2018)']
  ])('should cite %j as %s and %s', (auteurs, parenthetical, narrative) => {
    const node = literature('X 2018', { auteurs, jaar: 2018, titel: 'T', soort: 'rapport' })
    expect(apaInText(node)).toBe(parenthetical)
    expect(apaInText(node, { narrative: true })).toBe(narrative)
  })
})

describe('other CSL types and English', () => {
  test('should format a CSL type the library does not have as the nearest kind it has', () => {
    const base = { id: 'a', author: [{ family: 'Jansen', given: 'A.' }], issued: { 'date-parts': [[2020]] as [[number]] }, title: 'Herstel', publisher: 'Trimbos-instituut', language: 'nl' }
    // A conference paper or a speech as a report; a newspaper article as a journal article.
    expect(formatCsl({ ...base, type: 'paper-conference' }, { format: 'markdown' })).toBe('Jansen, A. (2020). *Herstel*. Trimbos-instituut.')
    expect(formatCsl({ ...base, type: 'speech' })).toBe('Jansen, A. (2020). Herstel. Trimbos-instituut.')
    expect(formatCsl({ ...base, type: 'article-newspaper', 'container-title': 'NRC', page: '4' }, { format: 'markdown' })).toBe('Jansen, A. (2020). Herstel. *NRC*, 4.')
  })

  test('should cite in English APA with locale en-US', () => {
    const english = new CitationsClass({ locale: 'en-US' })
    const node = literature('Simpson & Penney 2018', { auteurs: ['Simpson, A. I.', 'Penney, S. R.'], titel: 'T', soort: 'boek', editie: '3' })
    expect(english.inText(node, { narrative: true })).toBe('Simpson and Penney (n.d.)')
    expect(english.reference(node)).toBe('Simpson, A. I., & Penney, S. R. (n.d.). T (3rd ed.).')
    expect(citations.reference(node)).toBe('Simpson, A. I., & Penney, S. R. (z.d.). T (3de dr.).')
  })
})

describe('apaBibliography', () => {
  test('should sort on the family name, Dutch particles left out, then year', () => {
    const nodes = [
      literature('Wolf 2016', { auteurs: ['Wolf, J.'], jaar: 2016, titel: 'Krachtwerk', soort: 'boek' }),
      literature('van Doorn 2020', { auteurs: ['van Doorn, L.'], jaar: 2020, titel: 'B', soort: 'artikel' }),
      literature('van Doorn 2003', { auteurs: ['van Doorn, L.'], jaar: 2003, titel: 'A', soort: 'artikel' }),
      literature('Van Meijel 2010', { auteurs: ['Van Meijel, B.'], jaar: 2010, titel: 'C', soort: 'artikel' }),
      literature('de Ruiter 2011', { auteurs: ['de Ruiter, C.'], jaar: 2011, titel: 'D', soort: 'artikel' }),
      literature('Aubry 2015', { auteurs: ['Aubry, T.'], jaar: 2015, titel: 'E', soort: 'artikel' })
    ]
    expect(apaBibliography(nodes).map((b) => b.node.id)).toEqual(['Aubry 2015', 'van Doorn 2003', 'van Doorn 2020', 'de Ruiter 2011', 'Van Meijel 2010', 'Wolf 2016'])
    expect(apaBibliography(nodes)[1]?.entry).toMatch(/^van Doorn, L\. \(2003\)/)
  })
})

describe('toCsl', () => {
  test('should map kinds, containers, editors, genre and remarks to CSL', () => {
    const node = literature('Fluttert 2016', {
      auteurs: ['Fluttert, F. A.'],
      jaar: 2016,
      titel: 'Risicobeheersing en zelfmanagement',
      soort: 'hoofdstuk',
      redacteuren: ['Menger, A.'],
      boektitel: 'Werken in gedwongen kader',
      uitgever: 'SWP',
      opmerking: 'zonder (red.)'
    })
    expect(toCsl(node)).toEqual({
      id: 'Fluttert 2016',
      type: 'chapter',
      'citation-key': 'Fluttert2016',
      author: [{ family: 'Fluttert', given: 'F. A.' }],
      editor: [{ family: 'Menger', given: 'A.' }],
      issued: { 'date-parts': [[2016]] },
      title: 'Risicobeheersing en zelfmanagement',
      'container-title': 'Werken in gedwongen kader',
      publisher: 'SWP',
      note: 'zonder (red.)',
      language: 'nl'
    })
    expect(toCsl(literature('Menger 2018', { auteurs: ['Menger, A.'], jaar: 2018, titel: 'T', soort: 'proefschrift' }))).toMatchObject({ type: 'thesis', genre: 'Proefschrift' })
  })
})

describe('new notes', () => {
  const fields: LiteratureFields = {
    auteurs: ['van der Helm, P.', 'Stams, G. J.', 'Kuiper, C.'],
    jaar: 2018,
    titel: 'Group climate: "a test"',
    soort: 'artikel',
    tijdschrift: 'Children and Youth Services Review',
    jaargang: '93',
    doi: '10.1016/j.childyouth.2018.07.028'
  }

  test.each([
    [['Menger, A.'], 'Menger 2018'],
    [['Simpson, A. I.', 'Penney, S. R.'], 'Simpson & Penney 2018'],
    [['van der Helm, P.', 'Stams, G. J.', 'Kuiper, C.'], 'van der Helm et al. 2018'],
    [['Who? / What: Inc.'], 'Who What Inc. 2018']
  ])('should name a note for %j as %s', (auteurs, name) => {
    expect(literatureNoteName({ auteurs, jaar: 2018 })).toBe(name)
  })

  test('should write a note that the library reads back with the same fields and no errors', () => {
    const text = literatureNoteText(fields, { body: 'Geïmporteerd.' })
    const note = parseNote(text, 'literatuur/van der Helm et al. 2018.md')
    expect(literatureFields(note.frontmatter)).toEqual(fields)
    expect(note.frontmatter['bron']).toEqual(['Import'])
    expect(note.aliases).toEqual(['van der Helm et al. (2018)', 'van der Helm et al., 2018'])
    expect(validateNote(note).problems).toEqual([])
    expect(note.sections.map((s) => s.heading)).toEqual(['van der Helm et al. 2018', 'Waarvoor het rapport deze bron gebruikt'])
  })

  test('should find duplicates by DOI, by a DOI in the link, and by normalised title and year', () => {
    const existing = [
      { id: 'a', fields: { ...fields, doi: '10.1016/J.CHILDYOUTH.2018.07.028' } },
      { id: 'b', fields: { auteurs: ['X, Y.'], jaar: 2016, titel: 'What does recovery mean?', soort: 'artikel' as const, url: 'https://psycnet.apa.org/doi/10.1080/14789949.2015.1102311' } },
      { id: 'c', fields: { auteurs: ['Baart, A.'], jaar: 2001, titel: 'Een théorie van presentie', soort: 'boek' as const } }
    ]
    expect(findDuplicate({ ...fields, doi: 'https://doi.org/10.1016/j.childyouth.2018.07.028' }, existing)).toMatchObject({ match: { id: 'a' }, reason: 'doi' })
    expect(findDuplicate({ auteurs: ['Z'], jaar: 2016, titel: 'Other', soort: 'artikel', doi: '10.1080/14789949.2015.1102311' }, existing)).toMatchObject({ match: { id: 'b' }, reason: 'doi' })
    expect(findDuplicate({ auteurs: ['Baart, A.'], jaar: 2001, titel: 'Een theorie van presentie.', soort: 'boek' }, existing)).toMatchObject({ match: { id: 'c' }, reason: 'title' })
    expect(findDuplicate({ auteurs: ['Baart, A.'], jaar: 2002, titel: 'Een theorie van presentie', soort: 'boek' }, existing)).toBeUndefined()
  })
})

describe('briefReference', () => {
  test.each([
    [['Menger, A.'], 2018, 'Menger (2018). T.'],
    [['Simpson, A. I.', 'van Doorn, L.'], 2018, 'Simpson & van Doorn (2018). T.'],
    [['Sturm, A.', 'de Vogel, V.', 'Huibers, M. J. H.'], 2018, 'Sturm et al. (2018). T.'],
    [['DJI'], undefined, 'DJI (z.d.). T.']
  ])('should describe %j (%s) without the citation engine as %s', (auteurs, jaar, brief) => {
    const node = literature('X', { auteurs, ...(jaar ? { jaar } : {}), titel: 'T.', soort: 'rapport' })
    expect(briefReference(node)).toBe(brief)
  })
})
