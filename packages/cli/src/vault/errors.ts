/**
 * The one error type of the vault code, and the Dutch sentences for what the file system refuses.
 */

/** Options for {@link VaultError}. */
export interface ErrorOptions {
  /** A usage error (a folder that is not empty, a vault that does not exist): exit code 2 instead of 1. */
  usage?: boolean
}

/** An error of `praktijkwijzer vault` whose message is meant for the user (in Dutch, with the path and what to do). */
export class VaultError extends Error {
  /** Whether this is wrong usage (exit code 2) rather than a failure (exit code 1). */
  readonly usage: boolean

  constructor(message: string, options: ErrorOptions = {}) {
    super(message)
    this.name = 'VaultError'
    this.usage = options.usage ?? false
  }
}

/** The error code of a Node.js file-system error, if it is one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/**
 * What went wrong, in one Dutch clause, for a file-system error: `geen toestemming (EACCES)`, `de schijf is
 * vol (ENOSPC)`. Anything else keeps its own message.
 *
 * @param error What was thrown.
 */
export function describe(error: unknown): string {
  if (error instanceof VaultError) return error.message
  const code = errorCode(error)
  const text = code === undefined ? undefined : CAUSES[code]
  if (text !== undefined) return `${text} (${code})`
  return error instanceof Error ? error.message : String(error)
}

/**
 * A file-system error as a {@link VaultError}: what was being done, to which path, why it failed, and what to
 * do about it. A {@link VaultError} passes through unchanged.
 *
 * @param error What was thrown.
 * @param doing What was being done, as a Dutch phrase (`"kan niet schrijven in"`).
 * @param path The path it was done to.
 */
export function fsFailure(error: unknown, doing: string, path: string): VaultError {
  if (error instanceof VaultError) return error
  const code = errorCode(error)
  const advice = code === undefined ? undefined : ADVICE[code]
  return new VaultError(`${doing} ${path}: ${describe(error)}.${advice === undefined ? '' : ` ${advice}`}`)
}

const CAUSES: Record<string, string> = {
  EACCES: 'geen toestemming',
  EPERM: 'niet toegestaan',
  EROFS: 'de schijf is alleen-lezen',
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'de schijfruimte van deze gebruiker is op',
  ENOENT: 'bestaat niet (meer)',
  ENOTDIR: 'een deel van het pad is een bestand, geen map',
  EISDIR: 'is een map, geen bestand',
  EEXIST: 'bestaat al',
  ENOTEMPTY: 'de map is niet leeg',
  EBUSY: 'is in gebruik door een ander programma',
  EMFILE: 'te veel open bestanden',
  ENFILE: 'te veel open bestanden',
  ENAMETOOLONG: 'de naam is te lang',
  ELOOP: 'is een symbolische koppeling (of een kring van koppelingen)',
  EXDEV: 'ligt op een andere schijf dan de kluis',
  EIO: 'leesfout of schrijffout van de schijf',
  ETXTBSY: 'is in gebruik',
  ERR_FS_FILE_TOO_LARGE: 'het bestand is te groot om in te lezen',
  ERR_FS_CP_FIFO_PIPE: 'is een FIFO, geen gewoon bestand',
  ERR_FS_CP_SOCKET: 'is een socket, geen gewoon bestand',
  ERR_FS_CP_UNKNOWN: 'is geen gewoon bestand of map'
}

const ADVICE: Record<string, string> = {
  EACCES: 'Geef jezelf schrijfrechten op de kluis (of draai de opdracht als de eigenaar van de map).',
  EPERM: 'Geef jezelf schrijfrechten op de kluis, of sluit het programma dat het bestand vasthoudt (Obsidian, een synchronisatieprogramma of een virusscanner).',
  EROFS: 'Zet de kluis op een schijf waarop je mag schrijven.',
  ENOSPC: 'Maak ruimte vrij en probeer het opnieuw.',
  EDQUOT: 'Maak ruimte vrij en probeer het opnieuw.',
  EBUSY: 'Sluit Obsidian en andere programma’s die in de kluis werken, en probeer het opnieuw.',
  EMFILE: 'Sluit andere programma’s en probeer het opnieuw.',
  ENFILE: 'Sluit andere programma’s en probeer het opnieuw.',
  ENAMETOOLONG: 'Geef het bestand of de map een kortere naam.',
  EXDEV: 'Zet de map in de kluis zelf (geen koppeling of gekoppelde schijf).',
  EIO: 'Controleer de schijf en probeer het opnieuw.'
}
