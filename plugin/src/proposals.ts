/**
 * A proposed missing link of a library note as a card: the note it would link to, the field it belongs
 * in, how strong the proposal is, the reasons, and the buttons that add it or dismiss it. Built with
 * Obsidian's DOM helpers; no HTML strings.
 */
import type { GraphNode, LinkProposal } from '@praktijkwijzer/core'
import { setIcon } from 'obsidian'
import { plainLinks } from './card'
import type { Action } from './card'
import { nl } from './strings'

/** The key of a proposal's card: its field and target. */
export function proposalKey(p: LinkProposal): string {
  return `${p.field}\u0000${p.path}`
}

/** What a proposal's card shows, as a string. */
export function proposalSignature(p: LinkProposal, node: GraphNode | undefined): string {
  return JSON.stringify([p.field, p.path, p.target, p.level, p.why, node?.title])
}

/**
 * Draw a proposal's card into a parent.
 *
 * @param node The target note (absent when it left the library: nothing to open).
 */
export function renderProposal(parent: HTMLElement, p: LinkProposal, node: GraphNode | undefined): void {
  const title = node?.title ?? p.target
  const card = parent.createDiv({
    cls: ['pw-card', 'pw-proposal', `pw-level-${p.level}`],
    attr: { 'data-key': proposalKey(p), 'data-path': p.path, 'data-field': p.field, 'data-target': p.target, role: 'listitem' }
  })
  const head = card.createDiv({ cls: 'pw-card-head' })
  if (node) head.createEl('a', { cls: ['pw-title', 'internal-link'], text: title, attr: { href: '#', 'data-action': 'open' satisfies Action } })
  else head.createSpan({ cls: 'pw-title', text: title })
  const meta = card.createDiv({ cls: 'pw-card-meta' })
  meta.createSpan({ cls: ['pw-badge', 'pw-field'], text: nl.links.field(p.field) })
  meta.createSpan({ cls: ['pw-badge', 'pw-level', `pw-level-${p.level}`], text: nl.level[p.level], attr: { title: nl.item.scoreTitle(p.score), 'data-score': p.score.toFixed(2) } })
  const reasons = card.createEl('ul', { cls: 'pw-why' })
  for (const why of p.why) reasons.createEl('li', { text: plainLinks(why) })
  const actions = card.createDiv({ cls: 'pw-card-actions' })
  button(actions, 'add-link', 'plus', nl.links.add(p.field), title)
  button(actions, 'dismiss-link', 'x', nl.links.dismiss, title, nl.links.dismissTitle)
}

function button(parent: HTMLElement, action: Action, icon: string, label: string, of: string, tooltip = label): void {
  const b = parent.createEl('button', { cls: ['pw-action', 'clickable-icon'], attr: { 'aria-label': nl.item.of(tooltip, of), type: 'button', 'data-action': action } })
  setIcon(b, icon)
  b.createSpan({ cls: 'pw-action-label', text: label })
}
