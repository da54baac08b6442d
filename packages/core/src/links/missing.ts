/**
 * The links a library note is missing: for each link field of its kind (`thema`, `methodiek`,
 * `literatuur`, `gerelateerd`), the notes it probably should link to, ranked, each with reasons a
 * researcher can check. Three kinds of evidence are combined:
 *
 * 1. text — the relevance engine finds the candidate when it reads this note's own text;
 * 2. peers — the notes most like this one (by text, or by sharing its themes, methods and literature)
 *    link the candidate in the same field ("ook gekoppeld door [[X]] en [[Y]], die op deze praktijk
 *    lijken"): collaborative filtering over co-citation and bibliographic coupling;
 * 3. graph — the candidate already links to this note, or a short typed path leads to it ("deze praktijk
 *    past [[M]] toe; [[M]] hoort bij [[T]]"), weighed like Adamic–Adar so that hubs count less.
 *
 * Each piece of evidence is a probability-like number in 0–1 and they are combined with a noisy-or, so a
 * score means the same whatever else the library holds. Never proposed: a note this note already links
 * (in a field or in the body, resolved as the graph resolves links), the note itself, or a note of a
 * kind the field does not accept.
 *
 * Over 300 lines because the four kinds of evidence and their Dutch reasons belong together: each reason
 * names exactly the notes its evidence counted.
 */
import type { Edge, GraphNode, KnowledgeGraph } from '../graph/graph.js'
import { SCHEMA, type EdgeKind, type NoteType } from '../graph/schema.js'
import { levelFrom, type Thresholds } from '../engine/levels.js'
import type { Level } from '../engine/types.js'

/** How strong a proposal is: `sterk` ({@link LINK_LEVELS}`.sterk` and above), `redelijk` or `zwak`. */
export type ProposalLevel = Level

/** A link a note is probably missing. */
export interface LinkProposal {
  /** The frontmatter field the link belongs in. */
  field: string
  /** The link target as it is written between `[[` and `]]`: the file name, or the path when the name is not unique. */
  target: string
  /** Path of the target, relative to the library root. */
  path: string
  /** 0–1; see {@link ProposalLevel}. */
  score: number
  level: ProposalLevel
  /** Readable reasons in Dutch, strongest first, with wikilinks to the notes they name. */
  why: string[]
}

/** A note like the one the proposals are for, as the relevance engine found it. */
export interface SimilarNote {
  path: string
  /** The engine's score, 0–1. */
  score: number
  /** What the two texts share: the engine's passages (this note's words, then the other's), else its reasons. */
  why: string[]
}

/** The kinds of evidence a proposal can rest on (see the top of this module). */
export type Evidence = 'text' | 'peers' | 'backlinks' | 'paths'

/** Options for {@link missingLinks}. */
export interface Options {
  /** Only these kinds of evidence (default all four); for measuring what each contributes. */
  evidence?: readonly Evidence[]
  /** Only this field. */
  field?: string
  /** Most proposals per field (default 5). */
  limit?: number
  /** Proposals below this score are left out (default 0.05). */
  minScore?: number
}

/** The evidence weights and limits of {@link missingLinks}; one place, so they are easy to find. */
const WEIGHT = {
  /** The engine ranks the candidate for this note's text. */
  text: 0.55,
  /** The share of similar notes' votes (by similarity) that go to the candidate. */
  peers: 0.85,
  /** The candidate links to this note already (a link in one direction only). */
  backlink: 0.6,
  /** Short typed paths through this note's neighbours (Adamic–Adar, saturated). */
  paths: 0.45
}
const EVIDENCE: readonly Evidence[] = ['text', 'peers', 'backlinks', 'paths']
/** How many similar notes vote. */
const PEERS = 12
/** Adamic–Adar sum at which path evidence reaches 63% of its weight. */
const PATH_SCALE = 1.5
/** Each edge kind as a Dutch clause, `{s}` the source and `{o}` the target. */
const PHRASE: Record<EdgeKind, string> = {
  theme: '{s} hoort bij {o}',
  method: '{s} past {o} toe',
  literature: '{s} steunt op {o}',
  related: '{s} is verwant aan {o}',
  mention: '{s} noemt {o}'
}
/** The lowest score of a `sterk` and of a `redelijk` proposal (levels.ts's rule, thresholds of its own). */
export const LINK_LEVELS: Thresholds = { sterk: 0.6, redelijk: 0.35 }
/** Reasons shown per proposal, and similar notes named per reason. */
const SHOWN = { reasons: 4, names: 3 }

/** A link field of a note kind. */
interface LinkField {
  name: string
  targets: readonly NoteType[]
}

interface Candidate {
  text: number
  peerVotes: number
  peers: string[]
  backlink: Edge | undefined
  paths: number
  pathReasons: Array<{ weight: number; text: string }>
  textWhy: string[]
}

/**
 * The links a library note is missing, per field of its kind, best first within each field.
 *
 * @param graph The library's graph.
 * @param path Path of the note.
 * @param similar The notes most like it by text, best first, itself left out (the Library asks its engine).
 * @param options One field only, limits.
 * @returns Proposals sorted by field (in schema order), then by score; empty for a note without link fields.
 */
