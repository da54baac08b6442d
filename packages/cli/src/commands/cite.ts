/**
 * `praktijkwijzer cite export|import`: the literature of the library to and from reference managers.
 * Both subcommands share the help text and the library loading, so they stay in one file (about 300
 * lines); the reading and checking of references is in the core (`cite/read.ts`, `cite/csl.ts`).
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import {
  cslToFields,
  detectExchangeFormat,
  DuplicateIndex,
  EXCHANGE_FORMATS,
  literatureFields,
  literatureNoteName,
  literatureNoteText,
  loadCitations,
  parseNote,
  readReferences,
  toCsl,
  writeReferences,
  type EntryProblem,
  type GraphNode,
  type Incomplete,
  type KnowledgeGraph,
  type LiteratureFields,
  type ReadEntry,
  type ReadResult
} from '@praktijkwijzer/core'
import { oneOf, parse, UsageError } from '../args.js'
import type { Command, Defaults, Io } from '../command.js'
import { loadFolder, readInput, readNote } from '../files.js'
import { printable } from '../printable.js'

const EXPORT_FORMATS = [...EXCHANGE_FORMATS, 'apa'] as const

export const cite: Command = {
  name: 'cite',
  help: `Gebruik: praktijkwijzer cite export [--library MAP] [--format csl-json|bibtex|ris|apa] [--for NOTITIE]
       praktijkwijzer cite import BESTAND [--library MAP] [--format csl-json|bibtex|ris] [--dry-run]

export  Schrijft de literatuur van de kennisbank naar de standaarduitvoer, in APA-volgorde.
        --format csl-json (standaard), bibtex, ris (wat Zotero, Mendeley en EndNote lezen) of apa
        (de literatuurlijst volgens APA 7, één bron per regel).
        --for NOTITIE: alleen wat die notitie aanhaalt, direct en via de praktijken en methodieken
        waarnaar ze linkt. NOTITIE is een naam of pad in de kennisbank, of een Markdown-bestand
        daarbuiten, zoals een casusnotitie.

import  Maakt een literatuurnotitie in MAP/literatuur/ voor elke bron in BESTAND (CSL-JSON, BibTeX of
        RIS; het formaat wordt herkend, of geef --format; - leest de standaardinvoer).
        Een bron die er al is (zelfde DOI, of zelfde titel en jaar) wordt overgeslagen en gemeld.
        Een bron die niet te gebruiken is, staat er als onvolledig of ongeldig, met waar ze staat
        (bestand.bib:7: bron 2); de andere bronnen worden gewoon geïmporteerd.
        Een bestaande notitie wordt nooit overschreven: bij een naam die al bestaat krijgt de nieuwe
        notitie een letter erachter (Sturm et al. 2021a).
        --dry-run: laat zien wat er zou gebeuren, zonder iets te schrijven.

Opties:
  --library MAP   de kennisbank (standaard de meegeleverde library/)
  --no-cache      de kennisbank helemaal lezen, zonder de opgeslagen index
  -h, --help      deze hulp

Afsluitcode: 0 in orde, 1 als het bestand niet te lezen is, bronnen onvolledig (geen titel, jaar of
auteur) of ongeldig zijn, of een notitie niet geschreven kon worden; 2 bij verkeerd gebruik.`,
  run(argv, io, defaults) {
    const [sub, ...rest] = argv
    if (sub === 'export') return exportReferences(rest, io, defaults)
    if (sub === 'import') return importReferences(rest, io, defaults)
    throw new UsageError(sub === undefined ? 'kies export of import' : `onbekende deelopdracht "${sub}"; kies export of import`)
  }
}

async function exportReferences(argv: string[], io: Io, defaults: Defaults): Promise<number> {
  const { values } = parse(argv, { library: { type: 'string' }, 'no-cache': { type: 'boolean' }, format: { type: 'string' }, for: { type: 'string' } }, 0)
  const format = oneOf(values['format'], EXPORT_FORMATS, '--format') ?? 'csl-json'
  const dir = values['library'] ?? defaults.library
  const graph = loadFolder(dir, io, { cache: values['no-cache'] ? false : defaults.cache }).graph
  const target = values['for']
  const nodes = target === undefined ? graph.nodes('literatuur') : literatureFor(graph, target, resolve(io.cwd, dir), io)
  // APA order (and the APA entries) need the citation engine; an empty list does not.
  const sorted = nodes.length === 0 ? [] : (await loadCitations()).bibliography(nodes)
  if (format === 'apa') io.out(sorted.map((b) => `${printable(b.entry)}\n`).join(''))
  else io.out(writeReferences(sorted.map((b) => toCsl(b.node)), format))
  if (target !== undefined && nodes.length === 0) io.err(`praktijkwijzer cite: ${target} haalt geen literatuur aan, ook niet via praktijken of methodieken.\n`)
  return 0
}

/**
 * The literature a note cites: what it links directly, and what the practices and methods it links
 * cite. The note is a file (inside or outside the library) or a name, alias or path in the library.
 */
