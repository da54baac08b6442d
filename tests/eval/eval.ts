// `pnpm eval`: hit@1, hit@3, recall@5, MRR, literature recall, quiet and noise for our engine and the two
// baselines, the same by note length, and our levels by note length. `--json` for a machine.
import { engines, evaluate, levelsByLength, levelTable, loadCases, table } from './metrics.js'

export function main(args: string[]): number {
  const cases = loadCases()
  const { rankers } = engines()
  const scores = rankers.map((r) => evaluate(r.name, cases, r.rank))
  const levels = rankers[0] ? levelsByLength(cases, rankers[0].rank) : []
  process.stdout.write(args.includes('--json') ? `${JSON.stringify({ scores, levels }, null, 2)}\n` : `${table(scores)}\n\n${levelTable(levels)}\n`)
  if (args.includes('--misses')) {
    const ours = rankers[0]
    for (const c of cases.filter((x) => x.relevant.length > 0)) {
      const r = ours?.rank(c.text)
      if (r && !c.relevant.includes(r.ids[0] ?? '')) process.stdout.write(`\n${c.file}\n  verwacht: ${c.relevant.join(' | ')}\n  kreeg:    ${r.ids.slice(0, 5).join(' | ')}\n`)
    }
  }
  return 0
}
