/**
 * The typed knowledge graph: notes as nodes, links as typed edges in both directions, lookups by id and
 * path, link resolution by path, name, alias and id, and every problem of the library. Updating one note
 * re-resolves only the links that could point to it, so editors can keep the graph current without
 * rebuilding it.
 *
 * Over 300 lines because it is one structure: its indexes (names, aliases, ids, paths, link sources)
 * must change together on every update, which is easiest to see and keep right in one class.
 */
import type { Note, NoteLink } from '../note/parse.js'
import { normalizeName } from '../note/wikilink.js'
import { problem, sortProblems, type Problem } from '../problem.js'
import { fieldSpec, type EdgeKind, type NoteType } from './schema.js'
import { validateNote } from './validate.js'

/** A note in the graph. */
export interface GraphNode {
  /** Frontmatter `id`, or the file name. */
  id: string
  /** Path relative to the library root. */
  path: string
  /** The note's kind; `null` for a plain note without (valid) `type`. */
  type: NoteType | null
  /** Frontmatter `title`, or the file name. */
  title: string
  aliases: string[]
  note: Note
}

/** A typed link from one note to another. */
export interface Edge {
  /** Path of the linking note. */
  from: string
  /** Path of the linked note. */
  to: string
  kind: EdgeKind
  /** Frontmatter field the link stands in (absent in the body). */
  field?: string
  line: number
  column: number
}

/** The result of resolving a link target. */
export type Resolution =
  | { status: 'resolved'; node: GraphNode; via: 'path' | 'name' | 'alias' | 'id' }
  | { status: 'ambiguous'; candidates: GraphNode[] }
  | { status: 'broken' }

interface Entry {
  node: GraphNode
  /** Parse and schema problems: they depend on this note only. */
  ownProblems: Problem[]
  /** Resolved edges and link problems: they depend on other notes too. */
  edges: Edge[]
  linkProblems: Problem[]
}

/** Options for {@link KnowledgeGraph.neighbours}. */
export interface NeighbourOptions {
  /** Only edges of this kind (or these kinds). */
  kind?: EdgeKind | readonly EdgeKind[]
  /** `out`: what the note links to; `in`: what links to it; `both` (default). */
  direction?: 'out' | 'in' | 'both'
  /** Only neighbours of this type. */
  type?: NoteType
}

/**
 * The knowledge graph as its readers see it: lookups, links and problems. Only the {@link MutableGraph}'s
 * owner (the Library) changes it, so the relevance engine always follows.
 */
export type KnowledgeGraph = Omit<MutableGraph, 'upsert' | 'remove'>

/** The knowledge graph of a library, with the operations that change it. */
export class MutableGraph {
  private readonly entries = new Map<string, Entry>()
  private readonly names = new Map<string, Paths>()
  private readonly aliasIndex = new Map<string, Paths>()
  private readonly idIndex = new Map<string, Paths>()
  private readonly pathIndex = new Map<string, string>()
  /** Last segment of each link target → the notes whose links use it. */
  private readonly linkSources = new Map<string, Paths>()
  private incomingCache: Map<string, Edge[]> | null = null

  /**
   * Build a graph.
   *
   * @param notes Parsed notes; paths must be unique (a later note with the same path replaces the earlier).
   */
  constructor(notes: Iterable<Note> = []) {
    for (const note of notes) this.index(note)
    for (const path of this.entries.keys()) this.resolveLinksOf(path)
  }

  /** Number of notes. */
  get size(): number {
    return this.entries.size
  }

  /** All nodes, sorted by path. */
  nodes(type?: NoteType): GraphNode[] {
    const all = [...this.entries.values()].map((e) => e.node)
    return (type ? all.filter((n) => n.type === type) : all).sort((a, b) => compare(a.path, b.path))
  }

  /**
   * Add a note, or replace the note with the same path. Only links that could point to it are resolved
   * again.
   */
  upsert(note: Note): void {
    const old = this.entries.get(note.path)
    const keys = new Set<string>()
    if (old) {
      for (const k of this.keysOf(old.node)) keys.add(k)
      this.unindex(old)
    }
    const entry = this.index(note)
    for (const k of this.keysOf(entry.node)) keys.add(k)
    this.resolveLinksOf(note.path)
    this.reresolve(keys, note.path)
  }

