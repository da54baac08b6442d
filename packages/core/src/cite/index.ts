/**
 * Citations from literatuur notes: APA 7 reference-list entries and in-text citations.
 *
 * Provisional minimal formatter; to be replaced by the citation module of the literature-tools work.
 */
import type { GraphNode } from '../graph.js'
import { stringList } from '../parse.js'

/** The APA 7 reference-list entry of a literatuur note. */
export function apaReference(node: GraphNode): string {
  const f = node.note.frontmatter
  const authors = stringList(f['auteurs'])
  const names = authors.length > 1 ? `${authors.slice(0, -1).join(', ')}, & ${authors.at(-1)}` : (authors[0] ?? '')
  const year = typeof f['jaar'] === 'number' ? String(f['jaar']) : 'z.d.'
  const title = typeof f['titel'] === 'string' ? f['titel'] : node.title
  const container = typeof f['tijdschrift'] === 'string' ? ` ${f['tijdschrift']}.` : typeof f['uitgever'] === 'string' ? ` ${f['uitgever']}.` : ''
  const doi = typeof f['doi'] === 'string' ? ` https://doi.org/${f['doi']}` : ''
  return `${names} (${year}). ${title}.${container}${doi}`
}

/** The APA 7 in-text citation of a literatuur note, e.g. `(Menger, 2018)`. */
export function apaInText(node: GraphNode): string {
  const f = node.note.frontmatter
  const family = stringList(f['auteurs']).map((a) => a.split(',')[0]?.trim() ?? a)
  const year = typeof f['jaar'] === 'number' ? String(f['jaar']) : 'z.d.'
  const who = family.length >= 3 ? `${family[0]} et al.` : family.join(' & ')
  return `(${who}, ${year})`
}
