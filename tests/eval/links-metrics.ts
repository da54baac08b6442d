// The leave-one-link-out evaluation of the missing-link proposals (issue #18), used by `pnpm eval:links`
// (a table) and links.test.ts (ours must beat the baseline on every field).
//
// For every praktijk and methodiek note and every link it has in a link field, the link is hidden: every
// wikilink in the note that resolves to that target is cut out of the text (in the field and in the body,
// so the link is truly gone, as the proposals never repeat a link that is there). The note is put back
// into the library in that form and both methods are asked for proposals for that field; the hit is the
// rank of the hidden target. Then the note is restored.
//
// The baseline is what a plugin like Graph Analysis would suggest: the links (in the same field) of the
// note's ten nearest neighbours by MiniSearch similarity (BM25 over file name, aliases and the whole file,
// the note's whole file as the query, lower case without diacritics), each neighbour's vote weighed by its
// similarity, with the same rules as ours: no link the note has, not the note itself, only targets of the
// kind the field accepts.
import MiniSearch from 'minisearch'
import { fieldSpec, frontmatterEnd, Library, type Evidence, type GraphNode, type KnowledgeGraph } from '@praktijkwijzer/core'
import { LIBRARY, readMarkdown } from '../lib/files.js'

/** One hidden link. */
export interface Trial {
  note: string
  type: string
  field: string
  target: string
}

/** Metrics of one method on one field. */
export interface FieldScores {
  /** `praktijk.thema`, or the field over both kinds (`thema`), or `alle`. */
  field: string
  trials: number
  recall5: number
  mrr: number
}

/** Metrics of one method. */
export interface MethodScores {
  name: string
  fields: FieldScores[]
  /** Mean time per query (one hidden link), ms. */
  msPerQuery: number
  /** Mean time per note for all its fields at once (one query per field), ms. */
  msPerNote: number
}

/** A method: the library as it is now (the note with the link hidden), note path and field in; ranked target paths out. */
type Method = (library: Library, path: string, field: string) => string[]

const NEIGHBOURS = 10
const RANKED = 20

function now(): number {
  return performance.now()
}

/** Ours: the core's proposals for that one field, with all evidence or only some. */
export function ours(evidence?: readonly Evidence[]): Method {
  return (library, path, field) => library.missingLinks(path, { field, limit: RANKED, minScore: 0, ...(evidence ? { evidence } : {}) }).map((p) => p.path)
}

/** The baseline over a MiniSearch index of the library's practices, methods and themes. */
export function baseline(library: Library): Method {
  const nodes = library.graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek' || n.type === 'thema')
  const ms = new MiniSearch<{ id: string; name: string; aliases: string; content: string }>({
    fields: ['name', 'aliases', 'content'],
    processTerm: (term) => term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  })
  ms.addAll(nodes.map((n) => ({ id: n.path, name: n.note.name, aliases: n.aliases.join(' '), content: `${n.note.frontmatterRaw}\n${n.note.text}` })))
  return (lib, path, field) => {
    const graph = lib.graph
    const node = graph.byPath(path)
    if (!node || node.type === null) return []
    const spec = fieldSpec(node.type, field)
    if (spec?.type.kind !== 'links') return []
    const targets = spec.type.targets
    const present = presentPaths(graph, node)
    // Each distinct word once: "more like this" over the whole file (and several times faster than the file as written).
    const query = [...new Set(`${node.note.frontmatterRaw}\n${node.note.text}`.toLowerCase().split(/[^\p{L}\p{N}]+/u))].join(' ')
    const neighbours = ms
      .search(query, { boost: { name: 3, aliases: 3 } })
      .filter((r) => r.id !== path)
      .slice(0, NEIGHBOURS)
    const votes = new Map<string, number>()
    for (const r of neighbours) {
      for (const e of graph.edgesFrom(String(r.id))) {
        const t = graph.byPath(e.to)
        if (e.field !== field || !t || t.type === null || !targets.includes(t.type) || present.has(e.to)) continue
        votes.set(e.to, (votes.get(e.to) ?? 0) + r.score)
      }
    }
    return [...votes.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, RANKED)
      .map(([p]) => p)
  }
}

