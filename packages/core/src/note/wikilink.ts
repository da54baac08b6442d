/**
 * Obsidian wikilinks: `[[Target]]`, `[[Target|label]]`, `[[Target#Heading]]`, `[[Target#^block]]` and
 * embeds `![[Target]]`. In tables the pipe is escaped (`[[Target\|label]]`); that is understood too.
 */

/** The parts of one wikilink. */
export interface WikiLinkParts {
  /** The link target as written (a note name, alias or path), without heading or label. */
  target: string
  /** The heading or block reference after `#`, if any. */
  heading?: string
  /** The label after `|`, if any. */
  label?: string
  /** Whether it is an embed (`![[...]]`). */
  embed: boolean
}

/** A wikilink found in a text, with its offset. */
export interface WikiLinkMatch extends WikiLinkParts {
  /** The link as written, brackets included. */
  raw: string
  /** Character offset of the first character (`!` or `[`). */
  offset: number
}

// The inside of a link may not hold brackets or a line break, and is at most 500 characters: linear time
// on any input, including long runs of brackets.
const WIKILINK = /(!?)\[\[([^[\]\n]{1,500})\]\]/g

/**
 * Find every wikilink in a text.
 *
 * @param text Any text.
 * @returns The links, in order of appearance.
 */
export function findWikiLinks(text: string): WikiLinkMatch[] {
  const found: WikiLinkMatch[] = []
  if (!text.includes('[[')) return found
  // matchAll works on a copy of the pattern: no `lastIndex` shared between calls.
  for (const match of text.matchAll(WIKILINK)) {
    const parts = parseWikiLinkInner(match[2] ?? '', match[1] === '!')
    if (parts) found.push({ ...parts, raw: match[0], offset: match.index })
  }
  return found
}

/**
 * Split the inside of a wikilink (between `[[` and `]]`) into target, heading and label.
 *
 * @returns The parts, or `undefined` when there is no target (`[[#Heading]]` links inside the same note
 *   and `[[]]` are not links to another note).
 */
export function parseWikiLinkInner(inner: string, embed = false): WikiLinkParts | undefined {
  let rest = inner
  let label: string | undefined
  const pipe = rest.indexOf('|')
  if (pipe !== -1) {
    label = rest.slice(pipe + 1).trim()
    rest = rest.slice(0, pipe)
    if (rest.endsWith('\\')) rest = rest.slice(0, -1)
  }
  let heading: string | undefined
  const hash = rest.indexOf('#')
  if (hash !== -1) {
    heading = rest.slice(hash + 1).trim()
    rest = rest.slice(0, hash)
  }
  const target = rest.trim()
  if (target === '') return undefined
  const parts: WikiLinkParts = { target, embed }
  if (heading) parts.heading = heading
  if (label) parts.label = label
  return parts
}

/**
 * Normalise a link target or note name for comparison the way Obsidian does: case-insensitive, without a
 * `.md` extension, with `\` as `/` and surrounding spaces removed.
 */
export function normalizeName(name: string): string {
  let n = name.trim().replace(/\\/g, '/')
  if (n.toLowerCase().endsWith('.md')) n = n.slice(0, -3)
  return n.normalize('NFC').toLowerCase()
}
