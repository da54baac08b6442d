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
    links.push(noteLink(link, line, link.offset - lineStart + 1))
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
 * How many values (strings and lists) and links the frontmatter of a note may yield: at least 10,000, and
 * never fewer than its length in characters. Without YAML aliases every value and every link takes at
 * least one character of the text, so only aliases (`&naam` … `*naam`) can reach this: an anchor of n links
 * used n times would otherwise make n² links (a 40 KB note took minutes and gigabytes).
 */
export function frontmatterBudget(raw: string): number {
  return Math.max(10_000, raw.length)
}

/**
 * Wikilinks in frontmatter values, with their line and column in the file. Reads at most
 * {@link frontmatterBudget} values and links; past that it stops and reports the field where it stopped.
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
  const budget = frontmatterBudget(fm.raw)
  let spent = 0
  // An aliased string is the same value each time: find its links once.
  const found = new Map<string, ReturnType<typeof findWikiLinks>>()
  const linksIn = (text: string): ReturnType<typeof findWikiLinks> => {
    let result = found.get(text)
    if (!result) found.set(text, (result = findWikiLinks(text)))
    return result
  }
  for (const [field, value] of Object.entries(data)) {
    const keyLine = keyLines.get(field) ?? -1
    // Values come in the order of the text: search on from just after the previous link (searching each
    // long line from its start would be quadratic), and a needle missed once is missed for the whole field.
    let searchLine = Math.max(0, keyLine)
    let searchColumn = 0
    const missed = new Set<string>()
    const locate = (needle: string): { line: number; column: number } => {
      if (!missed.has(needle)) {
        for (let i = searchLine; i < lines.length; i++) {
          const col = (lines[i] ?? '').indexOf(needle, i === searchLine ? searchColumn : 0)
          if (col !== -1) {
            searchLine = i
            searchColumn = col + needle.length
            return { line: rawLine + i, column: col + 1 }
          }
        }
        missed.add(needle)
      }
      return { line: rawLine + Math.max(0, keyLine), column: 1 }
    }
    const add = (link: NoteLink): boolean => {
      links.push(link)
      return ++spent <= budget
    }
    // Returns false when the budget is spent.
    const visit = (v: unknown, depth: number): boolean => {
      if (typeof v !== 'string' && !(Array.isArray(v) && depth < 3)) return true
      if (++spent > budget) return false
      if (typeof v === 'string') {
        for (const link of linksIn(v)) {
          const at = locate(link.raw)
          if (!add(noteLink(link, at.line, at.column, field))) return false
        }
        return true
      }
      // `field: [[Name]]` without quotes is YAML for a list in a list: read it as the link it was meant to be.
      if (depth >= 1 && v.length === 1 && typeof v[0] === 'string') {
        const parts = parseWikiLinkInner(v[0])
        if (parts) {
          const at = locate(`[[${v[0]}`)
          problems.push(
            problem(file, at, 'warning', 'unquoted-link', `Zet de link [[${v[0]}]] tussen aanhalingstekens ("[[${v[0]}]]"); zonder aanhalingstekens leest YAML haar als een lijst.`)
          )
          return add(noteLink({ ...parts, raw: `[[${v[0]}]]` }, at.line, at.column, field))
        }
      }
      for (const item of v) if (!visit(item, depth + 1)) return false
      return true
    }
    if (!visit(value, 0)) {
      problems.push(tooWide(file, { line: rawLine + Math.max(0, keyLine), column: 1 }, field, budget))
      break
    }
  }
  return { links, problems, fieldLines: new Map([...keyLines].map(([key, index]) => [key, rawLine + index])) }
}

function tooWide(file: string, at: { line: number; column: number }, field: string, budget: number): Problem {
  const name = field.length > 80 ? `${field.slice(0, 80)}…` : field
  return problem(
    file,
    at,
    'error',
    'frontmatter-too-wide',
    `Het veld \`${name}\` herhaalt via YAML-ankers (\`&naam\` en \`*naam\`) zo veel waarden dat de frontmatter meer dan ${budget.toLocaleString('nl-NL')} waarden en links zou opleveren. ` +
      'Vanaf dit veld zijn geen links meer gelezen. Schrijf de lijst uit zonder `*naam`, of maak hem korter.'
  )
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

/**
 * A link of a note, built with its properties in one order: objects spread together each got a hidden
 * class of their own in V8, a few hundred bytes per link.
 */
function noteLink(link: { raw: string } & WikiLinkParts, line: number, column: number, field?: string): NoteLink {
  const result: NoteLink = { raw: link.raw, target: link.target, embed: link.embed, line, column }
  if (link.heading !== undefined) result.heading = link.heading
  if (link.label !== undefined) result.label = link.label
  if (field !== undefined) result.field = field
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
