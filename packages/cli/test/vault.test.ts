import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'
import { assembleVault } from '../src/vault/assemble.js'
import { LIBRARY_FOLDER, MANIFEST_FILE, shippedSources } from '../src/vault/layout.js'
import { readManifest } from '../src/vault/manifest.js'
import { listFiles, sha256 } from '../src/vault/tree.js'
import { library, note, pluginBuild, read, repo, snapshot, tempDir } from './vault-helpers.js'

const run = (cwd: string, ...argv: string[]): Promise<Run> => runCli(argv, { cwd, library: join(repo, 'library') })

/** The shipped template and library with a small stand-in for the plugin build (the tests need not build it). */
function assembled(): string {
  const dest = join(tempDir(), 'kluis')
  assembleVault(dest, shippedSources(undefined, pluginBuild('0.1.0')), { durable: false })
  return dest
}

const pluginId = (JSON.parse(readFileSync(join(repo, 'plugin/manifest.json'), 'utf8')) as { id: string }).id

describe('the assembled vault', () => {
  test('should hold the template, the library in Kennisbank/ and the plugin, and nothing personal', () => {
    const dest = assembled()
    const files = listFiles(dest, { hidden: true })
    const outside = files.filter((f) => !f.startsWith(`${LIBRARY_FOLDER}/`))
    expect(outside).toEqual([
      '.obsidian/app.json',
      '.obsidian/community-plugins.json',
      '.obsidian/core-plugins.json',
      '.obsidian/graph.json',
      `.obsidian/plugins/${pluginId}/data.json`,
      `.obsidian/plugins/${pluginId}/${MANIFEST_FILE}`,
      `.obsidian/plugins/${pluginId}/main.js`,
      `.obsidian/plugins/${pluginId}/manifest.json`,
      `.obsidian/plugins/${pluginId}/styles.css`,
      '.obsidian/templates.json',
      'Casussen/Voorbeeldcasus.md',
      'LEESMIJ.md',
      'Sjablonen/Sjabloon casusnotitie.md',
      'Sjablonen/Sjabloon driegesprek.md',
      'Sjablonen/Sjabloon signaleringsplan.md'
    ])
    expect(readdirSync(join(dest, '.obsidian/plugins'))).toEqual([pluginId])
    // The library, byte for byte.
    expect(snapshot(join(dest, LIBRARY_FOLDER))).toEqual(snapshot(join(repo, 'library')))
    // Nothing is left beside the vault.
    expect(readdirSync(join(dest, '..'))).toEqual(['kluis'])
  })

  test('should enable exactly the Praktijkwijzer plugin, with the settings the plugin expects', () => {
    const dest = assembled()
    const json = (path: string): unknown => JSON.parse(read(dest, path))
    expect(json('.obsidian/community-plugins.json')).toEqual([pluginId])
    expect(json(`.obsidian/plugins/${pluginId}/manifest.json`)).toMatchObject({ id: pluginId })
    // The library folder: where the vault puts the library, what data.json says, and the plugin's default.
    const defaults = /libraryFolder:\s*'([^']+)'/.exec(readFileSync(join(repo, 'plugin/src/settings.ts'), 'utf8'))?.[1]
    expect(defaults).toBe(LIBRARY_FOLDER)
    expect(json(`.obsidian/plugins/${pluginId}/data.json`)).toMatchObject({ libraryFolder: LIBRARY_FOLDER, libraryRecord: { version: expect.stringMatching(/^0\.1\.0\+[0-9a-f]{8}$/) } })
    // The plugin's record of the installed library is the vault's record of it.
    const installed = (json(`.obsidian/plugins/${pluginId}/installatie.json`) as { library: { files: unknown } }).library.files
    expect((json(`.obsidian/plugins/${pluginId}/data.json`) as { libraryRecord: { files: unknown } }).libraryRecord.files).toEqual(installed)
    // Core plugins: templates on and pointed at a folder that has the templates; sync and publish off.
    const core = json('.obsidian/core-plugins.json') as Record<string, boolean>
    expect(core).toMatchObject({ templates: true, graph: true, sync: false, publish: false })
    const templates = json('.obsidian/templates.json') as { folder: string }
    expect(listFiles(join(dest, templates.folder))).toEqual(['Sjabloon casusnotitie.md', 'Sjabloon driegesprek.md', 'Sjabloon signaleringsplan.md'])
    // New notes go to the case-note folder.
    expect(json('.obsidian/app.json')).toMatchObject({ newFileLocation: 'folder', newFileFolderPath: 'Casussen' })
  })

  test('should colour each kind of note in the graph, by folders that hold exactly that kind', () => {
    const dest = assembled()
    const groups = (JSON.parse(read(dest, '.obsidian/graph.json')) as { colorGroups: Array<{ query: string; color: { rgb: number } }> }).colorGroups
    const kinds: Record<string, string | null> = {
      [`${LIBRARY_FOLDER}/themas`]: 'thema',
      [`${LIBRARY_FOLDER}/methodieken`]: 'methodiek',
      [`${LIBRARY_FOLDER}/praktijken`]: 'praktijk',
      [`${LIBRARY_FOLDER}/literatuur`]: 'literatuur',
      Casussen: null
    }
    expect(groups.map((g) => g.query)).toEqual(Object.keys(kinds).map((folder) => `path:${folder}`))
    expect(new Set(groups.map((g) => g.color.rgb)).size).toBe(groups.length)
    for (const [folder, kind] of Object.entries(kinds)) {
      const notes = listFiles(join(dest, folder))
      expect(notes.length).toBeGreaterThan(0)
      for (const n of notes) {
        const type = /^type: (\S+)$/m.exec(read(dest, `${folder}/${n}`))?.[1]
        expect(type ?? null, `${folder}/${n}`).toBe(kind)
      }
    }
  })

  test('should record every installed file with its SHA-256', () => {
    const dest = assembled()
    const read = readManifest(join(dest, `.obsidian/plugins/${pluginId}/${MANIFEST_FILE}`), pluginId)
    if (!read.ok) throw new Error(read.message)
    const { manifest } = read
    expect(manifest).toMatchObject({ format: 1, library: { folder: LIBRARY_FOLDER }, plugin: { id: pluginId, version: '0.1.0', folder: `.obsidian/plugins/${pluginId}` } })
    const check = (root: string, files: Record<string, string>): void => {
      for (const [path, hash] of Object.entries(files)) expect(sha256(readFileSync(join(root, path))), path).toBe(hash)
    }
    check(join(dest, LIBRARY_FOLDER), manifest.library.files)
    check(join(dest, manifest.plugin.folder), manifest.plugin.files)
    check(dest, manifest.template.files)
    expect(Object.keys(manifest.library.files)).toHaveLength(listFiles(join(repo, 'library')).length)
    expect(Object.keys(manifest.plugin.files)).toEqual(['main.js', 'manifest.json', 'styles.css'])
    // Everything outside the library and the plugin's files came from the template.
    const installed = [...Object.keys(manifest.template.files), ...Object.keys(manifest.plugin.files).map((f) => `${manifest.plugin.folder}/${f}`), `${manifest.plugin.folder}/${MANIFEST_FILE}`]
    expect(installed.sort()).toEqual(listFiles(dest, { hidden: true }).filter((f) => !f.startsWith(`${LIBRARY_FOLDER}/`)))
  })
})

