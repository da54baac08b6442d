// The plugin's library update through the fake Vault API: every scenario of the CLI's tests, an update
// interrupted at each write and the run after it, and the first install. The plan comes from the core, as
// the CLI's does (see tests/update-parity.e2e.test.ts for both on the same inputs).
import { App, Notice } from 'obsidian'
import { describe, expect, test } from 'vitest'
import { embeddedLibrary, EMBEDDED_VERSION } from '../../src/update/embedded'
import { offerUpdate, outdatedLine, planLines } from '../../src/update/command'
import { applyUpdate, contentHash, prepareUpdate, type InstalledRecord, type LibrarySource, type RecordStore } from '../../src/update/library'
import { readRecord } from '../../src/update/store'

const note = (text: string): string => `---\ntype: thema\nbron: ["5.1.1"]\n---\n# Notitie\n\n${text}\n`
const TEAM = 'De aanpassing van het team.\n'
const V1: Record<string, string> = {
  'themas/Onveranderd.md': note('overal hetzelfde'),
  'themas/Upstream.md': note('versie 1'),
  'themas/Lokaal.md': note('versie 1'),
  'themas/Beide.md': note('versie 1'),
  'themas/Verwijderd.md': note('versie 1'),
  'praktijken/Verdwenen.md': note('versie 1'),
  'praktijken/Verdwenen maar gewijzigd.md': note('versie 1'),
  'themas/Verplaatst.md': note('versie 1')
}
const V2: Record<string, string> = {
  'themas/Onveranderd.md': V1['themas/Onveranderd.md'] as string,
  'themas/Upstream.md': note('versie 2'),
  'themas/Lokaal.md': V1['themas/Lokaal.md'] as string,
  'themas/Beide.md': note('versie 2'),
  'themas/Verwijderd.md': note('versie 2'),
  'praktijken/Nieuw.md': note('nieuw in versie 2'),
  'themas/Verplaatst.md': note('versie 2')
}

const source = (files: Record<string, string>, version: string): LibrarySource => ({ version, files: new Map(Object.entries(files).map(([p, t]) => [p, new TextEncoder().encode(t)])) })

async function recordOf(files: Record<string, string>, version: string): Promise<InstalledRecord> {
  const out: Record<string, string> = {}
  for (const [p, t] of Object.entries(files)) out[p] = await contentHash(p, new TextEncoder().encode(t))
  return { version, files: out }
}

function memoryStore(initial?: InstalledRecord): RecordStore & { saved: InstalledRecord[] } {
  let record = initial
  const saved: InstalledRecord[] = []
  return {
    saved,
    load: () => record,
    save: async (next) => {
      record = next
      saved.push(next)
    }
  }
}

/** A vault with V1 installed in Kennisbank/, then changed by its team in every way the CLI tests do. */
async function teamVault(): Promise<{ app: App; store: ReturnType<typeof memoryStore> }> {
  const app = new App()
  for (const [p, t] of Object.entries(V1)) app.vault.seed(`Kennisbank/${p}`, t)
  const k = (p: string) => app.vault.getFileByPath(`Kennisbank/${p}`)
  app.vault.seed('Casussen/Een casus.md', 'Onze casus.\n')
  await app.vault.modify(k('themas/Lokaal.md')!, (V1['themas/Lokaal.md'] as string) + TEAM)
  await app.vault.modify(k('themas/Beide.md')!, (V1['themas/Beide.md'] as string) + TEAM)
  await app.vault.modify(k('praktijken/Verdwenen maar gewijzigd.md')!, (V1['praktijken/Verdwenen maar gewijzigd.md'] as string) + TEAM)
  await app.vault.delete(k('themas/Verwijderd.md')!)
  await app.vault.rename(k('themas/Verplaatst.md')!, 'Kennisbank/archief/Verplaatst.md')
  app.vault.writes.length = 0
  return { app, store: memoryStore(await recordOf(V1, '1')) }
}

/** Every file of the vault, as path → text. */
function contents(app: App): Record<string, string> {
  const out: Record<string, string> = {}
  for (const path of app.vault.getFiles().map((f) => f.path).sort()) out[path] = app.vault.text(path) ?? ''
  return out
}

/** What a clean update gives. */
async function reference(): Promise<Record<string, string>> {
  const { app, store } = await teamVault()
  await applyUpdate(app, await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load()), store)
  return contents(app)
}

