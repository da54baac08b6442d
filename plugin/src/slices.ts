/**
 * Long work on the main thread in slices: the index runs its steps until a slice is used up, then gives
 * the app the thread back (input, drawing) for a moment. The clock is read before each step, and a step
 * whose expected cost would overrun the slice waits for the next one: a slice ends before it gets long,
 * not after.
 */

/** Longest stretch of work, in milliseconds, before the app gets the thread back. */
export const SLICE_MS = 30

/**
 * A step of sliced work. A generator yields before each piece of work: a number is the expected size of
 * the piece that follows (for example the length of the note it parses next), nothing says it is a
 * small piece of unknown size. The cost per unit is measured as the work goes.
 */
export type Steps<T = unknown> = Iterator<number | void, T>

/** How the expected cost follows the measured one: the highest recent cost per unit, slowly forgotten. */
const FORGET = 0.9

/**
 * Run steps in slices of {@link SLICE_MS}.
 *
 * @param steps The work (see {@link Steps}).
 * @param breathe Gives the thread back; resolves when the work may go on.
 * @param stop Asked after each pause: `true` ends the work (a newer build started).
 * @param paused Called before each pause (to report progress).
 * @returns What the steps returned, or `null` when `stop` ended the work early.
 */
export async function sliced<T>(steps: Steps<T>, breathe: () => Promise<void>, stop: () => boolean, paused?: () => void): Promise<{ value: T } | null> {
  // Milliseconds per unit of announced size, and per step of unknown size: the highest seen lately.
  let perUnit = 0
  let perStep = 0
  let slice = now()
  let next = steps.next()
  while (!next.done) {
    const size = typeof next.value === 'number' ? next.value : undefined
    const expected = size === undefined ? perStep : size * perUnit
    const start = now()
    if (start - slice > 0 && start - slice + expected > SLICE_MS) {
      paused?.()
      await breathe()
      if (stop()) return null
      slice = now()
    }
    const before = now()
    next = steps.next()
    const took = now() - before
    if (size === undefined) perStep = Math.max(took, perStep * FORGET)
    else if (size > 0) perUnit = Math.max(took / size, perUnit * FORGET)
  }
  return { value: next.value }
}

/**
 * Run steps for one slice of {@link SLICE_MS} at most (as {@link sliced} would, but the caller gives the
 * thread back): for work that must take turns with other work between slices.
 *
 * @returns `true` when the steps are done.
 */
export function slice(steps: Steps): boolean {
  const start = now()
  let perStep = 0
  for (;;) {
    const before = now()
    const next = steps.next()
    if (next.done) return true
    perStep = Math.max(perStep, now() - before)
    if (now() - start + perStep > SLICE_MS) return false
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now()
}
