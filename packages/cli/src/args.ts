/**
 * Argument parsing with Dutch messages: unknown flags and missing values are usage errors (exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A usage error: the message is shown with a hint to `--help`, and the exit code is 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>

/** Parsed arguments. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

/**
 * Parse the arguments of one command.
 *
 * @param argv The arguments after the command name.
 * @param options The flags the command takes (`help` is added).
 * @param maxPositionals How many positional arguments it takes.
 */
export function parse(argv: string[], options: Options, maxPositionals: number): Parsed {
  let parsed: Parsed
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as Parsed
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
export function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} verwacht een positief geheel getal, niet "${String(value)}"`)
  return n
}

/** One of a fixed set of values from a flag, or a usage error. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`${flag} verwacht een van: ${allowed.join(', ')} (niet "${String(value)}")`)
}
