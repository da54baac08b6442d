/**
 * Live updates: run a computation shortly after the user stops typing, or right away, and make sure an
 * older computation that finishes late never overwrites a newer one.
 */
import { debounce } from 'obsidian'
import type { Debouncer } from 'obsidian'

/** Tells a running computation whether it is still the newest. */
export interface Ticket {
  /** `false` once a newer computation has started: its result must be dropped. */
  current(): boolean
}

/** Debounced, stale-proof runs of one computation. */
export class LiveUpdater {
  private readonly compute: (ticket: Ticket) => void | Promise<void>
  private readonly onError: (error: unknown) => void
  private debounced: Debouncer<[], void>
  private delay: number
  private generation = 0
  private stopped = false

  /**
   * @param compute The computation: reads what it needs when it runs (nothing is captured at schedule
   *   time), and renders only while `ticket.current()`.
   * @param delay Milliseconds to wait after the last {@link schedule}.
   * @param onError Where errors of the computation go; they never escape.
   */
  constructor(compute: (ticket: Ticket) => void | Promise<void>, delay: number, onError: (error: unknown) => void) {
    this.compute = compute
    this.onError = onError
    this.delay = delay
    this.debounced = debounce(() => this.run(), delay, true)
  }

  /** Run after the user has paused for the delay (each call restarts the wait). */
  schedule(): void {
    if (!this.stopped) this.debounced()
  }

  /** Run now (switching notes, a new index); a pending scheduled run is dropped. */
  now(): Promise<void> {
    this.debounced.cancel()
    return this.run()
  }

  /** Change the delay (from the settings). */
  setDelay(delay: number): void {
    if (delay === this.delay) return
    this.debounced.cancel()
    this.delay = delay
    this.debounced = debounce(() => this.run(), delay, true)
  }

  /** Stop: nothing pending runs, nothing running renders. */
  stop(): void {
    this.stopped = true
    this.generation++
    this.debounced.cancel()
  }

  private async run(): Promise<void> {
    if (this.stopped) return
    const generation = ++this.generation
    const ticket: Ticket = { current: () => !this.stopped && generation === this.generation }
    try {
      await this.compute(ticket)
    } catch (error) {
      if (ticket.current()) this.onError(error)
    }
  }
}
