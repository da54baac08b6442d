// The plugin's version, kept in one place (see syncVersions); used by esbuild.config.mjs.
import { readFile, writeFile } from 'node:fs/promises'

/**
 * The version lives in one place, `plugin/manifest.json`. `versions.json` gets its entry (version → the
 * lowest Obsidian version it needs), and the repository root gets identical copies of both files, where
 * Obsidian's community directory and its installer read them. Files are only written when they differ.
 */
export async function syncVersions() {
  const manifestText = await readFile('manifest.json', 'utf8')
  const { version, minAppVersion } = JSON.parse(manifestText)
  const versions = JSON.parse(await readFile('versions.json', 'utf8'))
  if (versions[version] !== minAppVersion) {
    versions[version] = minAppVersion
    await writeIfChanged('versions.json', `${JSON.stringify(versions, null, 2)}\n`)
  }
  await writeIfChanged('../manifest.json', manifestText)
  await writeIfChanged('../versions.json', await readFile('versions.json', 'utf8'))
}

async function writeIfChanged(path, text) {
  const old = await readFile(path, 'utf8').catch(() => undefined)
  if (old !== text) await writeFile(path, text)
}
