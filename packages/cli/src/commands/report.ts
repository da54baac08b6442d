/**
 * `praktijkwijzer report [MAP] --format md|html|csv`: where the library's evidence is strong and where it
 * is thin.
 */
import { basename, resolve } from 'node:path'
import { loadCitations } from '@praktijkwijzer/core'
import { oneOf, parse } from '../args.js'
import type { Command } from '../command.js'
import { loadFolder } from '../files.js'
import { reportCsv } from '../report/csv.js'
import { reportHtml } from '../report/html.js'
import { reportMarkdown } from '../report/markdown.js'
import { buildReport } from '../report/model.js'

const FORMATS = ['md', 'html', 'csv'] as const

export const report: Command = {
  name: 'report',
  help: `Gebruik: praktijkwijzer report [MAP] [--library MAP] [--format md|html|csv]

Schrijft een overzicht van de onderbouwing in de kennisbank naar de standaarduitvoer:
  - per methodiek het bewijs (veld \`bewijs\`) en de literatuur waarnaar ze linkt;
  - de praktijken per grondslag (waar hun advies op rust);
  - praktijken en methodieken zonder literatuur (bij praktijken: of een methodiek die ze toepassen die wel heeft);
  - literatuur waarnaar geen thema, methodiek of praktijk linkt;
  - een tabel thema × methodiek: D als de methodiek het thema zelf noemt, anders het aantal praktijken
    dat bij het thema hoort en de methodiek toepast.
Het HTML-overzicht bevat ook een plaatje van de graaf (SVG) en is één los bestand: het haalt niets van
buiten op.

Opties:
  --library MAP   de kennisbank (standaard de meegeleverde library/)
  --no-cache      de kennisbank helemaal lezen, zonder de opgeslagen index
  --format F      md (Markdown, standaard), html (één los bestand) of csv (één rij per notitie,
                  een kolom per thema)
  -h, --help      deze hulp

Voorbeeld: praktijkwijzer report --format html > onderbouwing.html`,
  async run(argv, io, defaults) {
    const { values, positionals } = parse(argv, { library: { type: 'string' }, 'no-cache': { type: 'boolean' }, format: { type: 'string' } }, 1)
    const format = oneOf(values['format'], FORMATS, '--format') ?? 'md'
    const dir = positionals[0] ?? values['library'] ?? defaults.library
    const library = loadFolder(dir, io, { cache: values['no-cache'] ? false : defaults.cache })
    const model = buildReport(library.graph)
    const title = `Onderbouwing van de kennisbank ${basename(resolve(io.cwd, dir))}`
    if (format === 'csv') io.out(reportCsv(model))
    else if (format === 'html') io.out(reportHtml(model, library.graph, title, await loadCitations()))
    else io.out(reportMarkdown(model, title, await loadCitations()))
    return 0
  }
}
