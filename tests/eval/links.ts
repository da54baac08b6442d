// `pnpm eval:links`: leave-one-link-out recall@5 and MRR per field of the missing-link proposals, next to
// the MiniSearch-neighbours baseline, and the time per note. `--json` for a machine, `--bijdrage` for what each kind of evidence adds,
// `--alleen-veld` to hide a link in its field only (a link the body also makes stays).
import { evaluateLinks, table } from './links-metrics.js'

export function main(args: string[]): number {
  const result = evaluateLinks(args.includes('--bijdrage'), 1, args.includes('--alleen-veld'))
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result, null, 2)}\n` : `${table(result)}\n`)
  return 0
}
