import { describe, expect, test } from 'vitest'
import { MutableGraph } from '../src/graph/graph.js'
import { Library } from '../src/library.js'
import { parseNote } from '../src/note/parse.js'
import type { Problem } from '../src/problem.js'

const THEMA = (extra = ''): string => `---\ntype: thema\nbron: ["6.1"]\n${extra}---\n# Thema\n`
const LIT = `---\ntype: literatuur\nbron: ["Referenties"]\nauteurs: ["Menger, A."]\njaar: 2018\ntitel: "De werkalliantie"\nsoort: proefschrift\n---\n`
const SIGNALEN = 'signalen: ["a", "b", "c", "d", "e"]\n'
const PRAKTIJK = (fields: string): string => `---\ntype: praktijk\nbron: ["5.1.1"]\n${SIGNALEN}${fields}grondslag: uitgewerkte casus\n---\n# Praktijk\n`

function library(files: Record<string, string>): Library {
  return new Library(Object.entries(files).map(([path, text]) => ({ path, text })))
}

/** Problems as [file, code, line], orphans left out unless asked for. */
function codes(problems: Problem[], orphans = false): Array<[string, string, number]> {
  return problems.filter((p) => orphans || p.code !== 'orphan').map((p) => [p.file, p.code, p.line])
}

describe('KnowledgeGraph', () => {
  const lib = library({
    'themas/Werkalliantie.md': THEMA('aliases: [alliantie]\n'),
    'themas/Samenwerking.md': THEMA(),
    'literatuur/Menger 2018.md': LIT,
    'methodieken/Presentie.md': `---\ntype: methodiek\nbron: ["2.3"]\nbewijs: goed beschreven\n${SIGNALEN}literatuur: ["[[Menger 2018]]"]\nthema: ["[[Werkalliantie]]"]\n---\n`,
    'praktijken/Kennismaking.md': PRAKTIJK('thema: ["[[werkalliantie]]", "[[themas/Samenwerking]]"]\nmethodiek: ["[[Presentie]]"]\nliteratuur: ["[[Menger 2018|Menger]]"]\n') + 'Zie [[alliantie]] en [[Presentie#Kop]].\n'
  })
  const g = lib.graph

  test('should have no problems on a valid library', () => {
    expect(lib.problems()).toEqual([])
  })

  test('should find nodes by id, name, alias and path', () => {
    expect(g.size).toBe(5)
    expect(g.get('menger 2018')?.path).toBe('literatuur/Menger 2018.md')
    expect(g.resolve('WERKALLIANTIE')).toMatchObject({ status: 'resolved', via: 'name', node: { path: 'themas/Werkalliantie.md' } })
    expect(g.resolve('Alliantie')).toMatchObject({ status: 'resolved', via: 'alias', node: { id: 'Werkalliantie' } })
    expect(g.byPath('methodieken/Presentie.md')?.type).toBe('methodiek')
  })

  test('should type edges by the field they come from, body links as mentions, without duplicates', () => {
    const out = g.edgesFrom('Kennismaking').map((e) => [e.kind, e.to, e.field ?? ''])
    expect(out).toEqual([
      ['theme', 'themas/Werkalliantie.md', 'thema'],
      ['theme', 'themas/Samenwerking.md', 'thema'],
      ['method', 'methodieken/Presentie.md', 'methodiek'],
      ['literature', 'literatuur/Menger 2018.md', 'literatuur'],
      ['mention', 'themas/Werkalliantie.md', ''],
      ['mention', 'methodieken/Presentie.md', '']
    ])
  })

  test('should keep backlinks and answer neighbour queries by kind and direction', () => {
    expect(g.edgesTo('Menger 2018').map((e) => e.from).sort()).toEqual(['methodieken/Presentie.md', 'praktijken/Kennismaking.md'])
    expect(g.neighbours('Werkalliantie', { kind: 'theme', direction: 'in' }).map((n) => n.id)).toEqual(['Presentie', 'Kennismaking'])
    expect(g.neighbours('Kennismaking', { direction: 'out', type: 'literatuur' }).map((n) => n.id)).toEqual(['Menger 2018'])
    expect(g.neighbours('Kennismaking', { kind: ['method', 'literature'], direction: 'out' }).map((n) => n.id)).toEqual(['Menger 2018', 'Presentie'])
  })
})

