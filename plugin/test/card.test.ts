// The card's "why" line comes from the engine's best passage (or, when a suggestion has none, from its
// matches); its level is the engine's `level`, never worked out again from the score.
import type { Suggestion } from '@praktijkwijzer/core'
import { describe, expect, test } from 'vitest'
import { cardSignature, renderCard, whyLine } from '../src/card'
import type { PanelSuggestion } from '../src/card'

const base: Suggestion = {
  id: 'p',
  type: 'praktijk',
  title: 'Begrenzen',
  path: 'praktijken/Begrenzen.md',
  score: 0.62,
  level: 'sterk',
  passages: [],
  why: ['signaal "woedend over de huisregels"'],
  weak: false,
  matches: [
    { words: ['woedend', 'huisregels'], term: 'woedend over de huisregels', field: 'signalen', kind: 'phrase' },
    { words: ['boos'], term: 'boos', field: 'body', kind: 'word' }
  ],
  via: []
}

const text = (s: PanelSuggestion): string => {
  const line = whyLine(s)
  return line ? `${line.lead}${line.marked.map((m) => (line.quoted ? `"${m}"` : m)).join(', ')}${line.tail}` : ''
}

describe('the line of why', () => {
  test('from the engine\u2019s best passage, when it gives one', () => {
    const s: PanelSuggestion = { ...base, passages: [{ field: 'signaal', text: 'woedend over de huisregels', quote: 'woedend is over de huisregels', terms: ['woedend', 'huisregels'] }] }
    expect(text(s)).toBe('Jij schreef "woedend is over de huisregels" — herkenbaar signaal bij deze praktijk: "woedend over de huisregels"')
    expect(text({ ...s, type: 'thema', passages: [{ field: 'wat werkt', text: 't', quote: 'q', terms: [] }] })).toBe('Jij schreef "q" — komt terug in wat werkt bij dit thema: "t"')
    // A sentence of the body is too long to quote: only where it comes back.
    expect(text({ ...s, passages: [{ field: 'tekst', text: 'x'.repeat(91), quote: 'q', terms: [] }] })).toBe('Jij schreef "q" — komt terug in de tekst van deze praktijk')
  })

  test('a long sentence of the user is cut to its matched words; a list item loses its bullet', () => {
    const long = 'Gisteren na het eten op de gang begon hij te schreeuwen, hij was woedend over de huisregels en ging naar buiten.'
    const s: PanelSuggestion = { ...base, passages: [{ field: 'signaal', text: 'woedend over de huisregels', quote: long, terms: ['woedend', 'huisregels'] }] }
    expect(whyLine(s)?.marked).toEqual(['…woedend over de huisregels…'])
    expect(whyLine({ ...s, passages: [{ field: 'signaal', text: 's', quote: '- boos op de begeleider', terms: [] }] })?.marked).toEqual(['boos op de begeleider'])
  })

  test('without a passage: a whole signal, else the user\u2019s words and where they come back, else the note it came through', () => {
    expect(text(base)).toBe('Herkenbaar signaal bij deze praktijk: "woedend over de huisregels"')
    expect(text({ ...base, type: 'methodiek', matches: base.matches.slice(1) })).toBe('Jij schreef "boos": komt terug in de tekst van deze methodiek')
    expect(text({ ...base, matches: [], via: ['Krachtwerk'] })).toBe('Hoort bij Krachtwerk')
    expect(whyLine({ ...base, matches: [] })).toBeNull()
  })
})

describe('the level', () => {
  test('the card shows the engine\u2019s level as it is, whatever the score', () => {
    for (const level of ['sterk', 'redelijk', 'zwak'] as const) {
      const parent = createDiv()
      renderCard(parent, { ...base, level, score: 0.99, weak: level === 'zwak' }, undefined, { advice: false, details: false })
      expect(parent.querySelector('.pw-card')?.classList.contains(`pw-level-${level}`)).toBe(true)
    }
  })

  test('the card shows the level, and grondslag when the suggestion has one', () => {
    const parent = createDiv()
    renderCard(parent, { ...base, level: 'redelijk', grondslag: 'uitgewerkte casus' }, undefined, { advice: false, details: false })
    expect(parent.querySelector('.pw-level')?.textContent).toBe('redelijke match')
    expect(parent.querySelector('.pw-grondslag')?.textContent).toBe('grondslag: uitgewerkte casus')
    expect(parent.querySelector('.pw-card')?.classList.contains('pw-level-redelijk')).toBe(true)
  })
})

describe('the signature', () => {
  const html = (s: PanelSuggestion, details: boolean): string => {
    const parent = createDiv()
    renderCard(parent, s, undefined, { advice: false, details })
    return parent.innerHTML
  }
  // Changes a keystroke makes: the reasons, the words of a match, the summary, the best passage's quote.
  const variants: PanelSuggestion[] = [
    base,
    { ...base, why: [...base.why, 'tekst: boos'] },
    { ...base, matches: [base.matches[0]!, { ...base.matches[1]!, words: ['boosheid'] }] },
    { ...base, summary: 'Grenzen stellen zonder de relatie te verliezen.' },
    { ...base, passages: [{ field: 'signaal', text: 'woedend over de huisregels', quote: 'Hij is woedend over de huisregels', terms: ['woedend', 'huisregels'] }] }
  ]

  test('is the same exactly when the card shows the same, with its details closed and open', () => {
    for (const details of [false, true]) {
      for (const a of variants) {
        for (const b of variants) {
          const same = cardSignature(a, undefined, { advice: false, details }) === cardSignature(b, undefined, { advice: false, details })
          expect(same, `details ${details ? 'open' : 'closed'}: ${JSON.stringify([a.why, a.summary, b.why, b.summary])}`).toBe(html(a, details) === html(b, details))
        }
      }
    }
  })
})
