/**
 * The library index: the notes of the library folder, read with `cachedRead`, as a knowledge graph and a
 * relevance engine. Built once the layout is ready; kept current one file at a time on the vault's
 * create, modify, delete and rename events. A library folder that appears later (copied in after the
 * plugin was enabled) is read when it appears; a renamed library folder is followed. Only files inside
 * the library folder are ever read into it: case notes never are. It never writes to the vault's notes.
 *
 * With a persisted index ({@link IndexCache}), the first build after start loads it before reading the
 * library and reads only the notes whose modification time or size changed, that are new, or gone; the
 * index is written again (debounced) after a build and after changes.
 *
 * Over 300 lines: building, the incremental updates, following the folder and writing the index share
 * the queue and the generation counter that keep them in order; apart, each would need the others'
 * internals.
 */
import { cacheWarning, Citations, encodeCacheSteps, Library, LibrarySearch, problem, staleFiles, TitleFinder, version as coreVersion } from '@praktijkwijzer/core'
import type { GraphNode, LinkOptions, LinkProposal, LoadedCache, NoteType, Problem, SourceFile, Stamp, SuggestOptions, SuggestResult } from '@praktijkwijzer/core'
import { Component, Events, TFile, TFolder, Vault } from 'obsidian'
import type { EventRef, TAbstractFile } from 'obsidian'
import { IndexCache, type CacheSettings } from './index-cache'
import { slice, sliceClock, sliced, type SliceClock, type Steps } from './slices'

/** Where the index is. */
export type IndexState = 'idle' | 'loading' | 'ready' | 'missing'

/** A summary for the panel's status line. */
export interface IndexStatus {
  state: IndexState
  /** The library folder. */
  folder: string
  /** Notes read into the library. */
  notes: number
  errors: number
  warnings: number
  /** While loading: notes parsed so far, of how many. */
  progress?: { done: number; total: number }
  /** The library's version, when one of its index notes gives it (`versie`). */
  version?: string
  /** A line about the persisted index (it could not be used and the library was read afresh). */
  notice?: string
  /**
   * Ready for suggestions, but notes they do not use (overviews, the README) are still being read: the
   * problem counts are not final yet (links to those notes do not resolve until they are read).
   */
  pending?: boolean
}

/** Options of the {@link LibraryIndex}. */
export interface Options {
  /**
   * Told the new folder when the library folder was renamed or moved in the vault. It must make the
   * `folder` getter give the new folder (update the setting) before it returns: the index reads it again.
   */
  onMoved?: (folder: string) => void
  /** Keep a persisted index there (see {@link IndexCache}); absent: every start reads every note. */
  cache?: CacheSettings
}

/** The library index. Add it to the plugin with `addChild`; call {@link start} once the layout is ready. */
export class LibraryIndex extends Component {
  private readonly vault: Vault
  private readonly folderOf: () => string
  private readonly onMoved: ((folder: string) => void) | undefined
  private readonly events = new Events()
  private library: Library | null = null
  private state: IndexState = 'idle'
  private folder = ''
  /** Files that could not be read at all, by library path. */
  private readonly readFailures = new Map<string, Problem>()
  /** Index operations run one after the other, in the order the vault reported them. */
  private queue: Promise<void> = Promise.resolve()
  private started = false
  /** Whether the component is loaded: after unload, {@link start} does nothing. */
  private alive = false
  /** Formats the sources' references (see {@link citations}). */
  private readonly citer = new Citations()
  /** Bumped by every full build: operations queued for an older build are dropped. */
  private generation = 0
  private progress: { done: number; total: number } | undefined
  /** The library folder's old path while a move of it is being followed. */
  private movedFrom: string | null = null
  private readonly cache: IndexCache | undefined
  /** Whether the persisted index was tried: only the first build after start uses it. */
  private cacheTried = false
  /** The stamp (modification time, size) of every note as it was read, by library path. */
  private stamps = new Map<string, Stamp>()
  private saveTimer: number | undefined
  private notice: string | undefined
  /** Whether notes left for later are still to be read (see {@link IndexStatus.pending}). */
  private pending = false
  /** Library paths the vault changed since the last build started (notes left for later skip them). */
  private touched = new Set<string>()
  /** The problem counts and the library's version for the status line, until the library changes (see {@link emit}). */
  private counted: { errors: number; warnings: number; version: string | undefined } | undefined

