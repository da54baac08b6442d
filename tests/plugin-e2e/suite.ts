// One browser harness per test file, for the plugin's browser tests: opened before the file's tests and
// closed after them. Without Chromium the tests are skipped with one line saying how to install it (the
// summary prints it); CI must have it.
import { afterAll, beforeAll } from 'vitest'
import { hasChromium, INSTALL_CHROMIUM, openHarness } from '../../plugin/test/browser/harness'
import type { Harness, Options, StartTimings } from '../../plugin/test/browser/harness'

/** Whether this file's browser tests are skipped: no Chromium here, and not CI. */
export const SKIP = !hasChromium() && process.env['CI'] !== 'true'

/**
 * Open a harness for the test file's tests (if Chromium is here) and close it after them.
 *
 * @param options As for `openHarness`.
 * @param timeoutMs Time to open it (build, browser start, library load).
 * @returns The open harness, for use inside the tests.
 */
export function useHarness(options: Options = {}, timeoutMs = 120_000): () => Harness & { timings: StartTimings } {
  let harness: (Harness & { timings: StartTimings }) | null = null
  beforeAll(async () => {
    if (SKIP) return
    if (!hasChromium()) throw new Error(`CI needs the plugin browser test. ${INSTALL_CHROMIUM}`)
    harness = await openHarness(options)
  }, timeoutMs)
  afterAll(async () => {
    await harness?.close()
  })
  return () => {
    if (!harness) throw new Error('no harness')
    return harness
  }
}