describe('link resolution', () => {
  const g = new MutableGraph(
    [
      ['a/Notitie.md', '# a'],
      ['b/Notitie.md', '# b'],
      ['b/sub/Diep.md', '---\naliases: [Dieper, Gedeeld]\n---\n'],
      ['c/Ander.md', '---\naliases: [Gedeeld]\nid: ander-id\n---\n'],
      ['Hoofd.md', '# hoofd']
    ].map(([p, t]) => parseNote(t as string, p as string))
  )
  test.each([
    ['hoofd', '', 'resolved', 'Hoofd.md'],
    ['HOOFD.md', '', 'resolved', 'Hoofd.md'],
    ['dieper', '', 'resolved', 'b/sub/Diep.md'],
    ['sub/Diep', '', 'resolved', 'b/sub/Diep.md'],
    ['b/sub/diep', '', 'resolved', 'b/sub/Diep.md'],
    ['./Notitie', 'a/x.md', 'resolved', 'a/Notitie.md'],
    ['../b/Notitie', 'a/x.md', 'resolved', 'b/Notitie.md'],
    ['ander-id', '', 'resolved', 'c/Ander.md'],
    ['Notitie', '', 'ambiguous', 'a/Notitie.md,b/Notitie.md'],
    ['Gedeeld', '', 'ambiguous', 'b/sub/Diep.md,c/Ander.md'],
    ['Bestaat niet', '', 'broken', ''],
    ['x/Hoofd', '', 'broken', '']
  ])('%s from "%s" is %s', (target, from, status, paths) => {
    const r = g.resolve(target, from)
    expect(r.status).toBe(status)
    if (r.status === 'resolved') expect(r.node.path).toBe(paths)
    if (r.status === 'ambiguous') expect(r.candidates.map((c) => c.path).join(',')).toBe(paths)
  })
})

describe('library problems', () => {
  test.each([
    ['unknown-type', '---\ntype: casus\nbron: ["1"]\n---\n', 2],
    ['missing-type', '---\ntitle: x\nbron: ["4.2"]\n---\n', 1],
    ['missing-field', '---\ntype: methodiek\nbewijs: veelbelovend\nbron: ["2.3"]\n---\n', 1],
    ['wrong-type', '---\ntype: literatuur\nbron: ["R"]\nauteurs: ["A"]\njaar: "twee"\ntitel: T\nsoort: boek\n---\n', 5],
    ['invalid-value', '---\ntype: methodiek\nbron: ["2.3"]\nbewijs: wel goed\nsignalen: [a, b, c, d, e]\n---\n', 4],
    ['missing-field', `---\ntype: praktijk\nbron: ["4.2"]\n${SIGNALEN}thema: ["[[Anker]]"]\n---\n`, 1],
    ['invalid-value', `---\ntype: praktijk\nbron: ["4.2"]\n${SIGNALEN}thema: ["[[Anker]]"]\ngrondslag: bewezen\n---\n`, 6],
    ['wrong-type', '---\ntype: thema\nbron: [4.10]\n---\n', 3],
    ['signal-count', '---\ntype: methodiek\nbron: ["2.3"]\nbewijs: veelbelovend\nsignalen: [a]\n---\n', 5],
    ['broken-link', `${THEMA()}Zie [[Nergens]].\n`, 6],
    ['self-link', `${THEMA()}Zie [[Zelf]].\n`, 6],
    ['empty', '', 1]
  ])('should report %s on its line', (code, text, line) => {
    const lib = library({ 'Zelf.md': text, 'Anker.md': `${THEMA()}[[Zelf]]\n` })
    const found = lib.problems().filter((p) => p.file === 'Zelf.md' && p.code !== 'orphan')
    expect(found.map((p) => [p.code, p.line])).toContainEqual([code, line])
  })

  test('should accept one signal on a methodiek the report only names, and point to that exception otherwise', () => {
    const note = (extra: string): string => `---\ntype: methodiek\nbron: ["4.10"]\nbewijs: niet vermeld\n${extra}---\n# M\n`
    const lib = library({
      'Genoemd.md': note('vermelding: alleen genoemd\nsignalen: ["Yucel"]\n'),
      'Beschreven.md': note('vermelding: beschreven\nsignalen: ["Yucel"]\n'),
      'Leeg.md': note('vermelding: alleen genoemd\nsignalen: []\n'),
      'Te veel.md': note(`vermelding: alleen genoemd\nsignalen: [${Array.from({ length: 16 }, (_, i) => `"s${i}"`).join(', ')}]\n`),
      'Anker.md': `${THEMA()}[[Genoemd]] [[Beschreven]] [[Leeg]] [[Te veel]]\n`
    })
    const counts = lib.problems().filter((p) => p.code === 'signal-count' || p.code === 'missing-field')
    expect(counts.map((p) => [p.file, p.code]).sort()).toEqual([
      ['Beschreven.md', 'signal-count'],
      ['Leeg.md', 'missing-field'],
      ['Te veel.md', 'signal-count']
    ])
    expect(counts.find((p) => p.file === 'Beschreven.md')?.message).toContain('zet `vermelding: alleen genoemd`; dan is 1 genoeg')
    expect(counts.find((p) => p.file === 'Te veel.md')?.message).toBe('Veld `signalen` heeft 16 onderdelen; 1 tot 15 werkt het best.')
  })

  test('should report a link to the wrong kind of note and make no edge for it', () => {
    const lib = library({ 'T.md': THEMA(), 'P.md': PRAKTIJK('thema: ["[[T]]"]\nliteratuur: ["[[T]]"]\n') })
    expect(codes(lib.problems())).toEqual([['P.md', 'wrong-kind-link', 6]])
    expect(lib.graph.edgesFrom('P').map((e) => e.kind)).toEqual(['theme'])
  })

  test('should report a missing required link field of a praktijk', () => {
    const lib = library({ 'P.md': PRAKTIJK('') })
    expect(codes(lib.problems())).toContainEqual(['P.md', 'missing-field', 1])
  })

  test('should report ambiguous links and duplicate ids', () => {
    const lib = library({ 'a/T.md': THEMA(), 'b/T.md': THEMA(), 'P.md': PRAKTIJK('thema: ["[[T]]"]\n') })
    expect(codes(lib.problems())).toEqual([
      ['P.md', 'ambiguous-link', 5],
      ['b/T.md', 'duplicate-id', 1]
    ])
  })

  test('should warn about orphans, but not about index notes or plain notes', () => {
    const lib = library({ 'T.md': THEMA(), 'I.md': '---\ntype: index\n---\n', 'Plain.md': '# gewoon' })
    expect(codes(lib.problems(), true)).toEqual([['T.md', 'orphan', 1]])
  })

  test('should keep loading when a file is binary, not UTF-8, too large, empty or has bad YAML', () => {
    const lib = new Library(
      [
        { path: 'bin.md', bytes: new Uint8Array([1, 0, 2]) },
        { path: 'latin1.md', bytes: new Uint8Array([0x63, 0x61, 0xe9]) },
        { path: 'groot.md', bytes: new Uint8Array(5 * 1024 * 1024).fill(97) },
        { path: 'enorm.md', size: 1e10 },
        { path: 'leeg.md', text: '' },
        { path: 'yaml.md', text: '---\ntype: thema\nbron: ["1"\n---\n' },
        { path: 'T.md', text: THEMA() },
        { path: 'P.md', text: PRAKTIJK('thema: ["[[T]]"]\n') }
      ],
      {}
    )
    expect(codes(lib.problems())).toEqual([
      ['bin.md', 'binary', 1],
      ['enorm.md', 'too-large', 1],
      ['groot.md', 'too-large', 1],
      ['latin1.md', 'encoding', 1],
      ['leeg.md', 'empty', 1],
      ['yaml.md', 'yaml', 3]
    ])
    expect(lib.graph.edgesFrom('P').map((e) => e.to)).toEqual(['T.md'])
  })
})

