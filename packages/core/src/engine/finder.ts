/**
 * A typo-tolerant finder over the titles and aliases of library notes, for search boxes and citation
 * pickers ("mengr 2018", "krachtwrk"). fuse.js does this well; ranking case notes is the engine's job.
 */
import Fuse from 'fuse.js'
import type { GraphNode, KnowledgeGraph } from '../graph/graph.js'
import type { NoteType } from '../graph/schema.js'

/** One hit of the finder. */
export interface FinderHit {
  node: GraphNode
  /** 0–1, higher is better. */
  score: number
}

interface Entry {
  node: GraphNode
  title: string
  aliases: string[]
}

/**
 * Find library notes by (part of) their title or an alias.
 */
export class TitleFinder {
  private readonly fuse: Fuse<Entry>

  /**
   * @param graph The library graph.
   * @param types Only notes of these kinds (default: every typed note but synonym lists).
   */
  constructor(graph: KnowledgeGraph, types?: readonly NoteType[]) {
    const entries = graph
      .nodes()
      .filter((n) => n.type !== null && n.type !== 'synoniemen' && (types === undefined || types.includes(n.type)))
      .map((node) => ({ node, title: node.title, aliases: node.aliases }))
    this.fuse = new Fuse(entries, {
      keys: [
        { name: 'title', weight: 2 },
        { name: 'aliases', weight: 1 }
      ],
      includeScore: true,
      ignoreLocation: true,
      ignoreDiacritics: true,
      threshold: 0.35
    })
  }

  /**
   * The best matches for a search string, best first.
   *
   * @param query What the user typed.
   * @param limit Most hits (default 20).
   */
  find(query: string, limit = 20): FinderHit[] {
    if (query.trim() === '') return []
    return this.fuse.search(query, { limit }).map((r) => ({ node: r.item.node, score: Math.round((1 - (r.score ?? 1)) * 1000) / 1000 }))
  }
}
