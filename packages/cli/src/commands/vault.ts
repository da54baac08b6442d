/**
 * `praktijkwijzer vault DEST [--update]`: make a team vault, or bring one up to date without losing the
 * team's work. The work itself is in `../vault/`.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse, UsageError } from '../args.js'
import type { Command } from '../command.js'
import { assembleVault } from '../vault/assemble.js'
import { describe, errorCode, VaultError } from '../vault/errors.js'
import { LIBRARY_FOLDER, shippedSources } from '../vault/layout.js'
import type { Moved } from '@praktijkwijzer/core'
import { kindName } from '../vault/tree.js'
import { recoverVault, STEPS, updateVault, type Recovery, type Step, type Updated } from '../vault/update.js'

export const vault: Command = {
  name: 'vault',
  help: `Gebruik: praktijkwijzer vault MAP [--library MAP] [--plugin MAP]
       praktijkwijzer vault MAP --update [--dry-run] [--restore-deleted] [--adopt] [--library MAP] [--plugin MAP]
       praktijkwijzer vault MAP --recover

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
  - een notitie die het team verplaatste, wordt op haar nieuwe plek bijgewerkt;
  - bijwerken schrijft nooit via een symbolische koppeling: staat er een koppeling (of een map) waar een
    notitie komt, dan komt de nieuwe versie ernaast, of wordt ze overgeslagen en gemeld;
  - buiten ${LIBRARY_FOLDER}/ en de map van de plug-in verandert niets (de instellingen in data.json
    blijven staan).
Regeleinden (CRLF of LF) en de Unicode-vorm van bestandsnamen tellen niet als wijziging.
Alles wordt eerst in MAP/.praktijkwijzer-update/ klaargezet en dan in één keer omgewisseld: een
onderbroken update laat de oude kluis of de nieuwe achter, nooit een mengsel; de volgende run ruimt op.
Verandert er tijdens het klaarzetten iets in de kluis, dan begint de update opnieuw. Twee updates
tegelijk kan niet: de tweede weigert. Sluit Obsidian tijdens het bijwerken.

Opties:
  --update            een bestaande kluis bijwerken
  --dry-run           (met --update) alleen laten zien wat er zou gebeuren
  --restore-deleted   (met --update) door het team verwijderde notities terugzetten
  --adopt             (met --update) een kluis zonder (bruikbare) installatie.json voorzichtig
                      overnemen: elke notitie die afwijkt van de nieuwe, blijft staan met de nieuwe ernaast
  --recover           een onderbroken update afronden of terugdraaien, ook als zijn proces nog lijkt
                      te lopen (alleen als je zeker weet dat er geen update meer loopt)
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
        adopt: { type: 'boolean' },
        recover: { type: 'boolean' },
        library: { type: 'string' },
        plugin: { type: 'string' }
      },
      1
    )
    const target = positionals[0]
    if (target === undefined) throw new UsageError('geef de map van de kluis op')
    const update = values.update === true
    for (const flag of ['dry-run', 'restore-deleted', 'adopt'] as const) {
      if (values[flag] && !update) throw new UsageError(`--${flag} hoort bij --update`)
    }
    const recover = values.recover === true
    if (recover && update) throw new UsageError('--recover gaat niet samen met --update: draai eerst --recover, daarna --update')
    const library = resolve(io.cwd, values.library ?? defaults.library)
    const plugin = values.plugin === undefined ? undefined : resolve(io.cwd, values.plugin)
    const sources = shippedSources(library, plugin)
    const dest = resolve(io.cwd, target)
    const started = performance.now()
    try {
      if (recover) {
        io.out(`${recovered(recoverVault(dest, { force: true }), target)}\n`)
        return 0
      }
      if (!update) {
        const { beforeRename } = testHooks()
        const { manifest } = assembleVault(dest, sources, beforeRename === undefined ? {} : { beforeRename })
        const notes = Object.keys(manifest.library.files).length
        const templateFiles = Object.keys(manifest.template.files).length
        io.out(
          `Kluis gemaakt in ${target}: ${notes} bestanden in ${LIBRARY_FOLDER}/, plug-in ${manifest.plugin.version} in ${manifest.plugin.folder}/, ${templateFiles} bestanden uit het sjabloon (${seconds(started)}).\n` +
            `Wat er geïnstalleerd is, met een SHA-256 per bestand, staat in ${manifest.plugin.folder}/installatie.json.\n`
        )
        return 0
      }
      const dryRun = values['dry-run'] === true
      const { fault } = testHooks()
      const result = updateVault(dest, sources, { dryRun, restoreDeleted: values['restore-deleted'] === true, adopt: values.adopt === true, ...(fault === undefined ? {} : { fault }) })
      io.out(summary(result, target, dryRun, seconds(started)))
      return 0
    } catch (error) {
      if (error instanceof VaultError) {
        io.err(`praktijkwijzer vault: ${error.message}\n${error.usage ? '(zie `praktijkwijzer vault --help`)\n' : ''}`)
        return error.usage ? 2 : 1
      }
      // A file-system error that the vault code did not expect: still one Dutch line, never a stack trace.
      if (errorCode(error) !== undefined) {
        io.err(`praktijkwijzer vault: onverwachte fout: ${describe(error)}\n`)
        return 1
      }
      throw error
    }
  }
}

/** The Dutch line for what `--recover` did. */
function recovered(r: Recovery, target: string): string {
  switch (r) {
    case 'none':
      return `In ${target} was geen onderbroken update; er is niets veranderd.`
    case 'discarded':
      return `De onderbroken update in ${target} had nog niets veranderd; de werkmap is opgeruimd.`
    case 'rolled-back':
      return `De onderbroken update in ${target} is teruggedraaid: de kluis staat weer zoals ervoor.`
    case 'rolled-forward':
      return `De onderbroken update in ${target} is afgerond: in de nieuwe versie was al gewerkt, terugdraaien zou dat werk weggooien.`
    case 'finished':
      return `De onderbroken update in ${target} was al vastgelegd; die is afgerond.`
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
  if (r.recovered === 'rolled-forward') lines.push('Een onderbroken update is eerst afgerond: in de nieuwe versie was al gewerkt, terugdraaien zou dat werk weggooien.')
  if (r.recovered === 'finished') lines.push('Een onderbroken update was al vastgelegd; die is eerst afgerond.')
  if (r.recovered === 'discarded') lines.push('Een onderbroken update had nog niets veranderd; die is eerst opgeruimd.')
  if (r.adopted) lines.push('Zonder bruikbare installatie.json overgenomen: elke notitie die afwijkt van de nieuwe kennisbank geldt als gewijzigd door het team.')
  if (r.replanned.length > 0) {
    const shown = r.replanned.length <= 5 ? r.replanned.join(', ') : `${r.replanned.slice(0, 5).join(', ')} en ${r.replanned.length - 5} meer`
    lines.push(`Tijdens het klaarzetten veranderde er iets in de kluis (${shown}); de update is opnieuw gepland, met die wijzigingen.`)
  }
  const kept = p.keptChanged.length + p.keptRemoved.length + p.stayDeleted.length
  const anything = r.changed || r.plugin.files.length > 0 || p.added.length + p.updated.length + p.restored.length + p.removed.length + p.conflicts.length + p.blocked.length > 0
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
    count('ongewijzigd', p.unchanged)
  )
  if (p.moved.length > 0) lines.push(count('verplaatst', p.moved.length, 'door het team; gevolgd naar de nieuwe plek'))
  if (p.blocked.length > 0) lines.push(count('overgeslagen', p.blocked.length, 'er staat iets in de weg; zie hieronder'))
  lines.push(`  plug-in      ${r.plugin.from === r.plugin.to ? r.plugin.to : `${r.plugin.from} → ${r.plugin.to}`}${r.plugin.files.length > 0 ? ` (${r.plugin.files.join(', ')} ${dryRun ? 'wordt' : 'is'} vernieuwd)` : ', ongewijzigd'}`)
  const list = (title: string, items: string[]): void => {
    if (items.length === 0) return
    // One push per line: spreading a list of 100,000+ files as arguments overflows the stack (F8).
    lines.push('', `${title}:`)
    for (const item of items) lines.push(`  ${item}`)
  }
  const why: Record<string, string> = {
    changed: '',
    case: '  (een bestand met bijna dezelfde naam, alleen hoofdletters verschillen)',
    link: '  (daar staat een symbolische koppeling; bijwerken schrijft er nooit doorheen)',
    folder: '  (daar staat een map)',
    other: '  (daar staat een bijzonder bestand)'
  }
  list('Conflicten (neem over wat je wilt uit de nieuwe versie en verwijder die daarna)', p.conflicts.map((c) => `${folder}/${c.path}  →  ${folder}/${c.beside}${why[c.reason] ?? ''}`))
  list('Toegevoegd', [...p.added, ...p.restored].sort().map((x) => `${folder}/${x}`))
  list('Bijgewerkt', p.updated.map((x) => `${folder}/${x}`))
  list('Verwijderd', p.removed.map((x) => `${folder}/${x}`))
  list('Verplaatst door het team', p.moved.map((m) => `${folder}/${m.from}  →  ${folder}/${m.to}  (${MOVED[m.action]})`))
  list('Behouden', [
    ...p.keptChanged.map((x) => `${folder}/${x}  (door het team gewijzigd)`),
    ...p.keptRemoved.map((x) => `${folder}/${x}  (niet meer in de kennisbank, maar door het team gewijzigd)`),
    ...p.stayDeleted.map((x) => `${folder}/${x}  (door het team verwijderd; terugzetten met --restore-deleted)`)
  ])
  list(
    'Overgeslagen (los dit op en draai de update opnieuw)',
    p.blocked.map((b) => `${folder}/${b.path}  (${folder}/${b.at} is een ${kindName(b.kind)}, geen map; bijwerken ${b.kind === 'link' ? 'schrijft nooit via een koppeling' : 'schrijft er niet overheen'})`)
  )
  return `${lines.join('\n')}\n`
}

