/**
 * The `praktijkwijzer` command.
 */
import { UsageError } from './args.js'
import type { Command, Defaults, Io } from './command.js'
import { check } from './commands/check.js'
import { cite } from './commands/cite.js'
import { graph } from './commands/graph.js'
import { privacy } from './commands/privacy.js'
import { report } from './commands/report.js'
import { suggest } from './commands/suggest.js'
import { vault } from './commands/vault.js'
import { shippedLibrary } from './files.js'

const COMMANDS: Command[] = [check, graph, suggest, cite, report, vault, privacy]

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
export async function main(argv: string[], io: Io = processIo(), defaults: Defaults = { library: shippedLibrary() }): Promise<number> {
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
    io.err(`praktijkwijzer: onbekende opdracht "${name}". Kies uit: ${COMMANDS.map((c) => c.name).join(', ')}.\n`)
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
      io.err(`praktijkwijzer ${command.name}: ${error.message}\n(zie \`praktijkwijzer ${command.name} --help\`)\n`)
      return 2
    }
    throw error
  }
}

function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    cwd: process.cwd()
  }
}
