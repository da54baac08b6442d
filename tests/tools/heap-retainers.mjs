#!/usr/bin/env node
// Reads a V8 heap snapshot (tests/tools/heap-probe.ts --snapshot FILE) and prints what holds the memory:
// the self size per kind of node, and the retained size (dominator tree) per object shape and property,
// e.g. how much all notes' `body` fields keep alive between them.
// Usage: node --max-old-space-size=4096 tests/tools/heap-retainers.mjs FILE [--root CONSTRUCTOR] [--top N]
import { readFileSync } from 'node:fs'

const [file, ...args] = process.argv.slice(2)
if (!file) {
  process.stderr.write('usage: heap-retainers.mjs FILE.heapsnapshot [--root Library] [--top 40]\n')
  process.exit(2)
}
const top = Number(args[args.indexOf('--top') + 1]) || 40
const rootName = args.includes('--root') ? args[args.indexOf('--root') + 1] : 'Library'
const snap = JSON.parse(readFileSync(file, 'utf8'))
const { meta } = snap.snapshot
const NF = meta.node_fields.length
const EF = meta.edge_fields.length
const nodeTypes = meta.node_types[0]
const edgeTypes = meta.edge_types[0]
const nodes = snap.nodes
const edges = snap.edges
const strings = snap.strings
const N = nodes.length / NF
const nType = meta.node_fields.indexOf('type')
const nName = meta.node_fields.indexOf('name')
const nSize = meta.node_fields.indexOf('self_size')
const nEdges = meta.node_fields.indexOf('edge_count')
const eType = meta.edge_fields.indexOf('type')
const eName = meta.edge_fields.indexOf('name_or_index')
const eTo = meta.edge_fields.indexOf('to_node')
const WEAK = edgeTypes.indexOf('weak')
const SHORTCUT = edgeTypes.indexOf('shortcut')

const firstEdge = new Uint32Array(N + 1)
for (let i = 0, e = 0; i < N; i++) {
  firstEdge[i] = e
  e += nodes[i * NF + nEdges] * EF
}
firstEdge[N] = edges.length
const typeOf = (i) => nodeTypes[nodes[i * NF + nType]]
const nameOf = (i) => strings[nodes[i * NF + nName]]
const selfOf = (i) => nodes[i * NF + nSize]
const edgeName = (e) => {
  const t = edgeTypes[edges[e + eType]]
  return t === 'element' || t === 'hidden' ? `[${edges[e + eName]}]` : String(strings[edges[e + eName]])
}
const followed = (e) => edges[e + eType] !== WEAK && edges[e + eType] !== SHORTCUT

// Dominators (Cooper, Harvey, Kennedy), over a depth-first post-order from the root (node 0).
const order = new Int32Array(N).fill(-1) // post-order number
const byOrder = new Int32Array(N)
{
  const stack = new Int32Array(N)
  const cursor = new Uint32Array(N)
  const seen = new Uint8Array(N)
  let sp = 0
  let n = 0
  stack[sp++] = 0
  seen[0] = 1
  cursor[0] = firstEdge[0]
  while (sp > 0) {
    const v = stack[sp - 1]
    if (cursor[v] < firstEdge[v + 1]) {
      const e = cursor[v]
      cursor[v] += EF
      if (!followed(e)) continue
      const w = edges[e + eTo] / NF
      if (!seen[w]) {
        seen[w] = 1
        cursor[w] = firstEdge[w]
        stack[sp++] = w
      }
    } else {
      sp--
      order[v] = n
      byOrder[n++] = v
    }
  }
  var reached = n
}
// Predecessors, by post-order number.
const predCount = new Uint32Array(N + 1)
for (let v = 0; v < N; v++) {
  if (order[v] === -1) continue
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) if (followed(e)) predCount[edges[e + eTo] / NF]++
}
const predStart = new Uint32Array(N + 1)
for (let v = 0; v < N; v++) predStart[v + 1] = predStart[v] + predCount[v]
const preds = new Int32Array(predStart[N])
const fill = new Uint32Array(N)
for (let v = 0; v < N; v++) {
  if (order[v] === -1) continue
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
    if (!followed(e)) continue
    const w = edges[e + eTo] / NF
    preds[predStart[w] + fill[w]++] = v
  }
}
const idom = new Int32Array(N).fill(-1)
idom[0] = 0
for (let changed = true; changed; ) {
  changed = false
  for (let k = reached - 2; k >= 0; k--) {
    const v = byOrder[k]
    let best = -1
    for (let p = predStart[v]; p < predStart[v + 1]; p++) {
      let u = preds[p]
      if (order[u] === -1 || idom[u] === -1) continue
      if (best === -1) {
        best = u
        continue
      }
      let a = u
      let b = best
      while (a !== b) {
        while (order[a] < order[b]) a = idom[a]
        while (order[b] < order[a]) b = idom[b]
      }
      best = a
    }
    if (best !== -1 && idom[v] !== best) {
      idom[v] = best
      changed = true
    }
  }
}
const retained = new Float64Array(N)
for (let k = 0; k < reached; k++) {
  const v = byOrder[k]
  retained[v] += selfOf(v)
  if (v !== 0 && idom[v] >= 0) retained[idom[v]] += retained[v]
}

