/**
 * A picture of the knowledge graph as inline SVG, laid out by dagre in four columns: themes, practices,
 * methods, literature; the border of a method shows its evidence status. Only the typed connections are
 * drawn (hoort bij, past toe, onderbouwd door), and notes without any are left out. Everything is
 * computed here: the SVG needs no script, font or file from elsewhere.
 */
import { Graph, layout } from '@dagrejs/dagre'
import { evidence } from '@praktijkwijzer/core'
import type { EdgeKind, GraphNode, KnowledgeGraph, NoteType } from '@praktijkwijzer/core'

/** The note kinds drawn, in the order of the legend. */
const KINDS: readonly NoteType[] = ['thema', 'praktijk', 'methodiek', 'literatuur']
const EDGES: readonly EdgeKind[] = ['theme', 'method', 'literature']
const LINE = 13
const CHAR = 6.1
const WRAP = 28

/** What {@link graphSvg} drew. */
export interface Picture {
  svg: string
  nodes: number
  edges: number
  width: number
  height: number
  /** Notes without any typed connection, left out of the picture. */
  left: GraphNode[]
}

/**
 * Lay out and draw the graph.
 *
 * @param graph The knowledge graph.
 * @returns The `<svg>` element as text, and its size.
 */
export function graphSvg(graph: KnowledgeGraph): Picture {
  const typed = graph.nodes().filter((n) => n.type !== null && KINDS.includes(n.type))
  const edges = graph.edges().filter((e) => EDGES.includes(e.kind))
  const connected = new Set(edges.flatMap((e) => [e.from, e.to]))
  const nodes = typed.filter((n) => connected.has(n.path))
  const ids = new Map(nodes.map((n, i) => [n.path, `n${i}`]))
  const g = new Graph({ multigraph: false })
  g.setGraph({ rankdir: 'LR', ranker: columns, nodesep: 4, edgesep: 1, ranksep: 110, marginx: 12, marginy: 12 })
  g.setDefaultEdgeLabel(() => ({}))
  const labels = new Map<string, string[]>()
  for (const node of nodes) {
    const id = ids.get(node.path) ?? ''
    const lines = wrap(node.title)
    labels.set(id, lines)
    const width = Math.ceil(lines.reduce((max, l) => Math.max(max, l.length), 0) * CHAR + 16)
    g.setNode(id, { width, height: lines.length * LINE + 10, rank: KINDS.indexOf(node.type ?? 'thema') })
  }
  const kinds = new Map<string, EdgeKind>()
  for (const edge of edges) {
    let from = ids.get(edge.from)
    let to = ids.get(edge.to)
    if (!from || !to) continue
    // Every edge must run to a later column: "hoort bij" is laid out from the theme to the note (the
    // arrow still points at the theme).
    const reversed = edge.kind === 'theme'
    if (reversed) [from, to] = [to, from]
    if (g.hasEdge(from, to)) continue
    g.setEdge(from, to, { reversed })
    kinds.set(`${from}>${to}`, edge.kind)
  }
  layout(g)
  const { width = 0, height = 0 } = g.graph() as { width?: number; height?: number }

  const out: string[] = [
    `<svg class="graaf" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}" role="img" aria-label="De kennisgraaf: ${nodes.length} notities, ${kinds.size} verbindingen">`,
    '<defs><marker id="pijl" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>'
  ]
  for (const e of g.edges()) {
    const label = g.edge(e) as { points?: Array<{ x: number; y: number }>; reversed?: boolean }
    const points = label.reversed ? [...(label.points ?? [])].reverse() : (label.points ?? [])
    if (points.length < 2) continue
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(' ')
    out.push(`<path class="rand ${kinds.get(`${e.v}>${e.w}`) ?? ''}" d="${d}" marker-end="url(#pijl)"/>`)
  }
  for (const node of nodes) {
    const id = ids.get(node.path) ?? ''
    const box = g.node(id) as { x: number; y: number; width: number; height: number }
    const lines = labels.get(id) ?? []
    const x = box.x - box.width / 2
    const y = box.y - box.height / 2
    const text = lines.map((l, i) => `<tspan x="${r(box.x)}" y="${r(y + 5 + LINE * (i + 1) - 3)}">${escapeXml(l)}</tspan>`).join('')
    out.push(
      `<g class="knoop ${node.type ?? ''}${evidenceClass(node)}"><title>${escapeXml(`${node.title} (${node.type ?? ''})`)}</title><rect x="${r(x)}" y="${r(y)}" width="${r(box.width)}" height="${r(box.height)}" rx="4"/><text text-anchor="middle">${text}</text></g>`
    )
  }
  out.push('</svg>')
  return { svg: out.join('\n'), nodes: nodes.length, edges: kinds.size, width: r(width), height: r(height), left: typed.filter((n) => !connected.has(n.path)) }
}

