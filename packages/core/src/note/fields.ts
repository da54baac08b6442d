/**
 * The fields of a library note, read in one place: the engine, the plugin and the CLI's report all ask
 * here, so they agree on where a field lives and what shape it has. `library/README.md` documents the
 * fields for people; `graph/schema.ts` checks them.
 */
import type { ListItem, Note } from './parse.js'

/**
 * What the advice of a `praktijk` note rests on: what professionals at several institutions report, how
 * one institution works, one of the eleven worked cases of §5.1, or the researchers' own recommendation.
 * The report (§6.9) did not research whether any of it is effective; `library/README.md` says how a
 * reader should weigh each value; `graph/schema.ts` checks the property against this list.
 */
export const GRONDSLAG = [
  'ervaring van professionals',
  'beschrijving van één instelling',
  'uitgewerkte casus',
  'aanbeveling van de onderzoekers'
] as const
export type Grondslag = (typeof GRONDSLAG)[number]

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

/**
 * What a practice's advice rests on: its `grondslag` property, or else the value its `## Grondslag`
 * section opens with ("Aanbeveling van de onderzoekers: …"); `undefined` when the note gives neither.
 */
export function grondslag(note: Note): Grondslag | undefined {
  const property = text(note.frontmatter['grondslag'])
  const start = (property ?? note.sections.find((s) => s.heading.toLowerCase() === 'grondslag')?.text ?? '').trim().toLowerCase()
  return GRONDSLAG.find((g) => start.startsWith(g))
}

/** The library's version (`versie`, as the index note "Start hier" gives it), when the note has one. */
export function version(note: Note): string | undefined {
  const value = note.frontmatter['versie']
  if (typeof value === 'number') return String(value)
  const trimmed = text(value)?.trim()
  return trimmed === '' ? undefined : trimmed
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
