/**
 * Dutch text analysis for the relevance engine: normalisation, tokenisation and Snowball stemming. Stop
 * words are in stopwords.ts, compound splitting in compounds.ts, synonyms in synonyms.ts.
 *
 * Case notes are written fast: "TH gebeld, UC was positief, dhr wil niet meer naar zn werk". The analyser
 * keeps abbreviations and numbers as tokens, folds case and diacritics (`cliënt` = `client`), and splits
 * compounds against the library's own vocabulary (`schuldhulpverlening` → `schuld` + `hulpverlening`), so
 * that a note's everyday words meet the library's words.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration must travel with this import to packages that compile the core (the plugin)
/// <reference path="./nlpjs.d.ts" />
import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl.js'
export { isStopWord } from './stopwords.js'

/** A token of a text. */
export interface Token {
  /** The word as written (for highlighting). */
  surface: string
  /** Lower case, without diacritics. */
  norm: string
  /** Character offset of the word in the text. */
  offset: number
  /** Position in the token sequence. */
  position: number
}

/** Lower case, diacritics removed (`Cliënt` → `client`). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase()
  // Most words are plain a-z and digits: skip the Unicode decomposition for them.
  return NOT_PLAIN.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower
}

const NOT_PLAIN = /[^a-z0-9]/

// A token: letters and digits, with inner hyphens or apostrophes kept out (they split compounds the Dutch
// way: "ex-gedetineerde" gives "ex" and "gedetineerde").
const WORD = /[\p{L}\p{N}]+/gu

/**
 * Split a text into tokens.
 *
 * @param text Any text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  // matchAll works on a copy of the pattern: no `lastIndex` shared between calls.
  for (const match of text.matchAll(WORD)) {
    const surface = match[0]
    if (surface.length > 60) continue // not a word: a hash, a URL fragment, a run of letters
    tokens.push({ surface, norm: normalizeWord(surface), offset: match.index, position: tokens.length })
  }
  return tokens
}

/**
 * The normalised words of a text, without offsets: the fast path for indexing. Gives the same words as
 * {@link tokenize} (`tokenize(text).map((t) => t.norm)`).
 */
export function normalizedWords(text: string): string[] {
  let lower = text.toLowerCase()
  if (NOT_ASCII.test(lower)) lower = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  // After folding diacritics most texts are plain ASCII, where a simple split is much faster.
  const parts = NOT_ASCII.test(lower) ? lower.split(NON_WORD) : lower.split(NON_WORD_ASCII)
  const out: string[] = []
  for (const word of parts) if (word !== '' && word.length <= 60) out.push(word)
  return out
}

const NOT_ASCII = /[^\t\n\r -~]/
const NON_WORD = /[^\p{L}\p{N}]+/u
const NON_WORD_ASCII = /[^a-z0-9]+/

/**
 * The Snowball (Dutch) stemmer, with a cache of the words it has stemmed. One per engine: the cache is the
 * engine's, not the module's.
 */
export class Stemmer {
  private readonly snowball = new StemmerNl()
  private readonly cache = new Map<string, string>()

  /** The stem of a normalised word. Numbers and short abbreviations are kept as they are. */
  stem(norm: string): string {
    let s = this.cache.get(norm)
    if (s !== undefined) return s
    s = norm.length <= 3 || /\d/.test(norm) ? norm : this.snowball.stemWord(norm)
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(norm, s)
    return s
  }
}
