// The persisted index written and read in steps (for the plugin) gives the texts and hashes written at
// once: JSON in steps is JSON.stringify, the hash in chunks is the hash.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { contentHash, contentHashSteps } from '../src/cache/hash.js'
import { jsonSteps } from '../src/cache/json-steps.js'

function run<T>(steps: Generator<void, T>): { value: T; steps: number } {
  let count = 0
  let next = steps.next()
  while (!next.done) {
    count++
    next = steps.next()
  }
  return { value: next.value, steps: count }
}

describe('JSON in steps', () => {
  test('is JSON.stringify, for any JSON value and with values JSON leaves out, at any depth', () => {
    const odd = fc.constantFrom(undefined, () => 1, Symbol('x'), new Date(0), new Float32Array([1.5, 2]), Number.NaN, -0)
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), odd, fc.array(tie('any'), { maxLength: 5 }), fc.dictionary(fc.string(), tie('any'), { maxKeys: 5 }))
    })).any
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => {
        expect(run(jsonSteps(v, depth)).value).toBe(JSON.stringify(v))
      }),
      { numRuns: 500 }
    )
  })

  test('yields a step per member down to the depth', () => {
    expect(run(jsonSteps({ a: [1, 2, 3], b: { c: 1 } }, 2)).steps).toBe(2 + 3 + 1)
  })
})

describe('the hash in steps', () => {
  test('is the hash, whatever the chunk size', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 5 }), (text, chunk, seed) => {
        expect(run(contentHashSteps(text, seed, chunk)).value).toBe(contentHash(text, seed))
      }),
      { numRuns: 500 }
    )
  })
})