function literatureFor(graph: KnowledgeGraph, ref: string, root: string, io: Io): GraphNode[] {
  let targets: GraphNode[]
  const file = resolve(io.cwd, ref)
  const inside = relative(root, file).split(sep).join('/')
  const own = existsSync(file) && statSync(file).isFile() ? graph.byPath(inside) : undefined
  if (own) {
    targets = [own, ...graph.neighbours(own.path, { direction: 'out' })]
  } else if (existsSync(file) && statSync(file).isFile()) {
    const read = readNote(ref, io)
    if (!read.ok) throw new UsageError(read.message)
    const note = parseNote(read.text, basename(file))
    targets = note.links.flatMap((link) => {
      const r = graph.resolve(link.target)
      return r.status === 'resolved' ? [r.node] : []
    })
  } else {
    const r = graph.resolve(ref.replace(/\.md$/i, ''))
    if (r.status === 'broken') throw new UsageError(`notitie niet gevonden: ${ref}`)
    if (r.status === 'ambiguous') throw new UsageError(`"${ref}" past op meer dan één notitie: ${r.candidates.map((c) => c.path).join(', ')}`)
    targets = [r.node, ...graph.neighbours(r.node.path, { direction: 'out' })]
  }
  const found = new Map<string, GraphNode>()
  for (const node of targets) {
    if (node.type === 'literatuur') found.set(node.path, node)
    if (node.type === 'praktijk' || node.type === 'methodiek') {
      for (const lit of graph.neighbours(node.path, { direction: 'out', type: 'literatuur' })) found.set(lit.path, lit)
    }
  }
  return [...found.values()]
}

const MISSING: Record<Incomplete, string> = {
  'no-title': 'geen titel',
  'no-year': 'geen (bruikbaar) jaartal',
  'no-author': 'geen auteur, redacteur of uitgever'
}

/** A reference already in the library or made by this import, for duplicate detection. */
interface Known {
  label: string
  fields: LiteratureFields
  here: boolean
}

/**
 * Import the references of a file as new literatuur notes. Every entry is accounted for on its own line,
 * in file order, as it is done: created (or would be), skipped as a duplicate, incomplete, invalid, or not
 * written; so an import that stops half-way still shows what it made. The summary always follows.
 */
