import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'
import { VaultError } from '../src/vault/errors.js'
import { shippedSources, STAGING_DIR } from '../src/vault/layout.js'
import { readManifest, type Manifest } from '../src/vault/manifest.js'
import { STEPS, type Step } from '../src/vault/update.js'
import { LATER, library, note, NOW, outside, pluginBuild, read, repo, snapshot, TEAM, teamVault, update, V1, V2, writeFiles } from './vault-helpers.js'

function manifestOf(dest: string): Manifest {
  const r = readManifest(join(dest, '.obsidian/plugins/praktijkwijzer/installatie.json'), 'praktijkwijzer')
  if (!r.ok) throw new Error(r.message)
  return r.manifest
}

describe('vault --update', () => {
  test('should handle every scenario and touch nothing else', () => {
    const dest = teamVault()
    const before = outside(dest)
    const k = join(dest, 'Kennisbank')
    const r = update(dest)
    expect(r.changed).toBe(true)
    expect(r.plan).toMatchObject({
      added: ['praktijken/Nieuw.md'],
      updated: ['themas/Upstream.md'],
      restored: [],
      conflicts: [{ path: 'themas/Beide.md', beside: 'themas/Beide (nieuwe versie).md', write: true, reason: 'changed' }],
      removed: ['oud/Alleen.md', 'praktijken/Verdwenen.md'],
      keptChanged: ['themas/Lokaal.md'],
      keptRemoved: ['praktijken/Verdwenen maar gewijzigd.md'],
      stayDeleted: ['themas/Verwijderd en gewijzigd.md', 'themas/Verwijderd.md'],
      moved: [],
      blocked: [],
      unchanged: 1
    })
    // unchanged
    expect(read(k, 'themas/Onveranderd.md')).toBe(V1['themas/Onveranderd.md'])
    // changed upstream only: updated
    expect(read(k, 'themas/Upstream.md')).toBe(V2['themas/Upstream.md'])
    // changed locally only: kept
    expect(read(k, 'themas/Lokaal.md')).toBe(V1['themas/Lokaal.md'] + TEAM)
    // changed on both sides: the team's version stays, the new one is beside it
    expect(read(k, 'themas/Beide.md')).toBe(V1['themas/Beide.md'] + TEAM)
    expect(read(k, 'themas/Beide (nieuwe versie).md')).toBe(V2['themas/Beide.md'])
    // deleted locally: stays deleted, even when changed upstream
    expect(existsSync(join(k, 'themas/Verwijderd.md'))).toBe(false)
    expect(existsSync(join(k, 'themas/Verwijderd en gewijzigd.md'))).toBe(false)
    // new upstream: added
    expect(read(k, 'praktijken/Nieuw.md')).toBe(V2['praktijken/Nieuw.md'])
    // removed upstream: removed when untouched (with the folder it leaves empty), kept when changed
    expect(existsSync(join(k, 'praktijken/Verdwenen.md'))).toBe(false)
    expect(existsSync(join(k, 'oud'))).toBe(false)
    expect(read(k, 'praktijken/Verdwenen maar gewijzigd.md')).toBe(V1['praktijken/Verdwenen maar gewijzigd.md'] + TEAM)
    // the team's own files, settings and case notes
    expect(read(k, 'Eigen notitie van het team.md')).toBe('Van ons.\n')
    expect(read(dest, '.obsidian/plugins/praktijkwijzer/data.json')).toContain('"maxResults": 5')
    // The plugin's own record (for Kennisbank bijwerken in Obsidian) is the new manifest's.
    const data = JSON.parse(read(dest, '.obsidian/plugins/praktijkwijzer/data.json')) as { libraryRecord: { version: string; files: unknown } }
    expect(data.libraryRecord.version).toMatch(/^0\.2\.0\+[0-9a-f]{8}$/)
    expect(data.libraryRecord.files).toEqual(manifestOf(dest).library.files)
    expect(outside(dest)).toEqual(before)
    // the plugin and the manifest
    expect(read(dest, '.obsidian/plugins/praktijkwijzer/main.js')).toBe('/* versie 2 */')
    expect(r.plugin).toEqual({ from: '0.1.0', to: '0.2.0', files: ['main.js', 'manifest.json'] })
    const manifest = manifestOf(dest)
    expect(Object.keys(manifest.library.files).sort()).toEqual(Object.keys(V2).sort())
    expect(manifest).toMatchObject({ created: NOW.toISOString(), updated: LATER.toISOString(), plugin: { version: '0.2.0' } })
    expect(existsSync(join(dest, STAGING_DIR))).toBe(false)
  })

  test('should change nothing on a second run', () => {
    const dest = teamVault()
    update(dest)
    const after = snapshot(dest)
    const again = update(dest, { now: new Date('2026-01-01T00:00:00Z') })
    expect(again.changed).toBe(false)
    expect(again.plan).toMatchObject({ added: [], updated: [], restored: [], conflicts: [], removed: [] })
    expect(snapshot(dest)).toEqual(after)
  })

  test('should respect how the team settles a conflict, and raise a new one only for a newer version', () => {
    const dest = teamVault()
    const k = join(dest, 'Kennisbank')
    update(dest)
    // The team takes what it wants into its note and deletes the new version.
    writeFileSync(join(k, 'themas/Beide.md'), 'Samengevoegd.\n')
    rmSync(join(k, 'themas/Beide (nieuwe versie).md'))
    const settled = snapshot(dest)
    expect(update(dest).changed).toBe(false)
    expect(snapshot(dest)).toEqual(settled)
    // A third version of the library changes the note again: a new conflict.
    const v3 = shippedSources(library({ ...V2, 'themas/Beide.md': note('thema', 'versie 3') }), pluginBuild('0.2.0', '/* versie 2 */'))
    const r = update(dest, {}, v3)
    expect(r.plan.conflicts).toEqual([{ path: 'themas/Beide.md', beside: 'themas/Beide (nieuwe versie).md', write: true, reason: 'changed' }])
    expect(read(k, 'themas/Beide.md')).toBe('Samengevoegd.\n')
    expect(read(k, 'themas/Beide (nieuwe versie).md')).toContain('versie 3')
  })

  test('should bring back deleted notes with restoreDeleted, in their newest version', () => {
    const dest = teamVault()
    const r = update(dest, { restoreDeleted: true })
    expect(r.plan.restored).toEqual(['themas/Verwijderd en gewijzigd.md', 'themas/Verwijderd.md'])
    expect(read(dest, 'Kennisbank/themas/Verwijderd en gewijzigd.md')).toBe(V2['themas/Verwijderd en gewijzigd.md'])
  })

  test('should change nothing with dryRun, and plan what the real run then does', () => {
    const dest = teamVault()
    const before = snapshot(dest)
    const dry = update(dest, { dryRun: true })
    expect(dry.changed).toBe(false)
    expect(snapshot(dest)).toEqual(before)
    expect(update(dest).plan).toEqual(dry.plan)
  })

  test('should update the plugin alone when the library is the same, and keep its settings', () => {
    const dest = teamVault()
    const library1 = snapshot(join(dest, 'Kennisbank'))
    const r = update(dest, {}, shippedSources(library(V1), pluginBuild('0.1.1', '/* versie 1.1 */')))
    expect(r.changed).toBe(true)
    expect(snapshot(join(dest, 'Kennisbank'))).toEqual(library1)
    expect(read(dest, '.obsidian/plugins/praktijkwijzer/main.js')).toBe('/* versie 1.1 */')
    expect(read(dest, '.obsidian/plugins/praktijkwijzer/data.json')).toContain('"maxResults": 5')
  })

  test('should refuse a damaged manifest and change nothing', () => {
    const dest = teamVault()
    writeFileSync(join(dest, '.obsidian/plugins/praktijkwijzer/installatie.json'), JSON.stringify({ format: 1, library: { folder: '../buiten', files: {} } }))
    const before = snapshot(dest)
    expect(() => update(dest)).toThrow(/installatie\.json is beschadigd.*--adopt/)
    expect(snapshot(dest)).toEqual(before)
  })
})

