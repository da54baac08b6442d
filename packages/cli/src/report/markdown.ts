/**
 * The evidence report as Markdown (GitHub and Obsidian tables).
 */
import type { Citations } from '@praktijkwijzer/core'
import { cellText, EVIDENCE, type Report } from './model.js'

/**
 * Render the report as Markdown.
 *
 * @param report The report.
 * @param title The heading, e.g. with the library's name.
 * @param citations The citation engine (see `loadCitations`).
 */
export function reportMarkdown(report: Report, title: string, citations: Citations): string {
  const out: string[] = [`# ${inline(title)}`, '', summary(report), '']

  out.push('## Onderbouwing per methodiek', '')
  out.push(EVIDENCE.map((e) => `${e}: ${report.methods.filter((m) => m.evidence === e).length}`).join(' · '), '')
  out.push('| Methodiek | Bewijs | Literatuur | Praktijken |', '| --- | --- | --- | ---: |')
  for (const m of report.methods) {
    out.push(`| ${cell(m.node.title)} | ${cell(m.evidence || '—')} | ${cell(m.literature.map((l) => citations.inText(l)).join('; ') || '—')} | ${m.practices.length} |`)
  }
  out.push('')
  const explained = report.methods.filter((m) => m.explanation)
  if (explained.length > 0) {
    out.push('### Toelichting op het bewijs', '')
    for (const m of explained) out.push(`- **${inline(m.node.title)}** (${m.evidence}): ${inline(m.explanation ?? '')}`)
    out.push('')
  }

  out.push('## Praktijken per grondslag', '')
  out.push(GROUNDS, '')
  for (const group of report.byGrondslag) {
    out.push(`### ${group.grondslag === '' ? 'Grondslag niet vermeld' : capital(group.grondslag)} (${group.practices.length})`, '')
    out.push(list(group.practices.map((p) => inline(p.node.title))), '')
  }

  out.push(`## Zonder literatuur`, '')
  out.push(`### Methodieken (${report.methodsWithout.length})`, '')
  out.push(list(report.methodsWithout.map((m) => `${inline(m.node.title)} (${m.evidence || 'bewijs onbekend'})`)), '')
  out.push(`### Praktijken (${report.practicesWithout.length})`, '')
  out.push(
    list(
      report.practicesWithout.map((p) =>
        p.viaMethods.length > 0 ? `${inline(p.node.title)}: wel via ${p.viaMethods.map((m) => inline(m.title)).join(', ')}` : `${inline(p.node.title)}: ook niet via een methodiek`
      )
    ),
    ''
  )

  out.push(`## Literatuur die niets aanhaalt (${report.uncited.length})`, '')
  out.push(list(report.uncited.map((l) => noHtml(citations.reference(l, { format: 'markdown' })))), '')

  out.push('## Thema × methodiek', '')
  out.push('D: de methodiek noemt het thema zelf; een getal: zoveel praktijken horen bij het thema en passen de methodiek toe.', '')
  out.push(`| Methodiek | ${report.themes.map((t) => cell(t.title)).join(' | ')} |`, `| --- |${report.themes.map(() => ' :---: |').join('')}`)
  report.methods.forEach((m, i) => {
    out.push(`| ${cell(m.node.title)} | ${(report.matrix[i] ?? []).map(cellText).join(' | ')} |`)
  })
  return `${out.join('\n')}\n`
}

/** What the grondslag groups mean, in one sentence (the rubric is in library/README.md). */
export const GROUNDS =
  'Waar het advies van een praktijk op rust. Het rapport heeft van geen van deze praktijken het effect onderzocht (§6.9): een uitgewerkte casus of de ervaring van professionals is geen bewijs van werkzaamheid.'

/** A text with its first letter in capitals. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The counts of the library, in one sentence. */
export function summary(report: Report): string {
  return `${report.methods.length} methodieken, ${report.practices.length} praktijken, ${report.themes.length} thema's en ${report.literature.length} bronnen; ${report.methodsWithout.length} methodieken en ${report.practicesWithout.length} praktijken zonder literatuur, ${report.uncited.length} bronnen die niets aanhaalt.`
}

// One string, not lines to spread into push(): a library of 200,000 notes would overflow the stack.
function list(items: string[]): string {
  return items.length === 0 ? 'Geen.' : items.map((i) => `- ${i}`).join('\n')
}

/** Text for a table cell: no pipes or line breaks. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|')
}

/** Text on one line, without HTML. */
function inline(text: string): string {
  return noHtml(text.replace(/\s*\n\s*/g, ' '))
}

/**
 * Markdown that shows HTML as text: every `<` that does not open a link (`<https://…>`) becomes `&lt;`,
 * so a title such as `<script>` from an imported reference is shown, never run, by whatever renders the
 * report.
 */
function noHtml(markdown: string): string {
  return markdown.replace(/<(?!https?:\/\/[^\s<>]*>)/g, '&lt;')
}
