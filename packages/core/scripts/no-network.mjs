// Nothing leaves the machine: an esbuild plugin that keeps network code out of a bundle, and a scanner
// that finds network APIs in a built bundle. Shared by the builds that bundle the core (the plugin's
// esbuild.config.mjs, the CLI's build.mjs) and tests/hardening/no-network.test.ts.
//
// The core never reaches the network, but one of its dependencies carries code that could:
// @citation-js/core has a helper to fetch a URL (fetchFile, through sync-fetch-undici: fetch and a
// synchronous XMLHttpRequest). Only its URL input plugin calls it; the core hands citation-js local data
// only. The helper is replaced by a stub that throws.
//
// HTML injection APIs (Obsidian's guidelines, and reviewers read the bundle) are kept out by the build's
// check (findHtmlApis): decode-named-character-reference, micromark's, sets innerHTML in its browser
// build, so the plugin's build replaces it (see src/shims/decode-named-character-reference.ts).
// (citeproc-js, whose XMLHttpRequest and innerHTML fallbacks this plugin used to cut out, is no longer
// bundled: the core formats APA itself.)

/** The message of the stub: what anyone who calls the network helpers gets. */
export const NETWORK_MESSAGE = 'Praktijkwijzer haalt nooit iets van het netwerk.'

const STUB = `const message = ${JSON.stringify(NETWORK_MESSAGE)}
export function fetchFile() { throw new Error(message) }
export function fetchFileAsync() { return Promise.reject(new Error(message)) }
export function setUserAgent() {}
export default fetchFile
`

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
