import { Vault } from 'obsidian'
import { describe, expect, test } from 'vitest'
import { LibraryIndex, libraryPathOf } from '../src/library-index'
import { LIBRARY, settle, until } from './helpers'

function vaultWith(files: Record<string, string>): Vault {
  const vault = new Vault()
  for (const [path, text] of Object.entries(files)) vault.seed(path, text)
  return vault
}

function library(prefix = 'Kennisbank/'): Record<string, string> {
  return Object.fromEntries(Object.entries(LIBRARY).map(([p, t]) => [prefix + p, t]))
}

async function started(vault: Vault, folder = 'Kennisbank'): Promise<LibraryIndex> {
  const index = new LibraryIndex(vault, () => folder)
  index.load()
  await index.start()
  return index
}

const CASE = 'Casussen/J.md'

describe('building', () => {
  test('notes no suggestion uses (an overview, a README) are read after the index is ready, and a change made meanwhile stays', async () => {
    const overview = '---\ntype: index\nversie: "2024.1"\n---\n# Start hier\n\nZie [[Werkalliantie]].\n'
    const vault = vaultWith({ ...library(), 'Kennisbank/Start hier.md': overview, 'Kennisbank/README.md': '# Over deze map\n\nOud.\n' })
    const index = await started(vault)
    // Ready with the notes the suggestions use; the other two are still to come.
    expect(index.status()).toMatchObject({ state: 'ready', notes: 7, pending: true })
    expect(index.node('Start hier.md')).toBeUndefined()
    expect(index.suggest('Hij was woedend over de huisregels.', {})?.suggestions.length).toBeGreaterThan(0)
    // The README changes before its turn came: the change is what the library keeps.
    await vault.modify(vault.getFileByPath('Kennisbank/README.md') as never, '# Over deze map\n\nNieuw.\n')
    await until(() => index.status().notes === 9 && index.status().version === '2024.1')
    expect(index.status().pending).toBeUndefined()
    await settle(20)
    await index.idle()
    expect(index.node('README.md')?.note.text).toContain('Nieuw.')
  })

  test('the status line follows the library: an edited version and a new problem show at the next ask', async () => {
    const overview = (versie: string): string => `---\ntype: index\nversie: "${versie}"\n---\n# Start hier\n\nZie [[Werkalliantie]].\n`
    const vault = vaultWith({ ...library(), 'Kennisbank/Start hier.md': overview('2024.1') })
    const index = await started(vault)
    await until(() => index.status().version === '2024.1')
    const { errors, warnings } = index.status()
    await vault.modify(vault.getFileByPath('Kennisbank/Start hier.md') as never, `${overview('2025.2')}\nZie ook [[Bestaat niet]].\n`)
    await until(() => index.status().version === '2025.2')
    expect(index.status().errors + index.status().warnings).toBeGreaterThan(errors + warnings)
  })

  test('reads only the library folder, with cachedRead, and never writes', async () => {
    const vault = vaultWith({ ...library(), [CASE]: 'Hij is woedend over de huisregels.', 'Kennisbank/plaatje.png': 'x' })
    const index = await started(vault)
    expect(index.status()).toMatchObject({ state: 'ready', folder: 'Kennisbank', notes: 7, errors: 0 })
    expect(vault.reads.sort()).toEqual(Object.keys(library()).sort())
    expect(index.node('praktijken/Nauwe samenwerking met schuldhulpverlening.md')?.type).toBe('praktijk')
    expect(vault.writes).toEqual([])
  })

  test('a missing folder is a state, not an error', async () => {
    const index = await started(vaultWith(library()), 'Bestaat niet')
    expect(index.status()).toMatchObject({ state: 'missing', folder: 'Bestaat niet', notes: 0 })
    expect(index.suggest('boos', {})).toBeNull()
  })

  test('an unreadable note is a problem; the rest loads', async () => {
    const vault = vaultWith(library())
    vault.failingReads.add('Kennisbank/literatuur/Menger 2018.md')
    const index = await started(vault)
    expect(index.status().notes).toBe(6)
    const problems = index.problems()
    expect(problems.find((p) => p.file === 'literatuur/Menger 2018.md')?.message).toMatch(/kon niet gelezen worden/)
  })

  test('a broken note shows up as a problem, not a crash', async () => {
    const vault = vaultWith({ ...library(), 'Kennisbank/praktijken/Kapot.md': '---\ntype: praktijk\nthema: [[[\n---\n# Kapot\n' })
    const index = await started(vault)
    expect(index.status().state).toBe('ready')
    expect(index.problems().some((p) => p.file === 'praktijken/Kapot.md' && p.level === 'error')).toBe(true)
  })

  test('suggests from the library', async () => {
    const index = await started(vaultWith(library()))
    const result = index.suggest('Hij was woedend over de huisregels en wordt snel boos.', { limit: 5 })
    expect(result?.suggestions[0]?.title).toBe('Begrenzen met behoud van de werkalliantie')
  })
})

