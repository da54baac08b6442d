// The missing-link proposals on the shipped library: never a link the note has, never itself, never the
// wrong kind; and, leaving one link out at a time (every third, to keep the suite fast; `pnpm eval:links`
// runs all), ours beats the MiniSearch-neighbours baseline on recall@5 and MRR in every field.
import { describe, expect, test } from 'vitest'
import { fieldSpec, Library } from '@praktijkwijzer/core'
import { LIBRARY, readMarkdown } from '../lib/files.js'
import { evaluateLinks } from './links-metrics.js'

describe('missing links on the shipped library', () => {
  test('no proposal repeats a link the note has, targets the note itself or a note of the wrong kind', () => {
    const library = new Library(readMarkdown(LIBRARY))
    const graph = library.graph
    let count = 0
    for (const node of graph.nodes()) {
      if (node.type !== 'praktijk' && node.type !== 'methodiek' && node.type !== 'thema') continue
      const present = new Set(node.note.links.flatMap((l) => {
        const r = graph.resolve(l.target, node.path)
        return r.status === 'resolved' ? [r.node.path] : []
      }))
      for (const p of library.missingLinks(node.path, { limit: 10, minScore: 0 })) {
        count++
        expect(p.path, node.path).not.toBe(node.path)
        expect(present.has(p.path), `${node.path} already links ${p.path}`).toBe(false)
        const spec = fieldSpec(node.type, p.field)
        expect(spec?.type.kind === 'links' && spec.type.targets.includes(graph.byPath(p.path)?.type as never), `${node.path} ${p.field} → ${p.path}`).toBe(true)
      }
    }
    expect(count).toBeGreaterThan(500)
  })

  test('beats the MiniSearch-neighbours baseline on recall@5 and MRR in every field', () => {
    const { scores } = evaluateLinks(false, 3)
    const [ours, baseline] = scores
    for (const field of ['thema', 'methodiek', 'literatuur', 'gerelateerd']) {
      const a = ours?.fields.find((f) => f.field === field)
      const b = baseline?.fields.find((f) => f.field === field)
      expect(a?.trials, field).toBeGreaterThan(15)
      expect(a?.recall5, `${field} recall@5`).toBeGreaterThan(b?.recall5 ?? 1)
      expect(a?.mrr, `${field} MRR`).toBeGreaterThan(b?.mrr ?? 1)
    }
  }, 600_000)
})
