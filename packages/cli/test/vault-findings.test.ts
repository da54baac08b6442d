// One test (or a few) per finding of the adversarial review of `vault --update` (F1–F6, F16–F18, F24),
// each reproducing what went wrong. The strace-forced interleavings of the review are pauses injected at
// the same points: the fault hook of one run runs a second one, or writes to the vault.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'
import { assembleVault } from '../src/vault/assemble.js'
import { shippedSources, STAGING_DIR } from '../src/vault/layout.js'
import { STEPS, updateVault, type Step } from '../src/vault/update.js'
import { freshVault, library, note, outside, pluginBuild, read, repo, snapshot, TEAM, teamVault, tempDir, update, V1, V2, v2Sources, writeFiles } from './vault-helpers.js'

const PRECIOUS = 'PRECIOUS\n'
const PLUGIN = '.obsidian/plugins/praktijkwijzer'

const run = (cwd: string, ...argv: string[]): Promise<Run> => runCli(argv, { cwd, library: join(repo, 'library') })

/** A file outside the vault that an update must never touch. */
function victim(): string {
  const path = join(tempDir(), 'victim.txt')
  writeFileSync(path, PRECIOUS)
  return path
}

/** What a clean update of an untouched team vault gives. */
function reference(): string[] {
  const dest = teamVault()
  update(dest)
  return snapshot(dest)
}

describe('F1: an update never writes through a symbolic link', () => {
  test('a link where the library adds a note: the note goes beside it, the link and its target stay', () => {
    const dest = teamVault()
    const target = victim()
    symlinkSync(target, join(dest, 'Kennisbank/praktijken/Nieuw.md'))
    const r = update(dest)
    expect(readFileSync(target, 'utf8')).toBe(PRECIOUS)
    expect(r.plan.conflicts).toContainEqual({ path: 'praktijken/Nieuw.md', beside: 'praktijken/Nieuw (nieuwe versie).md', write: true, reason: 'link' })
    expect(read(dest, 'Kennisbank/praktijken/Nieuw (nieuwe versie).md')).toBe(V2['praktijken/Nieuw.md'])
    expect(snapshot(dest)).toContain(`Kennisbank/praktijken/Nieuw.md -> ${target}`)
  })

  test('a note the team replaced by a link, with --restore-deleted: the target stays', () => {
    const dest = teamVault()
    const target = victim()
    symlinkSync(target, join(dest, 'Kennisbank/themas/Verwijderd en gewijzigd.md'))
    update(dest, { restoreDeleted: true })
    expect(readFileSync(target, 'utf8')).toBe(PRECIOUS)
  })

  test('a linked folder where the library adds notes: nothing is created in its target, and the run says so', async () => {
    const dest = teamVault()
    const out = tempDir()
    symlinkSync(out, join(dest, 'Kennisbank/nieuw'))
    const v3 = { ...V2, 'nieuw/diep/Nieuw thema.md': note('thema', 'nieuw thema') }
    const r = await run(dest, 'vault', '.', '--update', '--library', library(v3), '--plugin', pluginBuild('0.2.0'))
    expect(r.code).toBe(0)
    expect(readdirSync(out)).toEqual([])
    expect(r.out).toContain('Kennisbank/nieuw/diep/Nieuw thema.md  (Kennisbank/nieuw is een symbolische koppeling, geen map; bijwerken schrijft nooit via een koppeling)')
    // The rest is delivered.
    expect(read(dest, 'Kennisbank/themas/Upstream.md')).toBe(V2['themas/Upstream.md'])
  })

  test.each(['main.js', 'installatie.json'])('a plugin file that is a link (%s): refused, nothing changed', async (name) => {
    const dest = teamVault()
    const target = victim()
    const file = join(dest, PLUGIN, name)
    if (name === 'installatie.json') writeFileSync(target, readFileSync(file))
    rmSync(file)
    symlinkSync(target, file)
    const before = snapshot(dest)
    const kept = readFileSync(target, 'utf8')
    const r = await run(dest, 'vault', '.', '--update', '--library', library(V2), '--plugin', pluginBuild('0.2.0', '/* versie 2 */'))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(new RegExp(`${name.replace('.', '\\.')}.*symbolische koppeling`))
    expect(readFileSync(target, 'utf8')).toBe(kept)
    expect(snapshot(dest)).toEqual(before)
  })

  test('a link where the new version of a conflict would go: it goes to the next free name', () => {
    const dest = teamVault()
    const target = victim()
    symlinkSync(target, join(dest, 'Kennisbank/themas/Beide (nieuwe versie).md'))
    const r = update(dest)
    expect(readFileSync(target, 'utf8')).toBe(PRECIOUS)
    expect(r.plan.conflicts).toContainEqual({ path: 'themas/Beide.md', beside: 'themas/Beide (nieuwe versie 2).md', write: true, reason: 'changed' })
  })

  test('Kennisbank itself a link: refused in the dry run and the real run, in Dutch; its target untouched', async () => {
    const dest = teamVault()
    const elsewhere = join(tempDir(), 'elders')
    renameSync(join(dest, 'Kennisbank'), elsewhere)
    symlinkSync(elsewhere, join(dest, 'Kennisbank'))
    const before = [...snapshot(dest), ...snapshot(elsewhere)]
    for (const flags of [['--dry-run'], []]) {
      const r = await run(dest, 'vault', '.', '--update', ...flags, '--library', library(V2), '--plugin', pluginBuild('0.2.0'))
      expect(r.code).toBe(1)
      expect(r.err).toContain('Kennisbank in de kluis is een symbolische koppeling, geen map')
    }
    expect([...snapshot(dest), ...snapshot(elsewhere)]).toEqual(before)
  })
})

