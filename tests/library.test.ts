// The shipped library: the rules every note must follow, checked on the real notes, and shown to catch
// violations on small broken examples.
import { existsSync, readFileSync } from 'node:fs'
import { GRONDSLAG, Library, signals, stringList, type GraphNode } from '@praktijkwijzer/core'
import { describe, expect, test } from 'vitest'
import { normalizedWords, Stemmer } from '../packages/core/src/engine/analyze.js'
import { parseSynonymLine } from '../packages/core/src/engine/synonyms.js'
import { LIBRARY, readMarkdown, REPORT } from './lib/files.js'

const files = readMarkdown(LIBRARY)
const library = new Library(files)
const nodes = library.graph.nodes()

/** Rule violations of one node, as readable strings. */
function violations(lib: Library, node: GraphNode): string[] {
  const out: string[] = []
  const fm = node.note.frontmatter
  if (node.type !== null && node.type !== 'index' && node.type !== 'synoniemen' && stringList(fm['bron']).length === 0) out.push(`${node.path}: geen bron`)
  if (node.type === 'praktijk' && lib.graph.edgesFrom(node.path, 'theme').length === 0) out.push(`${node.path}: geen thema-link`)
  if (node.type === 'praktijk') out.push(...grondslagViolations(node))
  if (node.type === 'methodiek' && typeof fm['bewijs'] !== 'string') out.push(`${node.path}: geen bewijs`)
  if (node.type === 'literatuur') {
    if (stringList(fm['auteurs']).length === 0) out.push(`${node.path}: geen auteurs`)
    if (typeof fm['jaar'] !== 'number') out.push(`${node.path}: geen jaar`)
    if (typeof fm['titel'] !== 'string') out.push(`${node.path}: geen titel`)
  }
  return out
}

/** The sentence a methodiek the report only names says under its title (library/README.md). */
const ONLY_NAMED = 'Het rapport noemt deze methode alleen bij naam'

/** The sections (`§2.3` → `2.3`) and figures (`Figuur 4`) a text refers to. */
function references(text: string): string[] {
  return [...text.matchAll(/§\s?(\d+(?:\.\d+)*)|(Figuur \d+)/g)].map((m) => m[1] ?? m[2] ?? '')
}

/**
 * How a methodiek states its evidence, checked against the rubric of library/README.md: a `bewijstoelichting`
 * for every value but `niet vermeld`, naming sections that are in `bron`; for an effect, a sentence on the
 * BW/MO; a methodiek the report only names says so and claims nothing.
 */
function evidenceViolations(node: GraphNode): string[] {
  if (node.type !== 'methodiek') return []
  const fm = node.note.frontmatter
  const evidence = fm['bewijs']
  const explanation = typeof fm['bewijstoelichting'] === 'string' ? fm['bewijstoelichting'] : ''
  const bron = new Set(stringList(fm['bron']))
  const refs = references(explanation)
  const out: string[] = []
  if (evidence !== 'niet vermeld' && refs.length === 0) out.push(`${node.path}: bewijstoelichting noemt geen paragraaf`)
  for (const ref of refs) if (!bron.has(ref)) out.push(`${node.path}: bewijstoelichting noemt ${/^\d/.test(ref) ? '§' : ''}${ref}, maar bron niet`)
  if ((evidence === 'bewezen effectief' || evidence === 'veelbelovend') && !explanation.includes('In de BW/MO:')) {
    out.push(`${node.path}: bewijstoelichting zegt niet wat het rapport over de BW/MO zegt`)
  }
  if (fm['vermelding'] === 'alleen genoemd') {
    if (evidence !== 'niet vermeld') out.push(`${node.path}: alleen genoemd, maar bewijs is ${String(evidence)}`)
    if (!node.note.text.includes(ONLY_NAMED)) out.push(`${node.path}: de tekst zegt niet dat het rapport de methode alleen noemt`)
  }
  return out
}

