// The relevance evaluation: case notes with the practices, methods and literature a senior colleague
// expects, and the metrics hit@1, hit@3, recall@5 and MRR over practices and methods, plus recall@5 of the
// literature, the noise figure (top-5 items whose evidence is only general Dutch words), the same metrics
// by note length, and our levels by note length. Used by `pnpm eval` (tables) and by eval.test.ts.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { frontmatterEnd, Library, parseNote, signals, stringList, type GraphNode, type KnowledgeGraph, type Suggestion } from '@praktijkwijzer/core'
import { normalizedWords, Stemmer } from '../../packages/core/src/engine/analyze.js'
import { COMMON_DUTCH } from '../../packages/core/src/engine/background-nl.js'
import { isStopWord } from '../../packages/core/src/engine/stopwords.js'
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
  /** Share of the top-5 items, over all notes, whose evidence is only general Dutch words ({@link generalWord}). */
  noise: number
  cases: number
  /** The metrics per note length ({@link LENGTHS}). */
  byLength: Array<{ length: string; cases: number; hit1: number; hit3: number; mrr: number }>
}

/** Note lengths, by number of words: one or two sentences, short, medium, a long weekly report. */
export const LENGTHS: ReadonlyArray<{ name: string; most: number }> = [
  { name: '1-2 zinnen (≤ 40 woorden)', most: 40 },
  { name: 'kort (41-150)', most: 150 },
  { name: 'middel (151-350)', most: 350 },
  { name: 'lang (> 350)', most: Infinity }
]

/** The length class of a text. */
export function lengthOf(text: string): string {
  const words = normalizedWords(text).length
  return (LENGTHS.find((l) => words <= l.most) ?? LENGTHS[LENGTHS.length - 1])?.name ?? ''
}

const stemmer = new Stemmer()
const COMMON = new Set(COMMON_DUTCH.split(/\s+/).slice(0, 1000))

/**
 * For the noise figure: whether a word is general Dutch, i.e. a stop word or one of the 1,000 most
 * frequent stems of everyday Dutch, unless a theme of the library is named by that one word (a thema's
 * one-word title or alias, such as "werk" or "schulden"). It does not use the engine's own judgement
 * (which also weighs how often the library uses a word).
 */
export function generalWords(graph: KnowledgeGraph): (word: string) => boolean {
  const topics = new Set<string>()
  for (const node of graph.nodes('thema')) {
    for (const name of [node.title, ...node.aliases]) {
      const words = normalizedWords(name)
      if (words.length === 1) topics.add(stemmer.stem(words[0] ?? ''))
    }
  }
  return (word) => {
    const norm = normalizedWords(word)[0] ?? ''
    const stem = stemmer.stem(norm)
    return norm.length <= 1 || /^\d+$/.test(norm) || isStopWord(norm) || (COMMON.has(stem) && !topics.has(stem))
  }
}

/** Whether our suggestion's evidence is only general words: no whole signal, no synonym, no lift, no other word. */
export function onlyGeneral(s: Suggestion, general: (word: string) => boolean): boolean {
  if (s.via.length > 0) return false
  return s.matches.every((m) => m.kind !== 'phrase' && m.kind !== 'synonym' && (m.kind === 'compound' ? general(m.term) : m.words.every(general)))
}

/** What an engine gives for one note: ranked practice/method ids and literature ids. */
export interface Ranked {
  ids: string[]
  literature: string[]
  quiet: boolean
  /** How many of the top 5 rest only on general Dutch words. */
  noise: number
  /** Our levels of the top 5 (ours only). */
  levels?: string[]
}

/** Read the cases. */
export function loadCases(dir = CASES_DIR): Case[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(dir, file), 'utf8')
      const note = parseNote(source, file)
      const expected = (note.frontmatter['verwacht'] ?? {}) as Record<string, unknown>
      return {
        file,
        text: source.slice(frontmatterEnd(source)),
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
  const lengths = new Map(LENGTHS.map((l) => [l.name, { cases: 0, hit1: 0, hit3: 0, mrr: 0 }]))
  let noisy = 0
  let shown = 0
  for (const c of unrelated) {
    const r = rank(c.text)
    noisy += r.noise
    shown += Math.min(5, r.ids.length)
  }
  for (const c of judged) {
    const r = rank(c.text)
    noisy += r.noise
    shown += Math.min(5, r.ids.length)
    const bucket = lengths.get(lengthOf(c.text))
    const relevant = new Set(c.relevant)
    const first = r.ids.findIndex((id) => relevant.has(id))
    if (first === 0) hit1++
    if (first !== -1 && first < 3) hit3++
    if (first !== -1) mrr += 1 / (first + 1)
    if (bucket) {
      bucket.cases++
      if (first === 0) bucket.hit1++
      if (first !== -1 && first < 3) bucket.hit3++
      if (first !== -1) bucket.mrr += 1 / (first + 1)
    }
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
    noise: shown === 0 ? 0 : noisy / shown,
    cases: judged.length,
    byLength: [...lengths].map(([length, b]) => ({ length, cases: b.cases, hit1: b.hit1 / Math.max(1, b.cases), hit3: b.hit3 / Math.max(1, b.cases), mrr: b.mrr / Math.max(1, b.cases) }))
  }
}

