import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'] } },
      { test: { name: 'e2e', include: ['tests/**/*.test.ts'], testTimeout: 60_000 } }
    ]
  }
})
