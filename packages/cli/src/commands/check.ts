/**
 * `praktijkwijzer check [DIR]`: every problem of a library, and exit code 1 when there are errors.
 */
import { join, relative, resolve } from 'node:path'
import type { Problem } from '@praktijkwijzer/core'
import { parse } from '../args.js'
import { loadFolder } from '../files.js'
import type { Command } from '../command.js'
import { printable } from '../printable.js'

export const check: Command = {
  name: 'check',
  help: `Gebruik: praktijkwijzer check [MAP] [--library MAP] [--json] [--quiet]

Leest elke .md-notitie in MAP (standaard: --library, anders de meegeleverde kennisbank) en toont elk
probleem als \`pad:regel:kolom  niveau  melding\`, met een samenvatting.

Opties:
  --library MAP   de kennisbank (standaard de meegeleverde library/)
  --no-cache      de kennisbank helemaal lezen, zonder de opgeslagen index
  --json          problemen als JSON: { "problems": [...], "summary": {...} }
  --quiet         alleen fouten, geen waarschuwingen
  -h, --help      deze hulp

Afsluitcode: 0 zonder fouten, 1 bij fouten, 2 bij verkeerd gebruik.`,
  run(argv, io, defaults) {
    const { values, positionals } = parse(argv, { library: { type: 'string' }, 'no-cache': { type: 'boolean' }, json: { type: 'boolean' }, quiet: { type: 'boolean' } }, 1)
    const dir = positionals[0] ?? values['library'] ?? defaults.library
    const library = loadFolder(dir, io, { quiet: true, cache: values['no-cache'] ? false : defaults.cache })
    const all = library.problems()
    const problems = values['quiet'] ? all.filter((p) => p.level === 'error') : all
    const errors = all.filter((p) => p.level === 'error').length
    const warnings = all.length - errors
    const notes = library.graph.size
    if (values['json']) {
      io.out(`${JSON.stringify({ problems, summary: { notes, errors, warnings } }, null, 2)}\n`)
    } else {
      for (const p of problems) io.out(`${formatProblem(p, dir, io.cwd)}\n`)
      io.out(`${summary(notes, errors, warnings)}\n`)
    }
    return errors > 0 ? 1 : 0
  }
}

/** `path:line:col  level  message`, with the path relative to the working directory. */
export function formatProblem(p: Problem, dir: string, cwd: string): string {
  const path = relative(cwd, resolve(cwd, join(dir, p.file))) || p.file
  const level = p.level === 'error' ? 'fout' : 'waarschuwing'
  return printable(`${path}:${p.line}:${p.column}  ${level}  ${p.message}`)
}

function summary(notes: number, errors: number, warnings: number): string {
  const n = (count: number, one: string, many: string): string => `${count.toLocaleString('nl-NL')} ${count === 1 ? one : many}`
  return `${n(notes, 'notitie', 'notities')} gelezen: ${n(errors, 'fout', 'fouten')}, ${n(warnings, 'waarschuwing', 'waarschuwingen')}.`
}
