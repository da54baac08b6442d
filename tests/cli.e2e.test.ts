// The built `praktijkwijzer` command, run as a user runs it: through pnpm's bin link, in a child process.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

function praktijkwijzer(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['packages/cli/bin/praktijkwijzer.js', ...args], { cwd: root, encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

test('check on the fixture libraries gives exit codes 0 and 1', () => {
  expect(praktijkwijzer('check', 'tests/fixtures/valid').status).toBe(0)
  const broken = praktijkwijzer('check', 'tests/fixtures/broken')
  expect(broken.status).toBe(1)
  expect(broken.stdout).toContain('tests/fixtures/broken/Praktijk.md:5:10  fout  De link [[Bestaat niet]]')
})

test('check defaults to the shipped library and finds no errors in it', () => {
  const r = praktijkwijzer('check')
  expect(r.stderr).toBe('')
  expect(r.stdout).toMatch(/notities gelezen: 0 fouten/)
  expect(r.status).toBe(0)
})

test('wrong usage exits 2 with a Dutch message on stderr', () => {
  const r = praktijkwijzer('graph', '--format')
  expect(r.status).toBe(2)
  expect(r.stderr).toContain('optie --format verwacht een waarde')
})
