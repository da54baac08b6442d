/**
 * What the plugin reads from a library note's fields, in one small place, so that it can move to the
 * core's field reader in one step.
 */
import type { GraphNode } from '@praktijkwijzer/core'

/** The "Wat werkt" points of a practice (empty when it has none). */
export function whatWorks(node: GraphNode): GraphNode['note']['sections'][number]['items'] {
  return node.note.sections.find((s) => s.heading.toLowerCase() === 'wat werkt')?.items ?? []
}

/** How well founded a practice's advice is (`grondslag`), when the note says. */
export function grondslag(node: GraphNode): string | undefined {
  const value = node.note.frontmatter['grondslag']
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}
