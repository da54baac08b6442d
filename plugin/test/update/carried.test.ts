// @vitest-environment node
// The carried library's format: what the build packs (carried-library.mjs) the plugin unpacks
// (src/update/embedded.ts), byte for byte, for the real library and for edge cases.
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { fromZ85, unpackLibrary } from '../../src/update/carried'
import { packer } from './packer'

const { packLibrary, readLibrary, toZ85 } = packer

const LIBRARY = fileURLToPath(new URL('../../../library/', import.meta.url))

describe('the carried library', () => {
  test('the real library round-trips: every path and every character comes back', async () => {
    const files = readLibrary(LIBRARY)
    expect(Object.keys(files).length).toBeGreaterThan(100)
    const packed = await packLibrary(files)
    expect(unpackLibrary(packed)).toEqual(files)
    // The bundle budget of the start-up issue: at most 200 KiB of main.js for the carried library.
    expect(packed.length).toBeLessThanOrEqual(200 * 1024)
  })

  test('Z85 round-trips every length and every byte value', () => {
    for (let length = 0; length < 12; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 255) & 0xff)
      expect(fromZ85(toZ85(bytes))).toEqual(bytes)
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(fromZ85(toZ85(all))).toEqual(all)
    // Neither quotes nor a backslash: the text sits in a JS string literal as it is.
    expect(toZ85(all)).not.toMatch(/["'`\\]/)
  })

  test('damaged text is refused with a Dutch message, never unpacked to something else', () => {
    const good = toZ85(Uint8Array.from([1, 2, 3, 4, 5]))
    expect(() => fromZ85(good.replace(/.$/, '~'))).toThrow('beschadigd')
    expect(() => fromZ85(`9${good}`)).toThrow('beschadigd')
    expect(() => fromZ85(good.slice(0, -1))).toThrow('beschadigd')
  })
})
