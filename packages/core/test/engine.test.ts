import { describe, expect, test } from 'vitest'
import { isStopWord, normalizeWord, Stemmer, tokenize } from '../src/engine/analyze.js'
import { CompoundSplitter } from '../src/engine/compounds.js'
import { parseSynonymLine } from '../src/engine/synonyms.js'
import { Library } from '../src/library.js'

const stem = (word: string): string => new Stemmer().stem(word)

describe('analyser', () => {
  test('should fold case and diacritics and keep abbreviations and numbers as tokens', () => {
    expect(tokenize('Cliënt: UC+ bij 3RO, reclass. (ex-gedetineerde) 12-3').map((t) => t.norm)).toEqual([
      'client',
      'uc',
      'bij',
      '3ro',
      'reclass',
      'ex',
      'gedetineerde',
      '12',
      '3'
    ])
    expect(normalizeWord('Ëën')).toBe('een')
  })

  test('should give offsets that point at the word in the text', () => {
    const text = 'Dhr. wil  niet'
    for (const t of tokenize(text)) expect(text.slice(t.offset, t.offset + t.surface.length)).toBe(t.surface)
  })

  test('should drop Dutch stop words but not content words', () => {
    expect(['de', 'het', 'een', 'niet', 'dhr'].every(isStopWord)).toBe(true)
    expect(['schulden', 'reclassering', 'woedend'].some(isStopWord)).toBe(false)
  })

  test('should stem Dutch plurals and inflections to one stem (Snowball)', () => {
    expect(stem('schulden')).toBe(stem('schuld'))
    expect(stem('gesprekken')).toBe(stem('gesprek'))
    expect(stem('begeleiders')).toBe(stem('begeleider'))
    expect(stem('huisregels')).toBe(stem('huisregel'))
    expect(stem('uc')).toBe('uc')
    expect(stem('3ro')).toBe('3ro')
  })

  test('should split compounds into known words, with linking sounds', () => {
    const s = new CompoundSplitter()
    s.addWords(['schuld', 'hulpverlening', 'urine', 'controle', 'ervaring', 'deskundige', 'signalering', 'plan'])
    expect(s.split('schuldhulpverlening')).toEqual(['schuld', 'hulpverlening'])
    expect(s.split('urinecontrole')).toEqual(['urine', 'controle'])
    expect(s.split('ervaringsdeskundige')).toEqual(['ervaring', 'deskundige'])
    expect(s.split('wasmachine')).toEqual([])
    expect(s.split('schuld')).toEqual([])
  })

  test('should read synonym lines', () => {
    expect(parseSynonymLine('UC: urinecontrole, urinetest', 'x')).toMatchObject({ term: ['uc'], expansions: ['urinecontrole', 'urinetest'] })
    expect(parseSynonymLine('bijz. voorwaarden = bijzondere voorwaarden', 'x')).toMatchObject({ term: ['bijz', 'voorwaarden'], expansions: ['bijzondere voorwaarden'] })
    expect(parseSynonymLine('**TH** → toezichthouder', 'x')).toMatchObject({ term: ['th'], expansions: ['toezichthouder'] })
    expect(parseSynonymLine('geen synoniem hier', 'x')).toBeUndefined()
  })
})

