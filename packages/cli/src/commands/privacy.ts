/**
 * `praktijkwijzer privacy PATH...`: likely personal data in notes (BSN, phone numbers, e-mail addresses,
 * IBANs, addresses, dates of birth, names after a form of address), as `path:line:col  soort  hint`.
 * It only reads: nothing is changed, and the data it finds is not printed (a hook's output may end up in
 * a log), only where it is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { checkPrivacy, decodeNote, DEFAULT_MAX_BYTES, type PrivacyKind } from '@praktijkwijzer/core'
import { parse, UsageError } from '../args.js'
import type { Command } from '../command.js'

/** One finding as the command reports it. */
interface Reported {
  file: string
  line: number
  column: number
  kind: PrivacyKind
  label: string
  hint: string
}

export const privacy: Command = {
  name: 'privacy',
  summary: 'zoek persoonsgegevens in notities (BSN, telefoon, e-mail, IBAN, adres, geboortedatum, naam)',
  help: `Gebruik: praktijkwijzer privacy PAD... [--json]

Zoekt in de notities op PAD (bestanden, of mappen met hun .md-bestanden) naar wat op persoonsgegevens
lijkt: een burgerservicenummer (elfproef), telefoonnummer, e-mailadres, IBAN, postcode met huisnummer,
geboortedatum of een naam na een aanspreekvorm ("dhr. Jan de Vries"; "dhr. K." is een pseudoniem en mag).
Elke vondst staat op een regel als \`pad:regel:kolom  soort  hint\`. De opdracht verandert niets en
toont de gevonden gegevens zelf niet, alleen waar ze staan.

Opties:
  --json          vondsten als JSON: { "findings": [...], "unreadable": [...], "summary": {...} }
  -h, --help      deze hulp

Afsluitcode: 0 niets gevonden, 1 iets gevonden (of een bestand kon niet gelezen worden),
2 verkeerd gebruik. Zo kan de opdracht in een git pre-commit-hook.`,
  run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, Infinity)
    if (positionals.length === 0) throw new UsageError('geef een of meer bestanden of mappen op')
    const files = positionals.flatMap((p) => filesAt(p, io.cwd))
    const findings: Reported[] = []
    const unreadable: Array<{ file: string; message: string }> = []
    for (const { shown, full } of files) {
      const size = statSync(full).size
      const decoded = size > DEFAULT_MAX_BYTES ? undefined : decodeNote(readFileSync(full), shown)
      if (!decoded?.ok) {
        unreadable.push({ file: shown, message: decoded?.problem.message ?? 'Dit bestand is te groot om te controleren.' })
        continue
      }
      for (const f of checkPrivacy(decoded.text)) findings.push({ file: shown, line: f.line, column: f.column, kind: f.kind, label: f.label, hint: f.hint })
    }
    if (values['json']) {
      io.out(`${JSON.stringify({ findings, unreadable, summary: { files: files.length, findings: findings.length, unreadable: unreadable.length } }, null, 2)}\n`)
    } else {
      for (const f of findings) io.out(`${f.file}:${f.line}:${f.column}  ${f.label}  ${f.hint}\n`)
      for (const u of unreadable) io.err(`${u.file}  niet gecontroleerd: ${u.message}\n`)
      io.out(`${summary(files.length, findings.length)}\n`)
    }
    return findings.length > 0 || unreadable.length > 0 ? 1 : 0
  }
}

/** The files at a path: the file itself, or every `.md` file under a folder (hidden folders skipped). */
function filesAt(path: string, cwd: string): Array<{ shown: string; full: string }> {
  const full = resolve(cwd, path)
  let stat
  try {
    stat = statSync(full)
  } catch {
    throw new UsageError(`bestand of map niet gevonden: ${path}`)
  }
  const show = (file: string): string => relative(cwd, file).split(sep).join('/') || file
  if (stat.isFile()) return [{ shown: show(full), full }]
  const files: Array<{ shown: string; full: string }> = []
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const child = join(folder, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.push({ shown: show(child), full: child })
    }
  }
  walk(full)
  return files
}

function summary(files: number, findings: number): string {
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`
  return findings === 0
    ? `${n(files, 'notitie', 'notities')} gecontroleerd: geen persoonsgegevens gevonden.`
    : `${n(files, 'notitie', 'notities')} gecontroleerd: ${n(findings, 'mogelijk persoonsgegeven', 'mogelijke persoonsgegevens')} gevonden. Haal ze weg of vervang ze door een pseudoniem.`
}