function presentPaths(graph: KnowledgeGraph, node: GraphNode): Set<string> {
  const out = new Set([node.path])
  for (const link of node.note.links) {
    const r = graph.resolve(link.target, node.path)
    if (r.status === 'resolved') out.add(r.node.path)
  }
  return out
}

/**
 * The note's text with every wikilink to `target` cut out; with `fieldOnly`, only those in the
 * frontmatter (a link the body also makes then stays, and is never proposed).
 */
export function hide(graph: KnowledgeGraph, node: GraphNode, target: string, text: string, fieldOnly = false): string {
  const raws = new Set(node.note.links.filter((l) => {
    const r = graph.resolve(l.target, node.path)
    return r.status === 'resolved' && r.node.path === target && (!fieldOnly || l.field !== undefined)
  }).map((l) => l.raw))
  const end = fieldOnly ? frontmatterEnd(text) : text.length
  let head = text.slice(0, end)
  for (const raw of raws) head = head.split(raw).join('')
  return head + text.slice(end)
}

/** Every hidden-link trial over the praktijk and methodiek notes, with each method's ranks. */
export function run(methods: Array<{ name: string; method: Method }>, every = 1, fieldOnly = false): { trials: Trial[]; ranks: number[][]; ms: number[]; skipped: number; notes: number } {
  const files = readMarkdown(LIBRARY)
  const texts = new Map(files.map((f) => [f.path, f.text]))
  const library = new Library(files)
  library.buildIndex()
  const trials: Trial[] = []
  const ranks: number[][] = methods.map(() => [])
  const ms = methods.map(() => 0)
  let skipped = 0
  let seen = 0
  const notes = library.graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek')
  for (const original of notes) {
    const text = texts.get(original.path) ?? ''
    for (const edge of library.graph.edgesFrom(original.path)) {
      if (edge.field === undefined || edge.kind === 'mention') continue
      if (seen++ % every !== 0) continue
      const node = library.graph.byPath(original.path) as GraphNode
      const hidden = hide(library.graph, node, edge.to, text, fieldOnly)
      library.upsert({ path: original.path, text: hidden })
      const after = library.graph.byPath(original.path)
      const stillThere = (l: { target: string; field?: string }): boolean => {
        const r = library.graph.resolve(l.target, original.path)
        return r.status === 'resolved' && r.node.path === edge.to && (!fieldOnly || l.field === edge.field)
      }
      // The hiding failed (the link is still there): not a trial.
      if (!after || after.note.links.some(stillThere)) {
        skipped++
      } else {
        trials.push({ note: original.path, type: original.type ?? '', field: edge.field, target: edge.to })
        methods.forEach(({ method }, i) => {
          const started = now()
          const ranked = method(library, original.path, edge.field as string)
          ms[i] = (ms[i] ?? 0) + now() - started
          ranks[i]?.push(ranked.indexOf(edge.to))
        })
      }
      library.upsert({ path: original.path, text })
    }
  }
  return { trials, ranks, ms, skipped, notes: notes.length }
}

/** recall@5 and MRR per kind and field, per field over both kinds, and over all trials. */
export function score(name: string, trials: Trial[], ranks: number[], ms: number, notes: number): MethodScores {
  const groups = new Map<string, number[]>()
  const add = (key: string, i: number): void => {
    const list = groups.get(key)
    if (list) list.push(i)
    else groups.set(key, [i])
  }
  trials.forEach((t, i) => {
    add(`${t.type}.${t.field}`, i)
    add(t.field, i)
    add('alle', i)
  })
  const fields = [...groups.entries()].map(([field, idx]) => ({
    field,
    trials: idx.length,
    recall5: idx.filter((i) => (ranks[i] ?? -1) >= 0 && (ranks[i] ?? -1) < 5).length / idx.length,
    mrr: idx.reduce((sum, i) => sum + ((ranks[i] ?? -1) >= 0 ? 1 / ((ranks[i] ?? 0) + 1) : 0), 0) / idx.length
  }))
  const order = (f: string): string => (f === 'alle' ? '~' : f.includes('.') ? `${f.split('.')[1]}.${f}` : `${f}`)
  fields.sort((a, b) => (order(a.field) < order(b.field) ? -1 : 1))
  // One query per field and note: the hidden-link queries of a note are one per link, so per note is the
  // mean query time times the number of link fields of its kind a researcher would ask about.
  const perQuery = ms / Math.max(1, trials.length)
  return { name, fields, msPerQuery: perQuery, msPerNote: (perQuery * trials.length) / Math.max(1, notes) }
}

