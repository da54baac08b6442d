import { expect, test } from 'vitest'
import * as core from '../src/index.js'

test('the public API is exactly this list of exports', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_MAX_BYTES",
      "EDGE_KINDS",
      "EDGE_LABELS",
      "GRAPH_FORMATS",
      "KnowledgeGraph",
      "Library",
      "NOTE_TYPES",
      "SCHEMA",
      "checkNoteText",
      "decodeNote",
      "fieldPosition",
      "fieldSpec",
      "findWikiLinks",
      "formatGraph",
      "graphToJson",
      "isNoteType",
      "normalizeName",
      "parseFrontmatter",
      "parseNote",
      "parseWikiLinkInner",
      "positionAt",
      "problem",
      "sortProblems",
      "stringList",
      "validateNote",
    ]
  `)
})
