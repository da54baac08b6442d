/**
 * The record of what is installed, kept in the plugin's data under {@link RECORD_KEY} (beside the
 * settings). `praktijkwijzer vault` writes the first one; never trusted as it is read.
 */
import type { InstalledRecord } from './library'

/** The key in the plugin's data. */
export const RECORD_KEY = 'libraryRecord'

/** The record in the plugin's data, or undefined when there is none (or it is not usable). */
export function readRecord(raw: unknown): InstalledRecord | undefined {
  const value = (raw as Record<string, unknown> | null)?.[RECORD_KEY] as Partial<InstalledRecord> | undefined
  if (value === undefined || value === null || typeof value !== 'object' || typeof value.version !== 'string') return undefined
  const files = value.files
  if (files === null || typeof files !== 'object' || Array.isArray(files)) return undefined
  const ok = Object.entries(files).every(([path, hash]) => typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) && !path.split('/').some((p) => p === '..' || p === ''))
  if (!ok) return undefined
  return { version: value.version, files: { ...files }, ...(typeof value.pending === 'string' ? { pending: value.pending } : {}) }
}