describe('the template notes', () => {
  test('should pass check, alone and in the vault: no errors and, in the vault, no warnings', async () => {
    const dest = assembled()
    for (const dir of [join(repo, 'vault-template'), dest]) {
      const r = await run(repo, 'check', dir, '--json')
      const { problems, summary } = JSON.parse(r.out) as { problems: Array<{ file: string; code: string; level: string }>; summary: { errors: number } }
      expect(r.code).toBe(0)
      expect(summary.errors).toBe(0)
      const warnings = problems.filter((p) => !(dir === join(repo, 'vault-template') && p.code === 'broken-link'))
      // Case notes and templates are ordinary notes: frontmatter without a library type is no warning.
      expect(warnings.map((p) => `${p.file} ${p.code}`)).toEqual([])
    }
  })

  test('should give no note a name that is already a library note or alias (links in the library stay unambiguous)', async () => {
    const dest = assembled()
    const r = await run(repo, 'check', dest, '--json')
    const codes = (JSON.parse(r.out) as { problems: Array<{ code: string }> }).problems.map((p) => p.code)
    expect(codes).not.toContain('ambiguous-link')
    expect(codes).not.toContain('duplicate-id')
  })

  test('should follow the case format of the report, with the frontmatter a case note needs', () => {
    const text = read(join(repo, 'vault-template'), 'Sjablonen/Sjabloon casusnotitie.md')
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(headings).toEqual(['Situatie', 'Setting', 'Betrokkenen', 'Eigen taak en rol', 'Rol van anderen', 'Verloop', 'Wat is kracht- of herstelgericht', 'Wat is forensisch', 'Wat werkt'])
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? ''
    expect(frontmatter.split('\n').map((l) => l.split(':')[0])).toEqual(['datum', 'pseudoniem', 'forensische_titel', 'leefgebieden', 'themas'])
    expect(frontmatter).toContain('datum: "{{date}}"')
  })

  test('should have a driegesprek with roles, conditions, when the probation officer hears, and the client own goals', () => {
    const text = read(join(repo, 'vault-template'), 'Sjablonen/Sjabloon driegesprek.md')
    for (const heading of ['Wie zit aan tafel, en wie doet wat', 'Bijzondere voorwaarden', 'Wanneer wordt de toezichthouder ingelicht', 'De eigen doelen van de cliënt', 'Afspraken']) {
      expect(text).toContain(`## ${heading}\n`)
    }
  })

  test('should have a signaleringsplan with signals and actions for green, orange and red', () => {
    const text = read(join(repo, 'vault-template'), 'Sjablonen/Sjabloon signaleringsplan.md')
    for (const phase of ['Groen', 'Oranje', 'Rood']) expect(text).toMatch(new RegExp(`^## ${phase}: .+\\n(?:%%.*%%\\n\\n)?\\| (?:zo ziet het eruit|signalen) \\| wat ik zelf doe \\| wat de begeleiding doet`, 'm'))
  })

  test('should mark the example case as fictional and make the panel show the practices it is about', async () => {
    const dest = assembled()
    const text = read(dest, 'Casussen/Voorbeeldcasus.md')
    expect(text).toMatch(/^fictief: true$/m)
    expect(text).toContain('Deze casus is bedacht')
    // Practices and methods: on a long note like this one the themes its practices lift fill much of an all-kinds top 5.
    const r = await run(dest, 'suggest', 'Casussen/Voorbeeldcasus.md', '--library', LIBRARY_FOLDER, '--json', '--limit', '5', '--type', 'praktijk,methodiek')
    const titles = (JSON.parse(r.out) as { suggestions: Array<{ title: string }> }).suggestions.map((s) => s.title)
    expect(titles).toEqual(expect.arrayContaining(['Driepartijenoverleg', 'Samenwerking bij aanvang traject', 'Krachtgericht werken bij weerstand of reactance']))
  })

  test('should explain privacy in LEESMIJ: pseudonyms, what not to write, where to keep the vault', () => {
    const text = read(join(repo, 'vault-template'), 'LEESMIJ.md')
    for (const phrase of ['pseudoniem', 'burgerservicenummer (BSN)', 'adres', 'Niet in een consumentencloud', 'De plug-in stuurt niets weg', 'regels van je', 'Map openen als kluis']) {
      expect(text).toContain(phrase)
    }
  })
})

