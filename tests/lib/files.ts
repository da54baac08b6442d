// Reading library folders from disk for cross-package tests, the evaluation and the benchmark.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The shipped library folder. */
export const LIBRARY = join(ROOT, 'library')

/** The source report, beside the repository in `../shared/`. */
export const REPORT = join(ROOT, '..', 'shared', 'seeds', '000_db626c2dfe308028.txt')

/** Every `.md` file under a folder, with paths relative to it. */
export function readMarkdown(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = []
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue
      const full = join(folder, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.md')) out.push({ path: relative(dir, full).split(sep).join('/'), text: readFileSync(full, 'utf8') })
    }
  }
  walk(dir)
  return out
}
