// The fast Markdown scanner (src/note/scan-markdown.ts) against micromark: a note read with the scanner
// must be exactly the note micromark gives (sections, items, text, links, tags, problems, every line and
// column), on every note we have and on generated Markdown. SCAN_RUNS sets the property's runs (default
// 1,500; SCAN_RUNS=20000 for a long run).
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { decodeSource } from '../src/note/decode.js'
import { frontmatterEnd } from '../src/note/frontmatter.js'
import { parseNoteTree, type Note } from '../src/note/parse.js'
import { mayHoldTable, scanMarkdown } from '../src/note/scan-markdown.js'
import { Library } from '../src/library.js'
import { syntheticLibrary } from '../../../tests/bench/synthetic.js'
import { badCorpus } from '../../../tests/hardening/corpus.js'
import { CASES_DIR } from '../../../tests/eval/metrics.js'
import { LIBRARY, ROOT, readMarkdown } from '../../../tests/lib/files.js'

const RUNS = Number(process.env['SCAN_RUNS'] ?? 1500)

/**
 * A note without its frontmatter fields: both ways read them with the same function from the same text
 * (`frontmatterRaw` is compared), and a YAML alias bomb would make a deep comparison take minutes.
 */
const withoutFields = (note: Note): Omit<Note, 'frontmatter'> => {
  const rest: Partial<Note> = { ...note }
  delete rest.frontmatter
  return rest as Omit<Note, 'frontmatter'>
}
const scanned = (text: string, path = 'Notitie.md'): Omit<Note, 'frontmatter'> => withoutFields(parseNoteTree(text, path, { scan: true }).note)
const micromark = (text: string, path = 'Notitie.md'): Omit<Note, 'frontmatter'> => withoutFields(parseNoteTree(text, path).note)

/** Whether the scanner reads the whole body itself (no piece left to micromark). */
const scansWhole = (text: string): boolean => scanMarkdown(text.slice(frontmatterEnd(text))) !== undefined

describe('the scanner on every note we have', () => {
  const library = readMarkdown(LIBRARY)
  const corpora: Array<[string, Array<{ path: string; text: string }>]> = [
    ['library', library],
    ['vault-template', readMarkdown(`${ROOT}/vault-template`)],
    ['eval cases', readMarkdown(CASES_DIR)],
    ['fixtures', readMarkdown(`${ROOT}/tests/fixtures`)]
  ]

  test.each(corpora)('%s: every note is the note micromark gives', (_name, files) => {
    expect(files.length).toBeGreaterThan(0)
    for (const { path, text } of files) expect(scanned(text, path), path).toEqual(micromark(text, path))
  })

  test('the bad-input corpus: every readable file is the note micromark gives', { timeout: 120_000 }, () => {
    let read = 0
    for (const source of badCorpus()) {
      const decoded = decodeSource(source, source.path)
      if (!decoded.ok || decoded.text.length > 300_000) continue
      read++
      expect(scanned(decoded.text, source.path), source.path).toEqual(micromark(decoded.text, source.path))
    }
    expect(read).toBeGreaterThan(10)
  })

  test('a synthetic library of 300 notes: every note is the note micromark gives, and the scanner reads them all', () => {
    const files = syntheticLibrary(new Library(library).graph, 300)
    for (const { path, text = '' } of files) {
      expect(scanned(text, path), path).toEqual(micromark(text, path))
      expect(scansWhole(text), path).toBe(true)
    }
  })

  test('the scanner reads nearly all of the shipped library itself', () => {
    // Not a speed test: a scanner that gave up on everything would pass the comparisons above.
    const whole = library.filter((f) => scansWhole(f.text)).length
    expect(whole / library.length).toBeGreaterThan(0.95)
  })
})