function importReferences(argv: string[], io: Io, defaults: Defaults): number {
  const { values, positionals } = parse(argv, { library: { type: 'string' }, 'no-cache': { type: 'boolean' }, format: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1)
  const file = positionals[0]
  if (file === undefined) throw new UsageError('geef het bestand om te importeren (CSL-JSON, BibTeX of RIS)')
  const format = oneOf(values['format'], EXCHANGE_FORMATS, '--format')
  const dryRun = values['dry-run'] === true
  const dir = values['library'] ?? defaults.library
  const library = loadFolder(dir, io, { cache: values['no-cache'] ? false : defaults.cache })
  const text = readInput(file === '-' ? file : resolve(io.cwd, file))
  const fail = (message: string): number => {
    io.err(`praktijkwijzer cite import: ${printable(message)}\n`)
    return 1
  }
  const detected = format ?? detectExchangeFormat(text)
  if (detected === undefined) return fail(`kan het formaat van ${file} niet herkennen; geef --format csl-json, bibtex of ris.`)
  let read: ReadResult
  try {
    read = readReferences(text, detected)
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`)
  }
  if (read.entries.length === 0 && read.problems.length === 0) return fail(`geen bronnen gevonden in ${file}.`)

  const shownFile = file === '-' ? 'invoer' : file
  const fileName = file === '-' ? 'de standaardinvoer' : basename(file)
  const folder = join(resolve(io.cwd, dir), 'literatuur')
  const names = new FreeNames(library.graph.nodes().map((n) => n.note.name))
  if (existsSync(folder) && statSync(folder).isDirectory()) for (const name of readdirSync(folder)) names.take(name.replace(/\.md$/i, ''))
  const known = new DuplicateIndex<Known>(library.graph.nodes('literatuur').map((node) => ({ label: node.path, fields: literatureFields(node.note.frontmatter, node.title), here: false })))

  const count = { created: 0, duplicates: 0, incomplete: 0, invalid: 0, failed: 0 }
  const say = (status: string, rest: string): void => io.out(`${status.padEnd(13)} ${printable(rest)}\n`)
  // `onebad.bib:7: bron 2`, `a.json: bron 3`: where an entry stands, as editors jump to it.
  const where = (entry: { number?: number; line?: number }): string => `${shownFile}${entry.line !== undefined ? `:${entry.line}` : ''}:${entry.number !== undefined ? ` bron ${entry.number}` : ''}`
  let stopped: string | undefined

  // Entries and problems in file order.
  const steps: Array<{ entry: ReadEntry } | { problem: EntryProblem }> = [...read.entries.map((entry) => ({ entry })), ...read.problems.map((problem) => ({ problem }))]
  const position = (s: (typeof steps)[number]): number => ('entry' in s ? (s.entry.line ?? s.entry.number) : (s.problem.line ?? s.problem.number ?? 0))
  steps.sort((a, b) => position(a) - position(b))

  for (const step of steps) {
    if ('problem' in step) {
      count.invalid++
      const { key, message } = step.problem
      say('ongeldig', `${where(step.problem)}${step.problem.number === undefined ? ' @string' : ''}${key !== undefined ? ` (${key})` : ''} ${message}`)
      continue
    }
    const { entry } = step
    if (stopped !== undefined) {
      count.failed++
      continue
    }
    try {
      const result = cslToFields(entry.item)
      if ('invalid' in result) {
        count.invalid++
        say('ongeldig', `${where(entry)} (${describe(entry.item.title, entry.item.id)}): ${result.invalid}. De bron is overgeslagen.`)
        continue
      }
      if ('missing' in result) {
        count.incomplete++
        say('onvolledig', `${where(entry)} (${describe(entry.item.title, entry.item.id)}): ${MISSING[result.missing]}`)
        continue
      }
      const fields = result.fields
      const base = literatureNoteName(fields)
      const duplicate = known.find(fields)
      if (duplicate) {
        count.duplicates++
        const how = duplicate.reason === 'doi' ? 'zelfde DOI' : 'zelfde titel en jaar'
        say('overgeslagen', `${base}: ${duplicate.match.here ? `staat eerder in ${fileName} (${how})` : `staat al in de kennisbank als ${duplicate.match.label} (${how})`}`)
        continue
      }
      const name = names.free(base)
      const rel = `literatuur/${name}.md`
      if (!dryRun) {
        const note = literatureNoteText(fields, { name, body: `Geïmporteerd uit ${fileName}. Beschrijf hier waarvoor de bron gebruikt wordt, en link haar vanuit de praktijken en methodieken die ze onderbouwt.` })
        try {
          mkdirSync(folder, { recursive: true })
        } catch (error) {
          stopped = `de map ${join(dir, 'literatuur')} kan niet gemaakt worden (${reason(error)})`
          count.failed++
          continue
        }
        try {
          // "wx": fail instead of overwriting, also when the file appeared after the check above.
          writeFileSync(join(folder, `${name}.md`), note, { flag: 'wx' })
        } catch (error) {
          names.take(name)
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
            count.duplicates++
            say('overgeslagen', `${name}: ${rel} bestaat al en wordt niet overschreven`)
          } else {
            count.failed++
            say('mislukt', `${rel}: niet geschreven (${reason(error)})`)
          }
          continue
        }
      }
      names.take(name)
      known.add({ label: rel, fields, here: true })
      count.created++
      say(dryRun ? 'zou aanmaken' : 'aangemaakt', `${rel}${name !== base ? ` (${base} bestaat al)` : ''}`)
    } catch (error) {
      // Whatever goes wrong with one entry, the others are still done and the summary still comes.
      count.invalid++
      say('ongeldig', `${where(entry)}: kon niet verwerkt worden (${(error as Error).message}). De bron is overgeslagen.`)
    }
  }
  if (stopped !== undefined) io.err(`praktijkwijzer cite import: gestopt: ${printable(stopped)}; ${count.failed} bronnen niet geschreven.\n`)
  const n = (amount: number, one: string, many: string): string => `${amount} ${amount === 1 ? one : many}`
  const extra = [count.invalid > 0 ? `${count.invalid} ongeldig` : '', count.failed > 0 ? `${count.failed} niet geschreven` : ''].filter((e) => e !== '').map((e) => `, ${e}`).join('')
  io.out(
    `${n(count.created, dryRun ? 'notitie zou worden aangemaakt' : 'notitie aangemaakt', dryRun ? 'notities zouden worden aangemaakt' : 'notities aangemaakt')}, ${n(count.duplicates, 'overgeslagen omdat ze er al is', 'overgeslagen omdat ze er al zijn')}, ${count.incomplete} onvolledig${extra}${dryRun ? ' (proef: niets geschreven)' : ''}.\n`
  )
  return count.incomplete + count.invalid + count.failed > 0 ? 1 : 0
}

/**
 * Note names in use, compared without case, and the next free name for a base: `Menger 2018`, then
 * `Menger 2018a`, `2018b`, …; the search for a base goes on where it stopped, so that a thousand entries
 * of one author and year take linear time.
 */
class FreeNames {
  private readonly taken = new Set<string>()
  private readonly next = new Map<string, number>()

  constructor(names: Iterable<string>) {
    for (const name of names) this.take(name)
  }

  take(name: string): void {
    this.taken.add(name.toLowerCase())
  }

  /** The base, or with a letter after it (`2021a`, `2021b`, ..., then `2021 27`, ...) when that is taken. */
  free(base: string): string {
    const key = base.toLowerCase()
    if (!this.taken.has(key)) return base
    for (let i = this.next.get(key) ?? 0; ; i++) {
      const name = `${base}${i < 26 ? String.fromCharCode(97 + i) : String(i - 25)}`
      if (!this.taken.has(name.toLowerCase())) {
        this.next.set(key, i)
        return name
      }
    }
  }
}

/** Why a file could not be written, in Dutch. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  const dutch: Record<string, string> = {
    EACCES: 'geen toestemming om te schrijven',
    EPERM: 'geen toestemming om te schrijven',
    EROFS: 'de schijf is alleen-lezen',
    ENOSPC: 'de schijf is vol',
    EDQUOT: 'de schijfruimte is op',
    ENAMETOOLONG: 'de naam is te lang',
    ENOTDIR: 'een deel van het pad is geen map',
    EISDIR: 'er staat een map met die naam'
  }
  return (code !== undefined ? dutch[code] : undefined) ?? (error as Error).message
}

function describe(title: unknown, id: unknown): string {
  const text = typeof title === 'string' && title.trim() !== '' ? title.trim() : String(id ?? '')
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
