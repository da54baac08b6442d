// The panel reads frontmatter as the core does (packages/core/src/note/frontmatter.ts): `---yaml` opens
// frontmatter, a first line of `----` is a rule and the note's text.
import { describe, expect, test } from 'vitest'
import { CASE_TEXT, openNote, openPanel, panelState, panelTitles, setup } from './helpers'

describe('the panel and frontmatter', () => {
  test('a case note that opens with a ---- rule gets suggestions for the text under it', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `----\n${CASE_TEXT}\n\n---\n\nVerder rustig.\n`)
    expect(panelState(app)).toBe('results')
    expect(panelTitles(app)).toContain('Begrenzen met behoud van de werkalliantie')
  })

  test('---yaml frontmatter is not text of the note', async () => {
    const { app } = await setup()
    await openPanel(app)
    await openNote(app, 'Casussen/J.md', `---yaml\nonderwerp: "${CASE_TEXT}"\n---\nHij`)
    expect(panelState(app)).toBe('too-short')
  })
})