describe('the scanner on small cases', () => {
  const same = (text: string): void => expect(scanned(text)).toEqual(micromark(text))

  test('gives up on what it does not read, and reads the rest', () => {
    for (const text of ['<b>x</b>', 'a\\*b', '&amp;', '~~weg~~', 'a\tb', 'a\r\nb', '[a](b)', '[a]: b', '> q', '    code', '---', 'Kop\n===', '# Kop #', 'a  \nb', '`a\nb`', '-', '```\nx', '``` a`b\nx\n```', '```\nx\n ```', '```\nx\n``` ', '| a |\n| - |\nb', 'a\n| a |\n| - |', '| a | b |\n| - |']) {
      expect(scanMarkdown(text), text).toBeUndefined()
      same(text)
    }
    for (const text of ['# Kop\n\ntekst *nadruk* en **sterk** met `code` en [[Link|label]] #tag', '- a\n  - b\n- [x] klaar\n- [ ] open\n\n1. een\n2. twee\nlui verder', '[[A]]: uitleg', '```\nx\n```', '````js meta  \n```\n| - |\n````', '| a |\n| - |', '| a | `b` |  |\n| :-- | --: | - |\n|x|\n| *y* | z | w |\n\n# Kop']) {
      expect(scanMarkdown(text), text).toBeDefined()
      same(text)
    }
  })

  test('emphasis follows micromark, including the rule of three and intraword underscores', () => {
    for (const text of ['*a **b** c*', '***a***', '**a*', '*a**', 'a*b*c', 'a_b_c', '_a_b', '__a__b', '*(*a*)*', '**a **b** c**', '*a *b* c*', 'a**b***c', '*foo**bar**baz*', '_ _a_ _', '👩*a*👩', 'é_a_é']) same(text)
  })

  test('a list item needs at most three spaces in front to be the next item (found by a long property run)', () => {
    for (const text of ['  -   a\n\n    - b', '- a\n\n    - b', '-   a\n    - b', ' - a\n   - b']) same(text)
  })

  test('a fence four spaces into a list item keeps the text in one piece (found by a long property run)', () => {
    for (const text of ['- a\n    ```\n\n\n```\n```', '- a\n     ```\nb\n\n```\nc\n```']) same(text)
  })

  test('a task box needs a space or line end after it, and only one space goes', () => {
    for (const text of ['- [ ]', '- [ ] a', '- [x]  a', '- [X]\n  a', '- [ ]a', '- [y] a', '- a\n- [ ] b', '1. [x] a', '- - [ ] a', '- # [ ] a']) same(text)
  })
})

/** Pieces of Markdown the scanner reads and pieces it must give up on, strung together at random. */
const LINE_STARTS = ['', '', '', ' ', '  ', '   ', '    ', '- ', '* ', '+ ', '1. ', '2) ', '10. ', '-  ', '-     ', '  - ', '    - ', '# ', '## ', '###### ', '####### ', '#', '> ', '- [ ] ', '- [x] ', '[ ] ', '1. [X] ', '```', '~~~', '---', '***', '* * *', '===', '-', '[a]: ', '\t', '- - ']
const INLINE = [
  'tekst', 'Cliënt', 'é', '👩🏽‍⚕️', '\u00a0', '\u3000', ' ', '  ', ' ', '*', '**', '***', '_', '__', '`', '``', '[[A]]', '[[A|b]]', '![[B#Kop|label]]', '[[ ]]', '[', ']', '(', ')', '](x)',
  '#tag', '#1', '.', ',', '!', '?', '"', "'", '-', '<b>', '\\*', '&amp;', '&x', '~', '#', ':', ']:', '|', '%%', '{', '}', '£', 'x_y', '*a*', '**b**', '`c`'
]
const inline = fc.array(fc.constantFrom(...INLINE), { maxLength: 12 }).map((parts) => parts.join(''))
const line = fc.tuple(fc.constantFrom(...LINE_STARTS), inline, fc.constantFrom('', '', '', ' ', '  ', ' #')).map(([start, text, end]) => start + text + end)
const markdown = fc
  .tuple(fc.array(fc.oneof(line, fc.constant('')), { maxLength: 14 }), fc.constantFrom('\n', '\n', '\n', '\r\n'), fc.boolean())
  .map(([lines, eol, front]) => (front ? '---\ntitel: x\n---\n' : '') + lines.join(eol))
/** Tables and code fences, with their edge cases, among the lines above. */
const CELL = ['', ' ', 'a', ' a ', ' a ', ' b c ', ' *x* ', '`c`', ' `c` ', '`', '` | `', '\\|', '*x*', '[[A|b]]', '#tag', '-', ':', ' :-- ', ' --: ', ':-:', '---', ' - ', '~', '<b>']
const row = fc.tuple(fc.constantFrom('|', '|', '|', '', ' |', '    |'), fc.array(fc.constantFrom(...CELL), { minLength: 1, maxLength: 4 }), fc.constantFrom('|', '|', '|', '', '| ', ' '))
  .map(([open, cells, close]) => open + cells.join('|') + close)
const delimiterRow = fc.tuple(fc.constantFrom('|', '|', '', ' |'), fc.array(fc.constantFrom('-', ' - ', ':--', '--:', ' :-: ', '', 'x', '-- -'), { minLength: 1, maxLength: 4 }), fc.constantFrom('|', '|', '', ' '))
  .map(([open, cells, close]) => open + cells.join('|') + close)
