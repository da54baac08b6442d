/**
 * A library note as the engine indexes it: its content words per field, their weighted frequencies under
 * each stem (compound parts included), its signal phrases, and a readable word for each stem.
 */
import type { GraphNode } from '../graph/graph.js'
import { signals as signalsOf, summary, whatWorks } from '../note/fields.js'
import { isStopWord, normalizedWords, type Stemmer } from './analyze.js'
import type { CompoundSplitter } from './compounds.js'
import type { SuggestionType } from './types.js'
import { FIELDS, INDEX_PART_WEIGHT } from './weights.js'

/** Number of fields, the stride of {@link Doc.tf}. */
export const FIELD_COUNT = FIELDS.length

/** A signal of the note of two or more content words, matched as a whole. */
export interface Phrase {
  text: string
  /** Stems of its content words. */
  terms: string[]
}

/** One indexed note. */
export interface Doc {
  node: GraphNode
  type: SuggestionType
  /** Number of content words per field. */
  lengths: number[]
  /** Stem → offset of its frequencies per field in `tf` ({@link FIELD_COUNT} numbers from there). */
  terms: Map<string, number>
  /** All term frequencies of the note, packed: one allocation per note instead of one per term. */
  tf: Float64Array
  phrases: Phrase[]
  /** Normalised word → how often the note has it (its vocabulary). */
  words: Map<string, number>
  /** Stem → the note's most frequent word with that stem, to show readable terms. */
  display: Map<string, string>
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
 */
export function buildDoc(node: GraphNode, fields: FieldWords, splitter: CompoundSplitter, stemmer: Stemmer): Doc {
  const terms = new Map<string, number>()
  const packed: number[] = []
  const lengths: number[] = []
  const words = new Map<string, number>()
  fields.words.forEach((list, f) => {
    // Count each word once per field, then stem and split each distinct word once.
    const counts = new Map<string, number>()
    for (const norm of list) counts.set(norm, (counts.get(norm) ?? 0) + 1)
    for (const [norm, count] of counts) {
      words.set(norm, (words.get(norm) ?? 0) + count)
      bump(terms, packed, stemmer.stem(norm), f, count)
      for (const part of splitter.split(norm)) bump(terms, packed, stemmer.stem(part), f, INDEX_PART_WEIGHT * count)
    }
    lengths.push(list.length)
  })
  const phrases: Phrase[] = []
  for (const signal of fields.signals) {
    const phraseTerms = normalizedWords(signal)
      .filter((w) => isContentToken(w) && !isStopWord(w))
      .map((w) => stemmer.stem(w))
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
  return { node, type: node.type as SuggestionType, lengths, terms, tf: Float64Array.from(packed), phrases, words, display }
}

/** Add to a term's frequency in one field; a new term gets FIELD_COUNT zeros at the end of `packed`. */
function bump(terms: Map<string, number>, packed: number[], term: string, field: number, amount: number): void {
  let offset = terms.get(term)
  if (offset === undefined) {
    offset = packed.length
    for (let f = 0; f < FIELD_COUNT; f++) packed.push(0)
    terms.set(term, offset)
  }
  packed[offset + field] = (packed[offset + field] as number) + amount
}

/**
 * A {@link Doc} as plain JSON data, for the persisted index, laid out to parse fast: the node by its path,
 * the terms in the order of their offsets (term `i` has its frequencies at `i * FIELD_COUNT`) and the
 * words as one space-separated string each (words and stems are letters and digits only), and for each
 * term the index of its display word in `words` (-1: none, a compound part's stem).
 */
export interface PackedDoc {
  path: string
  lengths: number[]
  terms: string
  tf: number[]
  display: number[]
  phrases: Phrase[]
  words: string
  counts: number[]
}

/** A note's index entry as JSON data (see {@link unpackDoc}); keep it in step with {@link Doc}. */
export function packDoc(doc: Doc): PackedDoc {
  const terms: string[] = []
  for (const [term, offset] of doc.terms) terms[offset / FIELD_COUNT] = term
  const words = [...doc.words.keys()]
  const position = new Map(words.map((w, i) => [w, i]))
  const display = terms.map((term) => {
    const word = doc.display.get(term)
    return word === undefined ? -1 : (position.get(word) ?? -1)
  })
  return { path: doc.node.path, lengths: doc.lengths, terms: terms.join(' '), tf: Array.from(doc.tf), display, phrases: doc.phrases, words: words.join(' '), counts: [...doc.words.values()] }
}

/**
 * The index entry a {@link packDoc} gave, for its node.
 *
 * @throws Error when the data does not fit together (a damaged cache).
 */
export function unpackDoc(packed: PackedDoc, node: GraphNode): Doc {
  const terms = typeof packed.terms === 'string' && packed.terms !== '' ? packed.terms.split(' ') : []
  const words = typeof packed.words === 'string' && packed.words !== '' ? packed.words.split(' ') : []
  const { tf, counts, display } = packed
  if (!Array.isArray(tf) || tf.length !== terms.length * FIELD_COUNT || !Array.isArray(counts) || words.length !== counts.length || !Array.isArray(display) || display.length !== terms.length || packed.lengths?.length !== FIELD_COUNT || !Array.isArray(packed.phrases)) {
    throw new Error(`index van ${packed.path} klopt niet`)
  }
  const termMap = new Map<string, number>()
  const displayMap = new Map<string, string>()
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as string
    termMap.set(term, i * FIELD_COUNT)
    const w = display[i] as number
    if (w >= 0) displayMap.set(term, words[w] as string)
  }
  const wordMap = new Map<string, number>()
  for (let i = 0; i < words.length; i++) wordMap.set(words[i] as string, counts[i] as number)
  return { node, type: node.type as SuggestionType, lengths: packed.lengths, terms: termMap, tf: Float64Array.from(tf), phrases: packed.phrases, words: wordMap, display: displayMap }
}
