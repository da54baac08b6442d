/**
 * Markdown to a syntax tree at a bounded cost, whatever the input.
 *
 * micromark (under remark) is fast on ordinary notes but has cliffs on input nobody writes by hand:
 * every setext heading (`Kop` over `===`) rebuilds the event list of the whole document (quadratic in the
 * note's length), runs of emphasis and bracket delimiters are resolved pairwise within a paragraph
 * (quadratic or worse), and deep nesting (`- - - - x`, `> > > x`) recurses until the stack runs out. A
 * note of a few hundred kilobytes shaped like that would stall the whole library for minutes.
 *
 * So before parsing, one linear pass looks at the body's blocks (runs of non-blank lines outside fenced
 * code). A block that is very long, holds very many delimiter characters or nests very deep is not given
 * to micromark: it is read as one plain paragraph (its text kept, its position exact) and reported. Setext
 * underlines past the first {@link MAX_SETEXT} are read as plain lines. What micromark gets is a copy of
 * the body of the same length, with those parts blanked, so every position in the tree is a position in
 * the body (and, given the body's origin, in the file). Ordinary notes pass unchanged: the limits are far
 * above what people write.
 *
 * Over 300 lines because it is one algorithm: the line scan, the limits it measures and the way masked
 * parts are put back into the tree depend on each other and are easiest to check side by side.
 */
import type { Paragraph, Root, RootContent } from 'mdast'
import { parseMarkdownText } from './markdown.js'
import { scanMarkdown } from './scan-markdown.js'

/** Longest body parsed as Markdown, in characters; a longer body is read as plain text as a whole. */
export const MAX_BODY = 256 * 1024
/** Longest block (run of non-blank lines) parsed as Markdown, in characters. */
export const MAX_BLOCK = 50_000
/** Most delimiter characters (`*_~[]<` and backticks, wikilinks not counted) in one block parsed as Markdown. */
export const MAX_DELIMITERS = 1_000
/** Deepest nesting of lists and quotes at the start of a line parsed as Markdown. */
export const MAX_DEPTH = 6
/** Bodies up to this length are parsed in one piece, as they always were (see {@link parseChunks}). */
export const CHUNK_FROM = 32 * 1024
/** Size of the pieces a longer body is parsed in, in characters. */
export const CHUNK = 4 * 1024
/** Most setext headings (a line of `===` or `---` under text) read as headings. */
export const MAX_SETEXT = 40

/** Why a part of the body was read as plain text. */
export type PlainReason = 'size' | 'length' | 'delimiters' | 'depth' | 'setext' | 'error'

/** A part of the body read as plain text. */
export interface PlainPart {
  /** 1-based first and last line, relative to the body. */
  line: number
  endLine: number
  reason: PlainReason
  /** The measure that passed its limit (characters, delimiters, depth or headings). */
  size: number
}

/** The result of {@link parseMarkdown}. */
export interface Markdown {
  tree: Root
  /** Parts read as plain text, in order. */
  plain: PlainPart[]
}

/** Options of {@link parseMarkdown}. */
export interface Options {
  /**
   * Read each piece with the fast scanner (`scan-markdown.ts`) where it is certain, else with micromark
   * (default `false`). The scanner's tree holds what a note is read from, not every node and position.
   */
  scan?: boolean
}

/** Where a body starts in its file: the offset of its first character and that character's line (1-based). */
export interface Origin {
  offset: number
  line: number
}

