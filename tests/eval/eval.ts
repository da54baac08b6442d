// `pnpm eval`: hit@1, hit@3, recall@5 and MRR for our engine and the two baselines. `--json` for a machine.
import { engines, evaluate, loadCases, table } from './metrics.js'

export function main(args: string[]): number {
  const cases = loadCases()
  const { rankers } = engines()
  const scores = rankers.map((r) => evaluate(r.name, cases, r.rank))
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(scores, null, 2)}\n` : `${table(scores)}\n`)
  if (args.includes('--misses')) {
    const ours = rankers[0]
    for (const c of cases.filter((x) => x.relevant.length > 0)) {
      const r = ours?.rank(c.text)
      if (r && !c.relevant.includes(r.ids[0] ?? '')) process.stdout.write(`\n${c.file}\n  verwacht: ${c.relevant.join(' | ')}\n  kreeg:    ${r.ids.slice(0, 5).join(' | ')}\n`)
    }
  }
  return 0
}
