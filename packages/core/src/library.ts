/**
 * A library: files in; a knowledge graph, the relevance engine over it and all problems out. Files that
 * cannot be read (refused by the file system, too large, binary, not UTF-8) are reported and left out; the
 * rest loads. The caller reads the files (node:fs in the CLI, the vault in Obsidian) and hands over their
 * contents; the library keeps the graph and the engine in step, one file at a time.
 */
import { contentHash } from './cache/hash.js'
import { briefReference } from './cite/index.js'
import { Engine, type EngineSnapshot } from './engine/engine.js'
import type { Cite } from './engine/literature.js'
import type { TextHit } from './engine/search.js'
import type { Options as SuggestOptions, Passage, SuggestionType, SuggestResult } from './engine/types.js'
import { MutableGraph, type KnowledgeGraph } from './graph/graph.js'
import { linkFields, missingLinks, type LinkProposal, type Options as LinkOptions, type SimilarNote } from './links/missing.js'
import { signals, summary } from './note/fields.js'
import { decodeSource, type Options as DecodeOptions, type Source } from './note/decode.js'
import { packNote, parseNote, unpackNote, type Note, type PackedNote } from './note/parse.js'
import { problem, sortProblems, type Problem } from './problem.js'
import { shorten } from './shorten.js'

/** One file of the library: its path relative to the root, and what the caller could read of it. */
export interface SourceFile extends Source {
  path: string
}

/** Options for {@link Library}. */
export interface Options extends DecodeOptions {
  /** Which kinds the engine ranks (default praktijk, methodiek, thema). */
  types?: readonly SuggestionType[]
  /**
   * Formats the reference of a literatuur note. Default: authors, year and title ({@link briefReference}),
   * which needs no citation engine; give `citations.reference` of `loadCitations` for APA 7.
   */
  cite?: Cite
}

/**
 * A library as JSON data ({@link Library.snapshot}), for the persisted index: the parsed notes (no syntax
 * trees), the hash of each note's text, the files that could not be read, and the engine's index if it
 * was built.
 */
export interface LibrarySnapshot {
  notes: PackedNote[]
  /** Path → {@link contentHash} of the note's decoded text. */
  hashes: Array<[string, string]>
  unreadable: Problem[]
  engine?: EngineSnapshot
}

/** A library of notes with its graph and relevance engine, kept current one file at a time. */
export class Library {
  private store: MutableGraph
  /** Built on the first query (or {@link buildIndex}), then kept current with every change. */
  private engine: Engine | undefined
  private readonly unreadable = new Map<string, Problem>()
  /** Path → hash of the text of each note that was read. */
  private readonly hashes = new Map<string, string>()
  private readonly options: Options
  /** Counts changes of the graph, so that a stepwise index build can tell it was overtaken. */
  private changes = 0

  /**
   * Load a library.
   *
   * @param files The files; only paths ending in `.md` are read.
   * @param options Limits, the kinds to rank, the citation formatter.
   */
  constructor(files: Iterable<SourceFile> = [], options: Options = {}) {
    this.options = options
    const notes: Note[] = []
    for (const file of files) {
      const note = this.read(file)
      if (note) notes.push(note)
    }
    this.store = new MutableGraph(notes)
  }

  /**
   * The library as JSON data, for the persisted index: what the graph, the engine and the panel need,
   * without syntax trees. {@link Library.restore} gives the library back without parsing a note.
   */
  snapshot(): LibrarySnapshot {
    const snapshot: LibrarySnapshot = {
      notes: this.store.nodes().map((node) => packNote(node.note)),
      hashes: [...this.hashes],
      unreadable: [...this.unreadable.values()]
    }
    if (this.engine) snapshot.engine = this.engine.snapshot()
    return snapshot
  }

  /**
   * The library a {@link snapshot} was taken of: the graph from the stored notes, the engine from its
   * stored index (or built on the first query when the snapshot has none, or one of other kinds). The
   * changes since are then applied with {@link upsert}, {@link remove} and {@link rename}.
   *
   * @param snapshot What {@link snapshot} gave (read back from JSON).
   * @param options As for the constructor.
   * @throws Error when the snapshot is damaged: the caller then reads the library afresh.
   */
  static restore(snapshot: LibrarySnapshot, options: Options = {}): Library {
    const steps = Library.restoreSteps(snapshot, options)
    for (;;) {
      const next = steps.next()
      if (next.done) return next.value
    }
  }

