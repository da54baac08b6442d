import { expect, test } from 'vitest'
import * as core from '../src/index.js'

test('the public API is exactly this list of exports', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "Citations",
      "DEFAULT_MAX_BYTES",
      "DuplicateIndex",
      "EXCHANGE_FORMATS",
      "GRAPH_FORMATS",
      "GRONDSLAG",
      "Library",
      "TitleFinder",
      "briefReference",
      "changesFiles",
      "checkPrivacy",
      "comparePaths",
      "cslToFields",
      "decodeSource",
      "detectExchangeFormat",
      "evidence",
      "evidenceNote",
      "fieldSpec",
      "formatGraph",
      "frontmatterEnd",
      "grondslag",
      "literatureFields",
      "literatureNoteName",
      "literatureNoteText",
      "loadCitations",
      "normalizedContent",
      "parseFrontmatter",
      "parseNote",
      "parseReferences",
      "pathKey",
      "planLibrary",
      "problem",
      "readReferences",
      "signals",
      "stringList",
      "toCsl",
      "version",
      "whatWorks",
      "writeReferences",
    ]
  `)
})
