// plugin/carried-library.mjs, the build's packer of the carried library (plain JavaScript, so typed here).

/** What the tests use of carried-library.mjs. */
export interface Packer {
  /** Bytes as Z85 text: the length, a newline, then 5 characters per 4 bytes. */
  toZ85: (bytes: Uint8Array) => string
  /** The library's files (path → text), sorted, hidden files left out. */
  readLibrary: (root: string) => Record<string, string>
  /** Pack files (path → text) in the carried format. */
  packLibrary: (files: Record<string, string>, level?: number) => Promise<string>
}

// Through a variable: the module has no types of its own (the interface above gives them).
const PACKER: string = '../../carried-library.mjs'

/** The build's packer. */
// eslint-disable-next-line no-unsanitized/method -- a constant path to our own build script, not user input
export const packer = (await import(PACKER)) as Packer
