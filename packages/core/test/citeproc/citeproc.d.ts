// citeproc-js ships no typings; `cite/apa.ts` types the part it uses. Every project that compiles the
// core's sources (the CLI, the plugin, the tests) includes this file.
declare module 'citeproc' {
  const citeproc: unknown
  export default citeproc
}
