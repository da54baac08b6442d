/**
 * A fast reader for the Markdown our notes use, in one linear pass over the lines: ATX headings,
 * paragraphs, bullet and ordered lists (nested, task items), emphasis and strong emphasis (`*` and `_`,
 * with CommonMark's delimiter rules as micromark applies them) and code spans. Everything else is text,
 * as micromark reads it too: wikilinks, brackets without a link, tags, URLs.
 *
 * It builds the part of the mdast tree the note's parts are read from (`sections.ts`, `links.ts`):
 * block nodes with their positions, inline code with its offsets, and the same text, emphasis and strong
 * nodes. Whatever it is not certain about makes it give up on the whole text, and the caller parses it
 * with micromark: HTML and autolinks (`<`), escapes (`\`), entities (`&`), strikethrough (`~`), tabs,
 * carriage returns, tables, fenced and indented code, block quotes, thematic breaks, setext headings,
 * closing `#`s, link reference definitions, inline links and images (`](`), hard breaks, code spans over
 * more than one line, empty list items, lazy continuation lines and a list followed by a line it is not
 * sure ends the list. `scan-markdown.test.ts` checks, on every note we have and on generated Markdown,
 * that a note read this way is the note micromark gives.
 *
 * Over 300 lines because it is one algorithm: the block scan and the inline scan share their idea of
 * what is certain, and are easiest to check side by side.
 */
import type { AlignType, Code, Emphasis, Heading, InlineCode, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Table, TableCell, TableRow } from 'mdast'

/**
 * A line that could be a table's delimiter row (`| --- | :-: |`, also `:--` alone): besides the marks
 * of block quotes and list items in front of it, only `-`, `:`, `|` and spaces, with at least one `-` and
 * at least one `:` or `|` (micromark-extension-gfm-table refuses a delimiter row without either). Every
 * table has such a line, so a text without one parses the same with or without the table extension.
 * Used as such only for texts with other line ends than `\n`; {@link mayHoldTable} walks the lines itself.
 */
const DELIMITER_ROW = /^(?=[^\n]*-)(?=[^\n]*[|:])[ \t>*+\-0-9.)|:]+$/m

/**
 * Whether a text could hold a table: whether a line could be a table's delimiter row (see
 * {@link DELIMITER_ROW}), in one pass that stops at the first character of most lines.
 *
 * @param text Markdown.
 */
export function mayHoldTable(text: string): boolean {
  if (!text.includes('-')) return false
  if (/[\r\u2028\u2029]/.test(text)) return DELIMITER_ROW.test(text)
  return delimiterLines(text, true).length > 0
}

/** The indexes of the lines that could be a table's delimiter row (see {@link DELIMITER_ROW}); only the first when `first`. */
function delimiterLines(text: string, first: boolean): number[] {
  const out: number[] = []
  for (let start = 0, line = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let dash = false
    let bar = false
    let i = start
    for (; i < end; i++) {
      const c = text.charCodeAt(i)
      if (c === 45) dash = true
      else if (c === 124 || c === 58) bar = true
      // space, tab, > * + . ) and digits
      else if (!(c === 32 || c === 9 || c === 62 || c === 42 || c === 43 || c === 46 || c === 41 || (c >= 48 && c <= 57))) break
    }
    if (i === end && dash && bar) {
      out.push(line)
      if (first) return out
    }
    start = end + 1
  }
  return out
}

/** Thrown inside the scanner when the text holds something it does not read; caught in {@link scanMarkdown}. */
const UNSURE = Symbol('unsure')

