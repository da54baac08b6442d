/**
 * The privacy check of the note being edited: likely personal data, listed in a modal by line; choosing
 * one selects it in the editor. It reads the editor's text and changes nothing.
 */
import { checkPrivacy } from '@praktijkwijzer/core'
import type { PrivacyFinding } from '@praktijkwijzer/core'
import { Modal } from 'obsidian'
import type { App, Editor } from 'obsidian'
import { nl } from './strings'

/** Check the text in an editor and show what was found. */
export function showPrivacyCheck(app: App, editor: Editor, noteName: string): void {
  const findings = checkPrivacy(editor.getValue())
  new PrivacyModal(app, noteName, findings, (finding) => select(editor, finding)).open()
}

/** Select a finding in the editor and scroll it into view. */
function select(editor: Editor, finding: PrivacyFinding): void {
  const from = editor.offsetToPos(finding.offset)
  const to = editor.offsetToPos(finding.offset + finding.text.length)
  editor.setSelection(from, to)
  editor.scrollIntoView({ from, to }, true)
  editor.focus()
}

/** The findings of the privacy check, one per line; clicking one selects it in the note. */
export class PrivacyModal extends Modal {
  private readonly noteName: string
  private readonly findings: readonly PrivacyFinding[]
  private readonly choose: (finding: PrivacyFinding) => void

  constructor(app: App, noteName: string, findings: readonly PrivacyFinding[], choose: (finding: PrivacyFinding) => void) {
    super(app)
    this.noteName = noteName
    this.findings = findings
    this.choose = choose
  }

  override onOpen(): void {
    this.setTitle(nl.privacy.title(this.noteName))
    const { contentEl } = this
    contentEl.empty()
    contentEl.addClass('praktijkwijzer-problems', 'praktijkwijzer-privacy')
    if (this.findings.length === 0) {
      contentEl.createEl('p', { text: nl.privacy.none })
      return
    }
    contentEl.createEl('p', { text: nl.privacy.found(this.findings.length) })
    const list = contentEl.createEl('ul', { cls: 'pw-problems' })
    for (const finding of this.findings) {
      const item = list.createEl('li', { cls: ['pw-problem', 'pw-privacy-finding'] })
      const where = item.createEl('a', { cls: 'pw-problem-where', text: nl.privacy.where(finding.line, finding.column), attr: { href: '#', 'aria-label': nl.privacy.select } })
      item.createSpan({ cls: 'pw-problem-level', text: ` ${finding.label} ` })
      item.createEl('code', { cls: 'pw-privacy-text', text: finding.text })
      item.createSpan({ cls: 'pw-problem-message', text: ` ${finding.hint}` })
      where.addEventListener('click', (evt) => {
        evt.preventDefault()
        this.close()
        this.choose(finding)
      })
    }
    contentEl.createEl('p', { cls: 'pw-privacy-limits', text: nl.privacy.limits })
  }

  override onClose(): void {
    this.contentEl.empty()
  }
}
