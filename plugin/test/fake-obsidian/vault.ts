/**
 * Fake Obsidian: files and folders, an in-memory vault with its events, the metadata cache (link text
 * only) and the file manager's `processFrontMatter`. Every write is logged, so tests can prove that
 * something did not write.
 *
 * Over 300 lines: the vault, its files and the two services that write through it (the metadata cache's
 * link text, the file manager's links and frontmatter) are tested together, as Obsidian ties them.
 */
import { parseFrontmatter } from '@praktijkwijzer/core'
import type { CachedMetadata, DataWriteOptions, FileStats } from 'obsidian/obsidian'
import { DataAdapter } from './adapter'
import { Events } from './core'
import type { EventRef } from './core'

/** A file or folder. */
export abstract class TAbstractFile {
  vault: Vault
  path: string
  name: string
  parent: TFolder | null

  constructor(vault: Vault, path: string, parent: TFolder | null) {
    this.vault = vault
    this.path = path
    this.name = path.slice(path.lastIndexOf('/') + 1)
    this.parent = parent
  }
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 }

  get basename(): string {
    const dot = this.name.lastIndexOf('.')
    return dot <= 0 ? this.name : this.name.slice(0, dot)
  }

  get extension(): string {
    const dot = this.name.lastIndexOf('.')
    return dot <= 0 ? '' : this.name.slice(dot + 1)
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = []

  isRoot(): boolean {
    return this.path === '/'
  }
}

/** One write the vault saw. */
export interface Write {
  op: 'create' | 'modify' | 'process' | 'append' | 'delete' | 'rename' | 'createFolder'
  path: string
}

/** The user's link settings (Settings → Files and links), as `getConfig` gives them. */
export interface LinkConfig {
  /** Markdown links (`[a](b.md)`) instead of wikilinks. Obsidian's default: false. */
  useMarkdownLinks: boolean
  /** Path in new links: the shortest that is unique, relative to the note, or from the vault root. Default: shortest. */
  newLinkFormat: 'shortest' | 'relative' | 'absolute'
}

/** An in-memory vault. */
export class Vault extends Events {
  configDir = '.obsidian'
  /** Files outside the notes (the config folder): see adapter.ts. */
  readonly adapter = new DataAdapter()
  /** Fake only: the user's link settings. */
  readonly config: LinkConfig = { useMarkdownLinks: false, newLinkFormat: 'shortest' }
  /** Fake only: called after each write of a file's text (Obsidian then brings open editors up to date). */
  onWrite: ((file: TFile) => void) | null = null
  private readonly root: TFolder
  private readonly files = new Map<string, TAbstractFile>()
  private readonly contents = new Map<string, string>()
  /** Fake only: every write, in order. */
  readonly writes: Write[] = []
  /** Fake only: every read (`read` and `cachedRead`), by path. */
  readonly reads: string[] = []
  /** Fake only: paths whose reads fail. */
  readonly failingReads = new Set<string>()
  /** Fake only: each `cachedRead` waits for this promise first (to test slow reads). */
  readGate: Promise<void> | null = null

  constructor() {
    super()
    this.root = new TFolder(this, '/', null)
    this.root.name = ''
    this.files.set('/', this.root)
  }

  getName(): string {
    return 'Fake vault'
  }

  getRoot(): TFolder {
    return this.root
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.files.get(path === '' ? '/' : path) ?? null
  }

  getFileByPath(path: string): TFile | null {
    const f = this.files.get(path)
    return f instanceof TFile ? f : null
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this.files.get(path === '' ? '/' : path)
    return f instanceof TFolder ? f : null
  }

