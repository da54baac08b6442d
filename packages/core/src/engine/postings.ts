/**
 * The inverted index: indexed notes in numbered slots, and per stem the notes that have it, with their
 * BM25F saturations cached until the field-length statistics change. Notes come and go one at a time.
 */
import { FIELD_COUNT, type Doc } from './documents.js'
import { FIELD_B, FIELD_WEIGHT, K1 } from './weights.js'

/** The notes that have one term. */
export interface Posting {
  /** Slots of the notes. */
  docs: number[]
  /** Offset of the term's frequencies in each note's `tf`, parallel to `docs`. */
  offsets: number[]
  /**
   * The BM25 saturation `tf / (K1 + tf)` of the field-weighted frequency in each note, parallel to `docs`;
   * valid while `version` equals the index's statistics version (it depends on average field lengths).
   */
  saturation: Float64Array
  version: number
}

/** The indexed notes and their terms. */
export class Postings {
  private readonly docs: Array<Doc | undefined> = []
  private readonly free: number[] = []
  private readonly byPath = new Map<string, number>()
  private readonly postings = new Map<string, Posting>()
  private readonly lengthSums = new Array<number>(FIELD_COUNT).fill(0)
  private docCount = 0
  /** Bumped whenever field-length statistics change: cached saturations are then recomputed on use. */
  private statsVersion = 0

  /** Number of indexed notes. */
  get size(): number {
    return this.docCount
  }

  /** One more than the highest slot: the length of a dense array over the notes. */
  get slots(): number {
    return this.docs.length
  }

  /** The note in a slot. */
  doc(slot: number): Doc | undefined {
    return this.docs[slot]
  }

  /** The slot of the note at a path. */
  slot(path: string): number | undefined {
    return this.byPath.get(path)
  }

  /** The notes that have a term. */
  posting(term: string): Posting | undefined {
    return this.postings.get(term)
  }

  /** Add a note; returns its slot. */
  add(doc: Doc): number {
    const d = this.free.pop() ?? this.docs.length
    this.docs[d] = doc
    this.byPath.set(doc.node.path, d)
    this.docCount++
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f] = (this.lengthSums[f] ?? 0) + (doc.lengths[f] ?? 0)
    this.statsVersion++
    for (let i = 0; i < doc.stems.length; i++) {
      const term = doc.stems[i] as string
      const offset = i * FIELD_COUNT
      const posting = this.postings.get(term)
      if (posting) {
        posting.docs.push(d)
        posting.offsets.push(offset)
        posting.version = -1
      } else this.postings.set(term, { docs: [d], offsets: [offset], saturation: new Float64Array(0), version: -1 })
    }
    return d
  }

  /** Remove the note at a path; returns it, or `undefined` when it was not indexed. */
  remove(path: string): Doc | undefined {
    const d = this.byPath.get(path)
    if (d === undefined) return undefined
    const doc = this.docs[d]
    this.byPath.delete(path)
    this.docs[d] = undefined
    this.free.push(d)
    if (!doc) return undefined
    this.docCount--
    this.statsVersion++
    for (let f = 0; f < FIELD_COUNT; f++) this.lengthSums[f] = (this.lengthSums[f] ?? 0) - (doc.lengths[f] ?? 0)
    for (const term of doc.stems) {
      const posting = this.postings.get(term)
      if (!posting) continue
      const i = posting.docs.indexOf(d)
      if (i !== -1) {
        const last = posting.docs.length - 1
        posting.docs[i] = posting.docs[last] as number
        posting.offsets[i] = posting.offsets[last] as number
        posting.docs.pop()
        posting.offsets.pop()
        posting.version = -1
      }
      if (posting.docs.length === 0) this.postings.delete(term)
    }
    return doc
  }

  /** The mean number of content words of an indexed note, over all its fields. */
  meanLength(): number {
    let sum = 0
    for (const n of this.lengthSums) sum += n
    return this.docCount === 0 ? 0 : sum / this.docCount
  }

  /** BM25 inverse document frequency of a term in `df` notes. */
  idf(df: number): number {
    return Math.log(1 + (this.docCount - df + 0.5) / (df + 0.5))
  }

  /** The idf of a term; a term no note has counts as one every note has. */
  termIdf(term: string, absent = this.docCount): number {
    return this.idf(this.postings.get(term)?.docs.length ?? absent)
  }

  /** The posting's saturations, recomputed when the field-length statistics changed since the last use. */
  saturation(posting: Posting): Float64Array {
    if (posting.version === this.statsVersion && posting.saturation.length === posting.docs.length) return posting.saturation
    const avg = this.lengthSums.map((sum) => sum / Math.max(1, this.docCount) || 1)
    const out = new Float64Array(posting.docs.length)
    for (let i = 0; i < out.length; i++) {
      const doc = this.docs[posting.docs[i] as number]
      if (!doc) continue
      const pseudo = pseudoTf(doc.lengths, doc.tf, posting.offsets[i] as number, avg)
      out[i] = pseudo / (K1 + pseudo)
    }
    posting.saturation = out
    posting.version = this.statsVersion
    return out
  }
}

/** BM25F: the field-weighted, length-normalised frequency of a term in a note. */
function pseudoTf(lengths: number[], tf: Float32Array, offset: number, avg: number[]): number {
  let pseudo = 0
  for (let f = 0; f < FIELD_COUNT; f++) {
    const v = tf[offset + f] as number
    if (v === 0) continue
    const b = FIELD_B[f] as number
    pseudo += ((FIELD_WEIGHT[f] as number) * v) / (1 - b + (b * (lengths[f] as number)) / (avg[f] as number))
  }
  return pseudo
}
