/**
 * Reading reference files (CSL-JSON, BibTeX, RIS) entry by entry, through citation-js's plugins: an entry
 * that cannot be read is reported with its number and line, and the entries around it are read all the
 * same. Input types are always named explicitly, so a URL or DOI in a file is never fetched.
 */
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import type { CSL } from '@citation-js/core'
import { detectExchangeFormat, fromRis, type ExchangeFormat } from './exchange.js'

/** One reference read from a file, with where it stands in it. */
export interface ReadEntry {
  item: CSL
  /** 1-based position of the entry in the file (BibTeX: among its entries, not counting `@string`). */
  number: number
  /** 1-based line where the entry starts (BibTeX and RIS). */
  line?: number
}

/** A part of a file that is not a usable reference, with where it stands and why, in Dutch. */
export interface EntryProblem {
  /** 1-based position of the entry; absent for a BibTeX `@string`. */
  number?: number
  /** 1-based line where the entry starts (BibTeX and RIS). */
  line?: number
  /** The BibTeX key, when the entry has one. */
  key?: string
  /** What is wrong, as the rest of a sentence about the entry: `houdt op voordat …`. */
  message: string
}

/** What {@link readReferences} found: the entries it could read and the ones it could not. */
export interface ReadResult {
  entries: ReadEntry[]
  problems: EntryProblem[]
}

/**
 * Read the references of a file entry by entry: an entry that cannot be read is reported with its
 * number and line, and the entries around it are read all the same.
 *
 * BibTeX is split into entries at each line that starts with `@type{`, so a broken entry (a brace never
 * closed, no key) cannot take the rest of the file with it; `@string` abbreviations apply to the entries
 * after them. RIS is split into records at each `ER  -` line.
 *
 * @param text The file's contents.
 * @param format The format; by default recognised from the text (see {@link detectExchangeFormat}).
 * @returns The entries as CSL-JSON items, in file order, and the problems.
 * @throws Error with a Dutch message when the text as a whole is not in the format (no JSON, an unknown
 *   format).
 */
export function readReferences(text: string, format: ExchangeFormat | undefined = detectExchangeFormat(text)): ReadResult {
  if (format === undefined) throw new Error('Onbekend formaat: verwacht CSL-JSON, BibTeX of RIS.')
  const body = text.replace(/^\uFEFF/, '')
  if (format === 'csl-json') return readCslJson(body)
  return format === 'bibtex' ? readBibtex(body) : readRis(body)
}

/**
 * Read references from a file's text, all or nothing.
 *
 * @param text The file's contents.
 * @param format The format; by default recognised from the text (see {@link detectExchangeFormat}).
 * @returns CSL-JSON items.
 * @throws Error with a Dutch message when the text is not in the format, or one of its entries is not
 *   (see {@link readReferences} to read the others all the same).
 */
export function parseReferences(text: string, format: ExchangeFormat | undefined = detectExchangeFormat(text)): CSL[] {
  const { entries, problems } = readReferences(text, format)
  const first = problems[0]
  if (first !== undefined) {
    const where = [first.line !== undefined ? `regel ${first.line}` : '', first.number !== undefined ? `bron ${first.number}` : ''].filter((w) => w !== '').join(', ')
    throw new Error(`Geen geldige ${NAMES[format ?? 'csl-json']}${where ? ` (${where})` : ''}: de bron${first.key !== undefined ? ` ${first.key}` : ''} ${first.message}`)
  }
  return entries.map((e) => e.item)
}

const NAMES: Record<ExchangeFormat, string> = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' }

function readCslJson(body: string): ReadResult {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch (error) {
    throw new Error(`Geen geldige CSL-JSON: ${(error as Error).message}`)
  }
  const list: unknown[] = Array.isArray(data) ? data : [data]
  const result: ReadResult = { entries: [], problems: [] }
  list.forEach((item, index) => {
    const number = index + 1
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      result.problems.push({ number, message: `is geen object (maar ${item === null ? 'null' : Array.isArray(item) ? 'een lijst' : typeof item}); verwacht een lijst van objecten.` })
      return
    }
    const csl = item as CSL
    result.entries.push({ item: { ...csl, id: csl.id ?? `item-${number}` }, number })
  })
  return result
}

/** A piece of a file: its text and the line it starts on. */
interface Chunk {
  text: string
  line: number
}

/** Cut a text at the starts of its pieces (character offsets), keeping each piece's first line. */
function cut(body: string, starts: number[]): Chunk[] {
  const chunks: Chunk[] = []
  let line = 1
  let at = 0
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number
    for (let j = body.indexOf('\n', at); j !== -1 && j < start; j = body.indexOf('\n', j + 1)) line++
    at = start
    chunks.push({ text: body.slice(start, starts[i + 1] ?? body.length), line })
  }
  return chunks
}

const lineCount = (text: string): number => text.split('\n').length - 1

