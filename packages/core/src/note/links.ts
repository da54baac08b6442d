/**
 * The wikilinks of a note, with their line and column in the file: in the body (outside code and HTML)
 * and in frontmatter values (also the unquoted `field: [[Name]]` that YAML reads as a nested list).
 */
import type { Nodes, Root } from 'mdast'
import { problem, type Problem } from '../problem.js'
import type { Origin } from './bounded-markdown.js'
import type { Frontmatter } from './frontmatter.js'
import type { NoteLink } from './parse.js'
import { findWikiLinks, parseWikiLinkInner, type WikiLinkParts } from './wikilink.js'

/**
 * The links in a note's body, skipping code and HTML.
 *
 * @param tree The body's tree, positions in file coordinates.
 * @param body The body.
 * @param origin Where the body starts in the file.
 */
export function bodyLinks(tree: Root, body: string, origin: Origin): NoteLink[] {
  const skip = collectSkipRanges(tree)
  const links: NoteLink[] = []
  // Links and code ranges both come in order of offset: walk them together, and count lines as we go
  // (a note with 100,000 links must not count from the start for each).
  let range = 0
  let line = origin.line
  let lineStart = 0
  let counted = 0
  for (const link of findWikiLinks(body)) {
    const at = origin.offset + link.offset
    while (range < skip.length && (skip[range] as [number, number])[1] <= at) range++
    const current = skip[range]
    if (current && at >= current[0] && at < current[1]) continue
    for (; counted < link.offset; counted++) {
      if (body.charCodeAt(counted) === 10) {
        line++
        lineStart = counted + 1
      }
    }
    links.push({ ...stripOffset(link), line, column: link.offset - lineStart + 1 })
  }
  return links
}

/** What the frontmatter adds to a note: its links, their problems, and the line of each key. */
export interface FrontmatterLinks {
  links: NoteLink[]
  problems: Problem[]
  /** 1-based file line of each key (its first occurrence). */
  fieldLines: Map<string, number>
}

/**
 * Wikilinks in frontmatter values, with their line and column in the file.
 *
 * @param fm The parsed frontmatter.
 * @param file The note's path, for problems.
 */
export function frontmatterLinks(fm: Frontmatter, file: string): FrontmatterLinks {
  const { data, rawLine } = fm
  const lines = fm.raw.split('\n')
  const keyLines = keyLineIndex(lines)
  const links: NoteLink[] = []
  const problems: Problem[] = []
  for (const [field, value] of Object.entries(data)) {
    const keyLine = keyLines.get(field) ?? -1
    let searchFrom = Math.max(0, keyLine)
    const locate = (needle: string): { line: number; column: number } => {
      for (let i = searchFrom; i < lines.length; i++) {
        const col = (lines[i] ?? '').indexOf(needle)
        if (col !== -1) {
          searchFrom = i
          return { line: rawLine + i, column: col + 1 }
        }
      }
      return { line: rawLine + Math.max(0, keyLine), column: 1 }
    }
    const visit = (v: unknown, depth: number): void => {
      if (typeof v === 'string') {
        for (const link of findWikiLinks(v)) links.push({ ...stripOffset(link), ...locate(link.raw), field })
      } else if (Array.isArray(v) && depth < 3) {
        // `field: [[Name]]` without quotes is YAML for a list in a list: read it as the link it was meant to be.
        if (depth >= 1 && v.length === 1 && typeof v[0] === 'string') {
          const parts = parseWikiLinkInner(v[0])
          if (parts) {
            const at = locate(`[[${v[0]}`)
            links.push({ ...parts, raw: `[[${v[0]}]]`, ...at, field })
            problems.push(
              problem(file, at, 'warning', 'unquoted-link', `Zet de link [[${v[0]}]] tussen aanhalingstekens ("[[${v[0]}]]"); zonder aanhalingstekens leest YAML haar als een lijst.`)
            )
            return
          }
        }
        for (const item of v) visit(item, depth + 1)
      }
    }
    visit(value, 0)
  }
  return { links, problems, fieldLines: new Map([...keyLines].map(([key, index]) => [key, rawLine + index])) }
}

/**
 * The first line of each key in frontmatter lines (`key:`, `"key":` or `'key':` at the start of a line),
 * built once: looking each field up line by line is quadratic in a note with thousands of fields.
 */
function keyLineIndex(lines: string[]): Map<string, number> {
  const index = new Map<string, number>()
  const add = (key: string, i: number): void => {
    if (!index.has(key)) index.set(key, i)
  }
  lines.forEach((line, i) => {
    const quote = line[0]
    if (quote === '"' || quote === "'") {
      const close = line.indexOf(`${quote}:`, 1)
      if (close !== -1) add(line.slice(1, close), i)
    }
    // A plain key may itself hold a colon (`a:b: x`): every prefix before one of the first few colons.
    let colon = line.indexOf(':')
    for (let n = 0; colon !== -1 && n < 4; n++, colon = line.indexOf(':', colon + 1)) add(line.slice(0, colon), i)
  })
  return index
}

/** Replace `[[Target|label]]` by `label` and `[[Target]]` by `Target`. */
export function withoutLinks(text: string): string {
  if (!text.includes('[[')) return text
  let out = ''
  let last = 0
  for (const link of findWikiLinks(text)) {
    out += text.slice(last, link.offset) + (link.label ?? link.target)
    last = link.offset + link.raw.length
  }
  return out + text.slice(last)
}

function stripOffset(link: { raw: string; offset: number } & WikiLinkParts): Omit<NoteLink, 'line' | 'column'> {
  const result: Omit<NoteLink, 'line' | 'column'> = { raw: link.raw, target: link.target, embed: link.embed }
  if (link.heading !== undefined) result.heading = link.heading
  if (link.label !== undefined) result.label = link.label
  return result
}

/** Offsets of code and HTML, where `[[...]]` is not a link. */
function collectSkipRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const visit = (node: Nodes): void => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) ranges.push([start, end])
      return
    }
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return ranges
}
