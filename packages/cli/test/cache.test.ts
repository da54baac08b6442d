// The persisted index of the CLI: after a cached start, a changed, added, removed or renamed note gives
// exactly what reading the library afresh gives; a cache cut short, damaged or of another version is
// said in one line and read afresh, never trusted; only the library goes in, never the case note.
//
// Reading the shipped library is what these tests wait for, so it is read as few times as the checks
// allow: one first run writes the cache and one run without it gives the fresh answer, for all tests;
// each test then starts from a copy of that library (same folder, same file times) with that cache, and
// reads afresh only after it changed a note. The damaged caches are checked on a small library (the
// themes and one practice): what they test, refusal, warning and a fresh read, does not depend on its size.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { CACHE_FORMAT } from '@praktijkwijzer/core'
import { cacheDir, cacheFile } from '../src/cache.js'
import { runCli, type Run } from './run.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const CASE = 'tests/eval/cases/01-deurwaarder-aan-de-deur.md'
const PRACTICE = 'praktijken/Nauwe samenwerking met schuldhulpverlening.md'

let work: string
let library: string
let cache: string

function run(...argv: string[]): Promise<Run> {
  return runCli(argv, { cwd: root, library, cache: { dir: cache, version: 'test' } })
}

/** `suggest --json` through the cache and afresh: they must be the same, and the cached run quiet. */
async function both(note = CASE): Promise<string> {
  const cached = await run('suggest', note, '--json')
  const fresh = await run('suggest', note, '--json', '--no-cache')
  expect(cached.err).toBe('')
  expect(cached.code).toBe(0)
  expect(cached.out).toBe(fresh.out)
  return cached.out
}

const titles = (out: string): string[] => (JSON.parse(out) as { suggestions: Array<{ title: string }> }).suggestions.map((s) => s.title)

/** A library to start each test from: its files (times kept), the cache a first run wrote, the fresh answer. */
interface Start {
  files: string
  cache: string
  fresh: string
}

/**
 * Copy `folders` of the shipped library into `work/kennisbank` with their file times, run `suggest CASE`
 * once through the cache (which writes it) and once without, and keep all three for {@link reset}.
 */
async function prepare(folders?: string[]): Promise<Start> {
  work = mkdtempSync(join(tmpdir(), 'praktijkwijzer-cache-'))
  library = join(work, 'kennisbank')
  cache = join(work, 'cache')
  const files = join(work, 'start')
  if (folders === undefined) cpSync(join(root, 'library'), files, { recursive: true, preserveTimestamps: true })
  else for (const f of folders) cpSync(join(root, 'library', f), join(files, f), { recursive: true, preserveTimestamps: true })
  cpSync(files, library, { recursive: true, preserveTimestamps: true })
  const first = await run('suggest', CASE, '--json')
  const fresh = await run('suggest', CASE, '--json', '--no-cache')
  expect(first.err).toBe('')
  expect(first.out).toBe(fresh.out)
  return { files, cache: readFileSync(cacheFile(cache, library), 'utf8'), fresh: fresh.out }
}

/** The library and its cache as {@link prepare} left them: a start through the cache reads no note. */
function reset(start: Start): void {
  rmSync(library, { recursive: true, force: true })
  cpSync(start.files, library, { recursive: true, preserveTimestamps: true })
  rmSync(cache, { recursive: true, force: true })
  mkdirSync(cache)
  writeFileSync(cacheFile(cache, library), start.cache)
}

