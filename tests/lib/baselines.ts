// The two baselines the engine is measured against, on the same library notes and case notes:
// - MiniSearch configured as Obsidian's Omnisearch plugin configures it (fields basename, aliases, headings,
//   content; lower-case and diacritics removed; prefix search; fuzziness 0.1 for terms over 5 characters and
//   0.05 for 4-5; boosts basename 3, aliases 3, H1 1.5, H2 1.3, H3 1.1; OR of all query terms);
// - fuse.js over the full text: each distinct word of the case note searched with fuse (ignoreLocation,
//   threshold 0.3) over title, aliases and text, and the per-word scores summed per note.
import Fuse from 'fuse.js'
import MiniSearch from 'minisearch'
import type { GraphNode } from '@praktijkwijzer/core'

/** A ranking engine: note text in, note ids best first. */
export interface Ranker {
  name: string
  rank(text: string, limit: number): string[]
  add(node: GraphNode): void
  remove(node: GraphNode): void
}

interface Doc {
  id: string
  basename: string
  aliases: string
  content: string
  headings1: string
  headings2: string
  headings3: string
}

function toDoc(node: GraphNode): Doc {
  const headings = (depth: number): string => node.note.sections.filter((s) => s.depth === depth).map((s) => s.heading).join(' ')
  return {
    id: node.path,
    basename: node.note.name,
    aliases: node.aliases.join(' '),
    // Omnisearch indexes the whole file, frontmatter included.
    content: `${node.note.frontmatterRaw}\n${node.note.text}`,
    headings1: headings(1),
    headings2: headings(2),
    headings3: headings(3)
  }
}

function removeDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
}

// Omnisearch's tokenizer splits on whitespace and punctuation.
const SEPARATORS = /[\s\p{P}\p{S}]+/u
function tokenize(text: string): string[] {
  return text.split(SEPARATORS).filter((t) => t !== '')
}

/** MiniSearch as Omnisearch sets it up. */
export function miniSearch(nodes: GraphNode[]): Ranker {
  const ids = new Map<string, string>()
  const ms = new MiniSearch<Doc>({
    idField: 'id',
    fields: ['basename', 'aliases', 'content', 'headings1', 'headings2', 'headings3'],
    tokenize,
    processTerm: (term) => removeDiacritics(term).toLowerCase()
  })
  const docs = nodes.map(toDoc)
  for (const n of nodes) ids.set(n.path, n.id)
  ms.addAll(docs)
  const fuzziness = 0.1 // Omnisearch's default setting '1'
  return {
    name: 'MiniSearch (Omnisearch)',
    rank(text, limit) {
      const terms = tokenize(text).map((t) => removeDiacritics(t).toLowerCase())
      if (terms.length === 0) return []
      return ms
        .search(terms.join(' '), {
          prefix: (term) => term.length >= 1,
          fuzzy: (term) => (term.length <= 3 ? 0 : term.length <= 5 ? fuzziness / 2 : fuzziness),
          boost: { basename: 3, aliases: 3, headings1: 1.5, headings2: 1.3, headings3: 1.1 },
          tokenize: (t) => t.split(' ')
        })
        .slice(0, limit)
        .map((r) => ids.get(String(r.id)) ?? String(r.id))
    },
    add(node) {
      ids.set(node.path, node.id)
      ms.add(toDoc(node))
    },
    remove(node) {
      ms.discard(node.path)
    }
  }
}

interface FuseDoc {
  id: string
  title: string
  aliases: string[]
  text: string
}

/** fuse.js over the full text of each note. */
export function fuseFullText(nodes: GraphNode[]): Ranker {
  const toFuse = (n: GraphNode): FuseDoc => ({ id: n.id, title: n.title, aliases: n.aliases, text: `${n.note.frontmatterRaw}\n${n.note.text}` })
  const fuse = new Fuse(nodes.map(toFuse), {
    keys: ['title', 'aliases', 'text'],
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.3
  })
  return {
    name: 'fuse.js (volledige tekst)',
    rank(text, limit) {
      const words = [...new Set(tokenize(text).map((t) => t.toLowerCase()).filter((t) => t.length >= 4))]
      const scores = new Map<string, number>()
      for (const word of words) {
        for (const r of fuse.search(word)) scores.set(r.item.id, (scores.get(r.item.id) ?? 0) + (1 - (r.score ?? 1)))
      }
      return [...scores.entries()]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, limit)
        .map(([id]) => id)
    },
    add(node) {
      fuse.add(toFuse(node))
    },
    remove(node) {
      fuse.remove((d) => d.id === node.id)
    }
  }
}
