// Control characters from notes and file names never reach the terminal raw (F22): the escaping itself,
// and the commands that print note text and paths.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { main } from '../src/main.js'
import { printable, printableOutput } from '../src/printable.js'

// eslint-disable-next-line no-control-regex -- looking for raw control characters
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/

describe('printable', () => {
  test('should show every control character as a visible stand-in, and drop none', () => {
    expect(printable('a\u001bc\nb\t\r\u0000\u007f\u009b\u202e\u2028z')).toBe('a\u241bc\u2424b\u2409\u240d\u2400\\u007f\\u009b\\u202e\\u2028z')
    expect(printable('gewone tekst: café, Ωmega, 😀, ‍')).toBe('gewone tekst: café, Ωmega, 😀, ‍')
  })

  test('should keep the tabs, line breaks and CRLF line ends of a whole output', () => {
    expect(printableOutput('a\tb\r\nc\nd\re\u001b[2J')).toBe('a\tb\r\nc\nd\u240de\u241b[2J')
  })

  test('should keep JSON the same value', () => {
    const all = Array.from({ length: 0xa0 }, (_, i) => String.fromCharCode(i)).join('') + '\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069'
    const value = { [all]: [all, { nested: all }] }
    const text = printableOutput(JSON.stringify(value, null, 2))
    expect(text).not.toMatch(RAW)
    expect(JSON.parse(text)).toEqual(value)
  })
})

describe('commands print note text and paths safely', () => {
  let dir = ''
  const run = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = ''
    let err = ''
    const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: dir }, { library: join(dir, 'lib') })
    return { code, out, err }
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-printable-'))
    mkdirSync(join(dir, 'esc'))
    // The reproductions of the review: a link that resets the terminal, a name that clears it, and a
    // name with a line break that forges a problem line.
    writeFileSync(join(dir, 'esc', 'a.md'), '---\ntype: thema\nbron: ["1"]\n---\n[[\u001bc\u001b#8 reset]]\n')
    writeFileSync(join(dir, 'esc', 'x\u001b[2J\u001b[H.md'), '---\ntype: thema\nbron: ["1"]\n---\n[[Nope]]\n')
    writeFileSync(join(dir, 'esc', 'a\nnep.md:99:1  fout  alles in orde.md'), '---\ntype: thema\nbron: ["1"]\n---\n[[Nope]]\n')
    mkdirSync(join(dir, 'lib'))
    writeFileSync(join(dir, 'lib', 'Schulden.md'), '---\ntype: thema\ntitle: "Schulden\\e[2J\\nnep"\nbron: ["1"]\nsignalen: ["schulden"]\n---\n# Schulden\n\nSchulden en geldzorgen.\n')
    writeFileSync(join(dir, 'casus.md'), 'Cliënt heeft schulden, veel schulden en geldzorgen.\n')
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('check: no raw control character, no forged line, the JSON exact', async () => {
    const r = await run('check', 'esc')
    expect(r.out).not.toMatch(RAW)
    const lines = r.out.trim().split('\n')
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^esc\/[^\n]+:\d+:\d+ {2}(?:fout|waarschuwing) {2}/)
    expect(lines.filter((l) => l.startsWith('nep.md'))).toEqual([])
    expect(r.out).toContain('esc/a\u2424nep.md:99:1  fout  alles in orde.md:5:1  fout  De link [[Nope]]')
    expect(r.out).toContain('[[\u241bc\u241b#8 reset]]')
    const json = JSON.parse((await run('check', 'esc', '--json')).out) as { problems: Array<{ file: string; message: string }> }
    expect([...new Set(json.problems.map((p) => p.file))].sort()).toEqual(['a\nnep.md:99:1  fout  alles in orde.md', 'a.md', 'x\u001b[2J\u001b[H.md'])
    expect(json.problems.some((p) => p.message.includes('[[\u001bc\u001b#8 reset]]'))).toBe(true)
  })

  test('suggest: a title with an escape and a line break stays on its line', async () => {
    const r = await run('suggest', 'casus.md', '--min-score', '0')
    expect(r.out).not.toMatch(RAW)
    expect(r.out).toContain('Schulden\u241b[2J\u2424nep')
  })

  test('usage errors: the argument is shown safely', async () => {
    const r = await run('check', 'nergens\u001b[2J\nnep')
    expect(r.code).toBe(2)
    expect(r.err).not.toMatch(RAW)
    expect(r.err).toContain('nergens\u241b[2J\u2424nep')
  })
})
