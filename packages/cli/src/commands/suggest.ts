/**
 * `praktijkwijzer suggest NOTE.md`: what the library offers for a case note, best first, with reasons.
 */
import { loadCitations, type SuggestResult } from '@praktijkwijzer/core'
import { oneOf, parse, positiveInt, UsageError } from '../args.js'
import type { Command } from '../command.js'
import { openFolder, readNote } from '../files.js'
import { printable } from '../printable.js'

const TYPES = ['praktijk', 'methodiek', 'thema'] as const

export const suggest: Command = {
  name: 'suggest',
  help: `Gebruik: praktijkwijzer suggest NOTITIE.md [opties]
       praktijkwijzer suggest - < notitie.md

Rangschikt de praktijken, methodieken en thema's van de kennisbank naar hoe goed ze passen bij de
casusnotitie, elk met een niveau (sterk, redelijk of zwak), de zin uit de kennisbank die past bij jouw
woorden, de reden (welke woorden, in welk veld, via welke link) en de literatuur erachter.
Met - leest de opdracht de notitie van de standaardinvoer. De notitie blijft op je eigen machine.

Opties:
  --library MAP      de kennisbank (standaard de meegeleverde library/)
  --no-cache         de kennisbank helemaal lezen, zonder de opgeslagen index
  --json             uitvoer als JSON: { "suggestions": [...], "literature": [...] }
  --limit N          hoogstens N suggesties (standaard 10)
  --type SOORT       alleen praktijk, methodiek of thema (herhaal of scheid met komma's)
  --min-score S      suggesties onder S (0-1) weglaten (standaard 0,25)
  --stats            tijden en aantallen tonen
  -h, --help         deze hulp`,
  async run(argv, io, defaults) {
    const { values, positionals } = parse(
      argv,
      {
        library: { type: 'string' },
        'no-cache': { type: 'boolean' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        type: { type: 'string', multiple: true },
        'min-score': { type: 'string' },
        stats: { type: 'boolean' }
      },
      1
    )
    const file = positionals[0]
    if (file === undefined) throw new UsageError('geef de casusnotitie op (een bestand, of - voor de standaardinvoer)')
    const limit = positiveInt(values['limit'], '--limit') ?? 10
    const types = (values['type'] ?? []).flatMap((t) => t.split(',')).map((t) => oneOf(t.trim(), TYPES, '--type'))
    const minScore = values['min-score'] === undefined ? undefined : score(values['min-score'])
    // The case note goes through the core's decoder, as library notes do: binary, UTF-16, other encodings
    // and oversized files are refused with their own message.
    const note = readNote(file, io)
    if (!note.ok) {
      io.err(`praktijkwijzer suggest: ${note.message}\n`)
      return 1
    }
    const text = note.text

    const started = performance.now()
    const opened = openFolder(values['library'] ?? defaults.library, io, { cache: values['no-cache'] ? false : defaults.cache })
    const { library } = opened
    const loaded = performance.now()
    library.buildIndex()
    const indexed = performance.now()
    const options = { limit, stats: values['stats'] === true, ...(types.length > 0 ? { types } : {}), ...(minScore !== undefined ? { minScore } : {}) }
    const found = library.suggest(text, options)
    // The library gives each source's authors, year and title; the APA reference needs the citation
    // engine, which takes a while to start: only when there is literature to print whose reference the
    // persisted index does not hold yet.
    const known = (path: string): string | undefined => {
      const hash = library.hashOf(path)
      return hash === undefined ? undefined : opened.references.get(hash)
    }
    const citations = found.literature.some((l) => known(l.path) === undefined) ? await loadCitations() : undefined
    const cited = (path: string, brief: string): string => {
      const node = library.graph.byPath(path)
      const memo = known(path)
      if (memo !== undefined || !node || !citations) return memo ?? brief
      const reference = citations.reference(node)
      const hash = library.hashOf(path)
      if (hash !== undefined) opened.remember(hash, reference)
      return reference
    }
    const result: SuggestResult = { ...found, literature: found.literature.map((l) => ({ ...l, citation: cited(l.path, l.citation) })) }
    const timings = { loadMs: round(loaded - started), indexMs: round(indexed - loaded), notes: library.graph.size }

    if (values['json']) {
      const out: SuggestResult & { stats?: object } = { ...result }
      if (result.stats) out.stats = { ...result.stats, ...timings }
      io.out(`${JSON.stringify(out, null, 2)}\n`)
    } else {
      io.out(formatResult(result))
      if (result.stats) {
        const s = result.stats
        io.out(`\n${timings.notes} notities geladen in ${timings.loadMs} ms, index in ${timings.indexMs} ms; vraag: ${s.totalMs} ms (analyse ${s.analyzeMs} ms, rangschikking ${s.rankMs} ms), ${s.queryTerms} zoektermen, ${s.indexed} notities in de index.\n`)
      }
    }
    // After the output: the user has the answer before the index is written.
    opened.save()
    return 0
  }
}

/** The ranked list as text for a terminal. */
export function formatResult(result: SuggestResult): string {
  if (result.suggestions.length === 0) return 'Geen passende praktijken, methodieken of thema\'s gevonden voor deze notitie.\n'
  const lines: string[] = []
  const width = result.suggestions.reduce((max, s) => Math.max(max, s.type.length), 0)
  const indent = ' '.repeat(width + 12)
  result.suggestions.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${dutchScore(s.score)}  ${s.type.padEnd(width)}  ${s.title}  (${s.level})`)
    if (s.evidence) lines.push(`${indent}bewijs: ${s.evidence}`)
    if (s.grondslag) lines.push(`${indent}grondslag: ${s.grondslag}`)
    const passage = s.passages[0]
    if (passage) lines.push(`${indent}jij schreef "${oneLine(passage.quote)}" — ${passage.field}: "${oneLine(passage.text)}"`)
    if (s.why.length > 0) lines.push(`${indent}${s.why.join(' · ')}`)
  })
  if (result.literature.length > 0) {
    lines.push('', 'Literatuur:')
    for (const l of result.literature) lines.push(`  - ${l.citation}`, `    ${l.why.join(' · ')}`)
  }
  return `${lines.map(printable).join('\n')}\n`
}

/** A passage on one line: its line breaks and runs of white space as one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function dutchScore(n: number): string {
  return n.toFixed(2).replace('.', ',')
}

function score(value: string): number {
  const n = Number(value.replace(',', '.'))
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`--min-score verwacht een getal van 0 tot 1, niet "${value}"`)
  return n
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
