/**
 * `praktijkwijzer privacy PATH...`: likely personal data in notes (BSN, phone numbers, e-mail addresses,
 * IBANs, addresses, dates of birth, names after a form of address), as `path:line:col  soort  hint`.
 * It only reads: nothing is changed, and the data it finds is not printed (a hook's output may end up in
 * a log), only where it is.
 */
import { statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { checkPrivacy, decodeSource, type PrivacyKind } from '@praktijkwijzer/core'
import { parse, UsageError } from '../args.js'
import type { Command } from '../command.js'
import { readSource, reason, walkMarkdown } from '../files.js'
import { printable } from '../printable.js'

/** One finding as the command reports it. */
interface Reported {
  file: string
  line: number
  column: number
  kind: PrivacyKind
  label: string
  hint: string
  /** `bestandsnaam`: the finding is in the file's path, not its text (line and column are then 0). */
  in?: 'bestandsnaam'
}

/** A file to check, as found on the command line or in a folder. */
interface Found {
  shown: string
  full: string
  /** A symbolic link met in a folder: not followed, reported. */
  link?: 'notitie' | 'map'
}

export const privacy: Command = {
  name: 'privacy',
  help: `Gebruik: praktijkwijzer privacy PAD... [--json]

Zoekt in de notities op PAD (bestanden, of mappen met hun .md-bestanden) naar wat op persoonsgegevens
lijkt: een burgerservicenummer (elfproef), telefoonnummer, e-mailadres, IBAN, postcode met huisnummer,
geboortedatum of een naam na een aanspreekvorm ("dhr. Jan de Vries"; "dhr. K." is een pseudoniem en mag).
Elke vondst staat op een regel als \`pad:regel:kolom  soort  hint\`. Ook de namen van bestanden en mappen
worden gecontroleerd (\`pad  soort in de bestandsnaam  hint\`). De opdracht verandert niets en toont de
gevonden gegevens zelf niet, alleen waar ze staan; in een pad staat op hun plaats de soort, zoals
\`Casussen/[naam].md\`. Symbolische links in een map worden niet gevolgd maar gemeld.

Opties:
  --json          vondsten als JSON: { "findings": [...], "unreadable": [...], "summary": {...} }
  -h, --help      deze hulp

Afsluitcode: 0 niets gevonden, 1 iets gevonden (of een bestand kon niet gelezen worden),
2 verkeerd gebruik. Zo kan de opdracht in een git pre-commit-hook.`,
  run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, Infinity)
    if (positionals.length === 0) throw new UsageError('geef een of meer bestanden of mappen op')
    const findings: Reported[] = []
    const unreadable: Array<{ file: string; message: string }> = []
    const files = positionals.flatMap((p) => filesAt(p, io.cwd, unreadable))
    for (const { shown, full, link } of files) {
      // Personal data in a path is reported like data in the text, and never printed: the path is
      // shown with each finding replaced by its kind.
      const inPath = checkPath(shown)
      const file = masked(shown, inPath)
      for (const f of inPath) findings.push({ file, line: 0, column: 0, kind: f.kind, label: f.label, hint: `${f.hint} Het staat in de naam van het bestand of de map: geef die een andere naam.`, in: 'bestandsnaam' })
      if (link) {
        unreadable.push({ file, message: `dit is een symbolische link naar een ${link}; links in een map worden niet gevolgd. Geef wat de link aanwijst zelf op om het te controleren.` })
        continue
      }
      const decoded = decodeSource(readSource(full), shown)
      if (!decoded.ok) {
        unreadable.push({ file, message: decoded.problem.message })
        continue
      }
      for (const f of checkPrivacy(decoded.text)) findings.push({ file, line: f.line, column: f.column, kind: f.kind, label: f.label, hint: f.hint })
    }
    if (values['json']) {
      io.out(`${JSON.stringify({ findings, unreadable, summary: { files: files.length, findings: findings.length, unreadable: unreadable.length } }, null, 2)}\n`)
    } else {
      for (const f of findings) {
        const where = f.in === 'bestandsnaam' ? `${printable(f.file)}  ${f.label} in de bestandsnaam` : `${printable(f.file)}:${f.line}:${f.column}  ${f.label}`
        io.out(`${where}  ${f.hint}\n`)
      }
      for (const u of unreadable) io.err(`${printable(u.file)}  niet gecontroleerd: ${printable(u.message)}\n`)
      io.out(`${summary(files.length, findings.length)}\n`)
    }
    return findings.length > 0 || unreadable.length > 0 ? 1 : 0
  }
}

/**
 * The files at a path: the file itself, or every `.md` file under a folder (hidden folders skipped), by
 * the one walker of the CLI. Symbolic links in a folder are not followed but returned as such, so that
 * they can be reported; what cannot be read goes to `unreadable`.
 */
function filesAt(path: string, cwd: string, unreadable: Array<{ file: string; message: string }>): Found[] {
  const full = resolve(cwd, path)
  let stat
  try {
    stat = statSync(full)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`bestand of map niet gevonden: ${path}`)
    unreadable.push({ file: path, message: `niet leesbaar: ${reason(error)}.` })
    return []
  }
  const show = (file: string): string => relative(cwd, file).split(sep).join('/') || file
  if (stat.isFile()) return [{ shown: show(full), full }]
  if (!stat.isDirectory()) {
    unreadable.push({ file: path, message: 'niet leesbaar: geen gewoon bestand of map.' })
    return []
  }
  const walk = walkMarkdown(full)
  for (const u of walk.unreadable) {
    const file = show(join(full, u.path))
    const decoded = decodeSource({ unreadable: u.reason }, file)
    if (!decoded.ok) unreadable.push({ file, message: decoded.problem.message })
  }
  return walk.found.map((f) => (f.link ? { shown: show(f.full), full: f.full, link: f.link } : { shown: show(f.full), full: f.full }))
}

/** A finding in a path, with where it stands in the path. */
interface PathFinding {
  kind: PrivacyKind
  label: string
  hint: string
  start: number
  end: number
}

/**
 * Likely personal data in the names of a path's folders and file (`Casussen/dhr. Jan de Vries
 * 06-12345678.md`), each name checked on its own, without the file's `.md`.
 */
function checkPath(path: string): PathFinding[] {
  const found: PathFinding[] = []
  let at = 0
  const parts = path.split('/')
  parts.forEach((part, i) => {
    const name = i === parts.length - 1 ? part.replace(/\.md$/i, '') : part
    if (name !== '.' && name !== '..') {
      for (const f of checkPrivacy(name)) found.push({ kind: f.kind, label: f.label, hint: f.hint, start: at + f.offset, end: at + f.offset + f.text.length })
    }
    at += part.length + 1
  })
  return found
}

/** The path with each finding replaced by its kind: `Casussen/[naam] [telefoonnummer].md`. */
function masked(path: string, findings: PathFinding[]): string {
  let out = ''
  let at = 0
  for (const f of findings) {
    out += `${path.slice(at, f.start)}[${f.label}]`
    at = f.end
  }
  return out + path.slice(at)
}

function summary(files: number, findings: number): string {
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`
  return findings === 0
    ? `${n(files, 'notitie', 'notities')} gecontroleerd: geen persoonsgegevens gevonden.`
    : `${n(files, 'notitie', 'notities')} gecontroleerd: ${n(findings, 'mogelijk persoonsgegeven', 'mogelijke persoonsgegevens')} gevonden. Haal ze weg of vervang ze door een pseudoniem.`
}