/**
 * A dagre ranker that puts each kind of note in its own column (the `rank` given to each node: themes,
 * practices, methods, literature), spaced so that every edge keeps its minimum length; nodes dagre adds
 * itself (the root of its nesting graph) go as far left as their edges allow.
 */
function columns(lg: Graph): void {
  const label = (v: string): { rank?: number } => lg.node(v) as { rank?: number }
  const preset = new Map(lg.nodes().flatMap((v) => (typeof label(v).rank === 'number' ? [[v, label(v).rank as number] as const] : [])))
  let scale = 1
  for (const e of lg.edges()) {
    const from = preset.get(e.v)
    const to = preset.get(e.w)
    const minlen = (lg.edge(e) as { minlen?: number }).minlen ?? 1
    if (from !== undefined && to !== undefined && to > from) scale = Math.max(scale, Math.ceil(minlen / (to - from)))
  }
  for (const [v, column] of preset) label(v).rank = column * scale
  for (const v of lg.nodes()) {
    if (preset.has(v)) continue
    const out = lg.outEdges(v) ?? []
    label(v).rank = out.reduce((min, e) => Math.min(min, (label(e.w).rank ?? 0) - ((lg.edge(e) as { minlen?: number }).minlen ?? 1)), 0)
  }
}

/** ` bewijs-bewezen-effectief` and so on for a methodiek, for the colour of its border. */
function evidenceClass(node: GraphNode): string {
  const status = evidence(node.note)
  return node.type === 'methodiek' && status !== undefined ? ` bewijs-${status.trim().replace(/[^a-z]+/gi, '-')}` : ''
}

/** CSS for the picture: one colour per kind of note, as in `praktijkwijzer graph --format mermaid`. */
export const SVG_STYLE = `
svg.graaf { font: 11px system-ui, sans-serif; }
svg.graaf .rand { fill: none; stroke: #9ca3af; stroke-width: 0.8; }
svg.graaf .rand.literature { stroke: #6b7280; stroke-dasharray: 3 2; }
svg.graaf marker path { fill: #9ca3af; }
svg.graaf .knoop rect { stroke: #374151; stroke-width: 0.6; }
svg.graaf .thema rect { fill: #fde68a; }
svg.graaf .methodiek rect { fill: #bfdbfe; }
svg.graaf .praktijk rect { fill: #bbf7d0; }
svg.graaf .literatuur rect { fill: #e5e7eb; }
svg.graaf .bewijs-bewezen-effectief rect { stroke: #15803d; stroke-width: 2.5; }
svg.graaf .bewijs-veelbelovend rect { stroke: #65a30d; stroke-width: 2.5; }
svg.graaf .bewijs-goed-beschreven rect { stroke: #ca8a04; stroke-width: 2.5; }
svg.graaf .bewijs-niet-vermeld rect { stroke: #dc2626; stroke-width: 2.5; }
`

/** The kinds of note in the picture, with the class that colours them. */
export function legend(): Array<{ kind: NoteType; className: string }> {
  return KINDS.map((kind) => ({ kind, className: kind }))
}

/** A title in lines of at most about {@link WRAP} characters, three lines at most. */
function wrap(title: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of title.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > WRAP) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  if (lines.length > 3) return [...lines.slice(0, 2), `${lines[2]} …`]
  return lines.length === 0 ? [''] : lines
}

function r(n: number): number {
  return Math.round(n * 10) / 10
}

/** Escape text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

