/**
 * The library the plugin carries: the library it was built with, as one zstd frame of a JSON object
 * (path → text), written as Z85 text in the bundle (the format and its reasons are in
 * `plugin/carried-library.mjs`, which makes it at build time; read by `carried.ts`). Nothing is decoded
 * at start-up: only an install or update calls {@link embeddedLibrary}.
 */
import { LIBRARY_DATA, LIBRARY_VERSION } from 'praktijkwijzer-library'
import { unpackLibrary } from './carried'
import type { LibrarySource } from './library'

/** The version of the carried library: the plugin's version and a digest of the library. */
export const EMBEDDED_VERSION: string = LIBRARY_VERSION

/** Unpack the carried library. */
export async function embeddedLibrary(): Promise<LibrarySource> {
  const encoder = new TextEncoder()
  return { version: LIBRARY_VERSION, files: new Map(Object.entries(unpackLibrary(LIBRARY_DATA)).map(([path, text]) => [path, encoder.encode(text)])) }
}
