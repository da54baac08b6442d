// One plan, two adapters: the CLI (node:fs, node:crypto) and the plugin (Vault API, WebCrypto) read the same
// vault, record and new library, and must come to the same plan: first their readers, then the whole CLI
// update (a dry run) against the plugin in the vault it made.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planLibrary } from '@praktijkwijzer/core'
import { App } from 'obsidian'
import { afterAll, expect, test } from 'vitest'
import { assembleVault } from '../../../packages/cli/src/vault/assemble'
import { contentHash as cliHash, scan } from '../../../packages/cli/src/vault/tree'
import { updateVault } from '../../../packages/cli/src/vault/update'
import { contentHash, prepareUpdate } from '../../src/update/library'
import { readRecord } from '../../src/update/store'

const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-parity-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const note = (text: string): string => `---\ntype: thema\nbron: ["5.1.1"]\n---\n# Notitie\n\n${text}\n`
const installed: Record<string, string> = {
  'themas/Onveranderd.md': note('a'),
  'themas/Upstream.md': note('v1'),
  'themas/Lokaal.md': note('v1'),
  'themas/Beide.md': note('v1'),
  'themas/Weg.md': note('v1'),
  'themas/Verplaatst.md': note('v1'),
  'literatuur/Korevaar & Dröes 2016.md': note('v1'),
  'praktijken/Verdwenen.md': note('v1')
}
/** The vault now: edits, a deletion, a move, a CRLF conversion and a decomposed name. */
const vault: Record<string, string> = {
  'themas/Onveranderd.md': note('a').replace(/\n/g, '\r\n'),
  'themas/Upstream.md': note('v1'),
  'themas/Lokaal.md': note('v1 en het team'),
  'themas/Beide.md': note('v1 en het team'),
  'archief/Verplaatst.md': note('v1'),
  ['literatuur/Korevaar & Dröes 2016.md'.normalize('NFD')]: note('v1'),
  'praktijken/Verdwenen.md': note('v1'),
  'Eigen notitie.md': 'van ons\n'
}
const upstream: Record<string, string> = {
  'themas/Onveranderd.md': note('a'),
  'themas/Upstream.md': note('v2'),
  'themas/Lokaal.md': note('v1'),
  'themas/Beide.md': note('v2'),
  'themas/Weg.md': note('v2'),
  'themas/Verplaatst.md': note('v2'),
  'literatuur/Korevaar & Dröes 2016.md': note('v2'),
  'praktijken/Nieuw.md': note('nieuw')
}

test('the CLI and the plugin make the same plan from the same vault, record and library', async () => {
  const enc = (t: string): Uint8Array => new TextEncoder().encode(t)
  const record: Record<string, string> = {}
  for (const [p, t] of Object.entries(installed)) record[p] = await contentHash(p, enc(t))

  // The CLI: files on disk.
  for (const [p, t] of Object.entries(vault)) {
    mkdirSync(join(dir, ...p.split('/').slice(0, -1)), { recursive: true })
    writeFileSync(join(dir, ...p.split('/')), t)
  }
  const cliUpstream = new Map(Object.entries(upstream).map(([p, t]) => [p, cliHash(p, enc(t))]))
  const cliPlan = planLibrary(new Map(Object.entries(record)), scan(dir), cliUpstream)

  // The plugin: the same files in the fake vault.
  const app = new App()
  for (const [p, t] of Object.entries(vault)) app.vault.seed(`Kennisbank/${p}`, t)
  const source = { version: '2', files: new Map(Object.entries(upstream).map(([p, t]) => [p, enc(t)])) }
  const pluginPlan = (await prepareUpdate(app, 'Kennisbank', source, { version: '1', files: record })).plan

  expect(pluginPlan).toEqual(cliPlan)
  // And it is not a trivial plan: every kind of decision is in it.
  expect(cliPlan.updated).toContain('themas/Upstream.md')
  expect(cliPlan).toMatchObject({ keptChanged: ['themas/Lokaal.md'], stayDeleted: ['themas/Weg.md'], added: ['praktijken/Nieuw.md'], removed: ['praktijken/Verdwenen.md'] })
  expect(cliPlan.conflicts.map((c) => c.path)).toEqual(['themas/Beide.md'])
  expect(cliPlan.moved).toEqual([{ from: 'themas/Verplaatst.md', to: 'archief/Verplaatst.md', action: 'updated' }])
  expect(cliPlan.unchanged).toBe(1)
})

test('praktijkwijzer vault --update --dry-run and Kennisbank bijwerken plan the same for the same vault', async () => {
  const root = mkdtempSync(join(dir, 'kluis-'))
  const put = (base: string, files: Record<string, string>): string => {
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(join(base, ...p.split('/').slice(0, -1)), { recursive: true })
      writeFileSync(join(base, ...p.split('/')), t)
    }
    return base
  }
  const v1 = put(join(root, 'v1'), installed)
  const v2 = put(join(root, 'v2'), upstream)
  const build = put(join(root, 'plugin'), { 'main.js': '/* 0.1.0 */', 'manifest.json': JSON.stringify({ id: 'praktijkwijzer', version: '0.1.0' }), 'styles.css': '' })
  const template = put(join(root, 'template'), { 'LEESMIJ.md': 'Lees mij\n' })
  // A vault as `praktijkwijzer vault` makes it, then the team's changes.
  const dest = join(root, 'vault')
  assembleVault(dest, { template, library: v1, plugin: build })
  const library = join(dest, 'Kennisbank')
  rmSync(library, { recursive: true })
  put(library, vault)

  const cliPlan = updateVault(dest, { template, library: v2, plugin: build }, { dryRun: true }).plan

  // The plugin in the same vault: the same files, and the record the CLI left in the plugin's data.
  const app = new App()
  for (const [p, t] of Object.entries(vault)) app.vault.seed(`Kennisbank/${p}`, t)
  const record = readRecord(JSON.parse(readFileSync(join(dest, '.obsidian/plugins/praktijkwijzer/data.json'), 'utf8')))
  expect(record).toBeDefined()
  const source = { version: '2', files: new Map(Object.entries(upstream).map(([p, t]) => [p, new TextEncoder().encode(t)])) }
  const pluginPlan = (await prepareUpdate(app, 'Kennisbank', source, record)).plan

  expect(pluginPlan).toEqual(cliPlan)
  expect(cliPlan.conflicts.map((c) => c.path)).toEqual(['themas/Beide.md'])
  expect(cliPlan).toMatchObject({ keptChanged: ['themas/Lokaal.md'], stayDeleted: ['themas/Weg.md'], added: ['praktijken/Nieuw.md'], removed: ['praktijken/Verdwenen.md'] })
})