  /**
   * @param vault The vault to read from.
   * @param folder Gives the library folder (a vault path) whenever the index (re)builds.
   */
  constructor(vault: Vault, folder: () => string, options: Options = {}) {
    super()
    this.vault = vault
    this.folderOf = folder
    this.onMoved = options.onMoved
    this.cache = options.cache ? new IndexCache(vault.adapter, options.cache) : undefined
  }

  override onload(): void {
    this.alive = true
  }

  /**
   * Listen to the vault and build the index. Call from `onLayoutReady`, so start-up `create` events are
   * not replayed. Does nothing once the index is unloaded (the plugin may be disabled before the layout
   * is ready).
   */
  start(): Promise<void> {
    if (!this.alive) return Promise.resolve()
    if (!this.started) {
      this.started = true
      this.registerEvent(this.vault.on('create', (file) => this.onCreate(file)))
      this.registerEvent(this.vault.on('modify', (file) => this.onCreateOrModify(file)))
      this.registerEvent(this.vault.on('delete', (file) => this.onDelete(file)))
      this.registerEvent(this.vault.on('rename', (file, oldPath) => this.onRename(file, oldPath)))
    }
    return this.rebuild()
  }

  override onunload(): void {
    this.alive = false
    if (this.saveTimer !== undefined) window.clearTimeout(this.saveTimer)
    this.saveTimer = undefined
    this.generation++
    this.library = null
    this.state = 'idle'
  }

  /** Read the whole library folder again (after a settings change, or on request). */
  rebuild(): Promise<void> {
    const generation = ++this.generation
    this.state = 'loading'
    this.emit()
    return this.enqueue(generation, () => this.build(generation))
  }

  /** Wait until every operation queued so far has run. */
  idle(): Promise<void> {
    return this.queue
  }

  /** Be told when the index changed (built, a note added, changed or removed). */
  onUpdated(callback: () => void): EventRef {
    return this.events.on('updated', callback)
  }

  /** Stop being told. */
  offref(ref: EventRef): void {
    this.events.offref(ref)
  }

  /** A summary for the status line (the panel asks at every keystroke: the counts are kept until a change). */
  status(): IndexStatus {
    if (!this.counted) {
      const problems = this.problems()
      this.counted = {
        errors: problems.filter((p) => p.level === 'error').length,
        warnings: problems.filter((p) => p.level === 'warning').length,
        // The overviews sorted by path: a copy of every node each time, so kept with the counts.
        version: this.library?.graph.nodes('index').map((n) => coreVersion(n.note)).find((v) => v !== undefined)
      }
    }
    const { errors, warnings, version } = this.counted
    const status: IndexStatus = { state: this.state, folder: this.folder || this.folderOf(), notes: this.library?.graph.size ?? 0, errors, warnings }
    if (this.state === 'loading' && this.progress) status.progress = { ...this.progress }
    if (version !== undefined) status.version = version
    if (this.notice !== undefined) status.notice = this.notice
    if (this.pending && this.state === 'ready') status.pending = true
    return status
  }

  /** Be told how far a build is (a few times a second while it parses). */
  onProgress(callback: () => void): EventRef {
    return this.events.on('progress', callback)
  }

  /** Every problem of the library: unreadable files, parse, schema and link problems. Paths are library paths. */
  problems(): Problem[] {
    return [...this.readFailures.values(), ...(this.library?.problems() ?? [])]
  }

  /** The library's notes, optionally of one kind. */
  nodes(type?: NoteType): GraphNode[] {
    return this.library?.graph.nodes(type) ?? []
  }

