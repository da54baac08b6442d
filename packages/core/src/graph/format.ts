/**
 * The graph for other tools: JSON, Graphviz DOT and Mermaid.
 */
import type { KnowledgeGraph } from './graph.js'
import { EDGE_LABELS, type EdgeKind, type NoteType } from './schema.js'

/** The graph as plain data. */
export interface GraphJson {
  nodes: Array<{ id: string; path: string; type: NoteType | null; title: string; aliases: string[] }>
  edges: Array<{ from: string; to: string; kind: EdgeKind; label: string; field?: string }>
}

/** Formats {@link formatGraph} can write. */
export const GRAPH_FORMATS = ['json', 'dot', 'mermaid'] as const
export type GraphFormat = (typeof GRAPH_FORMATS)[number]

/** Options for {@link formatGraph}. */
export interface Options {
  /** Leave out `mention` edges (plain links in the text); default false. */
  typedOnly?: boolean
}

/**
 * The typed notes and their edges as plain data (plain notes without `type` are left out).
 */
export function graphToJson(graph: KnowledgeGraph, options: Options = {}): GraphJson {
  const nodes = graph.nodes().filter((n) => n.type !== null)
  const ids = new Map(nodes.map((n) => [n.path, n.id]))
  return {
    nodes: nodes.map((n) => ({ id: n.id, path: n.path, type: n.type, title: n.title, aliases: n.aliases })),
    edges: graph
      .edges()
      .filter((e) => ids.has(e.from) && ids.has(e.to) && !(options.typedOnly && e.kind === 'mention'))
      .map((e) => {
        const edge: GraphJson['edges'][number] = { from: ids.get(e.from) ?? e.from, to: ids.get(e.to) ?? e.to, kind: e.kind, label: EDGE_LABELS[e.kind] }
        if (e.field !== undefined) edge.field = e.field
        return edge
      })
  }
}

const SHAPES: Record<NoteType, string> = { thema: 'ellipse', methodiek: 'box', praktijk: 'note', literatuur: 'folder', index: 'plaintext', synoniemen: 'plaintext' }

/**
 * Write the graph in a format: `json` (see {@link GraphJson}), `dot` (Graphviz) or `mermaid`.
 */
export function formatGraph(graph: KnowledgeGraph, format: GraphFormat, options: Options = {}): string {
  const data = graphToJson(graph, options)
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`
  if (format === 'dot') {
    const lines = ['digraph praktijkwijzer {', '  rankdir=LR;', '  node [fontname="Helvetica"];']
    for (const n of data.nodes) lines.push(`  ${dotId(n.id)} [label=${dotId(n.title)}, shape=${SHAPES[n.type ?? 'index']}, class=${dotId(n.type ?? '')}];`)
    for (const e of data.edges) lines.push(`  ${dotId(e.from)} -> ${dotId(e.to)} [label=${dotId(e.label)}];`)
    lines.push('}')
    return `${lines.join('\n')}\n`
  }
  const key = new Map(data.nodes.map((n, i) => [n.id, `n${i}`]))
  const lines = ['graph LR']
  for (const n of data.nodes) lines.push(`  ${key.get(n.id)}["${mermaidText(n.title)}"]:::${n.type}`)
  for (const e of data.edges) lines.push(`  ${key.get(e.from)} -->|${mermaidText(e.label)}| ${key.get(e.to)}`)
  lines.push('  classDef thema fill:#fde68a', '  classDef methodiek fill:#bfdbfe', '  classDef praktijk fill:#bbf7d0', '  classDef literatuur fill:#e5e7eb', '  classDef index fill:#ffffff', '  classDef synoniemen fill:#ffffff')
  return `${lines.join('\n')}\n`
}

// Line breaks and other control characters in titles and ids (a YAML "a\nb", a file name with a newline)
// must not end a DOT or Mermaid line early: each node and each edge stays on one line.
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * A DOT quoted string for an id or a label. Inside quotes DOT reads `\"` and `\\` as escapes; in a
 * label `\n` is a line break, which is also how a line break in a title is written. Other control
 * characters are written as `\xHH`.
 */
function dotId(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(LINE_BREAK, '\\n')
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  return `"${escaped}"`
}

/**
 * Text for inside a quoted Mermaid label: `#`, `"` and backticks as Mermaid entity codes (`#35;`,
 * `#quot;`, `#96;`; a backtick would start a Markdown string), brackets, braces, pipes and angle brackets
 * (shapes, edge labels and HTML to Mermaid), line breaks and other control characters as spaces.
 */
function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/`/g, '#96;')
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, ' ')
    .replace(/[[\]|<>{}]/g, ' ')
}