describe('incremental updates on vault events', () => {
  test('create, modify, delete and rename of library notes; nothing rebuilt, nothing written by the index', async () => {
    const vault = vaultWith(library())
    const index = await started(vault)
    const writesBefore = vault.writes.length
    vault.reads.length = 0
    let updates = 0
    index.onUpdated(() => updates++)

    await vault.create('Kennisbank/themas/Stigma.md', '---\ntype: thema\nbron: ["4.9"]\n---\n# Stigma\n')
    await index.idle()
    expect(index.node('themas/Stigma.md')?.title).toBe('Stigma')

    const file = vault.getFileByPath('Kennisbank/themas/Stigma.md')
    if (!file) throw new Error('no file')
    await vault.modify(file, '---\ntype: thema\nbron: ["4.9"]\ntitle: Stigma en schaamte\n---\n# Stigma\n')
    await index.idle()
    expect(index.node('themas/Stigma.md')?.title).toBe('Stigma en schaamte')

    await vault.rename(file, 'Kennisbank/themas/Schaamte.md')
    await index.idle()
    expect(index.node('themas/Stigma.md')).toBeUndefined()
    expect(index.node('themas/Schaamte.md')?.title).toBe('Stigma en schaamte')

    await vault.delete(file)
    await index.idle()
    expect(index.node('themas/Schaamte.md')).toBeUndefined()
    expect(index.status().notes).toBe(7)

    // Only the changed file was read each time: no full rebuild.
    expect(vault.reads).toEqual(['Kennisbank/themas/Stigma.md', 'Kennisbank/themas/Stigma.md', 'Kennisbank/themas/Schaamte.md'])
    expect(updates).toBe(5) // a rename is a removal and an addition
    // The only writes are the test's own.
    expect(vault.writes.length - writesBefore).toBe(4)
  })

  test('a changed signal changes the suggestions', async () => {
    const vault = vaultWith(library())
    const index = await started(vault)
    const text = 'De cliënt verzamelt oude fietsen.'
    expect(index.suggest(text, { limit: 5 })?.suggestions).toEqual([])
    const path = 'Kennisbank/praktijken/Nauwe samenwerking met schuldhulpverlening.md'
    const file = vault.getFileByPath(path)
    if (!file) throw new Error('no file')
    await vault.modify(file, (vault.text(path) ?? '').replace('  - "aanmaningen"', '  - "verzamelt oude fietsen"'))
    await index.idle()
    expect(index.suggest(text, { limit: 5 })?.suggestions[0]?.title).toBe('Nauwe samenwerking met schuldhulpverlening')
  })

  test('case notes are never indexed: created, changed or renamed outside the library', async () => {
    const vault = vaultWith(library())
    const index = await started(vault)
    vault.reads.length = 0
    const note = await vault.create(CASE, '---\ntype: praktijk\n---\nHij is woedend over de huisregels.')
    await vault.modify(note, 'Nog meer tekst')
    await vault.rename(note, 'Casussen/K.md')
    await index.idle()
    expect(vault.reads).toEqual([])
    expect(index.status().notes).toBe(7)
    expect(index.nodes().some((n) => n.path.includes('Casussen') || n.note.name === 'J' || n.note.name === 'K')).toBe(false)
  })

  test('a note moved into the library is indexed; moved out, it is dropped', async () => {
    const vault = vaultWith(library())
    const index = await started(vault)
    const note = await vault.create('Inbox/Nieuw thema.md', '---\ntype: thema\nbron: ["1"]\n---\n# Nieuw\n')
    await vault.rename(note, 'Kennisbank/themas/Nieuw thema.md')
    await index.idle()
    expect(index.node('themas/Nieuw thema.md')?.type).toBe('thema')
    await vault.rename(note, 'Inbox/Nieuw thema.md')
    await index.idle()
    expect(index.node('themas/Nieuw thema.md')).toBeUndefined()
  })

  test('renaming or deleting a folder inside the library reads the library again', async () => {
    const vault = vaultWith(library())
    const index = await started(vault)
    const folder = vault.getFolderByPath('Kennisbank/literatuur')
    if (!folder) throw new Error('no folder')
    await vault.rename(folder, 'Kennisbank/bronnen')
    await index.idle()
    expect(index.node('bronnen/Menger 2018.md')?.type).toBe('literatuur')
    await vault.delete(folder)
    await index.idle()
    expect(index.status().notes).toBe(5)
  })

  test('events after unload do nothing', async () => {
    const vault = vaultWith(library())
    const index = await started(vault)
    index.unload()
    expect(vault.listenerCount('create') + vault.listenerCount('modify') + vault.listenerCount('delete') + vault.listenerCount('rename')).toBe(0)
    await vault.create('Kennisbank/themas/Laat.md', '# Laat')
    await settle()
    expect(index.node('themas/Laat.md')).toBeUndefined()
  })

  test('a rebuild while another runs: only the newest counts', async () => {
    const vault = vaultWith(library())
    let folder = 'Kennisbank'
    const index = new LibraryIndex(vault, () => folder)
    index.load()
    const first = index.start()
    folder = 'Elders'
    await Promise.all([first, index.rebuild()])
    expect(index.status()).toMatchObject({ state: 'missing', folder: 'Elders' })
  })
})

