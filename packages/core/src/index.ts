/**
 * @praktijkwijzer/core: pure logic for the Praktijkwijzer library. Strings in, data out; no file system,
 * no Obsidian, no DOM, no network.
 *
 * This file only re-exports, and only what the adapters (the CLI, the plugin) and the cross-package tests
 * use; `test/exports.test.ts` pins the list. The module map is in `docs/architecture.md`.
 */

// A library: files in, graph, relevance engine and problems out.
export { Library, type LibrarySnapshot, type Options as LibraryOptions, type SourceFile } from './library.js'

// The persisted index: a library's snapshot in a cache file, and what changed since.
export { CACHE_FORMAT, cacheWarning, decodeCache, decodeCacheSteps, encodeCache, encodeCacheSteps, staleFiles, type CacheKey, type CacheRefusal, type LoadedCache, type Stamp, type StaleFiles } from './cache/cache.js'
export { contentHash } from './cache/hash.js'
export type { FieldName, Level as SuggestionLevel, LiteratureSuggestion, Match, Options as SuggestOptions, Passage, PassageField, Stats, SuggestionType, SuggestResult, Suggestion } from './engine/types.js'
export type { Cite } from './engine/literature.js'
export { TitleFinder, type FinderHit } from './engine/finder.js'
export { LibrarySearch, type Excerpt, type Searchable, type SearchHit, type TextHit } from './engine/search.js'
export type { Evidence, LinkProposal, Options as LinkOptions, ProposalLevel, SimilarNote } from './links/missing.js'

// Notes: decoding, frontmatter, parsing, the fields of library notes.
export { decodeSource, DEFAULT_MAX_BYTES, type Decoded, type Source } from './note/decode.js'
export { frontmatterEnd, parseFrontmatter, type Frontmatter } from './note/frontmatter.js'
export { parseNote, type ListItem, type Note, type NoteLink, type Section } from './note/parse.js'
export { evidence, evidenceNote, grondslag, signals, stringList, version, whatWorks } from './note/fields.js'

// The graph, its schema and its output formats.
export type { Edge, GraphNode, KnowledgeGraph, NeighbourOptions, Resolution } from './graph/graph.js'
export { fieldSpec, GRONDSLAG, type EdgeKind, type FieldSpec, type FieldType, type Grondslag, type NoteType } from './graph/schema.js'
export { formatGraph, GRAPH_FORMATS, type GraphFormat, type GraphJson } from './graph/format.js'
export { problem, type Level, type Position, type Problem, type ProblemCode } from './problem.js'

// Citations and the exchange with reference managers.
export {
  briefReference,
  Citations,
  cslToFields,
  detectExchangeFormat,
  DuplicateIndex,
  EXCHANGE_FORMATS,
  literatureFields,
  literatureNoteName,
  literatureNoteText,
  loadCitations,
  parseReferences,
  readReferences,
  toCsl,
  writeReferences,
  type CslItem,
  type EntryProblem,
  type ExchangeFormat,
  type Incomplete,
  type LiteratureFields,
  type ReadEntry,
  type ReadResult
} from './cite/index.js'

// The privacy check.
export { checkPrivacy, type PrivacyFinding, type PrivacyKind } from './privacy.js'

// The three-way update plan of a vault's library (CLI and plugin alike).
export {
  changesFiles,
  comparePaths,
  normalizedContent,
  pathKey,
  planLibrary,
  type Blocked,
  type Conflict,
  type ConflictReason,
  type Hashes,
  type LocalEntry,
  type Moved,
  type Options as PlanOptions,
  type Plan,
  type Write
} from './update/plan.js'