  getFiles(): TFile[] {
    return [...this.files.values()].filter((f): f is TFile => f instanceof TFile)
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md')
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.files.values()]
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    const stack: TAbstractFile[] = [root]
    while (stack.length > 0) {
      const f = stack.pop() as TAbstractFile
      cb(f)
      if (f instanceof TFolder) stack.push(...f.children)
    }
  }

  async read(file: TFile): Promise<string> {
    return this.doRead(file)
  }

  /** The file's bytes (the fake keeps text: its UTF-8 bytes). */
  async readBinary(file: TFile): Promise<ArrayBuffer> {
    const text = await this.doRead(file)
    const bytes = new TextEncoder().encode(text)
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  }

  async cachedRead(file: TFile): Promise<string> {
    if (this.readGate) await this.readGate
    return this.doRead(file)
  }

  /** Create a file; missing folders above it are created first, each with its own `create` event (as Obsidian's file watcher reports a copied folder). */
  async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
    void options
    if (this.files.has(path)) throw new Error(`File already exists: ${path}`)
    const fresh = this.newFolders(parentOf(path))
    const file = this.add(path, data)
    this.writes.push({ op: 'create', path })
    for (const folder of fresh) this.trigger('create', folder)
    this.trigger('create', file)
    return file
  }

  async createFolder(path: string): Promise<TFolder> {
    if (this.files.has(path)) throw new Error(`Folder already exists: ${path}`)
    const fresh = this.newFolders(path)
    const folder = this.folder(path)
    this.writes.push({ op: 'createFolder', path })
    for (const f of fresh) this.trigger('create', f)
    return folder
  }

  async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    void options
    this.set(file, data)
    this.writes.push({ op: 'modify', path: file.path })
    this.trigger('modify', file)
  }

  async append(file: TFile, data: string): Promise<void> {
    this.set(file, (this.contents.get(file.path) ?? '') + data)
    this.writes.push({ op: 'append', path: file.path })
    this.trigger('modify', file)
  }

  /** Atomically read, change and write a file. */
  async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    void options
    const data = fn(this.contents.get(file.path) ?? '')
    this.set(file, data)
    this.writes.push({ op: 'process', path: file.path })
    this.trigger('modify', file)
    return data
  }

  async delete(file: TAbstractFile): Promise<void> {
    const gone: TAbstractFile[] = []
    if (file instanceof TFolder) Vault.recurseChildren(file, (f) => gone.push(f))
    else gone.push(file)
    for (const f of gone) {
      this.files.delete(f.path)
      this.contents.delete(f.path)
    }
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file)
    this.writes.push({ op: 'delete', path: file.path })
    this.trigger('delete', file)
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const oldPath = file.path
    const moved: TAbstractFile[] = []
    if (file instanceof TFolder) Vault.recurseChildren(file, (f) => moved.push(f))
    else moved.push(file)
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file)
    for (const f of moved) {
      const content = this.contents.get(f.path)
      this.files.delete(f.path)
      this.contents.delete(f.path)
      f.path = newPath + f.path.slice(oldPath.length)
      f.name = f.path.slice(f.path.lastIndexOf('/') + 1)
      this.files.set(f.path, f)
      if (content !== undefined) this.contents.set(f.path, content)
    }
    const parent = this.folder(parentOf(newPath))
    file.parent = parent
    parent.children.push(file)
    this.writes.push({ op: 'rename', path: `${oldPath} -> ${newPath}` })
    // Obsidian reports a moved folder and then everything in it, each with its old path.
    for (const f of moved) this.trigger('rename', f, oldPath + f.path.slice(newPath.length))
  }

  override on(name: 'create' | 'modify' | 'delete', callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef
  override on(name: 'rename', callback: (file: TAbstractFile, oldPath: string) => unknown, ctx?: unknown): EventRef
  override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
    return super.on(name, callback as (...data: unknown[]) => unknown, ctx)
  }

  /** Fake only: put a file in place without events and without logging a write (the vault as it was at start-up). */
  seed(path: string, data: string, mtime?: number): TFile {
    const file = this.add(path, data)
    if (mtime !== undefined) file.stat = { ...file.stat, mtime }
    return file
  }

  /** Fake only: the text of a file. */
  text(path: string): string | undefined {
    return this.contents.get(path)
  }

  private async doRead(file: TFile): Promise<string> {
    this.reads.push(file.path)
    if (this.failingReads.has(file.path)) throw new Error(`Cannot read ${file.path}`)
    const data = this.contents.get(file.path)
    if (data === undefined) throw new Error(`No such file: ${file.path}`)
    return data
  }

  private add(path: string, data: string): TFile {
    const parent = this.folder(parentOf(path))
    const file = new TFile(this, path, parent)
    parent.children.push(file)
    this.files.set(path, file)
    this.set(file, data)
    return file
  }

  private set(file: TFile, data: string): void {
    this.contents.set(file.path, data)
    file.stat = { ctime: file.stat.ctime, mtime: Date.now(), size: data.length }
    this.onWrite?.(file)
  }

  /** The folders `folder(path)` would create, top down. */
  private newFolders(path: string): TFolder[] {
    const missing: string[] = []
    for (let p = path; p !== '' && p !== '/' && !this.files.has(p); p = parentOf(p)) missing.unshift(p)
    return missing.map((p) => this.folder(p))
  }

  private folder(path: string): TFolder {
    if (path === '' || path === '/') return this.root
    const existing = this.files.get(path)
    if (existing instanceof TFolder) return existing
    const parent = this.folder(parentOf(path))
    const folder = new TFolder(this, path, parent)
    parent.children.push(folder)
    this.files.set(path, folder)
    return folder
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}

/** The metadata cache: link text and a frontmatter-only cache. */
export class MetadataCache extends Events {
  private readonly vault: Vault

  constructor(vault: Vault) {
    super()
    this.vault = vault
  }

