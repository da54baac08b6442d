// The bad-input corpus (tests/fixtures/bad/ plus generated files): every bad file gives a clear problem
// with its file and line, the rest of the folder loads, and nothing throws — not the library, the graph,
// the engine or the command line. How long it takes is measured by `pnpm bench:bad`, not here.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library, parseNote, type Problem, type ProblemCode, type SourceFile } from '@praktijkwijzer/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ROOT } from '../lib/files.js'
import { badCorpus, generatedFiles } from './corpus.js'

/** File, problem code, line and (where it matters) column. */
const EXPECTED: Array<[string, ProblemCode, number, number?]> = [
  ['YAML kapot.md', 'yaml', 4],
  ['YAML met tabs.md', 'yaml', 5],
  ['Dubbele sleutel.md', 'yaml', 4],
  ['Niet afgesloten.md', 'frontmatter-unclosed', 1],
  ['Verkeerde veldtypen.md', 'wrong-type', 5],
  ['Verkeerde veldtypen.md', 'wrong-type', 6],
  ['Onbekend type.md', 'unknown-type', 2],
  ['Dubbel id twee.md', 'duplicate-id', 1],
  ['b/Zelfde naam.md', 'duplicate-id', 1],
  ['Kapotte link.md', 'broken-link', 7, 20],
  ['Dubbelzinnige link.md', 'ambiguous-link', 7, 18],
  ['Zelflink.md', 'self-link', 8, 25],
  ['Link zonder aanhalingstekens.md', 'unquoted-link', 4, 14],
  ['Code in de frontmatter.md', 'frontmatter-engine', 1],
  ['YAML-bom.md', 'wrong-type', 12],
  ['Leeg.md', 'empty', 1],
  ['Alleen witruimte.md', 'empty', 1],
  // The byte-order mark is dropped and CRLF read as LF: the link is found on its own line and column.
  ['Met BOM.md', 'broken-link', 7, 20],
  ['Windows-regeleinden.md', 'broken-link', 7, 20],
  ['gegenereerd/Vijf megabyte.md', 'too-large', 1],
  ['gegenereerd/Plaatje.md', 'binary', 1],
  ['gegenereerd/Latin-1.md', 'encoding', 9, 4],
  ['gegenereerd/Honderdduizend links.md', 'plain-text', 6],
  ['gegenereerd/Diep genest.md', 'plain-text', 8],
  ['gegenereerd/Diep genest.md', 'plain-text', 10],
  ['gegenereerd/Sterretjes.md', 'plain-text', 8],
  ['gegenereerd/Haken.md', 'plain-text', 8],
  ['gegenereerd/Wikilinkhaken.md', 'plain-text', 8],
  ['gegenereerd/Tags.md', 'plain-text', 8],
  ['gegenereerd/Spaties.md', 'plain-text', 8],
  ['gegenereerd/Onderstreepte koppen.md', 'plain-text', 89]
]

/** Files that are unusual but fine: they load without a problem of their own. */
const FINE = ['Kring A.md', 'Kring B.md', 'Kring C.md', 'gegenereerd/Lange inhoudsopgave.md', 'gegenereerd/Lange waarde.md', 'gegenereerd/Veel velden.md']

/** Files that cannot be read at all and so are no note. */
const UNREADABLE = ['gegenereerd/Vijf megabyte.md', 'gegenereerd/Plaatje.md', 'gegenereerd/Latin-1.md']

let files: SourceFile[]
let library: Library

beforeAll(() => {
  files = badCorpus()
  library = new Library(files)
})

function problemsOf(file: string): Problem[] {
  return library.problems().filter((p) => p.file === file)
}