describe('vault --update when it fails half-way', () => {
  /** What a clean update gives: the same team vault, updated without a failure. */
  function reference(): string[] {
    const dest = teamVault()
    update(dest)
    return snapshot(dest)
  }

  test.each(STEPS.filter((s) => s !== 'committed'))('should leave the vault exactly as it was after a failure at %s, and update cleanly on the next run', (step) => {
    const dest = teamVault()
    const before = snapshot(dest)
    const seen: Step[] = []
    const fail = (s: Step): void => {
      seen.push(s)
      if (s === step) throw new Error(`kapot bij ${s}`)
    }
    expect(() => update(dest, { fault: fail })).toThrow(VaultError)
    const swapped = STEPS.indexOf(step) >= STEPS.indexOf('library-out')
    if (step === 'start') expect(seen).toEqual(['start'])
    expect(() => update(dest, { fault: fail })).toThrow(swapped ? /bijwerken mislukt \(kapot bij .+\); de kluis is teruggezet zoals hij was/ : /bijwerken mislukt \(kapot bij .+\); de kluis is niet veranderd/)
    expect(seen).toContain(step)
    expect(snapshot(dest)).toEqual(before)
    const r = update(dest)
    expect(r.recovered).toBe('none')
    expect(snapshot(dest)).toEqual(reference())
  })

  test('should keep the new state when the failure comes after the commit', () => {
    const dest = teamVault()
    expect(() =>
      update(dest, {
        fault: (s) => {
          if (s === 'committed') throw new Error('na het vastleggen')
        }
      })
    ).toThrow('na het vastleggen')
    expect(snapshot(dest)).toEqual(reference())
  })

  test('should not start while another update of the vault is running', () => {
    const dest = teamVault()
    writeFiles(dest, { [`${STAGING_DIR}/journal.json`]: JSON.stringify({ pid: process.ppid, status: 'staging', parts: [] }) })
    expect(() => update(dest)).toThrow(/er loopt al een update van deze kluis \(proces \d+\)/)
    expect(existsSync(join(dest, STAGING_DIR))).toBe(true)
  })

  test('should refuse a dry run over an interrupted update', () => {
    const dest = teamVault()
    // What an update of an older version leaves when it dies while staging: its journal names a process that is gone.
    writeFiles(dest, { [`${STAGING_DIR}/journal.json`]: JSON.stringify({ pid: 2 ** 22 + 1, status: 'staging', parts: [] }) })
    const before = snapshot(dest)
    expect(() => update(dest, { dryRun: true })).toThrow(/onderbroken update .*zonder --dry-run/)
    expect(snapshot(dest)).toEqual(before)
    // A real run throws the unfinished staging away and goes on.
    expect(update(dest).recovered).toBe('discarded')
    expect(snapshot(dest)).toEqual(reference())
  })
})

