import { describe, expect, test } from 'vitest'
import { changesFiles, normalizedContent, planLibrary, type LocalEntry, type Plan } from '../src/update/plan.js'

const map = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries))
/** Local entries: a hash is a plain file; `link`, `folder` and `other` are what they say. */
const entries = (local: Record<string, string>): Map<string, LocalEntry> =>
  new Map(Object.entries(local).map(([path, v]): [string, LocalEntry] => [path, v === 'link' || v === 'folder' || v === 'other' ? { kind: v } : { kind: 'file', hash: v }]))

function plan(base: Record<string, string>, local: Record<string, string>, upstream: Record<string, string>, restoreDeleted = false): Plan {
  return planLibrary(map(base), entries(local), map(upstream), { restoreDeleted })
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
    expect(plan({ 'dir/a.md': '1' }, { 'dir/a.md': 'L' }, { 'dir/a.md': '2' }).conflicts).toEqual([{ path: 'dir/a.md', beside: 'dir/a (nieuwe versie).md', write: true, reason: 'changed' }])
  })

  test('should see no conflict when both sides made the same change', () => {
    const p = plan({ 'a.md': '1' }, { 'a.md': '2' }, { 'a.md': '2' })
    expect(p.conflicts).toEqual([])
    expect(p.unchanged).toBe(1)
  })

  test('should reuse a beside file that already holds the new version, and number around other files', () => {
    expect(plan({ 'a.md': '1' }, { 'a.md': 'L', 'a (nieuwe versie).md': '2' }, { 'a.md': '2' }).conflicts).toEqual([{ path: 'a.md', beside: 'a (nieuwe versie).md', write: false, reason: 'changed' }])
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
    const { record, unchanged, ...lists } = p
    expect(Object.values(lists).flat()).toEqual([])
    expect([record.size, unchanged]).toEqual([0, 0])
  })

  test('should not let a new note overwrite a kept file whose name differs only in case', () => {
    const p = plan({}, { 'Krachtwerk.md': 'L' }, { 'KrachtWerk.md': '1' })
    expect(p.added).toEqual([])
    expect(p.conflicts).toEqual([{ path: 'KrachtWerk.md', beside: 'KrachtWerk (nieuwe versie).md', write: true, reason: 'case' }])
    // ... but a case-only rename of an untouched note is fine: the old one is removed first.
    const renamed = plan({ 'Krachtwerk.md': '1' }, { 'Krachtwerk.md': '1' }, { 'KrachtWerk.md': '1' })
    expect(renamed).toMatchObject({ removed: ['Krachtwerk.md'], added: ['KrachtWerk.md'], conflicts: [] })
  })

  test('should never write over or through what is not a plain file, and never remove it', () => {
    expect(plan({}, { 'a.md': 'link' }, { 'a.md': '1' }).conflicts).toEqual([{ path: 'a.md', beside: 'a (nieuwe versie).md', write: true, reason: 'link' }])
    expect(plan({}, { 'a.md': 'folder' }, { 'a.md': '1' }).conflicts[0]?.reason).toBe('folder')
    expect(plan({ 'a.md': '1' }, { 'a.md': 'link' }, {})).toMatchObject({ removed: [], deletes: [], keptRemoved: ['a.md'] })
    expect(plan({ 'a.md': '1' }, { 'a.md': 'link' }, { 'a.md': '1' }, true)).toMatchObject({ restored: [], writes: [], keptChanged: ['a.md'] })
  })

  test('should block a note whose folder on disk is a link or a file, and not record it', () => {
    const p = plan({}, { nieuw: 'link' }, { 'nieuw/diep/a.md': '1' })
    expect(p).toMatchObject({ added: [], writes: [], blocked: [{ path: 'nieuw/diep/a.md', at: 'nieuw', kind: 'link' }] })
    expect(p.record.size).toBe(0)
    expect(plan({}, { nieuw: 'x' }, { 'nieuw/a.md': '1' }).blocked).toEqual([{ path: 'nieuw/a.md', at: 'nieuw', kind: 'file' }])
  })

  test('should compare names in NFC and write to the name on disk', () => {
    const nfd = 'Dröes.md'.normalize('NFD')
    const p = plan({ 'Dröes.md': '1' }, { [nfd]: '1' }, { 'Dröes.md': '2' })
    expect(p).toMatchObject({ updated: [nfd], writes: [{ path: nfd, source: 'Dröes.md' }], stayDeleted: [] })
    expect([...p.record]).toEqual([['Dröes.md', '2']])
  })

  test('should follow a note the team moved: by its content, or else by its name', () => {
    expect(plan({ 'a/x.md': '1' }, { 'b/y.md': '1' }, { 'a/x.md': '2' })).toMatchObject({
      moved: [{ from: 'a/x.md', to: 'b/y.md', action: 'updated' }],
      writes: [{ path: 'b/y.md', source: 'a/x.md' }],
      stayDeleted: []
    })
    expect(plan({ 'a/x.md': '1' }, { 'b/x.md': 'L' }, { 'a/x.md': '2' })).toMatchObject({
      moved: [{ from: 'a/x.md', to: 'b/x.md', action: 'conflict' }],
      conflicts: [{ path: 'b/x.md', beside: 'b/x (nieuwe versie).md', write: true, reason: 'changed' }]
    })
    // A moved note that left the library stays where the team put it.
    expect(plan({ 'a/x.md': '1' }, { 'b/y.md': '1' }, {})).toMatchObject({ moved: [{ action: 'kept' }], deletes: [] })
    // Two candidates: no guess.
    expect(plan({ 'a/x.md': '1' }, { 'b/y.md': '1', 'c/z.md': '1' }, { 'a/x.md': '2' })).toMatchObject({ moved: [], stayDeleted: ['a/x.md'] })
  })

  test('should hash notes with LF line ends and without a byte-order mark, and other files as they are', () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s)
    const decode = (b: Uint8Array): string => new TextDecoder().decode(b)
    expect(decode(normalizedContent('a.md', text('\uFEFFeen\r\ntwee\rdrie\n')))).toBe('een\ntwee\ndrie\n')
    expect(decode(normalizedContent('A.MD', text('x\r\n')))).toBe('x\n')
    expect(decode(normalizedContent('a.png', text('x\r\n')))).toBe('x\r\n')
    const lf = text('al goed\n')
    expect(normalizedContent('a.md', lf)).toBe(lf)
  })
})
