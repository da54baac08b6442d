/**
 * The vocabulary of the indexed notes: every normalised word with the number of notes it occurs in, and
 * typo correction to those words. Corrections go through an index of one-deletion variants (built on the
 * first correction, then kept current), so finding every word at edit distance 1 costs a few lookups.
 */
import { MIN_TYPO_LENGTH } from './weights.js'

/** What an update changed: the words that entered the vocabulary and the words that left it. */
export interface VocabularyChange {
  added: string[]
  removed: string[]
}

/** The words of the indexed notes. */
export class Vocabulary {
  /** Normalised word → number of notes it occurs in. */
  private readonly df = new Map<string, number>()
  /** One-deletion variant → words; `undefined` until the first correction. */
  private deletions: Map<string, Set<string>> | undefined
  /** Corrections found so far; cleared on every update, since they depend on the counts. */
  private readonly corrections = new Map<string, string | null>()
  /** Counts updates, so that {@link prepare} can tell it was overtaken. */
  private updates = 0

  /**
   * Count one note's distinct words out and another's in (a note changed, was added or removed).
   *
   * @param removed The distinct words of the note as it was (empty when it is new).
   * @param added The distinct words of the note as it is (empty when it is gone).
   */
  update(removed: Iterable<string>, added: Iterable<string>): VocabularyChange {
    this.updates++
    this.corrections.clear()
    const change: VocabularyChange = { added: [], removed: [] }
    const left = new Set<string>()
    for (const word of removed) {
      const n = (this.df.get(word) ?? 1) - 1
      if (n > 0) this.df.set(word, n)
      else {
        this.df.delete(word)
        left.add(word)
      }
    }
    for (const word of added) {
      const n = this.df.get(word) ?? 0
      this.df.set(word, n + 1)
      if (n === 0 && !left.delete(word)) {
        change.added.push(word)
        if (this.deletions && word.length >= MIN_TYPO_LENGTH - 1) for (const del of deletions(word)) addTo(this.deletions, del, word)
      }
    }
    for (const word of left) {
      change.removed.push(word)
      if (!this.deletions) continue
      for (const del of deletions(word)) {
        const set = this.deletions.get(del)
        set?.delete(word)
        if (set?.size === 0) this.deletions.delete(del)
      }
    }
    return change
  }

  /** Whether a word occurs in any indexed note. */
  has(word: string): boolean {
    return this.df.has(word)
  }

  /** Every word. */
  words(): IterableIterator<string> {
    return this.df.keys()
  }

  /**
   * The vocabulary word a long, unknown word was probably meant to be: at Damerau–Levenshtein distance 1,
   * with the same first letter, the most frequent (then the first alphabetically). Short words are too
   * often other real words ("gebeld" is no typo of "geweld"), so only words of {@link MIN_TYPO_LENGTH}
   * letters or more, without digits, are corrected.
   */
  correct(norm: string): string | undefined {
    if (norm.length < MIN_TYPO_LENGTH || /\d/.test(norm) || this.df.has(norm)) return undefined
    const cached = this.corrections.get(norm)
    if (cached !== undefined) return cached ?? undefined
    let best: string | undefined
    let bestDf = 0
    const consider = (word: string): void => {
      if (word[0] !== norm[0]) return
      const df = this.df.get(word) ?? 0
      if (df > bestDf || (df === bestDf && best !== undefined && word < best)) {
        best = word
        bestDf = df
      }
    }
    // Distance 1 (insertion, deletion, substitution, transposition), found through shared deletions.
    const index = this.deletionIndex()
    for (const del of [norm, ...deletions(norm)]) {
      for (const word of index.get(del) ?? []) if (word !== norm && damerauAtMostOne(norm, word)) consider(word)
      if (del !== norm && this.df.has(del)) consider(del)
    }
    if (this.corrections.size > 10_000) this.corrections.clear()
    this.corrections.set(norm, best ?? null)
    return best
  }

  /**
   * Build the index of one-deletion variants now, a few hundred words a step (the generator yields in
   * between), rather than at the first correction: a caller on a UI thread (the plugin) keeps it off the
   * query that would need it. It costs the memory that first correction would. Dropped if the vocabulary
   * changes before the steps are done (the first correction then builds it).
   */
  *prepare(): Generator<void> {
    if (this.deletions) return
    const updates = this.updates
    const index = new Map<string, Set<string>>()
    let n = 0
    for (const word of [...this.df.keys()]) {
      if (word.length >= MIN_TYPO_LENGTH - 1) for (const del of deletions(word)) addTo(index, del, word)
      if (++n % PREPARE_STEP === 0) yield
    }
    if (updates === this.updates) this.deletions ??= index
  }

  private deletionIndex(): Map<string, Set<string>> {
    if (!this.deletions) {
      this.deletions = new Map()
      for (const word of this.df.keys()) if (word.length >= MIN_TYPO_LENGTH - 1) for (const del of deletions(word)) addTo(this.deletions, del, word)
    }
    return this.deletions
  }
}

/** Words per step of {@link Vocabulary.prepare}. */
const PREPARE_STEP = 200

function deletions(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1))
  return out
}

/** Damerau–Levenshtein distance ≤ 1 (with adjacent transposition). */
function damerauAtMostOne(a: string, b: string): boolean {
  if (a === b) return true
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return false
  let i = 0
  while (i < la && i < lb && a[i] === b[i]) i++
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key)
  if (set) set.add(value)
  else map.set(key, new Set([value]))
}
