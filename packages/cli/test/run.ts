/** One way for the CLI tests to run `praktijkwijzer` in-process and collect what it printed. */
import { main } from '../src/main.js'

/** What a run printed and returned. */
export interface Run {
  code: number
  out: string
  err: string
}

/** Where a test run happens: its working folder, its default library, and optionally its standard input. */
export interface Where {
  cwd: string
  library: string
  stdin?: string | undefined
}

/** Run `praktijkwijzer ...argv` in `where.cwd` with `where.library` as the default library. */
export async function runCli(argv: string[], where: Where): Promise<Run> {
  let out = ''
  let err = ''
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), cwd: where.cwd, stdin: () => where.stdin ?? '' }
  const code = await main(argv, io, { library: where.library })
  return { code, out, err }
}
