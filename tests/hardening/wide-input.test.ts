// Notes that are wide rather than deep crash or stall no command (adversarial findings F7, F8): a frontmatter
// anchor of links used many times (n² links) is cut off with a Dutch message on the field's line, and a
// note with 150,000 broken links is checked like any other, its problems never spread as arguments.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { parseNote } from '@praktijkwijzer/core'
import { main } from '../../packages/cli/src/main.js'
import { anchorBomb } from './bench-shapes.js'

let dir = ''

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

async function check(files: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-wide-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  let out = ''
  let err = ''
  const code = await main(['check', '.', ...args], { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, { library: dir })
  return { code, out, err }
}

describe('a frontmatter anchor of links used many times (F7)', () => {
  test('stops reading links at the budget and says so on the line of the field', () => {
    // 300 links used 300 times would be 90,000 links.
    const note = parseNote(anchorBomb(300), 'Wide.md')
    expect(note.links.length).toBeLessThanOrEqual(10_001)
    expect(note.problems.filter((p) => p.code === 'frontmatter-too-wide')).toMatchObject([{ file: 'Wide.md', line: 6, column: 1, level: 'error' }])
    const message = note.problems.find((p) => p.code === 'frontmatter-too-wide')?.message ?? ''
    expect(message).toContain('Het veld `thema`')
    expect(message).toContain('*naam')
  })

  test('reads every link of a long list written out without anchors', () => {
    const links = Array.from({ length: 15_000 }, (_, i) => `"[[Notitie ${i}]]"`).join(', ')
    const note = parseNote(`---\ntype: praktijk\nthema: [${links}]\n---\n# Lang\n`, 'Lang.md')
    expect(note.links).toHaveLength(15_000)
    expect(note.problems.map((p) => p.code)).not.toContain('frontmatter-too-wide')
  })

  test('check reports the note with file and line, and reads the other notes', async () => {
    const r = await check({ 'Wide.md': anchorBomb(2_000), 'Schulden.md': '---\ntype: thema\nbron: ["1"]\n---\n# Schulden\n\nZie [[Wide]].\n' })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^Wide\.md:6:1 {2}fout {2}Het veld `thema` herhaalt via YAML-ankers/m)
    expect(r.out).toMatch(/^2 notities gelezen: 1 fout, \d+ waarschuwing(?:en)?\.$/m)
    expect(r.err).toBe('')
  })
})

describe('a note with 150,000 broken links (F8)', () => {
  test('check lists them and ends with its summary instead of a stack overflow', async () => {
    const r = await check({ 'n.md': '[[a]] '.repeat(150_000) })
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^n\.md:1:1 {2}waarschuwing {2}De link \[\[a\]\] wijst naar een notitie die niet bestaat\.$/m)
    expect(r.out.endsWith('1 notitie gelezen: 0 fouten, 150.001 waarschuwingen.\n')).toBe(true)
  })
})