  /** A typo-tolerant finder over the titles and aliases of the notes (of some kinds), or `null` while there is no library. */
  finder(types?: readonly NoteType[]): TitleFinder | null {
    return this.library ? new TitleFinder(this.library.graph, types) : null
  }

  /**
   * A search over the library (of some kinds): typo-tolerant titles and aliases, then the full text with
   * an excerpt per hit; `null` while there is no library.
   */
  search(types?: readonly NoteType[]): LibrarySearch | null {
    return this.library ? new LibrarySearch(this.library, types) : null
  }

  /** The note at a library path. */
  node(path: string): GraphNode | undefined {
    return this.library?.graph.byPath(path)
  }

  /**
   * Rank the library for a text. Nothing of the text is kept.
   *
   * @returns The result, or `null` while the index is not ready.
   */
  suggest(text: string, options: SuggestOptions): SuggestResult | null {
    if (this.state !== 'ready' || !this.library) return null
    return this.library.suggest(text, options)
  }

  /**
   * The links a library note is probably missing, per field, with reasons.
   *
   * @param path The note's library path.
   * @returns The proposals, or `null` while the index is not ready.
   */
  missingLinks(path: string, options: LinkOptions = {}): LinkProposal[] | null {
    if (this.state !== 'ready' || !this.library) return null
    return this.library.missingLinks(path, options)
  }

  /** The APA 7 formatter of the library's sources (our own, cheap to make; it memoises per note). */
  citations(): Citations {
    return this.citer
  }

  /** The APA 7 reference of a source, formatted when first asked for and then kept. */
  reference(node: GraphNode): string {
    return this.citer.reference(node)
  }

  /** The library path of a vault path, or `null` when it lies outside the library folder. */
  libraryPath(vaultPath: string): string | null {
    const folder = this.folder || this.folderOf()
    return libraryPathOf(folder, vaultPath)
  }

  /** The vault path of a library path. */
  vaultPath(libraryPath: string): string {
    const folder = this.folder || this.folderOf()
    return folder === '' ? libraryPath : `${folder}/${libraryPath}`
  }

  /** The vault file of a library note. */
  fileOf(node: GraphNode): TFile | null {
    return this.vault.getFileByPath(this.vaultPath(node.path))
  }

