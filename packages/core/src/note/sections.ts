/**
 * What a note's tree holds besides links: its sections with their list items, its plain text and its tags.
 */
import type { Nodes, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { stringList } from './fields.js'
import { own } from '../own.js'
import { withoutLinks } from './links.js'
import type { ListItem, Section } from './parse.js'

/**
 * The body's plain text and its sections: the text before the first heading, then one per heading
 * (subsections included). Every section's text is a piece of the body's text (the blocks it covers,
 * joined as the whole text joins them), so a section costs no copy of its words.
 *
 * @param tree The body's tree, positions in file coordinates.
 * @param firstLine The body's first line in the file.
 * @param lastLine The file's last line.
 */
export function sectionsOf(tree: Root, firstLine: number, lastLine: number): { sections: Section[]; text: string } {
  const blocks = tree.children
  const text = blockTexts(blocks)
  const sections: Section[] = []
  const headingIndexes: number[] = []
  blocks.forEach((b, i) => {
    if (b.type === 'heading') headingIndexes.push(i)
  })
  const firstHeading = headingIndexes[0] ?? blocks.length
  if (firstHeading > 0) {
    sections.push({
      heading: '',
      depth: 0,
      line: firstLine,
      endLine: firstHeading < blocks.length ? lineOf(blocks[firstHeading]) - 1 : lastLine,
      text: text.range(0, firstHeading),
      items: itemsOf(blocks, 0, firstHeading, text.piece)
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
      // A heading is a piece of the file's text: a copy of its own, or the note would keep the whole text.
      heading: own(withoutLinks(toString(node)).trim()),
      depth: node.depth,
      line: lineOf(node),
      endLine: end < blocks.length ? lineOf(blocks[end]) - 1 : lastLine,
      text: text.range(index + 1, end),
      items: itemsOf(blocks, index + 1, ownEnd, text.piece)
    })
  }
  return { sections, text: text.all }
}

/**
 * The plain text of a list of blocks (wikilinks replaced by their label or target, blank blocks left out,
 * the rest joined by an empty line), the text of any run of those blocks as a piece of it, and a text
 * found in one block's text (a list item's) as a piece of it too.
 */
function blockTexts(blocks: RootContent[]): { all: string; range: (from: number, to: number) => string; piece: (block: number, part: string) => string } {
  // Per block, where its text starts and ends in `all` (both -1 for a blank block).
  const starts: number[] = []
  const ends: number[] = []
  const parts: string[] = []
  let length = 0
  for (const block of blocks) {
    const t = withoutLinks(textOf(block))
    if (t.trim() === '') {
      starts.push(-1)
      ends.push(-1)
      continue
    }
    if (parts.length > 0) length += 2
    starts.push(length)
    length += t.length
    ends.push(length)
    parts.push(t)
  }
  const all = parts.join('\n\n')
  const range = (from: number, to: number): string => {
    let first = from
    while (first < to && starts[first] === -1) first++
    let last = to - 1
    while (last >= first && ends[last] === -1) last--
    return first > last ? '' : all.slice(starts[first], ends[last])
  }
  // A piece of the file's text would keep all of it alive; a piece of `all` costs nothing, as `all` is kept.
  const piece = (block: number, part: string): string => {
    const at = part === '' ? -1 : all.indexOf(part, starts[block])
    return at !== -1 && at + part.length <= (ends[block] as number) ? all.slice(at, at + part.length) : own(part)
  }
  return { all, range, piece }
}

function lineOf(node: RootContent | undefined): number {
  return node?.position?.start.line ?? 1
}

/** The list items of the blocks from `from` up to `to`, each item's text a piece of the note's text where it can be. */
function itemsOf(blocks: RootContent[], from: number, to: number, piece: (block: number, part: string) => string): ListItem[] {
  const items: ListItem[] = []
  for (let b = from; b < to; b++) {
    const block = blocks[b]
    if (block?.type !== 'list') continue
    for (const item of block.children) {
      items.push({
        text: piece(b, withoutLinks(item.children.map(textOf).join('\n')).trim()),
        line: lineOf(item),
        checked: item.checked ?? null
      })
    }
  }
  return items
}

/** Plain text of a node: phrasing content joined as is, blocks separated by line breaks. */
function textOf(node: Nodes): string {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return toString(node)
  if (node.type === 'code' || node.type === 'html') return node.value
  if ('children' in node) return node.children.map(textOf).filter((t) => t !== '').join('\n')
  return toString(node)
}

const INLINE_TAG = /(^|[\s(,;])#([\p{L}\p{N}_/-]{1,100})/gu

/** Tags from frontmatter (`tags`, `tag`) and body (`#tag`), without `#`, lower case, unique, sorted. */
export function tagsOf(data: Record<string, unknown>, tree: Root): string[] {
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
      // matchAll works on a copy of the pattern: no `lastIndex` shared between calls.
      for (const m of node.value.matchAll(INLINE_TAG)) add(m[2] ?? '')
      return
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'link') return
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return [...tags].sort()
}
