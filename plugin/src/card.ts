/**
 * One suggestion as a card: its title, its kind, its level, the evidence label, one line saying why it
 * fits in plain words, and behind toggles the advice itself ("Wat werkt") and the details (the terms).
 * Built with Obsidian's DOM helpers; no HTML strings.
 *
 * The "why" line comes from one function ({@link whyLine}), fed by the engine's best passage. The level
 * is the engine's (`level`): its thresholds live in one place, the core's levels.ts, for the CLI and the
 * panel alike.
 */
import { grondslag, whatWorks } from '@praktijkwijzer/core'
import type { GraphNode, LiteratureSuggestion, Passage, PassageField, Suggestion, SuggestionLevel } from '@praktijkwijzer/core'
import { setIcon } from 'obsidian'
import { KIND_LABEL, nl } from './strings'
import { highlight } from './text'

export type { Passage, PassageField }

/** How well a suggestion fits (the engine's level). */
export type Level = SuggestionLevel

/** A suggestion as the panel reads it: the engine's, with its `level`, `grondslag` and `passages`. */
export type PanelSuggestion = Suggestion

/** The actions an element offers, in its `data-action`; the view listens once on the panel. */
export type Action = 'open' | 'link' | 'checklist' | 'cite' | 'problems' | 'refresh' | 'toggle' | 'more' | 'weak' | 'add-link' | 'dismiss-link' | 'update-library'

/** Which parts of a card are open. */
export interface CardUi {
  advice: boolean
  details: boolean
}

/** One line of why: a lead, the marked words (each in quotes, or a note's title), a tail. */
export interface WhyLine {
  lead: string
  marked: string[]
  /** Whether the marked words are quoted (the user's words or a signal), not a title. */
  quoted: boolean
  tail: string
}

/**
 * Why a suggestion fits, in one line of plain Dutch. From the engine's best passage («Jij schreef "…" —
 * herkenbaar signaal bij deze praktijk»); a suggestion without passages (one that came in along a link)
 * from its matches: a whole signal, else the user's words and where they come back, else the note it
 * came through.
 */
export function whyLine(s: PanelSuggestion): WhyLine | null {
  const kind = nl.why.kind[s.type]
  const passage = s.passages?.[0]
  if (passage) {
    // The library's own words when they are short (a signal, an advice point): they tell the cards of a
    // one-line note apart, whose quotes are all that one line.
    const own = (passage.field === 'signaal' || passage.field === 'wat werkt') && passage.text.length <= LIBRARY_WORDS ? `: "${passage.text}"` : ''
    const words = new Set(s.matches.flatMap((m) => m.words).map((w) => w.toLowerCase()))
    return { lead: nl.why.youWrote, marked: [focus(passage.quote, words)], quoted: true, tail: ` — ${nl.why.passage[passage.field](kind)}${own}` }
  }
  const phrase = s.matches.find((m) => m.kind === 'phrase')
  if (phrase) return { lead: nl.why.signal(kind), marked: [phrase.term], quoted: true, tail: '' }
  const words = s.matches.filter((m) => m.kind !== 'phrase')
  const first = words[0]
  if (first) {
    const shown = [...new Set(words.filter((m) => m.field === first.field).flatMap((m) => m.words))].slice(0, 3)
    return { lead: nl.why.youWrote, marked: shown, quoted: true, tail: `: ${nl.why.field[first.field](kind)}` }
  }
  const via = s.via[0]
  return via === undefined ? null : { lead: nl.why.via, marked: [via], quoted: false, tail: '' }
}

/** A library passage longer than this is not quoted in the line of why. */
const LIBRARY_WORDS = 90

/** A quote longer than this is cut to the stretch of its matched words. */
const QUOTE_LENGTH = 60

/**
 * The part of the user's sentence that matters: a long sentence cut to the stretch from its first to its
 * last matched word ("…" where it was cut), a list item without its bullet.
 *
 * @param quote The user's sentence, verbatim.
 * @param words The user's matched words, lower case.
 */
