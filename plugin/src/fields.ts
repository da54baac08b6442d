/**
 * What the plugin reads from a library note's fields, in one small place, so that it can move to the
 * core's field reader in one step.
 */
import type { GraphNode } from '@praktijkwijzer/core'

/** The "Wat werkt" points of a practice (empty when it has none). */
export function whatWorks(node: GraphNode): GraphNode['note']['sections'][number]['items'] {
  return node.note.sections.find((s) => s.heading.toLowerCase() === 'wat werkt')?.items ?? []
}

/** What a practice's advice rests on, as the library names it. */
const GRONDSLAGEN = ['ervaring van professionals', 'beschrijving van één instelling', 'uitgewerkte casus', 'aanbeveling van de onderzoekers'] as const

/**
 * How well founded a practice's advice is: the value its "Grondslag" section starts with ("Aanbeveling
 * van de onderzoekers: …"), or a `grondslag` property; `undefined` when the note says neither.
 */
export function grondslag(node: GraphNode): string | undefined {
  const property = node.note.frontmatter['grondslag']
  const text = typeof property === 'string' ? property : (node.note.sections.find((s) => s.heading.toLowerCase() === 'grondslag')?.text ?? '')
  const start = text.trim().toLowerCase()
  return GRONDSLAGEN.find((g) => start.startsWith(g))
}