  /**
   * {@link restore} one note at a time, for a caller that must give its thread back in between (the
   * plugin): the generator yields after every note it unpacked and every engine entry it restored, and
   * returns the library.
   *
   * @throws Error when the snapshot is damaged, as {@link restore}.
   */
  static *restoreSteps(snapshot: LibrarySnapshot, options: Options = {}): Generator<void, Library> {
    if (!Array.isArray(snapshot?.notes) || !Array.isArray(snapshot.hashes) || !Array.isArray(snapshot.unreadable)) throw new Error('geen kennisbank')
    const library = new Library([], options)
    const notes: Note[] = []
    for (const packed of snapshot.notes) {
      notes.push(unpackNote(packed))
      yield
    }
    library.store = new MutableGraph(notes)
    if (library.store.size !== notes.length) throw new Error('dubbele notities')
    yield
    for (const [path, hash] of snapshot.hashes) library.hashes.set(path, hash)
    for (const p of snapshot.unreadable) library.unreadable.set(p.file, p)
    const wantedTypes = options.types ?? undefined
    if (snapshot.engine && (wantedTypes === undefined || wantedTypes.join(',') === snapshot.engine.types.join(','))) {
      library.engine = yield* Engine.restoreSteps(library.store, library.engineOptions(), snapshot.engine)
    }
    return library
  }

  /** The hash ({@link contentHash}) of the text of the note at a path, when it was read. */
  hashOf(path: string): string | undefined {
    return this.hashes.get(normalizePath(path))
  }

  /** The knowledge graph of the notes that could be read. */
  get graph(): KnowledgeGraph {
    return this.store
  }

  /** Add or replace one file. */
  upsert(file: SourceFile): void {
    this.changes++
    const note = this.read(file)
    if (note) this.store.upsert(note)
    else this.store.remove(normalizePath(file.path))
    this.engine?.update(normalizePath(file.path))
  }

  /** Remove one file. */
  remove(path: string): void {
    this.changes++
    const p = normalizePath(path)
    this.unreadable.delete(p)
    this.hashes.delete(p)
    this.store.remove(p)
    this.engine?.update(p)
  }

  /** Move a file to a new path (a rename); its contents may have changed too. */
  rename(oldPath: string, file: SourceFile): void {
    this.remove(oldPath)
    this.upsert(file)
  }

  /**
   * Bring a restored library up to date: the files read again (new ones, or whose stamp changed) and the
   * paths that are gone. A file whose text has the hash it had is left alone; a new file with the text of
   * a file that is gone is that file renamed.
   *
   * @param files The files read again.
   * @param removed The paths that are no longer there.
   * @returns How many notes changed.
   */
  apply(files: readonly SourceFile[], removed: readonly string[]): number {
    let changed = 0
    const gone = new Map<string, string>()
    for (const path of removed) {
      const p = normalizePath(path)
      const hash = this.hashes.get(p)
      if (hash !== undefined && !gone.has(hash)) gone.set(hash, p)
      else {
        this.remove(p)
        changed++
      }
    }
    for (const file of files) {
      const path = normalizePath(file.path)
      const decoded = decodeSource(file, path, this.options)
      const hash = decoded.ok ? contentHash(decoded.text) : undefined
      if (hash !== undefined && hash === this.hashes.get(path) && !this.unreadable.has(path)) continue
      const from = hash === undefined ? undefined : gone.get(hash)
      changed++
      if (from !== undefined && !this.hashes.has(path)) {
        gone.delete(hash as string)
        this.rename(from, file)
      } else this.upsert(file)
    }
    for (const path of gone.values()) {
      this.remove(path)
      changed++
    }
    return changed
  }

  /** Whether the relevance index is built (it then goes into the {@link snapshot}). */
  get indexed(): boolean {
    return this.engine !== undefined
  }

  /** Every problem: unreadable files and the graph's problems, sorted by file and line. */
  problems(): Problem[] {
    return sortProblems([...this.unreadable.values(), ...this.store.problems()])
  }

  /** Build the relevance index now, instead of at the first query (it is kept current from then on). */
  buildIndex(): void {
    this.engine ??= new Engine(this.store, this.engineOptions())
  }

  /**
   * Build the relevance index one note at a time, for a caller that must give its thread back in between
   * (the plugin, between slices of the main thread): the generator yields after every note. The index is
   * the one {@link buildIndex} builds; should the library change before the steps are done, it is built
   * again in one piece at the end.
   */
  *buildIndexSteps(): Generator<void> {
    if (this.engine) return
    const changes = this.changes
    const engine = yield* Engine.build(this.store, this.engineOptions())
    if (this.engine) return
    this.engine = changes === this.changes ? engine : new Engine(this.store, this.engineOptions())
  }