describe('F2: two updates at once', () => {
  test.each(STEPS)('a second update while the first is paused at %s refuses (or, before the lock, runs alone), and the first finishes as if alone', (step) => {
    const dest = teamVault()
    const second: string[] = []
    const r = update(dest, {
      fault: (s: Step) => {
        if (s !== step) return
        try {
          update(dest)
          second.push('finished')
        } catch (error) {
          second.push((error as Error).message)
        }
      }
    })
    expect(second).toHaveLength(1)
    if (step === 'start') {
      // Paused before it took the lock: the second one ran alone, and the first then found nothing to do.
      expect(second[0]).toBe('finished')
      expect(r.changed).toBe(false)
    } else {
      expect(second[0]).toMatch(/^er loopt al een update van deze kluis \(proces \d+\)/)
      expect(r.changed).toBe(true)
    }
    expect(snapshot(dest)).toEqual(reference())
  })

  test('a run that finds the working folder while its owner lives never deletes it, even one without old/', () => {
    const dest = teamVault()
    let inner = ''
    update(dest, {
      fault: (s) => {
        if (s !== 'locked') return
        try {
          update(dest, { dryRun: true })
        } catch (error) {
          inner = (error as Error).message
        }
        expect(existsSync(join(dest, STAGING_DIR, 'journal.json'))).toBe(true)
      }
    })
    expect(inner).toMatch(/^er loopt al een update/)
  })
})

describe('F3: edits written while the update is staging', () => {
  test('are detected, and the update is planned again with them', () => {
    const dest = teamVault()
    const k = join(dest, 'Kennisbank')
    let written = false
    const r = update(dest, {
      fault: (s) => {
        if (s !== 'staged' || written) return
        written = true
        writeFileSync(join(k, 'themas/Upstream.md'), V1['themas/Upstream.md'] + 'aanvulling tijdens de update\n')
        writeFileSync(join(k, 'Collega.md'), 'nieuw\n')
      }
    })
    expect(read(k, 'themas/Upstream.md')).toBe(V1['themas/Upstream.md'] + 'aanvulling tijdens de update\n')
    expect(read(k, 'Collega.md')).toBe('nieuw\n')
    expect(r.replanned).toEqual(['Kennisbank/Collega.md', 'Kennisbank/themas/Upstream.md'])
    // The edited note is now changed on both sides: a conflict, with the new version beside it.
    expect(read(k, 'themas/Upstream (nieuwe versie).md')).toBe(V2['themas/Upstream.md'])
  })

  test('a write that lands just before the folder is moved out is found there, and nothing is lost', () => {
    const dest = teamVault()
    let written = false
    const r = update(dest, {
      fault: (s) => {
        if (s !== 'library-out' || written) return
        written = true
        writeFileSync(join(dest, STAGING_DIR, 'old', '0', 'Eigen notitie van het team.md'), 'Van ons, net aangevuld.\n')
      }
    })
    expect(r.replanned).toEqual(['Kennisbank/Eigen notitie van het team.md'])
    expect(read(dest, 'Kennisbank/Eigen notitie van het team.md')).toBe('Van ons, net aangevuld.\n')
    expect(read(dest, 'Kennisbank/themas/Upstream.md')).toBe(V2['themas/Upstream.md'])
  })

  test('edits that keep coming: after three tries the update gives up and changes nothing', () => {
    const dest = teamVault()
    let n = 0
    const before = snapshot(dest)
    expect(() =>
      update(dest, {
        fault: (s) => {
          if (s === 'staged') writeFileSync(join(dest, 'Kennisbank/Eigen notitie van het team.md'), `versie ${++n}\n`)
        }
      })
    ).toThrow(/tijdens het bijwerken bleven er bestanden veranderen \(Kennisbank\/Eigen notitie van het team\.md\).*De kluis is niet veranderd/)
    expect(n).toBe(3)
    expect(snapshot(dest).filter((l) => !l.startsWith('Kennisbank/Eigen'))).toEqual(before.filter((l) => !l.startsWith('Kennisbank/Eigen')))
  })
})