describe('incremental updates', () => {
  test('should resolve links when their target appears, and break them when it goes', () => {
    const lib = library({ 'P.md': PRAKTIJK('thema: ["[[Nieuw]]"]\n') })
    expect(codes(lib.problems())).toEqual([['P.md', 'broken-link', 5]])
    lib.upsert({ path: 'themas/Nieuw.md', text: THEMA() })
    expect(lib.problems()).toEqual([])
    expect(lib.graph.edgesTo('Nieuw').map((e) => e.from)).toEqual(['P.md'])
    lib.remove('themas/Nieuw.md')
    expect(codes(lib.problems())).toEqual([['P.md', 'broken-link', 5]])
    expect(lib.graph.edgesTo('Nieuw')).toEqual([])
  })

  test('should follow an alias added to or removed from another note', () => {
    const lib = library({ 'T.md': THEMA(), 'P.md': PRAKTIJK('thema: ["[[Bijnaam]]"]\n') })
    expect(lib.graph.edgesFrom('P')).toEqual([])
    lib.upsert({ path: 'T.md', text: THEMA('aliases: [Bijnaam]\n') })
    expect(lib.graph.edgesFrom('P').map((e) => e.to)).toEqual(['T.md'])
    lib.upsert({ path: 'T.md', text: THEMA() })
    expect(lib.graph.edgesFrom('P')).toEqual([])
  })

  test('should give the same graph after updates as a fresh build', () => {
    const files: Record<string, string> = {
      'T.md': THEMA(),
      'U.md': THEMA('gerelateerd: ["[[T]]"]\n'),
      'P.md': PRAKTIJK('thema: ["[[T]]", "[[U]]"]\n')
    }
    const lib = library({})
    for (const [path, text] of Object.entries(files)) lib.upsert({ path, text })
    lib.rename('U.md', { path: 'sub/U.md', text: files['U.md'] as string })
    const fresh = library({ ...files, 'sub/U.md': files['U.md'] as string, 'U.md': '' })
    fresh.remove('U.md')
    expect(lib.graph.edges()).toEqual(fresh.graph.edges())
    expect(lib.problems()).toEqual(fresh.problems())
  })

  test('should turn a note that becomes unreadable into one problem and drop it from the graph', () => {
    const lib = library({ 'T.md': THEMA() })
    lib.upsert({ path: 'T.md', bytes: new Uint8Array([0]) })
    expect(lib.graph.size).toBe(0)
    expect(codes(lib.problems())).toEqual([['T.md', 'binary', 1]])
  })
})

describe('notes without type', () => {
  test('are ordinary notes when their frontmatter has no library fields, and a warning when it has', () => {
    const lib = library({ 'Casus.md': '---\ndatum: 2026-01-01\npseudoniem: K.\ntags: [casus]\n---\n# Casus\n', 'Vergeten.md': '---\nbron: ["4.2"]\nsignalen: [a]\n---\n' })
    expect(codes(lib.problems())).toEqual([['Vergeten.md', 'missing-type', 1]])
  })
})