  /** Remove the note at a path (if present). Links to it become broken. */
  remove(path: string): void {
    const old = this.entries.get(path)
    if (!old) return
    this.unindex(old)
    this.reresolve(new Set(this.keysOf(old.node)), path)
  }

  /** The node with this id (case-insensitive); with duplicate ids, the first by path. */
  get(id: string): GraphNode | undefined {
    return this.first(this.idIndex.get(normalizeName(id)))
  }

  /** The node at this path. */
  byPath(path: string): GraphNode | undefined {
    return this.entries.get(path)?.node
  }

  /**
   * Resolve a link target as Obsidian does: a path (relative to the linking note, or a path suffix),
   * else the file name (case-insensitive), else an alias, else an id.
   *
   * @param target The target as written in the link.
   * @param fromPath Path of the linking note ('' for the library root).
   */
  resolve(target: string, fromPath = ''): Resolution {
    const t = normalizeName(target)
    if (t.includes('/')) return this.resolvePath(t, fromPath)
    for (const [via, index] of [
      ['name', this.names],
      ['alias', this.aliasIndex],
      ['id', this.idIndex]
    ] as const) {
      const paths = index.get(t)
      if (paths !== undefined) return this.outcome(paths, via)
    }
    return { status: 'broken' }
  }

  /** Edges leaving a note (by path or id), optionally of one kind. */
  edgesFrom(ref: string, kind?: EdgeKind): Edge[] {
    const edges = this.entries.get(this.pathOf(ref))?.edges ?? []
    return kind ? edges.filter((e) => e.kind === kind) : [...edges]
  }

  /** Edges arriving at a note (its backlinks), optionally of one kind. */
  edgesTo(ref: string, kind?: EdgeKind): Edge[] {
    const edges = this.incoming().get(this.pathOf(ref)) ?? []
    return kind ? edges.filter((e) => e.kind === kind) : [...edges]
  }

  /** Every edge, sorted by source path, line and column. */
  edges(): Edge[] {
    const all: Edge[] = []
    // Loops, not push(...edges): spreading a note's 150,000 links as arguments overflows the stack.
    for (const path of [...this.entries.keys()].sort(compare)) for (const edge of this.entries.get(path)?.edges ?? []) all.push(edge)
    return all
  }

  /** The notes next to a note, following edges as asked. */
  neighbours(ref: string, options: NeighbourOptions = {}): GraphNode[] {
    const kinds = options.kind === undefined ? undefined : ([] as EdgeKind[]).concat(options.kind)
    const direction = options.direction ?? 'both'
    const keep = (e: Edge): boolean => kinds === undefined || kinds.includes(e.kind)
    const paths = new Set<string>()
    if (direction !== 'in') for (const e of this.edgesFrom(ref)) if (keep(e)) paths.add(e.to)
    if (direction !== 'out') for (const e of this.edgesTo(ref)) if (keep(e)) paths.add(e.from)
    const nodes = [...paths].map((p) => this.entries.get(p)?.node).filter((n): n is GraphNode => n !== undefined)
    return (options.type ? nodes.filter((n) => n.type === options.type) : nodes).sort((a, b) => compare(a.path, b.path))
  }

  /** Every problem of the library, sorted by file and line. */
  problems(): Problem[] {
    const all: Problem[] = []
    for (const entry of this.entries.values()) {
      for (const p of entry.ownProblems) all.push(p)
      for (const p of entry.linkProblems) all.push(p)
    }
    for (const paths of this.idIndex.values()) {
      if (typeof paths === 'string') continue
      const sorted = [...paths].sort(compare)
      for (const path of sorted.slice(1)) {
        const node = this.entries.get(path)?.node
        if (!node || node.type === null) continue
        all.push(problem(path, undefined, 'error', 'duplicate-id', `De id "${node.id}" wordt ook gebruikt door ${sorted[0]}; elke notitie heeft een eigen id (bestandsnaam of veld \`id\`) nodig.`))
      }
    }
    const incoming = this.incoming()
    for (const entry of this.entries.values()) {
      const node = entry.node
      if (node.type === null || node.type === 'index' || node.type === 'synoniemen') continue
      if (entry.edges.length === 0 && (incoming.get(node.path)?.length ?? 0) === 0) {
        all.push(problem(node.path, undefined, 'warning', 'orphan', 'Deze notitie is nergens mee verbonden: ze linkt nergens heen en niets linkt naar haar.'))
      }
    }
    return sortProblems(all)
  }

