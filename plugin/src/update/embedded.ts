/**
 * The library the plugin carries: the library it was built with, as one deflate stream of a JSON object
 * (path → text), as base64 text in the bundle (put there by the build, see `esbuild.config.mjs`). Nothing is
 * decoded at start-up: only an install or update calls {@link embeddedLibrary}, which inflates it with fflate.
 */
import { inflateSync, strFromU8 } from 'fflate'
import { LIBRARY_DATA, LIBRARY_VERSION } from 'praktijkwijzer-library'
import type { LibrarySource } from './library'

/** The version of the carried library: the plugin's version and a digest of the library. */
export const EMBEDDED_VERSION: string = LIBRARY_VERSION

/** Unpack the carried library. */
export async function embeddedLibrary(): Promise<LibrarySource> {
  const binary = atob(LIBRARY_DATA)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const texts = JSON.parse(strFromU8(inflateSync(bytes))) as Record<string, string>
  const encoder = new TextEncoder()
  return { version: LIBRARY_VERSION, files: new Map(Object.entries(texts).map(([path, text]) => [path, encoder.encode(text)])) }
}
