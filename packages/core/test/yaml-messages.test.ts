import yaml from 'js-yaml'
import { describe, expect, test } from 'vitest'
import { parseFrontmatter } from '../src/note/frontmatter.js'

// Each row: a frontmatter line (after `type: thema` on line 2, so it stands on line 3 of the file), the start
// of the reason js-yaml gives for it, and a part of the Dutch explanation. The reason is checked too, so a
// row that no longer reaches its reason (a js-yaml update) fails instead of testing something else.
const ROWS: Array<[string, string, string]> = [
  ['type: x', 'duplicated mapping key', 'deze veldnaam komt al eerder voor'],
  ['a: b\n  c: d', 'bad indentation of a mapping entry', 'springt verder of minder ver in'],
  ['a: b: c', 'incomplete explicit mapping pair', 'dubbele punt met een spatie erna'],
  ['titel: Deel 1: begin', 'incomplete explicit mapping pair', 'tussen aanhalingstekens (`titel: "Deel 1: begin"`)'],
  ['a: [a b] [c]', 'can not read an implicit mapping pair', 'na de waarde staat nog tekst'],
  ['a: b\nc', 'can not read a block mapping entry', 'er ontbreekt een dubbele punt'],
  ['a: "x"y', 'can not read a block mapping entry', 'tekst na een sluitend aanhalingsteken'],
  ['a: [b\nc: d', 'missed comma between flow collection entries', 'ontbreekt een komma'],
  ['a: [1, 2', 'unexpected end of the stream within a flow collection', 'wordt niet gesloten'],
  ['a: "open', 'unexpected end of the stream within a double quoted scalar', 'dubbele aanhalingstekens (`"`) wordt niet gesloten'],
  ["a: 'open", 'unexpected end of the stream within a single quoted scalar', "enkele aanhalingstekens (`'`) wordt niet gesloten"],
  ['a: [a, b]]', 'end of the stream or a document separator is expected', 'sluitend haakje (`]`) te veel'],
  ['a: @x', 'end of the stream or a document separator is expected', 'niet met @ beginnen'],
  ['a: `x', 'end of the stream or a document separator is expected', 'niet met ` beginnen'],
  ['- c', 'end of the stream or a document separator is expected', 'lijstpunt (`- `) staat niet onder een veld'],
  ['a: - b', 'end of the stream or a document separator is expected', 'leest YAML als lijst'],
  ['a: "\\q"', 'unknown escape sequence', 'backslash'],
  ['a: "\\xZZ"', 'expected hexadecimal character', 'backslash'],
  ['a: *nope', 'unidentified alias "nope"', 'YAML-anker (`&nope`) dat er niet is'],
  ['a: *', 'name of an alias node must contain at least one character', 'losse `*`'],
  ['a: &', 'name of an anchor node must contain at least one character', 'losse `&`'],
  ['a: &x &y b', 'duplication of an anchor property', 'te veel'],
  ['a: !!binary x', 'unknown tag !<tag:yaml.org,2002:binary>', 'met `!` begint (`!!binary`), is voor YAML een type'],
  ['a: !!map x', 'unknown tag !<tag:yaml.org,2002:map>', '(`!!map`)'],
  ['a: !custom x', 'unknown tag !<!custom>', '(`!custom`)'],
  ["x: !!js/function 'function () {}'", 'unknown tag !<tag:yaml.org,2002:js/function>', 'types worden niet gelezen'],
  ['a: !e!foo b', 'undeclared tag handle "!e!"', 'is voor YAML een type'],
  ['a: !!str !!str b', 'duplication of a tag property', 'is voor YAML een type'],
  ['a: |9x\n  b', 'a line break is expected', 'na `|` of `>`'],
  ['a: > x', 'a line break is expected', 'na `|` of `>`'],
  ['a: |0\n  b', 'bad explicit indentation width of a block scalar', 'na `|` of `>`'],
  ['a: |++\n  b', 'repeat of a chomping mode identifier', 'na `|` of `>`'],
  ['a: \u0001', 'the stream contains non-printable characters', 'onzichtbaar stuurteken'],
  ['[[a]]: b', 'nested arrays are not supported inside keys', 'veldnaam tussen `[[` en `]]`'],
  ['a: b\n...\nc: d', 'expected a single document in the stream', 'sluit het YAML-document af']
]

/** The words of js-yaml's English messages that no Dutch explanation uses. */
const ENGLISH = /\b(the|is expected|must|cannot|can not|unknown|missed|stream|node|mapping|sequence|scalar)\b/

function reasonOf(block: string): string {
  try {
    yaml.safeLoad(`\ntype: thema\n${block}\n`, { schema: yaml.CORE_SCHEMA })
  } catch (error) {
    return (error as { reason?: string }).reason ?? String(error)
  }
  return 'ok'
}

describe('YAML messages', () => {
  test.each(ROWS)('%j: js-yaml says "%s", the note says it in Dutch, on its line', (block, reason, dutch) => {
    expect(reasonOf(block)).toMatch(new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
    const fm = parseFrontmatter(`---\ntype: thema\n${block}\n---\n# Kop\n`, 'a.md')
    expect(fm.problems).toHaveLength(1)
    const [p] = fm.problems
    expect(p).toMatchObject({ file: 'a.md', code: 'yaml', level: 'error' })
    expect(p?.message).toContain(dutch)
    expect(p?.message).toMatch(/^Ongeldige YAML in de frontmatter: .+\. De notitie is zonder velden gelezen\.$/s)
    expect(p?.message).not.toMatch(ENGLISH)
    expect(p?.message).not.toContain(reason)
    // On the line js-yaml points at, within the block.
    const lastLine = 2 + block.split('\n').length
    expect(p?.line).toBeGreaterThanOrEqual(3)
    expect(p?.line).toBeLessThanOrEqual(lastLine)
  })

  test('a: b: c is explained as a colon in a value, not as tabs, on its own line and column', () => {
    const fm = parseFrontmatter('---\ntype: thema\ntitel: Deel 1: begin\n---\n', 'a.md')
    expect(fm.problems).toMatchObject([{ line: 3, column: 14 }])
    expect(fm.problems[0]?.message).not.toContain('tab')
  })

  test('an unknown alias is reported on its line', () => {
    const fm = parseFrontmatter('---\ntype: thema\nbron: ["1"]\na: *nope\n---\n', 'a.md')
    expect(fm.problems).toMatchObject([{ line: 4 }])
  })

  test('nesting 50,000 deep is reported as too deep, on the line of the nesting', () => {
    const fm = parseFrontmatter(`---\ntype: thema\nbron: ["1"]\nsignalen: [a]\ndiep: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n---\n`, 'a.md')
    expect(fm.problems).toMatchObject([{ code: 'yaml', line: 5 }])
    expect(fm.problems[0]?.message).toContain('te diep in elkaar genest')
    expect(fm.problems[0]?.message).not.toMatch(/Maximum call stack/)
  })
})
