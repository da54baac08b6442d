import { describe, expect, test } from 'vitest'
import { formatGraph } from '../src/graph/format.js'
import { Library } from '../src/library.js'

// Titles and ids that try to end a DOT or Mermaid line, string or shape early.
const HOSTILE = [
  'Twee\nregels',
  'Windows\r\neinde',
  'Aanhalings"teken',
  'Eindigt op backslash\\',
  'Backslash voor \\" quote',
  'Haken ] [ en | pipe',
  '} ] ; digraph x { a -> b',
  '%% commentaar',
  'Entiteit #quot; en #35;',
  '`markdown` string',
  'Scheiding\u2028en\u2029alinea',
  'Escape \u001b[2J en\ttab',
  '<b>vet</b> --> n0'
]

function hostileLibrary(): Library {
  const files = HOSTILE.map((title, i) => ({
    path: `themas/T${i}.md`,
    // JSON is valid YAML: a double-quoted string with the same escapes.
    text: `---\ntype: thema\nbron: ["1"]\nid: ${JSON.stringify(`id ${title}`)}\ntitle: ${JSON.stringify(title)}\n---\n# T${i}\n\nZie [[T${(i + 1) % HOSTILE.length}]].\n`
  }))
  return new Library(files)
}

/** Undo the escapes of a DOT quoted string as our writer makes them. */
function dotUnquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(["\\n]|x[0-9a-f]{2})/g, (_, e: string) => (e === 'n' ? '\n' : e.startsWith('x') ? String.fromCharCode(parseInt(e.slice(1), 16)) : e))
}

describe('graph export with hostile titles', () => {
  const library = hostileLibrary()

  test('every title and id is read', () => {
    expect(library.graph.nodes().map((n) => n.title).sort()).toEqual([...HOSTILE].sort())
  })

  test('DOT: one line per node and per edge, each a complete statement that gives back the title', () => {
    const lines = formatGraph(library.graph, 'dot').trimEnd().split('\n')
    expect(lines.slice(0, 3)).toEqual(['digraph praktijkwijzer {', '  rankdir=LR;', '  node [fontname="Helvetica"];'])
    expect(lines.at(-1)).toBe('}')
    const body = lines.slice(3, -1)
    const string = '"(?:[^"\\\\\\n]|\\\\.)*"'
    const node = new RegExp(`^  (${string}) \\[label=(${string}), shape=\\w+, class="thema"\\];$`)
    const edge = new RegExp(`^  (${string}) -> (${string}) \\[label="verwijst naar"\\];$`)
    const nodes = body.filter((l) => node.test(l))
    const edges = body.filter((l) => edge.test(l))
    expect(nodes).toHaveLength(HOSTILE.length)
    expect(edges).toHaveLength(HOSTILE.length)
    expect(nodes.length + edges.length).toBe(body.length)
    const titles = nodes.map((l) => dotUnquote(node.exec(l)?.[2] ?? ''))
    const normalised = HOSTILE.map((t) => t.replace(/\r\n|[\r\u2028\u2029]/g, '\n'))
    expect(titles.sort()).toEqual(normalised.sort())
    // Every edge points at a declared node.
    const ids = new Set(nodes.map((l) => node.exec(l)?.[1]))
    for (const l of edges) {
      const [, from, to] = edge.exec(l) ?? []
      expect(ids.has(from)).toBe(true)
      expect(ids.has(to)).toBe(true)
    }
  })

  test('Mermaid: one line per node and per edge, labels without quotes, brackets or line breaks', () => {
    const lines = formatGraph(library.graph, 'mermaid').trimEnd().split('\n')
    expect(lines[0]).toBe('graph LR')
    const node = /^ {2}n\d+\["([^"[\]|<>{}`\n\r\u2028\u2029]*)"\]:::thema$/
    const edge = /^ {2}n\d+ -->\|verwijst naar\| n\d+$/
    const classes = lines.filter((l) => l.startsWith('  classDef '))
    const nodes = lines.filter((l) => node.test(l))
    const edges = lines.filter((l) => edge.test(l))
    expect(nodes).toHaveLength(HOSTILE.length)
    expect(edges).toHaveLength(HOSTILE.length)
    expect(1 + nodes.length + edges.length + classes.length).toBe(lines.length)
    // No control characters anywhere, and the entities give back quotes and hashes.
    // eslint-disable-next-line no-control-regex
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/)
    const texts = nodes.map((l) => node.exec(l)?.[1] ?? '')
    expect(texts).toContain('Aanhalings#quot;teken')
    expect(texts).toContain('Entiteit #35;quot; en #35;35;')
    expect(texts).toContain('Twee regels')
  })
})