interface Line {
  start: number
  /** Offset of the line end (the `\n` or the end of the body). */
  end: number
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/

/**
 * Parse a note body into an mdast tree, reading pathological parts as plain text.
 *
 * @param body The note's body (line ends `\n`), starting at the start of a line.
 * @param origin Where the body starts in its file (default: it is the whole file).
 * @param options Whether to use the fast scanner.
 * @returns The tree and the parts read as plain text, every position in file coordinates.
 */
export function parseMarkdown(body: string, origin?: Origin, options?: Options): Markdown {
  return inFile(parseBody(body, options?.scan === true), origin)
}

/**
 * The whole body as plain paragraphs, one per block: the fallback when the tree cannot be built or walked.
 *
 * @param body The note's body.
 * @param reason Why.
 * @param origin Where the body starts in its file (default: it is the whole file).
 */
export function plainMarkdown(body: string, reason: PlainReason, origin?: Origin): Markdown {
  return inFile(plainBody(body, reason), origin)
}

/** Move every position from body to file coordinates: once, here, so no caller adds a line shift. */
function inFile(md: Markdown, origin: Origin | undefined): Markdown {
  if (!origin || (origin.offset === 0 && origin.line === 1)) return md
  shift(md.tree, origin.offset, origin.line - 1)
  for (const part of md.plain) {
    part.line += origin.line - 1
    part.endLine += origin.line - 1
  }
  return md
}

function parseBody(body: string, scan: boolean): Markdown {
  if (body.length > MAX_BODY) return plainBody(body, 'size')
  const lines = splitLines(body)
  const masked: Array<{ from: number; to: number; text: boolean; part: PlainPart }> = []
  let fence: { char: string; length: number } | null = null
  let block: number[] = []
  let setext = 0
  /** Lines where a new chunk may start: outside code, at the margin, after a blank line or at a list item. */
  const boundaries: number[] = []
  let afterBlank = false

  const endBlock = (): void => {
    if (block.length === 0) return
    const first = lines[block[0] as number] as Line
    const last = lines[block[block.length - 1] as number] as Line
    const part = measure(body, lines, block)
    if (part) masked.push({ from: first.start, to: last.end, text: true, part })
    block = []
  }

  for (let i = 0; i < lines.length; i++) {
    const { start, end } = lines[i] as Line
    // Only the first few characters decide what a line is: never run a pattern over a whole long line, and
    // only over a line whose first character after at most three spaces could open a fence or underline.
    let lead = start
    while (lead < end && lead - start < 3 && body.charCodeAt(lead) === 32) lead++
    const c = body.charCodeAt(lead)
    const head = c === 96 || c === 126 || c === 61 || c === 45 ? body.slice(start, Math.min(end, start + 64)) : ''
    if (fence) {
      const close = FENCE.exec(head)
      if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length && body.slice(start, end).trim() === close[1]) fence = null
      continue
    }
    const open = FENCE.exec(head)
    if (open) {
      if (afterBlank && body.charCodeAt(start) !== 32) boundaries.push(i)
      afterBlank = false
      endBlock()
      fence = { char: open[1]?.[0] ?? '`', length: open[1]?.length ?? 3 }
      continue
    }
    if (isBlank(body, start, end)) {
      endBlock()
      afterBlank = true
      continue
    }
    const margin = body.charCodeAt(start) !== 32 && body.charCodeAt(start) !== 9
    if (margin && (afterBlank || interrupts(body, start, end))) boundaries.push(i)
    afterBlank = false
    if (block.length > 0 && end - start <= 64 && SETEXT.test(head)) {
      setext++
      if (setext > MAX_SETEXT) {
        // Read this underline as a blank line: the text above stays a paragraph.
        endBlock()
        afterBlank = true
        masked.push({ from: start, to: end, text: false, part: { line: i + 1, endLine: i + 1, reason: 'setext', size: setext } })
        continue
      }
    }
    block.push(i)
  }
  endBlock()

  let tree: Root
  try {
    tree = parseChunks(masked.length === 0 ? body : blank(body, masked), lines, boundaries, scan ? scanOrParse : parseMarkdownText)
  } catch {
    return plainBody(body, 'error')
  }
  if (masked.length > 0) {
    tree.children = merge(
      tree.children,
      masked.filter((m) => m.text).map((m) => plainParagraph(body, m.from, m.to, m.part.line, m.part.endLine))
    )
  }
  return { tree, plain: summarise(masked.map((m) => m.part)) }
}

