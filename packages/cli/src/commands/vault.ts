/**
 * `praktijkwijzer vault DEST [--update]`: make a team vault, or bring one up to date without losing the
 * team's work. The work itself is in `../vault/`.
 */
import { resolve } from 'node:path'
import { parse, UsageError } from '../args.js'
import type { Command } from '../command.js'
import { assembleVault } from '../vault/assemble.js'
import { LIBRARY_FOLDER, shippedSources } from '../vault/layout.js'
import { VaultError } from '../vault/tree.js'
import { STEPS, updateVault, type Step, type Updated } from '../vault/update.js'

export const vault: Command = {
  name: 'vault',
  summary: 'een teamkluis voor Obsidian maken of bijwerken (kennisbank, plug-in, sjablonen)',
  help: `Gebruik: praktijkwijzer vault MAP [--library MAP] [--plugin MAP]
       praktijkwijzer vault MAP --update [--dry-run] [--restore-deleted] [--library MAP] [--plugin MAP]

Zonder --update: maakt in MAP (nieuw of leeg) een kluis voor Obsidian: het sjabloon (instellingen,
Sjablonen/, Casussen/ met een fictief voorbeeld, LEESMIJ.md), de kennisbank in ${LIBRARY_FOLDER}/ en de
gebouwde plug-in in .obsidian/plugins/praktijkwijzer/, met installatie.json: elk geïnstalleerd bestand
met zijn SHA-256.

Met --update: brengt de kennisbank en de plug-in van een bestaande kluis naar de nieuwe versie en
vergelijkt daarvoor drie versies van elke notitie (geïnstalleerd, in de kluis, nieuw):
  - nieuwe notities komen erbij; notities die het team nooit veranderde, worden bijgewerkt;
  - een notitie die het team veranderde, wordt nooit overschreven: verschilt de nieuwe versie, dan komt
    die ernaast als "Naam (nieuwe versie).md" en staat ze bij de conflicten;
  - notities die het team verwijderde, blijven weg (tenzij --restore-deleted);
  - notities die uit de kennisbank verdwenen, worden verwijderd, behalve als het team ze veranderde;
  - buiten ${LIBRARY_FOLDER}/ en de map van de plug-in verandert niets (de instellingen in data.json
    blijven staan).
Alles wordt eerst in MAP/.praktijkwijzer-update/ klaargezet en dan in één keer omgewisseld: een
onderbroken update laat de oude kluis of de nieuwe achter, nooit een mengsel; de volgende run ruimt op.
Sluit Obsidian tijdens het bijwerken.

Opties:
  --update            een bestaande kluis bijwerken
  --dry-run           (met --update) alleen laten zien wat er zou gebeuren
  --restore-deleted   (met --update) door het team verwijderde notities terugzetten
  --library MAP       de kennisbank (standaard de meegeleverde library/)
  --plugin MAP        de gebouwde plug-in (standaard plugin/dist/ na \`pnpm build\`)
  -h, --help          deze hulp

Afsluitcode: 0 gelukt (ook met conflicten: die staan in het overzicht), 1 mislukt (de kluis is dan
onveranderd), 2 verkeerd gebruik (zoals een MAP die niet leeg is zonder --update).`,
  run(argv, io, defaults) {
    const { values, positionals } = parse(
      argv,
      {
        update: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'restore-deleted': { type: 'boolean' },
        library: { type: 'string' },
        plugin: { type: 'string' }
      },
      1
    )
    const target = positionals[0]
    if (target === undefined) throw new UsageError('geef de map van de kluis op')
    const update = values['update'] === true
    for (const flag of ['dry-run', 'restore-deleted'] as const) {
      if (values[flag] && !update) throw new UsageError(`--${flag} hoort bij --update`)
    }
    const library = resolve(io.cwd, (values['library'] as string | undefined) ?? defaults.library)
    const plugin = values['plugin'] === undefined ? undefined : resolve(io.cwd, values['plugin'] as string)
    const sources = shippedSources(library, plugin)
    const dest = resolve(io.cwd, target)
    const started = performance.now()
    try {
      if (!update) {
        const { manifest } = assembleVault(dest, sources)
        const notes = Object.keys(manifest.library.files).length
        const templateFiles = Object.keys(manifest.template.files).length
        io.out(
          `Kluis gemaakt in ${target}: ${notes} bestanden in ${LIBRARY_FOLDER}/, plug-in ${manifest.plugin.version} in ${manifest.plugin.folder}/, ${templateFiles} bestanden uit het sjabloon (${seconds(started)}).\n` +
            `Wat er geïnstalleerd is, met een SHA-256 per bestand, staat in ${manifest.plugin.folder}/installatie.json.\n`
        )
        return 0
      }
      const dryRun = values['dry-run'] === true
      const result = updateVault(dest, sources, { dryRun, restoreDeleted: values['restore-deleted'] === true, ...crashHook() })
      io.out(summary(result, target, dryRun, seconds(started)))
      return 0
    } catch (error) {
      // Our own errors, and what the file system refuses (no permission, disk full, a file in the way).
      if (error instanceof VaultError || (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string')) {
        io.err(`praktijkwijzer vault: ${error.message}\n`)
        return 1
      }
      throw error
    }
  }
}

/**
 * The Dutch report of an update: counts first, then the paths per kind.
 *
 * @param r What the update did.
 * @param target The vault as the user named it.
 * @param dryRun Whether nothing was changed.
 * @param time How long it took.
 */
export function summary(r: Updated, target: string, dryRun: boolean, time: string): string {
  const p = r.plan
  const lines: string[] = []
  if (r.recovered === 'rolled-back') lines.push('Een onderbroken update is eerst teruggedraaid: de kluis stond weer zoals ervoor.')
  if (r.recovered === 'finished') lines.push('Een onderbroken update was al vastgelegd; die is eerst afgerond.')
  if (r.recovered === 'discarded') lines.push('Een onderbroken update had nog niets veranderd; die is eerst opgeruimd.')
  const kept = p.keptChanged.length + p.keptRemoved.length + p.stayDeleted.length
  const anything = r.changed || r.plugin.files.length > 0 || p.added.length + p.updated.length + p.restored.length + p.removed.length + p.conflicts.length > 0
  if (dryRun) lines.push(`Proefrun: er is niets veranderd. Zo zou ${target} worden bijgewerkt (${time}):`)
  else if (!anything) lines.push(`${target} is al bij: niets te doen (${time}).`)
  else lines.push(`${target} is bijgewerkt (${time}):`)
  const folder = r.libraryFolder
  const count = (label: string, n: number, note = ''): string => `  ${label.padEnd(12)} ${String(n).padStart(4)}${note === '' ? '' : `  ${note}`}`
  lines.push(
    count('toegevoegd', p.added.length + p.restored.length, p.restored.length > 0 ? `waarvan ${p.restored.length} teruggezet` : ''),
    count('bijgewerkt', p.updated.length),
    count('conflicten', p.conflicts.length, p.conflicts.length > 0 ? 'de nieuwe versie staat ernaast' : ''),
    count('verwijderd', p.removed.length),
    count('behouden', kept, kept > 0 ? 'door het team gewijzigd of verwijderd' : ''),
    count('ongewijzigd', p.unchanged),
    `  plug-in      ${r.plugin.from === r.plugin.to ? r.plugin.to : `${r.plugin.from} → ${r.plugin.to}`}${r.plugin.files.length > 0 ? ` (${r.plugin.files.join(', ')} ${dryRun ? 'wordt' : 'is'} vernieuwd)` : ', ongewijzigd'}`
  )
  const list = (title: string, items: string[]): void => {
    if (items.length === 0) return
    lines.push('', `${title}:`, ...items.map((i) => `  ${i}`))
  }
  list('Conflicten (neem over wat je wilt uit de nieuwe versie en verwijder die daarna)', p.conflicts.map((c) => `${folder}/${c.path}  →  ${folder}/${c.beside}`))
  list('Toegevoegd', [...p.added, ...p.restored].sort().map((x) => `${folder}/${x}`))
  list('Bijgewerkt', p.updated.map((x) => `${folder}/${x}`))
  list('Verwijderd', p.removed.map((x) => `${folder}/${x}`))
  list('Behouden', [
    ...p.keptChanged.map((x) => `${folder}/${x}  (door het team gewijzigd)`),
    ...p.keptRemoved.map((x) => `${folder}/${x}  (niet meer in de kennisbank, maar door het team gewijzigd)`),
    ...p.stayDeleted.map((x) => `${folder}/${x}  (door het team verwijderd; terugzetten met --restore-deleted)`)
  ])
  return `${lines.join('\n')}\n`
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(2).replace('.', ',')} s`
}

/**
 * For the end-to-end crash tests only: `PRAKTIJKWIJZER_TEST_CRASH_AT=<step>` kills the process at that step
 * of an update, as a power cut or a closed laptop would.
 */
function crashHook(): { fault?: (step: Step) => void } {
  const at = process.env['PRAKTIJKWIJZER_TEST_CRASH_AT']
  if (at === undefined || !(STEPS as readonly string[]).includes(at)) return {}
  return { fault: (step) => void (step === at && process.kill(process.pid, 'SIGKILL')) }
}
