/**
 * The evidence report as one CSV table (RFC 4180, comma-separated, UTF-8): one row per methodiek,
 * praktijk (with its grondslag) and literatuur note, and one column per thema holding the thema ×
 * methodiek matrix.
 */
import { cellText, type Report } from './model.js'

const COLUMNS = ['soort', 'titel', 'pad', 'bewijs', 'grondslag', 'literatuur', 'aantal literatuur', 'literatuur via methodiek', 'aangehaald door', 'aantal aangehaald door']

/**
 * Render the report as CSV.
 *
 * For a methodiek the thema columns hold the matrix cell (`D`: the methodiek names the thema; a number:
 * practices that belong to the thema and apply the methodiek); for a praktijk `1` when it belongs to the
 * thema. Lists within a cell are separated by `; `.
 *
 * @param report The report.
 */
export function reportCsv(report: Report): string {
  const rows: string[][] = [[...COLUMNS, ...report.themes.map((t) => `thema: ${t.title}`)]]
  const titles = (nodes: Array<{ title: string }>): string => nodes.map((n) => n.title).join('; ')
  report.methods.forEach((m, i) => {
    rows.push(['methodiek', m.node.title, m.node.path, m.evidence, '', titles(m.literature), String(m.literature.length), '', '', '', ...(report.matrix[i] ?? []).map(cellText)])
  })
  for (const p of report.practices) {
    const themes = new Set(p.themes.map((t) => t.path))
    rows.push([
      'praktijk',
      p.node.title,
      p.node.path,
      '',
      p.grondslag,
      titles(p.literature),
      String(p.literature.length),
      p.literature.length === 0 ? titles(p.viaMethods) : '',
      '',
      '',
      ...report.themes.map((t) => (themes.has(t.path) ? '1' : ''))
    ])
  }
  for (const l of report.literature) {
    const citing = report.citedBy.get(l.path) ?? []
    rows.push(['literatuur', l.title, l.path, '', '', '', '', '', titles(citing), String(citing.length), ...report.themes.map(() => '')])
  }
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n'
}

/**
 * One CSV field, quoted when it holds a comma, quote or line break. A field that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is a formula to Excel and LibreOffice (a title can come from a
 * third party's reference file): a leading `'` makes it text there.
 */
export function field(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