const ENTRY_START = /^[ \t]*@[ \t]*([A-Za-z]+)[ \t]*[{(]/gm
// Entries parsed together when nothing is wrong; one by one only in a batch that fails.
const BATCH = 100

function readBibtex(body: string): ReadResult {
  const parse = (text: string): CSL[] => plugins.input.chain(text, { forceType: '@biblatex/text', generateGraph: false, maxChainLength: 10, strict: true, target: '@csl/list+object' })
  const starts = [...body.matchAll(ENTRY_START)].map((m) => m.index)
  const result: ReadResult = { entries: [], problems: [] }
  // The @string definitions so far, put before every batch so that the abbreviations resolve.
  let prelude = ''
  let preludeLines = 0
  let number = 0
  let batch: Array<Chunk & { number: number }> = []
  const one = (chunk: Chunk & { number: number }): void => {
    try {
      for (const item of parse(prelude + chunk.text)) result.entries.push({ item, number: chunk.number, line: chunk.line })
    } catch (error) {
      result.problems.push({ number: chunk.number, line: chunk.line, ...bibtexMessage(error, chunk, preludeLines) })
    }
  }
  const flush = (): void => {
    if (batch.length === 0) return
    let items: CSL[] | undefined
    try {
      items = parse(prelude + batch.map((c) => c.text).join(''))
    } catch {
      items = undefined
    }
    // One item per entry: each belongs to its entry. Otherwise (an error, or an entry that holds more
    // than one) entry by entry.
    if (items !== undefined && items.length === batch.length) items.forEach((item, i) => result.entries.push({ item, number: batch[i]?.number ?? 0, line: batch[i]?.line ?? 0 }))
    else for (const chunk of batch) one(chunk)
    batch = []
  }
  for (const chunk of cut(body, starts)) {
    const type = (/^[ \t]*@[ \t]*([A-Za-z]+)/.exec(chunk.text)?.[1] ?? '').toLowerCase()
    if (type === 'comment' || type === 'preamble') continue
    if (type === 'string') {
      flush()
      try {
        parse(prelude + chunk.text)
        prelude += chunk.text.endsWith('\n') ? chunk.text : `${chunk.text}\n`
        preludeLines = lineCount(prelude)
      } catch (error) {
        result.problems.push({ line: chunk.line, ...bibtexMessage(error, chunk, preludeLines) })
      }
      continue
    }
    batch.push({ ...chunk, number: ++number })
    if (batch.length >= BATCH) flush()
  }
  flush()
  return result
}

/** The key and a Dutch message for a BibTeX entry that citation-js could not read. */
function bibtexMessage(error: unknown, chunk: Chunk, preludeLines: number): { key?: string; message: string } {
  const message = String((error as Error)?.message ?? error)
  const key = /^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][ \t]*([^,\s{}()=]*)/.exec(chunk.text)?.[1] ?? ''
  const at = /at line (\d+) col (\d+)/.exec(message)
  const line = at ? chunk.line + Number(at[1]) - 1 - preludeLines : undefined
  let why: string
  if (/expected "label"/.test(message)) why = 'heeft geen sleutel (schrijf @soort{sleutel, ...})'
  else if (/got EOF/.test(message)) why = 'houdt op voordat alles gesloten is: er ontbreekt een } of een "'
  else if (line !== undefined) why = `is hier geen geldige BibTeX: kijk op regel ${line} (een veld schrijf je als naam = {waarde}, gescheiden door komma's)`
  else why = 'is geen geldige BibTeX'
  return { ...(key !== '' ? { key } : {}), message: `${why}. De bron is overgeslagen.` }
}

function readRis(body: string): ReadResult {
  const parse = (text: string): CSL[] => (plugins.input.chain(text, { forceType: '@ris/file', generateGraph: false, maxChainLength: 10, strict: true, target: '@csl/list+object' }) as CSL[]).map(fromRis)
  // A record runs from its first line to its ER line; blank lines between records belong to none.
  const starts: number[] = []
  let inRecord = false
  for (const m of body.matchAll(/^.*$/gm)) {
    const line = m[0]
    if (!inRecord && line.trim() !== '') {
      starts.push(m.index)
      inRecord = true
    }
    if (inRecord && /^ER {2}-/.test(line)) inRecord = false
  }
  const result: ReadResult = { entries: [], problems: [] }
  let batch: Array<Chunk & { number: number }> = []
  const one = (chunk: Chunk & { number: number }): void => {
    if (!/^TY {2}- /.test(chunk.text)) {
      result.problems.push({ number: chunk.number, line: chunk.line, message: 'begint niet met een regel "TY  - " (het soort bron). De bron is overgeslagen.' })
      return
    }
    try {
      for (const item of parse(chunk.text)) result.entries.push({ item, number: chunk.number, line: chunk.line })
    } catch {
      result.problems.push({ number: chunk.number, line: chunk.line, message: 'is geen geldige RIS. De bron is overgeslagen.' })
    }
  }
  const flush = (): void => {
    let items: CSL[] | undefined
    try {
      items = batch.every((c) => /^TY {2}- /.test(c.text)) ? parse(batch.map((c) => c.text).join('')) : undefined
    } catch {
      items = undefined
    }
    if (items !== undefined && items.length === batch.length) items.forEach((item, i) => result.entries.push({ item, number: batch[i]?.number ?? 0, line: batch[i]?.line ?? 0 }))
    else for (const chunk of batch) one(chunk)
    batch = []
  }
  cut(body, starts).forEach((chunk, i) => {
    batch.push({ ...chunk, number: i + 1 })
    if (batch.length >= BATCH) flush()
  })
  if (batch.length > 0) flush()
  return result
}
