import { expect, test } from 'vitest'
import * as core from '../src/index.js'

test('the public API is exactly this list of exports', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "CompoundSplitter",
      "DEFAULT_MAX_BYTES",
      "EDGE_KINDS",
      "EDGE_LABELS",
      "GRAPH_FORMATS",
      "KnowledgeGraph",
      "Library",
      "NOTE_TYPES",
      "SCHEMA",
      "Suggester",
      "SynonymTable",
      "TitleFinder",
      "apaInText",
      "apaReference",
      "checkNoteText",
      "decodeNote",
      "fieldPosition",
      "fieldSpec",
      "findWikiLinks",
      "formatGraph",
      "graphToJson",
      "isNoteType",
      "isStopWord",
      "normalizeName",
      "normalizeWord",
      "parseFrontmatter",
      "parseNote",
      "parseSynonymLine",
      "parseWikiLinkInner",
      "positionAt",
      "problem",
      "sortProblems",
      "stem",
      "stringList",
      "synonymsFromGraph",
      "tokenize",
      "validateNote",
    ]
  `)
})
