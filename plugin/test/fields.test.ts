// The panel reads a practice's fields as the core does (packages/core/src/note/fields.ts).
import { describe, expect, test } from 'vitest'
import { CASE_TEXT, click, LIBRARY, openNote, openPanel, panelItem, settle, setup } from './helpers'

const PRACTICE = 'praktijken/Begrenzen met behoud van de werkalliantie.md'

describe('the fields of a practice in the panel', () => {
  test('the points under a "Wat werkt?" heading give the checklist button', async () => {
    const library = { ...LIBRARY, [PRACTICE]: (LIBRARY[PRACTICE] as string).replace('## Wat werkt\n', '## Wat werkt?\n') }
    const { app } = await setup({ library })
    await openPanel(app)
    const view = await openNote(app, 'Casussen/J.md', CASE_TEXT)
    view.editor.setCursor(view.editor.offsetToPos(CASE_TEXT.length))
    // The advice opens under "Wat werkt (2)"; the checklist button is part of it.
    click(panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('[data-part="advice"]') as HTMLElement)
    const button = panelItem(app, 'Begrenzen met behoud van de werkalliantie').querySelector('[data-action="checklist"]')
    if (!button) throw new Error('no checklist button')
    click(button)
    await settle()
    expect(view.editor.getValue()).toContain('- [ ] Bespreek de huisregels samen.\n- [ ] Blijf in gesprek, ook na een conflict.\n')
  })
})
