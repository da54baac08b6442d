/**
 * The schema of the library: which note kinds exist, which fields each has, which are required, and what
 * kind of edge a link field makes. Written down once, here; `library/README.md` documents it for people.
 */
import { GRONDSLAG, type Grondslag } from '../note/fields.js'

/**
 * The note kinds of the library. `index` notes only help people find their way; `synoniemen` notes hold
 * the abbreviations and synonyms the relevance engine uses.
 */
export const NOTE_TYPES = ['thema', 'methodiek', 'praktijk', 'literatuur', 'index', 'synoniemen'] as const
export type NoteType = (typeof NOTE_TYPES)[number]

/** The kinds of edge between notes. */
export const EDGE_KINDS = ['theme', 'method', 'literature', 'related', 'mention'] as const
export type EdgeKind = (typeof EDGE_KINDS)[number]

/** Dutch label of each edge kind, as shown to people. */
export const EDGE_LABELS: Record<EdgeKind, string> = {
  theme: 'hoort bij',
  method: 'past toe',
  literature: 'onderbouwd door',
  related: 'verwant aan',
  mention: 'verwijst naar'
}

/** What a field holds. */
export type FieldType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'string-list' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'links'; targets: readonly NoteType[]; edge: EdgeKind }

/** One field of a note kind. */
export interface FieldSpec {
  name: string
  type: FieldType
  required: boolean
  /** One line in Dutch, for documentation and messages. */
  description: string
  /** For string lists: the advised number of items (outside it is a warning). */
  count?: Count
}

/**
 * The advised number of items of a string list. `unless` lowers the minimum for notes whose field `field`
 * has the value `value`: a methodiek that the report only names cannot honestly have five signals.
 */
export interface Count {
  min: number
  max: number
  /** `when` says in Dutch when the exception applies, for the warning ("het rapport ... alleen bij naam noemt"). */
  unless?: { field: string; value: string; min: number; when: string }
}

const string = { kind: 'string' } as const
const number = { kind: 'number' } as const
const stringList = { kind: 'string-list' } as const
const links = (targets: readonly NoteType[], edge: EdgeKind): FieldType => ({ kind: 'links', targets, edge })

const COMMON: FieldSpec[] = [
  { name: 'type', type: { kind: 'enum', values: NOTE_TYPES }, required: true, description: 'soort notitie' },
  { name: 'bron', type: stringList, required: true, description: 'paragraaf of paragrafen van het rapport' },
  { name: 'id', type: string, required: false, description: 'vaste sleutel (standaard de bestandsnaam)' },
  { name: 'title', type: string, required: false, description: 'weergavenaam (standaard de bestandsnaam)' },
  { name: 'aliases', type: stringList, required: false, description: 'andere namen en afkortingen' },
  { name: 'tags', type: stringList, required: false, description: 'tags' },
  { name: 'samenvatting', type: string, required: false, description: 'korte samenvatting voor het paneel' }
]

export { GRONDSLAG, type Grondslag }

const SIGNALS: FieldSpec = {
  name: 'signalen',
  type: stringList,
  required: true,
  description: 'alledaagse woorden en zinnen uit casusnotities',
  count: { min: 5, max: 15 }
}

