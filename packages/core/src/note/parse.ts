/**
 * Parse one note from its text and path: frontmatter, markdown tree, wikilinks, headings and sections,
 * list items, tags, aliases and plain text. Works on strings only; reading files is the caller's job.
 */
import type { Nodes, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { parseMarkdown, plainMarkdown, type Markdown, type PlainPart } from './bounded-markdown.js'
import { stringList } from './fields.js'
import { parseFrontmatter } from './frontmatter.js'
import { positionAt, problem, type Problem } from '../problem.js'
import { findWikiLinks, parseWikiLinkInner, type WikiLinkParts } from './wikilink.js'

/** A wikilink in a note, with where it stands. */
export interface NoteLink extends WikiLinkParts {
  /** The link as written. */
  raw: string
  /** 1-based line in the file. */
  line: number
  /** 1-based column in the file. */
  column: number
  /** The frontmatter field it stands in; absent for links in the body. */
  field?: string
}

/** A heading and the text under it. */
export interface Section {
  /** Heading text ('' for the text before the first heading). */
  heading: string
  /** Heading depth, 1–6 (0 for the text before the first heading). */
  depth: number
  /** 1-based line of the heading (or of the first line of the body). */
  line: number
  /** 1-based last line of the section, subsections included. */
  endLine: number
  /** Plain text of the section, subsections included. */
  text: string
  /** Top-level list items directly under this heading (not under a subheading). */
  items: ListItem[]
}

/** One list item. */
export interface ListItem {
  /** Plain text of the item, nested items included. */
  text: string
  /** 1-based line. */
  line: number
  /** `true`/`false` for a task item (`- [x]`/`- [ ]`), `null` otherwise. */
  checked: boolean | null
}

/** A parsed note. */
export interface Note {
  /** Path relative to the library root, with `/` separators. */
  path: string
  /** File name without folder and `.md`. */
  name: string
  /** Folder part of the path ('' at the root). */
  folder: string
  /** Frontmatter fields (empty when absent or unreadable). */
  frontmatter: Record<string, unknown>
  /** Whether the note has a frontmatter block. */
  hasFrontmatter: boolean
  /** The raw frontmatter text. */
  frontmatterRaw: string
  /** 1-based file line of each frontmatter key (its first occurrence). */
  fieldLines: ReadonlyMap<string, number>
  /** The body (everything after the frontmatter). */
  body: string
  /** 1-based line in the file where the body starts. */
  bodyLine: number
  /** The body's markdown syntax tree (positions relative to the body). */
  tree: Root
  links: NoteLink[]
  sections: Section[]
  /** Tags from frontmatter and body, without `#`, lower case, unique. */
  tags: string[]
  /** Aliases from frontmatter. */
  aliases: string[]
  /** The body's plain text, wikilinks replaced by their label or target. */
  text: string
  problems: Problem[]
}


/**
 * Parse a note.
 *
 * @param text The note's text (line ends `\n`; see `checkNoteText`/`decodeNote`).
 * @param path Its path relative to the library root.
 */
export function parseNote(text: string, path: string): Note {
  const file = path.replace(/\\/g, '/')
  const slash = file.lastIndexOf('/')
  const folder = slash === -1 ? '' : file.slice(0, slash)
  const name = file.slice(slash + 1).replace(/\.md$/i, '')
  const fm = parseFrontmatter(text, file)
  const problems = [...fm.problems]

  const body = text.slice(fm.bodyOffset)
  const lineShift = fm.bodyLine - 1
  // Pathological parts of the body are read as plain text (see bounded-markdown.ts); should walking the
  // tree still fail (a stack overflow on some nesting nobody foresaw), the whole body is read as plain text.
  let md = parseMarkdown(body)
  let parts: ReturnType<typeof fromTree>
  try {
    parts = fromTree(md, fm.data, body, lineShift)
  } catch {
    md = plainMarkdown(body, 'error')
    parts = fromTree(md, fm.data, body, lineShift)
  }
  for (const part of md.plain) problems.push(plainProblem(file, part, lineShift))
  const links = parts.links
  const rawLines = fm.raw.split('\n')
  const keyLines = keyLineIndex(rawLines)
  links.unshift(...frontmatterLinks(fm.data, rawLines, keyLines, fm.rawLine, file, problems))

  return {
    path: file,
    name,
    folder,
    frontmatter: fm.data,
    hasFrontmatter: fm.present,
    frontmatterRaw: fm.raw,
    fieldLines: new Map([...keyLines].map(([key, index]) => [key, fm.rawLine + index])),
    body,
    bodyLine: fm.bodyLine,
    tree: md.tree,
    links,
    sections: parts.sections,
    tags: parts.tags,
    aliases: stringList(fm.data['aliases'] ?? fm.data['alias']),
    text: parts.text,
    problems
  }
}

/** Everything read from the markdown tree. */
function fromTree(md: Markdown, data: Record<string, unknown>, body: string, lineShift: number): { links: NoteLink[]; sections: Section[]; tags: string[]; text: string } {
  const { tree } = md
  const skip = collectSkipRanges(tree)
  const links: NoteLink[] = []
  // Links and code ranges both come in order of offset: walk them together, and count lines as we go
  // (a note with 100,000 links must not count from the start for each).
  let range = 0
  let line = 1
  let lineStart = 0
  let counted = 0
  for (const link of findWikiLinks(body)) {
    while (range < skip.length && (skip[range] as [number, number])[1] <= link.offset) range++
    const current = skip[range]
    if (current && link.offset >= current[0] && link.offset < current[1]) continue
    for (; counted < link.offset; counted++) {
      if (body.charCodeAt(counted) === 10) {
        line++
        lineStart = counted + 1
      }
    }
    links.push({ ...stripOffset(link), line: line + lineShift, column: link.offset - lineStart + 1 })
  }
  return { links, sections: sectionsOf(tree, lineShift, body), tags: tagsOf(data, tree), text: plainText(tree) }
}

/** Why a part was read as plain text, and what brings the formatting back. */
const PLAIN_REASONS: Record<PlainPart['reason'], (size: string) => string> = {
  size: (n) => `de notitie is te groot om als Markdown te lezen (${n} tekens). Splits haar in kleinere notities`,
  length: (n) => `het blok is te lang (${n} tekens zonder witregel). Zet witregels tussen de onderdelen`,
  delimiters: (n) => `het blok heeft te veel opmaaktekens (${n} keer * _ ~ [ ] < of \`). Zet witregels tussen de onderdelen`,
  depth: (n) => `lijsten of citaten zijn te diep genest (${n} niveaus). Maak de lijst minder diep`,
  setext: (n) => `de notitie heeft te veel koppen die met === of --- zijn onderstreept (${n}). Maak er koppen met # van`,
  error: () => 'de opmaak kon niet gelezen worden'
}

/** The warning for a part of the body read as plain text. */
function plainProblem(file: string, part: PlainPart, lineShift: number): Problem {
  const from = part.line + lineShift
  const to = part.endLine + lineShift
  const where = from === to ? `Regel ${from}` : `Regel ${from} tot ${to}`
  return problem(
    file,
    { line: from, column: 1 },
    'warning',
    'plain-text',
    `${where} is als gewone tekst gelezen, zonder Markdown-opmaak (links en tekst tellen gewoon mee): ${PLAIN_REASONS[part.reason](part.size.toLocaleString('nl-NL'))}.`
  )
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

/** Wikilinks in frontmatter values, with their line and column in the file. */
function frontmatterLinks(
  data: Record<string, unknown>,
  lines: string[],
  keyLines: Map<string, number>,
  rawLine: number,
  file: string,
  problems: Problem[]
): NoteLink[] {
  const links: NoteLink[] = []
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
  return links
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

function sectionsOf(tree: Root, lineShift: number, body: string): Section[] {
  const blocks = tree.children
  const lastLine = positionAt(body, body.length).line + lineShift
  const sections: Section[] = []
  const headingIndexes: number[] = []
  blocks.forEach((b, i) => {
    if (b.type === 'heading') headingIndexes.push(i)
  })
  const firstHeading = headingIndexes[0] ?? blocks.length
  if (firstHeading > 0) {
    const pre = blocks.slice(0, firstHeading)
    sections.push({
      heading: '',
      depth: 0,
      line: 1 + lineShift,
      endLine: firstHeading < blocks.length ? lineOf(blocks[firstHeading], lineShift) - 1 : lastLine,
      text: blocksText(pre),
      items: itemsOf(pre, lineShift)
    })
  }
  for (const index of headingIndexes) {
    const node = blocks[index]
    if (node?.type !== 'heading') continue
    let end = blocks.length
    let ownEnd = blocks.length
    for (let j = index + 1; j < blocks.length; j++) {
      const next = blocks[j]
      if (next?.type !== 'heading') continue
      if (ownEnd === blocks.length) ownEnd = j
      if (next.depth <= node.depth) {
        end = j
        break
      }
    }
    sections.push({
      heading: withoutLinks(toString(node)).trim(),
      depth: node.depth,
      line: lineOf(node, lineShift),
      endLine: end < blocks.length ? lineOf(blocks[end], lineShift) - 1 : lastLine,
      text: blocksText(blocks.slice(index + 1, end)),
      items: itemsOf(blocks.slice(index + 1, ownEnd), lineShift)
    })
  }
  return sections
}

function lineOf(node: RootContent | undefined, lineShift: number): number {
  return (node?.position?.start.line ?? 1) + lineShift
}

function itemsOf(blocks: RootContent[], lineShift: number): ListItem[] {
  const items: ListItem[] = []
  for (const block of blocks) {
    if (block.type !== 'list') continue
    for (const item of block.children) {
      items.push({
        text: withoutLinks(item.children.map(textOf).join('\n')).trim(),
        line: lineOf(item, lineShift),
        checked: item.checked ?? null
      })
    }
  }
  return items
}

function blocksText(blocks: RootContent[]): string {
  return blocks
    .map((b) => withoutLinks(textOf(b)))
    .filter((t) => t.trim() !== '')
    .join('\n\n')
}

/** Plain text of a node: phrasing content joined as is, blocks separated by line breaks. */
function textOf(node: Nodes): string {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return toString(node)
  if (node.type === 'code' || node.type === 'html') return node.value
  if ('children' in node) return node.children.map(textOf).filter((t) => t !== '').join('\n')
  return toString(node)
}

function plainText(tree: Root): string {
  return blocksText(tree.children)
}

/** Replace `[[Target|label]]` by `label` and `[[Target]]` by `Target`. */
function withoutLinks(text: string): string {
  if (!text.includes('[[')) return text
  let out = ''
  let last = 0
  for (const link of findWikiLinks(text)) {
    out += text.slice(last, link.offset) + (link.label ?? link.target)
    last = link.offset + link.raw.length
  }
  return out + text.slice(last)
}

const INLINE_TAG = /(^|[\s(,;])#([\p{L}\p{N}_/-]{1,100})/gu

function tagsOf(data: Record<string, unknown>, tree: Root): string[] {
  const tags = new Set<string>()
  const add = (t: string): void => {
    const tag = t.trim().replace(/^#/, '').toLowerCase()
    if (tag !== '' && /[^\d]/.test(tag)) tags.add(tag)
  }
  const fmTags = data['tags'] ?? data['tag']
  if (typeof fmTags === 'string') fmTags.split(/[,\s]+/).forEach(add)
  else for (const t of stringList(fmTags)) add(t)
  const visit = (node: Nodes): void => {
    if (node.type === 'text') {
      INLINE_TAG.lastIndex = 0
      let m: RegExpExecArray | null
      while ((m = INLINE_TAG.exec(node.value))) add(m[2] ?? '')
      return
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'link') return
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return [...tags].sort()
}
