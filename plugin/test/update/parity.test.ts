// One plan, two adapters: the CLI (node:fs, node:crypto) and the plugin (Vault API, WebCrypto) read the same
// vault, record and new library, and must come to the same plan.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planLibrary } from '@praktijkwijzer/core'
import { App } from 'obsidian'
import { afterAll, expect, test } from 'vitest'
import { contentHash as cliHash, scan } from '../../../packages/cli/src/vault/tree'
import { contentHash, prepareUpdate } from '../../src/update/library'

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
