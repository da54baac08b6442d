/**
 * The vocabulary of the indexed notes: every normalised word with the number of notes it occurs in, and
 * typo correction to those words. A word at edit distance 1 has the same first letter (corrections keep
 * it) and a length at most one apart, so corrections compare a word with the words of its first letter
 * and those three lengths: a few hundred short comparisons. The groups are made on the first correction,
 * then kept current; unlike an index of every word's one-deletion variants, they cost no time to start
 * and hold each word once.
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
  /** First letter and length ({@link groupKey}) → the words; `undefined` until the first correction. */
  private groups: Map<string, string[]> | undefined
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
        if (this.groups) addTo(this.groups, word)
      }
    }
    for (const word of left) {
      change.removed.push(word)
      const group = this.groups?.get(groupKey(word))
      const at = group ? group.indexOf(word) : -1
      if (group && at !== -1) {
        group[at] = group[group.length - 1] as string
        group.pop()
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
    // Distance 1 (insertion, deletion, substitution, transposition): same first letter, length ±1.
    const groups = this.wordGroups()
    const first = norm[0] as string
    for (let length = norm.length - 1; length <= norm.length + 1; length++) {
      for (const word of groups.get(first + String(length)) ?? []) if (word !== norm && damerauAtMostOne(norm, word)) consider(word)
    }
    if (this.corrections.size > 10_000) this.corrections.clear()
    this.corrections.set(norm, best ?? null)
    return best
  }

  /**
   * Make the groups now, a few thousand words a step (the generator yields in between), rather than at the
   * first correction: a caller on a UI thread (the plugin) keeps them off the query that would need them.
   * Dropped if the vocabulary changes before the steps are done (the first correction then makes them).
   */
  *prepare(): Generator<void> {
    if (this.groups) return
    const updates = this.updates
    const groups = new Map<string, string[]>()
    let n = 0
    for (const word of [...this.df.keys()]) {
      addTo(groups, word)
      if (++n % PREPARE_STEP === 0) yield
    }
    if (updates === this.updates) this.groups ??= groups
  }

  private wordGroups(): Map<string, string[]> {
    // Run to the end in one go, nothing can change the vocabulary in between: the groups are then made.
    if (!this.groups) {
      const steps = this.prepare()
      while (!steps.next().done);
    }
    return this.groups as Map<string, string[]>
  }
}

/** Words per step of {@link Vocabulary.prepare}. */
const PREPARE_STEP = 2000

/** The group of a word: its first letter (UTF-16 unit, as corrections compare it) and its length. */
function groupKey(word: string): string {
  return (word[0] ?? '') + String(word.length)
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

function addTo(groups: Map<string, string[]>, word: string): void {
  const key = groupKey(word)
  const group = groups.get(key)
  if (group) group.push(word)
  else groups.set(key, [word])
}