const SIGNALEN = (s: string[]): string => `signalen: [${s.map((x) => `"${x}"`).join(', ')}]\n`
const FILES: Record<string, string> = {
  // As in the shipped library, the theme is also named by its one word (so "schuld", a common Dutch word, counts as evidence).
  'themas/Financiën en schulden.md': `---\ntype: thema\nbron: ["5.1.10"]\naliases: ["schulden"]\n---\n# Financiën en schulden\n\nGeld, schulden en budgetbeheer.\n`,
  'themas/Veiligheid.md': `---\ntype: thema\nbron: ["6.4"]\n---\n# Veiligheid\n\nRisico's, huisregels en sancties.\n`,
  'methodieken/Schuldhulpverlening.md': `---\ntype: methodiek\nbron: ["5.1.10"]\nbewijs: niet vermeld\nthema: ["[[Financiën en schulden]]"]\nliteratuur: ["[[Mullainathan & Shafir 2013]]"]\n${SIGNALEN(['deurwaarder', 'aflossen', 'betalingsregeling', 'brieven niet open', 'post'])}---\n# Schuldhulpverlening\n`,
  'praktijken/Samen met schuldhulpverlening.md': `---\ntype: praktijk\nbron: ["5.1.10"]\ngrondslag: uitgewerkte casus\nthema: ["[[Financiën en schulden]]"]\nmethodiek: ["[[Schuldhulpverlening]]"]\nliteratuur: ["[[Mullainathan & Shafir 2013]]"]\n${SIGNALEN(['schulden lopen op', 'wil niet naar budgetbeheer', 'leefgeld te laag', 'waarom werken', 'deurwaarder aan de deur'])}---\n# Samen met schuldhulpverlening\n\n## Wat werkt\n\n- Koppel aflossen aan eigen doelen.\n- Geef af en toe wat extra ruimte.\n`,
  'praktijken/Heldere huisregels.md': `---\ntype: praktijk\nbron: ["4.6"]\ngrondslag: uitgewerkte casus\nthema: ["[[Veiligheid]]"]\n${SIGNALEN(['woedend over de huisregels', 'UC positief', 'drugs op de kamer', 'waarschuwing gegeven', 'dreigt met geweld'])}---\n# Heldere huisregels\n\n## Wat werkt\n\n- Duidelijke regels en sancties.\n`,
  'praktijken/Vrijwilliger als maatje.md': `---\ntype: praktijk\nbron: ["5.1.9"]\ngrondslag: uitgewerkte casus\nthema: ["[[Veiligheid]]"]\n${SIGNALEN(['eenzaam', 'zit de hele dag op zijn kamer', 'geen contacten', 'wil een maatje', 'vrijwilliger'])}---\n# Vrijwilliger als maatje\n\nEen vrijwilliger tegen eenzaamheid. Urinecontrole hoort er niet bij.\n`,
  'literatuur/Mullainathan & Shafir 2013.md': `---\ntype: literatuur\nbron: ["5.1.10"]\nauteurs: ["Mullainathan, S.", "Shafir, E."]\njaar: 2013\ntitel: "Scarcity: Why having too little means so much"\nsoort: boek\nuitgever: "Macmillan"\n---\n# Mullainathan & Shafir 2013\n`,
  'Synoniemen.md': `---\ntype: synoniemen\n---\n# Synoniemen\n\n- UC: urinecontrole\n- SHV: schuldhulpverlening\n`
}

function engine(files: Record<string, string> = FILES): { lib: Library; s: Library } {
  const lib = new Library(Object.entries(files).map(([path, text]) => ({ path, text })))
  // Index now, so that the changes below go through the incremental update, not a first build.
  lib.buildIndex()
  return { lib, s: lib }
}

