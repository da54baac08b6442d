// The Markdown limits of the core (packages/core/src/note/bounded-markdown.ts) change nothing for real notes:
// every note of the shipped library parses to exactly the tree remark gives, and a long ordinary note
// parsed in chunks keeps its headings, list items, text and positions.
import { describe, expect, test } from 'vitest'
import { CHUNK_FROM, MAX_BODY, parseMarkdown } from '../../packages/core/src/note/bounded-markdown.js'
import { markdown } from '../../packages/core/src/note/markdown.js'
import { frontmatterEnd } from '@praktijkwijzer/core'
import { LIBRARY, readMarkdown } from '../lib/files.js'

type Root = ReturnType<typeof parseMarkdown>['tree']
interface Nodes {
  type: string
  value?: string
  depth?: number
  children?: Nodes[]
  position?: { start: { line: number; offset?: number | undefined } } | undefined
}

function toString(node: Nodes | undefined): string {
  if (!node) return ''
  return typeof node.value === 'string' ? node.value : (node.children ?? []).map(toString).join('')
}

function summary(tree: Root): { headings: string[]; items: number; text: string } {
  const headings: string[] = []
  let items = 0
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') headings.push(`${node.depth} ${toString(node)} @${node.position?.start.line}:${node.position?.start.offset}`)
    if (node.type === 'listItem') items++
    for (const child of node.children ?? []) visit(child)
  }
  visit(tree as Nodes)
  return { headings, items, text: toString(tree) }
}

describe('Markdown limits', () => {
  test('should parse every note of the shipped library exactly as remark does', () => {
    const notes = readMarkdown(LIBRARY)
    expect(notes.length).toBeGreaterThan(200)
    for (const { path, text } of notes) {
      const body = text.slice(frontmatterEnd(text))
      const bounded = parseMarkdown(body)
      expect(bounded.plain, path).toEqual([])
      expect(bounded.tree, path).toEqual(markdown.parse(body))
    }
  })

  test('should keep headings, list items, text and positions of a long ordinary note parsed in chunks', () => {
    const body = readMarkdown(LIBRARY)
      .map(({ text }) => text.slice(frontmatterEnd(text)))
      .join('\n\n')
      .slice(0, MAX_BODY)
    expect(body.length).toBeGreaterThan(5 * CHUNK_FROM)
    const bounded = parseMarkdown(body)
    expect(bounded.plain).toEqual([])
    const chunked = summary(bounded.tree)
    const whole = summary(markdown.parse(body))
    expect(chunked.headings).toEqual(whole.headings)
    expect(chunked.items).toBe(whole.items)
    expect(chunked.text).toBe(whole.text)
  })

  test('should not cut a long text before a paragraph line that only looks like a list item', () => {
    // "2022) en op ..." continues the paragraph above it (only an item numbered 1 may interrupt one); a
    // chunk that began there would read a list.
    const paragraph = `Een alinea over onderzoek naar herstel (Jansen et al.,\n${'2022) en op de praktijk in de opvang.\n'.repeat(250)}`
    const body = Array.from({ length: 6 }, () => paragraph).join('\n')
    expect(body.length).toBeGreaterThan(CHUNK_FROM)
    const bounded = parseMarkdown(body)
    expect(bounded.plain).toEqual([])
    expect(summary(bounded.tree)).toEqual(summary(markdown.parse(body)))
  })

  test('should give a part read as plain text its exact text and position', () => {
    const evil = '*_'.repeat(2_000)
    const body = `# Kop\n\nEerst gewoon.\n\n${evil}\n\nDaarna *weer* gewoon.\n`
    const { tree, plain } = parseMarkdown(body)
    expect(plain).toEqual([{ line: 5, endLine: 5, reason: 'delimiters', size: 4_000 }])
    const paragraph = tree.children[2]
    expect(paragraph?.type).toBe('paragraph')
    expect(toString(paragraph as Nodes)).toBe(evil)
    expect(paragraph?.position?.start).toEqual({ line: 5, column: 1, offset: body.indexOf(evil) })
    expect(paragraph?.position?.end).toEqual({ line: 5, column: evil.length + 1, offset: body.indexOf(evil) + evil.length })
    expect(tree.children[3]?.type).toBe('paragraph')
    expect(toString(tree.children[3] as Nodes)).toBe('Daarna weer gewoon.')
  })
})
