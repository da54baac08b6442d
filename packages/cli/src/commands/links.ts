/**
 * `praktijkwijzer links NOTE`: the links a library note is probably missing, per field, with reasons;
 * `praktijkwijzer links --all`: the strongest over the whole library, for a review round.
 */
import { relative, resolve, sep } from 'node:path'
import type { Library, LinkProposal } from '@praktijkwijzer/core'
import { oneOf, parse, positiveInt, UsageError } from '../args.js'
import type { Command } from '../command.js'
import { openFolder, shownPath } from '../files.js'
import { printable } from '../printable.js'

const FIELDS = ['thema', 'methodiek', 'literatuur', 'gerelateerd'] as const

export const links: Command = {
  name: 'links',
  help: `Gebruik: praktijkwijzer links NOTITIE [opties]
       praktijkwijzer links --all [opties]

Stelt voor welke links een notitie uit de kennisbank waarschijnlijk mist, per veld (thema, methodiek,
literatuur, gerelateerd), met de redenen: welke lijkende notities de link ook hebben, welke notitie al
naar deze notitie linkt, welk pad door de graaf erheen leidt, wat de teksten delen. Links die er al
staan (in een veld of in de tekst), de notitie zelf en notities van de verkeerde soort worden nooit
voorgesteld. NOTITIE is het bestand (bijvoorbeeld library/praktijken/X.md) of de naam zoals in een link.
Met --all: de sterkste voorstellen uit de hele kennisbank, voor een reviewronde. Er verandert niets.

Opties:
  --library MAP      de kennisbank (standaard de meegeleverde library/)
  --no-cache         de kennisbank helemaal lezen, zonder de opgeslagen index
  --json             uitvoer als JSON: { "missing": [ { "field", "target", "path", "score", "level", "why" } ] }
  --field VELD       alleen thema, methodiek, literatuur of gerelateerd
  --limit N          hoogstens N voorstellen per veld (met --all: in totaal; standaard 5, met --all 30)
  --all              de hele kennisbank
  -h, --help         deze hulp`,
  run(argv, io, defaults) {
    const { values, positionals } = parse(
      argv,
      { library: { type: 'string' }, 'no-cache': { type: 'boolean' }, json: { type: 'boolean' }, field: { type: 'string' }, limit: { type: 'string' }, all: { type: 'boolean' } },
      1
    )
    const all = values['all'] === true
    const given = positionals[0]
    if (all && given !== undefined) throw new UsageError('geef een notitie óf --all, niet allebei')
    if (!all && given === undefined) throw new UsageError('geef de notitie uit de kennisbank op (bestand of naam), of --all')
    const field = oneOf(values['field'], FIELDS, '--field')
    const limit = positiveInt(values['limit'], '--limit') ?? (all ? 30 : 5)
    const dir = values['library'] ?? defaults.library
    const opened = openFolder(dir, io, { cache: values['no-cache'] ? false : defaults.cache })
    const { library } = opened
    library.buildIndex()
    opened.save()
    const options = { limit, ...(field ? { field } : {}) }

    if (all) {
      const missing = library.allMissingLinks({ ...options, perNote: 3 })
      if (values['json']) io.out(`${JSON.stringify({ missing }, null, 2)}\n`)
      else io.out(formatAll(missing, (p) => shownPath(dir, p, io.cwd)))
      return 0
    }
    const path = notePath(library, given as string, dir, io.cwd)
    const node = library.graph.byPath(path)
    if (node?.type !== 'praktijk' && node?.type !== 'methodiek' && node?.type !== 'thema') {
      io.err(`praktijkwijzer links: ${printable(given as string)} is een ${node?.type ?? 'notitie zonder type'}-notitie; alleen praktijk-, methodiek- en themanotities hebben linkvelden.\n`)
      return 1
    }
    const missing = library.missingLinks(path, options)
    if (values['json']) io.out(`${JSON.stringify({ missing }, null, 2)}\n`)
    else io.out(formatNote(node.title, missing))
    return 0
  }
}

/** The library path of the note the user named: a file in the library folder, or a link target. */
function notePath(library: Library, given: string, dir: string, cwd: string): string {
  const file = relative(resolve(cwd, dir), resolve(cwd, given)).split(sep).join('/')
  if (library.graph.byPath(file)) return file
  const r = library.graph.resolve(given.replace(/^\[\[|\]\]$/g, '').replace(/\.md$/, ''))
  if (r.status === 'resolved') return r.node.path
  if (r.status === 'ambiguous') throw new UsageError(`"${given}" past op meer dan één notitie (${r.candidates.map((c) => c.path).join(', ')}); geef het pad`)
  throw new UsageError(`geen notitie "${given}" in de kennisbank ${dir}`)
}

/** The proposals for one note, per field, as text for a terminal. */
export function formatNote(title: string, missing: LinkProposal[]): string {
  if (missing.length === 0) return `Geen ontbrekende verbanden gevonden voor ${title}.\n`
  const lines = [`Mogelijk ontbrekende verbanden van ${title}:`]
  let field = ''
  for (const p of missing) {
    if (p.field !== field) {
      field = p.field
      lines.push('', `${field}:`)
    }
    lines.push(`  ${dutchScore(p.score)}  ${p.level.padEnd(8)}  [[${p.target}]]`)
    for (const why of p.why) lines.push(`                    - ${why}`)
  }
  return `${lines.map(printable).join('\n')}\n`
}

/** The strongest proposals of the library, as text for a terminal. */
export function formatAll(missing: Array<LinkProposal & { note: string }>, shown: (path: string) => string): string {
  if (missing.length === 0) return 'Geen ontbrekende verbanden gevonden in de kennisbank.\n'
  const lines = ['De sterkste voorstellen voor ontbrekende verbanden in de kennisbank:']
  missing.forEach((p, i) => {
    lines.push('', `${String(i + 1).padStart(2)}. ${dutchScore(p.score)}  ${p.level}  ${shown(p.note)}`, `    ${p.field}: [[${p.target}]]`)
    for (const why of p.why) lines.push(`    - ${why}`)
  })
  return `${lines.map(printable).join('\n')}\n`
}

function dutchScore(n: number): string {
  return n.toFixed(2).replace('.', ',')
}
