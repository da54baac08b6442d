/** One way for the CLI tests to run `praktijkwijzer` in-process and collect what it printed. */
import type { CacheOptions } from '../src/cache.js'
import { main } from '../src/main.js'

/** What a run printed and returned. */
export interface Run {
  code: number
  out: string
  err: string
}

/**
 * Where a test run happens: its working folder, its default library, optionally its standard input and
 * its persisted index (without one, every run reads the whole library).
 */
export interface Where {
  cwd: string
  library: string
  stdin?: string | undefined
  cache?: CacheOptions
}

/** Run `praktijkwijzer ...argv` in `where.cwd` with `where.library` as the default library. */
export async function runCli(argv: string[], where: Where): Promise<Run> {
  let out = ''
  let err = ''
  const io = { out: (t: string) => void (out += t), err: (t: string) => void (err += t), cwd: where.cwd, stdin: () => where.stdin ?? '' }
  const code = await main(argv, io, { library: where.library, ...(where.cache ? { cache: where.cache } : {}) })
  return { code, out, err }
}