test('library paths', () => {
  expect(libraryPathOf('Kennisbank', 'Kennisbank/themas/A.md')).toBe('themas/A.md')
  expect(libraryPathOf('Kennisbank', 'Kennisbank2/A.md')).toBeNull()
  expect(libraryPathOf('Kennisbank', 'Casussen/A.md')).toBeNull()
  expect(libraryPathOf('Team/Kennisbank', 'Team/Kennisbank/A.md')).toBe('A.md')
})

describe('a library folder that comes and moves (defect 2)', () => {
  test('a library copied in after start-up is read', async () => {
    const vault = vaultWith({ [CASE]: 'tekst' })
    const index = await started(vault)
    expect(index.status().state).toBe('missing')
    for (const [path, text] of Object.entries(library())) await vault.create(path, text)
    await settle()
    await index.idle()
    expect(index.status()).toMatchObject({ state: 'ready', folder: 'Kennisbank', notes: 7 })
    expect(index.suggest('Hij was woedend over de huisregels.', { limit: 3 })?.suggestions[0]?.title).toBe('Begrenzen met behoud van de werkalliantie')
  })

  test('an empty library folder made first, then filled', async () => {
    const vault = vaultWith({})
    const index = await started(vault)
    await vault.createFolder('Kennisbank')
    await settle()
    await index.idle()
    expect(index.status().state).toBe('ready')
    await vault.create('Kennisbank/themas/Stigma.md', '---\ntype: thema\nbron: ["4.9"]\n---\n# Stigma\n')
    await index.idle()
    expect(index.status().notes).toBe(1)
  })

  test('a folder renamed to the library folder is read', async () => {
    const vault = vaultWith(library('library/'))
    const index = await started(vault)
    const folder = vault.getFolderByPath('library')
    if (!folder) throw new Error('no folder')
    await vault.rename(folder, 'Kennisbank')
    await settle()
    await index.idle()
    expect(index.status()).toMatchObject({ state: 'ready', notes: 7 })
  })

  test('renaming the library folder: the index follows it and says where it went', async () => {
    const vault = vaultWith(library())
    let folder = 'Kennisbank'
    const moved: string[] = []
    const index = new LibraryIndex(vault, () => folder, {
      onMoved: (to) => {
        moved.push(to)
        folder = to
      }
    })
    index.load()
    await index.start()
    const root = vault.getFolderByPath('Kennisbank')
    if (!root) throw new Error('no folder')
    await vault.rename(root, 'Team/Bibliotheek')
    await settle()
    await index.idle()
    expect(moved).toEqual(['Team/Bibliotheek'])
    expect(index.status()).toMatchObject({ state: 'ready', folder: 'Team/Bibliotheek', notes: 7 })
    expect(index.libraryPath('Team/Bibliotheek/themas/Werkalliantie.md')).toBe('themas/Werkalliantie.md')
    expect(index.fileOf(index.node('themas/Werkalliantie.md') as never)?.path).toBe('Team/Bibliotheek/themas/Werkalliantie.md')
  })
})
