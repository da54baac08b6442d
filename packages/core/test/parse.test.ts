import { describe, expect, test } from 'vitest'
import { parseNote, parseNoteTree } from '../src/note/parse.js'
import { findWikiLinks, normalizeName, parseWikiLinkInner } from '../src/note/wikilink.js'

describe('wikilinks', () => {
  test('should read every link form', () => {
    const links = findWikiLinks('[[A]] [[B|label]] [[C#Kop]] [[D#Kop|lbl]] ![[E]] [[F#^blok]] [[G\\|tabel]]')
    expect(links.map((l) => [l.target, l.heading, l.label, l.embed])).toEqual([
      ['A', undefined, undefined, false],
      ['B', undefined, 'label', false],
      ['C', 'Kop', undefined, false],
      ['D', 'Kop', 'lbl', false],
      ['E', undefined, undefined, true],
      ['F', '^blok', undefined, false],
      ['G', undefined, 'tabel', false]
    ])
  })

  test('should give the offset of each link', () => {
    const text = 'ab [[X]] cd ![[Y]]'
    expect(findWikiLinks(text).map((l) => [l.offset, text.slice(l.offset, l.offset + l.raw.length)])).toEqual([
      [3, '[[X]]'],
      [12, '![[Y]]']
    ])
  })

  test('should not treat same-note heading links or empty links as links to a note', () => {
    expect(parseWikiLinkInner('#Kop')).toBeUndefined()
    expect(findWikiLinks('[[]] [[#Kop]] [[ ]]')).toEqual([])
  })

  test('should not match across lines or nested brackets', () => {
    expect(findWikiLinks('[[A\nB]] [[[[C]]')).toHaveLength(1)
    expect(findWikiLinks('[[A\nB]] [[[[C]]')[0]?.target).toBe('C')
  })

  test('should stay fast on runs of brackets', () => {
    const evil = '[['.repeat(50_000) + 'x'.repeat(10_000)
    expect(findWikiLinks(evil)).toEqual([])
  })

  test('normalizeName folds case, extension and slashes', () => {
    expect(normalizeName(' Map\\Menger 2018.MD ')).toBe('map/menger 2018')
  })
})

const NOTE = `---
type: praktijk
aliases: [Eerste gesprek, "Kennismaking"]
tags: [forensisch, "#casus"]
thema: ["[[Werkalliantie]]", "[[Samenwerking|samen]]"]
bron: ["6.3"]
---
# Kennismaking

Eerst zonder [[Reclassering#Taken|de PB]], daarna met. #overleg

## Wat werkt

- Eerst de cliënt alleen spreken
- Daarna een [[Driepartijenoverleg]]
  - met afspraken op papier
- [ ] open taak

## Aandachtspunten

Tekst met \`[[geen link]]\` en:

\`\`\`
[[ook geen link]]
\`\`\`
`

describe('parseNote', () => {
  const note = parseNote(NOTE, 'praktijken/Kennismaking.md')

  test('should split path, name and folder', () => {
    expect([note.path, note.name, note.folder]).toEqual(['praktijken/Kennismaking.md', 'Kennismaking', 'praktijken'])
  })

  test('should read frontmatter fields, aliases and tags', () => {
    expect(note.frontmatter['type']).toBe('praktijk')
    expect(note.aliases).toEqual(['Eerste gesprek', 'Kennismaking'])
    expect(note.tags).toEqual(['casus', 'forensisch', 'overleg'])
  })

  test('should find links in frontmatter lists with their field, line and column', () => {
    const fm = note.links.filter((l) => l.field)
    expect(fm.map((l) => [l.target, l.label, l.field, l.line, l.column])).toEqual([
      ['Werkalliantie', undefined, 'thema', 5, 10],
      ['Samenwerking', 'samen', 'thema', 5, 31]
    ])
  })

  test('should find links in the body at their line and column in the file, not inside code', () => {
    const body = note.links.filter((l) => !l.field)
    expect(body.map((l) => [l.target, l.heading, l.line, l.column])).toEqual([
      ['Reclassering', 'Taken', 10, 14],
      ['Driepartijenoverleg', undefined, 15, 14]
    ])
    const lines = NOTE.split('\n')
    for (const l of note.links) expect(lines[l.line - 1]?.slice(l.column - 1)).toMatch(/^!?\[\[/)
  })

  test('should give sections with their heading, depth, lines and own list items', () => {
    expect(note.sections.map((s) => [s.heading, s.depth, s.line, s.endLine])).toEqual([
      ['Kennismaking', 1, 8, 26],
      ['Wat werkt', 2, 12, 18],
      ['Aandachtspunten', 2, 19, 26]
    ])
    const watWerkt = note.sections.find((s) => s.heading === 'Wat werkt')
    expect(watWerkt?.items.map((i) => [i.text, i.line, i.checked])).toEqual([
      ['Eerst de cliënt alleen spreken', 14, null],
      ['Daarna een Driepartijenoverleg\nmet afspraken op papier', 15, null],
      ['open taak', 17, false]
    ])
    expect(note.sections[0]?.items).toEqual([])
  })

  test('should give plain text with links replaced by their label or target', () => {
    expect(note.text).toContain('Eerst zonder de PB, daarna met.')
    expect(note.text).toContain('Daarna een Driepartijenoverleg')
    expect(note.text).not.toContain('[[')
  })

  test('should read a note without frontmatter', () => {
    const plain = parseNote('# Kop\n\n[[A]]\n', 'a.md')
    expect(plain.hasFrontmatter).toBe(false)
    expect(plain.links[0]).toMatchObject({ target: 'A', line: 3, column: 1 })
    expect(plain.problems).toEqual([])
  })

  test('should read an unquoted link in frontmatter and warn about it', () => {
    const n = parseNote('---\ntype: praktijk\nthema: [[Veiligheid]]\n---\n', 'x.md')
    expect(n.links).toMatchObject([{ target: 'Veiligheid', field: 'thema', line: 3, column: 8 }])
    expect(n.problems).toMatchObject([{ code: 'unquoted-link', level: 'warning', line: 3 }])
  })

  test('should give body positions after frontmatter with a trailing blank line', () => {
    const n = parseNote('---\na: 1\n---\n\n\nregel [[X]]\n', 'x.md')
    expect(n.bodyLine).toBe(4)
    expect(n.links[0]).toMatchObject({ line: 6, column: 7 })
  })
})

describe('markdown flavour', () => {
  test('should read tables and strikethrough, and keep bare URLs as text', () => {
    const { note: n, tree } = parseNoteTree('| a | b |\n| - | - |\n| [[X]] | ~~weg~~ |\n\nzie https://example.org en www.voorbeeld.nl\n', 'a.md')
    expect(tree.children.map((c) => c.type)).toEqual(['table', 'paragraph'])
    expect(n.links.map((l) => l.target)).toEqual(['X'])
    expect(n.text).toContain('weg')
    expect(JSON.stringify(tree)).not.toContain('"type":"link"')
  })

  test('the parser source has no regular-expression lookbehind (Obsidian on older iOS cannot parse it)', async () => {
    const { build } = await import('esbuild')
    const out = await build({ entryPoints: [new URL('../src/index.ts', import.meta.url).pathname], bundle: true, write: false, platform: 'browser', format: 'esm', logLevel: 'silent' })
    const code = out.outputFiles[0]?.text ?? ''
    expect(code.length).toBeGreaterThan(10_000)
    expect(code).not.toMatch(/\(\?<[=!]/)
  })
})
