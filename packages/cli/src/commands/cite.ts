/**
 * `praktijkwijzer cite export|import`: the literature of the library to and from reference managers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import {
  apaBibliography,
  cslToFields,
  detectExchangeFormat,
  EXCHANGE_FORMATS,
  findDuplicate,
  literatureFields,
  literatureNoteName,
  literatureNoteText,
  parseNote,
  parseReferences,
  toCsl,
  writeReferences,
  type GraphNode,
  type Incomplete,
  type KnowledgeGraph,
  type LiteratureFields
} from '@praktijkwijzer/core'
import { oneOf, parse, UsageError } from '../args.js'
import type { Command, Defaults, Io } from '../command.js'
import { loadFolder, readInput } from '../files.js'

const EXPORT_FORMATS = [...EXCHANGE_FORMATS, 'apa'] as const

export const cite: Command = {
  name: 'cite',
  summary: 'literatuur exporteren (CSL-JSON, BibTeX, RIS, APA) en importeren uit Zotero e.d.',
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
        Een bestaande notitie wordt nooit overschreven: bij een naam die al bestaat krijgt de nieuwe
        notitie een letter erachter (Sturm et al. 2021a).
        --dry-run: laat zien wat er zou gebeuren, zonder iets te schrijven.

Opties:
  --library MAP   de kennisbank (standaard de meegeleverde library/)
  -h, --help      deze hulp

Afsluitcode: 0 in orde, 1 als het bestand niet te lezen is of bronnen onvolledig zijn (geen titel, jaar
of auteur), 2 bij verkeerd gebruik.`,
  run(argv, io, defaults) {
    const [sub, ...rest] = argv
    if (sub === 'export') return exportReferences(rest, io, defaults)
    if (sub === 'import') return importReferences(rest, io, defaults)
    throw new UsageError(sub === undefined ? 'kies export of import' : `onbekende deelopdracht "${sub}"; kies export of import`)
  }
}

function exportReferences(argv: string[], io: Io, defaults: Defaults): number {
  const { values } = parse(argv, { library: { type: 'string' }, format: { type: 'string' }, for: { type: 'string' } }, 0)
  const format = oneOf(values['format'], EXPORT_FORMATS, '--format') ?? 'csl-json'
  const dir = (values['library'] as string | undefined) ?? defaults.library
  const graph = loadFolder(dir, io.cwd).graph
  const target = values['for'] as string | undefined
  const nodes = target === undefined ? graph.nodes('literatuur') : literatureFor(graph, target, resolve(io.cwd, dir), io.cwd)
  const sorted = apaBibliography(nodes)
  if (format === 'apa') io.out(sorted.map((b) => `${b.entry}\n`).join(''))
  else io.out(writeReferences(sorted.map((b) => toCsl(b.node)), format))
  if (target !== undefined && nodes.length === 0) io.err(`praktijkwijzer cite: ${target} haalt geen literatuur aan, ook niet via praktijken of methodieken.\n`)
  return 0
}

/**
 * The literature a note cites: what it links directly, and what the practices and methods it links
 * cite. The note is a file (inside or outside the library) or a name, alias or path in the library.
 */
