// The pre-commit hook from the README, run as written in a real git repository with the built command:
// a note with a BSN cannot be committed, a clean note can.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { ROOT } from '../lib/files.js'

let repo = ''

function git(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, PRAKTIJKWIJZER: `${process.execPath} ${join(ROOT, 'packages', 'cli', 'bin', 'praktijkwijzer.js')}` }
  })
  return { status: r.status, out: r.stdout + r.stderr }
}

beforeAll(() => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const hook = /```sh\n(#!\/bin\/sh\n# \.git\/hooks\/pre-commit[\s\S]*?)```/.exec(readme)?.[1]
  if (!hook) throw new Error('README.md has no pre-commit hook snippet')
  repo = mkdtempSync(join(tmpdir(), 'praktijkwijzer-hook-'))
  expect(git('init', '-q').status).toBe(0)
  writeFileSync(join(repo, '.git', 'hooks', 'pre-commit'), hook)
  chmodSync(join(repo, '.git', 'hooks', 'pre-commit'), 0o755)
  mkdirSync(join(repo, 'Casussen'))
})

afterAll(() => rmSync(repo, { recursive: true, force: true }))

test('should let a clean note through and stop a note with a BSN', () => {
  writeFileSync(join(repo, 'Casussen', 'Dhr K.md'), 'Gesprek met dhr. K. over zijn schulden.\n')
  git('add', '.')
  expect(git('commit', '-q', '-m', 'schoon').status).toBe(0)

  writeFileSync(join(repo, 'Casussen', 'Met spatie in de naam.md'), 'BSN 111222333\n')
  git('add', '.')
  const refused = git('commit', '-q', '-m', 'lek')
  expect(refused.status).not.toBe(0)
  expect(refused.out).toContain('Casussen/Met spatie in de naam.md:1:5  BSN  ')
  expect(refused.out).toContain('Commit gestopt')
  expect(git('log', '--oneline').out.trim().split('\n')).toHaveLength(1)
})
