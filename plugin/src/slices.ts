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

/**
 * When the slice now running began. Parts of one job that run one after another (parse, then index, then
 * prepare) share one: a part that follows another in the same task goes on with its slice instead of
 * starting a new one (two parts' slices in one task made a task of 55–60 ms).
 */
export interface SliceClock {
  sliceStart: number
}

/** A clock whose slice begins now. */
export function sliceClock(): SliceClock {
  return { sliceStart: now() }
}

/** How the expected cost follows the measured one: the highest recent cost per unit, slowly forgotten. */
const FORGET = 0.9

/**
 * Run steps in slices of {@link SLICE_MS}.
 *
 * @param steps The work (see {@link Steps}).
 * @param breathe Gives the thread back; resolves when the work may go on.
 * @param stop Asked after each pause: `true` ends the work (a newer build started).
 * @param paused Called before each pause (to report progress).
 * @param clock The slice this work goes on with (see {@link SliceClock}); a new one by default.
 * @returns What the steps returned, or `null` when `stop` ended the work early.
 */
export async function sliced<T>(steps: Steps<T>, breathe: () => Promise<void>, stop: () => boolean, paused?: () => void, clock: SliceClock = sliceClock()): Promise<{ value: T } | null> {
  // Milliseconds per unit of announced size, and per step of unknown size: the highest seen lately.
  let perUnit = 0
  let perStep = 0
  /** Give the thread back; `false` when the work is to stop. */
  const pause = async (): Promise<boolean> => {
    paused?.()
    await breathe()
    if (stop()) return false
    clock.sliceStart = now()
    return true
  }
  // A part that follows another whose slice is used up starts after a pause.
  if (now() - clock.sliceStart >= SLICE_MS && !(await pause())) return null
  let next = steps.next()
  while (!next.done) {
    const size = typeof next.value === 'number' ? next.value : undefined
    const expected = size === undefined ? perStep : size * perUnit
    const start = now()
    if (start - clock.sliceStart > 0 && start - clock.sliceStart + expected > SLICE_MS && !(await pause())) return null
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