  private async build(generation: number): Promise<void> {
    const folder = this.folderOf()
    const root = this.vault.getAbstractFileByPath(folder)
    this.readFailures.clear()
    // From here on, a vault change of a note is newer than what this build reads of it.
    this.touched = new Set()
    this.pending = false
    if (!(root instanceof TFolder)) {
      this.folder = folder
      this.library = null
      this.state = 'missing'
      return
    }
    const files: TFile[] = []
    Vault.recurseChildren(root, (f) => {
      if (f instanceof TFile && f.extension === 'md') files.push(f)
    })
    this.progress = { done: 0, total: files.length }
    const options = { cite: (node: GraphNode) => this.reference(node) }
    const tryCache = this.cache !== undefined && !this.cacheTried
    this.cacheTried = true
    const decoding = tryCache ? await this.cache?.load(folder, options).catch(() => null) : null
    if (generation !== this.generation) return
    // Restoring the index takes a while too: in slices, as parsing.
    let loaded: LoadedCache | null = null
    // One slice goes on from part to part (restore or parse, index, prepare) while they follow each other
    // in one task; a read from the vault in between starts a new one.
    let clock = sliceClock()
    if (decoding) {
      const decoded = await this.sliced(decoding, generation, undefined, clock)
      if (!decoded) return
      loaded = decoded.value
    }
    let library: Library
    let save = this.cache !== undefined
    let later: Text[] = []
    if (loaded?.ok) {
      // A cached start: read only what changed since the index was written.
      library = loaded.library
      const byPath = new Map<string, TFile>()
      const current = new Map<string, Stamp>()
      for (const f of files) {
        const path = libraryPathOf(folder, f.path)
        if (path === null) continue
        byPath.set(path, f)
        current.set(path, { mtime: f.stat.mtime, size: f.stat.size })
      }
      const stale = staleFiles(loaded.stamps, current, loaded.written)
      this.stamps = new Map([...loaded.stamps].filter(([path]) => current.has(path)))
      const read = await Promise.all(
        stale.read.map(async (p) => {
          const file = byPath.get(p)
          return { path: p, source: file ? await this.readSource(folder, file) : null }
        })
      )
      if (generation !== this.generation) return
      // A read from the vault gave the thread back: a new slice. With nothing to read the restore's last
      // slice goes on (the await did not leave the task).
      if (stale.read.length > 0) clock = sliceClock()
      const sources: SourceFile[] = []
      const failed: string[] = []
      for (const { path, source } of read) {
        if (source) sources.push(source)
        else failed.push(path)
      }
      for (const path of failed) this.stamps.delete(path)
      const changed = library.apply(sources, [...stale.removed, ...failed])
      save = changed > 0 || stale.read.length > 0 || stale.removed.length > 0 || !library.indexed
      this.notice = undefined
    } else {
      if (loaded && !loaded.ok) {
        this.notice = cacheWarning(loaded.reason)
        console.warn(`Praktijkwijzer: ${this.notice}`)
      } else this.notice = undefined
      this.stamps = new Map()
      const sources = await Promise.all(files.map((f) => this.readSource(folder, f)))
      if (generation !== this.generation) return
      clock = sliceClock()
      // Parse in slices, giving the app the main thread back between them: a large library never freezes
      // typing while it loads. Notes that play no part in suggestions (overviews, the README) come after
      // the first suggestions.
      const fresh = new Library([], options)
      library = fresh
      let done = 0
      const first: Text[] = []
      for (const source of sources) if (source) (afterwards(source.text) ? later : first).push(source)
      done = files.length - first.length - later.length
      function* parse(notes: readonly Text[]): Generator<number | void> {
        for (const source of notes) {
          // The note's length: what parsing it is expected to cost.
          yield source.text.length
          fresh.upsert(source)
          done++
        }
      }
      const progress = (): void => {
        this.progress = { done, total: files.length }
        this.events.trigger('progress')
      }
      if (!(await this.sliced(parse(first), generation, progress, clock))) return
    }
    this.progress = undefined
    // The relevance index in slices too (one note a step): no long task between layout-ready and the panel.
    if (!(await this.sliced(library.buildIndexSteps(), generation, undefined, clock))) return
    // The typo corrections' index, which the first query would otherwise make in one go.
    if (!(await this.sliced(library.prepareSteps(false), generation, undefined, clock))) return
    this.folder = folder
    this.library = library
    this.state = 'ready'
    if (save) this.scheduleSave()
    // Ready: the panel computes its first suggestions. Then, a slice at a time between whatever else is
    // queued, the notes left for later are read in (unless the vault changed them meanwhile: that change
    // read them), and the passage units of every note are cut (else a keystroke that shows a new card
    // pays for its units).
    const touched = this.touched
    const added = library
    function* parseLater(): Generator<number | void> {
      for (const source of later) {
        if (touched.has(source.path)) continue
        yield source.text.length
        added.upsert(source)
      }
    }
    this.pending = later.length > 0
    void this.background(generation, async () => {
      if (later.length > 0 && (await this.inTurns(parseLater(), generation, true))) this.scheduleSave()
      await this.inTurns(library.prepareSteps(), generation, false)
    })
  }

  /** Run work once the panel had its turn (see {@link AFTER_READY_MS}); errors are dropped. */
  private async background(generation: number, work: () => Promise<void>): Promise<void> {
    await breathe(AFTER_READY_MS)
    if (generation === this.generation && this.alive) await work().catch(() => undefined)
  }

