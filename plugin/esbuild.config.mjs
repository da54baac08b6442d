// Bundles the plugin into dist/: main.js (CommonJS, as Obsidian loads it), manifest.json, styles.css and
// versions.json. Obsidian, Electron, CodeMirror and Node's built-ins are external; Node's `fs` and
// `Buffer`, which the core's gray-matter asks for, are replaced by tiny stand-ins so the bundle runs
// where there is no Node.js (Obsidian mobile, a plain browser page).
import { builtinModules } from 'node:module'
import { copyFile, mkdir } from 'node:fs/promises'
import { build } from 'esbuild'

const production = !process.argv.includes('--dev')

const result = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  format: 'cjs',
  platform: 'browser',
  target: 'es2018',
  external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*', ...builtinModules.filter((m) => m !== 'fs'), ...builtinModules.map((m) => `node:${m}`)],
  alias: { fs: './src/shims/empty.ts' },
  inject: ['./src/shims/buffer.ts'],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  minify: production,
  sourcemap: production ? false : 'inline',
  treeShaking: true,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning'
})

await mkdir('dist', { recursive: true })
await Promise.all(['manifest.json', 'styles.css', 'versions.json'].map((f) => copyFile(f, `dist/${f}`)))

const bytes = result.metafile.outputs['dist/main.js']?.bytes ?? 0
process.stdout.write(`plugin: dist/main.js ${(bytes / 1024).toFixed(0)} KiB (+ manifest.json, styles.css, versions.json)\n`)