  private index(note: Note): Entry {
    const validation = validateNote(note)
    const data = note.frontmatter
    const id = typeof data['id'] === 'string' && data['id'].trim() !== '' ? data['id'].trim() : note.name
    const title = typeof data['title'] === 'string' && data['title'].trim() !== '' ? data['title'].trim() : note.name
    const node: GraphNode = { id, path: note.path, type: validation.type, title, aliases: note.aliases, note }
    const entry: Entry = { node, ownProblems: [...note.problems, ...validation.problems], edges: [], linkProblems: [] }
    this.entries.set(note.path, entry)
    add(this.names, normalizeName(note.name), note.path)
    add(this.idIndex, normalizeName(id), note.path)
    for (const alias of note.aliases) add(this.aliasIndex, normalizeName(alias), note.path)
    this.pathIndex.set(normalizeName(note.path), note.path)
    for (const link of note.links) add(this.linkSources, lastSegment(link.target), note.path)
    this.incomingCache = null
    return entry
  }

  private unindex(entry: Entry): void {
    const { node } = entry
    this.entries.delete(node.path)
    drop(this.names, normalizeName(node.note.name), node.path)
    drop(this.idIndex, normalizeName(node.id), node.path)
    for (const alias of node.aliases) drop(this.aliasIndex, normalizeName(alias), node.path)
    this.pathIndex.delete(normalizeName(node.path))
    for (const link of node.note.links) drop(this.linkSources, lastSegment(link.target), node.path)
    this.incomingCache = null
  }

  /** The keys under which links can reach a node: its name, aliases and id. */
  private keysOf(node: GraphNode): string[] {
    return [normalizeName(node.note.name), normalizeName(node.id), ...node.aliases.map(normalizeName)]
  }

  private reresolve(keys: Set<string>, except: string): void {
    const sources = new Set<string>()
    for (const key of keys) for (const s of listOf(this.linkSources.get(key))) sources.add(s)
    sources.delete(except)
    for (const s of sources) this.resolveLinksOf(s)
  }

  private resolveLinksOf(path: string): void {
    const entry = this.entries.get(path)
    if (!entry) return
    const { node } = entry
    const edges: Edge[] = []
    const problems: Problem[] = []
    const seen = new Set<string>()
    const level = node.type === null ? 'warning' : 'error'
    for (const link of node.note.links) {
      const resolution = this.resolve(link.target, path)
      if (resolution.status === 'broken') {
        problems.push(problem(path, link, level, 'broken-link', `De link ${link.raw} wijst naar een notitie die niet bestaat${inField(link)}.`))
        continue
      }
      if (resolution.status === 'ambiguous') {
        const list = resolution.candidates.map((c) => c.path).join(', ')
        problems.push(problem(path, link, 'error', 'ambiguous-link', `De link ${link.raw} past op meer dan één notitie (${list}); gebruik het pad, bijvoorbeeld [[${resolution.candidates[0]?.path.replace(/\.md$/, '')}]].`))
        continue
      }
      const target = resolution.node
      if (target.path === path) {
        problems.push(problem(path, link, 'warning', 'self-link', `De link ${link.raw} wijst naar deze notitie zelf.`))
        continue
      }
      const kind = this.edgeKind(node, link, target, problems)
      if (kind === undefined) continue
      const key = `${target.path}\u0000${kind}`
      if (seen.has(key)) continue
      seen.add(key)
      const edge: Edge = { from: path, to: target.path, kind, line: link.line, column: link.column }
      if (link.field !== undefined) edge.field = link.field
      edges.push(edge)
    }
    entry.edges = edges
    entry.linkProblems = problems
    this.incomingCache = null
  }

