import { describe, expect, test } from 'vitest'
import { SLICE_MS, slice, sliceClock, sliced } from '../src/slices'

/** Keep the thread busy for about `ms` (the steps below are real work as far as the clock can tell). */
function busy(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // spin
  }
}

describe('work in slices', () => {
  test('a step whose expected cost would overrun the slice waits for the next one', async () => {
    const events: string[] = []
    function* steps(): Generator<number> {
      for (let i = 0; i < 4; i++) {
        yield 1000
        busy(2)
        events.push('small')
      }
      // 40 times the size of the small ones: expected about 80 ms, more than the slice has left.
      yield 40_000
      events.push('big')
    }
    const result = await sliced(steps(), async () => void events.push('pause'), () => false)
    expect(result).not.toBeNull()
    expect(events.filter((e) => e === 'small').length).toBe(4)
    // The pause comes before the big step (the clock is read before a step, not only after).
    expect(events.at(-2)).toBe('pause')
    expect(events.at(-1)).toBe('big')
  })

  test('a newer build stops the work at a pause, and the steps return their value otherwise', async () => {
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        busy(SLICE_MS)
        yield
      }
      return 'klaar'
    }
    expect(await sliced(steps(), async () => undefined, () => true)).toBeNull()
    expect(await sliced(steps(), async () => undefined, () => false)).toEqual({ value: 'klaar' })
  })

  test('parts that share a clock and follow each other in one task share one slice', async () => {
    // Two parts of about 0.8 slice each, with no pause between them but the ones `sliced` makes: the
    // longest stretch without a pause stays within about a slice (one step over, at most).
    const stretches: number[] = []
    let since = performance.now()
    const breathe = async (): Promise<void> => {
      stretches.push(performance.now() - since)
      await new Promise((resolve) => setTimeout(resolve, 0))
      since = performance.now()
    }
    function* part(): Generator<void> {
      for (let i = 0; i < 8; i++) {
        yield
        busy(SLICE_MS / 10)
      }
    }
    const clock = sliceClock()
    expect(await sliced(part(), breathe, () => false, undefined, clock)).not.toBeNull()
    expect(await sliced(part(), breathe, () => false, undefined, clock)).not.toBeNull()
    stretches.push(performance.now() - since)
    expect(stretches.length).toBeGreaterThan(1)
    expect(Math.max(...stretches)).toBeLessThan(SLICE_MS * 1.3)
  })

  test('one slice runs steps until the next would overrun it, and says when they are done', () => {
    let ran = 0
    function* steps(): Generator<void> {
      for (let i = 0; i < 10; i++) {
        busy(SLICE_MS / 4)
        ran++
        yield
      }
    }
    const it = steps()
    expect(slice(it)).toBe(false)
    expect(ran).toBeGreaterThan(0)
    expect(ran).toBeLessThan(10)
    while (!slice(it)) {
      // the next turn
    }
    expect(ran).toBe(10)
  })
})
