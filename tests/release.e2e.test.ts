// `pnpm release` (after the build the test command has already run): both zips and SHA256SUMS; the vault
// zip unpacks to a vault with the built plugin, enabled, and a library that passes `praktijkwijzer check`.
// No network: everything comes from the working tree.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, test } from 'vitest'
import { praktijkwijzer, root } from './lib/vault.js'

const out = mkdtempSync(join(tmpdir(), 'praktijkwijzer-release-test-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))
const manifest = JSON.parse(readFileSync(join(root, 'plugin/manifest.json'), 'utf8')) as { id: string; version: string; minAppVersion: string; description: string }
const release = (env: Record<string, string> = {}, dir = out) =>
  spawnSync(process.execPath, [join(root, 'tests/tools/run.mjs'), join(root, 'tests/tools/release.ts'), '--out', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1735689600', ...env } })

describe('pnpm release', () => {
  const made = release()
  const files = (zip: string): Record<string, Uint8Array> => unzipSync(readFileSync(join(out, zip)))

  test('should make the plugin zip, the vault zip and SHA256SUMS', () => {
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8')
    const names = [`praktijkwijzer-${manifest.version}.zip`, `teamkluis-${manifest.version}.zip`]
    expect(sums).toBe(names.map((n) => `${createHash('sha256').update(readFileSync(join(out, n))).digest('hex')}  ${n}\n`).join(''))
    expect(Object.keys(files(names[0] as string)).sort()).toEqual(['main.js', 'manifest.json', 'styles.css'])
    for (const name of ['main.js', 'manifest.json', 'styles.css']) expect(Buffer.from(files(names[0] as string)[name] as Uint8Array)).toEqual(readFileSync(join(root, 'plugin/dist', name)))
  })

  test('should give a vault with the built plugin, enabled, whose Kennisbank passes check', () => {
    const vault = mkdtempSync(join(out, 'uitgepakt-'))
    for (const [path, bytes] of Object.entries(files(`teamkluis-${manifest.version}.zip`))) {
      mkdirSync(dirname(join(vault, path)), { recursive: true })
      writeFileSync(join(vault, path), bytes)
    }
    const dest = join(vault, 'teamkluis')
    const plugin = join(dest, '.obsidian/plugins', manifest.id)
    for (const name of ['main.js', 'manifest.json', 'styles.css']) expect(readFileSync(join(plugin, name))).toEqual(readFileSync(join(root, 'plugin/dist', name)))
    expect(JSON.parse(readFileSync(join(dest, '.obsidian/community-plugins.json'), 'utf8'))).toEqual([manifest.id])
    const check = praktijkwijzer(dest, ['check', 'Kennisbank'])
    expect(check.stdout + check.stderr).not.toMatch(/\bfout\b/)
    expect(check.status).toBe(0)
    // And it is a vault that `vault --update` knows.
    expect(praktijkwijzer(dest, ['vault', '.', '--update', '--dry-run']).status).toBe(0)
  })

  test('should give the same bytes for the same sources and time', () => {
    const again = mkdtempSync(join(out, 'nog-eens-'))
    expect(release({}, again).status).toBe(0)
    expect(readFileSync(join(again, 'SHA256SUMS'), 'utf8')).toBe(readFileSync(join(out, 'SHA256SUMS'), 'utf8'))
  })
})

describe('the version, in one place', () => {
  test('should keep manifest.json and versions.json at the root identical to the plugin ones', () => {
    expect(readFileSync(join(root, 'manifest.json'), 'utf8')).toBe(readFileSync(join(root, 'plugin/manifest.json'), 'utf8'))
    expect(readFileSync(join(root, 'versions.json'), 'utf8')).toBe(readFileSync(join(root, 'plugin/versions.json'), 'utf8'))
    expect(JSON.parse(readFileSync(join(root, 'versions.json'), 'utf8'))).toMatchObject({ [manifest.version]: manifest.minAppVersion })
  })

  test('should have the licence every package.json names in a LICENSE at the root, where the community directory looks', () => {
    const licence = readFileSync(join(root, 'LICENSE'), 'utf8')
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /)
    for (const pkg of ['package.json', 'plugin/package.json', 'packages/core/package.json', 'packages/cli/package.json']) {
      expect((JSON.parse(readFileSync(join(root, pkg), 'utf8')) as { license?: string }).license).toBe('MIT')
    }
  })

  test('should describe the plugin in English for the community directory, in under 250 characters ending with a period', () => {
    expect(manifest.description).toMatch(/^[A-Z][\x20-\x7e]+\.$/)
    // Plain ASCII is no proof of English: none of the commonest Dutch words.
    expect(manifest.description).not.toMatch(/\b(?:de|het|een|en|van|voor|bij|je|jouw|uit|naar|met|wat|dat|niet|op)\b/i)
    expect(manifest.description.length).toBeLessThan(250)
  })
})
