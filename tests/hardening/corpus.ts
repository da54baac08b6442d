// The bad-input corpus: the small files committed in tests/fixtures/bad/ plus the large, binary and
// pathological ones, generated here so that no multi-megabyte file lives in git. Used by the hardening
// test and by `pnpm bench:bad`.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { SourceFile } from '@praktijkwijzer/core'
import { ROOT } from '../lib/files.js'

/** The committed part of the corpus. */
export const BAD = join(ROOT, 'tests', 'fixtures', 'bad')

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const front = (title: string): string => `---\ntype: thema\nbron: ["4.1"]\ngerelateerd: ["[[Kring A]]"]\n---\n# ${title}\n\n`

/**
 * The generated files: path → bytes. Sizes are chosen to hit every limit (2 MiB per note, 256 KiB of
 * Markdown, a block's delimiters and nesting) and every known cliff of the Markdown parser.
 */
export function generatedFiles(): Record<string, Uint8Array> {
  const lines = (line: string, count: number): string => `${line}\n`.repeat(count)
  return {
    // 5 MB of ordinary text: refused by size before it is read.
    'gegenereerd/Vijf megabyte.md': utf8(front('Vijf megabyte') + lines('De cliënt is vandaag op gesprek geweest en het ging goed.', 90_000)),
    // 100,000 links in one note (1.4 MB): read as plain text, every link found, one edge.
    'gegenereerd/Honderdduizend links.md': utf8(front('Honderdduizend links') + lines('- [[Kring A]]', 100_000)),
    // A PNG named .md.
    'gegenereerd/Plaatje.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...new Array<number>(2000).fill(7)]),
    // Latin-1 text: "Cliënt" with ë as the single byte 0xEB on line 9.
    'gegenereerd/Latin-1.md': new Uint8Array([...utf8(front('Latin-1') + 'Regel zes.\nCli'), 0xeb, ...utf8('nt heeft schulden.\n')]),
    // Nesting 5,000 levels deep, on one line and as quotes.
    'gegenereerd/Diep genest.md': utf8(front('Diep genest') + `${'- '.repeat(5_000)}lijst\n\n${'> '.repeat(5_000)}citaat\n`),
    // Lines built to make parsers and regular expressions backtrack: runs of emphasis, bracket and
    // link openers that never close, 100,000 characters each.
    'gegenereerd/Sterretjes.md': utf8(front('Sterretjes') + '*_'.repeat(50_000) + '\n'),
    'gegenereerd/Haken.md': utf8(front('Haken') + '[a'.repeat(10_000) + '\n'),
    'gegenereerd/Wikilinkhaken.md': utf8(front('Wikilinkhaken') + '[['.repeat(50_000) + 'x'.repeat(10_000) + '\n'),
    'gegenereerd/Tags.md': utf8(front('Tags') + '#a'.repeat(50_000) + '\n'),
    'gegenereerd/Spaties.md': utf8(front('Spaties') + `${' '.repeat(100_000)}x\n${'\t'.repeat(100_000)}\n`),
    // 20,000 headings underlined with === (setext): quadratic in the whole document for micromark.
    'gegenereerd/Onderstreepte koppen.md': utf8(front('Onderstreepte koppen') + lines('Kop\n===', 20_000)),
    // A nested outline of 3,600 lines (45 KB): quadratic for micromark when parsed in one piece.
    'gegenereerd/Lange inhoudsopgave.md': utf8(front('Lange inhoudsopgave') + lines('- Punt\n  - Subpunt\n    - Detail', 1_200)),
    // Frontmatter with 30,000 fields and a 1 MB value.
    'gegenereerd/Veel velden.md': utf8(`---\ntype: thema\nbron: ["4.1"]\ngerelateerd: ["[[Kring A]]"]\n${Array.from({ length: 30_000 }, (_, i) => `veld${i}: "[[Kring B]]"`).join('\n')}\n---\n# Veel velden\n`),
    'gegenereerd/Lange waarde.md': utf8(`---\ntype: thema\nbron: ["4.1"]\ngerelateerd: ["[[Kring A]]"]\nsamenvatting: "${'a '.repeat(500_000)}"\n---\n# Lange waarde\n`)
  }
}

/** The committed files of the corpus, as bytes, with paths relative to tests/fixtures/bad/. */
export function committedFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (name.endsWith('.md')) files[relative(BAD, full).split(sep).join('/')] = readFileSync(full)
    }
  }
  walk(BAD)
  return files
}

/** The whole corpus as source files for `Library`, the way the CLI reads a folder (bytes, size known). */
export function badCorpus(): SourceFile[] {
  return Object.entries({ ...committedFiles(), ...generatedFiles() }).map(([path, bytes]) => ({ path, bytes, size: bytes.length }))
}

/** Write the whole corpus to a folder (for the command line). */
export function writeBadCorpus(dir: string): void {
  for (const [path, bytes] of Object.entries({ ...committedFiles(), ...generatedFiles() })) {
    const full = join(dir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, bytes)
  }
}