export function focus(quote: string, words: ReadonlySet<string>): string {
  const text = quote.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
  if (text.length <= QUOTE_LENGTH) return text
  let from = -1
  let to = -1
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!words.has(m[0].toLowerCase())) continue
    if (from < 0) from = m.index
    to = m.index + m[0].length
  }
  if (from < 0) return text
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`
}

/**
 * What a card shows, as a string: a card whose signature did not change is left in place (with its
 * focus, its open parts and its position).
 */
export function cardSignature(s: PanelSuggestion, node: GraphNode | undefined, ui: CardUi): string {
  // The details (summary, the user's words, the reasons) only while they are open: a keystroke that
  // changes a reason of a closed card changes nothing it shows, and building it again would cost a
  // keystroke's work (and the card's focus) for nothing.
  const details = ui.details ? [s.summary, s.why, s.matches.map((m) => [m.term, m.words])] : null
  return JSON.stringify([s.path, s.title, s.type, s.level, s.evidence, s.grondslag, whyLine(s), node !== undefined, ui.advice, details])
}

/**
 * Draw a suggestion's card into a parent.
 *
 * @param node The library note (absent when it is no longer in the library: nothing to open or insert).
 */
export function renderCard(parent: HTMLElement, s: PanelSuggestion, node: GraphNode | undefined, ui: CardUi): void {
  const level = s.level
  const card = parent.createDiv({ cls: ['pw-card', `pw-level-${level}`], attr: { 'data-key': s.path, 'data-path': s.path, role: 'listitem' } })
  title(card, s.title, node !== undefined)
  const meta = card.createDiv({ cls: 'pw-card-meta' })
  meta.createSpan({ cls: ['pw-badge', `pw-kind-${s.type}`], text: KIND_LABEL[s.type] })
  meta.createSpan({ cls: ['pw-badge', 'pw-level', `pw-level-${level}`], text: nl.level[level], attr: { title: nl.item.scoreTitle(s.score), 'data-score': s.score.toFixed(2) } })
  if (s.evidence !== undefined) meta.createSpan({ cls: ['pw-badge', 'pw-evidence'], text: nl.item.evidence(s.evidence) })
  const basis = s.grondslag ?? (node ? grondslag(node.note) : undefined)
  if (basis !== undefined) meta.createSpan({ cls: ['pw-badge', 'pw-grondslag'], text: nl.item.grondslag(basis) })

  const why = whyLine(s)
  if (why) {
    const line = card.createDiv({ cls: 'pw-why-line' })
    line.appendText(why.lead)
    why.marked.forEach((words, i) => {
      if (i > 0) line.appendText(', ')
      if (why.quoted) line.appendText('"')
      line.createEl('mark', { cls: 'pw-mark', text: words })
      if (why.quoted) line.appendText('"')
    })
    line.appendText(why.tail)
  }

  const points = node && s.type === 'praktijk' ? whatWorks(node.note) : []
  const actions = card.createDiv({ cls: 'pw-card-actions' })
  if (points.length > 0) toggle(actions, 'advice', nl.item.whatWorks(points.length), s.title, ui.advice)
  toggle(actions, 'details', nl.item.details, s.title, ui.details)
  if (node) button(actions, 'link', 'link', nl.item.insertLink, s.title)

  if (ui.advice && points.length > 0) {
    const advice = card.createDiv({ cls: ['pw-card-part', 'pw-advice'], attr: { 'data-part': 'advice' } })
    const list = advice.createEl('ul', { cls: 'pw-what-works' })
    for (const point of points) list.createEl('li', { text: point.text })
    button(advice, 'checklist', 'list-checks', nl.item.insertChecklist, s.title)
  }
  if (ui.details) {
    const details = card.createDiv({ cls: ['pw-card-part', 'pw-details'], attr: { 'data-part': 'details' } })
    if (s.summary !== undefined) details.createDiv({ cls: 'pw-summary', text: s.summary })
    const words = [...new Set(s.matches.flatMap((m) => m.words))]
    if (words.length > 0) {
      const line = details.createDiv({ cls: 'pw-words' })
      line.createSpan({ cls: 'pw-words-label', text: `${nl.item.yourWords} ` })
      words.forEach((w, i) => {
        if (i > 0) line.appendText(', ')
        line.createEl('mark', { cls: 'pw-mark', text: w })
      })
    }
    if (s.why.length > 0) {
      const list = details.createEl('ul', { cls: 'pw-why' })
      const needles = s.matches.flatMap((m) => [m.term, ...m.words])
      for (const reason of s.why) marked(list.createEl('li'), plainLinks(reason), needles)
    }
  }
}

/** What a literature card shows, as a string. */
export function literatureSignature(l: LiteratureSuggestion, node: GraphNode | undefined): string {
  return JSON.stringify([l.path, l.title, l.citation, l.via, node !== undefined])
}

/** Draw a source's card: title, the full reference, and the actions cite and link. */
export function renderLiteratureCard(parent: HTMLElement, l: LiteratureSuggestion, node: GraphNode | undefined): void {
  const card = parent.createDiv({ cls: ['pw-card', 'pw-literature'], attr: { 'data-key': l.path, 'data-path': l.path, role: 'listitem' } })
  title(card, l.title, node !== undefined)
  card.createDiv({ cls: 'pw-citation', text: l.citation })
  if (l.via.length > 0) card.createDiv({ cls: 'pw-via', text: nl.item.via(l.via.slice(0, 3)) })
  if (node) {
    const actions = card.createDiv({ cls: 'pw-card-actions' })
    button(actions, 'cite', 'quote', nl.item.cite, l.title, nl.item.citeTitle)
    button(actions, 'link', 'link', nl.item.insertLink, l.title)
  }
}

function title(card: HTMLElement, text: string, inLibrary: boolean): void {
  const head = card.createDiv({ cls: 'pw-card-head' })
  if (!inLibrary) {
    head.createSpan({ cls: 'pw-title', text })
    return
  }
  // The link's name is the title itself; dragging it into a note drops a link (see the view).
  head.createEl('a', { cls: ['pw-title', 'internal-link'], text, attr: { href: '#', draggable: 'true', 'data-action': 'open' satisfies Action } })
}

function toggle(parent: HTMLElement, part: keyof CardUi, label: string, of: string, open: boolean): void {
  const b = parent.createEl('button', {
    cls: ['pw-toggle', 'clickable-icon'],
    attr: { type: 'button', 'data-action': 'toggle' satisfies Action, 'data-part': part, 'aria-expanded': String(open), 'aria-label': nl.item.of(label, of) }
  })
  setIcon(b, open ? 'chevron-down' : 'chevron-right')
  b.createSpan({ cls: 'pw-action-label', text: label })
}

function button(parent: HTMLElement, action: Action, icon: string, label: string, of: string, tooltip = label): void {
  const b = parent.createEl('button', { cls: ['pw-action', 'clickable-icon'], attr: { 'aria-label': nl.item.of(tooltip, of), type: 'button', 'data-action': action } })
  setIcon(b, icon)
  b.createSpan({ cls: 'pw-action-label', text: label })
}

/** `via [[Note]]` reads as `via Note` in the panel. */
export function plainLinks(text: string): string {
  return text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, target: string, label?: string) => label ?? target)
}

function marked(el: HTMLElement, text: string, needles: readonly string[]): void {
  for (const part of highlight(text, needles)) {
    if (part.mark) el.createEl('mark', { cls: 'pw-mark', text: part.text })
    else el.appendText(part.text)
  }
}