export function missingLinks(graph: KnowledgeGraph, path: string, similar: readonly SimilarNote[], options: Options = {}): LinkProposal[] {
  const node = graph.byPath(path)
  if (!node || node.type === null) return []
  const fields = linkFields(node.type).filter((f) => options.field === undefined || f.name === options.field)
  if (fields.length === 0) return []
  const present = linkedPaths(graph, node)
  const textScore = new Map(similar.filter((s) => s.path !== path).map((s) => [s.path, s]))
  const peers = peersOf(graph, node, textScore)
  const out: LinkProposal[] = []
  for (const field of fields) {
    const candidates = new Map<string, Candidate>()
    const get = (p: string): Candidate | undefined => {
      if (present.has(p)) return undefined
      const target = graph.byPath(p)
      if (!target || target.type === null || !field.targets.includes(target.type)) return undefined
      let c = candidates.get(p)
      if (!c) candidates.set(p, (c = { text: 0, peerVotes: 0, peers: [], backlink: undefined, paths: 0, pathReasons: [], textWhy: [] }))
      return c
    }
    for (const s of textScore.values()) {
      const c = get(s.path)
      if (c) {
        c.text = s.score
        c.textWhy = s.why
      }
    }
    // Only notes whose field of that name takes the same kinds vote (a method's `gerelateerd` holds methods, a practice's practices).
    const voters = peers.filter((p) => linkFields(p.node.type).some((f) => f.name === field.name && sameKinds(f.targets, field.targets)))
    const total = voters.reduce((sum, p) => sum + p.score, 0)
    for (const peer of voters) {
      for (const edge of graph.edgesFrom(peer.node.path)) {
        if (edge.field !== field.name) continue
        const c = get(edge.to)
        if (!c || c.peers.includes(peer.node.path)) continue
        c.peerVotes += peer.score / total
        c.peers.push(peer.node.path)
      }
    }
    for (const edge of graph.edgesTo(node.path)) {
      const c = get(edge.from)
      if (c && !c.backlink) c.backlink = edge
    }
    addPaths(graph, node, get)
    const proposals: LinkProposal[] = []
    for (const [p, c] of candidates) {
      const proposal = propose(graph, node, field.name, p, c, new Set(options.evidence ?? EVIDENCE))
      if (proposal.score > 0 && proposal.score >= (options.minScore ?? 0.05)) proposals.push(proposal)
    }
    proposals.sort((a, b) => b.score - a.score || compare(a.path, b.path))
    // A loop, not push(...): a large --limit must not spread an unbounded array as arguments.
    for (const p of proposals.slice(0, options.limit ?? 5)) out.push(p)
  }
  return out
}

/** The link fields of a note kind, in schema order. */
export function linkFields(type: NoteType | null): LinkField[] {
  if (type === null) return []
  return SCHEMA[type].flatMap((f) => (f.type.kind === 'links' ? [{ name: f.name, targets: f.type.targets }] : []))
}

function sameKinds(a: readonly NoteType[], b: readonly NoteType[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t))
}

/** Paths a note links to in any way (field or body, of any kind), and its own path. */
function linkedPaths(graph: KnowledgeGraph, node: GraphNode): Set<string> {
  const present = new Set<string>([node.path])
  for (const link of node.note.links) {
    const r = graph.resolve(link.target, node.path)
    if (r.status === 'resolved') present.add(r.node.path)
    else if (r.status === 'ambiguous') for (const c of r.candidates) present.add(c.path)
  }
  return present
}

interface Peer {
  node: GraphNode
  score: number
  /** Shared neighbours, when the similarity comes from the graph. */
  shared: string[]
}

/**
 * The notes most like this one: by the engine's text score, or by the typed neighbours they share
 * (themes, methods, literature; Jaccard), whichever is higher.
 */
function peersOf(graph: KnowledgeGraph, node: GraphNode, textScore: Map<string, SimilarNote>): Peer[] {
  const mine = typedNeighbours(graph, node.path)
  const scores = new Map<string, Peer>()
  for (const s of textScore.values()) {
    const n = graph.byPath(s.path)
    if (n) scores.set(s.path, { node: n, score: s.score, shared: [] })
  }
  if (mine.size > 0) {
    const seen = new Set<string>()
    for (const y of mine) {
      for (const other of typedNeighbours(graph, y)) {
        if (other === node.path || seen.has(other)) continue
        seen.add(other)
        const theirs = typedNeighbours(graph, other)
        const shared = [...mine].filter((m) => theirs.has(m))
        const jaccard = shared.length / (mine.size + theirs.size - shared.length)
        const n = graph.byPath(other)
        const old = scores.get(other)
        if (n && jaccard > (old?.score ?? 0)) scores.set(other, { node: n, score: jaccard, shared })
      }
    }
  }
  return [...scores.values()]
    .filter((p) => p.node.type !== null && p.score > 0)
    .sort((a, b) => b.score - a.score || compare(a.node.path, b.node.path))
    .slice(0, PEERS)
}

