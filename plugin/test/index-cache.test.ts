// The plugin's persisted index: loaded before the library is read, in the plugin's own folder through
// the adapter; after a cached start a changed, added, removed or renamed note gives what a fresh build
// gives; a cut-short, damaged or older index is refused with a line in the status and the console, and
// read afresh; an interrupted write never leaves an index that is trusted; no case-note text goes in.
import { Vault, type TFile } from 'obsidian'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { LibraryIndex } from '../src/library-index'
import { LIBRARY, until } from './helpers'

const FILE = '.obsidian/plugins/praktijkwijzer/kennisbank-index.json'
const CASE = 'Casussen/J.md'
const PHRASE = 'Dhr. Zwaluwstaart-Kwispel is woedend over de huisregels'
const QUERY = 'Hij was woedend over de huisregels en wordt snel boos; schulden en de deurwaarder.'
const OLD = 1_600_000_000_000

/** A vault with the library and a case note, every file last modified long ago. */
function vaultWith(extra: Record<string, string> = {}): Vault {
  const vault = new Vault()
  for (const [path, text] of Object.entries({ ...Object.fromEntries(Object.entries(LIBRARY).map(([p, t]) => [`Kennisbank/${p}`, t])), [CASE]: PHRASE, ...extra })) {
    const file = vault.seed(path, text)
    file.stat = { ctime: OLD, mtime: OLD, size: text.length }
  }
  return vault
}

function file(vault: Vault, path: string): TFile {
  const found = vault.getFileByPath(path)
  if (!found) throw new Error(`no file ${path}`)
  return found
}

const indexes: LibraryIndex[] = []
afterEach(() => {
  for (const index of indexes.splice(0)) index.unload()
  vi.restoreAllMocks()
})

async function started(vault: Vault, version = 'test', cache = true): Promise<LibraryIndex> {
  const index = new LibraryIndex(vault, () => 'Kennisbank', cache ? { cache: { file: FILE, version: async () => version, delay: 0 } } : {})
  indexes.push(index)
  index.load()
  await index.start()
  await index.idle()
  return index
}

/** Start, wait for the index file, stop. */
async function written(vault: Vault, version = 'test'): Promise<string> {
  const writes = vault.adapter.writes.length
  const index = await started(vault, version)
  await until(() => vault.adapter.writes.length > writes)
  await index.idle()
  index.unload()
  return vault.adapter.read(FILE)
}

function same(vault: Vault, index: LibraryIndex): Promise<void> {
  return started(vault, 'test', false).then((fresh) => {
    expect(index.suggest(QUERY, { limit: 20, minScore: 0 })).toEqual(fresh.suggest(QUERY, { limit: 20, minScore: 0 }))
    expect(index.problems()).toEqual(fresh.problems())
    expect(index.status()).toEqual(fresh.status())
  })
}

