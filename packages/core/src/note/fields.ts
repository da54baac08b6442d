/**
 * The fields of a library note, read in one place: the engine, the plugin and the CLI's report all ask
 * here, so they agree on where a field lives and what shape it has. `library/README.md` documents the
 * fields for people; `graph/schema.ts` checks them.
 */
import type { ListItem, Note } from './parse.js'

/** A frontmatter value read as a list of strings: a string gives one item, other values are skipped. */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value]
  if (!Array.isArray(value)) return []
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
}

/** The everyday phrases of a practice, method or theme (`signalen`). */
export function signals(note: Note): string[] {
  return stringList(note.frontmatter['signalen'])
}

/** A "Wat werkt" heading, with or without question mark, in any case. */
const WHAT_WORKS = /^wat werkt\??$/i

/** The "Wat werkt" points of a note: the list items directly under every `Wat werkt` or `Wat werkt?` heading. */
export function whatWorks(note: Note): ListItem[] {
  return note.sections.filter((s) => WHAT_WORKS.test(s.heading)).flatMap((s) => s.items)
}

/** The note's short summary for the panel (`samenvatting`), when it has one. */
export function summary(note: Note): string | undefined {
  return text(note.frontmatter['samenvatting'])
}

/** A method's evidence status as the report describes it (`bewijs`), when it has one. */
export function evidence(note: Note): string | undefined {
  return text(note.frontmatter['bewijs'])
}

/** The explanation of a method's evidence status (`bewijstoelichting`), trimmed, when it has one. */
export function evidenceNote(note: Note): string | undefined {
  const value = text(note.frontmatter['bewijstoelichting'])?.trim()
  return value === '' ? undefined : value
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
