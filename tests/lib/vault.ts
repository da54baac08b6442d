/** Helpers for the end-to-end tests of `praktijkwijzer vault`: the built CLI as a process, small libraries, snapshots. */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository. */
export const root = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(root, 'packages/cli/bin/praktijkwijzer.js')

/** What a finished run gave. */
export interface Ran {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Run the CLI and wait for it.
 *
 * @param cwd Where.
 * @param args Its arguments.
 * @param env Extra environment (the test hooks).
 * @param prefix A command to run it under (such as `setpriv` with its options).
 */
export function praktijkwijzer(cwd: string, args: string[], env: Record<string, string> = {}, prefix: string[] = []): Ran {
  const [command, ...rest] = [...prefix, process.execPath, BIN, ...args]
  const r = spawnSync(command as string, rest, { cwd, encoding: 'utf8', env: { ...process.env, ...env } })
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/**
 * Start the CLI paused at a step of an update (`PRAKTIJKWIJZER_TEST_PAUSE_AT`), as a laptop going to sleep
 * would, and wait until it is there.
 *
 * @returns `resume` lets it go on and gives how it ended; `reached` is false when it ended before the step.
 */
export async function pausedAt(cwd: string, args: string[], step: string): Promise<{ reached: boolean; resume: () => Promise<Ran> }> {
  const file = join(cwd, `.pause-${step}-${Math.random().toString(36).slice(2)}`)
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, PRAKTIJKWIJZER_TEST_PAUSE_AT: step, PRAKTIJKWIJZER_TEST_PAUSE_FILE: file } })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()))
  const ended = new Promise<Ran>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })))
  let done = false
  void ended.then(() => void (done = true))
  while (!done && !existsSync(`${file}.paused`)) await new Promise((r) => setTimeout(r, 20))
  return {
    reached: existsSync(`${file}.paused`),
    resume: async () => {
      writeFileSync(file, '')
      return ended
    }
  }
}

/** Write files (path → text) under a folder. */
export function write(dir: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

/** A library note. */
export const note = (text: string): string => `---\ntype: thema\nbron: ["4.7"]\n---\n# Thema\n\n${text}\n`

/** A plugin build with this version. */
export function plugin(dir: string, version: string): string {
  return write(dir, { 'main.js': `/* ${version} */`, 'manifest.json': JSON.stringify({ id: 'praktijkwijzer', version }), 'styles.css': '' })
}

/**
 * Each file as `path sha256`, each folder as `path/`, each link as `path -> target`; the manifest's two
 * timestamps left out. Pause files of the test hooks are left out too.
 */
export function snapshot(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.pause-')) continue
      const rel = `${prefix}${name}`
      const full = join(d, name)
      const stat = lstatSync(full)
      if (stat.isDirectory()) {
        out.push(`${rel}/`)
        walk(full, `${rel}/`)
      } else if (stat.isSymbolicLink()) {
        out.push(`${rel} -> ${readlinkSync(full)}`)
      } else {
        let text = readFileSync(full, 'utf8')
        if (name === 'installatie.json') text = text.replace(/"(created|updated)": "[^"]+"/g, '"$1": ""')
        out.push(`${rel} ${createHash('sha256').update(text).digest('hex')}`)
      }
    }
  }
  walk(dir, '')
  return out.sort()
}
