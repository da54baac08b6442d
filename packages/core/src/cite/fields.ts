/**
 * The bibliographic fields of a literatuur note, read into a typed record. The schema (`schema.ts`) says
 * which fields exist; this module reads them tolerantly (numbers where text is expected, a DOI written as
 * a link) so that formatting never depends on how carefully the YAML was typed.
 */

/** The kinds of publication a literatuur note can be (`soort`), as in the schema. */
export const LITERATURE_KINDS = ['artikel', 'boek', 'hoofdstuk', 'rapport', 'proefschrift', 'scriptie', 'webpagina'] as const
/** One of {@link LITERATURE_KINDS}. */
export type LiteratureKind = (typeof LITERATURE_KINDS)[number]

/** The bibliographic fields of a literatuur note, named as in the frontmatter. */
export interface LiteratureFields {
  /** `"Achternaam, V. V."`, particles first (`"van der Helm, P."`); an organisation as one name (`"DJI"`). */
  auteurs: string[]
  /** Year of publication; absent when unknown. */
  jaar?: number
  titel: string
  soort: LiteratureKind
  /** Journal (articles). */
  tijdschrift?: string
  jaargang?: string
  nummer?: string
  paginas?: string
  /** Editors (chapters), in the same form as `auteurs`. */
  redacteuren?: string[]
  /** Title of the book a chapter is in. */
  boektitel?: string
  uitgever?: string
  /** E.g. `5th ed.`, `2e ed.`, `derde herziene druk`. */
  editie?: string
  /** Without `https://doi.org/`. */
  doi?: string
  url?: string
  /** Remarks on how the report prints the entry. */
  opmerking?: string
}

/** The optional text fields of {@link LiteratureFields}, in the order notes write them. */
export const TEXT_FIELDS = ['tijdschrift', 'jaargang', 'nummer', 'paginas', 'boektitel', 'uitgever', 'editie', 'doi', 'url', 'opmerking'] as const
type TextField = (typeof TEXT_FIELDS)[number]

/** Every bibliographic field, in the order a literatuur note writes them. */
export const LITERATURE_FIELDS = ['auteurs', 'jaar', 'titel', 'soort', 'tijdschrift', 'jaargang', 'nummer', 'paginas', 'redacteuren', 'boektitel', 'uitgever', 'editie', 'doi', 'url', 'opmerking'] as const

/**
 * Read the bibliographic fields from a literatuur note's frontmatter.
 *
 * Text fields also accept numbers (`jaargang: 60`); `jaar` also accepts a text with a year in it; `doi`
 * loses a leading `https://doi.org/` or `doi:`. An unknown or missing `soort` reads as `rapport`.
 *
 * @param frontmatter The note's frontmatter.
 * @param fallbackTitle Title to use when `titel` is missing (e.g. the note's title).
 * @returns The fields; absent optional fields are left out.
 */
export function literatureFields(frontmatter: Record<string, unknown>, fallbackTitle = ''): LiteratureFields {
  const soort = frontmatter['soort']
  const fields: LiteratureFields = {
    auteurs: textList(frontmatter['auteurs']).map((a) => a.trim()),
    titel: text(frontmatter['titel']) ?? fallbackTitle,
    soort: isLiteratureKind(soort) ? soort : 'rapport'
  }
  const year = readYear(frontmatter['jaar'])
  if (year !== undefined) fields.jaar = year
  const editors = textList(frontmatter['redacteuren']).map((a) => a.trim())
  if (editors.length > 0) fields.redacteuren = editors
  for (const name of TEXT_FIELDS) {
    const value = text(frontmatter[name])
    if (value !== undefined) fields[name as TextField] = name === 'doi' ? bareDoi(value) : value
  }
  return fields
}

/** Whether a value is one of {@link LITERATURE_KINDS}. */
export function isLiteratureKind(value: unknown): value is LiteratureKind {
  return typeof value === 'string' && (LITERATURE_KINDS as readonly string[]).includes(value)
}

/**
 * A DOI without resolver prefix: `https://doi.org/10.1/x`, `doi:10.1/x` and `10.1/x` all give `10.1/x`.
 */
export function bareDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
}

// C0 controls other than white space, DEL, C1 controls and bidirectional controls: never part of a
// reference, and harmful in a file name or on a terminal.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** A text without control characters (tabs and line breaks, which are white space, are kept). */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '')
}

/** A list of names: a string gives one item, other values are skipped (as `stringList` of the parser). */
function textList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value]
  return items.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function readYear(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string') {
    const match = /(\d{4})/.exec(value)
    if (match?.[1]) return Number(match[1])
  }
  return undefined
}
