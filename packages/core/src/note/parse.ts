/**
 * Parse one note from its text and path: frontmatter, markdown tree, wikilinks, headings and sections,
 * list items, tags, aliases and plain text. Works on strings only; reading files is the caller's job.
 * Every line, column and tree position is in file coordinates.
 */
import type { Root } from 'mdast'
import { own } from '../own.js'
import { positionAt, problem, type Problem } from '../problem.js'
import { parseMarkdown, plainMarkdown, type Options as MarkdownOptions, type Origin, type PlainPart } from './bounded-markdown.js'
import { stringList } from './fields.js'
import { parseFrontmatter } from './frontmatter.js'
import { bodyLinks, frontmatterLinks } from './links.js'
import { sectionsOf, tagsOf } from './sections.js'
import type { WikiLinkParts } from './wikilink.js'

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
  /** The raw frontmatter text (a string of its own: a piece of the file's text would keep all of it alive). */
  frontmatterRaw: string
  /** 1-based file line of each frontmatter key (its first occurrence). */
  fieldLines: ReadonlyMap<string, number>
  /**
   * Whether the body (everything after the frontmatter) is empty or only white space. The body itself is
   * not kept: a library holds thousands of notes, and it is their `text`, sections and links that are read.
   */
  blank: boolean
  /** 1-based line in the file where the body starts. */
  bodyLine: number
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
 * Parse a note. The markdown syntax tree is read and then dropped: a library keeps thousands of notes,
 * and the tree (every node with its positions) was most of what each one held.
 *
 * @param text The note's text (line ends `\n`; see `checkNoteText`/`decodeNote`).
 * @param path Its path relative to the library root.
 */
export function parseNote(text: string, path: string): Note {
  return parseNoteTree(text, path, { scan: true }).note
}

/**
 * Parse a note and keep the body's markdown syntax tree (positions in file coordinates), for the few
 * callers that need it (tests of the parser).
 *
 * @param text The note's text.
 * @param path Its path relative to the library root.
 * @param options `scan: true` reads the body with the fast scanner where it is certain (as
 *   {@link parseNote} does); the tree is then only what the note is read from. Default: micromark's full tree.
 */
export function parseNoteTree(text: string, path: string, options?: MarkdownOptions): { note: Note; tree: Root } {
  const file = path.replace(/\\/g, '/')
  const slash = file.lastIndexOf('/')
  const folder = slash === -1 ? '' : file.slice(0, slash)
  const name = file.slice(slash + 1).replace(/\.md$/i, '')
  const fm = parseFrontmatter(text, file)
  const body = text.slice(fm.bodyOffset)
  const origin: Origin = { offset: fm.bodyOffset, line: fm.bodyLine }
  const lastLine = positionAt(text, text.length).line
  // Pathological parts of the body are read as plain text (see bounded-markdown.ts); should walking the
  // tree still fail (a stack overflow on some nesting nobody foresaw), the whole body is read as plain text.
  let md = parseMarkdown(body, origin, options)
  let parts: TreeParts
  try {
    parts = fromTree(md.tree, body, origin, lastLine, fm.data)
  } catch {
    md = plainMarkdown(body, 'error', origin)
    parts = fromTree(md.tree, body, origin, lastLine, fm.data)
  }
  const front = frontmatterLinks(fm, file)
  const note: Note = {
    path: file,
    name,
    folder,
    frontmatter: fm.data,
    hasFrontmatter: fm.present,
    frontmatterRaw: own(fm.raw),
    fieldLines: front.fieldLines,
    blank: body.trim() === '',
    bodyLine: fm.bodyLine,
    links: [...front.links, ...parts.links],
    sections: parts.sections,
    tags: parts.tags,
    aliases: stringList(fm.data['aliases'] ?? fm.data['alias']),
    text: parts.text,
    problems: [...fm.problems, ...md.plain.map((part) => plainProblem(file, part)), ...front.problems]
  }
  return { note, tree: md.tree }
}

/** Everything read from the markdown tree. */
interface TreeParts {
  links: NoteLink[]
  sections: Section[]
  tags: string[]
  text: string
}

function fromTree(tree: Root, body: string, origin: Origin, lastLine: number, data: Record<string, unknown>): TreeParts {
  const { sections, text } = sectionsOf(tree, origin.line, lastLine)
  return { links: bodyLinks(tree, body, origin), sections, tags: tagsOf(data, tree), text }
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
function plainProblem(file: string, part: PlainPart): Problem {
  const where = part.line === part.endLine ? `Regel ${part.line}` : `Regel ${part.line} tot ${part.endLine}`
  return problem(
    file,
    { line: part.line, column: 1 },
    'warning',
    'plain-text',
    `${where} is als gewone tekst gelezen, zonder Markdown-opmaak (links en tekst tellen gewoon mee): ${PLAIN_REASONS[part.reason](part.size.toLocaleString('nl-NL'))}.`
  )
}

/**
 * A {@link Note} as plain JSON data, for the persisted index (`cache/`): its one Map as entries, and the
 * text of each section and list item as its start and end in the note's `text` when it is a piece of it
 * (as the parser makes them), so the file holds the words once and a restored note shares them as a
 * parsed one does. A text that is no such piece stays a string.
 */
export type PackedNote = Omit<Note, 'fieldLines' | 'sections'> & { fieldLines: Array<[string, number]>; sections: PackedSection[] }

/** A {@link Section} in a {@link PackedNote}. */
export type PackedSection = Omit<Section, 'text' | 'items'> & { text: PackedText; items: Array<Omit<ListItem, 'text'> & { text: PackedText }> }

/** A piece of the note's text as `[start, end]`, or a text of its own. */
type PackedText = string | [number, number]

/** A note as JSON data (see {@link unpackNote}); keep it in step with {@link Note}. */
export function packNote(note: Note): PackedNote {
  const piece = (part: string): PackedText => {
    const at = part.length < 8 ? -1 : note.text.indexOf(part)
    return at === -1 ? part : [at, at + part.length]
  }
  const sections = note.sections.map((s) => ({ ...s, text: piece(s.text), items: s.items.map((item) => ({ ...item, text: piece(item.text) })) }))
  return { ...note, fieldLines: [...note.fieldLines], sections }
}

/**
 * The note a {@link packNote} gave.
 *
 * @throws Error when the data is not a packed note (a damaged cache).
 */
export function unpackNote(packed: PackedNote): Note {
  if (typeof packed?.path !== 'string' || typeof packed.text !== 'string' || typeof packed.blank !== 'boolean' || !Array.isArray(packed.fieldLines) || !Array.isArray(packed.links) || !Array.isArray(packed.sections) || !Array.isArray(packed.problems)) {
    throw new Error('geen notitie')
  }
  const { text } = packed
  const piece = (part: PackedText): string => {
    if (typeof part === 'string') return part
    const [start, end] = Array.isArray(part) ? part : []
    if (typeof start !== 'number' || typeof end !== 'number' || !(start >= 0 && start <= end && end <= text.length)) throw new Error('geen notitie')
    return text.slice(start, end)
  }
  const sections = packed.sections.map((s) => {
    if (!Array.isArray(s?.items)) throw new Error('geen notitie')
    return { ...s, text: piece(s.text), items: s.items.map((item) => ({ ...item, text: piece(item.text) })) }
  })
  return { ...packed, fieldLines: new Map(packed.fieldLines), sections }
}
