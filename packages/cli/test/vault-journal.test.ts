import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { decide, folderDigest, journalText } from '../src/vault/journal.js'
import { STAGING_DIR } from '../src/vault/layout.js'
import { recoverVault } from '../src/vault/update.js'
import { read, snapshot, teamVault, writeFiles } from './vault-helpers.js'

describe('decide', () => {
  test('should throw a staging away, and never settle what it cannot place', () => {
    expect(decide('staging', [{ state: 'before' }, { state: 'before' }])).toBe('back')
    expect(decide('staging', [{ state: 'out' }])).toBe('stuck')
    expect(decide('staged', [{ state: 'in' }, { state: 'unknown' }])).toBe('stuck')
  })

  test('should roll back while the new folders are as staged', () => {
    expect(decide('staged', [{ state: 'in', liveIsAfter: true }, { state: 'out', oldIsBefore: false }])).toBe('back')
    expect(decide('staged', [{ state: 'in' }, { state: 'before' }])).toBe('back')
  })

  test('should finish instead when a new folder was worked in, if the rest is as planned', () => {
    expect(decide('staged', [{ state: 'in', liveIsAfter: false }, { state: 'before', liveIsBefore: true }])).toBe('forward')
    expect(decide('staged', [{ state: 'in', liveIsAfter: false }, { state: 'out', oldIsBefore: true }])).toBe('forward')
    expect(decide('staged', [{ state: 'in', liveIsAfter: false }, { state: 'out', oldIsBefore: false }])).toBe('stuck')
    expect(decide('staged', [{ state: 'in', liveIsAfter: false }, { state: 'before', liveIsBefore: false }])).toBe('stuck')
  })

  test('should finish a committed update', () => {
    expect(decide('committed', [{ state: 'in' }, { state: 'in' }])).toBe('forward')
    expect(decide('committed', [{ state: 'in' }, { state: 'out' }])).toBe('stuck')
  })
})

describe('recoverVault', () => {
  const deadOwner = { token: 'dood', pid: 2 ** 22 + 1, host: hostname() }

  /** A working folder as a run that died would leave it. */
  function leftover(dest: string, journal: string, extra: Record<string, string> = {}): string {
    const staging = join(dest, STAGING_DIR)
    writeFiles(staging, { 'lock/owner.json': JSON.stringify(deadOwner), 'journal.json': journal, ...extra })
    for (const dir of ['new', 'old']) mkdirSync(join(staging, dir), { recursive: true })
    return staging
  }

  test('should throw away a staging killed half-way through its copies', () => {
    const dest = teamVault()
    const before = snapshot(dest)
    const parts = [
      { name: 'library', path: 'Kennisbank', existed: true },
      { name: 'plugin', path: '.obsidian/plugins/praktijkwijzer', existed: true }
    ] as const
    const staging = leftover(dest, journalText({ status: 'staging', parts: [...parts] }), { 'new/0/themas/A.md': 'half' })
    expect(recoverVault(dest)).toBe('discarded')
    expect(existsSync(staging)).toBe(false)
    expect(snapshot(dest)).toEqual(before)
  })

  test('should move nothing when neither way is safe, and say where each version is', () => {
    const dest = teamVault()
    const k = join(dest, 'Kennisbank')
    const before = folderDigest(k)
    const staging = leftover(dest, '')
    // The library was swapped in and then worked in; the plugin folder was moved out, and changed since the plan.
    renameSync(k, join(staging, 'old/0'))
    writeFiles(staging, { 'new/1/main.js': 'nieuw' })
    renameSync(join(dest, '.obsidian/plugins/praktijkwijzer'), join(staging, 'old/1'))
    writeFiles(join(staging, 'old/1'), { 'data.json': '{"gewijzigd":true}' })
    writeFiles(k, { 'Nieuw.md': 'na de swap geschreven\n' })
    const journal = journalText({
      status: 'staged',
      parts: [
        { name: 'library', path: 'Kennisbank', existed: true, before, after: 'iets anders' },
        { name: 'plugin', path: '.obsidian/plugins/praktijkwijzer', existed: true, before: 'ook anders', after: 'x' }
      ]
    })
    writeFileSync(join(staging, 'journal.json'), journal)
    // Everything but the lock, which the recovering run took over.
    const unlocked = (): string[] => snapshot(dest).filter((l) => !l.startsWith(`${STAGING_DIR}/lock`))
    const state = unlocked()
    expect(() => recoverVault(dest)).toThrow(/kan niet veilig worden teruggedraaid of afgerond.*Er is niets verplaatst of weggegooid/s)
    expect(unlocked()).toEqual(state)
    expect(read(dest, 'Kennisbank/Nieuw.md')).toBe('na de swap geschreven\n')
  })

  test('should leave a working folder alone whose owner still runs, unless forced', () => {
    const dest = teamVault()
    const staging = join(dest, STAGING_DIR)
    writeFiles(staging, { 'lock/owner.json': JSON.stringify({ ...deadOwner, pid: process.pid }), 'journal.json': journalText({ status: 'staging', parts: [] }) })
    expect(() => recoverVault(dest)).toThrow(/er loopt al een update van deze kluis \(proces \d+\)/)
    expect(existsSync(staging)).toBe(true)
    expect(recoverVault(dest, { force: true })).toBe('discarded')
    expect(existsSync(staging)).toBe(false)
  })
})
