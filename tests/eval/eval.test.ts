// The engine must beat both baselines on every metric, on the evaluation notes. The first tests check the
// data itself: enough notes, and expectations that name real library notes of the right kind. The last
// ones check issue #12 on the same notes: no noise, nothing above weak for unrelated notes, every level
// in use, and passages that are verbatim from the library note and from the case note.
import { signals } from '@praktijkwijzer/core'
import { describe, expect, test } from 'vitest'
import { engines, evaluate, LENGTHS, lengthOf, levelsByLength, loadCases } from './metrics.js'

const cases = loadCases()
const { library, rankers } = engines()
const [ours, ...baselines] = rankers.map((r) => evaluate(r.name, cases, r.rank))

describe('relevance evaluation', () => {
  test('has at least 80 case notes, at least 10 of them unrelated (no expectations)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80)
    expect(cases.filter((c) => c.relevant.length === 0).length).toBeGreaterThanOrEqual(10)
    expect(ours?.cases).toBe(cases.filter((c) => c.relevant.length > 0).length)
  })

  test('every expectation is a library note of the right kind; literature is linked from an expected note', () => {
    const graph = library.graph
    for (const c of cases) {
      for (const id of c.relevant) expect(['praktijk', 'methodiek'], `${c.file}: ${id}`).toContain(graph.get(id)?.type)
      expect(c.relevant.length, c.file).toBeLessThanOrEqual(7)
      expect(c.literature.length, c.file).toBeLessThanOrEqual(3)
      const linked = new Set(c.relevant.flatMap((id) => graph.edgesFrom(id, 'literature').map((e) => graph.byPath(e.to)?.id)))
      for (const id of c.literature) expect(linked.has(id), `${c.file}: ${id} is not linked from its practices or methods`).toBe(true)
    }
  })

  test.each(['hit1', 'hit3', 'recall5', 'mrr'] as const)('beats MiniSearch and fuse.js on %s', (metric) => {
    for (const b of baselines) expect(ours?.[metric], `${metric} vs ${b.name}`).toBeGreaterThan(b[metric])
  })

  test('shows nothing above weak for any unrelated note', () => {
    expect(ours?.quiet).toBe(1)
  })

  test('no item in our top 5 rests only on general Dutch words (noise 0), and the baselines do have noise', () => {
    expect(ours?.noise).toBe(0)
    for (const b of baselines) expect(b.noise, b.name).toBeGreaterThan(0)
  })

  test('every level occurs, and every length of note gets levels above weak', () => {
    const rows = levelsByLength(cases, rankers[0]?.rank ?? (() => ({ ids: [], literature: [], quiet: true, noise: 0 })))
    for (const level of ['sterk', 'redelijk', 'zwak'] as const) expect(rows.reduce((n, r) => n + r[level], 0), level).toBeGreaterThan(0)
    for (const r of rows.filter((x) => x.notes > 0)) expect(r.sterk + r.redelijk, r.length).toBeGreaterThan(0)
  })

  test('the eval set has notes of every length, at least 10 of one or two sentences', () => {
    const counts = new Map(LENGTHS.map((l) => [l.name, cases.filter((c) => lengthOf(c.text) === l.name).length]))
    expect(counts.get(LENGTHS[0]?.name ?? '')).toBeGreaterThanOrEqual(10)
    for (const [length, n] of counts) expect(n, length).toBeGreaterThan(0)
  })
})

describe('passages on the evaluation notes', () => {
  test('every passage text is verbatim from its library note, every quote verbatim from the case note', () => {
    let checked = 0
    for (const c of cases) {
      for (const s of library.suggest(c.text, { minScore: 0 }).suggestions) {
        const node = library.graph.byPath(s.path)
        expect(node, s.path).toBeDefined()
        if (!node) continue
        const samenvatting = node.note.frontmatter['samenvatting']
        const sources = [node.title, ...signals(node.note), typeof samenvatting === 'string' ? samenvatting : '', node.note.text]
        expect(s.passages.length).toBeLessThanOrEqual(3)
        for (const p of s.passages) {
          expect(sources.some((src) => src.includes(p.text)), `${c.file} → ${s.path}: ${p.text}`).toBe(true)
          expect(p.quote.length, `${c.file} → ${s.path}`).toBeGreaterThan(0)
          expect(c.text.includes(p.quote), `${c.file}: ${p.quote}`).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(500)
  })
})
