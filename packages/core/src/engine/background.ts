/**
 * A background sense of everyday Dutch, so that a word's weight reflects how common it is in any Dutch
 * text and not only how rare it is in the library. "Kamer", "volgende" and "tweede" are rare in the
 * library, so library IDF alone calls them strong evidence; in everyday Dutch they are among the most
 * frequent words.
 *
 * A stem is **general** when it is one of the {@link BACKGROUND}`.common` most frequent words of everyday
 * Dutch ("mee", "nieuwe", "werk", "kamer": any text may have them, whatever it is about), or when the
 * library does not use it more than everyday Dutch would: the share of library notes that have it is below
 * `keyness` times the share of texts of the same length that would have it in everyday Dutch. That share
 * comes from the word's rank in a frequency list (background-nl.ts) by Zipf's law: a word of rank r makes
 * up about `zipf / r` of running text, so a text of n words has it with chance `1 − exp(−n · zipf / r)`.
 * A word outside the list is never general. The library's synonym list can vouch for a common word
 * ("drugs: middelengebruik"): a synonym match is never general (query.ts).
 *
 * General words still count, with a smaller weight, but never as evidence on their own: a note that
 * matches only on general words is not suggested (rank.ts), and general words are not shown as reasons.
 */
import type { Stemmer } from './analyze.js'
import { COMMON_DUTCH } from './background-nl.js'
import { BACKGROUND } from './weights.js'

/** The frequency ranks of everyday Dutch, by stem. */
export class Background {
  private readonly ranks = new Map<string, number>()

  /** Stem the background list with the engine's stemmer (a stem gets the rank of its most frequent word). */
  constructor(stemmer: Stemmer) {
    let rank = 0
    for (const word of COMMON_DUTCH.split(/\s+/)) {
      if (word === '') continue
      rank++
      const stem = stemmer.stem(word)
      if (!this.ranks.has(stem)) this.ranks.set(stem, rank)
    }
  }

  /** The rank of a stem in everyday Dutch (1 is the most frequent), or `undefined` when it is not in the list. */
  rank(stem: string): number | undefined {
    return this.ranks.get(stem)
  }

  /**
   * Whether a stem is general: no more common in the library than in everyday Dutch.
   *
   * @param stem The stem.
   * @param share The share of indexed notes that have it (0–1).
   * @param length The mean number of content words of an indexed note.
   */
  general(stem: string, share: number, length: number): boolean {
    const rank = this.ranks.get(stem)
    if (rank === undefined) return false
    return rank <= BACKGROUND.common || share < BACKGROUND.keyness * everydayShare(rank, length)
  }
}

/** The share of everyday Dutch texts of `length` words that have the word of a rank (Zipf's law). */
export function everydayShare(rank: number, length: number): number {
  return 1 - Math.exp((-length * BACKGROUND.zipf) / rank)
}
