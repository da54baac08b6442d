/**
 * A library note as the engine indexes it: its content words per field, their weighted frequencies under
 * each stem (compound parts included), its signal phrases, and a readable word for each stem.
 */
import type { GraphNode } from '../graph/graph.js'
import { signals as signalsOf, summary, whatWorks } from '../note/fields.js'
import { own } from '../own.js'
import { isStopWord, normalizedWords, type Stemmer } from './analyze.js'
import type { CompoundSplitter } from './compounds.js'
import type { SuggestionType } from './types.js'
import { compare } from './util.js'
import { FIELDS, INDEX_PART_WEIGHT } from './weights.js'

/** Number of fields, the stride of {@link Doc.tf}. */
export const FIELD_COUNT = FIELDS.length

/** A signal of the note of two or more content words, matched as a whole. */
export interface Phrase {
  text: string
  /** Stems of its content words. */
  terms: string[]
}

/**
 * One indexed note, kept compact: a library of 5,000 notes holds half a million (note, stem) pairs, so
 * per-note maps were most of the engine's memory. Stems and words are sorted arrays of strings shared
 * between notes ({@link Strings}), looked up by binary search ({@link hasWord}, {@link displayWord}).
 */
export interface Doc {
  node: GraphNode
  type: SuggestionType
  /** Number of content words per field. */
  lengths: number[]
  /** The note's stems, sorted by code unit; the frequency of `stems[i]` in field `f` is `tf[i * FIELD_COUNT + f]`. */
  stems: readonly string[]
  /** All term frequencies of the note, packed: one allocation per note instead of one per term. */
  tf: Float32Array
  phrases: Phrase[]
  /** The note's distinct normalised words, sorted by code unit (its vocabulary). */
  words: readonly string[]
  /**
   * Parallel to `stems`: the note's most frequent word with that stem, to show readable terms, as its
   * place in `words` (-1: the stem itself, as for a compound part's stem). Read it with {@link displayWord}.
   */
  display: Int32Array
}

/** Where a sorted array holds a string, or -1. */
export function indexIn(sorted: readonly string[], value: string): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = sorted[mid] as string
    if (v === value) return mid
    if (v < value) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** A stem's slot in the note's index (its place in {@link Doc.stems}; its frequencies at `slot * FIELD_COUNT`), or -1. */
export function stemSlot(doc: Doc, stem: string): number {
  return indexIn(doc.stems, stem)
}

/** The word the note shows for a stem it has ({@link Doc.display}), or `undefined`. */
export function displayWord(doc: Doc, stem: string): string | undefined {
  const i = stemSlot(doc, stem)
  if (i === -1) return undefined
  const w = doc.display[i] as number
  return w === -1 ? stem : (doc.words[w] as string)
}

/** Whether the note has a normalised word. */
export function hasWord(doc: Doc, word: string): boolean {
  return indexIn(doc.words, word) !== -1
}

/**
 * One copy of each word and stem for all notes of an engine. The words of a note are cut from its
 * lower-cased text, and each such piece keeps that whole text alive; the shared copy is a string of its
 * own. Grows with the distinct words and stems of the library notes (never with queries).
 */
export class Strings {
  private readonly known = new Map<string, string>()

  /** The shared copy of a string. */
  get(value: string): string {
    let shared = this.known.get(value)
    if (shared === undefined) {
      shared = own(value)
      this.known.set(shared, shared)
    }
    return shared
  }
}

/** A note's content words per field, and its signal phrases. */
export interface FieldWords {
  /** Per field (in the order of {@link FIELDS}), the normalised content words. */
  words: string[][]
  signals: string[]
}

/** Numbers alone and single characters carry no meaning for ranking ("12", "S."); "3ro" and "uc" do. */
export function isContentToken(norm: string): boolean {
  return norm.length > 1 && !/^\d+$/.test(norm)
}

/** Read a note's fields into normalised content words (stop words, numbers and single letters left out). */
export function fieldWords(node: GraphNode): FieldWords {
  const note = node.note
  const signals = signalsOf(note)
  const texts = [
    [node.title, ...node.aliases].join('\n'),
    signals.join('\n'),
    whatWorks(note)
      .map((i) => i.text)
      .join('\n'),
    summary(note) ?? '',
    note.text
  ]
  return { words: texts.map((t) => normalizedWords(t).filter((w) => isContentToken(w) && !isStopWord(w))), signals }
}

/** The distinct words of a note's fields. */
export function distinctWords(fields: FieldWords): Set<string> {
  const set = new Set<string>()
  for (const list of fields.words) for (const w of list) set.add(w)
  return set
}

/**
 * Index one note.
 *
 * @param node The note.
 * @param fields Its words ({@link fieldWords}).
 * @param splitter Splits compounds against the vocabulary of all indexed notes, this one included.
 * @param stemmer The engine's stemmer.
 * @param strings The engine's shared words and stems.
 */
