/**
 * Main-thread busy time per keystroke, from a Chromium trace (categories `toplevel` and
 * `devtools.timeline`).
 *
 * The harness times a keystroke from its input event until a zero-delay timer set in that event runs,
 * after the panel's update. That wall time also holds the time the main thread sits idle: after an input
 * event Chromium runs the next frame before timers, so the timers wait for the next vsync (up to one frame,
 * 16.7 ms, with nothing running; seen in traces of the bench). The work is what the trace's top-level tasks
 * take inside that window.
 */

/** The fields of a trace event this reads. */
export interface TraceEvent {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { data?: { type?: string } }
}

/**
 * For each keystroke, the milliseconds its window spends in top-level main-thread tasks.
 *
 * @param events The trace's events (the typing only).
 * @param wallMs Per keystroke, in order, the harness's wall time from its input event to the end of the
 *   panel's update: the window of each `input` event in the trace.
 * @returns Busy milliseconds per keystroke, in the same order; empty when the trace does not hold one
 *   `input` event per keystroke.
 */
export function busyPerKeystroke(events: readonly TraceEvent[], wallMs: readonly number[]): number[] {
  const inputs = events.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'input').sort((a, b) => a.ts - b.ts)
  const first = inputs[0]
  if (first === undefined || inputs.length !== wallMs.length) return []
  // The page's main thread is the one that dispatched the input events.
  const tasks = events
    .filter((e) => e.ph === 'X' && e.pid === first.pid && e.tid === first.tid && e.cat.split(',').includes('toplevel') && e.dur !== undefined)
    .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
    .sort((a, b) => a[0] - b[0])
  return inputs.map((input, i) => {
    const from = input.ts
    const to = from + (wallMs[i] ?? 0) * 1000
    let busy = 0
    let covered = from
    for (const [start, end] of tasks) {
      if (end <= covered) continue
      if (start >= to) break
      busy += Math.min(end, to) - Math.max(start, covered)
      covered = Math.min(end, to)
    }
    return busy / 1000
  })
}
