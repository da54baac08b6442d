// Prints one plain closing line, `Tests: N passed, N failed`, that any CI can read; before it, once each,
// the reason a test gave for skipping itself (`ctx.skip(condition, note)`), such as a missing Chromium.
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    const notes = new Set<string>()
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const result = test.result()
        if (result.state === 'passed') passed++
        else if (result.state === 'failed') failed++
        else {
          skipped++
          if (result.state === 'skipped' && result.note !== undefined) notes.add(result.note)
        }
      }
      if (module.state() === 'failed' && module.children.size === 0) failed++
    }
    for (const note of notes) process.stdout.write(`\n${note}`)
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`)
  }
}
