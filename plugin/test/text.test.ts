import { describe, expect, test } from 'vitest'
import { addReferenceToFrontmatter, checklist, frontmatterEnd, highlight, inTextCitation, noteBody, referenceInSection, wikilink } from '../src/text'

const item = (text: string) => ({ text, line: 1, checked: null })

describe('what the insert actions write', () => {
  test('a wikilink uses the link text, and the title only when it differs', () => {
    expect(wikilink('Menger 2018')).toBe('[[Menger 2018]]')
    expect(wikilink('Menger 2018', 'Menger 2018')).toBe('[[Menger 2018]]')
    expect(wikilink('praktijken/Krachtwerk', 'Krachtwerk')).toBe('[[praktijken/Krachtwerk|Krachtwerk]]')
    expect(wikilink('Casus 5', 'Krachtgericht werken')).toBe('[[Casus 5|Krachtgericht werken]]')
  })

  test('a checklist on an empty line', () => {
    expect(checklist('[[Begrenzen]]', [item('Bespreek de huisregels.'), item('Blijf in gesprek.')], '')).toBe(
      'Wat werkt (uit [[Begrenzen]]):\n- [ ] Bespreek de huisregels.\n- [ ] Blijf in gesprek.\n'
    )
  })

  test('a checklist after text on the line starts on a new line; nested items become one line', () => {
    expect(checklist('[[P]]', [item('Een\n  - twee')], 'Afspraak:')).toBe('\nWat werkt (uit [[P]]):\n- [ ] Een - twee\n')
  })

  test('an in-text citation gets a space unless it follows a space, a bracket or the line start', () => {
    expect(inTextCitation('(Menger, 2018)', 'zoals bekend')).toBe(' (Menger, 2018)')
    expect(inTextCitation('(Menger, 2018)', 'zoals bekend ')).toBe('(Menger, 2018)')
    expect(inTextCitation('(Menger, 2018)', '')).toBe('(Menger, 2018)')
    expect(inTextCitation('(Menger, 2018)', 'zie [')).toBe('(Menger, 2018)')
  })
})

describe('the Literatuur section', () => {
  const ref = 'Menger, A. (2018). De werkalliantie. Eburon.'

  test('is added at the end, after a blank line', () => {
    expect(referenceInSection('Tekst.', ref)).toEqual({ offset: 6, text: `\n\n## Literatuur\n\n- ${ref}\n` })
    expect(referenceInSection('Tekst.\n', ref)).toEqual({ offset: 7, text: `\n## Literatuur\n\n- ${ref}\n` })
    expect(referenceInSection('', ref)).toEqual({ offset: 0, text: `## Literatuur\n\n- ${ref}\n` })
  })

  test('gets the reference after its last item, before the next heading', () => {
    const note = '# Casus\n\n## Literatuur\n\n- Eerder, B. (2010). Boek.\n\n## Afspraken\nTekst\n'
    const ins = referenceInSection(note, ref)
    expect(ins).not.toBeNull()
    const out = note.slice(0, ins?.offset) + (ins?.text ?? '') + note.slice(ins?.offset)
    expect(out).toBe(`# Casus\n\n## Literatuur\n\n- Eerder, B. (2010). Boek.\n- ${ref}\n\n## Afspraken\nTekst\n`)
  })

  test('an empty section gets a blank line under its heading', () => {
    const note = '## literatuur\n'
    const ins = referenceInSection(note, ref)
    const out = note.slice(0, ins?.offset) + (ins?.text ?? '') + note.slice(ins?.offset)
    expect(out).toBe(`## literatuur\n\n- ${ref}\n`)
  })

  test('a reference already listed is not added again', () => {
    expect(referenceInSection(`## Literatuur\n\n- ${ref}\n`, ref)).toBeNull()
  })
})

describe('the literatuur property', () => {
  test('becomes a list with the reference, once', () => {
    const fm: Record<string, unknown> = {}
    expect(addReferenceToFrontmatter(fm, 'A')).toBe(true)
    expect(addReferenceToFrontmatter(fm, 'A')).toBe(false)
    expect(fm).toEqual({ literatuur: ['A'] })
  })

  test('a single string becomes a list', () => {
    const fm: Record<string, unknown> = { literatuur: 'B', other: 1 }
    addReferenceToFrontmatter(fm, 'A')
    expect(fm).toEqual({ literatuur: ['B', 'A'], other: 1 })
  })
})

describe('reading a note', () => {
  test('the frontmatter is left out and the cursor follows', () => {
    const text = '---\nliteratuur: [x]\n---\nHij is boos.'
    expect(frontmatterEnd(text)).toBe(24)
    expect(noteBody(text, 28)).toEqual({ text: 'Hij is boos.', cursor: 4 })
    expect(noteBody(text, 3)).toEqual({ text: 'Hij is boos.', cursor: 0 })
  })

  test('---yaml frontmatter is left out, as the core reads it', () => {
    expect(noteBody('---yaml\nliteratuur: [x]\n---\nHij is boos.', 31)).toEqual({ text: 'Hij is boos.', cursor: 3 })
  })

  test('a note that opens with a ---- rule has no frontmatter', () => {
    const text = '----\nHij is boos.\n---\nDaarna rustig.'
    expect(noteBody(text, 7)).toEqual({ text, cursor: 7 })
  })

  test('no frontmatter, or an unclosed one, leaves the text as it is', () => {
    expect(noteBody('Hij is boos.', 3)).toEqual({ text: 'Hij is boos.', cursor: 3 })
    expect(frontmatterEnd('---\nnot closed')).toBe(0)
  })
})

describe('highlighting', () => {
  test('marks whole words, case-insensitively, longest first', () => {
    expect(highlight('Woedend over de huisregels', ['huisregels', 'woedend over'])).toEqual([
      { text: 'Woedend over', mark: true },
      { text: ' de ', mark: false },
      { text: 'huisregels', mark: true }
    ])
  })

  test('does not mark inside words', () => {
    expect(highlight('regels en huisregels', ['regels'])).toEqual([
      { text: 'regels', mark: true },
      { text: ' en huisregels', mark: false }
    ])
  })
})
