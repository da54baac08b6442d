/**
 * The literature behind the suggestions: the literatuur notes that the suggestions link to, scored by
 * the suggestions they came through, with their reference formatted by the function the engine was given
 * (the engine does not know how to cite). A note with no clear (not weak) suggestion gets no literature;
 * otherwise the literature comes from every clear suggestion and from the weak ones among the first
 * {@link LITERATURE}`.top`.
 */
import type { GraphNode, KnowledgeGraph } from '../graph/graph.js'
import type { LiteratureSuggestion, Suggestion } from './types.js'
import { compare, round } from './util.js'
import { LITERATURE, SHOWN } from './weights.js'

/** Formats the reference of a literatuur note, e.g. APA 7. */
export type Cite = (node: GraphNode) => string

/**
 * The literature of a list of suggestions, best first.
 *
 * @param graph The library's graph.
 * @param suggestions The suggestions, best first.
 * @param limit Most items.
 * @param cite Formats a reference.
 */
export function literature(graph: KnowledgeGraph, suggestions: readonly Suggestion[], limit: number, cite: Cite): LiteratureSuggestion[] {
  const found = new Map<string, { node: GraphNode; score: number; via: string[] }>()
  if (suggestions.every((s) => s.weak)) return []
  for (const [i, s] of suggestions.entries()) {
    if (s.weak && i >= LITERATURE.top) continue
    for (const edge of graph.edgesFrom(s.path, 'literature')) {
      const node = graph.byPath(edge.to)
      if (!node || node.type !== 'literatuur') continue
      const entry = found.get(node.path) ?? { node, score: 0, via: [] }
      // The best source counts mostly, every further one adds a little, capped at 1.
      entry.score = entry.via.length === 0 ? s.score * LITERATURE.first : Math.min(1, entry.score + s.score * LITERATURE.further)
      entry.via.push(s.title)
      found.set(node.path, entry)
    }
  }
  return [...found.values()]
    .sort((a, b) => b.score - a.score || compare(a.node.title, b.node.title))
    .slice(0, limit)
    .map(({ node, score, via }) => ({
      id: node.id,
      title: node.title,
      citation: cite(node),
      path: node.path,
      score: round(score, 3),
      via,
      why: via.slice(0, SHOWN.via).map((v) => `via [[${v}]]`)
    }))
}
