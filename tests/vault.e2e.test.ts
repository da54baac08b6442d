// `praktijkwijzer vault --update` as real processes: killed at every step (SIGKILL: no clean-up runs, as with
// a power cut or a closed laptop), two runs at once with one of them paused at every step (a laptop going
// to sleep, Ctrl-Z), and edits written while an update is staging. Every outcome is the old vault, the new
// vault or a refusal, with every team edit intact and nothing written outside the vault.
import { spawn } from 'node:child_process'
import { chmodSync, chownSync, cpSync, existsSync, lchownSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { note, pausedAt, plugin, praktijkwijzer as cli, snapshot, write } from './lib/vault.js'

const work = mkdtempSync(join(tmpdir(), 'praktijkwijzer-vault-e2e-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const praktijkwijzer = (args: string[], env: Record<string, string> = {}) => cli(work, args, env)

const ALL_STEPS = ['start', 'locked', 'copied', 'staged', 'library-out', 'library-in', 'plugin-out', 'plugin-in', 'committed'] as const
/**
 * The steps each kill and pause test runs at. By default one of each kind of interrupted state, each with
 * its own recovery: before the lock (start), locked without a journal (locked), staging under a journal
 * (copied: the longest window), Kennisbank out with its only copy in the working folder (library-out), the
 * new Kennisbank in and the plugin folder out (plugin-out: a rollback that moves two folders back), and
 * committed (finish). Left out by default, each the same kind as one that runs: staged (as copied: nothing
 * moved yet), library-in (as plugin-out, and killed at in the test "then worked in" below) and plugin-in
 * (as plugin-out). PRAKTIJKWIJZER_TEST_ALL_STEPS=1 runs all nine (the exhaustive sweep).
 */
const STEPS: readonly Step[] = process.env['PRAKTIJKWIJZER_TEST_ALL_STEPS'] === '1' ? ALL_STEPS : ['start', 'locked', 'copied', 'library-out', 'plugin-out', 'committed']
type Step = (typeof ALL_STEPS)[number]
/** Steps at which nothing in the vault has been moved yet. */
const UNMOVED: readonly string[] = ['start', 'locked', 'copied', 'staged']

const v1 = write(join(work, 'v1'), { 'themas/A.md': note('a1'), 'themas/B.md': note('b1'), 'themas/Weg.md': note('weg') })
const v2 = write(join(work, 'v2'), { 'themas/A.md': note('a2'), 'themas/B.md': note('b2'), 'themas/Nieuw.md': note('nieuw') })
const p1 = plugin(join(work, 'plugin-0.1.0'), '0.1.0')
const p2 = plugin(join(work, 'plugin-0.2.0'), '0.2.0')
/** Outside every vault: must never change. */
const sentinel = write(join(work, 'buiten'), { 'victim.txt': 'PRECIOUS\n' })
const TEAM_EDIT = note('b1, aangepast door het team')

/** A vault from v1 with an edit by its team, and a link to a file outside it: made once, copied per test. */
const teamPrototype = (() => {
  const dest = join(work, 'kluis-prototype')
  expect(praktijkwijzer(['vault', dest, '--library', v1, '--plugin', p1]).status).toBe(0)
  writeFileSync(join(dest, 'Kennisbank/themas/B.md'), TEAM_EDIT)
  // A link where the new library adds a note: the update must deliver beside it, never through it.
  symlinkSync(join(sentinel, 'victim.txt'), join(dest, 'Kennisbank/themas/Nieuw.md'))
  return dest
})()

let count = 0
/** A fresh copy of the team's vault (links copied as links: the vault's content holds no path of its own). */
function teamVault(): string {
  const dest = join(work, `kluis-${++count}`)
  cpSync(teamPrototype, dest, { recursive: true, verbatimSymlinks: true })
  return dest
}

const reference = (() => {
  const dest = teamVault()
  expect(praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2]).stderr).toBe('')
  return snapshot(dest)
})()
const sentinelBefore = snapshot(sentinel)

/** The old state or the new, the team's edit intact, nothing outside changed. */
function expectOldOrNew(dest: string, old: string[]): 'old' | 'new' {
  const now = snapshot(dest)
  expect(readFileSync(join(dest, 'Kennisbank/themas/B.md'), 'utf8')).toBe(TEAM_EDIT)
  expect(snapshot(sentinel)).toEqual(sentinelBefore)
  if (JSON.stringify(now) === JSON.stringify(reference)) return 'new'
  expect(now).toEqual(old)
  return 'old'
}

describe('vault --update, killed half-way', () => {
  test.each(STEPS.filter((s) => s !== 'committed'))('killed at %s: the next run puts the vault back exactly as it was', (step) => {
    const dest = teamVault()
    const before = snapshot(dest)
    const crash = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2], { PRAKTIJKWIJZER_TEST_CRASH_AT: step })
    expect(crash.signal).toBe('SIGKILL')
    if (step !== 'start') {
      expect(readdirSync(dest)).toContain('.praktijkwijzer-update')
      // A dry run does not touch the leftover.
      const dry = praktijkwijzer(['vault', dest, '--update', '--dry-run', '--library', v1, '--plugin', p1])
      expect(dry.status).toBe(1)
      expect(dry.stderr).toContain('onderbroken update')
    }
    // Against the old library there is nothing to do once the vault is back: so it is back exactly.
    const back = praktijkwijzer(['vault', dest, '--update', '--library', v1, '--plugin', p1])
    expect(back.stderr).toBe('')
    const recovered = step === 'start' ? '' : UNMOVED.includes(step) ? 'Een onderbroken update had nog niets veranderd; die is eerst opgeruimd\\.\\n' : 'Een onderbroken update is eerst teruggedraaid: de kluis stond weer zoals ervoor\\.\\n'
    expect(back.stdout).toMatch(new RegExp(`^${recovered}.* is al bij: niets te doen`))
    expect(snapshot(dest)).toEqual(before)
  })

  test.each(STEPS)('killed at %s: the next run finishes the update as if nothing happened', (step) => {
    const dest = teamVault()
    expect(praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2], { PRAKTIJKWIJZER_TEST_CRASH_AT: step }).signal).toBe('SIGKILL')
    const again = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2])
    expect(again.status).toBe(0)
    const first = again.stdout.split('\n')[0]
    if (step === 'start') expect(first).toMatch(/ is bijgewerkt /)
    else if (step === 'committed') expect(first).toBe('Een onderbroken update was al vastgelegd; die is eerst afgerond.')
    else if (UNMOVED.includes(step)) expect(first).toBe('Een onderbroken update had nog niets veranderd; die is eerst opgeruimd.')
    else expect(first).toBe('Een onderbroken update is eerst teruggedraaid: de kluis stond weer zoals ervoor.')
    expect(snapshot(dest)).toEqual(reference)
  })

  test('killed after the new Kennisbank was in place, then worked in: the next run finishes instead of throwing that work away', () => {
    const dest = teamVault()
    expect(praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2], { PRAKTIJKWIJZER_TEST_CRASH_AT: 'library-in' }).signal).toBe('SIGKILL')
    // Someone opens the vault and writes a note in the new Kennisbank before anyone runs the update again.
    writeFileSync(join(dest, 'Kennisbank/Na de crash.md'), 'geschreven na de crash\n')
    const again = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2])
    expect(again.stderr).toBe('')
    expect(again.stdout.split('\n')[0]).toBe('Een onderbroken update is eerst afgerond: in de nieuwe versie was al gewerkt, terugdraaien zou dat werk weggooien.')
    expect(readFileSync(join(dest, 'Kennisbank/Na de crash.md'), 'utf8')).toBe('geschreven na de crash\n')
    expect(snapshot(dest).filter((l) => !l.startsWith('Kennisbank/Na de crash.md'))).toEqual(reference)
  })

  test('F24: `vault DEST` killed just before the vault is in place leaves nothing that the next run does not clear', () => {
    const parent = mkdtempSync(join(work, 'nieuw-'))
    const dest = join(parent, 'kluis')
    expect(praktijkwijzer(['vault', dest, '--library', v1, '--plugin', p1], { PRAKTIJKWIJZER_TEST_CRASH_AT: 'assembled' }).signal).toBe('SIGKILL')
    expect(readdirSync(parent)).toHaveLength(1)
    expect(readdirSync(parent)[0]).toMatch(/^\.kluis\.praktijkwijzer-/)
    expect(praktijkwijzer(['vault', dest, '--library', v1, '--plugin', p1]).status).toBe(0)
    expect(readdirSync(parent)).toEqual(['kluis'])
  })
})

