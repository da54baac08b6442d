import { describe, expect, test } from 'vitest'
import { Library } from '../src/library.js'
import { linkFields } from '../src/links/missing.js'
import { signals } from '../src/note/fields.js'
import { LIBRARY, readMarkdown } from '../../../tests/lib/files.js'

const note = (path: string, frontmatter: string, body: string): { path: string; text: string } => ({ path, text: `---\n${frontmatter}\n---\n${body}\n` })

// A small library: two practices about debts share a theme and a method; the method rests on a study.
// "Schuldhulp zonder methodiek" says the same about debts but links nothing of that.
const files = [
  note('themas/Schulden.md', 'type: thema\nbron: ["4.5"]\nsignalen: ["schulden", "deurwaarder"]', '# Schulden\nGeld, schulden en budgetbeheer.'),
  note('themas/Wonen.md', 'type: thema\nbron: ["4.1"]\nsignalen: ["woning"]', '# Wonen\nEen eigen woning vinden.'),
  note('literatuur/Jansen 2020.md', 'type: literatuur\nbron: ["4.5"]\nauteurs: ["Jansen, A."]\njaar: 2020\ntitel: Schulden en herstel\nsoort: artikel', 'Studie naar budgetbeheer bij schulden.'),
  note(
    'methodieken/Budgetcoaching.md',
    'type: methodiek\nbron: ["4.5"]\nbewijs: veelbelovend\nsignalen: ["budgetbeheer", "deurwaarder aan de deur", "schulden aflossen"]\nthema: ["[[Schulden]]"]\nliteratuur: ["[[Jansen 2020]]"]',
    '# Budgetcoaching\nSamen met de cliënt schulden en budgetbeheer op orde brengen, de deurwaarder bellen.'
  ),
  note(
    'praktijken/Schuldhulp vroeg starten.md',
    'type: praktijk\nbron: ["4.5"]\ngrondslag: ervaring van professionals\nthema: ["[[Schulden]]"]\nmethodiek: ["[[Budgetcoaching]]"]\nliteratuur: ["[[Jansen 2020]]"]\nsignalen: ["schulden", "deurwaarder aan de deur", "aanmaning", "budgetbeheer", "brieven niet open"]',
    '# Schuldhulp vroeg starten\nBegin meteen met budgetbeheer als de cliënt schulden heeft en de deurwaarder langskomt.'
  ),
  note(
    'praktijken/Schuldhulp zonder methodiek.md',
    'type: praktijk\nbron: ["4.5"]\ngrondslag: ervaring van professionals\nthema: ["[[Wonen]]"]\nsignalen: ["schulden", "deurwaarder aan de deur", "aanmaning", "budgetbeheer", "brieven niet open"]',
    '# Schuldhulp zonder methodiek\nDe cliënt heeft schulden, de deurwaarder staat aan de deur; budgetbeheer helpt. Zie ook [[Schuldhulp vroeg starten]].'
  )
]