const mb = (n) => (n / 1024 / 1024).toFixed(2).padStart(8)

// The shape of an object: its constructor, and for plain objects its first property names.
function shape(i) {
  const t = typeOf(i)
  if (t !== 'object') return `(${t}) ${t === 'string' || t === 'concatenated string' || t === 'sliced string' || t === 'number' ? '' : nameOf(i)}`
  const name = nameOf(i)
  if (name !== 'Object') return name
  const props = []
  for (let e = firstEdge[i]; e < firstEdge[i + 1] && props.length < 3; e += EF) if (edgeTypes[edges[e + eType]] === 'property') props.push(edgeName(e))
  return `{${props.join(',')}}`
}

// Self size per shape.
const self = new Map()
for (let i = 0; i < N; i++) {
  if (order[i] === -1) continue
  const k = shape(i)
  const s = self.get(k) ?? { n: 0, bytes: 0 }
  s.n++
  s.bytes += selfOf(i)
  self.set(k, s)
}
let total = 0
for (const s of self.values()) total += s.bytes
process.stdout.write(`reachable: ${mb(total)} MB in ${reached} nodes\n\nself size per shape (top ${top}):\n`)
for (const [k, s] of [...self].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) process.stdout.write(`${mb(s.bytes)} MB ${String(s.n).padStart(8)}  ${k}\n`)

// Retained size per (owner shape, property): the targets the owner alone keeps alive.
const owned = new Map()
const direct = new Float64Array(N)
for (let v = 0; v < N; v++) {
  if (order[v] === -1) continue
  const owner = shape(v)
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
    if (!followed(e)) continue
    const w = edges[e + eTo] / NF
    if (idom[w] !== v) continue
    const t = edgeTypes[edges[e + eType]]
    const k = `${owner} .${t === 'element' ? '[]' : t === 'hidden' ? '(hidden)' : edgeName(e)}`
    const s = owned.get(k) ?? { n: 0, bytes: 0 }
    s.n++
    s.bytes += retained[w]
    owned.set(k, s)
    direct[v] += retained[w]
  }
}
// What an object keeps alive through no edge of its own: what several of its parts share (the text that
// slices of it keep alive, say).
for (let v = 0; v < N; v++) {
  if (order[v] === -1) continue
  const shared = retained[v] - selfOf(v) - direct[v]
  if (shared <= 0) continue
  const k = `${shape(v)} (shared by its parts)`
  const s = owned.get(k) ?? { n: 0, bytes: 0 }
  s.n++
  s.bytes += shared
  owned.set(k, s)
}
process.stdout.write(`\nretained per owner and property (top ${top}; nested, so sizes overlap):\n`)
for (const [k, s] of [...owned].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) process.stdout.write(`${mb(s.bytes)} MB ${String(s.n).padStart(8)}  ${k}\n`)

// The root object's tree, to a few levels.
const root = [...Array(N).keys()].find((i) => order[i] !== -1 && typeOf(i) === 'object' && (nameOf(i) === rootName || nameOf(i) === `_${rootName}`))
if (root !== undefined) {
  process.stdout.write(`\n${rootName} retains ${mb(retained[root])} MB:\n`)
  const walk = (v, depth, label) => {
    process.stdout.write(`${'  '.repeat(depth)}${mb(retained[v])} MB  ${label} ${shape(v)}\n`)
    if (depth >= 6) return
    const kids = []
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
      if (!followed(e)) continue
      const w = edges[e + eTo] / NF
      if (idom[w] === v && retained[w] > 256 * 1024) kids.push([w, edgeName(e)])
    }
    for (const [w, l] of kids.sort((a, b) => retained[b[0]] - retained[a[0]])) walk(w, depth + 1, l)
  }
  walk(root, 0, '')
}

// Slices of large strings (a file's text, say) and who holds them: each keeps its whole parent alive.
if (args.includes('--slices')) {
  const SLICED = nodeTypes.indexOf('sliced string')
  const sliceOwners = new Map()
  for (let v = 0; v < N; v++) {
    if (order[v] === -1) continue
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += EF) {
      if (!followed(e)) continue
      const w = edges[e + eTo] / NF
      if (nodes[w * NF + nType] !== SLICED) continue
      let parent = -1
      for (let f = firstEdge[w]; f < firstEdge[w + 1]; f += EF) if (edgeName(f) === 'parent') parent = edges[f + eTo] / NF
      if (parent === -1 || selfOf(parent) < 2048) continue
      const t = edgeTypes[edges[e + eType]]
      const k = `${shape(v)} .${t === 'element' ? '[]' : t === 'hidden' ? '(hidden)' : edgeName(e)}`
      const s = sliceOwners.get(k) ?? { n: 0, parents: new Set() }
      s.n++
      s.parents.add(parent)
      sliceOwners.set(k, s)
    }
  }
  process.stdout.write('\nslices of strings of 2 KB or more, by holder (count, distinct parents, their size):\n')
  for (const [k, s] of [...sliceOwners].sort((a, b) => b[1].n - a[1].n).slice(0, top)) {
    let bytes = 0
    for (const p of s.parents) bytes += selfOf(p)
    process.stdout.write(`${String(s.n).padStart(8)} ${String(s.parents.size).padStart(6)} ${mb(bytes)} MB  ${k}\n`)
  }
}