describe('vault --update, two runs at once', () => {
  test.each(STEPS)('one paused at %s while the other runs: one updates, the other refuses or finds nothing to do', async (step) => {
    const dest = teamVault()
    const before = snapshot(dest)
    const a = await pausedAt(work, ['vault', dest, '--update', '--library', v2, '--plugin', p2], step)
    expect(a.reached).toBe(true)
    const b = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2])
    const ra = await a.resume()
    if (step === 'start') {
      // Paused before the lock: B ran alone, and A then planned on the updated vault.
      expect(b.status).toBe(0)
      expect(ra.stdout).toMatch(/ is al bij: niets te doen/)
    } else {
      expect(b.status).toBe(1)
      expect(b.stderr).toMatch(/^praktijkwijzer vault: er loopt al een update van deze kluis \(proces \d+\)/)
      expect(b.stderr).not.toMatch(/verwijder (dan )?de map/i)
      expect(ra.stderr).toBe('')
      expect(ra.status).toBe(0)
    }
    expect(expectOldOrNew(dest, before)).toBe('new')
  })

  test('edits written while an update is staging are kept: the update is planned again, and says so', async () => {
    const dest = teamVault()
    const a = await pausedAt(work, ['vault', dest, '--update', '--library', v2, '--plugin', p2], 'copied')
    writeFileSync(join(dest, 'Kennisbank/themas/A.md'), note('a1, aangevuld tijdens de update'))
    writeFileSync(join(dest, 'Kennisbank/Collega.md'), 'nieuw van een collega\n')
    const r = await a.resume()
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n')[0]).toBe('Tijdens het klaarzetten veranderde er iets in de kluis (Kennisbank/Collega.md, Kennisbank/themas/A.md); de update is opnieuw gepland, met die wijzigingen.')
    expect(readFileSync(join(dest, 'Kennisbank/themas/A.md'), 'utf8')).toBe(note('a1, aangevuld tijdens de update'))
    expect(readFileSync(join(dest, 'Kennisbank/themas/A (nieuwe versie).md'), 'utf8')).toBe(note('a2'))
    expect(readFileSync(join(dest, 'Kennisbank/Collega.md'), 'utf8')).toBe('nieuw van een collega\n')
  })
})

