/**
 * What the CLI needs before it knows its command: where the shipped library is, where the cache goes and
 * which build this is. Kept apart from files.ts and cache.ts, which load the core, so that `main` (and
 * `--help`, `--version`) loads no more than this.
 */
import { homedir } from 'node:os'
import { isAbsolute, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The library shipped with Praktijkwijzer (the repository's `library/`). */
export function shippedLibrary(): string {
  // The code runs from packages/cli/dist/ (the bundle and its chunks) or packages/cli/src/ (tests); the
  // library is at the repository root.
  const file = fileURLToPath(import.meta.url)
  const at = file.lastIndexOf(`${sep}packages${sep}cli${sep}`)
  return at === -1 ? fileURLToPath(new URL('../../../library', import.meta.url)) : join(file.slice(0, at), 'library')
}

/**
 * The cache folder: `$XDG_CACHE_HOME/praktijkwijzer` when that is an absolute path (as the XDG
 * specification asks), else `~/.cache/praktijkwijzer`.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env['XDG_CACHE_HOME']
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'praktijkwijzer')
}

/** Set by build.mjs: a hash of the code the bundle is made of (absent when the CLI runs from its sources). */
declare const __PRAKTIJKWIJZER_BUILD__: string | undefined

/**
 * The version the cache is tied to: the CLI's version and its build (a hash of the bundle's code, made
 * at build time), so that a CLI built from other code never trusts an index another build wrote, while
 * building the same code again keeps it. Run from its sources (the tests), the version alone.
 */
export function codeVersion(version: string): string {
  return typeof __PRAKTIJKWIJZER_BUILD__ === 'string' ? `${version}+${__PRAKTIJKWIJZER_BUILD__}` : version
}
