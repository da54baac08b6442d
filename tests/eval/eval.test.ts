// The engine must beat both baselines on every metric, on the evaluation notes. The first tests check the
// data itself: enough notes, and expectations that name real library notes of the right kind.
import { describe, expect, test } from 'vitest'
import { engines, evaluate, loadCases } from './metrics.js'

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

  test('shows nothing, or only weak items, for most unrelated notes', () => {
    expect(ours?.quiet).toBeGreaterThanOrEqual(2 / 3)
  })
})
