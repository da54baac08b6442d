/**
 * A library: files in, a knowledge graph and all problems out. Files that cannot be read (binary, not
 * UTF-8, too large) are reported and left out; the rest loads. The caller reads the files (node:fs in the
 * CLI, the vault in Obsidian) and hands over their contents.
 */
import { KnowledgeGraph } from './graph/graph.js'
import { parseNote, type Note } from './note/parse.js'
import { problem, sortProblems, type Problem } from './problem.js'
import { checkNoteText, decodeNote, DEFAULT_MAX_BYTES, tooLargeProblem, type Options as TextOptions } from './note/decode.js'

/** One file of the library: its path relative to the root, and its contents as bytes or text. */
export interface SourceFile {
  path: string
  bytes?: Uint8Array
  text?: string
  /** The file's size in bytes, when known before reading: a file over the limit is reported unread. */
  size?: number
}

/** Options for {@link Library}. */
export type Options = TextOptions

/** A library of notes with its graph, kept current one file at a time. */
export class Library {
  /** The knowledge graph of the notes that could be read. */
  readonly graph: KnowledgeGraph
  private readonly unreadable = new Map<string, Problem>()
  private readonly options: Options

  /**
   * Load a library.
   *
   * @param files The files; only paths ending in `.md` are read.
   * @param options Limits.
   */
  constructor(files: Iterable<SourceFile> = [], options: Options = {}) {
    this.options = options
    const notes: Note[] = []
    for (const file of files) {
      const note = this.read(file)
      if (note) notes.push(note)
    }
    this.graph = new KnowledgeGraph(notes)
  }

  /** Add or replace one file. */
  upsert(file: SourceFile): void {
    const note = this.read(file)
    if (note) this.graph.upsert(note)
    else this.graph.remove(normalizePath(file.path))
  }

  /** Remove one file. */
  remove(path: string): void {
    const p = normalizePath(path)
    this.unreadable.delete(p)
    this.graph.remove(p)
  }

  /** Every problem: unreadable files and the graph's problems, sorted by file and line. */
  problems(): Problem[] {
    return sortProblems([...this.unreadable.values(), ...this.graph.problems()])
  }

  private read(file: SourceFile): Note | undefined {
    const path = normalizePath(file.path)
    this.unreadable.delete(path)
    const decoded =
      file.size !== undefined && file.size > (this.options.maxBytes ?? DEFAULT_MAX_BYTES)
        ? ({ ok: false, problem: tooLargeProblem(path, file.size, this.options.maxBytes ?? DEFAULT_MAX_BYTES) } as const)
        : file.bytes !== undefined ? decodeNote(file.bytes, path, this.options) : checkNoteText(file.text ?? '', path, this.options)
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
