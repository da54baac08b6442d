/**
 * Pure text helpers: what the panel reads from a note, and exactly what each insert action writes.
 * No Obsidian here, so every output can be tested to the character.
 */
import { frontmatterEnd } from '@praktijkwijzer/core'
import type { ListItem } from '@praktijkwijzer/core'
import { nl } from './strings'

// The core decides where frontmatter ends, for the parser, the engine and the plugin alike.
export { frontmatterEnd }

/** The body of a note (frontmatter left out) and the cursor within it. */
export interface Body {
  text: string
  /** Cursor offset in `text` (clamped to it). */
  cursor: number
}

/**
 * Leave out the frontmatter: its properties (such as the `literatuur` list this plugin fills) say
 * nothing about the situation the note describes.
 *
 * @param text The note's text.
 * @param cursor The cursor's offset in `text`.
 */
export function noteBody(text: string, cursor: number): Body {
  const end = frontmatterEnd(text)
  const body = text.slice(end)
  return { text: body, cursor: Math.min(body.length, Math.max(0, cursor - end)) }
}

/**
 * A wikilink. When the note is linked by a path, or its title differs from its name, the title is shown.
 *
 * @param linktext What Obsidian links the file by (`fileToLinktext`), e.g. `Menger 2018` or `praktijken/X`.
 * @param title The note's title.
 */
export function wikilink(linktext: string, title?: string): string {
  return title !== undefined && title !== linktext ? `[[${linktext}|${title}]]` : `[[${linktext}]]`
}

/**
 * What a text needs before it so that it starts a line of its own: nothing at the start of an empty
 * line, else a line break.
 *
 * @param before The text on the cursor's line before the cursor.
 */
export function lineBreakBefore(before: string): string {
  return before.trim() === '' ? '' : '\n'
}

/**
 * A practice's "Wat werkt" points as a checklist, with a line saying where they come from:
 *
 * ```markdown
 * Wat werkt (uit [[Praktijk]]):
 * - [ ] eerste punt
 * - [ ] tweede punt
 * ```
 *
 * @param link The wikilink to the practice.
 * @param items The points.
 * @param before The text on the cursor's line before the cursor.
 */
export function checklist(link: string, items: readonly ListItem[], before: string): string {
  const lines = items.map((item) => `- [ ] ${oneLine(item.text)}`)
  return `${lineBreakBefore(before)}${nl.insert.checklistHeading(link)}\n${lines.join('\n')}\n`
}

/**
 * An in-text citation as inserted at the cursor: a space before it unless the cursor follows a space,
 * an opening bracket or the start of the line.
 *
 * @param citation The APA in-text citation, e.g. `(Menger, 2018)`.
 * @param before The text on the cursor's line before the cursor.
 */
export function inTextCitation(citation: string, before: string): string {
  const last = before.slice(-1)
  return last === '' || /[\s([]/.test(last) ? citation : ` ${citation}`
}

/** One change to a text: insert `text` at `offset`. */
export interface Insertion {
  offset: number
  text: string
}

/**
 * Where and what to insert to list a reference under the note's "Literatuur" heading: after the last
 * line of that section, or in a new section at the end. `null` when the reference is already there.
 *
 * @param note The note's text.
 * @param reference The full APA reference.
 */
export function referenceInSection(note: string, reference: string): Insertion | null {
  const item = `- ${oneLine(reference)}`
  const lines = note.split('\n')
  const heading = lines.findIndex((l) => /^#{1,6}\s+literatuur\s*$/i.test(l.trim()))
  if (heading === -1) {
    const gap = note === '' ? '' : note.endsWith('\n\n') ? '' : note.endsWith('\n') ? '\n' : '\n\n'
    return { offset: note.length, text: `${gap}## ${nl.insert.literatureHeading}\n\n${item}\n` }
  }
  const level = (/^#+/.exec(lines[heading]?.trim() ?? '')?.[0] ?? '#').length
  let end = lines.length
  for (let i = heading + 1; i < lines.length; i++) {
    const m = /^(#{1,6})\s/.exec(lines[i] ?? '')
    if (m && (m[1]?.length ?? 0) <= level) {
      end = i
      break
    }
  }
  const section = lines.slice(heading + 1, end)
  if (section.some((l) => l.trim() === item)) return null
  // After the last non-empty line of the section.
  let last = heading
  for (let i = end - 1; i > heading; i--) {
    if ((lines[i] ?? '').trim() !== '') {
      last = i
      break
    }
  }
  // At the end of that line: a blank line first when the section was empty (right under the heading).
  const offset = lines.slice(0, last + 1).join('\n').length
  return { offset, text: `${last === heading ? '\n\n' : '\n'}${item}` }
}

/**
 * Add a reference to a frontmatter object's `literatuur` list (mutates it, as `processFrontMatter`
 * expects). A single string becomes a list; a reference already listed is not added twice.
 *
 * @returns Whether the frontmatter changed.
 */
export function addReferenceToFrontmatter(frontmatter: Record<string, unknown>, reference: string): boolean {
  return addToFrontmatterList(frontmatter, 'literatuur', reference)
}

/**
 * Add a value to a list property of a frontmatter object (mutates it, as `processFrontMatter` expects). A
 * single string becomes a list; a value already listed is not added twice; other properties are untouched.
 *
 * @returns Whether the frontmatter changed.
 */
export function addToFrontmatterList(frontmatter: Record<string, unknown>, field: string, value: string): boolean {
  const current = frontmatter[field]
  const list = Array.isArray(current) ? [...(current as unknown[])] : typeof current === 'string' && current.trim() !== '' ? [current] : []
  if (list.includes(value)) return false
  list.push(value)
  frontmatter[field] = list
  return true
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

/** A piece of text, marked or not. */
export interface Part {
  text: string
  mark: boolean
}

/**
 * Split a text into parts so that every occurrence of the needles is marked (case-insensitive; longer
 * needles win where they overlap).
 *
 * @param text The text to show.
 * @param needles The words or phrases to mark.
 */
export function highlight(text: string, needles: readonly string[]): Part[] {
  const lower = text.toLowerCase()
  const wanted = [...new Set(needles.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))].sort((a, b) => b.length - a.length)
  const marked = new Array<boolean>(text.length).fill(false)
  for (const needle of wanted) {
    let at = lower.indexOf(needle)
    while (at !== -1) {
      const end = at + needle.length
      if (isBoundary(lower, at - 1) && isBoundary(lower, end) && !marked.slice(at, end).some(Boolean)) marked.fill(true, at, end)
      at = lower.indexOf(needle, at + 1)
    }
  }
  const parts: Part[] = []
  for (let i = 0; i < text.length; i++) {
    const last = parts[parts.length - 1]
    const ch = text.charAt(i)
    const mark = marked[i] === true
    if (last && last.mark === mark) last.text += ch
    else parts.push({ text: ch, mark })
  }
  return parts
}

/** Whether the character at `i` does not continue a word (or lies outside the text). */
function isBoundary(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return true
  return !/[\p{L}\p{N}]/u.test(text.charAt(i))
}
