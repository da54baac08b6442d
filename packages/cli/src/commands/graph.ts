/**
 * `praktijkwijzer graph [DIR] --format json|dot|mermaid`: the typed graph for researchers and tools.
 */
import { formatGraph, GRAPH_FORMATS } from '@praktijkwijzer/core'
import { oneOf, parse } from '../args.js'
import { loadFolder } from '../files.js'
import type { Command } from '../command.js'

export const graph: Command = {
  name: 'graph',
  help: `Gebruik: praktijkwijzer graph [MAP] [--library MAP] [--format json|dot|mermaid] [--typed]

Schrijft de notities met een type en hun verbindingen (hoort bij, past toe, onderbouwd door, verwant aan,
verwijst naar) naar de standaarduitvoer.

Opties:
  --library MAP   de kennisbank (standaard de meegeleverde library/)
  --no-cache      de kennisbank helemaal lezen, zonder de opgeslagen index
  --format F      json (standaard), dot (Graphviz) of mermaid
  --typed         alleen verbindingen uit velden, niet de losse links in de tekst
  -h, --help      deze hulp`,
  run(argv, io, defaults) {
    const { values, positionals } = parse(argv, { library: { type: 'string' }, 'no-cache': { type: 'boolean' }, format: { type: 'string' }, typed: { type: 'boolean' } }, 1)
    const format = oneOf(values['format'], GRAPH_FORMATS, '--format') ?? 'json'
    const dir = positionals[0] ?? values['library'] ?? defaults.library
    const library = loadFolder(dir, io, { cache: values['no-cache'] ? false : defaults.cache })
    io.out(formatGraph(library.graph, format, { typedOnly: values['typed'] === true }))
    return 0
  }
}
