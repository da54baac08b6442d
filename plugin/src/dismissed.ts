/**
 * The proposed links a researcher dismissed, per library note, kept in the plugin's data (`data.json`)
 * beside the settings so that they stay dismissed after a restart. Keys are library paths (relative to
 * the library folder), so moving the library folder keeps them.
 */

/** Dismissed proposals: library path of the note → `field\u0000target path` keys. */
export type DismissedData = Record<string, string[]>

/**
 * Read the dismissed proposals from stored data; anything malformed is dropped.
 *
 * @param raw What `loadData()` gave (the whole data object).
 */
export function readDismissed(raw: unknown): DismissedData {
  const value = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>)['dismissedLinks'] : undefined
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
  const out: DismissedData = {}
  for (const [note, keys] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(keys)) continue
    const valid = keys.filter((k): k is string => typeof k === 'string' && k.includes('\u0000'))
    if (valid.length > 0) out[note] = valid
  }
  return out
}

/** The dismissed proposals, saved through the plugin on every change. */
export class Dismissed {
  private data: DismissedData
  private readonly save: () => Promise<void>

  /**
   * @param initial As read by {@link readDismissed}.
   * @param save Writes the plugin's data (settings and these together).
   */
  constructor(initial: DismissedData, save: () => Promise<void>) {
    this.data = initial
    this.save = save
  }

  /** Whether the proposal to link `target` (a library path) in `field` of `note` was dismissed. */
  has(note: string, field: string, target: string): boolean {
    return this.data[note]?.includes(key(field, target)) ?? false
  }

  /** Dismiss a proposal for this note, and save. */
  async dismiss(note: string, field: string, target: string): Promise<void> {
    if (this.has(note, field, target)) return
    this.data = { ...this.data, [note]: [...(this.data[note] ?? []), key(field, target)] }
    await this.save()
  }

  /** What is stored. */
  toJSON(): DismissedData {
    return this.data
  }
}

function key(field: string, target: string): string {
  return `${field}\u0000${target}`
}
