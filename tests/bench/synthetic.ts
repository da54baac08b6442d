// A deterministic synthetic library built from the shipped library's own vocabulary: the same kinds of
// note, fields and links, in any number. The same seed gives the same files.
import type { SourceFile } from '@praktijkwijzer/core'
import { signals as signalsOf, type KnowledgeGraph } from '@praktijkwijzer/core'

/** A small, fast, seeded random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T
}

/** Sentences and signal phrases of a library, to build new notes from. */
export function vocabulary(graph: KnowledgeGraph): { sentences: string[]; signals: string[]; words: string[] } {
  const sentences: string[] = []
  const signals: string[] = []
  for (const node of graph.nodes()) {
    if (node.type !== 'praktijk' && node.type !== 'methodiek' && node.type !== 'thema') continue
    for (const s of node.note.text.split(/(?<=[.!?])\s+/)) if (s.length > 30 && s.length < 300 && !s.includes('\n')) sentences.push(s)
    signals.push(...signalsOf(node.note))
  }
  const words = [...new Set(sentences.join(' ').toLowerCase().match(/\p{L}{5,}/gu) ?? [])].sort()
  return { sentences: sentences.sort(), signals: [...new Set(signals)].sort(), words }
}

/**
 * Build `count` notes: 10% thema, 30% methodiek, 60% praktijk, linked like the real library.
 */
export function syntheticLibrary(graph: KnowledgeGraph, count: number, seed = 42): SourceFile[] {
  const rand = random(seed)
  const { sentences, signals, words } = vocabulary(graph)
  const title = (kind: string, i: number): string => `${kind} ${String(i).padStart(5, '0')} ${pick(rand, words)} ${pick(rand, words)}`
  const themes: string[] = []
  const methods: string[] = []
  const files: SourceFile[] = []
  const body = (min: number, max: number): string => {
    const n = min + Math.floor(rand() * (max - min))
    return Array.from({ length: n }, () => pick(rand, sentences)).join(' ')
  }
  const list = (items: string[]): string => `[${items.map((s) => JSON.stringify(s)).join(', ')}]`
  const links = (from: string[], n: number): string => list([...new Set(Array.from({ length: n }, () => `[[${pick(rand, from)}]]`))])
  for (let i = 0; i < count; i++) {
    const r = i / count
    if (r < 0.1 || themes.length === 0) {
      const t = title('Thema', i)
      themes.push(t)
      files.push({ path: `themas/${t}.md`, text: `---\ntype: thema\nbron: ["4.2"]\n---\n# ${t}\n\n${body(4, 10)}\n` })
    } else if (r < 0.4 || methods.length === 0) {
      const t = title('Methodiek', i)
      methods.push(t)
      const sig = Array.from({ length: 5 + Math.floor(rand() * 6) }, () => pick(rand, signals))
      files.push({
        path: `methodieken/${t}.md`,
        text: `---\ntype: methodiek\nbron: ["2.3"]\nbewijs: niet vermeld\nthema: ${links(themes, 2)}\nsignalen: ${list(sig)}\n---\n# ${t}\n\n## Wat is het\n\n${body(5, 12)}\n`
      })
    } else {
      const t = title('Praktijk', i)
      const sig = Array.from({ length: 5 + Math.floor(rand() * 8) }, () => pick(rand, signals))
      const points = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `- ${pick(rand, sentences)}`).join('\n')
      files.push({
        path: `praktijken/${t}.md`,
        text: `---\ntype: praktijk\nbron: ["5.1.1"]\ngrondslag: uitgewerkte casus\nthema: ${links(themes, 2)}\nmethodiek: ${links(methods, 2)}\nsignalen: ${list(sig)}\n---\n# ${t}\n\n## Situatie\n\n${body(4, 10)}\n\n## Aanpak\n\n${body(4, 10)}\n\n## Wat werkt\n\n${points}\n`
      })
    }
  }
  return files
}

/** A case-note-like text of about `words` words, made from given texts (deterministic). */
export function noteOfLength(texts: string[], words: number, seed = 7): string {
  const rand = random(seed)
  const out: string[] = []
  while (out.length < words) out.push(...pick(rand, texts).split(/\s+/).filter((w) => w !== ''))
  return out.slice(0, words).join(' ')
}
