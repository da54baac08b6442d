import { describe, expect, test } from 'vitest'
import { changesFiles, planLibrary, type Plan } from '../src/vault/plan.js'

const map = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries))

function plan(base: Record<string, string>, local: Record<string, string>, upstream: Record<string, string>, restoreDeleted = false): Plan {
  return planLibrary(map(base), map(local), map(upstream), { restoreDeleted })
}

describe('planLibrary', () => {
  test('should leave a note alone that is the same everywhere', () => {
    const p = plan({ 'a.md': '1' }, { 'a.md': '1' }, { 'a.md': '1' })
    expect(p.unchanged).toBe(1)
    expect(changesFiles(p)).toBe(false)
  })

  test('should update a note changed upstream only', () => {
    expect(plan({ 'a.md': '1' }, { 'a.md': '1' }, { 'a.md': '2' }).updated).toEqual(['a.md'])
  })

  test('should keep a note changed locally only', () => {
    const p = plan({ 'a.md': '1' }, { 'a.md': 'L' }, { 'a.md': '1' })
    expect(p.keptChanged).toEqual(['a.md'])
    expect(changesFiles(p)).toBe(false)
  })

  test('should deliver a note changed on both sides beside it', () => {
    expect(plan({ 'dir/a.md': '1' }, { 'dir/a.md': 'L' }, { 'dir/a.md': '2' }).conflicts).toEqual([{ path: 'dir/a.md', beside: 'dir/a (nieuwe versie).md', write: true }])
  })

  test('should see no conflict when both sides made the same change', () => {
    const p = plan({ 'a.md': '1' }, { 'a.md': '2' }, { 'a.md': '2' })
    expect(p.conflicts).toEqual([])
    expect(p.unchanged).toBe(1)
  })

  test('should reuse a beside file that already holds the new version, and number around other files', () => {
    expect(plan({ 'a.md': '1' }, { 'a.md': 'L', 'a (nieuwe versie).md': '2' }, { 'a.md': '2' }).conflicts).toEqual([{ path: 'a.md', beside: 'a (nieuwe versie).md', write: false }])
    expect(plan({ 'a.md': '1' }, { 'a.md': 'L', 'a (nieuwe versie).md': 'X' }, { 'a.md': '2' }).conflicts[0]?.beside).toBe('a (nieuwe versie 2).md')
  })

  test('should keep a note the team deleted deleted, and restore it on request', () => {
    expect(plan({ 'a.md': '1' }, {}, { 'a.md': '2' }).stayDeleted).toEqual(['a.md'])
    expect(plan({ 'a.md': '1' }, {}, { 'a.md': '2' }, true).restored).toEqual(['a.md'])
  })

  test('should add a new upstream note', () => {
    expect(plan({}, {}, { 'a.md': '1' }).added).toEqual(['a.md'])
  })

  test('should treat a team file where the library now has a different note as a conflict', () => {
    expect(plan({}, { 'a.md': 'L' }, { 'a.md': '1' }).conflicts.map((c) => c.path)).toEqual(['a.md'])
  })

  test('should remove a note gone upstream unless the team changed it', () => {
    expect(plan({ 'a.md': '1' }, { 'a.md': '1' }, {}).removed).toEqual(['a.md'])
    expect(plan({ 'a.md': '1' }, { 'a.md': 'L' }, {}).keptRemoved).toEqual(['a.md'])
  })

  test('should never look at the team own files', () => {
    const p = plan({}, { 'mine.md': 'L' }, {})
    expect(changesFiles(p)).toBe(false)
    expect(Object.values(p).flat().filter((x) => typeof x !== 'number')).toEqual([])
  })

  test('should not let a new note overwrite a kept file whose name differs only in case', () => {
    const p = plan({}, { 'Krachtwerk.md': 'L' }, { 'KrachtWerk.md': '1' })
    expect(p.added).toEqual([])
    expect(p.conflicts).toEqual([{ path: 'KrachtWerk.md', beside: 'KrachtWerk (nieuwe versie).md', write: true }])
    // ... but a case-only rename of an untouched note is fine: the old one is removed first.
    const renamed = plan({ 'Krachtwerk.md': '1' }, { 'Krachtwerk.md': '1' }, { 'KrachtWerk.md': '1' })
    expect(renamed).toMatchObject({ removed: ['Krachtwerk.md'], added: ['KrachtWerk.md'], conflicts: [] })
  })
})