describe('ranking', () => {
  const { s } = engine()

  test('should rank the practice about debts first for a note about debts, and say why', () => {
    const r = s.suggest('Dhr. zegt dat de schulden oplopen, de deurwaarder stond gisteren aan de deur. Wil niet naar budgetbeheer.')
    expect(r.suggestions[0]?.title).toBe('Samen met schuldhulpverlening')
    expect(r.suggestions[0]?.why.some((w) => w.startsWith('signaal "'))).toBe(true)
    expect(r.suggestions.map((x) => x.title)).not.toContain('Vrijwilliger als maatje')
  })

  test('should rank the house-rules practice first for an angry client with a positive UC', () => {
    const r = s.suggest('Cl. was woedend over de huisregels. UC positief, waarschuwing gegeven.')
    expect(r.suggestions[0]?.title).toBe('Heldere huisregels')
  })

  test('should keep every score within 0 to 1, sorted best first', () => {
    const r = s.suggest('schulden schulden schulden deurwaarder budgetbeheer woedend huisregels UC positief eenzaam vrijwilliger '.repeat(50), { minScore: 0 })
    expect(r.suggestions.length).toBeGreaterThan(3)
    for (const x of [...r.suggestions, ...r.literature]) {
      expect(x.score).toBeGreaterThanOrEqual(0)
      expect(x.score).toBeLessThanOrEqual(1)
    }
    const scores = r.suggestions.map((x) => x.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  test('should show nothing, or only weak items, for an unrelated note', () => {
    const r = s.suggest('De wasmachine op de tweede verdieping is kapot. Monteur komt donderdag tussen 9 en 12.')
    expect(r.suggestions.every((x) => x.weak)).toBe(true)
    expect(r.literature).toEqual([])
  })

  test('should expand abbreviations from the synonym notes', () => {
    const r = s.suggest('UC vanmorgen afgenomen', { minScore: 0 })
    const hit = r.suggestions.find((x) => x.title === 'Vrijwilliger als maatje')
    expect(hit?.matches.some((m) => m.kind === 'synonym' && m.words.includes('UC'))).toBe(true)
  })

  test('should match compounds by their parts', () => {
    const r = s.suggest('cl. heeft een schuld bij de energieleverancier', { minScore: 0 })
    const titles = r.suggestions.map((x) => x.title)
    expect(titles).toContain('Samen met schuldhulpverlening')
  })

  test('should tolerate a typo in a long word, but not turn short real words into others', () => {
    const r = s.suggest('betalingsregling afgesproken', { minScore: 0 })
    expect(r.suggestions[0]?.title).toBe('Schuldhulpverlening')
    expect(r.suggestions[0]?.matches.some((m) => m.kind === 'typo')).toBe(true)
    expect(s.suggest('post', { minScore: 0 }).suggestions.every((x) => x.matches.every((m) => m.kind !== 'typo'))).toBe(true)
  })

  test('should lift the methods and themes of a matching practice, and bring its literature', () => {
    // A five-note library gives small idf values: judge structure here, not the absolute scale.
    const r = s.suggest('schulden lopen op, wil niet naar budgetbeheer', { minScore: 0, weakBelow: 0 })
    const theme = r.suggestions.find((x) => x.title === 'Financiën en schulden')
    expect(theme?.via).toContain('Samen met schuldhulpverlening')
    expect(theme?.why).toContain('via [[Samen met schuldhulpverlening]]')
    expect(r.literature[0]).toMatchObject({ id: 'Mullainathan & Shafir 2013', via: expect.arrayContaining(['Samen met schuldhulpverlening']) })
    expect(r.literature[0]?.citation).toContain('Mullainathan')
  })

  test('should respect limit, types and minScore', () => {
    const text = 'schulden deurwaarder woedend huisregels eenzaam'
    expect(s.suggest(text, { limit: 2, minScore: 0 }).suggestions).toHaveLength(2)
    expect(s.suggest(text, { types: ['thema'], minScore: 0 }).suggestions.every((x) => x.type === 'thema')).toBe(true)
    expect(s.suggest(text, { minScore: 0.99 }).suggestions).toEqual([])
  })

  test('should weigh the section around the cursor more with focus: section', () => {
    const text = 'Schulden lopen op, deurwaarder geweest.\n\nVanmiddag: woedend over de huisregels, UC positief.'
    const cursor = text.length - 3
    const whole = s.suggest(text, { minScore: 0 }).suggestions
    const focused = s.suggest(text, { minScore: 0, focus: 'section', cursor }).suggestions
    const pos = (list: typeof whole, title: string): number => list.findIndex((x) => x.title === title)
    expect(pos(focused, 'Heldere huisregels')).toBeLessThan(pos(focused, 'Samen met schuldhulpverlening'))
    expect(focused.find((x) => x.title === 'Heldere huisregels')?.score).toBeGreaterThan(whole.find((x) => x.title === 'Heldere huisregels')?.score ?? 1)
  })

  test('should be deterministic and independent of file order', () => {
    const text = 'schulden, deurwaarder, woedend over de huisregels, eenzaam op zijn kamer'
    const a = engine().s.suggest(text)
    const reversed = engine(Object.fromEntries(Object.entries(FILES).reverse())).s.suggest(text)
    expect(reversed).toEqual(a)
    expect(engine().s.suggest(text)).toEqual(a)
  })

  test('should never throw on odd input', () => {
    for (const text of ['', ' ', '\u0000\uffff', '[['.repeat(1000), 'a'.repeat(100_000), '🙂 ëëë ####']) {
      expect(() => s.suggest(text)).not.toThrow()
    }
  })
})

describe('incremental index', () => {
  test('should give the same results after updates as a fresh build, for add, change and remove', () => {
    const text = 'eenzaam, wil een maatje, zit de hele dag op zijn kamer; schulden lopen op'
    const { lib, s } = engine({ ...FILES, 'praktijken/Vrijwilliger als maatje.md': '' })
    lib.upsert({ path: 'praktijken/Vrijwilliger als maatje.md', text: FILES['praktijken/Vrijwilliger als maatje.md'] as string })
    expect(s.suggest(text)).toEqual(engine().s.suggest(text))

    const changed = (FILES['praktijken/Samen met schuldhulpverlening.md'] as string).replace('schulden lopen op', 'rekeningen stapelen zich op')
    lib.upsert({ path: 'praktijken/Samen met schuldhulpverlening.md', text: changed })
    expect(s.suggest(text)).toEqual(engine({ ...FILES, 'praktijken/Samen met schuldhulpverlening.md': changed }).s.suggest(text))

    lib.remove('praktijken/Vrijwilliger als maatje.md')
    const without: Record<string, string> = { ...FILES, 'praktijken/Samen met schuldhulpverlening.md': changed }
    delete without['praktijken/Vrijwilliger als maatje.md']
    expect(s.suggest(text)).toEqual(engine(without).s.suggest(text))
    expect(s.suggest('', { stats: true }).stats?.indexed).toBe(5)
  })

  test('should break ties by path, not by the order in which notes came and went', () => {
    // Fourteen equal practices, each with its own theme: only the best twelve lift theirs, and among equals
    // the first twelve by path are the best, however the index was filled.
    const n = (i: number): string => String(i).padStart(2, '0')
    const files: Record<string, string> = {}
    for (let i = 1; i <= 14; i++) {
      files[`praktijken/P${n(i)}.md`] = `---\ntype: praktijk\nbron: ["1"]\nthema: ["[[T${n(i)}]]"]\n---\n# P${n(i)}\n\nschulden en de deurwaarder\n`
      files[`themas/T${n(i)}.md`] = `---\ntype: thema\nbron: ["1"]\n---\n# T${n(i)}\n\nwasmachine\n`
    }
    const { lib } = engine(files)
    lib.remove('praktijken/P01.md')
    lib.remove('praktijken/P14.md')
    lib.upsert({ path: 'praktijken/P01.md', text: files['praktijken/P01.md'] as string })
    lib.upsert({ path: 'praktijken/P14.md', text: files['praktijken/P14.md'] as string })
    const options = { minScore: 0, limit: 30 }
    expect(lib.suggest('schulden deurwaarder', options)).toEqual(engine(files).s.suggest('schulden deurwaarder', options))
  })

  test('should pick up a changed synonym note', () => {
    const { lib, s } = engine()
    expect(s.suggest('SHV gebeld', { minScore: 0 }).suggestions.map((x) => x.title)).toContain('Schuldhulpverlening')
    lib.upsert({ path: 'Synoniemen.md', text: '---\ntype: synoniemen\n---\n- UC: urinecontrole\n' })
    expect(s.suggest('SHV gebeld', { minScore: 0 }).suggestions).toEqual([])
  })

  test('should forget the synonyms of a removed synonym note, whatever its name', () => {
    const { lib, s } = engine({ ...FILES, 'Afkortingen.md': '---\ntype: synoniemen\n---\n- BBH: budgetbeheer\n' })
    expect(s.suggest('BBH gebeld', { minScore: 0 }).suggestions.length).toBeGreaterThan(0)
    lib.remove('Afkortingen.md')
    expect(s.suggest('BBH gebeld', { minScore: 0 }).suggestions).toEqual([])
  })
})

describe('TitleFinder', () => {
  test('should find notes by title or alias despite typos, best first, and filter by kind', async () => {
    const { TitleFinder } = await import('../src/engine/finder.js')
    const { lib } = engine()
    const finder = new TitleFinder(lib.graph)
    expect(finder.find('mullainatan')[0]?.node.id).toBe('Mullainathan & Shafir 2013')
    expect(finder.find('schuldhulp')[0]?.node.title).toMatch(/chuldhulpverlening/)
    expect(finder.find('huisregls')[0]?.node.title).toBe('Heldere huisregels')
    const onlyLit = new TitleFinder(lib.graph, ['literatuur'])
    expect(onlyLit.find('schuld').every((h) => h.node.type === 'literatuur')).toBe(true)
    expect(finder.find('   ')).toEqual([])
    expect(finder.find('Synoniemen')).toEqual([])
  })
})

describe('normalizedWords', () => {
  test('gives the same words as tokenize, on plain and accented text', async () => {
    const { normalizedWords } = await import('../src/engine/analyze.js')
    for (const text of ['Cliënt: UC+ bij 3RO, reclass. (ex-gedetineerde) 12-3', 'Ærø — naïef, één café; Øst ßtraße', '', '  \n\t', 'x'.repeat(61) + ' kort']) {
      expect(normalizedWords(text)).toEqual(tokenize(text).map((t) => t.norm))
    }
  })
})

describe('what the engine ignores in a case note', () => {
  const { s } = engine()
  test('Obsidian and HTML comments (a template\'s prompts) and the note\'s own frontmatter', () => {
    const quiet = s.suggest('---\ntitel: schulden deurwaarder\n---\n%% schulden lopen op, deurwaarder %%\n<!-- woedend over de huisregels -->\n', { minScore: 0 })
    expect(quiet.suggestions).toEqual([])
    const loud = s.suggest('%% prompt %%\nschulden lopen op, deurwaarder aan de deur', { minScore: 0 })
    expect(loud.suggestions[0]?.title).toBe('Samen met schuldhulpverlening')
  })

  test('---yaml frontmatter, as the parser reads it', () => {
    expect(s.suggest('---yaml\ntitel: schulden lopen op, deurwaarder aan de deur\n---\nDe wasmachine is kapot.\n', { minScore: 0 }).suggestions).toEqual([])
  })

  test('but not a note that opens with a ---- rule: that is text, up to the next --- line and beyond', () => {
    const r = s.suggest('----\nSchulden lopen op, de deurwaarder stond aan de deur.\n\n---\n\nVerder rustig.\n')
    expect(r.suggestions[0]?.title).toBe('Samen met schuldhulpverlening')
  })
})
