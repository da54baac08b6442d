import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { LiveUpdater } from '../src/live'
import type { Ticket } from '../src/live'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('debounce', () => {
  test('runs once, the delay after the last of a burst of keystrokes', async () => {
    const runs: number[] = []
    const live = new LiveUpdater(() => void runs.push(Date.now()), 300, () => undefined)
    const start = Date.now()
    for (let i = 0; i < 5; i++) {
      live.schedule()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(runs).toEqual([])
    await vi.advanceTimersByTimeAsync(200)
    expect(runs).toEqual([start + 700])
  })

  test('now() runs at once and drops a pending run', async () => {
    let runs = 0
    const live = new LiveUpdater(() => void runs++, 300, () => undefined)
    live.schedule()
    await live.now()
    expect(runs).toBe(1)
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toBe(1)
  })

  test('a new delay applies to the next run', async () => {
    let runs = 0
    const live = new LiveUpdater(() => void runs++, 300, () => undefined)
    live.setDelay(50)
    live.schedule()
    await vi.advanceTimersByTimeAsync(60)
    expect(runs).toBe(1)
  })

  test('after stop() nothing runs', async () => {
    let runs = 0
    const live = new LiveUpdater(() => void runs++, 100, () => undefined)
    live.schedule()
    live.stop()
    live.schedule()
    await live.now()
    await vi.advanceTimersByTimeAsync(500)
    expect(runs).toBe(0)
  })
})

describe('stale results', () => {
  test('a slow older computation never overwrites a newer one', async () => {
    const shown: string[] = []
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    let call = 0
    const live = new LiveUpdater(
      async (ticket: Ticket) => {
        const mine = ++call
        if (mine === 1) await gate // the first computation is slow
        if (ticket.current()) shown.push(`result ${mine}`)
      },
      0,
      () => undefined
    )
    const first = live.now()
    await live.now()
    expect(shown).toEqual(['result 2'])
    release()
    await first
    expect(shown).toEqual(['result 2'])
  })

  test('errors go to the error handler, and only for the newest computation', async () => {
    const errors: unknown[] = []
    let call = 0
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const live = new LiveUpdater(
      async () => {
        const mine = ++call
        if (mine === 1) {
          await gate
          throw new Error('old')
        }
        throw new Error('new')
      },
      0,
      (e) => errors.push(e)
    )
    const first = live.now()
    await live.now()
    release()
    await first
    expect(errors.map((e) => (e as Error).message)).toEqual(['new'])
  })
})
