/**
 * A library: files in; a knowledge graph, the relevance engine over it and all problems out. Files that
 * cannot be read (refused by the file system, too large, binary, not UTF-8) are reported and left out; the
 * rest loads. The caller reads the files (node:fs in the CLI, the vault in Obsidian) and hands over their
 * contents; the library keeps the graph and the engine in step, one file at a time.
 */
import { apaReference } from './cite/index.js'
import { Engine } from './engine/engine.js'
import type { Cite } from './engine/literature.js'
import type { Options as SuggestOptions, SuggestionType, SuggestResult } from './engine/types.js'
import { MutableGraph, type KnowledgeGraph } from './graph/graph.js'
import { decodeSource, type Options as DecodeOptions, type Source } from './note/decode.js'
import { parseNote, type Note } from './note/parse.js'
import { problem, sortProblems, type Problem } from './problem.js'

/** One file of the library: its path relative to the root, and what the caller could read of it. */
export interface SourceFile extends Source {
  path: string
}

/** Options for {@link Library}. */
export interface Options extends DecodeOptions {
  /** Which kinds the engine ranks (default praktijk, methodiek, thema). */
  types?: readonly SuggestionType[]
  /** Formats the reference of a literatuur note (default: APA 7, {@link apaReference}). */
  cite?: Cite
}

/** A library of notes with its graph and relevance engine, kept current one file at a time. */
export class Library {
  private readonly store: MutableGraph
  /** Built on the first query (or {@link buildIndex}), then kept current with every change. */
  private engine: Engine | undefined
  private readonly unreadable = new Map<string, Problem>()
  private readonly options: Options

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

  /** The knowledge graph of the notes that could be read. */
  get graph(): KnowledgeGraph {
    return this.store
  }

  /** Add or replace one file. */
  upsert(file: SourceFile): void {
    const note = this.read(file)
    if (note) this.store.upsert(note)
    else this.store.remove(normalizePath(file.path))
    this.engine?.update(normalizePath(file.path))
  }

  /** Remove one file. */
  remove(path: string): void {
    const p = normalizePath(path)
    this.unreadable.delete(p)
    this.store.remove(p)
    this.engine?.update(p)
  }

  /** Move a file to a new path (a rename); its contents may have changed too. */
  rename(oldPath: string, file: SourceFile): void {
    this.remove(oldPath)
    this.upsert(file)
  }

  /** Every problem: unreadable files and the graph's problems, sorted by file and line. */
  problems(): Problem[] {
    return sortProblems([...this.unreadable.values(), ...this.store.problems()])
  }

  /** Build the relevance index now, instead of at the first query (it is kept current from then on). */
  buildIndex(): void {
    this.engine ??= new Engine(this.store, { cite: this.options.cite ?? apaReference, ...(this.options.types ? { types: this.options.types } : {}) })
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

  private read(file: SourceFile): Note | undefined {
    const path = normalizePath(file.path)
    this.unreadable.delete(path)
    const decoded = decodeSource(file, path, this.options)
    if (!decoded.ok) {
      this.unreadable.set(path, decoded.problem)
      return undefined
    }
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
