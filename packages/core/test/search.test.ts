import { describe, expect, test } from 'vitest'
import { LibrarySearch } from '../src/engine/search.js'
import type { Excerpt } from '../src/engine/search.js'
import { Library } from '../src/library.js'
import { signals, summary, whatWorks } from '../src/note/fields.js'
import { LIBRARY, readMarkdown } from '../../../tests/lib/files.js'

const FILES: Record<string, string> = {
  'themas/Veiligheid.md': `---\ntype: thema\nbron: ["6.4"]\n---\n# Veiligheid\n\nRisico's, huisregels en sancties.\n`,
  'methodieken/Krachtwerk.md': `---\ntype: methodiek\nbron: ["2.3"]\nbewijs: bewezen effectief\naliases: ["Strengths model"]\n---\n# Krachtwerk\n\nDe cliënt kiest zelf zijn doelen. Begeleiders zoeken samen naar wat al lukt.\n`,
  'praktijken/Heldere huisregels.md': `---\ntype: praktijk\nbron: ["4.6"]\ngrondslag: uitgewerkte casus\nthema: ["[[Veiligheid]]"]\nsignalen: ["woedend over de huisregels"]\n---\n# Heldere huisregels\n\nBewoners horen bij de intake welke regels gelden. Een overtreding krijgt altijd een gesprek met de persoonlijk begeleider, nooit alleen een brief.\n\n## Wat werkt\n\n- Leg de regels uit bij de rondleiding.\n`,
  'praktijken/Vrijwilliger als maatje.md': `---\ntype: praktijk\nbron: ["5.1.9"]\ngrondslag: uitgewerkte casus\nthema: ["[[Veiligheid]]"]\n---\n# Vrijwilliger als maatje\n\nEen vrijwilliger gaat mee naar de sportschool en helpt tegen eenzaamheid.\n`,
  'Synoniemen.md': `---\ntype: synoniemen\n---\n# Synoniemen\n\n- UC: urinecontrole\n`
}

function library(files: Record<string, string> = FILES): Library {
  return new Library(Object.entries(files).map(([path, text]) => ({ path, text })))
}

/** The excerpt with its marked words in [brackets]. */
function marked(excerpt: Excerpt | undefined): string {
  if (!excerpt) return ''
  let out = ''
  let at = 0
  for (const [s, e] of excerpt.marks) {
    out += `${excerpt.text.slice(at, s)}[${excerpt.text.slice(s, e)}]`
    at = e
  }
  return out + excerpt.text.slice(at)
}

describe('library search', () => {
  test('finds a word that is only in a note body, with that sentence verbatim and the word marked', () => {
    const search = new LibrarySearch(library())
    const hits = search.find('sportschool')
    expect(hits.map((h) => h.node.title)).toEqual(['Vrijwilliger als maatje'])
    expect(hits[0]?.title).toBe(false)
    expect(hits[0]?.excerpt?.field).toBe('tekst')
    expect(marked(hits[0]?.excerpt)).toBe('Een vrijwilliger gaat mee naar de [sportschool] en helpt tegen eenzaamheid.')
  })

  test('every word typed must be in the note, through any of its forms (stems, compound parts)', () => {
    const search = new LibrarySearch(library())
    // "overtredingen" (plural) and "begeleider" are both only in one note's body.
    const hits = search.find('overtredingen begeleider')
    expect(hits.map((h) => h.node.title)).toEqual(['Heldere huisregels'])
    expect(marked(hits[0]?.excerpt)).toBe('Een [overtreding] krijgt altijd een gesprek met de persoonlijk [begeleider], nooit alleen een brief.')
    // A compound part: "regels" finds "huisregels"; the title hit comes first.
    const regels = search.find('huisregels')
    expect(regels[0]).toMatchObject({ title: true, node: { title: 'Heldere huisregels' } })
    expect(regels.map((h) => h.node.title)).toContain('Veiligheid')
    expect(marked(regels.find((h) => h.node.title === 'Veiligheid')?.excerpt)).toBe("Risico's, [huisregels] en sancties.")
  })

  test('a typo in a title or an alias still finds the note, first', () => {
    const search = new LibrarySearch(library())
    expect(search.find('krachtwrk')[0]).toMatchObject({ title: true, node: { title: 'Krachtwerk' } })
    expect(search.find('strenghts model')[0]?.node.title).toBe('Krachtwerk')
    // A title hit whose text matched too carries the excerpt.
    const hit = search.find('krachtwerk')[0]
    expect(hit?.excerpt?.field).toBe('titel')
    expect(marked(hit?.excerpt)).toBe('[Krachtwerk]')
  })

  test('a synonym of the library finds what it stands for; nothing typed or nothing found gives nothing', () => {
    const files = { ...FILES, 'praktijken/Middelen.md': `---\ntype: praktijk\nbron: ["4.6"]\ngrondslag: uitgewerkte casus\n---\n# Middelen\n\nEen urinecontrole volgt na elk vermoeden.\n` }
    const search = new LibrarySearch(library(files))
    const hits = search.find('UC')
    expect(hits.map((h) => h.node.title)).toEqual(['Middelen'])
    expect(marked(hits[0]?.excerpt)).toBe('Een [urinecontrole] volgt na elk vermoeden.')
    expect(search.find('   ')).toEqual([])
    expect(search.find('wasmachine')).toEqual([])
  })

  test('only the kinds asked for', () => {
    const search = new LibrarySearch(library(), ['praktijk'])
    expect(search.find('huisregels').map((h) => h.node.type)).toEqual(['praktijk'])
  })

  test('over the shipped library: every excerpt is a verbatim piece of its note, and every mark a matched word', () => {
    const lib = new Library(readMarkdown(LIBRARY))
    const search = new LibrarySearch(lib)
    let excerpts = 0
    for (const query of ['woedend', 'schulden deurwaarder', 'vrijwilligers', 'reclassering toezicht', 'huisregels', 'wantrouwen', 'dagbesteding werk']) {
      const hits = search.find(query)
      expect(hits.length).toBeGreaterThan(0)
      for (const hit of hits) {
        const { excerpt, node } = hit
        if (!excerpt) continue
        excerpts++
        const pieces = [node.title, ...signals(node.note), ...whatWorks(node.note).map((i) => i.text), summary(node.note) ?? '', node.note.text]
        expect(pieces.some((p) => p.includes(excerpt.text))).toBe(true)
        expect(excerpt.text.length).toBeLessThanOrEqual(200)
        expect(excerpt.marks.length).toBeGreaterThan(0)
        let last = -1
        for (const [s, e] of excerpt.marks) {
          expect(s).toBeGreaterThan(last)
          expect(excerpt.text.slice(s, e)).toMatch(/^[\p{L}\p{N}]+$/u)
          last = e
        }
      }
    }
    expect(excerpts).toBeGreaterThan(20)
  })
})
