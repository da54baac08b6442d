import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The CLI keeps its persisted index under XDG_CACHE_HOME: in tests a fresh folder per run, never the user's.
const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'praktijkwijzer-test-cache-')) }

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'], testTimeout: 30_000 } },
      // CLI tests load the shipped library and start the citation formatter: seconds on a busy machine.
      { test: { name: 'cli', include: ['packages/cli/test/**/*.test.ts'], testTimeout: 30_000, env } },
      {
        test: {
          name: 'plugin',
          include: ['plugin/test/**/*.test.ts'],
          environment: 'happy-dom',
          // The first test of a file loads the core (parser, stemmer): seconds on a busy machine.
          testTimeout: 30_000,
          alias: {
            obsidian: fileURLToPath(new URL('./plugin/test/fake-obsidian/index.ts', import.meta.url)),
            // The library the build puts in the bundle; in tests a small stand-in.
            'praktijkwijzer-library': fileURLToPath(new URL('./plugin/test/update/library-fixture.ts', import.meta.url))
          }
        }
      },
      { test: { name: 'e2e', include: ['tests/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, env } }
    ]
  }
})