/** The fields of every note kind. */
export const SCHEMA: Record<NoteType, FieldSpec[]> = {
  thema: [
    ...COMMON,
    { name: 'gerelateerd', type: links(['thema'], 'related'), required: false, description: 'verwante thema\'s' },
    { ...SIGNALS, required: false }
  ],
  methodiek: [
    ...COMMON,
    {
      name: 'bewijs',
      type: { kind: 'enum', values: ['bewezen effectief', 'veelbelovend', 'goed beschreven', 'niet vermeld'] },
      required: true,
      description: 'onderbouwing zoals het rapport die beschrijft'
    },
    { name: 'bewijstoelichting', type: string, required: false, description: 'toelichting op de onderbouwing' },
    {
      name: 'vermelding',
      type: { kind: 'enum', values: ['beschreven', 'alleen genoemd'] },
      required: false,
      description: 'of het rapport de methodiek beschrijft of alleen bij naam noemt'
    },
    {
      name: 'soort',
      type: { kind: 'enum', values: ['methodiek', 'benadering', 'model', 'instrument', 'overleg'] },
      required: false,
      description: 'soort methodiek'
    },
    { ...SIGNALS, count: { min: 5, max: 15, unless: { field: 'vermelding', value: 'alleen genoemd', min: 1, when: 'het rapport de methodiek alleen bij naam noemt' } } },
    { name: 'thema', type: links(['thema'], 'theme'), required: false, description: 'thema\'s waar de methodiek bij hoort' },
    { name: 'literatuur', type: links(['literatuur'], 'literature'), required: false, description: 'onderbouwende literatuur' },
    { name: 'gerelateerd', type: links(['methodiek'], 'related'), required: false, description: 'verwante methodieken' }
  ],
  praktijk: [
    ...COMMON,
    { name: 'thema', type: links(['thema'], 'theme'), required: true, description: 'thema\'s waar de praktijk bij hoort' },
    SIGNALS,
    { name: 'methodiek', type: links(['methodiek'], 'method'), required: false, description: 'methodieken die de praktijk toepast' },
    { name: 'literatuur', type: links(['literatuur'], 'literature'), required: false, description: 'onderbouwende literatuur' },
    { name: 'gerelateerd', type: links(['praktijk'], 'related'), required: false, description: 'verwante praktijken' },
    {
      name: 'soort',
      type: { kind: 'enum', values: ['casus', 'best practice', 'aanbeveling', 'beschrijving'] },
      required: false,
      description: 'soort praktijk'
    },
    {
      name: 'grondslag',
      type: { kind: 'enum', values: GRONDSLAG },
      required: true,
      description: 'waar het advies op rust'
    },
    { name: 'organisatie', type: string, required: false, description: 'instelling die de casus aanleverde' }
  ],
  literatuur: [
    ...COMMON,
    { name: 'auteurs', type: stringList, required: true, description: 'auteurs, "Achternaam, V."' },
    { name: 'jaar', type: number, required: true, description: 'jaar van verschijnen' },
    { name: 'titel', type: string, required: true, description: 'titel' },
    {
      name: 'soort',
      type: { kind: 'enum', values: ['artikel', 'boek', 'hoofdstuk', 'rapport', 'proefschrift', 'scriptie', 'webpagina'] },
      required: true,
      description: 'soort publicatie'
    },
    { name: 'tijdschrift', type: string, required: false, description: 'tijdschrift' },
    { name: 'jaargang', type: string, required: false, description: 'jaargang' },
    { name: 'nummer', type: string, required: false, description: 'nummer' },
    { name: 'paginas', type: string, required: false, description: 'pagina\'s' },
    { name: 'redacteuren', type: stringList, required: false, description: 'redacteuren (bij een hoofdstuk)' },
    { name: 'boektitel', type: string, required: false, description: 'titel van het boek (bij een hoofdstuk)' },
    { name: 'uitgever', type: string, required: false, description: 'uitgever of instelling' },
    { name: 'editie', type: string, required: false, description: 'editie' },
    { name: 'doi', type: string, required: false, description: 'DOI zonder https://doi.org/' },
    { name: 'url', type: string, required: false, description: 'webadres' },
    { name: 'opmerking', type: string, required: false, description: 'bijzonderheden van de vermelding in het rapport' }
  ],
  index: COMMON.map((f) => (f.name === 'bron' ? { ...f, required: false } : f)),
  synoniemen: COMMON.map((f) => (f.name === 'bron' ? { ...f, required: false } : f))
}

/** Whether a string is one of the note kinds. */
export function isNoteType(value: unknown): value is NoteType {
  return typeof value === 'string' && (NOTE_TYPES as readonly string[]).includes(value)
}

/** The spec of one field of a kind, if the kind has it. */
export function fieldSpec(type: NoteType, name: string): FieldSpec | undefined {
  return SCHEMA[type].find((f) => f.name === name)
}