function plainBody(body: string, reason: PlainReason): Markdown {
  const lines = splitLines(body)
  const children: RootContent[] = []
  let first = -1
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i]
    const blankLine = line === undefined || isBlank(body, line.start, line.end)
    if (!blankLine && first === -1) first = i
    if (blankLine && first !== -1) {
      const from = (lines[first] as Line).start
      const to = (lines[i - 1] as Line).end
      children.push(plainParagraph(body, from, to, first + 1, i))
      first = -1
    }
  }
  const end = lines.length === 0 ? { line: 1, column: 1, offset: 0 } : pointAt(lines.length, lines[lines.length - 1] as Line, (lines[lines.length - 1] as Line).end)
  return {
    tree: { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } },
    plain: [{ line: 1, endLine: Math.max(1, lines.length), reason, size: body.length }]
  }
}

/**
 * Parse a long text in chunks of about {@link CHUNK} characters, cut at chunk boundaries, and join the trees.
 * micromark's cost grows faster than the length of what it parses at once (nested lists and setext
 * headings are quadratic over the whole document); chunks keep it linear. A cut only falls outside fenced
 * code, before a line at the margin that follows a blank line or starts a list item, where a new block or
 * item starts anyway: a list may become two lists there, and a link reference defined in one chunk is not
 * seen in another.
 */
function parseChunks(text: string, lines: Line[], boundaries: number[], read: (text: string) => Root): Root {
  if (text.length <= CHUNK_FROM) return read(text)
  const children: RootContent[] = []
  let from = 0
  let fromLine = 0
  const cut = (toLine: number): void => {
    const to = toLine < lines.length ? (lines[toLine] as Line).start : text.length
    const tree = read(text.slice(from, to))
    for (const child of tree.children) {
      shift(child, from, fromLine)
      children.push(child)
    }
    from = to
    fromLine = toLine
  }
  for (const line of boundaries) {
    if ((lines[line] as Line).start - from >= CHUNK) cut(line)
  }
  cut(lines.length)
  const last = lines[lines.length - 1] as Line
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(lines.length, last, last.end) } }
}

/** What keeps a text in one piece for micromark: HTML and link reference definitions can reach over blank lines. */
const UNCUT = /<|\[[^[\]]*\]:/
/**
 * A line that may open or close a code fence: its indent, its run of backticks or tildes, and the rest. Any
 * indent: four spaces in a list item may still open a fence there, so such a line keeps the text in one piece.
 */