function literatureFor(graph: KnowledgeGraph, ref: string, root: string, cwd: string): GraphNode[] {
  let targets: GraphNode[]
  const file = resolve(cwd, ref)
  const inside = relative(root, file).split(sep).join('/')
  const own = existsSync(file) && statSync(file).isFile() ? graph.byPath(inside) : undefined
  if (own) {
    targets = [own, ...graph.neighbours(own.path, { direction: 'out' })]
  } else if (existsSync(file) && statSync(file).isFile()) {
    const note = parseNote(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'), basename(file))
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
  'no-year': 'geen jaartal',
  'no-author': 'geen auteur, redacteur of uitgever'
}

function importReferences(argv: string[], io: Io, defaults: Defaults): number {
  const { values, positionals } = parse(argv, { library: { type: 'string' }, format: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1)
  const file = positionals[0]
  if (file === undefined) throw new UsageError('geef het bestand om te importeren (CSL-JSON, BibTeX of RIS)')
  const format = oneOf(values['format'], EXCHANGE_FORMATS, '--format')
  const dryRun = values['dry-run'] === true
  const dir = (values['library'] as string | undefined) ?? defaults.library
  const library = loadFolder(dir, io.cwd)
  const text = readInput(file === '-' ? file : resolve(io.cwd, file))
  const fail = (message: string): number => {
    io.err(`praktijkwijzer cite import: ${message}\n`)
    return 1
  }
  const detected = format ?? detectExchangeFormat(text)
  if (detected === undefined) return fail(`kan het formaat van ${file} niet herkennen; geef --format csl-json, bibtex of ris.`)
  let items
  try {
    items = parseReferences(text, detected)
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`)
  }
  if (items.length === 0) return fail(`geen bronnen gevonden in ${file}.`)

  const folder = join(resolve(io.cwd, dir), 'literatuur')
  const taken = new Set(library.graph.nodes().map((n) => n.note.name.toLowerCase()))
  if (existsSync(folder)) for (const name of readdirSync(folder)) taken.add(name.replace(/\.md$/i, '').toLowerCase())
  const known: Array<{ label: string; fields: LiteratureFields; here: boolean }> = library.graph
    .nodes('literatuur')
    .map((node) => ({ label: node.path, fields: literatureFields(node.note.frontmatter, node.title), here: false }))

  let created = 0
  let duplicates = 0
  let incomplete = 0
  const lines: string[] = []
  for (const item of items) {
    const result = cslToFields(item)
    if (!('fields' in result)) {
      incomplete++
      lines.push(`onvolledig    ${describe(item.title, item.id)}: ${MISSING[result.missing]}`)
      continue
    }
    const fields = result.fields
    const base = literatureNoteName(fields)
    const duplicate = findDuplicate(fields, known)
    if (duplicate) {
      duplicates++
      const how = duplicate.reason === 'doi' ? 'zelfde DOI' : 'zelfde titel en jaar'
      const where = duplicate.match.here ? `staat eerder in ${basename(file)} (${how})` : `staat al in de kennisbank als ${duplicate.match.label} (${how})`
      lines.push(`overgeslagen  ${base}: ${where}`)
      continue
    }
    const name = freeName(base, taken)
    const rel = `literatuur/${name}.md`
    const note = literatureNoteText(fields, { name, body: `Geïmporteerd uit ${basename(file)}. Beschrijf hier waarvoor de bron gebruikt wordt, en link haar vanuit de praktijken en methodieken die ze onderbouwt.` })
    if (!dryRun) {
      mkdirSync(folder, { recursive: true })
      try {
        // "wx": fail instead of overwriting, also when the file appeared after the check above.
        writeFileSync(join(folder, `${name}.md`), note, { flag: 'wx' })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        duplicates++
        lines.push(`overgeslagen  ${name}: ${rel} bestaat al en wordt niet overschreven`)
        continue
      }
    }
    taken.add(name.toLowerCase())
    known.push({ label: rel, fields, here: true })
    created++
    lines.push(`${dryRun ? 'zou aanmaken ' : 'aangemaakt   '} ${rel}${name !== base ? ` (${base} bestaat al)` : ''}`)
  }
  for (const line of lines) io.out(`${line}\n`)
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`
  io.out(
    `${n(created, dryRun ? 'notitie zou worden aangemaakt' : 'notitie aangemaakt', dryRun ? 'notities zouden worden aangemaakt' : 'notities aangemaakt')}, ${n(duplicates, 'overgeslagen omdat ze er al is', 'overgeslagen omdat ze er al zijn')}, ${incomplete} onvolledig${dryRun ? ' (proef: niets geschreven)' : ''}.\n`
  )
  return incomplete > 0 ? 1 : 0
}

/** The name, or with a letter after it (`2021a`, `2021b`, ...) when a note of that name exists. */
function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base
  for (let i = 0; ; i++) {
    const suffix = i < 26 ? String.fromCharCode(97 + i) : String(i - 25)
    const name = `${base}${suffix}`
    if (!taken.has(name.toLowerCase())) return name
  }
}

function describe(title: unknown, id: unknown): string {
  const text = typeof title === 'string' && title.trim() !== '' ? title.trim() : String(id ?? '')
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
