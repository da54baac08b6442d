/**
 * Synonyms and abbreviations, kept as data in the library (notes with `type: synoniemen`) so that
 * researchers can edit them in Obsidian. Each list item reads `term: expansion, expansion`:
 *
 * ```md
 * - UC: urinecontrole
 * - TH: toezichthouder, reclassering
 * - bijz. voorwaarden: bijzondere voorwaarden
 * ```
 *
 * When a case note contains the term, the engine also looks for the expansions.
 */
import type { KnowledgeGraph } from '../graph/graph.js'
import { tokenize } from './analyze.js'

/** One entry: a term (one or more normalised words) and what it stands for. */
export interface SynonymEntry {
  term: string[]
  expansions: string[]
  /** Where it is defined (path and line), for messages. */
  source: string
}

/** The synonyms of a library, looked up by the first word of a term. */
export class SynonymTable {
  private readonly byFirst = new Map<string, SynonymEntry[]>()
  readonly size: number
  /** Paths of the notes the table was read from (a change to any of them means reading it again). */
  readonly paths: ReadonlySet<string>

  constructor(entries: Iterable<SynonymEntry>, paths: Iterable<string> = []) {
    this.paths = new Set(paths)
    let size = 0
    for (const entry of entries) {
      const first = entry.term[0]
      if (first === undefined || entry.expansions.length === 0) continue
      const list = this.byFirst.get(first)
      if (list) list.push(entry)
      else this.byFirst.set(first, [entry])
      size++
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.term.length - a.term.length)
    this.size = size
  }

  /**
   * The entries whose term starts at position `i` of a list of normalised words (longest terms first).
   */
  at(words: readonly string[], i: number): SynonymEntry[] {
    const list = this.byFirst.get(words[i] ?? '')
    if (!list) return []
    return list.filter((e) => e.term.every((w, k) => words[i + k] === w))
  }
}

/**
 * Read the synonym notes of a graph.
 */
export function synonymsFromGraph(graph: KnowledgeGraph): SynonymTable {
  const entries: SynonymEntry[] = []
  const nodes = graph.nodes('synoniemen')
  for (const node of nodes) {
    for (const section of node.note.sections) {
      for (const item of section.items) {
        const entry = parseSynonymLine(item.text, `${node.path}:${item.line}`)
        if (entry) entries.push(entry)
      }
    }
  }
  return new SynonymTable(entries, nodes.map((n) => n.path))
}

/**
 * Parse one line `term: expansion, expansion` (also `term = ...` or `term → ...`).
 */
export function parseSynonymLine(line: string, source: string): SynonymEntry | undefined {
  const match = /^\s*\**([^:=→*]+?)\**\s*(?::|=|→|->)\s*(.+)$/.exec(line.split('\n')[0] ?? '')
  if (!match) return undefined
  const term = tokenize(match[1] ?? '').map((t) => t.norm)
  const expansions = (match[2] ?? '')
    .split(/[,;]/)
    .map((e) => e.trim())
    .filter((e) => e !== '')
  if (term.length === 0 || expansions.length === 0) return undefined
  return { term, expansions, source }
}