/** The parts of the report a `bron` may name: its numbered sections, figures and named parts. */
function reportParts(report: string): Set<string> {
  const parts = new Set(['Voorwoord', 'Samenvatting', 'Abstract', 'Referenties'])
  for (const m of report.matchAll(/^#{1,6}\s*\*?(\d+(?:\.\d+)*)\.?\s/gm)) if (m[1]) parts.add(m[1])
  for (const m of report.matchAll(/^\*?(Figuur \d+):/gm)) if (m[1]) parts.add(m[1])
  for (const m of report.matchAll(/^#{1,6}\s*(Bijlage \d+)\s/gm)) if (m[1]) parts.add(m[1])
  return parts
}

/**
 * A praktijk says what its advice rests on twice: `grondslag` in the frontmatter (one of GRONDSLAG), and in
 * the text as a `## Grondslag` section right under the title, one line that starts with the same value and
 * carries the report's caveat that the effect of its best practices was not researched (6.9).
 */
function grondslagViolations(node: GraphNode): string[] {
  const value = node.note.frontmatter['grondslag']
  if (typeof value !== 'string' || !(GRONDSLAG as readonly string[]).includes(value)) return [`${node.path}: geen geldige grondslag`]
  const sections = node.note.sections.filter((s) => s.depth >= 2)
  const first = sections[0]
  if (first?.heading !== 'Grondslag' || first.depth !== 2) return [`${node.path}: geen ## Grondslag direct onder de titel`]
  const line = first.text.trim()
  const out: string[] = []
  if (line.includes('\n') || line === '') out.push(`${node.path}: de grondslag is niet één regel`)
  if (!line.startsWith(`${value.charAt(0).toUpperCase()}${value.slice(1)}:`)) out.push(`${node.path}: de grondslagregel begint niet met "${value}:"`)
  if (!line.includes('(6.9)')) out.push(`${node.path}: de grondslagregel noemt het voorbehoud van 6.9 niet`)
  return out
}

const WORD = /[0-9a-zà-ÿ]+/g
function words(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? []
}

/** Runs of `n` or more words that a text shares with the report. */
function sharedRuns(text: string, reportGrams: Set<string>, n = 12): string[] {
  const w = words(text)
  const runs: string[] = []
  for (let i = 0; i + n <= w.length; i++) {
    if (reportGrams.has(w.slice(i, i + n).join(' '))) {
      runs.push(w.slice(i, i + n).join(' '))
      i += n - 1
    }
  }
  return runs
}

describe('the shipped library', () => {
  test('has no errors and no warnings', () => {
    expect(library.problems().map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([])
  })

  test('has every kind in the numbers the report calls for', () => {
    const count = (type: string): number => nodes.filter((n) => n.type === type).length
    expect(count('thema')).toBeGreaterThanOrEqual(7)
    expect(count('praktijk')).toBeGreaterThanOrEqual(40)
    expect(count('methodiek')).toBeGreaterThanOrEqual(25)
    expect(count('literatuur')).toBe(81)
    expect(nodes.filter((n) => n.type === 'praktijk' && n.note.frontmatter['soort'] === 'casus')).toHaveLength(11)
  })

  test('follows the note rules: bron everywhere, a thema and a grondslag (field and line) per praktijk, bewijs per methodiek, authors/year/title per reference', () => {
    expect(nodes.flatMap((n) => violations(library, n))).toEqual([])
  })

  test('draws on every section the issue names', () => {
    const covered = new Set(nodes.flatMap((n) => stringList(n.note.frontmatter['bron'])))
    const wanted = ['2.3', '2.4', '2.5', ...range(2, 13).map((i) => `4.${i}`), ...range(1, 11).map((i) => `5.1.${i}`), '5.2', ...range(1, 8).map((i) => `6.${i}`)]
    expect(wanted.filter((s) => !covered.has(s))).toEqual([])
  })

  test('every praktijk and methodiek has 5 to 15 signalen, a methodiek the report only names at least 1', () => {
    const bad = nodes
      .filter((n) => n.type === 'praktijk' || n.type === 'methodiek')
      .filter((n) => {
        const count = signals(n.note).length
        const min = n.note.frontmatter['vermelding'] === 'alleen genoemd' ? 1 : 5
        return count < min || count > 15
      })
    expect(bad.map((n) => n.path)).toEqual([])
  })

  test('states the evidence of every methodiek as the rubric asks: the report\'s words, their section, the BW/MO', () => {
    expect(nodes.flatMap(evidenceViolations)).toEqual([])
  })

  test('marks the methods the report only names as such (issue #16), with few signals', () => {
    const named = ['Mobility Mentoring', 'Veerkracht', 'Yucel Methode', 'Positieve gezondheid', 'Leefklimaat']
    const stubs = nodes.filter((n) => n.note.frontmatter['vermelding'] === 'alleen genoemd')
    expect(named.filter((title) => !stubs.some((n) => n.title === title))).toEqual([])
    expect(stubs.filter((n) => stringList(n.note.frontmatter['signalen']).length > 4).map((n) => n.path)).toEqual([])
  })

})

describe('the evidence rubric catches what it should', () => {
  const method = (fields: string): string => `---\ntype: methodiek\nbron: ["2.3", "6.9"]\nsignalen: [a, b, c, d, e]\n${fields}---\n# M\n`
  const broken = new Library([
    { path: 'Goed.md', text: method('bewijs: bewezen effectief\nbewijstoelichting: "Bewezen effectief (§2.3). In de BW/MO: niet onderzocht (§6.9)."\n') },
    { path: 'Zonder.md', text: method('bewijs: goed beschreven\n') },
    { path: 'Vaag.md', text: method('bewijs: veelbelovend\nbewijstoelichting: "Eerste aanwijzingen. In de BW/MO: niets."\n') },
    { path: 'Buiten bron.md', text: method('bewijs: goed beschreven\nbewijstoelichting: "Goed beschreven (§2.3; §4.10; Figuur 4)."\n') },
    { path: 'Elders.md', text: method('bewijs: bewezen effectief\nbewijstoelichting: "Effectief in het reclasseringstoezicht (§2.3)."\n') },
    { path: 'Genoemd.md', text: method('bewijs: veelbelovend\nvermelding: alleen genoemd\nbewijstoelichting: "Genoemd (§2.3). In de BW/MO: niets (§6.9)."\n') },
    { path: 'Niet vermeld.md', text: method('bewijs: niet vermeld\n') }
  ])
  test('flags a missing explanation or section, a section outside bron, a missing BW/MO sentence and a named-only method that claims evidence', () => {
    expect(broken.graph.nodes().flatMap(evidenceViolations).sort()).toEqual([
      'Buiten bron.md: bewijstoelichting noemt Figuur 4, maar bron niet',
      'Buiten bron.md: bewijstoelichting noemt §4.10, maar bron niet',
      'Elders.md: bewijstoelichting zegt niet wat het rapport over de BW/MO zegt',
      'Genoemd.md: alleen genoemd, maar bewijs is veelbelovend',
      'Genoemd.md: de tekst zegt niet dat het rapport de methode alleen noemt',
      'Vaag.md: bewijstoelichting noemt geen paragraaf',
      'Zonder.md: bewijstoelichting noemt geen paragraaf'
    ])
  })
})

describe('the note rules catch what they should', () => {
  const broken = new Library([
    { path: 'P.md', text: '---\ntype: praktijk\nsignalen: [a, b, c, d, e]\nthema: ["[[Nergens]]"]\n---\n' },
    { path: 'M.md', text: '---\ntype: methodiek\nbron: ["2.3"]\n---\n' },
    { path: 'L.md', text: '---\ntype: literatuur\nbron: ["Referenties"]\nsoort: boek\n---\n' },
    { path: 'T.md', text: '---\ntype: thema\nbron: ["6.1"]\n---\n# T\n' },
    { path: 'G1.md', text: `${praktijk('grondslag: bewezen effectief')}# G1\n\n## Grondslag\nBewezen effectief: zo is het (6.9).\n` },
    { path: 'G2.md', text: `${praktijk('grondslag: uitgewerkte casus')}# G2\n\n## Situatie\nIets.\n\n## Grondslag\nUitgewerkte casus: één traject (6.9).\n` },
    { path: 'G3.md', text: `${praktijk('grondslag: uitgewerkte casus')}# G3\n\n## Grondslag\nEen casus van één instelling,\nniet onderzocht.\n` },
    { path: 'G4.md', text: `${praktijk('grondslag: ervaring van professionals')}# G4\n\n## Grondslag\nErvaring van professionals: wat begeleiders noemen (6.9).\n\n## Wat werkt\n- Iets.\n` }
  ])
  test('flags a praktijk without thema link, bron or grondslag, a methodiek without bewijs, a reference without authors, year and title', () => {
    expect(broken.graph.nodes().flatMap((n) => violations(broken, n)).sort()).toEqual([
      'G1.md: geen geldige grondslag',
      'G2.md: geen ## Grondslag direct onder de titel',
      'G3.md: de grondslag is niet één regel',
      'G3.md: de grondslagregel begint niet met "uitgewerkte casus:"',
      'G3.md: de grondslagregel noemt het voorbehoud van 6.9 niet',
      'L.md: geen auteurs',
      'L.md: geen jaar',
      'L.md: geen titel',
      'M.md: geen bewijs',
      'P.md: geen bron',
      'P.md: geen geldige grondslag',
      'P.md: geen thema-link'
    ])
  })
})

describe.skipIf(!existsSync(REPORT) && process.env['CI'] !== 'true')('paraphrase, not copy', () => {
  const report = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : ''
  const reportWords = words(report)
  const grams = new Set<string>()
  for (let i = 0; i + 12 <= reportWords.length; i++) grams.add(reportWords.slice(i, i + 12).join(' '))

  test('every synonym entry points at words the library\u2019s practices, methods and themes use', () => {
    const stemmer = new Stemmer()
    const stems = new Set<string>()
    for (const node of nodes) {
      if (node.type !== 'praktijk' && node.type !== 'methodiek' && node.type !== 'thema') continue
      for (const w of normalizedWords([node.title, ...node.aliases, ...signals(node.note), node.note.text].join('\n'))) stems.add(stemmer.stem(w))
    }
    const synonymNotes = library.graph.nodes('synoniemen')
    expect(synonymNotes.length).toBeGreaterThan(0)
    let entries = 0
    const missing: string[] = []
    for (const node of synonymNotes) {
      for (const item of node.note.sections.flatMap((s) => s.items)) {
        const entry = parseSynonymLine(item.text, `${node.path}:${item.line}`)
        if (!entry) continue
        entries++
        for (const expansion of entry.expansions) for (const w of normalizedWords(expansion)) if (!stems.has(stemmer.stem(w))) missing.push(`${entry.source}: ${entry.term.join(' ')} → ${expansion}`)
      }
    }
    expect(entries).toBeGreaterThan(100)
    expect(missing).toEqual([])
  })

  test('the synonym list has the everyday words staff write for substances, money, justice and housing', () => {
    const terms = new Set(library.graph.nodes('synoniemen').flatMap((n) => n.note.sections.flatMap((s) => s.items)).map((i) => parseSynonymLine(i.text, '')?.term.join(' ')))
    for (const word of ['wiet', 'blowen', 'blowt', 'coke', 'snuiven', 'zuipen', 'deurwaarder', 'schuldeiser', 'enkelband', 'reclasseringswerker', 'zorgmijder']) expect(terms, word).toContain(word)
  })

  test('the report is there to compare with', () => {
    expect(reportWords.length).toBeGreaterThan(30_000)
  })

  test('every bron names a part of the report', () => {
    const parts = reportParts(report)
    expect(['2.3', '4.10', '5.1.11', '6.9', 'Figuur 4', 'Referenties'].filter((p) => !parts.has(p))).toEqual([])
    expect(['4.15', '5.1.12', '7.1', 'Figuur 5'].filter((p) => parts.has(p))).toEqual([])
    const unknown = nodes.flatMap((n) => stringList(n.note.frontmatter['bron']).filter((b) => !parts.has(b)).map((b) => `${n.path}: ${b}`))
    expect(unknown).toEqual([])
  })

  test('no note other than a reference shares a run of 12 words with the report', () => {
    const texts = new Map(files.map((f) => [f.path, f.text]))
    const copied = nodes
      .filter((n) => n.type !== 'literatuur')
      .flatMap((n) => sharedRuns(texts.get(n.path) ?? '', grams).map((run) => `${n.path}: ${run}`))
    expect(copied).toEqual([])
  })

  test('the check finds a copied sentence', () => {
    const start = reportWords.indexOf('werkalliantie')
    const copied = reportWords.slice(start, start + 14).join(' ')
    expect(sharedRuns(`Inleiding. ${copied}. Slot.`, grams)).toHaveLength(1)
  })
})

/** The frontmatter of a valid praktijk (apart from what `extra` adds or breaks). */
function praktijk(extra: string): string {
  return `---\ntype: praktijk\nbron: ["5.1.1"]\nthema: ["[[T]]"]\nsignalen: [a, b, c, d, e]\n${extra}\n---\n`
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
