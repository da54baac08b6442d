/**
 * The `praktijkwijzer` command.
 */
import { isUsageError } from './args.js'
import type { Command, Defaults, Io } from './command.js'
import { cacheDir, codeVersion, shippedLibrary } from './defaults.js'
import { printable, printableOutput } from './printable.js'

/** A command in the overview: its name, one line, and its code, loaded only when it runs. */
interface Entry {
  name: string
  summary: string
  load: () => Promise<Command>
}

// Each command is imported when it runs: a start evaluates only its own command's code (suggest never
// loads the report's graph layout, the reference formats or the vault's update code).
const COMMANDS: Entry[] = [
  { name: 'check', summary: 'controleer een kennisbank op fouten (velden, links, YAML)', load: async () => (await import('./commands/check.js')).check },
  { name: 'graph', summary: 'de kennisbank als graaf (json, dot of mermaid)', load: async () => (await import('./commands/graph.js')).graph },
  { name: 'suggest', summary: 'praktijken, methodieken, thema\'s en literatuur bij een casusnotitie', load: async () => (await import('./commands/suggest.js')).suggest },
  { name: 'links', summary: 'ontbrekende verbanden van een kennisbanknotitie voorstellen', load: async () => (await import('./commands/links.js')).links },
  { name: 'cite', summary: 'literatuur exporteren (CSL-JSON, BibTeX, RIS, APA) en importeren uit Zotero e.d.', load: async () => (await import('./commands/cite.js')).cite },
  { name: 'report', summary: 'overzicht van de onderbouwing: bewijs, ontbrekende en ongebruikte literatuur (md, html, csv)', load: async () => (await import('./commands/report.js')).report },
  { name: 'vault', summary: 'een teamkluis voor Obsidian maken of bijwerken (kennisbank, plug-in, sjablonen)', load: async () => (await import('./commands/vault.js')).vault },
  { name: 'privacy', summary: 'zoek persoonsgegevens in notities (BSN, telefoon, e-mail, IBAN, adres, geboortedatum, naam)', load: async () => (await import('./commands/privacy.js')).privacy }
]

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
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    io.err(`praktijkwijzer: onbekende opdracht "${printable(name)}". Kies uit: ${COMMANDS.map((c) => c.name).join(', ')}.\n`)
    return 2
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help}\n`)
    return 0
  }
  try {
    return await command.run(rest, io, defaults)
  } catch (error) {
    if (isUsageError(error)) {
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