  /** The file name when it is unique in the vault, else the full path (without `.md` when asked). */
  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    void sourcePath
    const same = this.vault.getFiles().filter((f) => f.basename.toLowerCase() === file.basename.toLowerCase())
    const name = same.length === 1 ? file.name : file.path
    return omitMdExtension && file.extension === 'md' ? name.slice(0, -3) : name
  }

  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    void sourcePath
    const target = linkpath.toLowerCase()
    const files = this.vault.getFiles()
    return files.find((f) => f.path.toLowerCase() === target || f.path.toLowerCase() === `${target}.md`) ?? files.find((f) => f.basename.toLowerCase() === target) ?? null
  }

  getFileCache(file: TFile): CachedMetadata | null {
    const text = this.vault.text(file.path)
    if (text === undefined) return null
    const fm = readFrontmatter(text)
    return fm.data === null ? {} : { frontmatter: fm.data }
  }
}

/** The file manager: links as the user set them, `processFrontMatter`, `trashFile`. */
export class FileManager {
  private readonly vault: Vault
  private readonly metadataCache: MetadataCache

  constructor(vault: Vault, metadataCache: MetadataCache) {
    this.vault = vault
    this.metadataCache = metadataCache
  }

  /**
   * A link to a file as the user's settings want it: a wikilink or a Markdown link, with the shortest
   * unique path, a relative one or the full one.
   */
  generateMarkdownLink(file: TFile, sourcePath: string, subpath = '', alias = ''): string {
    const { useMarkdownLinks, newLinkFormat } = this.vault.config
    const md = file.extension === 'md'
    let target: string
    if (newLinkFormat === 'shortest') target = this.metadataCache.fileToLinktext(file, sourcePath, !useMarkdownLinks)
    else {
      target = newLinkFormat === 'relative' ? relativePath(sourcePath, file.path) : file.path
      if (!useMarkdownLinks && md) target = target.slice(0, -3)
    }
    if (useMarkdownLinks) {
      if (md && !target.endsWith('.md')) target += '.md'
      return `[${alias === '' ? file.basename : alias}](${encodeURI(target)}${subpath})`
    }
    return `[[${target}${subpath}${alias === '' ? '' : `|${alias}`}]]`
  }

  /**
   * Read the frontmatter of the file as an object, let `fn` change it, write it back as YAML: one write
   * of the file, as `Vault.process`. An editor open on the file takes the new text on the next tick, as
   * Obsidian's does; until then it shows the old text. Throws on unreadable YAML, as Obsidian does.
   */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: DataWriteOptions): Promise<void> {
    await this.vault.process(
      file,
      (text) => {
        const fm = readFrontmatter(text)
        const data: Record<string, unknown> = fm.data ?? {}
        fn(data)
        const block = Object.keys(data).length === 0 ? '' : `---\n${writeYaml(data)}---\n`
        return block + text.slice(fm.end)
      },
      options
    )
  }

  async trashFile(file: TFile): Promise<void> {
    await this.vault.delete(file)
  }
}

/** The path of `target` relative to the folder of `source` (both vault paths). */
function relativePath(source: string, target: string): string {
  const from = source.split('/').slice(0, -1)
  const to = target.split('/')
  let common = 0
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/')
}

/** Obsidian's YAML reader (here the core's, through a frontmatter block). Throws on bad YAML. */
export function parseYaml(yaml: string): unknown {
  return readFrontmatter(`---\n${yaml}\n---\n`).data ?? {}
}

/** Obsidian's YAML writer (here the fake's own, see {@link writeYaml}). */
export function stringifyYaml(obj: unknown): string {
  return obj !== null && typeof obj === 'object' && !Array.isArray(obj) ? writeYaml(obj as Record<string, unknown>) : `${JSON.stringify(obj)}\n`
}

/** The frontmatter of a text as an object (`null` when there is none) and where the body starts. Throws on bad YAML, as Obsidian does. */
export function readFrontmatter(text: string): { data: Record<string, unknown> | null; end: number } {
  const fm = parseFrontmatter(text, 'note.md')
  if (!fm.present) return { data: null, end: 0 }
  const problem = fm.problems[0]
  if (problem) throw new Error(problem.message)
  return { data: { ...fm.data }, end: fm.bodyOffset }
}

/** YAML for a frontmatter object: scalars, lists of scalars, and anything else as JSON (which YAML reads). */
export function writeYaml(data: Record<string, unknown>): string {
  const scalar = (v: unknown): string => (typeof v === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} .,()&'-]*$/u.test(v) && !/^(true|false|null|yes|no|~)$/i.test(v) && !/^[\d.]+$/.test(v) ? v : JSON.stringify(v))
  let out = ''
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v === null || typeof v !== 'object')) out += `${key}:\n${value.map((v) => `  - ${scalar(v)}`).join('\n')}\n`
    else out += `${key}: ${scalar(value)}\n`
  }
  return out
}