const noisyTable = fc.tuple(row, delimiterRow, fc.array(row, { maxLength: 4 })).map(([head, rule, body]) => [head, rule, ...body].join('\n'))
/** A table of n columns with pipes at both ends and cells the scanner reads, rows of any width. */
const SAFE_CELL = ['', ' ', 'a', ' a ', ' b c ', ' *x* ', '`c`', ' `c` ', '[[A|b]]', ' #tag ', '-', ' : ', '**s**', '_e_']
const safeRow = (n: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...SAFE_CELL), { minLength: n, maxLength: n }).map((cells) => `|${cells.join('|')}|`)
const goodTable = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(safeRow(n), fc.array(fc.constantFrom('-', ' - ', ':--', '--:', ' :-: ', '---'), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 1, max: 5 }).chain(safeRow), { maxLength: 4 }), fc.constantFrom('', ' ', '  '))
    .map(([head, rule, body, trail]) => [head + trail, `|${rule.join('|')}|`, ...body].join('\n'))
)
const tableText = fc.oneof(noisyTable, goodTable)
const noisyFence = fc.tuple(fc.constantFrom('```', '```', '````', '~~~', ' ```', '    ```'), fc.constantFrom('', 'js', ' js meta ', 'a`b', 'yaml  '), fc.array(fc.oneof(line, row, fc.constant(''), fc.constantFrom('```', '````', ' ```', '``` ', '```x', '~~~')), { maxLength: 4 }), fc.constantFrom('```', '```', '````', ' ```', '``` ', '', '~~~'))
  .map(([open, info, body, close]) => [open + info, ...body, close].join('\n'))
const goodFence = fc.tuple(fc.constantFrom('```', '````'), fc.constantFrom('', 'js', ' js meta ', 'yaml  ', 'a b  c'), fc.array(fc.constantFrom('', 'x', '  y', '| a |', '| - |', '# kop', '- a', '[[A]]', '    ````', '``', '```x'), { maxLength: 4 }))
  .map(([open, info, body]) => [open + info, ...body, open].join('\n'))
const fence = fc.oneof(noisyFence, goodFence)
const blocks = fc
  .array(fc.oneof({ arbitrary: line, weight: 1 }, { arbitrary: fc.constant(''), weight: 3 }, { arbitrary: tableText, weight: 3 }, { arbitrary: fence, weight: 3 }, { arbitrary: fc.constantFrom('- a', '1. b', '# Kop', 'tekst'), weight: 2 }), { maxLength: 6 })
  .map((parts) => parts.join('\n'))

/** Emphasis and code spans within one paragraph, where the delimiter rules bite. */
const runs = fc.array(fc.constantFrom('*', '*', '_', '_', '`', 'a', 'b', ' ', '.', '[', ']', '\n', 'é', '👩', '!', '#x'), { maxLength: 30 }).map((parts) => parts.join(''))

describe('the scanner on generated Markdown', () => {
  test(`gives the note micromark gives (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(markdown, (text) => {
        expect(scanned(text)).toEqual(micromark(text))
      }),
      { numRuns: RUNS }
    )
  })

  test(`gives the note micromark gives for runs of delimiters (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(runs, (text) => {
        expect(scanned(text)).toEqual(micromark(text))
      }),
      { numRuns: RUNS }
    )
  })

  test(`gives the note micromark gives for tables and code fences (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(blocks, (text) => {
        expect(scanned(text)).toEqual(micromark(text))
      }),
      { numRuns: RUNS }
    )
  })

  test('reads a good share of the generated tables and fences itself', () => {
    const texts = fc.sample(blocks, { numRuns: 500, seed: 1 })
    const withTable = texts.filter((t) => scansWhole(t) && /^\|.*\n\|[ :|-]*-/m.test(t)).length
    const withFence = texts.filter((t) => scansWhole(t) && /^```/m.test(t)).length
    expect(withTable).toBeGreaterThan(25)
    expect(withFence).toBeGreaterThan(25)
  })

  test(`finds a possible table exactly where the delimiter-row pattern does (${RUNS} texts)`, () => {
    const pattern = /^(?=[^\n]*-)(?=[^\n]*[|:])[ \t>*+\-0-9.)|:]+$/m
    const rows = fc.array(fc.constantFrom('-', '|', ':', ' ', '\t', '>', '*', '+', '1', '.', ')', 'a', '\n', '\r', '\u2028', 'é'), { maxLength: 20 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.oneof(rows, markdown), (text) => {
        expect(mayHoldTable(text)).toBe(pattern.test(text))
      }),
      { numRuns: RUNS }
    )
  })

  test('reads a good share of the generated texts itself (else the comparison proves little)', () => {
    const texts = fc.sample(markdown, { numRuns: 500, seed: 1 })
    const whole = texts.filter(scansWhole).length
    expect(whole).toBeGreaterThan(100)
  })
})
