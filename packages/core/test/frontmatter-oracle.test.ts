// The frontmatter reader against gray-matter, which it replaces: gray-matter found the block again and
// handed js-yaml a piece of it; frontmatter.ts now hands js-yaml that same piece itself (`yamlBlock`).
// For every note we have and for generated YAML, the fields and the problems (message, line, column)
// must be what reading through gray-matter gave. SCAN_RUNS sets the property's runs (default 1,500).
import fc from 'fast-check'
import matter from 'gray-matter'
import yaml from 'js-yaml'
import { describe, expect, test } from 'vitest'
import { decodeSource } from '../src/note/decode.js'
import { parseFrontmatter } from '../src/note/frontmatter.js'
import { yamlProblem } from '../src/note/yaml-messages.js'
import type { Problem } from '../src/problem.js'
import { problem } from '../src/problem.js'
import { badCorpus } from '../../../tests/hardening/corpus.js'
import { CASES_DIR } from '../../../tests/eval/metrics.js'
import { LIBRARY, ROOT, readMarkdown } from '../../../tests/lib/files.js'

const RUNS = Number(process.env['SCAN_RUNS'] ?? 1500)

const refuse = (): never => {
  throw new Error('refused')
}
const ENGINES = { yaml: { parse: (source: string): object => (yaml.safeLoad(source, { schema: yaml.CORE_SCHEMA }) ?? {}) as object, stringify: refuse } }

/** What the previous reader gave for a YAML block: gray-matter over the fenced block, as frontmatter.ts did. */
function viaGrayMatter(raw: string, file: string): { data: Record<string, unknown>; problems: Problem[] } {
  try {
    const data: unknown = matter(`---\n${raw}\n---\n`, { language: 'yaml', engines: ENGINES }).data
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, problems: [problem(file, { line: 2, column: 1 }, 'error', 'frontmatter-not-object', 'De frontmatter moet uit velden bestaan (`naam: waarde`), niet uit een losse waarde of lijst.')] }
    }
    return { data: { ...(data as Record<string, unknown>) }, problems: [] }
  } catch (error) {
    return { data: {}, problems: [yamlProblem(error, file, 2, raw)] }
  }
}

/** Compare both readers on a note; returns whether its block reached the YAML reader at all. */
function same(text: string, file: string): boolean {
  const fm = parseFrontmatter(text, file)
  // Unclosed blocks, other languages and tabs are refused before any YAML is read, as before.
  if (!fm.present || fm.problems.some((p) => p.code === 'frontmatter-unclosed' || p.code === 'frontmatter-engine') || /^[ ]*\t/m.test(fm.raw)) return false
  const before = viaGrayMatter(fm.raw, file)
  expect(fm.problems, file).toEqual(before.problems)
  // A YAML alias bomb: compare the fields' shape without unfolding them.
  if (fm.raw.includes('*')) expect(Object.keys(fm.data), file).toEqual(Object.keys(before.data))
  else expect(fm.data, file).toEqual(before.data)
  return true
}

describe('frontmatter without gray-matter', () => {
  test('every note we have reads as it did through gray-matter', () => {
    const notes = [LIBRARY, `${ROOT}/vault-template`, CASES_DIR, `${ROOT}/tests/fixtures`].flatMap((dir) => readMarkdown(dir))
    for (const source of badCorpus()) {
      const decoded = decodeSource(source, source.path)
      if (decoded.ok) notes.push({ path: source.path, text: decoded.text })
    }
    const read = notes.filter(({ path, text }) => same(text, path)).length
    expect(read).toBeGreaterThan(300)
  })

  const PIECES = ['a: 1', 'b: [x, y]', 'c:', '  - x', '- x', '---x', '--- ', '----', '# opmerking', '#', ' ', '', 'k: "[[A]]"', 'k: [[A]]', ': ', 'a: &x 1', 'b: *x', 'a: 2', '"q": 1', "'s': t", 'c: {', '}', '|', '  tekst', '>-', '? x', 'null', '~', 'd: 2024-01-01', '...', '%YAML 1.2', 'é: ü', '[a, b]', 'x', ' # na', '\u00a0']
  const block = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 10 }).map((lines) => lines.join('\n'))

  test(`generated YAML reads as it did through gray-matter (${RUNS} blocks)`, () => {
    fc.assert(
      fc.property(block, (raw) => {
        same(`---\n${raw}\n---\ntekst\n`, 'Notitie.md')
      }),
      { numRuns: RUNS }
    )
  })
})
