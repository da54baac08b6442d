// The library the plugin carries (`import ... from 'praktijkwijzer-library'`), made at build time.
//
// Format (read back by src/update/embedded.ts; test/update/carried.test.ts round-trips the real library):
// every file of ../library as one JSON object (path → text), compressed as ONE zstd frame (level 22: the
// notes share most of their words, and zstd's window spans the whole library, where deflate sees 32 KiB at
// a time: 141 KiB against 192 KiB for the same text), then written as Z85 text (ZeroMQ's base-85: 5
// characters per 4 bytes, none of them a quote or a backslash, so it sits in a JS string as it is; base64
// would cost 7 % more). The first line of the text is the byte length before padding.
//
// Compressing at level 22 takes seconds, so the result is cached by the library's digest in
// node_modules/.cache/. PRAKTIJKWIJZER_BUILD_WITHOUT_LIBRARY=1 carries no notes (to measure the cost).
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { compress, init } from '@bokuweb/zstd-wasm'

/** ZeroMQ's Z85 alphabet (RFC 32). */
export const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#'

/** Bytes as Z85 text: the length, a newline, then 5 characters per 4 bytes (zero-padded at the end). */
export function toZ85(bytes) {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4)
  padded.set(bytes)
  const view = new DataView(padded.buffer)
  let out = ''
  for (let i = 0; i < padded.length; i += 4) {
    let n = view.getUint32(i)
    let chunk = ''
    for (let j = 0; j < 5; j++) {
      chunk = Z85[n % 85] + chunk
      n = Math.floor(n / 85)
    }
    out += chunk
  }
  return `${bytes.length}\n${out}`
}

/** The library's files (path → text), sorted, hidden files left out; throws on text that is not UTF-8. */
export function readLibrary(root) {
  const files = {}
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const walk = (dir, prefix) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`)
      else if (e.isFile()) files[`${prefix}${e.name}`] = decoder.decode(readFileSync(join(dir, e.name)))
    }
  }
  walk(root, '')
  return files
}

/** The digest of a set of files: the version's suffix and the cache key. */
export function digestOf(files) {
  const digest = createHash('sha256')
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) digest.update(`${path}\t${createHash('sha256').update(text).digest('hex')}\n`)
  return digest.digest('hex')
}

/** Pack files (path → text) in the carried format. */
export async function packLibrary(files, level = 22) {
  await init()
  return toZ85(compress(new TextEncoder().encode(JSON.stringify(files)), level))
}

/** What the carried library costs in main.js, from esbuild's metafile: the packed text and its decoder. */
export function carriedCost(metafile) {
  const inputs = Object.entries(metafile.outputs['dist/main.js']?.inputs ?? {})
  const size = (match) => inputs.filter(([path]) => match(path)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0)
  const data = size((path) => path === 'praktijkwijzer-library:library')
  const decoder = size((path) => path.includes('/fzstd/'))
  return `the carried library ${(data / 1024).toFixed(1)} KiB + its decoder ${(decoder / 1024).toFixed(1)} KiB`
}

/** The esbuild plugin that resolves `praktijkwijzer-library`. */
export function carriedLibrary() {
  return {
    name: 'carried-library',
    setup(b) {
      b.onResolve({ filter: /^praktijkwijzer-library$/ }, () => ({ path: 'library', namespace: 'praktijkwijzer-library' }))
      b.onLoad({ filter: /.*/, namespace: 'praktijkwijzer-library' }, async () => {
        const files = process.env.PRAKTIJKWIJZER_BUILD_WITHOUT_LIBRARY === '1' ? {} : readLibrary(new URL('../library/', import.meta.url).pathname)
        const { version } = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'))
        const digest = digestOf(files)
        const cache = new URL(`./node_modules/.cache/carried-library/${digest}.z85`, import.meta.url).pathname
        let data
        try {
          data = readFileSync(cache, 'utf8')
        } catch {
          data = await packLibrary(files)
          mkdirSync(join(cache, '..'), { recursive: true })
          writeFileSync(`${cache}.${process.pid}`, data)
          renameSync(`${cache}.${process.pid}`, cache)
        }
        return { contents: `export const LIBRARY_DATA = ${JSON.stringify(data)}\nexport const LIBRARY_VERSION = ${JSON.stringify(`${version}+${digest.slice(0, 8)}`)}\n`, loader: 'js' }
      })
    }
  }
}
