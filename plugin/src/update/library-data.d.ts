/** The carried library, made by the build (`carried-library.mjs`); in tests, a small stand-in. */
declare module 'praktijkwijzer-library' {
  /** The library's files as a JSON object (path → text), zstd-compressed, as Z85 text (see carried-library.mjs). */
  export const LIBRARY_DATA: string
  /** The plugin's version and a digest of the library, such as `0.1.0+3f2a9c1b`. */
  export const LIBRARY_VERSION: string
}
