/**
 * @praktijkwijzer/core: pure logic for the Praktijkwijzer library. Strings in, data out; no file system,
 * no Obsidian, no DOM, no network.
 */
export { formatGraph, graphToJson, GRAPH_FORMATS, type GraphFormat, type GraphJson } from './graph/format.js'
export { frontmatterEnd, parseFrontmatter, type Frontmatter } from './note/frontmatter.js'
export type { Edge, GraphNode, KnowledgeGraph, NeighbourOptions, Resolution } from './graph/graph.js'
export { Library, type Options as LibraryOptions, type SourceFile } from './library.js'
export { evidence, evidenceNote, signals, stringList, summary, whatWorks } from './note/fields.js'
export { parseNote, type ListItem, type Note, type NoteLink, type Section } from './note/parse.js'
export { checkPrivacy, isValidBsn, isValidIban, PRIVACY_KINDS, PRIVACY_LABELS, type PrivacyFinding, type PrivacyKind } from './privacy.js'
export { positionAt, problem, sortProblems, type Level, type Position, type Problem, type ProblemCode } from './problem.js'
export { EDGE_KINDS, EDGE_LABELS, fieldSpec, GRONDSLAG, isNoteType, NOTE_TYPES, SCHEMA, type EdgeKind, type FieldSpec, type FieldType, type Grondslag, type NoteType } from './graph/schema.js'
export { checkNoteText, decodeNote, DEFAULT_MAX_BYTES, type Decoded } from './note/decode.js'
export { fieldPosition, validateNote, type Validation } from './graph/validate.js'
export { findWikiLinks, normalizeName, parseWikiLinkInner, type WikiLinkMatch, type WikiLinkParts } from './note/wikilink.js'
export { apaInText, apaReference } from './cite/index.js'
export { isStopWord, normalizeWord, tokenize, type Token } from './engine/analyze.js'
export { CompoundSplitter } from './engine/compounds.js'
export { parseSynonymLine, synonymsFromGraph, SynonymTable, type SynonymEntry } from './engine/synonyms.js'
export type { FieldName, LiteratureSuggestion, Match, Options as SuggestOptions, Stats, SuggestResult, Suggestion, SuggestionType } from './engine/types.js'
export { TitleFinder, type FinderHit } from './engine/finder.js'
export {
  apaBibliography,
  bareDoi,
  CITATION_FORMATS,
  cslToFields,
  detectExchangeFormat,
  doiKey,
  DuplicateIndex,
  EXCHANGE_FORMATS,
  familyName,
  fieldsToCsl,
  findDuplicate,
  formatInText,
  formatName,
  formatReference,
  formatReferences,
  guessLanguage,
  isLiteratureKind,
  LITERATURE_FIELDS,
  LITERATURE_KINDS,
  literatureFields,
  literatureNoteName,
  literatureNoteText,
  parseName,
  parseReferences,
  readReferences,
  THESIS_GENRES,
  titleKey,
  toCsl,
  writeReferences,
  type CitationFormat,
  type CitationOptions,
  type CslItem,
  type CslName,
  type Duplicate,
  type EntryProblem,
  type ExchangeFormat,
  type Incomplete,
  type InTextOptions,
  type LiteratureFields,
  type LiteratureKind,
  type NoteTextOptions,
  type ReadEntry,
  type ReadResult
} from './cite/index.js'