describe('praktijkwijzer vault DEST --update', () => {
  const run = (cwd: string, ...argv: string[]): Promise<Run> => runCli(argv, { cwd, library: join(repo, 'library') })

  test('should print a Dutch summary: counts, then the paths per kind', async () => {
    const dest = teamVault()
    const v2 = library(V2)
    const plugin = pluginBuild('0.2.0', '/* versie 2 */')
    const dry = await run(dest, 'vault', '.', '--update', '--dry-run', '--library', v2, '--plugin', plugin)
    expect(dry.code).toBe(0)
    expect(dry.out).toMatch(/^Proefrun: er is niets veranderd\. Zo zou \. worden bijgewerkt/)
    const r = await run(dest, 'vault', '.', '--update', '--library', v2, '--plugin', plugin)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^\. is bijgewerkt \(\d+,\d\d s\):$/)
    expect(lines.slice(1, 8)).toEqual([
      '  toegevoegd      1',
      '  bijgewerkt      1',
      '  conflicten      1  de nieuwe versie staat ernaast',
      '  verwijderd      2',
      '  behouden        4  door het team gewijzigd of verwijderd',
      '  ongewijzigd     1',
      '  plug-in      0.1.0 → 0.2.0 (main.js, manifest.json is vernieuwd)'
    ])
    expect(r.out).toContain('  Kennisbank/themas/Beide.md  →  Kennisbank/themas/Beide (nieuwe versie).md\n')
    expect(r.out).toContain('  Kennisbank/themas/Verwijderd.md  (door het team verwijderd; terugzetten met --restore-deleted)\n')
    expect(r.out).toContain('  Kennisbank/praktijken/Verdwenen maar gewijzigd.md  (niet meer in de kennisbank, maar door het team gewijzigd)\n')
    const again = await run(dest, 'vault', '.', '--update', '--library', v2, '--plugin', plugin)
    expect(again.out).toMatch(/^\. is al bij: niets te doen/)
  })
})
