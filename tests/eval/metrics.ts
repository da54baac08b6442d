// The relevance evaluation: case notes with the practices, methods and literature a senior colleague
// expects, and the metrics hit@1, hit@3, recall@5 and MRR over practices and methods, plus recall@5 of the
// literature. Used by `pnpm eval` (a table) and by eval.test.ts (ours must beat both baselines).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Library, parseNote, stringList, type GraphNode, type KnowledgeGraph } from '@praktijkwijzer/core'
import { fuseFullText, miniSearch, type Ranker } from '../lib/baselines.js'
import { LIBRARY, readMarkdown, ROOT } from '../lib/files.js'

export const CASES_DIR = join(ROOT, 'tests', 'eval', 'cases')

/** One evaluation case. */
export interface Case {
  file: string
  text: string
  /** Expected practices and methods (ids), best first. */
  relevant: string[]
  literature: string[]
}

/** Metrics of one engine. */
export interface Scores {
  name: string
  hit1: number
  hit3: number
  recall5: number
  mrr: number
  literatureRecall5: number
  /** Share of the unrelated notes (no expectations) for which the engine shows nothing, or only weak items. */
  quiet: number | null
  cases: number
}

/** What an engine gives for one note: ranked practice/method ids and literature ids. */
export interface Ranked {
  ids: string[]
  literature: string[]
  quiet: boolean
}

/** Read the cases. */
export function loadCases(dir = CASES_DIR): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const note = parseNote(readFileSync(join(dir, file), 'utf8'), file)
      const expected = (note.frontmatter['verwacht'] ?? {}) as Record<string, unknown>
      return {
        file,
        text: note.body,
        relevant: [...stringList(expected['praktijk']), ...stringList(expected['methodiek'])],
        literature: stringList(expected['literatuur'])
      }
    })
}

/** Score an engine on the cases. */
export function evaluate(name: string, cases: Case[], rank: (text: string) => Ranked): Scores {
  const judged = cases.filter((c) => c.relevant.length > 0)
  const unrelated = cases.filter((c) => c.relevant.length === 0)
  let hit1 = 0
  let hit3 = 0
  let recall5 = 0
  let mrr = 0
  let literature = 0
  let litCases = 0
  for (const c of judged) {
    const r = rank(c.text)
    const relevant = new Set(c.relevant)
    const first = r.ids.findIndex((id) => relevant.has(id))
    if (first === 0) hit1++
    if (first !== -1 && first < 3) hit3++
    if (first !== -1) mrr += 1 / (first + 1)
    recall5 += r.ids.slice(0, 5).filter((id) => relevant.has(id)).length / Math.min(5, relevant.size)
    if (c.literature.length > 0) {
      litCases++
      const wanted = new Set(c.literature)
      literature += r.literature.slice(0, 5).filter((id) => wanted.has(id)).length / Math.min(5, wanted.size)
    }
  }
  const n = Math.max(1, judged.length)
  return {
    name,
    hit1: hit1 / n,
    hit3: hit3 / n,
    recall5: recall5 / n,
    mrr: mrr / n,
    literatureRecall5: litCases === 0 ? 0 : literature / litCases,
    quiet: unrelated.length === 0 ? null : unrelated.filter((c) => rank(c.text).quiet).length / unrelated.length,
    cases: judged.length
  }
}

/** The literature reached from the top of a ranking along the graph's literature edges. */
function literatureOf(graph: KnowledgeGraph, ids: string[]): string[] {
  const out: string[] = []
  for (const id of ids.slice(0, 5)) {
    for (const edge of graph.edgesFrom(id, 'literature')) {
      const lit = graph.byPath(edge.to)?.id
      if (lit && !out.includes(lit)) out.push(lit)
    }
  }
  return out
}

/** Our engine and the two baselines on the shipped library. */
export function engines(): { library: Library; rankers: Array<{ name: string; rank: (text: string) => Ranked }> } {
  const library = new Library(readMarkdown(LIBRARY))
  const graph = library.graph
  const candidates: GraphNode[] = graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek')
  const baseline = (ranker: Ranker) => ({
    name: ranker.name,
    rank: (text: string): Ranked => {
      const ids = ranker.rank(text, 10)
      return { ids, literature: literatureOf(graph, ids), quiet: ids.length === 0 }
    }
  })
  return {
    library,
    rankers: [
      {
        name: 'Praktijkwijzer',
        rank: (text: string): Ranked => {
          const r = library.suggest(text, { limit: 10, types: ['praktijk', 'methodiek'] })
          return {
            ids: r.suggestions.map((s) => s.id),
            literature: r.literature.map((l) => l.id),
            quiet: r.suggestions.every((s) => s.weak)
          }
        }
      },
      baseline(miniSearch(candidates)),
      baseline(fuseFullText(candidates))
    ]
  }
}

/** The metrics as a table. */
export function table(scores: Scores[]): string {
  const pct = (x: number | null): string => (x === null ? '    -' : `${(x * 100).toFixed(1).padStart(5)}`)
  const width = Math.max(...scores.map((s) => s.name.length))
  const lines = [`${'engine'.padEnd(width)}  hit@1  hit@3  recall@5    MRR  lit-recall@5  stil`]
  for (const s of scores) {
    lines.push(`${s.name.padEnd(width)}  ${pct(s.hit1)}  ${pct(s.hit3)}     ${pct(s.recall5)}  ${pct(s.mrr)}         ${pct(s.literatureRecall5)}  ${pct(s.quiet)}`)
  }
  lines.push('', `(${scores[0]?.cases ?? 0} notities met verwachtingen; percentages. "stil": deel van de losse notities zonder verwachting waarvoor niets of alleen zwakke suggesties verschijnen.)`)
  return lines.join('\n')
}
