/**
 * What the evidence report says, as data: per methodiek its evidence status and literature, the
 * practices per grondslag, the practices and methods without literature, the literature nothing cites, and the thema × methodiek
 * matrix. The formats (markdown, HTML, CSV) only render this.
 */
import { evidence, evidenceNote, fieldSpec, grondslag, GRONDSLAG, type GraphNode, type KnowledgeGraph } from '@praktijkwijzer/core'

/** The evidence statuses, strongest first, as the schema lists them. */
export const EVIDENCE: readonly string[] = (() => {
  const spec = fieldSpec('methodiek', 'bewijs')
  return spec?.type.kind === 'enum' ? spec.type.values : []
})()

/** One methodiek with what backs it. */
export interface MethodRow {
  node: GraphNode
  /** `bewijs`, or `''` when the note lacks it. */
  evidence: string
  /** `bewijstoelichting`, when given. */
  explanation?: string
  /** Literature the note links (field `literatuur` or the text), in APA order of id. */
  literature: GraphNode[]
  /** Practices that apply the method (field `methodiek`). */
  practices: GraphNode[]
}

/** One praktijk with what backs it. */
export interface PracticeRow {
  node: GraphNode
  /** What its advice rests on (`grondslag`), or `''` when the note does not say. */
  grondslag: string
  /** Literature the note links (field `literatuur` or the text). */
  literature: GraphNode[]
  /** Themes it belongs to (field `thema`). */
  themes: GraphNode[]
  /** Methods it applies (field `methodiek`) that have literature. */
  viaMethods: GraphNode[]
}

/** One cell of the thema × methodiek matrix. */
export interface Cell {
  /** The methodiek itself names the thema (field `thema`). */
  direct: boolean
  /** Practices that belong to the thema and apply the methodiek. */
  practices: GraphNode[]
}

/** The whole report. */
export interface Report {
  methods: MethodRow[]
  themes: GraphNode[]
  practices: PracticeRow[]
  literature: GraphNode[]
  methodsWithout: MethodRow[]
  practicesWithout: PracticeRow[]
  /** The practices per grondslag, in the schema's order; practices that give none come last, under `''`. */
  byGrondslag: Array<{ grondslag: string; practices: PracticeRow[] }>
  /** Literature no thema, methodiek or praktijk links to. */
  uncited: GraphNode[]
  /** Per literatuur note, the notes that cite it. */
  citedBy: Map<string, GraphNode[]>
  /** `matrix[i][j]`: methods[i] × themes[j]. */
  matrix: Cell[][]
}

const CITING = new Set(['thema', 'methodiek', 'praktijk'])

/**
 * Build the report of a library's graph.
 *
 * @param graph The knowledge graph.
 */
export function buildReport(graph: KnowledgeGraph): Report {
  const byTitle = (a: GraphNode, b: GraphNode): number => a.title.localeCompare(b.title, 'nl')
  const themes = graph.nodes('thema').sort(byTitle)
  const literature = graph.nodes('literatuur').sort(byTitle)
  const literatureOf = (node: GraphNode): GraphNode[] => graph.neighbours(node.path, { direction: 'out', type: 'literatuur' }).sort(byTitle)

  const methods: MethodRow[] = graph
    .nodes('methodiek')
    .map((node) => {
      const row: MethodRow = {
        node,
        evidence: evidence(node.note) ?? '',
        literature: literatureOf(node),
        practices: graph.neighbours(node.path, { direction: 'in', kind: 'method', type: 'praktijk' }).sort(byTitle)
      }
      const explanation = evidenceNote(node.note)
      if (explanation !== undefined) row.explanation = explanation
      return row
    })
    .sort((a, b) => rank(a.evidence) - rank(b.evidence) || byTitle(a.node, b.node))

  const withLiterature = new Set(methods.filter((m) => m.literature.length > 0).map((m) => m.node.path))
  const practices: PracticeRow[] = graph
    .nodes('praktijk')
    .sort(byTitle)
    .map((node) => ({
      node,
      grondslag: grondslag(node.note) ?? '',
      literature: literatureOf(node),
      themes: graph.neighbours(node.path, { direction: 'out', kind: 'theme', type: 'thema' }).sort(byTitle),
      viaMethods: graph.neighbours(node.path, { direction: 'out', kind: 'method', type: 'methodiek' }).filter((m) => withLiterature.has(m.path)).sort(byTitle)
    }))

  const citedBy = new Map<string, GraphNode[]>()
  for (const lit of literature) {
    const citing = graph.neighbours(lit.path, { direction: 'in' }).filter((n) => n.type !== null && CITING.has(n.type))
    citedBy.set(lit.path, citing.sort(byTitle))
  }

  const matrix = methods.map((m) => {
    const direct = new Set(graph.neighbours(m.node.path, { direction: 'out', kind: 'theme', type: 'thema' }).map((t) => t.path))
    return themes.map((theme) => {
      const inTheme = new Set(graph.neighbours(theme.path, { direction: 'in', kind: 'theme', type: 'praktijk' }).map((p) => p.path))
      return { direct: direct.has(theme.path), practices: m.practices.filter((p) => inTheme.has(p.path)) }
    })
  })

  return {
    methods,
    themes,
    practices,
    literature,
    methodsWithout: methods.filter((m) => m.literature.length === 0),
    practicesWithout: practices.filter((p) => p.literature.length === 0),
    byGrondslag: [...GRONDSLAG, '']
      .map((g) => ({ grondslag: g, practices: practices.filter((p) => p.grondslag === g) }))
      .filter((group) => group.practices.length > 0),
    uncited: literature.filter((l) => (citedBy.get(l.path) ?? []).length === 0),
    citedBy,
    matrix
  }
}

/** A matrix cell as text: `D` when the methodiek names the thema, the number of practices linking both. */
export function cellText(cell: Cell): string {
  const n = cell.practices.length
  if (cell.direct) return n > 0 ? `D+${n}` : 'D'
  return n > 0 ? String(n) : ''
}

function rank(evidence: string): number {
  const i = EVIDENCE.indexOf(evidence)
  return i === -1 ? EVIDENCE.length : i
}
