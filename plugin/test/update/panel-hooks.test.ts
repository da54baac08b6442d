// The panel's two hooks into the library update: the first-run offer in a vault without a library, and
// the one line when the vault's library is older than the carried one.
import { describe, expect, test, vi } from 'vitest'
import { EMBEDDED_VERSION } from '../../src/update/embedded'
import { click, MANIFEST, openPanel, panel, panelState, setup } from '../helpers'

describe('the panel and the carried library', () => {
  test('a vault without a library: one click offers to install it, and after confirming it is there', async () => {
    const { app } = await setup({ library: {} })
    await openPanel(app)
    expect(panelState(app)).toBe('missing')
    const install = panel(app).contentEl.querySelector<HTMLButtonElement>('[data-action="update-library"]')
    expect(install?.textContent).toBe('Kennisbank installeren')
    click(install as HTMLButtonElement)
    // Unpacking and hashing are asynchronous (Web Crypto): wait for the dialog, not a fixed number of ticks.
    const modal = await vi.waitFor(() => app.openModals.at(-1) ?? expect.fail('no dialog yet'), { timeout: 5000 })
    expect(modal.contentEl.textContent).toContain('Nieuw: 2')
    const confirm = [...modal.contentEl.querySelectorAll('button')].find((b) => b.textContent === 'Bijwerken')
    click(confirm as HTMLButtonElement)
    await vi.waitFor(() => expect(app.vault.getFiles().map((f) => f.path).sort()).toEqual(['Kennisbank/themas/A.md', 'Kennisbank/themas/B.md']), { timeout: 5000 })
    // The record is in the plugin's data, beside the settings.
    await vi.waitFor(() => expect(JSON.parse(app.pluginData.get(MANIFEST.id) ?? '{}')).toMatchObject({ libraryRecord: { version: EMBEDDED_VERSION } }), { timeout: 5000 })
  })

  test('an older library: the panel says so in one line, with the way to update', async () => {
    const record = { version: '0.0.0+oud', files: {} }
    const { app } = await setup({ settings: { libraryRecord: record } as never })
    await openPanel(app)
    const line = panel(app).contentEl.querySelector('.pw-header .pw-library-outdated')
    expect(line?.textContent).toBe(`Kennisbank is ouder (0.0.0+oud; de plug-in heeft ${EMBEDDED_VERSION})`)
    const update = panel(app).contentEl.querySelector<HTMLButtonElement>('.pw-header [data-action="update-library"]')
    expect(update?.textContent).toBe('Kennisbank bijwerken')
    // The button opens the same dialog as the command.
    click(update as HTMLButtonElement)
    await vi.waitFor(() => expect(app.openModals.at(-1)?.titleEl.textContent).toBe(`Kennisbank bijwerken naar ${EMBEDDED_VERSION}`), { timeout: 5000 })
  })

  test('an up-to-date library: no line', async () => {
    const { app } = await setup({ settings: { libraryRecord: { version: EMBEDDED_VERSION, files: {} } } as never })
    await openPanel(app)
    expect(panel(app).contentEl.querySelector('.pw-library-outdated')).toBeNull()
  })
})