describe('missing links', () => {
  const library = new Library(files)
  const proposals = library.missingLinks('praktijken/Schuldhulp zonder methodiek.md')

  test('should propose the theme, method and literature that a similar practice links, in their fields', () => {
    const byField = (field: string): string[] => proposals.filter((p) => p.field === field).map((p) => p.target)
    expect(byField('thema')).toEqual(['Schulden'])
    expect(byField('methodiek')).toEqual(['Budgetcoaching'])
    expect(byField('literatuur')).toEqual(['Jansen 2020'])
  })

  test('should never propose a link the note has (in a field or in the body), nor the note itself', () => {
    const targets = proposals.map((p) => p.path)
    expect(targets).not.toContain('themas/Wonen.md')
    expect(targets).not.toContain('praktijken/Schuldhulp vroeg starten.md')
    expect(targets).not.toContain('praktijken/Schuldhulp zonder methodiek.md')
  })

  test('should only propose targets of the kind the field accepts', () => {
    const kinds: Record<string, string> = { thema: 'thema', methodiek: 'methodiek', literatuur: 'literatuur', gerelateerd: 'praktijk' }
    for (const p of proposals) expect(library.graph.byPath(p.path)?.type, `${p.field} → ${p.target}`).toBe(kinds[p.field])
  })

  test('should give each proposal a score in 0–1, a level that follows it, and Dutch reasons naming the notes', () => {
    for (const p of proposals) {
      expect(p.score).toBeGreaterThan(0)
      expect(p.score).toBeLessThanOrEqual(1)
      expect(p.level).toBe(p.score >= 0.6 ? 'sterk' : p.score >= 0.35 ? 'redelijk' : 'zwak')
      expect(p.why.length).toBeGreaterThan(0)
    }
    const method = proposals.find((p) => p.target === 'Budgetcoaching')
    expect(method?.why.join(' | ')).toContain('door [[Schuldhulp vroeg starten]], die op deze praktijk lijkt')
  })

  test('should propose the reverse of a one-way link, saying so', () => {
    const reverse = library.missingLinks('praktijken/Schuldhulp vroeg starten.md', { field: 'gerelateerd' })
    expect(reverse.map((p) => p.target)).toEqual(['Schuldhulp zonder methodiek'])
    expect(reverse[0]?.why).toContain('[[Schuldhulp zonder methodiek]] noemt deze praktijk (in de tekst), maar niet andersom')
  })

  test('should keep to one field, and to the evidence asked for', () => {
    expect(new Set(library.missingLinks('praktijken/Schuldhulp zonder methodiek.md', { field: 'methodiek' }).map((p) => p.field))).toEqual(new Set(['methodiek']))
    // The note's only link is a backlink-free body link; with text evidence alone, no literature (the engine does not rank it).
    expect(library.missingLinks('praktijken/Schuldhulp zonder methodiek.md', { evidence: ['text'], field: 'literatuur' })).toEqual([])
  })

  test('should follow changes to the library', () => {
    const copy = new Library(files)
    copy.upsert(note('praktijken/Schuldhulp zonder methodiek.md', 'type: praktijk\nbron: ["4.5"]\ngrondslag: ervaring van professionals\nthema: ["[[Wonen]]", "[[Schulden]]"]\nsignalen: ["schulden"]', 'Tekst.'))
    expect(copy.missingLinks('praktijken/Schuldhulp zonder methodiek.md', { field: 'thema' }).map((p) => p.target)).not.toContain('Schulden')
  })

  test('should give nothing for notes without link fields or paths that are not there', () => {
    expect(library.missingLinks('literatuur/Jansen 2020.md')).toEqual([])
    expect(library.missingLinks('nergens.md')).toEqual([])
    expect(linkFields('praktijk').map((f) => f.name)).toEqual(['thema', 'methodiek', 'literatuur', 'gerelateerd'])
  })

  test('should list the strongest proposals over the whole library, with the note each is for', () => {
    const all = library.allMissingLinks({ limit: 3 })
    expect(all.length).toBeLessThanOrEqual(3)
    for (let i = 1; i < all.length; i++) expect(all[i - 1]?.score).toBeGreaterThanOrEqual(all[i]?.score ?? 0)
    for (const p of all) expect(library.graph.byPath(p.note)).toBeDefined()
  })
})

describe('the text reasons on the shipped library', () => {
  const shipped = new Library(readMarkdown(LIBRARY))
  // What a reason quotes, on one line: whitespace collapsed, as `clip` shows it.
  const flat = (text: string): string => text.replace(/\s+/g, ' ')
  const sourcesOf = (path: string): string[] => {
    const node = shipped.graph.byPath(path)
    if (!node) return []
    const samenvatting = node.note.frontmatter['samenvatting']
    return [node.title, ...node.aliases, ...signals(node.note), typeof samenvatting === 'string' ? samenvatting : '', node.note.text].map(flat)
  }
  // `hier "this note's words", daar (field) "the other note's words"`, each possibly cut with "…".
  const REASON = /^hier "(.*)", daar \((signaal|wat werkt|titel|samenvatting|tekst)\) "(.*)"$/

  test('quote this note\u2019s own words and the similar note\u2019s own words, verbatim up to the cut', () => {
    let checked = 0
    const paths = shipped.graph.nodes('praktijk').map((n) => n.path)
    for (const path of paths) {
      for (const s of shipped.similar(path, 5)) {
        for (const why of s.why) {
          const m = REASON.exec(why)
          if (!m) continue
          const [here, there] = [m[1] ?? '', m[3] ?? ''].map((q) => q.replace(/…$/, ''))
          expect(sourcesOf(path).some((src) => src.includes(here ?? '')), `${path}: ${here}`).toBe(true)
          expect(sourcesOf(s.path).some((src) => src.includes(there ?? '')), `${s.path}: ${there}`).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
  })
})
