import { describe, expect, test } from 'vitest'
import { evidence, evidenceNote, grondslag, signals, stringList, summary, version, whatWorks } from '../src/note/fields.js'
import { parseNote } from '../src/note/parse.js'

const note = (text: string): ReturnType<typeof parseNote> => parseNote(text, 'praktijken/P.md')

describe('library note fields', () => {
  test('should read the Wat werkt points under "Wat werkt" and "Wat werkt?", in any case', () => {
    const n = note('# P\n\n## Wat werkt?\n\n- Een\n- Twee\n\n## Anders\n\n- Niet dit\n\n## WAT WERKT\n\n- Drie\n')
    expect(whatWorks(n).map((i) => i.text)).toEqual(['Een', 'Twee', 'Drie'])
    expect(whatWorks(note('# P\n\n## Wat werkt niet\n\n- Nee\n'))).toEqual([])
  })

  test('should read signalen, samenvatting, bewijs and bewijstoelichting, and nothing of the wrong shape', () => {
    const n = note('---\nsignalen: ["boos", 3, ""]\nsamenvatting: Kort.\nbewijs: veelbelovend\nbewijstoelichting: "  Twee studies.  "\n---\n')
    expect([signals(n), summary(n), evidence(n), evidenceNote(n)]).toEqual([['boos'], 'Kort.', 'veelbelovend', 'Twee studies.'])
    const odd = note('---\nsignalen: boos\nsamenvatting: [a]\nbewijs: 3\nbewijstoelichting: "  "\n---\n')
    expect([signals(odd), summary(odd), evidence(odd), evidenceNote(odd)]).toEqual([['boos'], undefined, undefined, undefined])
  })

  test('should read any value as a list of strings', () => {
    expect([stringList('a'), stringList(' '), stringList(['a', 1, null, 'b']), stringList({ a: 1 })]).toEqual([['a'], [], ['a', 'b'], []])
  })

  test('should read grondslag from the property, else from the start of the Grondslag section', () => {
    expect(grondslag(note('---\ngrondslag: uitgewerkte casus\n---\n# P\n'))).toBe('uitgewerkte casus')
    expect(grondslag(note('# P\n\n## Grondslag\nAanbeveling van de onderzoekers: zij raden dit aan (6.9).\n'))).toBe('aanbeveling van de onderzoekers')
    expect(grondslag(note('---\ngrondslag: onderbuikgevoel\n---\n# P\n'))).toBeUndefined()
    expect(grondslag(note('# P\n\n## Wat werkt\n- Iets.\n'))).toBeUndefined()
  })

  test('should read the library version as text, from a string or a number', () => {
    expect([version(note('---\nversie: " 2.1 "\n---\n')), version(note('---\nversie: 3\n---\n')), version(note('---\nversie: ""\n---\n')), version(note('# P\n'))]).toEqual(['2.1', '3', undefined, undefined])
  })
})
