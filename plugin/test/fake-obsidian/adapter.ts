/**
 * Fake Obsidian: the vault's data adapter (`vault.adapter`), for files outside the notes such as a
 * plugin's own files under the config folder. As Obsidian's: paths are vault paths, `write` replaces a
 * file's contents but is not atomic (a crash midway leaves part of the text), `mkdir` makes the parents
 * too, `rename` refuses an existing destination.
 */
import type { Stat } from 'obsidian/obsidian'

/** An in-memory data adapter. */
export class DataAdapter {
  private readonly files = new Map<string, { data: string; mtime: number }>()
  private readonly folders = new Set<string>([''])
  /** Fake only: every write, by path, in order. */
  readonly writes: string[] = []
  /** Fake only: the next write stops after this many characters and throws (a crash midway). */
  crashNextWriteAfter: number | null = null

  getName(): string {
    return 'Fake adapter'
  }

  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || this.folders.has(path)
  }

  async stat(path: string): Promise<Stat | null> {
    const file = this.files.get(path)
    if (file) return { type: 'file', ctime: file.mtime, mtime: file.mtime, size: file.data.length }
    return this.folders.has(path) ? { type: 'folder', ctime: 0, mtime: 0, size: 0 } : null
  }

  async read(path: string): Promise<string> {
    const file = this.files.get(path)
    if (!file) throw new Error(`ENOENT: no such file, open '${path}'`)
    return file.data
  }

  async write(path: string, data: string): Promise<void> {
    if (!this.folders.has(parentOf(path))) throw new Error(`ENOENT: no such file or directory, open '${path}'`)
    this.writes.push(path)
    const crash = this.crashNextWriteAfter
    if (crash !== null) {
      this.crashNextWriteAfter = null
      this.files.set(path, { data: data.slice(0, crash), mtime: Date.now() })
      throw new Error('EIO: write interrupted')
    }
    this.files.set(path, { data, mtime: Date.now() })
  }

  async mkdir(path: string): Promise<void> {
    for (let p = path; p !== '' && !this.folders.has(p); p = parentOf(p)) this.folders.add(p)
  }

  async remove(path: string): Promise<void> {
    if (!this.files.delete(path)) throw new Error(`ENOENT: no such file, unlink '${path}'`)
  }

  async rename(from: string, to: string): Promise<void> {
    const file = this.files.get(from)
    if (!file) throw new Error(`ENOENT: no such file, rename '${from}'`)
    if (this.files.has(to)) throw new Error('Destination file already exists!')
    this.files.delete(from)
    this.files.set(to, file)
  }

  /** Fake only: every file's path. */
  paths(): string[] {
    return [...this.files.keys()].sort()
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}
