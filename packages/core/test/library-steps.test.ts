// The relevance index built one note at a time (for the plugin, which gives the main thread back between
// steps) is the index built in one piece: the same suggestions, scores, reasons and literature.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { Library, type SourceFile } from '../src/library.js'

const ROOT = fileURLToPath(new URL('../../../library', import.meta.url))

function files(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return files(full)
    return name.endsWith('.md') ? [{ path: relative(ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') }] : []
  })
}

const NOTES = [
  'Gesprek met J. op zijn kamer. Hij is woedend over de huisregels en zegt dat hij hier vrijwillig zit.',
  'Hij wil niet naar budgetbeheer en heeft schulden bij de woningcorporatie. De reclassering komt langs.',
  'De wasmachine is kapot.'
]

describe('building the index in steps', () => {
  const shipped = files(ROOT)

  test('yields once per note read and indexed, and ranks exactly as the index built at once', () => {
    const atOnce = new Library(shipped)
    atOnce.buildIndex()
    const stepwise = new Library(shipped)
    let steps = 0
    for (const step of stepwise.buildIndexSteps()) {
      void step
      steps++
    }
    const indexed = stepwise.graph.nodes().filter((n) => n.type === 'praktijk' || n.type === 'methodiek' || n.type === 'thema').length
    expect(indexed).toBeGreaterThan(50)
    expect(steps).toBe(3 * indexed)
    for (const note of NOTES) expect(stepwise.suggest(note)).toEqual(atOnce.suggest(note))
  })

  test('a library changed while the steps run is indexed as it is at the end', () => {
    const [first, ...rest] = shipped.filter((f) => f.path.startsWith('praktijken/'))
    if (!first) throw new Error('no practices')
    const stepwise = new Library(shipped)
    let changed = false
    for (const step of stepwise.buildIndexSteps()) {
      void step
      if (!changed) {
        stepwise.remove(first.path)
        changed = true
      }
    }
    const fresh = new Library(shipped.filter((f) => f !== first))
    expect(rest.length).toBeGreaterThan(0)
    for (const note of NOTES) expect(stepwise.suggest(note)).toEqual(fresh.suggest(note))
  })
})