describe('cli cache', () => {
  let start: Start
  beforeAll(async () => {
    start = await prepare()
  }, 120_000)
  beforeEach(() => reset(start))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  test('should keep one file per library under the cache folder, and trust the stamps it keeps', async () => {
    // The copied notes keep their old modification times: a note changed in the moment the cache is
    // written would be read again.
    const file = join(library, PRACTICE)
    const { atime, mtime } = statSync(file)
    expect(Date.now() - mtime.getTime()).toBeGreaterThan(5000)
    const quiet = await run('suggest', CASE, '--json')
    expect(quiet.err).toBe('')
    expect(quiet.out).toBe(start.fresh)
    expect(readdirSync(cache)).toEqual([cacheFile(cache, library).slice(cache.length + 1)])
    // A change that keeps the size and the time is not seen through the cache (its stamp is trusted),
    // but is without it: proof that the cached start did not read the notes.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/schuldhulpverlening/g, 'schuldhulpverlenins'))
    utimesSync(file, atime, mtime)
    const cached = await run('suggest', CASE, '--json')
    const fresh = await run('suggest', CASE, '--json', '--no-cache')
    expect(cached.out).not.toBe(fresh.out)
  }, 120_000)

  test('should give what a fresh read gives after a changed, an added, a removed and a renamed note', async () => {
    const first = await run('suggest', CASE, '--json')
    expect(first.err).toBe('')
    expect(first.out).toBe(start.fresh)
    expect(titles(first.out)).toContain('Nauwe samenwerking met schuldhulpverlening')

    // Changed: the practice loses its text about debts.
    const file = join(library, PRACTICE)
    writeFileSync(file, readFileSync(file, 'utf8').replace(/schuld/gi, 'kamer'))
    const changed = await both()
    expect(changed).not.toBe(start.fresh)

    // Added: a new practice that fits the case note well.
    writeFileSync(
      join(library, 'praktijken', 'Post samen openen.md'),
      '---\ntype: praktijk\nbron: ["5.2"]\nthema: ["[[Financiën]]"]\nsignalen: ["stapel post op tafel", "aankondiging van beslag", "deurwaarder voor de deur"]\n---\n# Post samen openen\n\nSamen de post openen: aanmaningen, het CJIB en de deurwaarder.\n'
    )
    const added = await both()
    expect(titles(added)).toContain('Post samen openen')

    // Renamed: same text, new path.
    renameSync(join(library, 'praktijken', 'Post samen openen.md'), join(library, 'praktijken', 'De post openen.md'))
    const renamed = await both()
    expect(titles(renamed)).toContain('De post openen')
    expect(titles(renamed)).not.toContain('Post samen openen')

    // Removed.
    rmSync(join(library, 'praktijken', 'De post openen.md'))
    rmSync(file)
    const removed = await both()
    expect(titles(removed)).not.toContain('De post openen')
    expect(titles(removed)).not.toContain('Nauwe samenwerking met schuldhulpverlening')
  }, 240_000)

  test('should list exactly the problems of a fresh read through the cache (check)', async () => {
    expect((await run('check', '--json')).err).toBe('')
    writeFileSync(join(library, 'praktijken', 'Kapot.md'), '---\ntype: praktijk\nthema: ["[[Bestaat niet]]"]\n---\n# Kapot\n')
    const cached = await run('check', '--json')
    const fresh = await run('check', '--json', '--no-cache')
    expect(cached.out).toBe(fresh.out)
    expect(cached.out).toContain('Bestaat niet')
    expect(cached.code).toBe(fresh.code)
  })

  test('should never put the case note in the cache, and write nothing with --no-cache', async () => {
    const note = join(work, 'casus.md')
    writeFileSync(note, 'Dhr. Zwaluwstaart-Kwispel heeft schulden en de deurwaarder stond aan de deur. Uniekezinqx9 blowt.\n')
    // No cache to start with: the runs below write it, with the case note given.
    rmSync(cache, { recursive: true, force: true })
    await run('suggest', note, '--no-cache')
    expect(() => readdirSync(cache)).toThrow()
    await run('suggest', note)
    await run('suggest', note, '--json')
    const files = readdirSync(cache)
    expect(files.length).toBe(1)
    for (const f of files) {
      const text = readFileSync(join(cache, f), 'utf8')
      expect(text).toContain('schuldhulpverlening')
      expect(text).not.toContain('Zwaluwstaart')
      expect(text).not.toContain('Uniekezinqx9')
      expect(text).not.toContain('uniekezinqx9')
    }
  })

  test('should keep the cache under XDG_CACHE_HOME, else under ~/.cache', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/tmp/x' })).toBe('/tmp/x/praktijkwijzer')
    expect(cacheDir({ XDG_CACHE_HOME: 'relatief' })).toMatch(/\/\.cache\/praktijkwijzer$/)
    expect(cacheDir({})).toMatch(/\/\.cache\/praktijkwijzer$/)
  })
})

describe('cli cache, damaged', () => {
  // One small library and one first run for all cases: each case damages the cache that run wrote.
  let start: Start
  beforeAll(async () => {
    start = await prepare(['themas', PRACTICE])
    expect(titles(start.fresh).length).toBeGreaterThan(0)
  }, 120_000)
  beforeEach(() => reset(start))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  test.each([
    ['cut short', (t: string) => t.slice(0, t.length - 1000), 'is afgebroken'],
    ['damaged', (t: string) => t.replace('"type":"praktijk"', '"type":"thema"'), 'is beschadigd'],
    ['not ours', () => '\u0000\u0001binary', 'is beschadigd'],
    ['of an older format', (t: string) => t.replace(`"format":${CACHE_FORMAT}`, `"format":${CACHE_FORMAT - 1}`), 'is van een andere versie van Praktijkwijzer'],
    ['of another build', (t: string) => t.replace('"version":"test"', '"version":"0.0.1"'), undefined],
    ['of another library', (t: string) => t.replace(JSON.stringify(library), JSON.stringify(`${library}-2`)), 'hoort bij een andere kennisbank']
  ])('should read the library afresh, with one line of warning (none for another build), when the cache is %s', async (_, damage, why) => {
    const file = cacheFile(cache, library)
    const text = readFileSync(file, 'utf8')
    const bad = damage(text)
    expect(bad).not.toBe(text)
    writeFileSync(file, bad)
    const again = await run('suggest', CASE, '--json')
    expect(again.code).toBe(0)
    expect(again.out).toBe(start.fresh)
    expect(again.err).toBe(why === undefined ? '' : `praktijkwijzer: De opgeslagen index van de kennisbank ${why}; de kennisbank wordt opnieuw gelezen.\n`)
    expect(readFileSync(file, 'utf8')).not.toBe(bad)
    // Written anew: the next start is quiet again.
    expect((await run('suggest', CASE, '--json')).err).toBe('')
  }, 120_000)
})
