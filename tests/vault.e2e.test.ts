// `praktijkwijzer vault --update` killed at every step of the swap (SIGKILL: no clean-up runs, as with a
// power cut or a closed laptop), then run again: the vault comes back exactly as it was, or as the
// finished update, never a mix.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'praktijkwijzer-vault-e2e-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const STEPS = ['staged', 'library-out', 'library-in', 'plugin-out', 'plugin-in', 'committed'] as const

function praktijkwijzer(args: string[], env: Record<string, string> = {}): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/praktijkwijzer.js'), ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env } })
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

function write(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const note = (text: string): string => `---\ntype: thema\nbron: ["4.7"]\n---\n# Thema\n\n${text}\n`
const v1 = write(join(work, 'v1'), { 'themas/A.md': note('a1'), 'themas/B.md': note('b1'), 'themas/Weg.md': note('weg') })
const v2 = write(join(work, 'v2'), { 'themas/A.md': note('a2'), 'themas/B.md': note('b2'), 'themas/Nieuw.md': note('nieuw') })
const plugin = (version: string): string =>
  write(join(work, `plugin-${version}`), { 'main.js': `/* ${version} */`, 'manifest.json': JSON.stringify({ id: 'praktijkwijzer', version }), 'styles.css': '' })
const p1 = plugin('0.1.0')
const p2 = plugin('0.2.0')

/** Each file as `path sha256` and each folder as `path/`; the manifest's two timestamps left out. */
function snapshot(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string, prefix: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = `${prefix}${e.name}`
      if (e.isDirectory()) {
        out.push(`${rel}/`)
        walk(join(d, e.name), `${rel}/`)
      } else {
        let text = readFileSync(join(d, e.name), 'utf8')
        if (e.name === 'installatie.json') text = text.replace(/"(created|updated)": "[^"]+"/g, '"$1": ""')
        out.push(`${rel} ${createHash('sha256').update(text).digest('hex')}`)
      }
    }
  }
  walk(dir, '')
  return out.sort()
}

let count = 0
/** A vault from v1 with a change by its team. */
function teamVault(): string {
  const dest = join(work, `kluis-${++count}`)
  expect(praktijkwijzer(['vault', dest, '--library', v1, '--plugin', p1]).status).toBe(0)
  writeFileSync(join(dest, 'Kennisbank/themas/B.md'), note('b1, aangepast door het team'))
  return dest
}

function updated(): string[] {
  const dest = teamVault()
  const r = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2])
  expect(r.stderr).toBe('')
  return snapshot(dest)
}

describe('vault --update, killed half-way', () => {
  const reference = updated()

  test.each(STEPS.filter((s) => s !== 'committed'))('killed at %s: the next run puts the vault back exactly as it was', (step) => {
    const dest = teamVault()
    const before = snapshot(dest)
    const crash = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2], { PRAKTIJKWIJZER_TEST_CRASH_AT: step })
    expect(crash.signal).toBe('SIGKILL')
    expect(readdirSync(dest)).toContain('.praktijkwijzer-update')
    // A dry run does not touch the leftover.
    const dry = praktijkwijzer(['vault', dest, '--update', '--dry-run', '--library', v1, '--plugin', p1])
    expect(dry.status).toBe(1)
    expect(dry.stderr).toContain('onderbroken update')
    // Against the old library there is nothing to do once the vault is back: so it is back exactly.
    const back = praktijkwijzer(['vault', dest, '--update', '--library', v1, '--plugin', p1])
    expect(back.stderr).toBe('')
    expect(back.stdout).toMatch(/^Een onderbroken update is eerst teruggedraaid: de kluis stond weer zoals ervoor\.\n.* is al bij: niets te doen/)
    expect(snapshot(dest)).toEqual(before)
  })

  test.each(STEPS)('killed at %s: the next run finishes the update as if nothing happened', (step) => {
    const dest = teamVault()
    expect(praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2], { PRAKTIJKWIJZER_TEST_CRASH_AT: step }).signal).toBe('SIGKILL')
    const again = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2])
    expect(again.status).toBe(0)
    expect(again.stdout.split('\n')[0]).toBe(step === 'committed' ? 'Een onderbroken update was al vastgelegd; die is eerst afgerond.' : 'Een onderbroken update is eerst teruggedraaid: de kluis stond weer zoals ervoor.')
    expect(snapshot(dest)).toEqual(reference)
  })
})
