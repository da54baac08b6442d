/**
 * The `praktijkwijzer` command.
 */
import { UsageError } from './args.js'
import type { Command, Defaults, Io } from './command.js'
import { check } from './commands/check.js'
import { cite } from './commands/cite.js'
import { graph } from './commands/graph.js'
import { links } from './commands/links.js'
import { privacy } from './commands/privacy.js'
import { report } from './commands/report.js'
import { suggest } from './commands/suggest.js'
import { vault } from './commands/vault.js'
import { cacheDir, codeVersion } from './cache.js'
import { shippedLibrary } from './files.js'
import { printable, printableOutput } from './printable.js'

const COMMANDS: Command[] = [check, graph, suggest, links, cite, report, vault, privacy]

const VERSION = '0.1.0'

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `Praktijkwijzer: forensische best practices uit de BW/MO bij je casusnotities.

Gebruik: praktijkwijzer <opdracht> [opties]

Opdrachten:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

\`praktijkwijzer <opdracht> --help\` geeft de opties van een opdracht.`
}

/**
 * Run the CLI.
 *
 * @param argv Arguments after `praktijkwijzer`.
 * @param io Output streams (default: the process's).
 * @param defaults Defaults such as the library folder.
 * @returns The exit code: 0 fine, 1 problems found, 2 wrong usage.
 */
export async function main(argv: string[], given: Io = processIo(), defaults: Defaults = { library: shippedLibrary(), cache: { dir: cacheDir(), version: codeVersion(VERSION) } }): Promise<number> {
  // Whatever a command prints passes the last guard against control characters from notes and names.
  const io: Io = { ...given, out: (text) => given.out(printableOutput(text)), err: (text) => given.err(printableOutput(text)) }
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${overview()}\n`)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`)
    return 0
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(`praktijkwijzer: onbekende opdracht "${printable(name)}". Kies uit: ${COMMANDS.map((c) => c.name).join(', ')}.\n`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help}\n`)
    return 0
  }
  try {
    return await command.run(rest, io, defaults)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`praktijkwijzer ${command.name}: ${printable(error.message)}\n(zie \`praktijkwijzer ${command.name} --help\`)\n`)
      return 2
    }
    throw error
  }
}

/**
 * The process's streams. A reader that stops early (`praktijkwijzer check | head -1`) closes the pipe:
 * that is no error. The command then writes nothing more, without a stack trace, and still ends with its
 * own exit code (1 when it found errors), as if its whole output had been read.
 */
function processIo(): Io {
  const closed = { out: false, err: false }
  const write = (stream: NodeJS.WriteStream, which: keyof typeof closed) => {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      closed[which] = true
    })
    return (text: string): void => {
      if (!closed[which]) stream.write(text)
    }
  }
  return { out: write(process.stdout, 'out'), err: write(process.stderr, 'err'), cwd: process.cwd() }
}