describe('praktijkwijzer vault DEST', () => {
  test('should assemble into a new or empty folder and say what it installed', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'leeg'))
    for (const target of ['nieuw', 'leeg']) {
      const r = await run(cwd, 'vault', target, '--plugin', pluginBuild('0.1.0'))
      expect(r.err).toBe('')
      expect(r.code).toBe(0)
      expect(r.out).toMatch(new RegExp(`^Kluis gemaakt in ${target}: \\d+ bestanden in Kennisbank/, plug-in 0\\.1\\.0 in \\.obsidian/plugins/praktijkwijzer/`))
      expect(existsSync(join(cwd, target, 'Kennisbank/Start hier.md'))).toBe(true)
    }
  })

  test('should refuse a folder that is not empty, and change nothing in it', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'notitie.md'), 'van iemand\n')
    const before = snapshot(cwd)
    const r = await run(cwd, 'vault', '.', '--plugin', pluginBuild('0.1.0'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('is niet leeg')
    expect(r.err).toContain('--update')
    expect(snapshot(cwd)).toEqual(before)
  })

  test('should ask for `pnpm build` when the plugin is not built, and make nothing', async () => {
    const cwd = tempDir()
    const r = await run(cwd, 'vault', 'kluis', '--plugin', tempDir())
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/de plug-in is nog niet gebouwd: main\.js, manifest\.json, styles\.css ontbreekt in .*Draai eerst `pnpm build`/)
    expect(readdirSync(cwd)).toEqual([])
  })

  test('should say in Dutch, without a stack trace, when the place for the vault lies in a file (exit 2)', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'bestand'), '')
    const r = await run(cwd, 'vault', 'bestand/kluis', '--plugin', pluginBuild('0.1.0'))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^praktijkwijzer vault: .*bestand.* is \(of ligt in\) een bestand, geen map.*\n/)
  })

  test.each([
    [['vault'], 'geef de map van de kluis op'],
    [['vault', 'x', '--dry-run'], '--dry-run hoort bij --update'],
    [['vault', 'x', '--restore-deleted'], '--restore-deleted hoort bij --update'],
    [['vault', 'x', 'y'], 'onverwacht argument: y'],
    [['vault', 'bestaat-niet', '--update'], 'bestaat niet of is geen map']
  ])('should exit 2 for %j', async (argv, message) => {
    const r = await run(tempDir(), ...argv, '--plugin', pluginBuild('0.1.0'))
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  test('should refuse to update a folder that is not a vault made by this command', async () => {
    const cwd = tempDir()
    const r = await run(cwd, 'vault', '.', '--update', '--plugin', pluginBuild('0.1.0'), '--library', library({ 'a.md': note('thema', 'a') }))
    expect(r.code).toBe(1)
    expect(r.err).toContain('installatie.json ontbreekt')
  })
})
