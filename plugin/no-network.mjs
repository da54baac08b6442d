// Nothing leaves the machine: an esbuild plugin that keeps network code out of a bundle, and a scanner
// that finds network APIs in a built bundle. Shared by esbuild.config.mjs (the plugin's bundle) and the
// test that bundles the core for the browser (tests/hardening/no-network.test.ts).
//
// The core never reaches the network, but two of its dependencies carry code that could:
// - @citation-js/core has a helper to fetch a URL (fetchFile, through sync-fetch-undici: fetch and a
//   synchronous XMLHttpRequest). Only its URL input plugin calls it; the core hands citation-js local data
//   only. The helper is replaced by a stub that throws.
// - citeproc-js has a fallback XML parser for engines without DOMParser that "fetches" a data: URL with
//   XMLHttpRequest. It only runs for a style given as a DOM object; citation-js gives styles as text,
//   which citeproc parses itself. The branch is cut out.
// If either package changes so that the code is not found, the build fails instead of shipping it.
//
// The same plugin keeps HTML injection APIs out (Obsidian's guidelines, and reviewers read the bundle):
// - citeproc-js reads a node's `innerHTML` as a last fallback (for old Safari) when it looks up a style's
//   id in a DOM style; it is given styles as text, never as DOM. The fallback is cut out.
// (decode-named-character-reference, micromark's, sets innerHTML in its browser build: the plugin's
// build replaces it, see src/shims/decode-named-character-reference.ts.)
import { readFile } from 'node:fs/promises'

/** The message of the stub: what anyone who calls the network helpers gets. */
export const NETWORK_MESSAGE = 'Praktijkwijzer haalt nooit iets van het netwerk.'

const STUB = `const message = ${JSON.stringify(NETWORK_MESSAGE)}
export function fetchFile() { throw new Error(message) }
export function fetchFileAsync() { return Promise.reject(new Error(message)) }
export function setUserAgent() {}
export default fetchFile
`

const CITEPROC_BRANCH = /\}\s*else if\s*\("undefined" != typeof XMLHttpRequest\)\s*\{[\s\S]*?\}\s*(?=else if\s*\("undefined" != typeof marknote\))/
const CITEPROC_INNER_HTML = /if \(!text\) \{\s*\/\/ Safari\s*text = node\.innerHTML;\s*\}/

/**
 * The esbuild plugin.
 *
 * @returns An esbuild plugin: `plugins: [noNetwork()]`.
 */
export function noNetwork() {
  return {
    name: 'praktijkwijzer-no-network',
    setup(build) {
      build.onResolve({ filter: /^sync-fetch(-undici)?$/ }, (args) => ({ path: args.path, namespace: 'praktijkwijzer-no-network' }))
      build.onLoad({ filter: /.*/, namespace: 'praktijkwijzer-no-network' }, () => ({ contents: STUB, loader: 'js' }))
      build.onLoad({ filter: /[\\/]@citation-js[\\/]core[\\/]lib(-mjs)?[\\/]util[\\/]fetchFile\.js$/ }, () => ({ contents: STUB, loader: 'js' }))
      build.onLoad({ filter: /[\\/]citeproc[\\/]citeproc_commonjs\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8')
        if (!CITEPROC_BRANCH.test(source)) throw new Error(`no-network: citeproc's XMLHttpRequest fallback was not found in ${args.path}; check what changed before shipping it`)
        if (!CITEPROC_INNER_HTML.test(source)) throw new Error(`no-network: citeproc's innerHTML fallback was not found in ${args.path}; check what changed before shipping it`)
        return { contents: source.replace(CITEPROC_BRANCH, '} ').replace(CITEPROC_INNER_HTML, ''), loader: 'js' }
      })
    }
  }
}

/** Network APIs, as they appear in bundled code. */
export const NETWORK_APIS = [
  ['fetch', /(?<![\w$-])fetch(?![\w$-])/g],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/g],
  ['WebSocket', /\bWebSocket\b/g],
  ['EventSource', /\bEventSource\b/g],
  ['sendBeacon', /\bsendBeacon\b/g],
  ['RTCPeerConnection', /\bRTCPeerConnection\b/g],
  ["Obsidian's requestUrl", /\brequestUrl\b/g],
  ['Node network module', /(?:require\(\s*|from\s*|import\(\s*)["'](?:node:)?(?:http|https|http2|net|dns|tls|dgram)["']/g]
]

/** HTML injection APIs, which Obsidian's guidelines rule out. */
export const HTML_APIS = [
  ['innerHTML', /\binnerHTML\b/g],
  ['outerHTML', /\bouterHTML\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g]
]

/**
 * Every HTML injection API in a piece of code, with a little context.
 *
 * @param code Bundled code.
 * @returns One entry per occurrence: the API and the code around it.
 */
export function findHtmlApis(code) {
  return find(code, HTML_APIS)
}

/**
 * Every network API in a piece of code, with a little context.
 *
 * @param code Bundled code.
 * @returns One entry per occurrence: the API and the code around it.
 */
export function findNetworkApis(code) {
  return find(code, NETWORK_APIS)
}

function find(code, apis) {
  const found = []
  for (const [api, pattern] of apis) {
    for (const match of code.matchAll(pattern)) found.push({ api, context: code.slice(Math.max(0, match.index - 60), match.index + 60) })
  }
  return found
}
