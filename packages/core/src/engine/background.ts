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
 * comes from the stem's rank in a frequency list (background-nl.ts) by Zipf's law: a word of rank r makes
 * up about `zipf / r` of running text, so a text of n words has it with chance `1 − exp(−n · zipf / r)`.
 * A word outside the list is never general. The library can vouch for a common word in two ways: a word
 * that names a theme on its own (a thema's one-word title or alias: "schulden", "werk", "huisregels";
 * {@link topics}) is never general, and neither is a synonym match ("blowt: blowen, middelengebruik";
 * query.ts).
 *
 * General words still count, with a smaller weight, but never as evidence on their own: a note that
 * matches only on general words is not suggested (rank.ts), and general words are not shown as reasons.
 */
import type { KnowledgeGraph } from '../graph/graph.js'
import { normalizedWords, type Stemmer } from './analyze.js'
import { COMMON_DUTCH } from './background-nl.js'
import { BACKGROUND } from './weights.js'

/** The frequency ranks of everyday Dutch, by stem; read from the list on first use. */
export class Background {
  private ranks: Map<string, number> | undefined

  /** The rank of a stem in everyday Dutch (1 is the most frequent), or `undefined` when it is not in the list. */
  rank(stem: string): number | undefined {
    if (!this.ranks) {
      this.ranks = new Map()
      let rank = 0
      for (const w of COMMON_DUTCH.split(/\s+/)) if (w !== '' && !this.ranks.has(w)) this.ranks.set(w, ++rank)
    }
    return this.ranks.get(stem)
  }

  /**
   * Whether a stem is general: frequent in everyday Dutch, or no more common in the library than there.
   *
   * @param stem The stem.
   * @param library How the library uses it: the share of indexed notes that have it (0–1),
   *   the mean number of content words of an indexed note, and whether it names a theme ({@link topics}).
   *   Asked only for a stem of everyday Dutch (the list is read once per stem, here).
   */
  general(stem: string, library: () => { share: number; length: number; names: boolean }): boolean {
    const rank = this.rank(stem)
    if (rank === undefined) return false
    const { share, length, names } = library()
    if (rank > BACKGROUND.common && share >= BACKGROUND.keyness * everydayShare(rank, length)) return false
    return !names
  }
}

/** The share of everyday Dutch texts of `length` words that have the word of a rank (Zipf's law). */
export function everydayShare(rank: number, length: number): number {
  return 1 - Math.exp((-length * BACKGROUND.zipf) / rank)
}

/**
 * The stems of the words the library names its themes by: every thema title or alias of one word
 * ("werk", "schulden", "huisregels"). These are the library's own topic words, however common in Dutch.
 */
export function topics(graph: KnowledgeGraph, stemmer: Stemmer): Set<string> {
  const out = new Set<string>()
  for (const node of graph.nodes('thema')) {
    for (const name of [node.title, ...node.aliases]) {
      const words = normalizedWords(name)
      if (words.length === 1) out.add(stemmer.stem(words[0] as string))
    }
  }
  return out
}
