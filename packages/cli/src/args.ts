/**
 * Argument parsing with Dutch messages: unknown flags and missing values are usage errors (exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/**
 * A usage error: the message is shown with a hint to `--help`, and the exit code is 2. `main` tells it by
 * its name ({@link isUsageError}): each command is its own bundle, with its own copy of this class.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** Whether an error is a {@link UsageError}, from whichever bundle it was thrown. */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError'
}

/** The flags a command takes, as `node:util` describes them. */
export type Options = NonNullable<ParseArgsConfig['options']>

/** Parsed arguments, typed by the flags: `string` flags give strings, `boolean` flags booleans. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O & { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true; strict: true }>>

/**
 * Parse the arguments of one command.
 *
 * @param argv The arguments after the command name.
 * @param options The flags the command takes (`help` is added).
 * @param maxPositionals How many positional arguments it takes.
 */
export function parse<const O extends Options>(argv: string[], options: O, maxPositionals: number): Parsed<O> {
  let parsed: Parsed<O>
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } as const }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(dutch(error as Error & { code?: string }))
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`onverwacht argument: ${parsed.positionals.slice(maxPositionals).join(' ')}`)
  }
  return parsed
}

function dutch(error: Error & { code?: string }): string {
  const flag = /'([^']+)'/.exec(error.message)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `onbekende optie ${flag.split(' ')[0]}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `optie ${flag.split(' ')[0]} verwacht een waarde`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `onverwacht argument ${flag}`
    default:
      return error.message
  }
}

/** A whole number from a flag, or a usage error. */
export function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} verwacht een positief geheel getal, niet "${String(value)}"`)
  return n
}

/** One of a fixed set of values from a flag (`undefined` when the flag is absent), or a usage error. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${flag} verwacht een van: ${allowed.join(', ')} (niet "${String(value)}")`)
}
