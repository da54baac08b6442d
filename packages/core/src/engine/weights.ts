/**
 * Every number that decides how the relevance engine ranks, in one place. Change one, then run
 * `pnpm eval` (hit@1, hit@3, recall@5, MRR on the invented case notes in `tests/eval/`) and `pnpm bench`
 * (speed and memory). Nothing else in `engine/` holds a tunable constant.
 *
 * The order of the five fields is fixed by {@link FIELDS}; the per-field arrays below follow it.
 */
import type { FieldName } from './types.js'

/** The fields of a library note that are searched, in the order of the per-field arrays. */
export const FIELDS: readonly FieldName[] = ['title', 'signalen', 'watwerkt', 'samenvatting', 'body']

/** BM25F: how much a word counts in each field (title and aliases, signalen, Wat werkt, samenvatting, body). */
export const FIELD_WEIGHT: readonly number[] = [3, 3, 1.5, 1.5, 1]

/** BM25F: how strongly each field's length is normalised (BM25 b), per field. */
export const FIELD_B: readonly number[] = [0.3, 0.4, 0.6, 0.5, 0.75]

/** BM25 term-frequency saturation (k1). */
export const K1 = 1.2

/** Index: a compound's parts count this share of the whole word's frequency. */
export const INDEX_PART_WEIGHT = 0.5

/** Query: the weight of each kind of query term, relative to a word as written (1). */
export const QUERY_WEIGHT = {
  /** A part of a compound the note wrote (`schuld` from `schuldenlast`). */
  compoundPart: 0.6,
  /** A word of a synonym's expansion (`urinecontrole` for `UC`). */
  synonym: 0.9,
  /** A compound part of a synonym's expansion. */
  synonymPart: 0.5,
  /** The correction of a typo (`betalingsregeling` for `betalingsregling`). */
  typo: 0.6,
  /** With `focus: 'section'`: words in the paragraph around the cursor count this many times. */
  focus: 3
} as const

/** A whole signal phrase found in the note adds `bonus × mean idf of its words × min(maxWords, words − 1)`. */
export const PHRASE = {
  bonus: 1.6,
  maxWords: 3,
  /** The phrase's words must lie within (number of words + this) positions of each other. */
  slack: 4
} as const

/**
 * Background Dutch (background.ts): a stem is general when it is among the `common` most frequent words
 * of everyday Dutch, or when the share of library notes with it is below `keyness` × the share of
 * everyday Dutch texts of a note's length that would have it (a word of rank r makes up `zipf / r` of
 * running text). A general query term weighs `weight` times as much as another.
 */
export const BACKGROUND = { common: 1000, keyness: 1, zipf: 0.1, weight: 0.7 } as const

/**
 * Length correction (rank.ts): a long note matches more words of every note, a short one fewer, so the raw
 * score is multiplied by `(reference / words) ^ exponent`, where `words` is the case note's number of
 * words (at least `least`). A note of `reference` words keeps its raw score.
 */
export const LENGTH = { reference: 100, least: 10, exponent: 0.5 } as const

/** Raw score at which the normalised score is 0.5: `score = raw / (raw + HALF_SCORE)`. */
export const HALF_SCORE = 9

/**
 * Graph propagation: the best direct matches (`sources`) lift the methods and themes they link to by a
 * share of their raw score. A note lifted by several gets its largest lift in full and `further` of the rest.
 */
export const LIFT = { method: 0.15, theme: 0.1, further: 0.25, sources: 12 } as const

/** How many of the best notes by words are considered further (phrases, lifts, diversity). */
export const CANDIDATES = 300

/**
 * Diversity: a suggestion of the same kind as a better one, matched on nearly the same query terms
 * (Jaccard ≥ `similar`), has its score multiplied by `penalty`. The pass looks at `pool` × limit suggestions.
 * Hub control: a theme or method whose matched terms (general words aside) a practice scoring at least
 * `broadNear` × its score shares for `broadShared` or more, has its score multiplied by `broad`.
 */
export const DIVERSITY = { similar: 0.8, penalty: 0.85, pool: 3, broad: 0.85, broadNear: 0.8, broadShared: 0.7 } as const

/**
 * Literature: its best source suggestion counts `first` of its score, every further one adds `further`
 * (capped at 1); weak suggestions among the first `top` bring their literature too (when any is clear).
 */
export const LITERATURE = { first: 0.9, further: 0.25, top: 10 } as const

/** Shortest word that typo tolerance corrects (shorter words are too often other real words). */
export const MIN_TYPO_LENGTH = 7

/** Compound splitting: shortest part, shortest word split, and the linking sounds between parts. */
export const COMPOUND = { minPart: 4, minWord: 8, linkers: ['', 's', 'e', 'en'] } as const

/**
 * Passages (passages.ts): at most `max` per suggestion; a unit's weight per field; a signal found as a
 * whole phrase counts `phrase` times; a quote longer than `quoteLength` characters is cut to the matched words.
 */
export const PASSAGES = {
  max: 3,
  fieldWeight: { signaal: 3, titel: 2.5, 'wat werkt': 2, samenvatting: 1.5, tekst: 1 },
  phrase: 2,
  quoteLength: 200
} as const

/** Defaults of a query (see `Options` in types.ts); the level thresholds are in levels.ts. */
export const DEFAULTS = { limit: 10, literatureLimit: 10, minScore: 0.25 } as const

/** What an explanation shows at most: matched terms, signal phrases, words per field, `via` notes. */
export const SHOWN = { terms: 8, phrases: 3, perField: 5, via: 3 } as const
