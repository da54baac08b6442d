/**
 * Dutch compounds split against a vocabulary: `schuldhulpverlening` → `schuld` + `hulpverlening`, so that a
 * note's everyday words meet the library's words. The vocabulary is the words of the indexed notes; it
 * grows and shrinks with them, and {@link CompoundSplitter.resplit} says which splits a change altered,
 * so the index can stay what a fresh build would give.
 */
import { COMPOUND } from './weights.js'

const NONE: readonly string[] = []

/** Splits compounds into parts that are words of its vocabulary. */
export class CompoundSplitter {
  private readonly vocabulary = new Set<string>()
  private readonly cache = new Map<string, readonly string[]>()

  /** Whether a word can be a part: long enough and without digits. */
  static isPart(word: string): boolean {
    return word.length >= COMPOUND.minPart && !/\d/.test(word)
  }

  /** Add words (normalised) that may be parts of compounds. */
  addWords(words: Iterable<string>): void {
    for (const w of words) {
      if (!CompoundSplitter.isPart(w) || this.vocabulary.has(w)) continue
      this.vocabulary.add(w)
      this.cache.clear()
    }
  }

  /** Remove words from the vocabulary. */
  removeWords(words: Iterable<string>): void {
    for (const w of words) if (this.vocabulary.delete(w)) this.cache.clear()
  }

  /**
   * Change the vocabulary and say which of the given words now split differently.
   *
   * @param words Words whose split matters (the indexed notes' words).
   * @param added Words that entered the vocabulary.
   * @param removed Words that left it.
   * @returns The words among `words` whose parts changed.
   */
  resplit(words: Iterable<string>, added: readonly string[], removed: readonly string[]): string[] {
    const changes = [...added, ...removed].filter(CompoundSplitter.isPart)
    if (changes.length === 0) return []
    // A split only looks at substrings of the word (its parts), so only words holding a changed word can change.
    const shortest = changes.reduce((min, c) => Math.min(min, c.length), Infinity) + COMPOUND.minPart
    const candidates: Array<{ word: string; before: readonly string[] }> = []
    for (const word of words) {
      if (word.length < COMPOUND.minWord || word.length < shortest) continue
      if (changes.some((c) => c.length < word.length && word.includes(c))) candidates.push({ word, before: this.split(word) })
    }
    this.addWords(added)
    this.removeWords(removed)
    return candidates.filter(({ word, before }) => !sameParts(before, this.split(word))).map((c) => c.word)
  }

  /**
   * The parts of a compound, longest head first found; `[]` when the word is no compound of known words.
   * Splits into at most three parts: `schuldhulpverlening` → `schuld`, `hulpverlening`.
   */
  split(word: string): readonly string[] {
    if (word.length < COMPOUND.minWord) return NONE
    const cached = this.cache.get(word)
    if (cached) return cached
    const result = this.splitInto(word, 2) ?? NONE
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(word, result)
    return result
  }

  private splitInto(word: string, depth: number): string[] | undefined {
    // Dutch compounds put the head last: try the longest known tail first.
    for (let cut = COMPOUND.minPart; cut <= word.length - COMPOUND.minPart; cut++) {
      const head = word.slice(cut)
      if (!this.vocabulary.has(head)) continue
      const modifier = word.slice(0, cut)
      for (const linker of COMPOUND.linkers) {
        if (!modifier.endsWith(linker)) continue
        const left = modifier.slice(0, modifier.length - linker.length)
        if (left.length < COMPOUND.minPart) continue
        if (this.vocabulary.has(left)) return [left, head]
        if (depth > 1) {
          const inner = this.splitInto(left, depth - 1)
          if (inner) return [...inner, head]
        }
      }
    }
    return undefined
  }
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i])
}
