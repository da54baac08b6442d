/**
 * Updating the vault's library from the library the plugin carries, through the Vault API only, with the
 * same three-way plan as `praktijkwijzer vault --update` (`planLibrary` in the core).
 *
 * Each file is written atomically by Obsidian (`vault.create`, `vault.process`, `fileManager.trashFile`),
 * and only where it is still what the plan saw: `process` keeps the note when it changed in the meantime,
 * `create` refuses a file that appeared. The record of what is installed is replaced only after the last
 * write, and a run that was interrupted leaves a mark (`pending`). The next run plans again from the old
 * record: what was already written now equals the new library and is left alone, the rest is done; a note
 * the team edited since counts as the team's. So closing Obsidian halfway loses no edit, and the next run
 * completes the update.
 */
import { normalizedContent, planLibrary, type LocalEntry, type Plan } from '@praktijkwijzer/core'
import { normalizePath, TFile, TFolder } from 'obsidian'
import type { App, TAbstractFile } from 'obsidian'

/** A library: its version and its files (path → bytes). */
export interface LibrarySource {
  version: string
  files: ReadonlyMap<string, Uint8Array>
}

/** What is installed in the vault, as the plugin keeps it in its data. */
export interface InstalledRecord {
  /** The version of the library installed last. */
  version: string
  /** Path (relative to the library folder) → SHA-256 of the normalised content. */
  files: Record<string, string>
  /** Set while an update runs: the version it brings. */
  pending?: string
}

/** Where the record is kept (the plugin's data). */
export interface RecordStore {
  load(): InstalledRecord | undefined
  save(record: InstalledRecord): Promise<void>
}

/** A plan for the vault, with what it needs to be carried out. */
export interface Prepared {
  folder: string
  plan: Plan
  source: LibrarySource
  /** The text each file had when it was planned (the guard of every write). */
  seen: Map<string, string>
  base: InstalledRecord | undefined
}

/** What applying did. */
export interface Applied {
  written: string[]
  deleted: string[]
  /** Files that changed between the plan and the write: left as the team has them. */
  skipped: string[]
}

/** The SHA-256 of the normalised content of a file, as lowercase hex. */
export async function contentHash(path: string, bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', normalizedContent(path, bytes) as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Every entry in the library folder (files with their hash, and folders), by path relative to it, and the
 * text of each file.
 *
 * @param app The app.
 * @param folder The library folder.
 */
export async function scanLibrary(app: App, folder: string): Promise<{ entries: Map<string, LocalEntry>; texts: Map<string, string> }> {
  const entries = new Map<string, LocalEntry>()
  const texts = new Map<string, string>()
  const root = app.vault.getAbstractFileByPath(normalizePath(folder))
  if (!(root instanceof TFolder)) return { entries, texts }
  const walk = async (dir: TFolder): Promise<void> => {
    for (const child of dir.children) {
      const rel = child.path.slice(root.path.length + 1)
      if (child.name.startsWith('.')) continue
      if (child instanceof TFolder) {
        entries.set(rel, { kind: 'folder' })
        await walk(child)
      } else if (child instanceof TFile) {
        const bytes = new Uint8Array(await app.vault.readBinary(child))
        entries.set(rel, { kind: 'file', hash: await contentHash(rel, bytes) })
        texts.set(rel, new TextDecoder().decode(bytes))
      }
    }
  }
  await walk(root)
  return { entries, texts }
}

/**
 * Plan the update of the vault's library folder to a library.
 *
 * @param app The app.
 * @param folder The library folder.
 * @param source The new library.
 * @param record What is installed (none: every note that differs counts as the team's).
 */
export async function prepareUpdate(app: App, folder: string, source: LibrarySource, record: InstalledRecord | undefined): Promise<Prepared> {
  const { entries, texts } = await scanLibrary(app, folder)
  const upstream = new Map<string, string>()
  for (const [path, bytes] of source.files) upstream.set(path, await contentHash(path, bytes))
  const plan = planLibrary(new Map(Object.entries(record?.files ?? {})), entries, upstream)
  return { folder: normalizePath(folder), plan, source, seen: texts, base: record }
}

/**
 * Carry out a plan through the Vault API, then record the new state.
 *
 * @param app The app.
 * @param prepared The plan.
 * @param store Where the record is kept.
 * @param onWrite For tests: called before each write (what it throws stops the update there).
 */
export async function applyUpdate(app: App, prepared: Prepared, store: RecordStore, onWrite: (path: string) => void = () => undefined): Promise<Applied> {
  const { folder, plan, source, seen } = prepared
  const done: Applied = { written: [], deleted: [], skipped: [] }
  await store.save({ ...(prepared.base ?? { version: '', files: {} }), pending: source.version })
  const decoder = new TextDecoder()
  const at = (rel: string): string => normalizePath(`${folder}/${rel}`)

  for (const rel of plan.deletes) {
    const file = app.vault.getAbstractFileByPath(at(rel))
    if (!(file instanceof TFile)) continue
    onWrite(rel)
    if ((await app.vault.read(file)) !== seen.get(rel)) {
      done.skipped.push(rel)
      continue
    }
    await app.fileManager.trashFile(file)
    done.deleted.push(rel)
  }
  for (const write of plan.writes) {
    const text = decoder.decode(source.files.get(write.source))
    const path = at(write.path)
    onWrite(write.path)
    const existing = app.vault.getAbstractFileByPath(path)
    if (existing instanceof TFile) {
      const before = seen.get(write.path)
      let kept = false
      await app.vault.process(existing, (now) => {
        if (now === before) return text
        kept = true
        return now
      })
      ;(kept ? done.skipped : done.written).push(write.path)
    } else if (existing === null) {
      await ensureFolder(app, path.slice(0, path.lastIndexOf('/')))
      try {
        await app.vault.create(path, text)
        done.written.push(write.path)
      } catch {
        done.skipped.push(write.path) // it appeared in the meantime: the team's
      }
    } else done.skipped.push(write.path)
  }
  const files = Object.fromEntries(plan.record)
  // A file that was skipped keeps its old record, so the next run sees it again.
  for (const rel of done.skipped) {
    const old = prepared.base?.files[rel]
    if (old === undefined) delete files[rel]
    else files[rel] = old
  }
  await store.save({ version: source.version, files })
  return done
}

async function ensureFolder(app: App, path: string): Promise<void> {
  if (path === '') return
  const existing: TAbstractFile | null = app.vault.getAbstractFileByPath(path)
  if (existing instanceof TFolder) return
  await ensureFolder(app, path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '')
  await app.vault.createFolder(path)
}

/** Whether a plan changes anything. */
export function hasWork(plan: Plan): boolean {
  return plan.writes.length + plan.deletes.length > 0
}
