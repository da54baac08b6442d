// A folder or a note the user may not read crashes no command (adversarial finding F9): the built
// command, run as a user without rights to one folder and one note of the library, reports each with its
// path in Dutch and reads the rest. Root may read anything, so as root the command runs as `nobody`.
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ROOT } from '../lib/files.js'

const asRoot = process.getuid?.() === 0
const canDrop = !asRoot || spawnSync('setpriv', ['--version']).status === 0
let dir = ''

function praktijkwijzer(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const command = [process.execPath, join(ROOT, 'packages/cli/bin/praktijkwijzer.js'), ...args]
  const [file, ...rest] = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command
  const r = spawnSync(file as string, rest, { cwd: dir, encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-unreadable-'))
  chmodSync(dir, 0o755)
  cpSync(join(ROOT, 'library'), join(dir, 'lib'), { recursive: true })
  mkdirSync(join(dir, 'lib', 'geheim'))
  writeFileSync(join(dir, 'lib', 'geheim', 'Verborgen.md'), '# Verborgen\n')
  writeFileSync(join(dir, 'notitie.md'), 'De deurwaarder stond aan de deur, de schulden lopen op.\n')
  chmodSync(join(dir, 'lib', 'geheim'), 0o000)
  chmodSync(join(dir, 'lib', 'themas', 'Stigma.md'), 0o000)
})

afterAll(() => {
  chmodSync(join(dir, 'lib', 'geheim'), 0o755)
  rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(!canDrop)('a library with a folder and a note the user may not read', () => {
  test('check lists both as errors with their path and reads the rest', () => {
    const r = praktijkwijzer('check', 'lib')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('lib/geheim:1:1  fout  Dit bestand of deze map kon niet gelezen worden (geen toegang) en is overgeslagen.')
    expect(r.stdout).toContain('lib/themas/Stigma.md:1:1  fout  Dit bestand of deze map kon niet gelezen worden (geen toegang)')
    expect(r.stdout).toMatch(/\d{3} notities gelezen/)
  })

  test.each([['graph', '--library', 'lib'], ['report', 'lib'], ['cite', 'export', '--library', 'lib'], ['suggest', 'notitie.md', '--library', 'lib']])('%s says so on standard error and does its work', (...argv) => {
    const r = praktijkwijzer(...argv)
    expect(r.stderr).toContain('lib/geheim  niet leesbaar: geen toegang\n')
    expect(r.stderr).toContain('lib/themas/Stigma.md  niet leesbaar: geen toegang\n')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(r.status).toBe(0)
    expect(r.stdout.length).toBeGreaterThan(100)
  })

  test('privacy reports both and checks the rest', () => {
    const r = praktijkwijzer('privacy', 'lib')
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('lib/geheim  niet gecontroleerd: Dit bestand of deze map kon niet gelezen worden (geen toegang)')
    expect(r.stderr).toContain('lib/themas/Stigma.md  niet gecontroleerd: Dit bestand of deze map kon niet gelezen worden (geen toegang)')
    expect(r.stdout).toMatch(/\d{3} notities gecontroleerd/)
  })
})