  /** The kind of edge a link makes, or undefined when it points at the wrong kind of note. */
  private edgeKind(node: GraphNode, link: NoteLink, target: GraphNode, problems: Problem[]): EdgeKind | undefined {
    if (link.field === undefined || node.type === null) return 'mention'
    const spec = fieldSpec(node.type, link.field)
    if (!spec || spec.type.kind !== 'links') return 'mention'
    if (target.type === null || !spec.type.targets.includes(target.type)) {
      const expected = spec.type.targets.join(' of ')
      problems.push(
        problem(node.path, link, 'error', 'wrong-kind-link', `Het veld \`${link.field}\` verwacht een ${expected}-notitie, maar ${link.raw} is ${target.type ? `een ${target.type}-notitie` : 'een notitie zonder type'}.`)
      )
      return undefined
    }
    return spec.type.edge
  }

  private resolvePath(t: string, fromPath: string): Resolution {
    let wanted = t
    if (t.startsWith('./') || t.startsWith('../')) {
      const folder = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : ''
      wanted = joinPath(folder, t)
    }
    wanted = wanted.replace(/^\/+/, '')
    const exact = this.pathIndex.get(wanted)
    if (exact) return this.outcome(exact, 'path')
    const matches = new Set<string>()
    for (const [normalized, path] of this.pathIndex) if (normalized.endsWith(`/${wanted}`)) matches.add(path)
    return matches.size > 0 ? this.outcome(matches, 'path') : { status: 'broken' }
  }

  private outcome(paths: Paths, via: 'path' | 'name' | 'alias' | 'id'): Resolution {
    const nodes = this.all(paths)
    if (nodes.length === 1 && nodes[0]) return { status: 'resolved', node: nodes[0], via }
    return nodes.length === 0 ? { status: 'broken' } : { status: 'ambiguous', candidates: nodes }
  }

  private incoming(): Map<string, Edge[]> {
    if (this.incomingCache) return this.incomingCache
    const map = new Map<string, Edge[]>()
    for (const entry of this.entries.values()) {
      for (const edge of entry.edges) {
        const list = map.get(edge.to)
        if (list) list.push(edge)
        else map.set(edge.to, [edge])
      }
    }
    this.incomingCache = map
    return map
  }

  private pathOf(ref: string): string {
    return this.entries.has(ref) ? ref : (this.get(ref)?.path ?? ref)
  }

  private first(paths: Paths | undefined): GraphNode | undefined {
    return this.all(paths)[0]
  }

  private all(paths: Paths | undefined): GraphNode[] {
    return listOf(paths)
      .sort(compare)
      .map((p) => this.entries.get(p)?.node)
      .filter((n): n is GraphNode => n !== undefined)
  }
}

function inField(link: NoteLink): string {
  return link.field ? ` (veld \`${link.field}\`)` : ''
}

function lastSegment(target: string): string {
  const t = normalizeName(target)
  return t.slice(t.lastIndexOf('/') + 1)
}

function joinPath(folder: string, relative: string): string {
  const parts = folder === '' ? [] : folder.toLowerCase().split('/')
  for (const part of relative.split('/')) {
    if (part === '.' || part === '') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/**
 * The notes under one key of an index: a path, or a set of two or more. Nearly every key has one note,
 * and a Set per key was a quarter of the graph's memory.
 */
type Paths = string | Set<string>

function listOf(paths: Paths | undefined): string[] {
  return paths === undefined ? [] : typeof paths === 'string' ? [paths] : [...paths]
}

function add(map: Map<string, Paths>, key: string, value: string): void {
  const paths = map.get(key)
  if (paths === undefined) map.set(key, value)
  else if (typeof paths !== 'string') paths.add(value)
  else if (paths !== value) map.set(key, new Set([paths, value]))
}

function drop(map: Map<string, Paths>, key: string, value: string): void {
  const paths = map.get(key)
  if (paths === undefined) return
  if (typeof paths === 'string') {
    if (paths === value) map.delete(key)
    return
  }
  paths.delete(value)
  if (paths.size === 1) map.set(key, [...paths][0] as string)
  else if (paths.size === 0) map.delete(key)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