/**
 * Ours and the baseline on the shipped library; with `ablation`, also ours with parts of its evidence, to
 * show what each part adds. `every`: only every n-th hidden link (for the test; the table uses all).
 * `fieldOnly`: hide the link in its field only, leaving a link in the body (which ours then never proposes).
 */
export function evaluateLinks(ablation = false, every = 1, fieldOnly = false): { scores: MethodScores[]; trials: number; skipped: number; notes: number; fieldOnly: boolean } {
  const library = new Library(readMarkdown(LIBRARY))
  const methods = [
    { name: 'Praktijkwijzer', method: ours() },
    { name: 'MiniSearch-buren', method: baseline(library) },
    ...(ablation
      ? [
          { name: 'zonder terugverwijzingen', method: ours(['text', 'peers', 'paths']) },
          { name: 'alleen tekst', method: ours(['text']) },
          { name: 'alleen lijkende notities', method: ours(['peers']) },
          { name: 'alleen graafpaden', method: ours(['paths']) }
        ]
      : [])
  ]
  const { trials, ranks, ms, skipped, notes } = run(methods, every, fieldOnly)
  return { scores: methods.map((m, i) => score(m.name, trials, ranks[i] ?? [], ms[i] ?? 0, notes)), trials: trials.length, skipped, notes, fieldOnly }
}

/** The scores as a table. */
export function table(result: ReturnType<typeof evaluateLinks>): string {
  const [a, b] = result.scores
  if (!a || !b) return ''
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6)
  const width = Math.max(...a.fields.map((f) => f.field.length), 5)
  const lines = [
    `${'veld'.padEnd(width)}  verborgen  ${'recall@5'.padStart(8)} ${'MRR'.padStart(6)}  │  ${'recall@5'.padStart(8)} ${'MRR'.padStart(6)}`,
    `${''.padEnd(width)}             ${a.name.padStart(15)}  │  ${b.name.padStart(15)}`
  ]
  a.fields.forEach((f, i) => {
    const g = b.fields[i]
    if (!g) return
    lines.push(`${f.field.padEnd(width)}  ${String(f.trials).padStart(9)}  ${pct(f.recall5).padStart(8)} ${pct(f.mrr)}  │  ${pct(g.recall5).padStart(8)} ${pct(g.mrr)}`)
  })
  if (result.scores.length > 2) {
    lines.push('', 'Wat elk soort bewijs bijdraagt (recall@5 / MRR over alle verborgen links; per veld):')
    for (const m of result.scores.slice(2)) {
      lines.push(`  ${m.name.padEnd(26)} ${m.fields.filter((f) => !f.field.includes('.')).map((f) => `${f.field} ${pct(f.recall5).trim()}/${pct(f.mrr).trim()}`).join('  ')}`)
    }
  }
  lines.push(
    '',
    `tijd per vraag (één verborgen link): ${a.name} ${a.msPerQuery.toFixed(1)} ms, ${b.name} ${b.msPerQuery.toFixed(1)} ms`,
    `tijd per notitie (alle verborgen links): ${a.name} ${a.msPerNote.toFixed(1)} ms, ${b.name} ${b.msPerNote.toFixed(1)} ms`,
    `(${result.notes} praktijk- en methodieknotities, ${result.trials} verborgen links${result.skipped ? `, ${result.skipped} overgeslagen` : ''}; percentages)`,
    result.fieldOnly
      ? '(--alleen-veld: alleen uit het veld verborgen; staat de link ook in de tekst, dan stellen beide methoden hem niet voor, want hij is er al)'
      : '(verborgen uit het veld en uit de tekst: de link is echt weg)'
  )
  return lines.join('\n')
}
