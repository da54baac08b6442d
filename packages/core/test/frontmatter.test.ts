import { afterEach, describe, expect, test } from 'vitest'
import { parseFrontmatter } from '../src/note/frontmatter.js'
import { parseNote } from '../src/note/parse.js'

const globals = globalThis as { __pwExecuted?: boolean }

describe('frontmatter', () => {
  afterEach(() => {
    delete globals.__pwExecuted
  })

  test('should parse YAML fields, keeping dates as text', () => {
    const fm = parseFrontmatter('---\ntitle: Een\ndatum: 2024-03-01\njaar: 2018\n---\nbody', 'a.md')
    expect(fm.data).toEqual({ title: 'Een', datum: '2024-03-01', jaar: 2018 })
    expect([fm.bodyLine, fm.bodyOffset]).toEqual([6, 48])
    expect(fm.problems).toEqual([])
  })

  test('should report malformed YAML with the line in the file', () => {
    const fm = parseFrontmatter('---\ntitle: Een\nlijst: [a, b\nx: 1\n---\nbody', 'a.md')
    expect(fm.data).toEqual({})
    expect(fm.problems).toHaveLength(1)
    expect(fm.problems[0]).toMatchObject({ file: 'a.md', level: 'error', code: 'yaml' })
    expect(fm.problems[0]?.line).toBeGreaterThanOrEqual(3)
    expect(fm.problems[0]?.line).toBeLessThanOrEqual(4)
  })

  test('should report a duplicate key on its line', () => {
    const fm = parseFrontmatter('---\ntitle: Een\ntitle: Twee\n---\n', 'a.md')
    expect(fm.problems).toMatchObject([{ code: 'yaml', line: 3 }])
    expect(fm.problems[0]?.message).toContain('twee keer')
  })

  test('should report tabs used for indentation', () => {
    const fm = parseFrontmatter('---\ntype: thema\na:\n  \tb: 1\n---\n', 'a.md')
    expect(fm.problems).toMatchObject([{ code: 'yaml', level: 'error', line: 4, column: 3 }])
    expect(fm.problems[0]?.message).toContain('tab')
  })

  test('should report unclosed frontmatter and read the note without fields', () => {
    const note = parseNote('---\ntype: thema\n# Kop\n\ntekst [[A]]\n', 'a.md')
    expect(note.problems).toMatchObject([{ code: 'frontmatter-unclosed', line: 1 }])
    expect(note.frontmatter).toEqual({})
    expect(note.links).toMatchObject([{ target: 'A', line: 5 }])
  })

  test.each(['js', 'javascript', 'coffee', 'JS'])('should never run code in ---%s frontmatter', (lang) => {
    const text = `---${lang}\n{ title: (globalThis.__pwExecuted = true, 'x') }\n---\nbody\n`
    const fm = parseFrontmatter(text, 'evil.md')
    expect(globals.__pwExecuted).toBeUndefined()
    expect(fm.data).toEqual({})
    expect(fm.problems).toMatchObject([{ code: 'frontmatter-engine', level: 'error', line: 1 }])
  })

  test('should refuse code even when YAML asks for a JavaScript tag', () => {
    const fm = parseFrontmatter("---\nx: !!js/function 'function () { globalThis.__pwExecuted = true }'\n---\n", 'evil.md')
    expect(globals.__pwExecuted).toBeUndefined()
    expect(fm.problems).toMatchObject([{ code: 'yaml' }])
  })

  test('should report a frontmatter that is a list, not fields', () => {
    const fm = parseFrontmatter('---\n- a\n- b\n---\n', 'a.md')
    expect(fm.problems).toMatchObject([{ code: 'frontmatter-not-object' }])
  })

  test('should treat a thematic break of more dashes as body, not frontmatter', () => {
    expect(parseFrontmatter('----\ntekst\n', 'a.md').present).toBe(false)
  })

  test('should not share data objects between calls', () => {
    const a = parseFrontmatter('---\nx: 1\n---\n', 'a.md')
    a.data['x'] = 2
    expect(parseFrontmatter('---\nx: 1\n---\n', 'a.md').data['x']).toBe(1)
  })
})