describe('Kennisbank bijwerken', () => {
  test('should handle every scenario the CLI handles, through the Vault API only', async () => {
    const { app, store } = await teamVault()
    const prepared = await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load())
    expect(prepared.plan).toMatchObject({
      added: ['praktijken/Nieuw.md'],
      updated: ['archief/Verplaatst.md', 'themas/Upstream.md'],
      conflicts: [{ path: 'themas/Beide.md', beside: 'themas/Beide (nieuwe versie).md', write: true, reason: 'changed' }],
      removed: ['praktijken/Verdwenen.md'],
      keptChanged: ['themas/Lokaal.md'],
      keptRemoved: ['praktijken/Verdwenen maar gewijzigd.md'],
      stayDeleted: ['themas/Verwijderd.md'],
      moved: [{ from: 'themas/Verplaatst.md', to: 'archief/Verplaatst.md', action: 'updated' }],
      unchanged: 1
    })
    const done = await applyUpdate(app, prepared, store)
    expect(done.skipped).toEqual([])
    const k = (p: string) => app.vault.text(`Kennisbank/${p}`)
    expect(k('themas/Onveranderd.md')).toBe(V1['themas/Onveranderd.md'])
    expect(k('themas/Upstream.md')).toBe(V2['themas/Upstream.md'])
    expect(k('themas/Lokaal.md')).toBe(V1['themas/Lokaal.md'] + TEAM)
    expect(k('themas/Beide.md')).toBe(V1['themas/Beide.md'] + TEAM)
    expect(k('themas/Beide (nieuwe versie).md')).toBe(V2['themas/Beide.md'])
    expect(k('themas/Verwijderd.md')).toBeUndefined()
    expect(k('praktijken/Nieuw.md')).toBe(V2['praktijken/Nieuw.md'])
    expect(k('praktijken/Verdwenen.md')).toBeUndefined()
    expect(k('praktijken/Verdwenen maar gewijzigd.md')).toBe(V1['praktijken/Verdwenen maar gewijzigd.md'] + TEAM)
    expect(k('archief/Verplaatst.md')).toBe(V2['themas/Verplaatst.md'])
    expect(k('themas/Verplaatst.md')).toBeUndefined()
    expect(app.vault.text('Casussen/Een casus.md')).toBe('Onze casus.\n')
    // Only create, process and the trash; nothing outside the library folder.
    expect(app.vault.writes.map((w) => w.op).filter((op) => !['create', 'process', 'delete', 'createFolder'].includes(op))).toEqual([])
    expect(app.vault.writes.every((w) => w.path.startsWith('Kennisbank/'))).toBe(true)
    expect(store.load()).toMatchObject({ version: '2' })
    expect(store.load()?.pending).toBeUndefined()
    // A second run has nothing to do.
    const again = await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load())
    expect(again.plan.writes.concat()).toEqual([])
    expect(again.plan.deletes).toEqual([])
  })

  test('should keep a note the team edits between the plan and the write', async () => {
    const { app, store } = await teamVault()
    const prepared = await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load())
    await app.vault.modify(app.vault.getFileByPath('Kennisbank/themas/Upstream.md')!, 'net nog aangepast\n')
    await app.vault.create('Kennisbank/praktijken/Nieuw.md', 'van een collega\n')
    const done = await applyUpdate(app, prepared, store)
    expect(done.skipped).toEqual(['praktijken/Nieuw.md', 'themas/Upstream.md'])
    expect(app.vault.text('Kennisbank/themas/Upstream.md')).toBe('net nog aangepast\n')
    expect(app.vault.text('Kennisbank/praktijken/Nieuw.md')).toBe('van een collega\n')
    // Both come back as conflicts next time: the new version beside the team's.
    const next = await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load())
    expect(next.plan.conflicts.map((c) => c.path).sort()).toEqual(['praktijken/Nieuw.md', 'themas/Upstream.md'])
  })

  test('interrupted at each write, the next run completes it, and no team edit is lost', async () => {
    const expected = await reference()
    const { app: probe, store: probeStore } = await teamVault()
    const steps = (await prepareUpdate(probe, 'Kennisbank', source(V2, '2'), probeStore.load())).plan
    const count = steps.writes.length + steps.deletes.length
    expect(count).toBeGreaterThan(4)
    for (let stop = 0; stop < count; stop++) {
      const { app, store } = await teamVault()
      let n = 0
      const prepared = await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load())
      await expect(
        applyUpdate(app, prepared, store, () => {
          if (n++ === stop) throw new Error('Obsidian gesloten')
        })
      ).rejects.toThrow('Obsidian gesloten')
      expect(store.load()?.pending).toBe('2')
      expect(outdatedLine(store)).toContain('onderbroken')
      expect(app.vault.text('Kennisbank/themas/Lokaal.md')).toBe(V1['themas/Lokaal.md'] + TEAM)
      await applyUpdate(app, await prepareUpdate(app, 'Kennisbank', source(V2, '2'), store.load()), store)
      expect(contents(app), `stopped at write ${stop}`).toEqual(expected)
    }
  })

  test('should install the library in a vault without one, and say what it will do first', async () => {
    const app = new App()
    const store = memoryStore()
    await offerUpdate(app, 'Kennisbank', store, () => undefined)
    const modal = app.openModals[0]
    expect(modal?.contentEl.textContent).toContain('Nieuw: 2')
    expect(app.vault.getFiles()).toEqual([])
    const confirm = [...(modal?.contentEl.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Bijwerken')
    confirm?.click()
    await new Promise((r) => setTimeout(r, 50))
    const carried = await embeddedLibrary()
    expect(Object.keys(contents(app)).sort()).toEqual([...carried.files.keys()].map((p) => `Kennisbank/${p}`).sort())
    expect(store.load()).toMatchObject({ version: EMBEDDED_VERSION })
    expect(Notice.shown.at(-1)).toContain('is bijgewerkt: 2 bestanden geschreven, 0 naar de prullenbak.')
  })

  test('should say in one line when the vault library is older than the carried one', async () => {
    expect(outdatedLine(memoryStore(await recordOf(V1, '0.0.0+oud')))).toBe('Kennisbank is ouder (0.0.0+oud; de plug-in heeft 0.0.0+test)')
    expect(outdatedLine(memoryStore(await recordOf(V1, EMBEDDED_VERSION)))).toBeUndefined()
    expect(planLines((await prepareUpdate(new App(), 'Kennisbank', source(V2, '2'), undefined)).plan)[0]).toBe('Nieuw: 7')
  })

  test('should read only a sound record from the plugin data', () => {
    const hash = 'a'.repeat(64)
    expect(readRecord({ libraryRecord: { version: '1', files: { 'a.md': hash } } })).toEqual({ version: '1', files: { 'a.md': hash } })
    expect(readRecord({ libraryRecord: { version: '1', files: { '../a.md': hash } } })).toBeUndefined()
    expect(readRecord({ libraryRecord: { version: 1, files: {} } })).toBeUndefined()
    expect(readRecord(null)).toBeUndefined()
  })
})