describe('F4: an interrupted update whose process id is reused', () => {
  /** A vault left by an update killed between its two swaps: Kennisbank/ lives only in the working folder. */
  function interrupted(): { dest: string; before: string[]; ownerFile: string } {
    const dest = teamVault()
    const before = snapshot(dest)
    expect(praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2], { PRAKTIJKWIJZER_TEST_CRASH_AT: 'library-out' }).signal).toBe('SIGKILL')
    expect(existsSync(join(dest, 'Kennisbank'))).toBe(false)
    return { dest, before, ownerFile: join(dest, '.praktijkwijzer-update/lock/owner.json') }
  }

  test.runIf(process.platform === 'linux')('a live process with the same id but another start is not the owner: the vault is put back', async () => {
    const { dest, before, ownerFile } = interrupted()
    const other = spawn('sleep', ['30'])
    try {
      const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid: number }
      writeFileSync(ownerFile, JSON.stringify({ ...owner, pid: other.pid }))
      const r = praktijkwijzer(['vault', dest, '--update', '--library', v1, '--plugin', p1])
      expect(r.stderr).toBe('')
      expect(r.stdout.split('\n')[0]).toBe('Een onderbroken update is eerst teruggedraaid: de kluis stond weer zoals ervoor.')
      expect(snapshot(dest)).toEqual(before)
    } finally {
      other.kill()
    }
  })

  test('an owner that cannot be checked: a refusal that warns, never advises deleting; --recover puts the vault back', () => {
    const { dest, before, ownerFile } = interrupted()
    const owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as Record<string, unknown>
    writeFileSync(ownerFile, JSON.stringify({ ...owner, host: 'een-andere-computer' }))
    const r = praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('op de computer een-andere-computer')
    expect(r.stderr).toContain(`praktijkwijzer vault ${dest} --recover`)
    expect(r.stderr).toContain('niet: daarin staat nu de enige kopie van een deel van de kluis')
    expect(r.stderr).not.toMatch(/verwijder (dan )?de map/i)
    const recover = praktijkwijzer(['vault', dest, '--recover'])
    expect(recover.stdout).toMatch(/is teruggedraaid: de kluis staat weer zoals ervoor/)
    expect(snapshot(dest)).toEqual(before)
    expect(praktijkwijzer(['vault', dest, '--update', '--library', v2, '--plugin', p2]).status).toBe(0)
    expect(snapshot(dest)).toEqual(reference)
  })
})

// Permissions only bite a user that is not root: run the command as `nobody` where that is possible.
const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p))
const asNobody = process.platform === 'linux' && process.getuid?.() === 0 && setpriv !== undefined
describe.runIf(asNobody)('F18: permissions, as an ordinary user', () => {
  const nobody = [setpriv as string, '--reuid=65534', '--regid=65534', '--clear-groups']
  function ownedVault(): string {
    const dest = teamVault()
    chmodSync(work, 0o755)
    const own = (dir: string): void => {
      chownSync(dir, 65534, 65534)
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, e.name)
        if (e.isDirectory()) own(full)
        else lchownSync(full, 65534, 65534)
      }
    }
    own(dest)
    return dest
  }
  const run = (dest: string) => cli(work, ['vault', dest, '--update', '--library', v2, '--plugin', p2], {}, nobody)

  test.each([
    ['the vault', '.', /kan geen werkmap maken in de kluis: .*: geen toestemming \(EACCES\)\. Geef jezelf schrijfrechten/],
    ['a folder in Kennisbank', 'Kennisbank/themas', /bijwerken moet schrijven in Kennisbank\/themas, maar dat mag niet \(geen schrijfrechten\).*Er is niets veranderd/],
    ['the plugin folder', '.obsidian/plugins/praktijkwijzer', /bijwerken moet schrijven in \.obsidian\/plugins\/praktijkwijzer, maar dat mag niet/]
  ])('%s read-only: a true Dutch message, nothing changed, and the next run works once it is writable', (_, folder, message) => {
    const dest = ownedVault()
    const before = snapshot(dest)
    chmodSync(join(dest, folder), 0o555)
    const r = run(dest)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toContain('met de hand')
    chmodSync(join(dest, folder), 0o755)
    expect(snapshot(dest)).toEqual(before)
    const again = run(dest)
    expect(again.stderr).toBe('')
    expect(snapshot(dest)).toEqual(reference)
  })
})