  /**
   * Prepare the built relevance index for queries, a step at a time ({@link Engine.prepareSteps}): what
   * the first queries would otherwise make. Nothing when the index is not built.
   *
   * @param units Cut every note's passage units too.
   */
  *prepareSteps(units = true): Generator<void> {
    const changes = this.changes
    const engine = this.engine
    if (!engine) return
    for (const step of engine.prepareSteps(units)) {
      yield step
      // Changed in between: what is left is made on demand.
      if (changes !== this.changes) return
    }
  }

  private engineOptions(): { cite: Cite; types?: readonly SuggestionType[] } {
    return { cite: this.options.cite ?? briefReference, ...(this.options.types ? { types: this.options.types } : {}) }
  }

  /**
   * Rank the library's practices, methods and themes for a case note, with the literature behind them.
   *
   * @param text The case note (or part of it); its frontmatter and comments are left out.
   * @param options Limits, kinds, focus.
   */
  suggest(text: string, options: SuggestOptions = {}): SuggestResult {
    this.buildIndex()
    return (this.engine as Engine).suggest(text, options)
  }

  /**
   * Search the full text of the practices, methods and themes for a typed query: best first, each with
   * its excerpt. A search box merges this with the titles: see `LibrarySearch`.
   *
   * @param text What the user typed.
   * @param limit Most hits (default 20).
   */
  searchText(text: string, limit = 20): TextHit[] {
    this.buildIndex()
    return (this.engine as Engine).search(text, limit)
  }

  /**
   * The practices, methods and themes whose text is most like a library note's own text (title, aliases,
   * samenvatting, signalen and body as plain text, so a quoted passage shows no link markup), the note
   * itself left out.
   *
   * @param path Path of the library note.
   * @param limit Most notes (default 30).
   * @returns Best first; empty when there is no such note.
   */
  similar(path: string, limit = 30): SimilarNote[] {
    const node = this.store.byPath(normalizePath(path))
    if (!node) return []
    const { note } = node
    const text = [node.title, ...node.aliases, summary(note) ?? '', ...signals(note), note.text].join('\n\n')
    return this.suggest(text, { limit: limit + 1, minScore: 0.05 })
      .suggestions.filter((s) => s.path !== node.path)
      .slice(0, limit)
      .map((s) => ({ path: s.path, score: s.score, why: s.passages.length > 0 ? s.passages.slice(0, 1).map(sameSaying) : s.why }))
  }

  /**
   * The links a library note is probably missing, per link field of its kind, each with its reasons.
   *
   * @param path Path of the library note.
   * @param options One field only, limits.
   */
  missingLinks(path: string, options: LinkOptions = {}): LinkProposal[] {
    const p = normalizePath(path)
    return missingLinks(this.store, p, this.similar(p), options)
  }

  /**
   * The strongest missing links over the whole library, for a review round: every note with link fields,
   * its best proposals, then all of them by score.
   *
   * @param options One field only; `limit` is the total (default 50), `perNote` the most per note and field (default 3).
   */
  allMissingLinks(options: LinkOptions & { perNote?: number } = {}): Array<LinkProposal & { note: string }> {
    const all: Array<LinkProposal & { note: string }> = []
    for (const node of this.store.nodes()) {
      if (linkFields(node.type).length === 0) continue
      const { perNote, ...rest } = options
      for (const proposal of this.missingLinks(node.path, { ...rest, limit: perNote ?? 3 })) all.push({ note: node.path, ...proposal })
    }
    return all.sort((a, b) => b.score - a.score || (a.note < b.note ? -1 : a.note > b.note ? 1 : 0)).slice(0, options.limit ?? 50)
  }

  private read(file: SourceFile): Note | undefined {
    const path = normalizePath(file.path)
    this.unreadable.delete(path)
    this.hashes.delete(path)
    const decoded = decodeSource(file, path, this.options)
    if (!decoded.ok) {
      this.unreadable.set(path, decoded.problem)
      return undefined
    }
    this.hashes.set(path, contentHash(decoded.text))
    try {
      return parseNote(decoded.text, path)
    } catch (error) {
      // The parser is built not to throw; if it ever does, one note is lost, not the library.
      this.unreadable.set(path, problem(path, undefined, 'error', 'internal', `Deze notitie kon niet gelezen worden: ${String(error)}`))
      return undefined
    }
  }
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '')
}

/** One passage two library notes share, as a researcher reads it: this note's words, then the other's. */
function sameSaying(p: Passage): string {
  return `hier "${clip(p.quote)}", daar (${p.field}) "${clip(p.text)}"`
}

/** A passage's text on one line, without a leading list or heading marker, at most 90 characters. */
function clip(text: string): string {
  return shorten(text.replace(/\s+/g, ' ').trim().replace(/^(?:[-*+]|#+|\d+[.)])\s+/, ''), 90)
}