  /**
   * Run steps one slice per turn in the queue, so vault changes queued meanwhile go in between.
   *
   * @param emit Tell listeners after the last slice (the library changed).
   * @returns `true` when all steps ran (no newer build started).
   */
  private async inTurns(steps: Steps, generation: number, emit: boolean): Promise<boolean> {
    let done = false
    while (!done) {
      if (generation !== this.generation || !this.alive) return false
      await this.enqueue(generation, () => {
        this.counted = undefined
        done = slice(steps)
      }, false)
      if (!done) await breathe()
    }
    if (emit && generation === this.generation) {
      this.pending = false
      this.emit()
    }
    return generation === this.generation
  }

  /** Write the persisted index a while after the last change (in the queue, after what came before). */
  private scheduleSave(): void {
    if (!this.cache || !this.alive) return
    if (this.saveTimer !== undefined) window.clearTimeout(this.saveTimer)
    this.saveTimer = window.setTimeout(() => {
      this.saveTimer = undefined
      void this.enqueue(this.generation, () => this.save()).catch(() => undefined)
    }, this.cache.delay)
  }

  private async save(): Promise<void> {
    const cache = this.cache
    const library = this.library
    if (!cache || !library || this.state !== 'ready') return
    try {
      const key = await cache.key(this.folder)
      // Snapshot, JSON and hash each take a while: in slices (the queue keeps the library as it is meanwhile).
      const encoded = await this.sliced(encodeCacheSteps(library, key, this.stamps), this.generation)
      if (!encoded || this.library !== library) return
      await cache.save(encoded.value)
    } catch (error) {
      console.warn(`Praktijkwijzer: de index van de kennisbank kon niet opgeslagen worden (${message(error)}); de volgende start leest de kennisbank opnieuw.`)
    }
  }

  /**
   * Run steps in slices ({@link sliced}), giving the app the main thread back in between.
   *
   * @param steps The work, one small step per item.
   * @param generation The build these steps belong to.
   * @param paused Called before each pause (to report progress).
   * @param clock The slice to go on with (a part that follows another in the same task).
   * @returns What the steps returned, or `null` when a newer build started during a pause: the caller stops.
   */
  private sliced<T>(steps: Steps<T>, generation: number, paused?: () => void, clock?: SliceClock): Promise<{ value: T } | null> {
    return sliced(steps, breathe, () => generation !== this.generation, paused, clock)
  }

  private async readSource(folder: string, file: TFile): Promise<{ path: string; text: string } | null> {
    const path = libraryPathOf(folder, file.path)
    if (path === null) return null
    // The stamp before the read: a change during the read makes the next start read the note again.
    const stamp = { mtime: file.stat.mtime, size: file.stat.size }
    try {
      const text = await this.vault.cachedRead(file)
      this.stamps.set(path, stamp)
      return { path, text }
    } catch (error) {
      this.stamps.delete(path)
      this.readFailures.set(path, problem(path, undefined, 'error', 'internal', `Deze notitie kon niet gelezen worden: ${message(error)}`))
      return null
    }
  }

  private onCreate(file: TAbstractFile): void {
    // The library folder appears (copied in after start-up, or made and then filled): read it.
    if (this.state === 'missing') {
      const folder = this.folderOf()
      const inside = file.path === folder || file.path.startsWith(`${folder}/`)
      if (inside && this.vault.getAbstractFileByPath(folder) instanceof TFolder) void this.rebuild()
      return
    }
    this.onCreateOrModify(file)
  }

  private onCreateOrModify(file: TAbstractFile): void {
    if (!(file instanceof TFile) || file.extension !== 'md') return
    const touched = this.libraryPath(file.path)
    if (touched === null) return
    this.touched.add(touched)
    const generation = this.generation
    this.enqueue(generation, async () => {
      const path = this.libraryPath(file.path)
      if (path === null || !this.library) return
      const source = await this.readSource(this.folder, file)
      if (generation !== this.generation || !this.library) return
      if (source) {
        this.readFailures.delete(path)
        this.library.upsert(source)
      } else {
        this.library.remove(path)
      }
      this.scheduleSave()
    }).catch(() => undefined)
  }

