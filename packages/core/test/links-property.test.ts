// Properties of link resolution (fast-check), on random libraries of notes in random folders that link to
// random names: a link resolves exactly when one note has that name, is ambiguous when several do and
// broken when none does, whatever the case; a path always finds its note; and the graph is the same
// however the notes were loaded: in any order, or one update at a time.
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MutableGraph, type KnowledgeGraph } from '../src/graph/graph.js'
import { parseNote, type Note } from '../src/note/parse.js'

const NAMES = ['Werkalliantie', 'Krachtwerk', 'Presentie', 'Menger 2018', 'Veiligheid', 'Stigma']
const FOLDERS = ['', 'themas', 'praktijken', 'oud/themas']

interface Spec {
  folder: string
  name: string
  links: string[]
}

const spec: fc.Arbitrary<Spec> = fc.record({
  folder: fc.constantFrom(...FOLDERS),
  name: fc.constantFrom(...NAMES, 'Zonder links'),
  links: fc.array(fc.constantFrom(...NAMES, 'Bestaat niet'), { maxLength: 4 })
})

/** A library of specs with unique paths. */
const library = fc.uniqueArray(spec, { selector: (s) => `${s.folder}/${s.name}`.toLowerCase(), minLength: 1, maxLength: 10 })

function pathOf(s: Spec): string {
  return `${s.folder === '' ? '' : `${s.folder}/`}${s.name}.md`
}

function noteOf(s: Spec, variant = 0): Note {
  const body = s.links.map((l, i) => `Regel ${i} met [[${i % 2 === 0 ? l : l.toUpperCase()}]].`).join('\n')
  return parseNote(`# ${s.name} ${variant}\n\n${body}\n`, pathOf(s))
}

/** Edges and problems as sorted strings: what "the same graph" means. */
function snapshot(graph: KnowledgeGraph): { edges: string[]; problems: string[] } {
  return {
    edges: graph.edges().map((e) => `${e.from} -${e.kind}-> ${e.to} @${e.line}:${e.column}`).sort(),
    problems: graph.problems().map((p) => `${p.file}:${p.line}:${p.column} ${p.code}`).sort()
  }
}

describe('link resolution properties', () => {
  test('should resolve a link exactly when one note has its name, case-insensitively', () => {
    fc.assert(
      fc.property(library, (specs) => {
        const graph = new MutableGraph(specs.map((s) => noteOf(s)))
        for (const name of [...NAMES, 'Bestaat niet']) {
          const owners = specs.filter((s) => s.name.toLowerCase() === name.toLowerCase())
          for (const written of [name, name.toUpperCase(), ` ${name.toLowerCase()} `, `${name}.md`]) {
            const r = graph.resolve(written, 'praktijken/X.md')
            if (owners.length === 0) expect(r.status).toBe('broken')
            else if (owners.length === 1) expect(r.status === 'resolved' && r.node.path).toBe(pathOf(owners[0] as Spec))
            else expect(r.status === 'ambiguous' && r.candidates.map((c) => c.path).sort()).toEqual(owners.map(pathOf).sort())
          }
        }
      })
    )
  })

  test('should always find a note by its path, with or without .md, from anywhere', () => {
    fc.assert(
      fc.property(library, (specs) => {
        const graph = new MutableGraph(specs.map((s) => noteOf(s)))
        for (const s of specs) {
          for (const written of [pathOf(s), pathOf(s).replace(/\.md$/, ''), pathOf(s).toUpperCase()]) {
            const r = graph.resolve(written, 'ergens/anders.md')
            if (!pathOf(s).includes('/')) continue // a bare name is a name, not a path
            expect(r.status === 'resolved' && r.node.path, written).toBe(pathOf(s))
          }
        }
      })
    )
  })

  test('should give each body link an edge, a broken link, an ambiguous link or a self link, as the names say', () => {
    fc.assert(
      fc.property(library, (specs) => {
        const graph = new MutableGraph(specs.map((s) => noteOf(s)))
        const problems = graph.problems()
        for (const s of specs) {
          const from = pathOf(s)
          s.links.forEach((name, i) => {
            const owners = specs.filter((o) => o.name.toLowerCase() === name.toLowerCase())
            const line = 3 + i
            const at = (code: string): boolean => problems.some((p) => p.file === from && p.line === line && p.code === code)
            if (owners.length === 0) expect(at('broken-link')).toBe(true)
            else if (owners.length > 1) expect(at('ambiguous-link')).toBe(true)
            else if (pathOf(owners[0] as Spec) === from) expect(at('self-link')).toBe(true)
            else expect(graph.edgesFrom(from).some((e) => e.to === pathOf(owners[0] as Spec) && e.kind === 'mention')).toBe(true)
          })
        }
        // And backlinks mirror the edges.
        for (const e of graph.edges()) expect(graph.edgesTo(e.to)).toContainEqual(e)
      })
    )
  })

  test('should give the same graph whatever order the notes come in', () => {
    fc.assert(
      fc.property(
        library.chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length }))),
        ([specs, shuffled]) => {
          expect(snapshot(new MutableGraph(shuffled.map((s) => noteOf(s))))).toEqual(snapshot(new MutableGraph(specs.map((s) => noteOf(s)))))
        }
      )
    )
  })

  test('should give the same graph after any sequence of updates as when built from scratch', () => {
    const step = fc.oneof(fc.record({ op: fc.constant('upsert' as const), spec }), fc.record({ op: fc.constant('remove' as const), spec }))
    fc.assert(
      fc.property(library, fc.array(step, { maxLength: 12 }), (start, steps) => {
        const graph = new MutableGraph(start.map((s) => noteOf(s)))
        const current = new Map(start.map((s) => [pathOf(s), s]))
        steps.forEach(({ op, spec: s }, i) => {
          // A path names one note: an update to a path of another case is a rename in disguise, skip it.
          const clash = [...current.keys()].find((p) => p.toLowerCase() === pathOf(s).toLowerCase() && p !== pathOf(s))
          if (clash) return
          if (op === 'upsert') {
            graph.upsert(noteOf(s, i))
            current.set(pathOf(s), s)
          } else {
            graph.remove(pathOf(s))
            current.delete(pathOf(s))
          }
        })
        const rebuilt = new MutableGraph([...current.values()].map((s) => noteOf(s)))
        expect(snapshot(graph)).toEqual(snapshot(rebuilt))
      }),
      { numRuns: 200 }
    )
  })
})
