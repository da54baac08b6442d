// The engine must beat both baselines on every metric, on the evaluation notes.
import { describe, expect, test } from 'vitest'
import { engines, evaluate, loadCases } from './metrics.js'

const cases = loadCases()
const { rankers } = engines()
const [ours, ...baselines] = rankers.map((r) => evaluate(r.name, cases, r.rank))

describe('relevance evaluation', () => {
  test('has at least 24 judged case notes and some unrelated ones', () => {
    expect(ours?.cases).toBeGreaterThanOrEqual(24)
    expect(cases.some((c) => c.relevant.length === 0)).toBe(true)
  })

  test.each(['hit1', 'hit3', 'recall5', 'mrr'] as const)('beats MiniSearch and fuse.js on %s', (metric) => {
    for (const b of baselines) expect(ours?.[metric], `${metric} vs ${b.name}`).toBeGreaterThan(b[metric])
  })

  test('shows nothing, or only weak items, for most unrelated notes', () => {
    expect(ours?.quiet).toBeGreaterThanOrEqual(2 / 3)
  })
})