const MOVED: Record<Moved['action'], string> = {
  updated: 'op de nieuwe plek bijgewerkt',
  unchanged: 'al bij',
  kept: 'door het team gewijzigd of niet meer in de kennisbank; blijft staan',
  conflict: 'de nieuwe versie staat ernaast'
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(2).replace('.', ',')} s`
}

/**
 * For the end-to-end tests only. `PRAKTIJKWIJZER_TEST_CRASH_AT=<step>` kills the process at that step of an
 * update (or `assembled`: just before a new vault is renamed into place), as a power cut or a closed laptop
 * would. `PRAKTIJKWIJZER_TEST_PAUSE_AT=<step>` with `PRAKTIJKWIJZER_TEST_PAUSE_FILE=<path>` stops there,
 * as a laptop going to sleep would: it writes `<path>.paused` and waits until `<path>` exists.
 */
function testHooks(): { fault?: (step: Step) => void; beforeRename?: () => void } {
  const crash = process.env['PRAKTIJKWIJZER_TEST_CRASH_AT']
  const pause = process.env['PRAKTIJKWIJZER_TEST_PAUSE_AT']
  const file = process.env['PRAKTIJKWIJZER_TEST_PAUSE_FILE']
  const steps = STEPS as readonly string[]
  const hooks: { fault?: (step: Step) => void; beforeRename?: () => void } = {}
  if (crash === 'assembled') hooks.beforeRename = () => void process.kill(process.pid, 'SIGKILL')
  if ((crash !== undefined && steps.includes(crash)) || (pause !== undefined && file !== undefined && steps.includes(pause))) {
    hooks.fault = (step) => {
      if (step === crash) process.kill(process.pid, 'SIGKILL')
      if (step === pause && file !== undefined) {
        writeFileSync(`${file}.paused`, step)
        const sleeper = new Int32Array(new SharedArrayBuffer(4))
        for (let waited = 0; !existsSync(file) && waited < 60_000; waited += 20) Atomics.wait(sleeper, 0, 0, 20)
      }
    }
  }
  return hooks
}
