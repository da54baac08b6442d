import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { frontmatterEnd, parseFrontmatter } from '../src/note/frontmatter.js'
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
    expect(fm.problems[0]?.message).toContain('komt al eerder voor')
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

describe('frontmatterEnd', () => {
  test('should give the offset after the closing line, also for ---yaml', () => {
    expect(frontmatterEnd('---\nx: 1\n---\nbody')).toBe(13)
    expect(frontmatterEnd('---yaml\nx: 1\n---\nbody')).toBe(17)
    expect(frontmatterEnd('---\r\nx: 1\r\n---\r\nbody')).toBe(16)
  })

  test('should see no frontmatter before a ---- rule, in a block never closed, or in a plain note', () => {
    expect(frontmatterEnd('----\nSchulden lopen op.\n---\nVerder rustig.')).toBe(0)
    expect(frontmatterEnd('---\nx: 1\n')).toBe(0)
    expect(frontmatterEnd('Geen frontmatter.\n---\n')).toBe(0)
  })

  test('should always agree with the parser on where the body starts', () => {
    const text = fc.array(fc.constantFrom('---', '----', '---yaml', '--- ', 'x: 1', 'tekst', '', '\t---'), { maxLength: 8 }).map((lines) => lines.join('\n'))
    fc.assert(
      fc.property(text, (t) => {
        expect(frontmatterEnd(t)).toBe(parseFrontmatter(t, 'a.md').bodyOffset)
      }),
      { numRuns: 500 }
    )
  })
})