/** Characters and pairs that make the whole text go to micromark. */
const UNSURE_TEXT = /[<\\~\t\r\0\uFEFF]|&[#A-Za-z]|\]\(/

/** What may open a link reference definition: a label without brackets, then `]:` (a wikilink's label has brackets). */
const DEFINITION = /^\[[^[\]]*\]:/

/** A line of a (nested) block: its index in the text and where its content starts. */
interface Row {
  line: number
  start: number
  /** A lazy continuation line: it goes on the paragraph of the list item above, though not indented as its content. */
  lazy?: boolean
}

interface Scan {
  src: string
  /** Lines that could be a table's delimiter row and are not read as part of a table or code block yet. */
  delimiters: Set<number>
  /** Offset of each line's first character and of its end (the `\n` or the end of the text). */
  starts: number[]
  ends: number[]
}

/** What a line opening a list item holds. */
interface Marker {
  /** The bullet (`-*+`) or, for an ordered item, the delimiter (`.)`). */
  char: number
  ordered: boolean
  /** Whether the number is exactly `1` (only such an item interrupts a paragraph). */
  one: boolean
  /** Offset just after the marker. */
  end: number
  /** Whether nothing but spaces follows it. */
  empty: boolean
}

/**
 * Read a Markdown text into an mdast tree, when it uses only what this reader knows.
 *
 * @param text Markdown, line ends `\n`.
 * @returns The tree (block positions and inline code offsets exact, other inline nodes without
 *   positions), or `undefined` when micromark must read the text.
 */
export function scanMarkdown(text: string): Root | undefined {
  if (UNSURE_TEXT.test(text) || /[\u2028\u2029]/.test(text)) return undefined
  const scan: Scan = { src: text, delimiters: new Set(text.includes('-') ? delimiterLines(text, false) : []), starts: [], ends: [] }
  const rows: Row[] = []
  for (let start = 0; ; ) {
    const end = text.indexOf('\n', start)
    scan.starts.push(start)
    scan.ends.push(end === -1 ? text.length : end)
    rows.push({ line: rows.length, start })
    if (end === -1) break
    start = end + 1
  }
  try {
    const children = blocks(scan, rows)
    // A possible delimiter row that no table took: micromark may read a table there.
    if (scan.delimiters.size > 0) return undefined
    const last = rows.length - 1
    return { type: 'root', children, position: { start: point(scan, 0, 0), end: point(scan, last, text.length) } }
  } catch (error) {
    if (error === UNSURE) return undefined
    throw error
  }
}

function point(scan: Scan, line: number, offset: number): { line: number; column: number; offset: number } {
  return { line: line + 1, column: offset - (scan.starts[line] as number) + 1, offset }
}

function position(scan: Scan, line: number, offset: number, endLine: number, endOffset: number): NonNullable<Root['position']> {
  return { start: point(scan, line, offset), end: point(scan, endLine, endOffset) }
}

function spaces(src: string, from: number, end: number): number {
  let i = from
  while (i < end && src.charCodeAt(i) === 32) i++
  return i
}

/**
 * The blocks of a run of rows: the whole text, or a list item's content (then `item` is given, and gets
 * the item's task box).
 */
function blocks(scan: Scan, rows: Row[], item?: { checked: boolean | null }): RootContent[] {
  const { src, ends } = scan
  const out: RootContent[] = []
  let i = 0
  while (i < rows.length) {
    const row = rows[i] as Row
    const end = ends[row.line] as number
    const p = spaces(src, row.start, end)
    if (p === end) {
      i++
      continue
    }
    if (p - row.start >= 4 || row.lazy) throw UNSURE // indented code, or a lazy line after something else than a paragraph
    if (!item && p === row.start) {
      // Code fences and tables only at the margin of the text, not in list items.
      const c = src.charCodeAt(p)
      const next = c === 96 ? fenced(scan, rows, i, out) : c === 124 ? table(scan, rows, i, out) : i
      if (next > i) {
        i = next
        continue
      }
    }
    uncertainStart(src, p, end)
    const depth = headingDepth(src, p, end)
    if (depth > 0) {
      if (item && i === 0 && src.charCodeAt(spaces(src, p + depth, end)) === 91) throw UNSURE // a task box in a heading
      out.push(heading(scan, row.line, p, end, depth))
      i++
      continue
    }
    const marker = markerAt(src, p, end)
    i = marker ? list(scan, rows, i, out) : paragraph(scan, rows, i, out, i === 0 ? item : undefined)
  }
  return out
}

/** Blocks this reader leaves to micromark: block quotes, code fences and thematic breaks. */
function uncertainStart(src: string, p: number, end: number): void {
  const c = src.charCodeAt(p)
  if (c === 62 || (c === 96 && src.startsWith('```', p)) || ((c === 45 || c === 42 || c === 95) && isRule(src, p, end, c))) throw UNSURE
}

function isRule(src: string, p: number, end: number, c: number): boolean {
  let count = 0
  for (let i = p; i < end; i++) {
    const d = src.charCodeAt(i)
    if (d === c) count++
    else if (d !== 32) return false
  }
  return count >= 3
}

/** The depth of an ATX heading opening at `p` (0 when there is none). */
function headingDepth(src: string, p: number, end: number): number {
  let n = 0
  while (n < 7 && src.charCodeAt(p + n) === 35) n++
  return n >= 1 && n <= 6 && (p + n === end || src.charCodeAt(p + n) === 32) ? n : 0
}

function markerAt(src: string, p: number, end: number): Marker | undefined {
  const c = src.charCodeAt(p)
  let after = p + 1
  let ordered = false
  let one = false
  let char = c
  if (c >= 48 && c <= 57) {
    let j = p
    while (j < end && j - p < 9 && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++
    char = src.charCodeAt(j)
    if (char !== 46 && char !== 41) return undefined
    ordered = true
    one = j === p + 1 && c === 49
    after = j + 1
  } else if (c !== 45 && c !== 42 && c !== 43) return undefined
  if (after < end && src.charCodeAt(after) !== 32) return undefined
  return { char, ordered, one, end: after, empty: spaces(src, after, end) === end }
}

function heading(scan: Scan, line: number, p: number, end: number, depth: number): Heading {
  const { src } = scan
  const from = spaces(src, p + depth, end)
  let to = end
  while (to > from && src.charCodeAt(to - 1) === 32) to--
  if (to > from && src.charCodeAt(to - 1) === 35) throw UNSURE // a closing sequence
  const children = inline(scan, src.slice(from, to), 0, [{ at: 0, offset: from, line }])
  return { type: 'heading', depth: depth as Heading['depth'], children, position: position(scan, line, p, line, end) }
}

/** Where a piece of a paragraph's content (one line) lies in the text. */
interface Piece {
  /** Index in the content. */
  at: number
  offset: number
  line: number
}

/** Read a paragraph from row `i`; returns the next row. `item`: the list item it opens, if any. */
function paragraph(scan: Scan, rows: Row[], i: number, out: RootContent[], item: { checked: boolean | null } | undefined): number {
  const { src, ends } = scan
  let j = i + 1
  while (j < rows.length) {
    const row = rows[j] as Row
    const end = ends[row.line] as number
    const p = spaces(src, row.start, end)
    if (p === end) break
    if (p - row.start < 4 && interrupts(src, p, end)) break
    j++
  }
  const pieces: Piece[] = []
  let content = ''
  let first = 0
  let lastEnd = 0
  for (let k = i; k < j; k++) {
    const row = rows[k] as Row
    const end = ends[row.line] as number
    const p = spaces(src, row.start, end)
    let q = end
    while (q > p && src.charCodeAt(q - 1) === 32) q--
    if (k < j - 1 && end - q >= 2) throw UNSURE // a hard break
    if (k === i) first = p
    else content += '\n'
    pieces.push({ at: content.length, offset: p, line: row.line })
    content += src.slice(p, q)
    lastEnd = q
  }
  if (DEFINITION.test(content)) throw UNSURE // maybe a link reference definition
  const firstRow = rows[i] as Row
  const lastRow = rows[j - 1] as Row
  const node: Paragraph = { type: 'paragraph', children: [], position: position(scan, firstRow.line, first, lastRow.line, lastEnd) }
  const box = item ? taskBox(content) : undefined
  node.children = inline(scan, content, box === undefined ? 0 : 3, pieces)
  if (box !== undefined) {
    // As mdast-util-gfm-task-list-item does: the space after the box goes too.
    const head = node.children[0]
    if (head?.type === 'text') {
      head.value = head.value.slice(1)
      if (head.value === '') node.children.shift()
    }
    ;(item as { checked: boolean | null }).checked = box
  }
  out.push(node)
  return j
}

/** `true`/`false` when a list item's first paragraph opens with a task box (`[x]`/`[ ]`), else `undefined`. */
function taskBox(content: string): boolean | undefined {
  if (content.charCodeAt(0) !== 91 || content.charCodeAt(2) !== 93) return undefined
  const value = content.charCodeAt(1)
  if (value === 10) throw UNSURE
  if (value !== 32 && value !== 120 && value !== 88) return undefined
  const after = content.charCodeAt(3)
  // micromark wants a line end, or spaces followed by something, after the box.
  if (after === 10 || (after === 32 && spaces(content, 3, content.length) < content.length)) return value !== 32
  return undefined
}

/** Whether a line (at most 3 spaces in) ends the paragraph above it. */
function interrupts(src: string, p: number, end: number): boolean {
  uncertainStart(src, p, end)
  const c = src.charCodeAt(p)
  if ((c === 61 || c === 45) && isSetextLine(src, p, end, c)) throw UNSURE
  if (headingDepth(src, p, end) > 0) return true
  const marker = markerAt(src, p, end)
  if (!marker) return false
  if (marker.empty) throw UNSURE
  return !marker.ordered || marker.one
}

/**
 * Whether a line right after a list item's line, less indented than its content, goes on the item's
 * paragraph (lazy continuation): unless it opens a list item or a heading. `blocks` refuses it when the
 * item does not end in a paragraph.
 */
function isLazy(src: string, indent: number, p: number, end: number): boolean {
  if (indent >= 4) return true
  uncertainStart(src, p, end)
  const c = src.charCodeAt(p)
  if ((c === 61 || c === 45) && isSetextLine(src, p, end, c)) throw UNSURE
  return headingDepth(src, p, end) === 0 && !markerAt(src, p, end)
}

function isSetextLine(src: string, p: number, end: number, c: number): boolean {
  let i = p
  while (i < end && src.charCodeAt(i) === c) i++
  return spaces(src, i, end) === end
}

/** Read a list from row `i` (which opens an item); returns the row after it. */
function list(scan: Scan, rows: Row[], i: number, out: RootContent[]): number {
  const { src, ends } = scan
  const firstRow = rows[i] as Row
  const firstP = spaces(src, firstRow.start, ends[firstRow.line] as number)
  const kind = markerAt(src, firstP, ends[firstRow.line] as number) as Marker
  const node: List = { type: 'list', ordered: kind.ordered, spread: false, children: [], position: position(scan, firstRow.line, firstP, firstRow.line, firstP) }
  let k = i
  for (;;) {
    const row = rows[k] as Row
    const rowEnd = ends[row.line] as number
    const p = spaces(src, row.start, rowEnd)
    const marker = markerAt(src, p, rowEnd) as Marker
    if (marker.empty) throw UNSURE
    const contentStart = spaces(src, marker.end, rowEnd)
    if (contentStart - marker.end >= 5) throw UNSURE // the content is indented code
    const width = contentStart - row.start
    const itemRows: Row[] = [{ line: row.line, start: contentStart }]
    let j = k + 1
    let lastBlank = false
    let lastFull = k
    while (j < rows.length) {
      const r = rows[j] as Row
      const e = ends[r.line] as number
      const q = spaces(src, r.start, e)
      if (q === e) {
        itemRows.push({ line: r.line, start: Math.min(r.start + width, e) })
        lastBlank = true
      } else if (q - r.start >= width || r.lazy || (!lastBlank && isLazy(src, q - r.start, q, e))) {
        itemRows.push(q - r.start >= width && !r.lazy ? { line: r.line, start: r.start + width } : { line: r.line, start: r.start, lazy: true })
        lastBlank = false
        lastFull = j
      } else break
      j++
    }
    itemRows.length = lastFull - k + 1
    const box = { checked: null as boolean | null }
    const children = blocks(scan, itemRows, box)
    const item: ListItem = { type: 'listItem', spread: false, checked: box.checked, children: children as ListItem['children'], position: position(scan, row.line, p, rows[lastFull]?.line as number, ends[rows[lastFull]?.line as number] as number) }
    node.children.push(item)
    ;(node.position as NonNullable<List['position']>).end = { ...(item.position as NonNullable<ListItem['position']>).end }
    if (j === rows.length) {
      out.push(node)
      return j
    }
    const next = rows[j] as Row
    const nextEnd = ends[next.line] as number
    const q = spaces(src, next.start, nextEnd)
    const nextMarker = markerAt(src, q, nextEnd)
    const rule = isRule(src, q, nextEnd, src.charCodeAt(q))
    // A sibling item has at most three spaces in front; with four the line is indented code.
    if (q - next.start < 4 && nextMarker && !rule && nextMarker.char === kind.char && nextMarker.ordered === kind.ordered) {
      k = j
      continue
    }
    out.push(node)
    return j
  }
}

/**
 * Read a code fence of backticks from row `i` (at the margin) to its closing fence; returns the next row, or
 * `i` when the line opens no fence. Unclosed fences, closing fences with spaces around them and fences whose
 * info string holds a backtick are left to micromark.
 */
function fenced(scan: Scan, rows: Row[], i: number, out: RootContent[]): number {
  const { src, ends } = scan
  const row = rows[i] as Row
  const end = ends[row.line] as number
  let r = row.start
  while (r < end && src.charCodeAt(r) === 96) r++
  const size = r - row.start
  if (size < 3) return i
  const info = src.slice(r, end)
  if (info.includes('`')) throw UNSURE
  for (let j = i + 1; j < rows.length; j++) {
    const close = rows[j] as Row
    const e = ends[close.line] as number
    const q = spaces(src, close.start, e)
    let k = q
    while (k < e && src.charCodeAt(k) === 96) k++
    if (k - q < 3) continue
    if (k - q < size) continue // shorter than the opening fence: content
    if (q > close.start) {
      if (q - close.start < 4) throw UNSURE // maybe an indented closing fence
      continue
    }
    if (k !== e) throw UNSURE // a closing fence with something after it, or a longer one
    const lines = rows.slice(i + 1, j).map((c) => src.slice(c.start, ends[c.line] as number))
    const from = spaces(src, r, end)
    let to = from
    while (to < end && src.charCodeAt(to) !== 32) to++
    const metaFrom = spaces(src, to, end)
    const node: Code = {
      type: 'code',
      lang: to > from ? src.slice(from, to) : null,
      meta: metaFrom < end ? src.slice(metaFrom, end) : null,
      value: lines.join('\n'),
      position: position(scan, row.line, row.start, close.line, e)
    }
    for (let k2 = i; k2 <= j; k2++) scan.delimiters.delete((rows[k2] as Row).line)
    out.push(node)
    return j + 1
  }
  throw UNSURE // an unclosed fence
}

/** The cells of a table row from `|` to `|` (trailing spaces cut): each from its opening pipe. */
function cellsOf(src: string, start: number, end: number): number[] | undefined {
  let to = end
  while (to > start && src.charCodeAt(to - 1) === 32) to--
  if (to - start < 2 || src.charCodeAt(start) !== 124 || src.charCodeAt(to - 1) !== 124) return undefined
  const pipes: number[] = []
  for (let k = start; k < to; k++) if (src.charCodeAt(k) === 124) pipes.push(k)
  return pipes
}

const ALIGN_CELL = /^ *(:?)-+(:?) *$/

/**
 * Read a GFM table from row `i` (a line at the margin opening with `|`, above a possible delimiter row);
 * returns the next row, or `i` when there is no table (micromark then reads a paragraph, which the
 * unclaimed delimiter row leaves to micromark). Every row must open and close with a pipe, and the table must
 * end at a blank line or the end of the text.
 */
function table(scan: Scan, rows: Row[], i: number, out: RootContent[]): number {
  const { src, ends } = scan
  const head = rows[i] as Row
  const delimiter = rows[i + 1]
  if (!delimiter || !scan.delimiters.has(delimiter.line)) return i
  const headPipes = cellsOf(src, head.start, ends[head.line] as number)
  const delimiterPipes = cellsOf(src, delimiter.start, ends[delimiter.line] as number)
  if (!headPipes || !delimiterPipes || headPipes.length !== delimiterPipes.length) return i
  const align: AlignType[] = []
  for (let k = 0; k + 1 < delimiterPipes.length; k++) {
    const m = ALIGN_CELL.exec(src.slice((delimiterPipes[k] as number) + 1, delimiterPipes[k + 1]))
    if (!m) return i
    align.push(m[1] !== '' ? (m[2] !== '' ? 'center' : 'left') : m[2] !== '' ? 'right' : null)
  }
  const children: TableRow[] = [tableRow(scan, head.line, headPipes)]
  let j = i + 2
  for (; j < rows.length; j++) {
    const r = rows[j] as Row
    const e = ends[r.line] as number
    if (spaces(src, r.start, e) === e) break
    const pipes = cellsOf(src, r.start, e)
    if (!pipes) throw UNSURE // a row without pipes at both ends, or a block after the table
    children.push(tableRow(scan, r.line, pipes))
  }
  for (let k = i; k < j; k++) scan.delimiters.delete((rows[k] as Row).line)
  const last = children[children.length - 1] as TableRow
  out.push({ type: 'table', align, children, position: { start: point(scan, head.line, head.start), end: { ...(last.position as NonNullable<TableRow['position']>).end } } } satisfies Table)
  return j
}

function tableRow(scan: Scan, line: number, pipes: number[]): TableRow {
  const { src } = scan
  const cells: TableCell[] = []
  for (let k = 0; k + 1 < pipes.length; k++) {
    const from = spaces(src, (pipes[k] as number) + 1, pipes[k + 1] as number)
    let to = pipes[k + 1] as number
    while (to > from && src.charCodeAt(to - 1) === 32) to--
    const cellEnd = k + 2 === pipes.length ? (pipes[k + 1] as number) + 1 : (pipes[k + 1] as number)
    const children = inline(scan, src.slice(from, to), 0, [{ at: 0, offset: from, line }])
    cells.push({ type: 'tableCell', children, position: position(scan, line, pipes[k] as number, line, cellEnd) })
  }
  const last = pipes[pipes.length - 1] as number
  return { type: 'tableRow', children: cells, position: position(scan, line, pipes[0] as number, line, last + 1) }
}

// ---------------------------------------------------------------------------------------------------------
// Inline content: code spans, then emphasis resolved the way micromark's attention construct does.

/** A piece of inline content before emphasis is resolved. */
type Token =
  | { kind: 'text'; value: string }
  | { kind: 'node'; node: PhrasingContent }
  | { kind: 'run'; char: number; size: number; open: boolean; close: boolean }

const PUNCTUATION = /\p{P}|\p{S}/u
const WHITESPACE = /\s/

/** micromark's classes: 1 whitespace (or the edge), 2 punctuation, 0 anything else (per UTF-16 unit, as micromark). */
function classify(code: number): number {
  if (Number.isNaN(code) || code === 32 || code === 10) return 1
  const c = String.fromCharCode(code)
  if (WHITESPACE.test(c)) return 1
  return PUNCTUATION.test(c) ? 2 : 0
}

function inline(scan: Scan, content: string, from: number, pieces: Piece[]): PhrasingContent[] {
  const tokens: Token[] = []
  const n = content.length
  let textStart = from
  const flush = (to: number): void => {
    if (to > textStart) tokens.push({ kind: 'text', value: content.slice(textStart, to) })
  }
  let i = from
  while (i < n) {
    const c = content.charCodeAt(i)
    if (c === 96) {
      let r = i
      while (r < n && content.charCodeAt(r) === 96) r++
      const close = closingRun(content, r, r - i)
      if (close === -1) {
        i = r
        continue
      }
      let value = content.slice(r, close)
      if (value.includes('\n')) throw UNSURE
      if (value.length > 2 && value.charCodeAt(0) === 32 && value.charCodeAt(value.length - 1) === 32 && value.trim() !== '') value = value.slice(1, -1)
      flush(i)
      const end = close + (r - i)
      const node: InlineCode = { type: 'inlineCode', value, position: { start: at(scan, pieces, i), end: at(scan, pieces, end) } }
      tokens.push({ kind: 'node', node })
      i = textStart = end
      continue
    }
    if (c === 42 || c === 95) {
      let r = i
      while (r < n && content.charCodeAt(r) === c) r++
      const before = i === 0 ? 1 : classify(content.charCodeAt(i - 1))
      const after = r === n ? 1 : classify(content.charCodeAt(r))
      const open = after === 0 || (after === 2 && before !== 0)
      const close = before === 0 || (before === 2 && after !== 0)
      flush(i)
      tokens.push({ kind: 'run', char: c, size: r - i, open: c === 42 ? open : open && (before !== 0 || !close), close: c === 42 ? close : close && (after !== 0 || !open) })
      i = textStart = r
      continue
    }
    i++
  }
  flush(n)
  resolve(tokens)
  return phrasing(tokens)
}

/** The start of the first run of exactly `size` backticks from `from`, or -1. */
function closingRun(content: string, from: number, size: number): number {
  let q = content.indexOf('`', from)
  while (q !== -1) {
    let e = q
    while (e < content.length && content.charCodeAt(e) === 96) e++
    if (e - q === size) return q
    q = content.indexOf('`', e)
  }
  return -1
}

function at(scan: Scan, pieces: Piece[], index: number): { line: number; column: number; offset: number } {
  let k = pieces.length - 1
  while (k > 0 && (pieces[k] as Piece).at > index) k--
  const piece = pieces[k] as Piece
  return point(scan, piece.line, piece.offset + index - piece.at)
}

/** Pair emphasis runs in place, as micromark's `resolveAllAttention`: each closer with the nearest fitting opener. */
function resolve(tokens: Token[]): void {
  let i = 0
  while (i < tokens.length) {
    const closer = tokens[i] as Token
    if (closer.kind === 'run' && closer.close) {
      let j = i
      let matched = false
      while (j-- > 0) {
        const opener = tokens[j] as Token
        if (opener.kind !== 'run' || !opener.open || opener.char !== closer.char) continue
        if ((opener.close || closer.open) && closer.size % 3 !== 0 && (opener.size + closer.size) % 3 === 0) continue
        const use = opener.size > 1 && closer.size > 1 ? 2 : 1
        opener.size -= use
        closer.size -= use
        const children = phrasing(tokens.slice(j + 1, i))
        const node: Emphasis | Strong = use > 1 ? { type: 'strong', children } : { type: 'emphasis', children }
        const replacement: Token[] = []
        if (opener.size > 0) replacement.push(opener)
        replacement.push({ kind: 'node', node })
        if (closer.size > 0) replacement.push(closer)
        tokens.splice(j, i - j + 1, ...replacement)
        i = j + (opener.size > 0 ? 1 : 0) + 1
        matched = true
        break
      }
      if (matched) continue
    }
    i++
  }
}

/** Tokens as mdast phrasing content: runs left over are text, and neighbouring text is one node. */
function phrasing(tokens: Token[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let text = ''
  for (const token of tokens) {
    if (token.kind === 'node') {
      if (text !== '') out.push({ type: 'text', value: text })
      text = ''
      out.push(token.node)
    } else text += token.kind === 'text' ? token.value : String.fromCharCode(token.char).repeat(token.size)
  }
  if (text !== '') out.push({ type: 'text', value: text })
  return out
}
