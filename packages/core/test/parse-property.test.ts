// Properties of the parser on any input (fast-check): it never throws, every position it gives lies inside
// the text, a body link's position points at the link as written, and decoding any bytes never throws.
import fc from 'fast-check'
import type { Nodes } from 'mdast'
import { describe, expect, test } from 'vitest'
import { markdown, mayHoldTable, parseMarkdownText } from '../src/note/markdown.js'
import { parseNote, parseNoteTree } from '../src/note/parse.js'
import { decodeNote } from '../src/note/decode.js'
import { frontmatterEnd } from '../src/note/frontmatter.js'
import { findWikiLinks } from '../src/note/wikilink.js'
import { positionAt } from '../src/problem.js'

/** Pieces that make Markdown, YAML and wikilinks interesting; strung together at random. */
const PIECES = [
  '---\n', '---js\n', '---\ntype: thema\nbron: ["1"]\n', 'type: praktijk\n', 'thema: [[A]]\n', 'aliases: ["x", 1]\n', 'tags: [a, b]\n',
  '\n', '\n\n', ' ', '\t', '  - ', '- ', '* ', '1. ', '> ', '# ', '### ', '===\n', '---', '```\n', '~~~\n', '`', '**', '*', '_', '~~',
  '[[', ']]', '[[A]]', '![[B#Kop|label]]', '[[a/b/C]]', '[[ ]]', '[[#x]]', '|', '\\|', '[', ']', '(', ')', '<', '>', '<!-- ', ' -->',
  '#tag', '%%', '&amp;', 'é', '👩🏽‍⚕️', '\u00a0', '\u200b', 'Cliënt', 'a', 'Kop', '- [ ] ', '- [x] ', '|a|b|\n|-|-|\n', ': ', '"', "'", '{', '}'
]

const markdownish = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''))
const anyText = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }))

function linesOf(text: string): string[] {
  return text.split('\n')
}

describe('parser properties', () => {
  test('should never throw, and give every position inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const note = parseNote(text, 'map/Notitie.md')
        const lines = linesOf(text)
        const inside = (line: number, column: number): void => {
          expect(line).toBeGreaterThanOrEqual(1)
          expect(line).toBeLessThanOrEqual(lines.length)
          expect(column).toBeGreaterThanOrEqual(1)
          expect(column).toBeLessThanOrEqual((lines[line - 1] ?? '').length + 1)
        }
        for (const link of note.links) inside(link.line, link.column)
        for (const p of note.problems) inside(p.line, p.column)
        for (const section of note.sections) {
          inside(section.line, 1)
          expect(section.endLine).toBeGreaterThanOrEqual(section.line - 1)
          expect(section.endLine).toBeLessThanOrEqual(lines.length)
          for (const item of section.items) inside(item.line, 1)
        }
        expect(note.bodyLine).toBeGreaterThanOrEqual(1)
        expect(note.bodyLine).toBeLessThanOrEqual(lines.length + 1)
        expect(note.blank).toBe(text.slice(frontmatterEnd(text)).trim() === '')
      }),
      { numRuns: 400 }
    )
  })

  test('should give every tree position in file coordinates: its line and column are those of its offset', () => {
    fc.assert(
      // The parser gets decoded text: line ends are `\n` (micromark would count a lone `\r` as one too).
      fc.property(fc.oneof(anyText, anyText.map((t) => `---\ntitle: x\n---\n${t}`)).map((t) => t.replace(/\r\n?/g, '\n')), (text) => {
        const { tree } = parseNoteTree(text, 'Notitie.md')
        const visit = (node: Nodes): void => {
          if (node.position) {
            for (const point of [node.position.start, node.position.end]) {
              if (point.offset === undefined) continue
              expect(point.offset).toBeGreaterThanOrEqual(frontmatterEnd(text))
              expect(point.offset).toBeLessThanOrEqual(text.length)
              expect({ line: point.line, column: point.column }).toEqual(positionAt(text, point.offset))
            }
          }
          if ('children' in node) for (const child of node.children) visit(child)
        }
        for (const child of tree.children) visit(child)
      }),
      { numRuns: 300 }
    )
  })

  test('should point each body link at the link as written', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const note = parseNote(text, 'Notitie.md')
        const lines = linesOf(text)
        for (const link of note.links.filter((l) => l.field === undefined)) {
          expect((lines[link.line - 1] ?? '').slice(link.column - 1)).toMatch(new RegExp(`^${escape(link.raw)}`))
        }
      }),
      { numRuns: 300 }
    )
  })

  test('should find the same links wherever the text is cut into lines (no link spans a line)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const whole = findWikiLinks(text).map((l) => l.raw)
        const perLine = text.split('\n').flatMap((line) => findWikiLinks(line).map((l) => l.raw))
        expect(whole).toEqual(perLine)
        for (const link of findWikiLinks(text)) expect(text.slice(link.offset, link.offset + link.raw.length)).toBe(link.raw)
      }),
      { numRuns: 300 }
    )
  })

  test('should give the same tree with or without the table extension wherever no line could be a delimiter row', () => {
    // Table rows and near-misses: delimiter rows with and without pipes or colons, in lists and quotes.
    const rows = fc.array(
      fc.oneof(fc.constantFrom('|', '-', ':', ' ', 'a', '\n', '> ', '- ', '1. ', '\\|', '`', '|a|b|\n', '|-|-|\n', ':--\n', '---\n', '-|-\n', 'x\n'), fc.string({ maxLength: 4 })),
      { maxLength: 40 }
    )
    fc.assert(
      fc.property(fc.oneof(markdownish, rows.map((parts) => parts.join(''))), (text) => {
        const full = markdown.parse(text)
        const tables = JSON.stringify(full).includes('"type":"table"')
        if (tables) expect(mayHoldTable(text)).toBe(true)
        expect(parseMarkdownText(text)).toEqual(full)
      }),
      { numRuns: 600 }
    )
  })

  test('should decode any bytes without throwing: text, or one problem inside the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeNote(bytes, 'x.md', { maxBytes: 200 })
        if (decoded.ok) {
          expect(decoded.text.includes('\r')).toBe(false)
          expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff)
          parseNote(decoded.text, 'x.md')
        } else {
          expect(decoded.problem.line).toBeGreaterThanOrEqual(1)
          expect(decoded.problem.line).toBeLessThanOrEqual(bytes.filter((b) => b === 10).length + 1)
        }
      }),
      { numRuns: 400 }
    )
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