describe('persisted index', () => {
  test('is written in the plugin folder through the adapter, and a start with it reads no note', async () => {
    const vault = vaultWith()
    await written(vault)
    expect(vault.adapter.paths()).toEqual([FILE])
    expect(vault.writes).toEqual([])
    vault.reads.length = 0
    const index = await started(vault)
    expect(vault.reads).toEqual([])
    expect(index.status()).toMatchObject({ state: 'ready', notes: 7 })
    await same(vault, index)
  })

  test('after a changed, an added, a removed and a renamed note gives what a fresh build gives', async () => {
    const vault = vaultWith()
    await written(vault)
    // While the plugin is off: one note changed, one added, one removed, one renamed.
    const changed = file(vault, 'Kennisbank/praktijken/Nauwe samenwerking met schuldhulpverlening.md')
    await vault.modify(changed, (vault.text(changed.path) as string).replace(/schuld/gi, 'kamer'))
    await vault.create('Kennisbank/praktijken/Post samen openen.md', '---\ntype: praktijk\nbron: ["5.2"]\nsignalen: ["deurwaarder aan de deur"]\n---\n# Post samen openen\n\nSchulden en de deurwaarder: samen de post openen.\n')
    const removed = file(vault, 'Kennisbank/literatuur/Menger 2018.md')
    await vault.delete(removed)
    const renamed = vault.getFileByPath('Kennisbank/themas/Agressie.md') ?? vault.getMarkdownFiles().find((f) => f.path.startsWith('Kennisbank/themas/'))
    if (!renamed) throw new Error('no theme')
    await vault.rename(renamed, 'Kennisbank/themas/Hernoemd.md')
    renamed.stat = { ...renamed.stat, mtime: OLD }
    vault.reads.length = 0
    const index = await started(vault)
    // Only the changed and the new note were read: the renamed one kept its stamp under its new path, so
    // it is read too (a new path), and nothing else.
    expect(vault.reads.sort()).toEqual(['Kennisbank/praktijken/Nauwe samenwerking met schuldhulpverlening.md', 'Kennisbank/praktijken/Post samen openen.md', 'Kennisbank/themas/Hernoemd.md'].sort())
    expect(index.node('themas/Hernoemd.md')).toBeDefined()
    expect(index.node('literatuur/Menger 2018.md')).toBeUndefined()
    await same(vault, index)
  })

  test('follows changes while it runs and writes them to the index', async () => {
    const vault = vaultWith()
    await written(vault)
    const index = await started(vault)
    const writes = vault.adapter.writes.length
    await vault.create('Kennisbank/praktijken/Post samen openen.md', '---\ntype: praktijk\nbron: ["5.2"]\n---\n# Post samen openen\n\nDe deurwaarder en de schulden.\n')
    await index.idle()
    await until(() => vault.adapter.writes.length > writes)
    await index.idle()
    index.unload()
    vault.reads.length = 0
    const again = await started(vault)
    // Only the new note is read again: it changed within two seconds of the index being written, so its
    // stamp alone cannot be trusted (see staleFiles).
    expect(vault.reads).toEqual(['Kennisbank/praktijken/Post samen openen.md'])
    expect(again.node('praktijken/Post samen openen.md')).toBeDefined()
    await same(vault, again)
  })

  test.each([
    ['cut short', (t: string) => t.slice(0, t.length / 2), 'is afgebroken'],
    ['damaged', (t: string) => t.replace('"type":"praktijk"', '"type":"thema"'), 'is beschadigd'],
    ['of an older version', (t: string) => t.replace('"version":"test"', '"version":"0.0.1"'), 'is van een andere versie van Praktijkwijzer']
  ])('is read afresh, with a line in the status and the console, when it is %s', async (_, damage, why) => {
    const vault = vaultWith()
    const text = await written(vault)
    await vault.adapter.write(FILE, damage(text))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const index = await started(vault)
    const line = `De opgeslagen index van de kennisbank ${why}; de kennisbank wordt opnieuw gelezen.`
    expect(warn).toHaveBeenCalledWith(`Praktijkwijzer: ${line}`)
    expect(index.status()).toMatchObject({ state: 'ready', notes: 7, notice: line })
    const fresh = await started(vault, 'test', false)
    expect(index.suggest(QUERY, { limit: 20, minScore: 0 })).toEqual(fresh.suggest(QUERY, { limit: 20, minScore: 0 }))
  })

  test('an interrupted write leaves the old index, which is still used', async () => {
    const vault = vaultWith()
    const text = await written(vault)
    const index = await started(vault)
    vault.adapter.crashNextWriteAfter = 100
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const writes = vault.adapter.writes.length
    await vault.create('Kennisbank/praktijken/Nieuw.md', '---\ntype: praktijk\nbron: ["1"]\n---\n# Nieuw\n\nTekst.\n')
    await until(() => vault.adapter.writes.length > writes)
    await index.idle()
    expect(warn.mock.calls.some(([m]) => String(m).includes('kon niet opgeslagen worden'))).toBe(true)
    expect(await vault.adapter.read(FILE)).toBe(text)
    index.unload()
    const again = await started(vault)
    expect(again.status().notice).toBeUndefined()
    expect(again.node('praktijken/Nieuw.md')).toBeDefined()
    await same(vault, again)
  })

  test('never holds text of a case note', async () => {
    const vault = vaultWith()
    const text = await written(vault)
    expect(text).toContain('huisregels')
    expect(text).not.toContain('Zwaluwstaart')
    expect(text).not.toContain('Casussen')
  })
})
