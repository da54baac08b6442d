// A reader that stops early (`praktijkwijzer check | head -1`) closes the pipe under the command: no
// stack trace, no message, and the command's own exit code (F11). Runs the built command.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ROOT } from '../lib/files.js'

const CLI = join(ROOT, 'packages', 'cli', 'bin', 'praktijkwijzer.js')
let dir = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-pipe-'))
  // An error (an unknown type) and 20,000 broken links: about 1.8 MB of problem lines, far more than a
  // pipe holds, written one line at a time.
  writeFileSync(join(dir, 'n.md'), `---\ntype: onzin\n---\n${'[[a]] '.repeat(20_000)}\n`)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Run the command and close its standard output after the first piece, as `head -c 1` does. */
function readFirstPieceOnly(args: string[]): Promise<{ code: number | null; err: string; first: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  let first = ''
  child.stderr.on('data', (d: Buffer) => void (err += d.toString()))
  child.stdout.once('data', (d: Buffer) => {
    first = d.toString()
    child.stdout.destroy()
  })
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, err, first })))
}

test('should stop quietly with its own exit code when the reader closes the pipe, line by line', async () => {
  const r = await readFirstPieceOnly(['check', '.'])
  expect(r.first).toMatch(/^n\.md:\d+:\d+ {2}/)
  expect(r.err).toBe('')
  expect(r.code).toBe(1)
})

test('should stop quietly when the reader closes the pipe in the middle of one large write', async () => {
  const r = await readFirstPieceOnly(['graph', '--format', 'json'])
  expect(r.first).toMatch(/^\{/)
  expect(r.err).toBe('')
  expect(r.code).toBe(0)
})
