/** What every command gets and gives. */
import type { CacheOptions } from './cache.js'

/** Where a command writes, and where it runs. */
export interface Io {
  out(text: string): void
  err(text: string): void
  cwd: string
  /** Read all of standard input (default: the process's). */
  stdin?: () => string | Uint8Array
}

/** Defaults shared by all commands. */
export interface Defaults {
  /** The library folder used when the command is given none. */
  library: string
  /** Where the persisted index of a library is kept; absent: none (every note is read). */
  cache?: CacheOptions
}

/** One subcommand of `praktijkwijzer`. */
export interface Command {
  name: string
  /** The whole `--help` text. */
  help: string
  /** Run with the arguments after the command name; returns the exit code. */
  run(argv: string[], io: Io, defaults: Defaults): number | Promise<number>
}
