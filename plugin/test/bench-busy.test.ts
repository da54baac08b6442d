import { describe, expect, it } from 'vitest'
import { busyPerKeystroke } from '../bench/busy'
import type { TraceEvent } from '../bench/busy'

const MAIN = { pid: 1, tid: 7 }
const task = (ts: number, dur: number, where = MAIN): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', cat: 'toplevel', ph: 'X', ts, dur, ...where })
const input = (ts: number): TraceEvent => ({ name: 'EventDispatch', cat: 'devtools.timeline', ph: 'X', ts, dur: 100, ...MAIN, args: { data: { type: 'input' } } })

describe('busyPerKeystroke', () => {
  it('counts the tasks inside each keystroke window and not the idle wait between them', () => {
    // Keystroke 1 at 10 ms: its task began before the input event (keydown), then 10 ms idle until the
    // frame and the panel's timer. Keystroke 2 at 100 ms: a task on another thread does not count.
    const events = [task(9_000, 2_000), input(10_000), task(21_000, 1_000), task(22_000, 4_000), task(40_000, 5_000), input(100_000), task(100_000, 3_000), task(101_000, 9_000, { pid: 2, tid: 3 })]
    expect(busyPerKeystroke(events, [16, 3])).toEqual([6, 3])
  })

  it('counts nested and overlapping tasks once, and clips a task at the end of the window', () => {
    const events = [input(0), task(0, 4_000), task(1_000, 2_000), task(3_000, 3_000), task(8_000, 10_000)]
    expect(busyPerKeystroke(events, [10])).toEqual([8])
  })

  it('gives nothing when the trace does not hold one input event per keystroke', () => {
    expect(busyPerKeystroke([input(0), task(0, 1_000)], [1, 2])).toEqual([])
    expect(busyPerKeystroke([task(0, 1_000)], [])).toEqual([])
  })
})