describe('the bad-input corpus', () => {
  test.each(EXPECTED)('%s gives a %s problem on line %i', (file, code, line, column) => {
    const found = problemsOf(file).filter((p) => p.code === code && p.line === line)
    expect(found, `${file}: ${JSON.stringify(problemsOf(file), null, 1)}`).not.toHaveLength(0)
    if (column !== undefined) expect(found.map((p) => p.column)).toContain(column)
    for (const p of found) expect(p.message).toMatch(/^[A-Z].*[.)]$/s)
  })

  test('should give every bad file at least one problem, and the fine ones none of their own', () => {
    const bad = new Set(EXPECTED.map(([file]) => file))
    for (const file of files.map((f) => f.path)) {
      if (bad.has(file)) expect(problemsOf(file).length, file).toBeGreaterThan(0)
    }
    for (const file of FINE) expect(problemsOf(file), file).toEqual([])
  })

  test('should point every problem at a line that exists in its file', () => {
    const lineCount = new Map(files.map((f) => [f.path, new TextDecoder().decode(f.bytes).split('\n').length]))
    for (const p of library.problems()) {
      expect(p.line, `${p.file}:${p.line}`).toBeGreaterThanOrEqual(1)
      expect(p.line, `${p.file}:${p.line}`).toBeLessThanOrEqual(lineCount.get(p.file) ?? 0)
      expect(p.column).toBeGreaterThanOrEqual(1)
    }
  })

  test('should load every readable file as a note, and only those', () => {
    const notes = library.graph.nodes().map((n) => n.path)
    expect(notes.sort()).toEqual(files.map((f) => f.path).filter((p) => !UNREADABLE.includes(p)).sort())
  })

  test('should follow a cycle of links without trouble', () => {
    const graph = library.graph
    expect(graph.edgesFrom('Kring A.md', 'related').map((e) => e.to)).toEqual(['Kring B.md'])
    expect(graph.edgesFrom('Kring C.md', 'related').map((e) => e.to)).toEqual(['Kring A.md'])
    expect(graph.neighbours('Kring A.md', { kind: 'related' }).map((n) => n.path)).toEqual(expect.arrayContaining(['Kring B.md', 'Kring C.md']))
    expect(graph.neighbours('Kring B.md', { kind: 'related', direction: 'out' }).map((n) => n.path)).toEqual(['Kring C.md'])
  })

  test('should keep the text and links of a note read as plain text', () => {
    const links = library.graph.byPath('gegenereerd/Honderdduizend links.md')?.note.links ?? []
    expect(links).toHaveLength(100_001)
    expect(links[100_000]).toMatchObject({ target: 'Kring A', line: 100_007, column: 3 })
    // One edge per kind, however often the link is written: the field's `related` and the text's `mention`.
    expect(library.graph.edgesFrom('gegenereerd/Honderdduizend links.md').map((e) => `${e.kind} ${e.to}`)).toEqual(['related Kring A.md', 'mention Kring A.md'])
    expect(library.graph.byPath('gegenereerd/Sterretjes.md')?.note.text).toContain('*_*_*_')
    const outline = library.graph.byPath('gegenereerd/Lange inhoudsopgave.md')?.note
    expect(outline?.sections[0]?.items).toHaveLength(1_200)
  })

  test('should read a note with a byte-order mark and CRLF line ends as the same note without them', () => {
    const bom = library.graph.byPath('Met BOM.md')
    const crlf = library.graph.byPath('Windows-regeleinden.md')
    expect(bom?.type).toBe('thema')
    expect(crlf?.type).toBe('thema')
    expect(crlf?.note.text).not.toContain('\r')
    expect(crlf?.note.sections.map((s) => s.heading)).toEqual(['Windows-regeleinden'])
  })

  test('should never run code from a note', () => {
    expect(library.graph.byPath('Code in de frontmatter.md')?.note.frontmatter).toEqual({})
  })

  test('should index the corpus and answer any of its notes as a query without throwing', () => {
    for (const file of files) {
      const text = new TextDecoder().decode(file.bytes).slice(0, 300_000)
      const result = library.suggest(text, { focus: 'section', cursor: 1_000 })
      for (const s of result.suggestions) expect(s.score).toBeGreaterThanOrEqual(0)
    }
  })

  test('should take every file again, one at a time, and then lose it', () => {
    const live = new Library(files.filter((f) => !f.path.startsWith('gegenereerd/')))
    for (const file of files) live.upsert(file)
    expect(live.graph.size).toBe(library.graph.size)
    for (const file of files) live.remove(file.path)
    expect(live.graph.size).toBe(0)
    expect(live.problems()).toEqual([])
  })

  test('should parse every generated text directly without throwing, with every position inside it', () => {
    for (const [path, bytes] of Object.entries(generatedFiles())) {
      const text = new TextDecoder().decode(bytes)
      if (text.length > 2 * 1024 * 1024) continue
      const note = parseNote(text, path)
      const lines = text.split('\n').length
      for (const link of note.links) expect(link.line).toBeLessThanOrEqual(lines)
      for (const section of note.sections) expect(section.endLine).toBeLessThanOrEqual(lines)
    }
  })
})

describe('the command line on the corpus', () => {
  let dir = ''
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-bad-'))
    const { writeBadCorpus } = await import('./corpus.js')
    writeBadCorpus(dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('should print each problem as path:line:col and exit 1', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/praktijkwijzer.js'), 'check', dir], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('YAML kapot.md:4:1  fout  Ongeldige YAML')
    expect(r.stdout).toContain('Windows-regeleinden.md:7:20  fout  De link [[Nergens]]')
    expect(r.stdout).toContain('gegenereerd/Latin-1.md:9:4  fout  Dit bestand is geen geldige UTF-8-tekst')
    expect(r.stdout).toContain('gegenereerd/Diep genest.md:8:1  waarschuwing  Regel 8 is als gewone tekst gelezen')
    expect(r.stdout).toMatch(/34 notities gelezen: \d+ fouten, \d+ waarschuwingen\.\n$/)
  })
})
