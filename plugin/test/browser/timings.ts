/**
 * What the browser harness's page reports about a start-up (host.ts) and what it is given, shared by the
 * page and the Node side (harness.ts); no DOM and no Node.js types here, so both can import it.
 */

/** What `start` reports, in milliseconds. */
export interface StartTimings {
  /** Loading and evaluating main.js (from the local server) and running the plugin's `onload`. */
  loadMs: number
  /** Loading main.js: download (local server) and compile, until its script has run. */
  scriptMs: number
  /** Evaluating main.js alone (running the module's code; its download and compile are not in it). */
  evalMs: number
  /** The plugin's `load()` until its `onload` has finished. */
  onloadMs: number
  /** From "layout ready" until the panel's status line shows the loaded library. */
  indexMs: number
  /**
   * From "layout ready" until the panel shows its cards for the case note open at start-up (`null` without
   * one, or when it showed none).
   */
  firstMs: number | null
  /**
   * The main thread's long tasks (over 50 ms, as Chromium's `longtask` entries report them) from "layout
   * ready" until the first suggestions (or the loaded library, without a case note): their durations.
   */
  longTasks: number[]
  /** Notes loaded, as the status line says. */
  status: string
}

/** A case note to have open when the layout becomes ready (as Obsidian restores the last workspace). */
export interface StartNote {
  path: string
  text: string
}