export function buildDoc(node: GraphNode, fields: FieldWords, splitter: CompoundSplitter, stemmer: Stemmer, strings: Strings): Doc {
  // Stem → its frequency per field, while counting.
  const counting = new Map<string, number[]>()
  const words = new Map<string, number>()
  fields.words.forEach((list, f) => {
    // Count each word once per field, then stem and split each distinct word once.
    const counts = new Map<string, number>()
    for (const norm of list) counts.set(norm, (counts.get(norm) ?? 0) + 1)
    for (const [norm, count] of counts) {
      words.set(norm, (words.get(norm) ?? 0) + count)
      bump(counting, stemmer.stem(norm), f, count)
      for (const part of splitter.split(norm)) bump(counting, stemmer.stem(part), f, INDEX_PART_WEIGHT * count)
    }
  })
  // One element per field, allocated once (an array grown by push keeps spare room).
  const lengths = fields.words.map((list) => list.length)
  const phrases: Phrase[] = []
  for (const signal of fields.signals) {
    const phraseTerms = normalizedWords(signal)
      .filter((w) => isContentToken(w) && !isStopWord(w))
      .map((w) => strings.get(stemmer.stem(w)))
    if (phraseTerms.length >= 2) phrases.push({ text: signal, terms: phraseTerms })
  }
  const display = new Map<string, string>()
  const best = new Map<string, number>()
  for (const [word, count] of words) {
    const st = stemmer.stem(word)
    if (count > (best.get(st) ?? 0) || (count === best.get(st) && word < (display.get(st) ?? ''))) {
      best.set(st, count)
      display.set(st, word)
    }
  }
  const stems = [...counting.keys()].sort(compare)
  const tf = new Float32Array(stems.length * FIELD_COUNT)
  stems.forEach((stem, i) => tf.set(counting.get(stem) as number[], i * FIELD_COUNT))
  const sortedWords = [...words.keys()].sort(compare).map((word) => strings.get(word))
  return {
    node,
    type: node.type as SuggestionType,
    lengths,
    stems: stems.map((stem) => strings.get(stem)),
    tf,
    phrases,
    words: sortedWords,
    display: Int32Array.from(stems, (stem) => {
      const word = display.get(stem)
      return word === undefined ? -1 : indexIn(sortedWords, word)
    })
  }
}

/** Add to a term's frequency in one field. */
function bump(counting: Map<string, number[]>, term: string, field: number, amount: number): void {
  let row = counting.get(term)
  if (row === undefined) {
    row = new Array<number>(FIELD_COUNT).fill(0)
    counting.set(term, row)
  }
  row[field] = (row[field] as number) + amount
}

/**
 * A {@link Doc} as plain JSON data, for the persisted index, laid out to parse fast: the node by its path,
 * the stems in their sorted order (stem `i` has its frequencies at `i * FIELD_COUNT`) and the words as one
 * space-separated string each (words and stems are letters and digits only), and for each stem the index
 * of its display word in `words` (-1: the stem itself, as for a compound part's stem).
 */
export interface PackedDoc {
  path: string
  lengths: number[]
  stems: string
  tf: number[]
  display: number[]
  phrases: Phrase[]
  words: string
}

/** A note's index entry as JSON data (see {@link unpackDoc}); keep it in step with {@link Doc}. */
export function packDoc(doc: Doc): PackedDoc {
  return { path: doc.node.path, lengths: doc.lengths, stems: doc.stems.join(' '), tf: Array.from(doc.tf), display: Array.from(doc.display), phrases: doc.phrases, words: doc.words.join(' ') }
}

/**
 * The index entry a {@link packDoc} gave, for its node, its strings shared through the engine's {@link Strings}.
 *
 * @throws Error when the data does not fit together (a damaged cache).
 */
export function unpackDoc(packed: PackedDoc, node: GraphNode, strings: Strings): Doc {
  const split = (text: unknown): string[] => (typeof text === 'string' && text !== '' ? text.split(' ').map((x) => strings.get(x)) : [])
  const stems = split(packed.stems)
  const words = split(packed.words)
  const { tf, display } = packed
  const sorted = (list: readonly string[]): boolean => list.every((x, i) => i === 0 || compare(list[i - 1] as string, x) < 0)
  if (!Array.isArray(tf) || tf.length !== stems.length * FIELD_COUNT || !Array.isArray(display) || display.length !== stems.length || packed.lengths?.length !== FIELD_COUNT || !Array.isArray(packed.phrases) || !sorted(stems) || !sorted(words)) {
    throw new Error(`index van ${packed.path} klopt niet`)
  }
  const phrases = packed.phrases.map((p) => ({ text: p.text, terms: p.terms.map((t) => strings.get(t)) }))
  return {
    node,
    type: node.type as SuggestionType,
    lengths: packed.lengths,
    stems,
    tf: Float32Array.from(tf),
    phrases,
    words,
    display: Int32Array.from(display, (w: number) => (w >= 0 && w < words.length ? w : -1))
  }
}
