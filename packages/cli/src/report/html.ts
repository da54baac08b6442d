/**
 * The evidence report as one standalone HTML file: inline CSS, the graph as inline SVG, no script and no
 * reference to anything outside the file (no fonts, images, style sheets or links to fetch). DOIs and
 * web addresses of literature are shown as text.
 */
import type { Citations, KnowledgeGraph } from '@praktijkwijzer/core'
import { cellText, EVIDENCE, type Report } from './model.js'
import { capital, GROUNDS, summary } from './markdown.js'
import { escapeXml as esc, graphSvg, legend, SVG_STYLE } from './svg.js'

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #111827; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #e5e7eb; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #e5e7eb; padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #f9fafb; }
td.getal { text-align: right; }
.bewijs { white-space: nowrap; border-radius: 0.25rem; padding: 0 0.3rem; }
.bewezen-effectief { background: #bbf7d0; border: 2px solid #15803d; } .veelbelovend { background: #d9f99d; border: 2px solid #65a30d; } .goed-beschreven { background: #fef08a; border: 2px solid #ca8a04; } .niet-vermeld { background: #fecaca; border: 2px solid #dc2626; }
table.methodieken td:nth-child(4) { white-space: nowrap; }
table.matrix th.thema { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; white-space: nowrap; }
table.matrix td { text-align: center; min-width: 1.6rem; }
table.matrix td.direct { background: #bfdbfe; }
table.matrix td.via { background: #eff6ff; }
.graaf-kader { overflow: auto; max-height: 80vh; border: 1px solid #e5e7eb; }
.legenda span { display: inline-block; padding: 0 0.4rem; margin-right: 0.5rem; border: 1px solid #374151; border-radius: 0.25rem; }
.legenda .thema { background: #fde68a; } .legenda .methodiek { background: #bfdbfe; } .legenda .praktijk { background: #bbf7d0; } .legenda .literatuur { background: #e5e7eb; }
${SVG_STYLE}`

/**
 * Render the report as standalone HTML.
 *
 * @param report The report.
 * @param graph The graph the report was built from, for the picture.
 * @param title The page title.
 * @param citations The citation engine (see `loadCitations`).
 */
export function reportHtml(report: Report, graph: KnowledgeGraph, title: string, citations: Citations): string {
  const picture = graphSvg(graph)
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(summary(report))}</p>`,
    '<nav><a href="#methodieken">Onderbouwing per methodiek</a> · <a href="#grondslag">Praktijken per grondslag</a> · <a href="#zonder">Zonder literatuur</a> · <a href="#ongeciteerd">Literatuur die niets aanhaalt</a> · <a href="#matrix">Thema × methodiek</a> · <a href="#graaf">De graaf</a></nav>'
  ]

  out.push('<h2 id="methodieken">Onderbouwing per methodiek</h2>')
  out.push(`<p>${EVIDENCE.map((e) => `${evidence(e)} ${report.methods.filter((m) => m.evidence === e).length}`).join(' ')}</p>`)
  out.push('<table class="methodieken"><thead><tr><th>Methodiek</th><th>Bewijs</th><th>Toelichting</th><th>Literatuur</th><th>Praktijken</th></tr></thead><tbody>')
  for (const m of report.methods) {
    const literature = m.literature.map((l) => `<span title="${esc(citations.reference(l))}">${esc(citations.inText(l))}</span>`).join('<br>')
    out.push(
      `<tr><td>${esc(m.node.title)}</td><td>${m.evidence ? evidence(m.evidence) : '—'}</td><td>${esc(m.explanation ?? '')}</td><td>${literature || '—'}</td><td class="getal">${m.practices.length}</td></tr>`
    )
  }
  out.push('</tbody></table>')

  out.push('<h2 id="grondslag">Praktijken per grondslag</h2>', `<p>${esc(GROUNDS)}</p>`)
  for (const group of report.byGrondslag) {
    out.push(`<h3>${esc(group.grondslag === '' ? 'Grondslag niet vermeld' : capital(group.grondslag))} (${group.practices.length})</h3>`, list(group.practices.map((p) => esc(p.node.title))))
  }

  out.push('<h2 id="zonder">Zonder literatuur</h2>')
  out.push(`<h3>Methodieken (${report.methodsWithout.length})</h3>`, list(report.methodsWithout.map((m) => `${esc(m.node.title)} ${m.evidence ? evidence(m.evidence) : ''}`)))
  out.push(
    `<h3>Praktijken (${report.practicesWithout.length})</h3>`,
    list(report.practicesWithout.map((p) => `${esc(p.node.title)}${p.viaMethods.length > 0 ? `: wel via ${esc(p.viaMethods.map((m) => m.title).join(', '))}` : ': ook niet via een methodiek'}`))
  )

  out.push(`<h2 id="ongeciteerd">Literatuur die niets aanhaalt (${report.uncited.length})</h2>`)
  out.push(list(report.uncited.map((l) => esc(citations.reference(l)))))

  out.push('<h2 id="matrix">Thema × methodiek</h2>')
  out.push('<p>D: de methodiek noemt het thema zelf; een getal: zoveel praktijken horen bij het thema en passen de methodiek toe.</p>')
  out.push(`<table class="matrix"><thead><tr><th>Methodiek</th>${report.themes.map((t) => `<th class="thema">${esc(t.title)}</th>`).join('')}</tr></thead><tbody>`)
  report.methods.forEach((m, i) => {
    const cells = (report.matrix[i] ?? []).map((c) => {
      const tip = c.practices.length > 0 ? ` title="${esc(c.practices.map((p) => p.title).join('; '))}"` : ''
      return `<td class="${c.direct ? 'direct' : c.practices.length > 0 ? 'via' : ''}"${tip}>${esc(cellText(c))}</td>`
    })
    out.push(`<tr><th>${esc(m.node.title)}</th>${cells.join('')}</tr>`)
  })
  out.push('</tbody></table>')

  out.push('<h2 id="graaf">De graaf</h2>')
  out.push(
    `<p class="legenda">${legend().map((l) => `<span class="${l.className}">${l.kind}</span>`).join('')} ${picture.nodes} notities en ${picture.edges} verbindingen (hoort bij, past toe, onderbouwd door); stippellijnen gaan naar literatuur. De rand van een methodiek toont het bewijs: ${EVIDENCE.map((e) => evidence(e)).join(' ')}.</p>`
  )
  if (picture.left.length > 0) out.push(`<p>Zonder verbinding, dus niet in het plaatje: ${esc(picture.left.map((n) => n.title).sort((a, b) => a.localeCompare(b, 'nl')).join(', '))}.</p>`)
  out.push(`<div class="graaf-kader">${picture.svg}</div>`)
  out.push('</body>', '</html>')
  return `${out.join('\n')}\n`
}

function evidence(status: string): string {
  return `<span class="bewijs ${esc(status.replace(/\s+/g, '-'))}">${esc(status)}</span>`
}

function list(items: string[]): string {
  return items.length === 0 ? '<p>Geen.</p>' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`
}
