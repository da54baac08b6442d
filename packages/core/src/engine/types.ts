/**
 * The shapes the relevance engine gives: what the CLI prints as JSON and what the plugin renders.
 * `docs/architecture.md` fixes the JSON contract of `suggest --json`; these types extend it, never break it.
 */

/** The kinds of note the engine ranks. */
export type SuggestionType = 'praktijk' | 'methodiek' | 'thema'

/** The note fields the engine searches. */
export type FieldName = 'title' | 'signalen' | 'watwerkt' | 'samenvatting' | 'body'

/** One reason a note matches. */
export interface Match {
  /** The words as the user wrote them (for highlighting), e.g. `UC`. */
  words: string[]
  /** The library term they matched, e.g. `urinecontrole`, or the whole signal phrase. */
  term: string
  /** Where in the library note it matched. */
  field: FieldName
  /** `phrase` for a whole signal phrase, `word` for single words, `synonym`, `compound` or `typo` when found that way. */
  kind: 'phrase' | 'word' | 'synonym' | 'compound' | 'typo'
}

/** Where in a library note a passage was found: a signal, a "Wat werkt" point, the title, the summary, the text. */
export type PassageField = 'signaal' | 'wat werkt' | 'titel' | 'samenvatting' | 'tekst'

/** A sentence or list item of a library note that matches words of the case note (passages.ts). */
export interface Passage {
  field: PassageField
  /** The library note's own sentence, list item, signal or title, verbatim (plain text, wikilinks as their label). */
  text: string
  /** The case note's own words that it matched, verbatim. */
  quote: string
  /** The words of `text` that matched (not general words). */
  terms: string[]
}

/** How sure a match is (levels.ts): `sterk`, `redelijk` or `zwak`. */
export type Level = 'sterk' | 'redelijk' | 'zwak'

/** A suggested practice, method or theme. */
export interface Suggestion {
  id: string
  type: SuggestionType
  title: string
  /** Path relative to the library root. */
  path: string
  /** 0–1 on a fixed curve, corrected for the case note's length; the same score always means the same {@link level}. */
  score: number
  /** How sure the match is, from the score by the thresholds of levels.ts. */
  level: Level
  /** What a practice's advice rests on (`grondslag`), when the note gives it. */
  grondslag?: string
  /** At most three passages of the note that match the case note, best first. */
  passages: Passage[]
  /** Readable reasons in Dutch, e.g. `signaal "wil niet naar budgetbeheer"`, `via [[Casus X]]`. */
  why: string[]
  /** Whether the match is weak (`level` is `zwak`: shown, but marked as such). */
  weak: boolean
  /** The structured reasons behind `why`. */
  matches: Match[]
  /** Titles of the suggestions this one was lifted by (graph propagation). */
  via: string[]
  /** The method's evidence status (`bewijs`), when it has one. */
  evidence?: string
  /** The note's `samenvatting`, when it has one. */
  summary?: string
}

/** A reference that backs the suggestions. */
export interface LiteratureSuggestion {
  id: string
  title: string
  /** APA 7 reference-list entry. */
  citation: string
  path: string
  /** 0–1. */
  score: number
  /** Titles of the suggestions it came through. */
  via: string[]
  /** Readable reasons, e.g. `via [[Korte lijnen met ketenpartners]]`. */
  why: string[]
}

/** Timings of one query, in milliseconds. */
export interface Stats {
  analyzeMs: number
  rankMs: number
  totalMs: number
  /** Distinct query terms after analysis. */
  queryTerms: number
  /** Notes in the index. */
  indexed: number
}

/** What a query gives. */
export interface SuggestResult {
  suggestions: Suggestion[]
  literature: LiteratureSuggestion[]
  stats?: Stats
}

/** Options of one query. */
export interface Options {
  /** Most suggestions (default 10). */
  limit?: number
  /** Most literature items (default 10). */
  literatureLimit?: number
  /** Only these kinds (default all three). */
  types?: readonly SuggestionType[]
  /** Suggestions below this score are left out (default 0.25). */
  minScore?: number
  /** Suggestions below this score are marked weak (default: the `redelijk` threshold of levels.ts). */
  weakBelow?: number
  /**
   * Focus: `note` weighs the whole text alike (default); `section` weighs the paragraph or section around
   * `cursor` three times as much as the rest.
   */
  focus?: 'note' | 'section'
  /** Character offset of the cursor in the text (for `focus: 'section'`). */
  cursor?: number
  /** Include timings. */
  stats?: boolean
}