/** Neighbours along typed edges (not plain mentions), both directions. */
function typedNeighbours(graph: KnowledgeGraph, path: string): Set<string> {
  const out = new Set<string>()
  for (const e of graph.edgesFrom(path)) if (e.kind !== 'mention') out.add(e.to)
  for (const e of graph.edgesTo(path)) if (e.kind !== 'mention') out.add(e.from)
  return out
}

/**
 * Two-step paths from the note through one of its neighbours to a candidate, weighed 1/log(2+degree) of
 * the neighbour in the middle (Adamic–Adar): a method two practices share says more than a theme forty do.
 */
function addPaths(graph: KnowledgeGraph, node: GraphNode, get: (path: string) => Candidate | undefined): void {
  const first = [...graph.edgesFrom(node.path).map((e) => ({ edge: e, other: e.to })), ...graph.edgesTo(node.path).map((e) => ({ edge: e, other: e.from }))]
  const done = new Set<string>()
  for (const { edge: e1, other: y } of first) {
    if (done.has(y)) continue
    done.add(y)
    const second = [...graph.edgesFrom(y).map((e) => ({ edge: e, other: e.to })), ...graph.edgesTo(y).map((e) => ({ edge: e, other: e.from }))]
    const degree = new Set(second.map((s) => s.other)).size
    const weight = 1 / Math.log(2 + degree)
    const reached = new Set<string>()
    for (const { edge: e2, other: t } of second) {
      if (t === node.path || reached.has(t)) continue
      const c = get(t)
      if (!c) continue
      reached.add(t)
      c.paths += weight
      c.pathReasons.push({ weight, text: `${step(graph, node, e1)}, en ${step(graph, node, e2)}` })
    }
  }
}

/** One edge in Dutch, with "deze praktijk" for the note itself: "deze praktijk past [[M]] toe", "[[M]] hoort bij [[T]]". */
function step(graph: KnowledgeGraph, self: GraphNode, edge: Edge): string {
  const name = (p: string): string => (p === self.path ? `deze ${self.type ?? 'notitie'}` : link(graph, p))
  return PHRASE[edge.kind].replace('{s}', name(edge.from)).replace('{o}', name(edge.to))
}

function propose(graph: KnowledgeGraph, node: GraphNode, field: string, path: string, c: Candidate, use: Set<Evidence>): LinkProposal {
  const parts: Array<{ value: number; reason: string }> = []
  const kind = node.type ?? 'notitie'
  if (use.has('peers') && c.peerVotes > 0) {
    const names = c.peers.slice(0, SHOWN.names).map((p) => link(graph, p))
    const more = c.peers.length > SHOWN.names ? ` en nog ${c.peers.length - SHOWN.names}` : ''
    parts.push({ value: WEIGHT.peers * c.peerVotes, reason: `ook gekoppeld (veld \`${field}\`) door ${joinDutch(names)}${more}, die op deze ${kind} lijk${c.peers.length === 1 ? 't' : 'en'}` })
  }
  if (use.has('text') && c.text > 0) {
    const shared = c.textWhy.slice(0, 2).join('; ')
    parts.push({ value: WEIGHT.text * c.text, reason: `de teksten lijken op elkaar${shared ? `: ${shared}` : ''}` })
  }
  if (use.has('backlinks') && c.backlink) {
    const where = c.backlink.field ? `in het veld \`${c.backlink.field}\`` : 'in de tekst'
    parts.push({ value: WEIGHT.backlink, reason: `${step(graph, node, c.backlink)} (${where}), maar niet andersom` })
  }
  if (use.has('paths') && c.paths > 0) {
    const best = [...c.pathReasons].sort((a, b) => b.weight - a.weight)[0]?.text ?? ''
    const more = c.pathReasons.length > 1 ? ` (en nog ${c.pathReasons.length - 1} ${c.pathReasons.length === 2 ? 'pad' : 'paden'} door de graaf)` : ''
    parts.push({ value: WEIGHT.paths * (1 - Math.exp(-c.paths / PATH_SCALE)), reason: `${best}${more}` })
  }
  const score = round(1 - parts.reduce((p, part) => p * (1 - part.value), 1))
  const level = levelFrom(score, LINK_LEVELS)
  return {
    field,
    target: linkTarget(graph, path),
    path,
    score,
    level,
    why: parts.sort((a, b) => b.value - a.value).slice(0, SHOWN.reasons).map((p) => p.reason)
  }
}

/** What to write between `[[` and `]]` for a note: its file name, or its path when the name is not unique. */
function linkTarget(graph: KnowledgeGraph, path: string): string {
  const name = graph.byPath(path)?.note.name
  if (name === undefined) return path
  const r = graph.resolve(name)
  return r.status === 'resolved' && r.node.path === path ? name : path.replace(/\.md$/, '')
}

function link(graph: KnowledgeGraph, path: string): string {
  return `[[${graph.byPath(path)?.note.name ?? path}]]`
}

function joinDutch(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