const FENCE_LINE = /^( *)(`{3,}|~{3,})(.*)$/

/**
 * The scanner's tree where it is certain, micromark's otherwise. When the scanner is unsure of a text,
 * the text is cut before every line at the margin that follows a blank line and opens no list item, outside
 * code fences (every block ends there in any parse: a list item's content is indented, and once HTML and
 * definitions are ruled out only a fence reaches over a blank line); each piece is scanned, and each run of
 * pieces the scanner is unsure of goes to micromark in one text. Fences are followed only where they are
 * certain: a fence that opens indented or right under another line keeps the text in one piece.
 */
function scanOrParse(text: string): Root {
  const whole = scanMarkdown(text)
  if (whole) return whole
  if (UNCUT.test(text)) return parseMarkdownText(text)
  const lines = splitLines(text)
  const children: RootContent[] = []
  const add = (tree: Root, offset: number, line: number): void => {
    for (const child of tree.children) {
      shift(child, offset, line)
      children.push(child)
    }
  }
  // The run of pieces left to micromark so far, from this offset and line (-1: none).
  let parseFrom = -1
  let parseLine = 0
  let from = 0
  let fromLine = 0
  const cut = (to: number, toLine: number): void => {
    const piece = scanMarkdown(text.slice(from, to))
    if (piece && parseFrom !== -1) add(parseMarkdownText(text.slice(parseFrom, from)), parseFrom, parseLine)
    if (piece) {
      add(piece, from, fromLine)
      parseFrom = -1
    } else if (parseFrom === -1) {
      parseFrom = from
      parseLine = fromLine
    }
    from = to
    fromLine = toLine
  }
  let fence: { char: string; length: number } | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line
    const c = text.charCodeAt(line.start)
    const afterBlank = i === 0 || isBlank(text, (lines[i - 1] as Line).start, (lines[i - 1] as Line).end)
    const marks = c === 96 || c === 126 || c === 32 ? FENCE_LINE.exec(text.slice(line.start, line.end)) : null
    const run = marks?.[2] ?? ''
    if (fence) {
      if (run.startsWith(fence.char) && run.length >= fence.length && /^[ \t]*$/.test(marks?.[3] ?? '')) fence = undefined
      continue
    }
    if (marks && !(run.startsWith('`') && marks[3]?.includes('`'))) {
      if (marks[1] !== '' || !afterBlank) return parseMarkdownText(text)
      fence = { char: run[0] as string, length: run.length }
    }
    if (i > 0 && afterBlank && c !== 32 && c !== 9 && line.start < line.end && nesting(text, line) === 0) cut(line.start, i)
  }
  cut(text.length, lines.length)
  if (parseFrom !== -1) add(parseMarkdownText(text.slice(parseFrom)), parseFrom, parseLine)
  const last = lines[lines.length - 1] as Line
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: pointAt(lines.length, last, last.end) } }
}

/** Move the positions of a node and its descendants by an offset and a number of lines. */
function shift(node: Root | RootContent, offset: number, lines: number): void {
  const stack: Array<{ position?: RootContent['position']; children?: unknown }> = [node]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const position = next.position
    if (position) {
      if (position.start.offset !== undefined) position.start.offset += offset
      if (position.end.offset !== undefined) position.end.offset += offset
      position.start.line += lines
      position.end.line += lines
    }
    if (Array.isArray(next.children)) for (const child of next.children) stack.push(child as { position?: RootContent['position'] })
  }
}

/** Whether a block is beyond a limit, and which. */
function measure(body: string, lines: Line[], block: number[]): PlainPart | undefined {
  const first = lines[block[0] as number] as Line
  const last = lines[block[block.length - 1] as number] as Line
  const range = { line: (block[0] as number) + 1, endLine: (block[block.length - 1] as number) + 1 }
  const length = last.end - first.start
  if (length > MAX_BLOCK) return { ...range, reason: 'length', size: length }
  let delimiters = 0
  for (let i = first.start; i < last.end; i++) {
    const c = body.charCodeAt(i)
    // * _ ~ [ ] < ` (table pipes and quote markers cost the parser little; nesting is measured below)
    if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 60 || c === 96) delimiters++
  }
  // A wikilink's four brackets are one link, not four open questions for the parser.
  delimiters -= 4 * countWikiLinks(body, first.start, last.end)
  if (delimiters > MAX_DELIMITERS) return { ...range, reason: 'delimiters', size: delimiters }
  for (const i of block) {
    const depth = nesting(body, lines[i] as Line)
    if (depth > MAX_DEPTH) return { ...range, reason: 'depth', size: depth }
  }
  return undefined
}

/** How many `[[...]]` pairs stand between two offsets (counted cheaply: `[[` followed later by `]]` on the line). */
function countWikiLinks(body: string, from: number, to: number): number {
  let count = 0
  let i = body.indexOf('[[', from)
  while (i !== -1 && i < to) {
    const close = body.indexOf(']]', i + 2)
    const newline = body.indexOf('\n', i + 2)
    if (close === -1 || close >= to) break
    if (newline !== -1 && newline < close) {
      i = body.indexOf('[[', newline)
      continue
    }
    count++
    i = body.indexOf('[[', close + 2)
  }
  return count
}

/** How many list items and block quotes open at the start of a line (`- > 1. x` is 3). */
function nesting(body: string, line: Line): number {
  let depth = 0
  let i = line.start
  for (;;) {
    while (i < line.end && (body.charCodeAt(i) === 32 || body.charCodeAt(i) === 9)) i++
    const c = body.charCodeAt(i)
    if (c === 62) {
      // >
      depth++
      i++
      continue
    }
    if ((c === 45 || c === 42 || c === 43) && isSpaceOrEnd(body, i + 1, line.end)) {
      // - * +
      depth++
      i++
      continue
    }
    let j = i
    while (j < line.end && j - i < 9 && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) j++
    const d = body.charCodeAt(j)
    if (j > i && (d === 46 || d === 41) && isSpaceOrEnd(body, j + 1, line.end)) {
      // 1. or 1)
      depth++
      i = j + 1
      continue
    }
    return depth
  }
}

