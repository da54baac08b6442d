/**
 * Check one note against the schema: its kind, its required fields and the types of its fields.
 * Links are checked by the graph, which knows the other notes.
 */
import type { Note } from '../note/parse.js'
import { problem, type Position, type Problem } from '../problem.js'
import { isNoteType, NOTE_TYPES, SCHEMA, type FieldSpec, type NoteType } from './schema.js'

/** What {@link validateNote} found. */
export interface Validation {
  /** The note's kind, or `null` for a plain note (no frontmatter, unreadable frontmatter or no valid `type`). */
  type: NoteType | null
  problems: Problem[]
}

/**
 * Validate a note's frontmatter against the schema of its kind.
 *
 * @param note A parsed note.
 */
export function validateNote(note: Note): Validation {
  const problems: Problem[] = []
  const file = note.path
  if (!note.hasFrontmatter) {
    if (note.blank) problems.push(problem(file, undefined, 'warning', 'empty', 'Deze notitie is leeg.'))
    return { type: null, problems }
  }
  // Unreadable frontmatter was reported by the parser; there is nothing to check the schema against.
  if (note.problems.some((p) => p.level === 'error')) return { type: null, problems }

  const data = note.frontmatter
  const rawType = data['type']
  if (rawType === undefined) {
    // Frontmatter without `type` is an ordinary Obsidian note (a case note, a template); only warn when its
    // fields show it was meant as a library note.
    if (!Object.keys(data).some((key) => LIBRARY_FIELDS.has(key))) return { type: null, problems }
    problems.push(
      problem(file, { line: 1, column: 1 }, 'warning', 'missing-type', `Deze notitie heeft frontmatter maar geen veld \`type\`; zonder type hoort ze niet bij de kennisbank. Kies uit: ${NOTE_TYPES.join(', ')}.`)
    )
    return { type: null, problems }
  }
  if (!isNoteType(rawType)) {
    problems.push(
      problem(file, fieldPosition(note, 'type'), 'error', 'unknown-type', `Onbekend type "${String(rawType)}". Kies uit: ${NOTE_TYPES.join(', ')}.`)
    )
    return { type: null, problems }
  }
  for (const spec of SCHEMA[rawType]) checkField(note, spec, problems)
  return { type: rawType, problems }
}

/** Fields that only library notes have: a note with one of these but no `type` probably lost its type. */
const LIBRARY_FIELDS = new Set(
  Object.values(SCHEMA)
    .flat()
    .map((f) => f.name)
    .filter((name) => !['type', 'id', 'title', 'aliases', 'tags', 'samenvatting', 'soort'].includes(name))
)

function checkField(note: Note, spec: FieldSpec, problems: Problem[]): void {
  const file = note.path
  const value = note.frontmatter[spec.name]
  const at = fieldPosition(note, spec.name)
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    if (spec.required) {
      problems.push(problem(file, at, 'error', 'missing-field', `Verplicht veld \`${spec.name}\` ontbreekt of is leeg (${spec.description}).`))
    }
    return
  }
  const wrong = (expected: string): void => {
    problems.push(problem(file, at, 'error', 'wrong-type', `Veld \`${spec.name}\` moet ${expected} zijn (${spec.description}).`))
  }
  const type = spec.type
  switch (type.kind) {
    case 'string':
      if (typeof value !== 'string' && typeof value !== 'number') wrong('een tekst')
      return
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) wrong('een getal')
      return
    case 'enum':
      if (typeof value !== 'string') wrong('een tekst')
      else if (!type.values.includes(value)) {
        problems.push(
          problem(file, at, 'error', 'invalid-value', `Veld \`${spec.name}\` heeft de waarde "${value}"; kies uit: ${type.values.map((v) => `"${v}"`).join(', ')}.`)
        )
      }
      return
    case 'string-list': {
      const items = Array.isArray(value) ? value : [value]
      if (items.some((v) => typeof v === 'number') && spec.name === 'bron') {
        problems.push(
          problem(file, at, 'error', 'wrong-type', 'Zet paragraafnummers in `bron` tussen aanhalingstekens ("4.10"); zonder aanhalingstekens leest YAML 4.10 als het getal 4.1.')
        )
        return
      }
      if (items.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
        wrong('een lijst van teksten')
        return
      }
      if (spec.count) {
        const { max, unless } = spec.count
        const relaxed = unless !== undefined && note.frontmatter[unless.field] === unless.value
        const min = relaxed ? unless.min : spec.count.min
        if (items.length < min || items.length > max) {
          const hint = unless && !relaxed && items.length < min && items.length >= unless.min ? ` Als ${unless.when}: zet \`${unless.field}: ${unless.value}\`; dan is ${unless.min} genoeg.` : ''
          problems.push(problem(file, at, 'warning', 'signal-count', `Veld \`${spec.name}\` heeft ${items.length} onderdelen; ${min} tot ${max} werkt het best.${hint}`))
        }
      }
      return
    }
    case 'links': {
      const items = Array.isArray(value) ? value : [value]
      const fieldLinks = note.links.filter((l) => l.field === spec.name)
      const plainItems = items.filter((v) => typeof v === 'string' && !v.includes('[['))
      if (items.some((v) => typeof v !== 'string' && !Array.isArray(v)) || plainItems.length > 0 || fieldLinks.length === 0) {
        wrong('een lijst van links (`["[[Naam]]"]`)')
      }
      return
    }
  }
}

/** Where a frontmatter field stands in the file (its key), or the first line. */
export function fieldPosition(note: Note, field: string): Position {
  return { line: note.fieldLines.get(field) ?? 1, column: 1 }
}
