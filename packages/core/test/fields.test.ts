import { describe, expect, test } from 'vitest'
import { evidence, evidenceNote, signals, stringList, summary, whatWorks } from '../src/note/fields.js'
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
})