  private onDelete(file: TAbstractFile): void {
    if (file instanceof TFolder) {
      // A deleted folder inside the library: its files are gone too.
      if (this.libraryPath(file.path) !== null || this.isLibraryRootOrParent(file.path)) void this.rebuild()
      return
    }
    this.removePath(file.path)
  }

  private onRename(file: TAbstractFile, oldPath: string): void {
    const folder = this.folder || this.folderOf()
    if (file instanceof TFolder && this.state !== 'missing' && (folder === oldPath || folder.startsWith(`${oldPath}/`))) {
      // The library folder (or one above it) moved: follow it. Library paths stay the same, but the
      // events for the files inside may come before or after this one, so read the library again.
      const moved = file.path + folder.slice(oldPath.length)
      this.folder = moved
      this.movedFrom = folder
      this.onMoved?.(moved)
      void this.rebuild().then(() => (this.movedFrom = null))
      return
    }
    // The events for what was inside a moved library folder: the build above reads it all.
    if (this.movedFrom !== null && oldPath.startsWith(`${this.movedFrom}/`)) return
    if (file instanceof TFolder) {
      const touches = (p: string): boolean => this.libraryPath(p) !== null || this.isLibraryRootOrParent(p)
      if (touches(file.path) || touches(oldPath)) void this.rebuild()
      return
    }
    this.removePath(oldPath)
    this.onCreateOrModify(file)
  }

  private removePath(vaultPath: string): void {
    if (!vaultPath.toLowerCase().endsWith('.md')) return
    const path = this.libraryPath(vaultPath)
    if (path === null) return
    this.touched.add(path)
    this.enqueue(this.generation, () => {
      this.readFailures.delete(path)
      this.stamps.delete(path)
      if (!this.library) return
      this.library.remove(path)
      this.scheduleSave()
    }).catch(() => undefined)
  }

  private isLibraryRootOrParent(vaultPath: string): boolean {
    const folder = this.folder || this.folderOf()
    return folder === vaultPath || folder.startsWith(`${vaultPath}/`)
  }

  /** Run an operation after the ones before it; report the change; never let an error escape. */
  private enqueue(generation: number, op: () => void | Promise<void>, emit = true): Promise<void> {
    const run = async (): Promise<void> => {
      if (generation !== this.generation) return
      try {
        await op()
      } catch (error) {
        // One failing operation costs at most one note: it shows up as a problem, the rest keeps working.
        this.readFailures.set('', problem('', undefined, 'error', 'internal', `De kennisbank kon niet bijgewerkt worden: ${message(error)}`))
        if (this.state === 'loading') this.state = 'ready'
      }
      if (emit && generation === this.generation) this.emit()
    }
    this.queue = this.queue.then(run, run)
    return this.queue
  }

  private emit(): void {
    this.counted = undefined
    try {
      this.events.trigger('updated')
    } catch {
      // A listener's error is the listener's.
    }
  }
}

/** A library file as read. */
interface Text {
  path: string
  text: string
}

/**
 * Whether a note can wait until after the first suggestions: its kind (the `type` of its frontmatter)
 * is none the suggestions use, or it has none (an overview, the library's README). Only the order of
 * reading depends on it: every note is read.
 */
function afterwards(text: string): boolean {
  const frontmatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  const type = frontmatter ? /^type:[ \t]*["']?([\w-]+)/m.exec(frontmatter[1] ?? '')?.[1] : undefined
  return type === undefined || type === 'index'
}

/** How long the rest of a build waits once the index is ready: the panel computes and draws first. */
const AFTER_READY_MS = 100

/** Yield to the app (input, rendering) for a moment, or for `ms`. */
function breathe(ms = 0): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms))
}

/**
 * The library path of a vault path: the part after the library folder, or `null` outside it.
 *
 * @param folder The library folder (vault path, no slashes around it; '' for the vault root).
 * @param vaultPath A file's vault path.
 */
export function libraryPathOf(folder: string, vaultPath: string): string | null {
  if (folder === '') return vaultPath
  const prefix = `${folder}/`
  return vaultPath.startsWith(prefix) ? vaultPath.slice(prefix.length) : null
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
