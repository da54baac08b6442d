/**
 * A case note as a query: its content words with weights, plus the compound parts, synonym expansions and
 * typo corrections they lead to. The note's own frontmatter and its comments are not what it is about and
 * are left out; with `focus: 'section'` the paragraph around the cursor weighs more.
 */
import { frontmatterEnd } from '../note/frontmatter.js'
import { isStopWord, tokenize, type Stemmer } from './analyze.js'
import type { CompoundSplitter } from './compounds.js'
import { isContentToken } from './documents.js'
import type { SynonymTable } from './synonyms.js'
import type { Match, Options } from './types.js'
import type { Vocabulary } from './vocabulary.js'
import { QUERY_WEIGHT } from './weights.js'

/** One term of a query. */
export interface QueryTerm {
  /** The stem. */
  term: string
  weight: number
  /** The words of the note it came from, as written. */
  words: Set<string>
  /** How it was found; the most direct way when there are several. */
  kind: Match['kind']
  /** Positions of the words it came from in the note (for phrases), ascending. */
  positions: number[]
  /** Parallel to `positions`: where those words start in the note's text (offsets, ascending). */
  starts: number[]
  /** Parallel to `positions`: where those words end in the note's text. */
  ends: number[]
  /**
   * Whether it is a general word of everyday Dutch (background.ts) each way it was found: it counts,
   * with less weight, but is no evidence on its own. A word of a synonym's expansion is never general
   * (the library's synonym list says the word means something here); a compound part of one may be.
   */
  general: boolean
}

/** A query: stem → term. */
export type Query = Map<string, QueryTerm>

/** What the analysis reads from the index. */
export interface QueryContext {
  stemmer: Stemmer
  splitter: CompoundSplitter
  synonyms: SynonymTable
  vocabulary: Vocabulary
  /** Whether any indexed note has the stem. */
  indexed: (term: string) => boolean
  /** Whether the stem is a general word of everyday Dutch (background.ts); asked at most once per stem. */
  general: (term: string) => boolean
}

/**
 * The query's terms with weights: words, compound parts, synonym expansions and typo corrections.
 *
 * @param text The case note.
 * @param options `focus` and `cursor`.
 * @param context The engine's analysis and vocabulary.
 */
export function analyzeQuery(text: string, options: Options, context: QueryContext): Query {
  const { stemmer, splitter, synonyms, vocabulary } = context
  const bodyStart = frontmatterEnd(text)
  const tokens = tokenize(withoutComments(text)).filter((t) => t.offset >= bodyStart && isContentToken(t.norm))
  tokens.forEach((t, i) => (t.position = i))
  const focus = options.focus === 'section' && options.cursor !== undefined ? focusRange(text, options.cursor) : undefined
  const query: Query = new Map()
  const add = (term: string, weight: number, word: string, kind: Match['kind'], position: number, start: number, end: number, vouched = false): void => {
    const q = query.get(term)
    if (q) {
      q.weight += weight
      q.words.add(word)
      q.positions.push(position)
      q.starts.push(start)
      q.ends.push(end)
      // General only if general each way it was found; whether the stem is general was asked when it came first.
      if (vouched) q.general = false
      if (KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(q.kind)) q.kind = kind
    } else {
      query.set(term, { term, weight, words: new Set([word]), kind, positions: [position], starts: [start], ends: [end], general: !vouched && context.general(term) })
    }
  }
  const norms = tokens.map((t) => t.norm)
  for (const token of tokens) {
    const w = focus ? (token.offset >= focus[0] && token.offset < focus[1] ? QUERY_WEIGHT.focus : 1) : 1
    for (const entry of synonyms.at(norms, token.position)) {
      const covered = tokens.slice(token.position, token.position + entry.term.length)
      const words = covered.map((t) => t.surface).join(' ')
      const last = covered[covered.length - 1] ?? token
      const end = last.offset + last.surface.length
      for (const expansion of entry.expansions) {
        for (const e of tokenize(expansion)) {
          if (isStopWord(e.norm)) continue
          add(stemmer.stem(e.norm), QUERY_WEIGHT.synonym * w, words, 'synonym', token.position, token.offset, end, true)
          for (const part of splitter.split(e.norm)) add(stemmer.stem(part), QUERY_WEIGHT.synonymPart * w, words, 'synonym', token.position, token.offset, end)
        }
      }
    }
    if (isStopWord(token.norm)) continue
    const term = stemmer.stem(token.norm)
    const end = token.offset + token.surface.length
    add(term, w, token.surface, 'word', token.position, token.offset, end)
    for (const part of splitter.split(token.norm)) add(stemmer.stem(part), QUERY_WEIGHT.compoundPart * w, token.surface, 'compound', token.position, token.offset, end)
    if (!context.indexed(term)) {
      const correction = vocabulary.correct(token.norm)
      if (correction !== undefined) add(stemmer.stem(correction), QUERY_WEIGHT.typo * w, token.surface, 'typo', token.position, token.offset, end)
    }
  }
  return query
}

/** The kinds of match, most direct first. */
const KIND_ORDER: readonly Match['kind'][] = ['word', 'phrase', 'synonym', 'compound', 'typo']

/**
 * The text with Obsidian comments (`%% ... %%`) and HTML comments blanked out, offsets unchanged: a
 * template's prompts are not what the note is about.
 */
function withoutComments(text: string): string {
  if (!text.includes('%%') && !text.includes('<!--')) return text
  return text.replace(/%%[\s\S]*?(?:%%|$)|<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ' '))
}

/** The paragraph (between blank lines or headings) around a cursor, as [start, end) offsets. */
function focusRange(text: string, cursor: number): [number, number] {
  const c = Math.max(0, Math.min(cursor, text.length))
  let start = 0
  let end = text.length
  for (const m of text.matchAll(/\n[ \t]*\n|\n(?=#)/g)) {
    if (m.index + m[0].length <= c) start = m.index + m[0].length
    else if (m.index >= c) {
      end = m.index
      break
    }
  }
  return [start, end]
}
