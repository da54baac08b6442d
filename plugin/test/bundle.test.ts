// The built bundle as reviewers and scanners read it (issue #13, defect 3): no HTML injection APIs, also
// none that dependencies bring along; and the stand-in for micromark's entity decoder decodes as the
// original does; and it requires nothing Obsidian mobile lacks. Run `pnpm build` first (`pnpm test` does).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { decodeNamedCharacterReference as shim } from '../src/shims/decode-named-character-reference'
import { PLUGIN_DIR } from './helpers'

const BUNDLE = join(PLUGIN_DIR, 'dist', 'main.js')

describe('the plugin bundle', () => {
  test('has no innerHTML, outerHTML or insertAdjacentHTML', () => {
    expect(existsSync(BUNDLE), 'plugin/dist/main.js is missing: run `pnpm build` first').toBe(true)
    const code = readFileSync(BUNDLE, 'utf8')
    expect(code.length).toBeGreaterThan(100_000)
    expect(code.match(/innerHTML|outerHTML|insertAdjacentHTML/g) ?? []).toEqual([])
  })

  // Obsidian mobile has no Node.js: a require of a Node built-in (fs, buffer, path…) would fail there at load.
  test('requires only what Obsidian provides', () => {
    const code = readFileSync(BUNDLE, 'utf8')
    const required = new Set([...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))
    expect(required.has('obsidian')).toBe(true)
    expect([...required].filter((m) => !/^(obsidian|electron|@codemirror\/.+|@lezer\/.+)$/.test(m ?? ''))).toEqual([])
  })

  // What the original's table build gives (the HTML entity list).
  test.each([
    ['amp', '&'],
    ['AMP', '&'],
    ['lt', '<'],
    ['nbsp', '\u00a0'],
    ['copy', '©'],
    ['AElig', 'Æ'],
    ['eacute', 'é'],
    ['not', '¬'],
    ['notin', '∉'],
    ['ThickSpace', '\u205f\u200a'],
    ['semi', ';'],
    ['notit', false],
    ['nope', false]
  ] as const)('decodes &%s; as %j, without innerHTML', (name, expected) => {
    expect(shim(name)).toBe(expected)
  })
})