describe('F5 and F6: the record and the sources are checked', () => {
  test('F5: --library pointing at the vault own Kennisbank is refused (exit 2), and nothing is recorded', async () => {
    const dest = teamVault()
    const before = snapshot(dest)
    const r = await run(dest, 'vault', '.', '--update', '--library', 'Kennisbank', '--plugin', pluginBuild('0.2.0'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('ligt in de kluis zelf')
    expect(snapshot(dest)).toEqual(before)
  })

  test.each([
    ['library', 'Casussen'],
    ['plugin', 'Casussen']
  ])('F6: an installatie.json whose %s folder is %s is refused, and the case notes stay', (part, folder) => {
    const dest = teamVault()
    const path = join(dest, PLUGIN, 'installatie.json')
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { folder: string; files: Record<string, string> }>
    const entry = manifest[part] as { folder: string; files: Record<string, string> }
    entry.folder = folder
    entry.files['Een casus.md'] = createHash('sha256').update(readFileSync(join(dest, 'Casussen/Een casus.md'))).digest('hex')
    writeFileSync(path, JSON.stringify(manifest))
    const before = snapshot(dest)
    expect(() => update(dest)).toThrow(/installatie\.json is beschadigd/)
    expect(snapshot(dest)).toEqual(before)
  })
})

describe('F16 and F17: line ends and Unicode forms are no change', () => {
  test('F16: after a CRLF conversion every update is still delivered', () => {
    const dest = freshVault()
    for (const path of Object.keys(V1)) writeFileSync(join(dest, 'Kennisbank', path), read(dest, `Kennisbank/${path}`).replace(/\n/g, '\r\n'))
    const r = update(dest)
    expect(r.plan).toMatchObject({
      updated: ['themas/Beide.md', 'themas/Upstream.md', 'themas/Verwijderd en gewijzigd.md'],
      conflicts: [],
      removed: ['oud/Alleen.md', 'praktijken/Verdwenen maar gewijzigd.md', 'praktijken/Verdwenen.md'],
      keptChanged: [],
      keptRemoved: []
    })
    expect(read(dest, 'Kennisbank/themas/Upstream.md')).toBe(V2['themas/Upstream.md'])
  })

  test('F17: decomposed file names are the same notes: updated in place, never duplicated', () => {
    const files = { 'literatuur/Korevaar & Dröes 2016.md': note('literatuur', 'versie 1'), 'themas/Zorg.md': note('thema', 'zorg') }
    const dest = freshVault(files)
    const nfd = 'Korevaar & Dröes 2016.md'.normalize('NFD')
    renameSync(join(dest, 'Kennisbank/literatuur/Korevaar & Dröes 2016.md'), join(dest, 'Kennisbank/literatuur', nfd))
    const v2 = { ...files, 'literatuur/Korevaar & Dröes 2016.md': note('literatuur', 'versie 2') }
    for (const restoreDeleted of [false, true]) {
      const r = update(dest, { restoreDeleted }, v2Sources(v2))
      expect(r.plan.stayDeleted).toEqual([])
      expect(r.plan.restored).toEqual([])
      expect(readdirSync(join(dest, 'Kennisbank/literatuur'))).toEqual([nfd])
      expect(read(dest, `Kennisbank/literatuur/${nfd}`)).toBe(v2['literatuur/Korevaar & Dröes 2016.md'])
    }
  })

  test('F17: a new note in a folder whose name is decomposed on disk goes into that folder', () => {
    const dest = freshVault({ 'cliënten/A.md': note('thema', 'a') })
    const nfd = 'cliënten'.normalize('NFD')
    renameSync(join(dest, 'Kennisbank/cliënten'), join(dest, 'Kennisbank', nfd))
    update(dest, {}, v2Sources({ 'cliënten/A.md': note('thema', 'a'), 'cliënten/B.md': note('thema', 'b') }))
    expect(readdirSync(join(dest, 'Kennisbank')).filter((n) => n.startsWith('cli'))).toEqual([nfd])
    expect(readdirSync(join(dest, 'Kennisbank', nfd)).sort()).toEqual(['A.md', 'B.md'])
  })
})

describe('F18: what the file system refuses is said in Dutch, and never leaves the vault stuck', () => {
  test('a file-system error while staging: a Dutch message, the vault unchanged, and the next run works', () => {
    const dest = teamVault()
    const before = snapshot(dest)
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' })
    expect(() =>
      update(dest, {
        fault: (s) => {
          if (s === 'copied') throw denied
        }
      })
    ).toThrow('bijwerken mislukt (geen toestemming (EACCES)); de kluis is niet veranderd.')
    expect(snapshot(dest)).toEqual(before)
    expect(update(dest).changed).toBe(true)
  })

  test('a file-system error half-way through the swap: put back, said in Dutch, and the next run works', () => {
    const dest = teamVault()
    const before = snapshot(dest)
    const busy = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' })
    expect(() =>
      update(dest, {
        fault: (s) => {
          if (s === 'plugin-out') throw busy
        }
      })
    ).toThrow('bijwerken mislukt (is in gebruik door een ander programma (EBUSY)); de kluis is teruggezet zoals hij was.')
    expect(snapshot(dest)).toEqual(before)
    expect(snapshot((update(dest), dest))).toEqual(reference())
  })

  test.runIf(process.platform === 'linux')('a file name that is not UTF-8: a Dutch message with the name, nothing changed', () => {
    const dest = teamVault()
    writeFileSync(Buffer.concat([Buffer.from(join(dest, 'Kennisbank', 'caf')), Buffer.from([0xe9]), Buffer.from('.md')]), 'x')
    const before = snapshot(dest)
    expect(() => update(dest)).toThrow(/naam geen geldige UTF-8 is \("caf\\xE9\.md"\)\. Geef het een andere naam/)
    expect(snapshot(dest)).toEqual(before)
  })

  test('an attachment too large to hash is the team own file: the update goes on and keeps it', () => {
    const dest = teamVault()
    writeFileSync(join(dest, 'Kennisbank/bijlage.pdf'), Buffer.alloc(5000, 7))
    const r = update(dest, { hashLimit: 1000 })
    expect(r.changed).toBe(true)
    expect(readFileSync(join(dest, 'Kennisbank/bijlage.pdf'))).toEqual(Buffer.alloc(5000, 7))
  })

  test('a file where the library adds a folder, and a folder where it adds a note: reported, the rest delivered', async () => {
    const dest = teamVault()
    writeFiles(dest, { 'Kennisbank/nieuw': 'een bestand van het team\n' })
    mkdirSync(join(dest, 'Kennisbank/praktijken/Nieuw.md'))
    const v3 = { ...V2, 'nieuw/diep/Nieuw thema.md': note('thema', 'nieuw thema') }
    const r = await run(dest, 'vault', '.', '--update', '--library', library(v3), '--plugin', pluginBuild('0.2.0'))
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('Kennisbank/nieuw/diep/Nieuw thema.md  (Kennisbank/nieuw is een bestand, geen map; bijwerken schrijft er niet overheen)')
    expect(r.out).toContain('Kennisbank/praktijken/Nieuw.md  →  Kennisbank/praktijken/Nieuw (nieuwe versie).md  (daar staat een map)')
    expect(read(dest, 'Kennisbank/nieuw')).toBe('een bestand van het team\n')
    expect(read(dest, 'Kennisbank/themas/Upstream.md')).toBe(V2['themas/Upstream.md'])
    // Once the team clears the way, the next run delivers the note.
    rmSync(join(dest, 'Kennisbank/nieuw'))
    const again = await run(dest, 'vault', '.', '--update', '--library', library(v3), '--plugin', pluginBuild('0.2.0'))
    expect(again.out).toContain('Toegevoegd:\n  Kennisbank/nieuw/diep/Nieuw thema.md\n')
  })

  test.runIf(process.platform !== 'win32')('a FIFO in Kennisbank: a Dutch message naming it, nothing changed', () => {
    const dest = teamVault()
    execFileSync('mkfifo', [join(dest, 'Kennisbank/pijp')])
    const before = snapshot(dest)
    expect(() => update(dest)).toThrow(/Kennisbank\/pijp is een bijzonder bestand/)
    expect(snapshot(dest)).toEqual(before)
  })
})

describe('F24: the small leftovers', () => {
  test('what a killed `vault DEST` left beside DEST is removed by the next run; folders that are not ours stay', () => {
    const parent = tempDir()
    const dead = { token: 'abc123', pid: 2 ** 22 + 1, host: hostname() }
    writeFiles(parent, { [`.kluis.praktijkwijzer-${dead.token}/owner.json`]: JSON.stringify(dead), [`.kluis.praktijkwijzer-${dead.token}/vault/LEESMIJ.md`]: 'half\n', '.kluis.praktijkwijzer-van-mij/notitie.md': 'van mij\n' })
    assembleVault(join(parent, 'kluis'), shippedSources(library(V1), pluginBuild('0.1.0')), { durable: false })
    expect(readdirSync(parent).sort()).toEqual(['.kluis.praktijkwijzer-van-mij', 'kluis'])
  })

  test('a folder named .praktijkwijzer-update that is not ours is never deleted', async () => {
    const dest = teamVault()
    writeFiles(dest, { [`${STAGING_DIR}/mijn aantekening.md`]: 'van mij\n' })
    const before = snapshot(dest)
    const r = await run(dest, 'vault', '.', '--update', '--library', library(V2), '--plugin', pluginBuild('0.2.0'))
    expect(r.code).toBe(1)
    expect(r.err).toContain('geen werkmap van een update van praktijkwijzer')
    expect(snapshot(dest)).toEqual(before)
  })

  test('without installatie.json: advice to adopt, and --adopt keeps every team edit (differences become conflicts)', async () => {
    const dest = teamVault()
    rmSync(join(dest, PLUGIN, 'installatie.json'))
    const v2 = library(V2)
    const plugin = pluginBuild('0.2.0')
    const refused = await run(dest, 'vault', '.', '--update', '--library', v2, '--plugin', plugin)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('--update --adopt')
    const r = await run(dest, 'vault', '.', '--update', '--adopt', '--library', v2, '--plugin', plugin)
    expect(r.code).toBe(0)
    expect(r.out).toContain('Zonder bruikbare installatie.json overgenomen')
    const k = join(dest, 'Kennisbank')
    expect(read(k, 'themas/Lokaal.md')).toBe(V1['themas/Lokaal.md'] + TEAM)
    expect(read(k, 'themas/Lokaal (nieuwe versie).md')).toBe(V2['themas/Lokaal.md'])
    expect(read(k, 'themas/Upstream.md')).toBe(V1['themas/Upstream.md'])
    expect(read(k, 'themas/Upstream (nieuwe versie).md')).toBe(V2['themas/Upstream.md'])
    expect(read(k, 'praktijken/Nieuw.md')).toBe(V2['praktijken/Nieuw.md'])
    expect(read(k, 'praktijken/Verdwenen.md')).toBe(V1['praktijken/Verdwenen.md'])
    // From now on the vault has a record again: a second run is quiet.
    expect((await run(dest, 'vault', '.', '--update', '--library', v2, '--plugin', plugin)).out).toMatch(/^\. is al bij/)
  })

  test('a note the team moved is followed: updated at its new place, not reported as deleted, not brought back', () => {
    const dest = teamVault()
    const k = join(dest, 'Kennisbank')
    mkdirSync(join(k, 'archief'))
    renameSync(join(k, 'themas/Upstream.md'), join(k, 'archief/Upstream.md'))
    const r = update(dest, { restoreDeleted: true })
    expect(r.plan.moved).toEqual([{ from: 'themas/Upstream.md', to: 'archief/Upstream.md', action: 'updated' }])
    expect(r.plan.stayDeleted).not.toContain('themas/Upstream.md')
    expect(read(k, 'archief/Upstream.md')).toBe(V2['themas/Upstream.md'])
    expect(existsSync(join(k, 'themas/Upstream.md'))).toBe(false)
  })
})

describe('#11: the vault code throws only its own error type', () => {
  test('a vault where a file is in the way is a VaultError in Dutch, not a Node.js error', () => {
    const parent = tempDir()
    writeFileSync(join(parent, 'bestand'), '')
    expect(() => assembleVault(join(parent, 'bestand', 'kluis'), shippedSources(library(V1), pluginBuild('0.1.0')))).toThrow(expect.objectContaining({ name: 'VaultError', message: expect.stringContaining('een bestand, geen map') }))
    expect(() => updateVault(join(parent, 'bestand'), v2Sources())).toThrow(expect.objectContaining({ name: 'VaultError', usage: true }))
  })

  test('nothing outside Kennisbank and the plugin folder changes, in the vault or beyond it', () => {
    const dest = teamVault()
    const before = outside(dest)
    const target = victim()
    symlinkSync(target, join(dest, 'Kennisbank/praktijken/Nieuw.md'))
    update(dest, { restoreDeleted: true })
    expect(outside(dest)).toEqual(before)
    expect(readFileSync(target, 'utf8')).toBe(PRECIOUS)
  })
})