/**
 * Whether a line at the margin starts a block even right after a paragraph line, so that the text before
 * it ends there in any parse: a block quote, a bullet item with content, or an ordered item numbered 1
 * with content (CommonMark lets no other list item interrupt a paragraph; "2022) en op" continues one).
 */
function interrupts(body: string, start: number, end: number): boolean {
  const c = body.charCodeAt(start)
  if (c === 62) return true // >
  let after = start + 1
  if (c === 49) {
    // 1. or 1)
    const d = body.charCodeAt(start + 1)
    if (d !== 46 && d !== 41) return false
    after = start + 2
  } else if (c !== 45 && c !== 42 && c !== 43) return false // - * +
  if (after >= end || !isSpaceOrEnd(body, after, end)) return false
  for (let i = after; i < end; i++) if (!isSpaceOrEnd(body, i, end)) return true
  return false
}

function isSpaceOrEnd(body: string, i: number, end: number): boolean {
  return i >= end || body.charCodeAt(i) === 32 || body.charCodeAt(i) === 9
}

function isBlank(body: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = body.charCodeAt(i)
    if (c !== 32 && c !== 9) return false
  }
  return true
}

function splitLines(body: string): Line[] {
  const lines: Line[] = []
  if (body === '') return lines
  let start = 0
  for (;;) {
    const end = body.indexOf('\n', start)
    if (end === -1) {
      lines.push({ start, end: body.length })
      return lines
    }
    lines.push({ start, end })
    start = end + 1
    if (start === body.length) return lines
  }
}

/** The body with the masked ranges replaced by spaces (line ends kept): same length, same lines. */
function blank(body: string, masked: Array<{ from: number; to: number }>): string {
  const parts: string[] = []
  let last = 0
  for (const { from, to } of [...masked].sort((a, b) => a.from - b.from)) {
    parts.push(body.slice(last, from), body.slice(from, to).replace(/[^\n]/g, ' '))
    last = to
  }
  parts.push(body.slice(last))
  return parts.join('')
}

function pointAt(line: number, info: Line, offset: number): { line: number; column: number; offset: number } {
  return { line, column: offset - info.start + 1, offset }
}

function plainParagraph(body: string, from: number, to: number, line: number, endLine: number): Paragraph {
  const startLine = { start: from, end: from }
  const lastStart = body.lastIndexOf('\n', to - 1) + 1
  // Each node gets its own position objects, so moving the tree's positions moves each once.
  const position = (): NonNullable<Paragraph['position']> => ({ start: pointAt(line, startLine, from), end: pointAt(endLine, { start: lastStart, end: to }, to) })
  return { type: 'paragraph', children: [{ type: 'text', value: body.slice(from, to), position: position() }], position: position() }
}

/** Put plain paragraphs among the parsed nodes, in order of position. */
function merge(nodes: RootContent[], plain: Paragraph[]): RootContent[] {
  if (plain.length === 0) return nodes
  const out: RootContent[] = []
  let p = 0
  for (const node of nodes) {
    const offset = node.position?.start.offset ?? 0
    while (p < plain.length && ((plain[p] as Paragraph).position?.start.offset ?? 0) < offset) out.push(plain[p++] as Paragraph)
    out.push(node)
  }
  while (p < plain.length) out.push(plain[p++] as Paragraph)
  return out
}

/** Setext underlines past the limit are one part (from the first to the last), not one per line. */
function summarise(parts: PlainPart[]): PlainPart[] {
  const out: PlainPart[] = []
  let setext: PlainPart | undefined
  for (const part of parts.sort((a, b) => a.line - b.line)) {
    if (part.reason !== 'setext') {
      out.push(part)
      continue
    }
    if (setext) {
      setext.endLine = part.line
      setext.size = part.size
    } else {
      setext = { ...part }
      out.push(setext)
    }
  }
  return out
}
