import { describe, expect, test } from 'vitest'
import { checkNoteText, decodeNote, decodeSource } from '../src/note/decode.js'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('decodeNote', () => {
  test('should decode UTF-8, strip a BOM and normalise CRLF', () => {
    const result = decodeNote(utf8('\uFEFFa\r\nb\rc'), 'a.md')
    expect(result).toEqual({ ok: true, text: 'a\nb\nc' })
  })

  test('should refuse a binary file', () => {
    const result = decodeNote(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'plaatje.md')
    expect(result).toMatchObject({ ok: false, problem: { code: 'binary', file: 'plaatje.md', level: 'error' } })
  })

  test('should refuse text that is not UTF-8, pointing at the first bad byte', () => {
    const latin1 = new Uint8Array([...utf8('regel een\nca'), 0xe9, ...utf8(' au lait')])
    const result = decodeNote(latin1, 'oud.md')
    expect(result).toMatchObject({ ok: false, problem: { code: 'encoding', line: 2, column: 3 } })
  })

  test('should refuse a note over the size limit with its size in the message', () => {
    const result = decodeNote(new Uint8Array(5 * 1024 * 1024).fill(97), 'groot.md')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem.code).toBe('too-large')
      expect(result.problem.message).toContain('5,0 MB')
    }
  })

  test('should call UTF-16 text UTF-16, with or without a byte-order mark, not binary', () => {
    const utf16le = (t: string, bom: boolean): Uint8Array => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...[...t].flatMap((c) => [c.charCodeAt(0), 0])])
    for (const bytes of [utf16le('schulden en de deurwaarder', true), utf16le('schulden en de deurwaarder', false), new Uint8Array([0xfe, 0xff, 0, 0x73])]) {
      const result = decodeNote(bytes, 'u16.md')
      expect(result).toMatchObject({ ok: false, problem: { code: 'encoding' } })
      if (!result.ok) expect(result.problem.message).toContain('UTF-16')
    }
    expect(decodeNote(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'png.md')).toMatchObject({ ok: false, problem: { code: 'binary' } })
  })

  test('checkNoteText applies the limit to strings', () => {
    expect(checkNoteText('x'.repeat(11), 'a.md', { maxBytes: 10 }).ok).toBe(false)
    expect(checkNoteText('x'.repeat(10), 'a.md', { maxBytes: 10 }).ok).toBe(true)
  })
})

describe('decodeSource', () => {
  test('should report a file the caller could not read, or only sized, without reading it', () => {
    expect(decodeSource({ unreadable: 'geen toegang' }, 'a.md')).toMatchObject({ ok: false, problem: { code: 'unreadable', file: 'a.md' } })
    const big = decodeSource({ size: 3 * 1024 ** 3 }, 'groot.md')
    expect(big).toMatchObject({ ok: false, problem: { code: 'too-large' } })
    if (!big.ok) expect(big.problem.message).toContain('3072,0 MB')
  })

  test('should decode bytes and check text as decodeNote and checkNoteText do', () => {
    expect(decodeSource({ bytes: utf8('a\r\nb') }, 'a.md')).toEqual({ ok: true, text: 'a\nb' })
    expect(decodeSource({ text: '\uFEFFa' }, 'a.md')).toEqual({ ok: true, text: 'a' })
  })
})