/** Our levels of the top 5 by note length, and for the unrelated notes the best level shown. */
export function levelsByLength(cases: Case[], rank: (text: string) => Ranked): Array<{ length: string; notes: number; sterk: number; redelijk: number; zwak: number; unrelated: number; unrelatedAboveWeak: number }> {
  const rows = new Map(LENGTHS.map((l) => [l.name, { notes: 0, sterk: 0, redelijk: 0, zwak: 0, unrelated: 0, unrelatedAboveWeak: 0 }]))
  for (const c of cases) {
    const row = rows.get(lengthOf(c.text))
    if (!row) continue
    const levels = rank(c.text).levels ?? []
    if (c.relevant.length === 0) {
      row.unrelated++
      if (levels.some((l) => l !== 'zwak')) row.unrelatedAboveWeak++
      continue
    }
    row.notes++
    for (const l of levels) if (l === 'sterk' || l === 'redelijk' || l === 'zwak') row[l]++
  }
  return [...rows].map(([length, r]) => ({ length, ...r }))
}

/** The case note's words that a library note has too (by stem), for the baselines' noise. */
function sharedWords(text: string, node: GraphNode): string[] {
  const words = new Set(normalizedWords([node.title, ...node.aliases, ...signals(node.note), node.note.text].join('\n')).map((w) => stemmer.stem(w)))
  return normalizedWords(text).filter((w) => words.has(stemmer.stem(w)))
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
  const generalWord = generalWords(graph)
  const candidates: GraphNode[] = graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek')
  const baseline = (ranker: Ranker) => ({
    name: ranker.name,
    rank: (text: string): Ranked => {
      const ids = ranker.rank(text, 10)
      const noise = ids.slice(0, 5).filter((id) => {
        const node = graph.get(id)
        return node !== undefined && sharedWords(text, node).every(generalWord)
      }).length
      return { ids, literature: literatureOf(graph, ids), quiet: ids.length === 0, noise }
    }
  })
  // Each engine ranks each note once: the metrics, the noise and the levels read the same ranking.
  const once = (ranker: { name: string; rank: (text: string) => Ranked }): { name: string; rank: (text: string) => Ranked } => {
    const seen = new Map<string, Ranked>()
    return {
      name: ranker.name,
      rank: (text) => {
        let r = seen.get(text)
        if (!r) seen.set(text, (r = ranker.rank(text)))
        return r
      }
    }
  }
  return {
    library,
    rankers: [
      {
        name: 'Praktijkwijzer',
        rank: (text: string): Ranked => {
          const r = library.suggest(text, { limit: 10, types: ['praktijk', 'methodiek'] })
          const top = r.suggestions.slice(0, 5)
          return {
            ids: r.suggestions.map((s) => s.id),
            literature: r.literature.map((l) => l.id),
            quiet: r.suggestions.every((s) => s.weak),
            noise: top.filter((x) => onlyGeneral(x, generalWord)).length,
            levels: top.map((s) => s.level)
          }
        }
      },
      baseline(miniSearch(candidates)),
      baseline(fuseFullText(candidates))
    ].map(once)
  }
}

/** The metrics as a table. */
export function table(scores: Scores[]): string {
  const pct = (x: number | null): string => (x === null ? '    -' : `${(x * 100).toFixed(1).padStart(5)}`)
  const width = Math.max(...scores.map((s) => s.name.length))
  const lines = [`${'engine'.padEnd(width)}  hit@1  hit@3  recall@5    MRR  lit-recall@5  stil   ruis`]
  for (const s of scores) {
    lines.push(`${s.name.padEnd(width)}  ${pct(s.hit1)}  ${pct(s.hit3)}     ${pct(s.recall5)}  ${pct(s.mrr)}         ${pct(s.literatureRecall5)}  ${pct(s.quiet)}  ${pct(s.noise)}`)
  }
  lines.push(
    '',
    `(${scores[0]?.cases ?? 0} notities met verwachtingen; percentages. "stil": deel van de losse notities zonder verwachting waarvoor niets of alleen zwakke suggesties verschijnen. "ruis": deel van de top 5 over alle notities dat alleen op algemene Nederlandse woorden rust (stopwoorden en de 1000 meest gebruikte woorden), zonder signaal, synoniem of link.)`,
    '',
    'Per lengte van de notitie (hit@1 / hit@3 / MRR, aantal notities):'
  )
  const lengthWidth = Math.max(...LENGTHS.map((l) => l.name.length))
  for (const s of scores) {
    lines.push(`  ${s.name}`)
    for (const b of s.byLength) lines.push(`    ${b.length.padEnd(lengthWidth)}  ${pct(b.hit1)} / ${pct(b.hit3)} / ${pct(b.mrr)}   (${b.cases})`)
  }
  return lines.join('\n')
}

/** Our levels by note length as a table. */
export function levelTable(rows: ReturnType<typeof levelsByLength>): string {
  const width = Math.max(...rows.map((r) => r.length.length))
  const lines = ['Niveaus van onze top 5 per lengte (notities met verwachtingen), en losse notities met iets boven zwak:', `  ${'lengte'.padEnd(width)}  notities  sterk  redelijk  zwak   losse  boven zwak`]
  for (const r of rows) lines.push(`  ${r.length.padEnd(width)}  ${String(r.notes).padStart(8)}  ${String(r.sterk).padStart(5)}  ${String(r.redelijk).padStart(8)}  ${String(r.zwak).padStart(4)}  ${String(r.unrelated).padStart(6)}  ${String(r.unrelatedAboveWeak).padStart(10)}`)
  return lines.join('\n')
}
