// Bundles the CLI (core included) into one ESM file for Node.js.
import { build } from 'esbuild'

const result = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/praktijkwijzer.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  metafile: true,
  // gray-matter is CommonJS and requires Node built-ins; give the bundle a real `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning'
})
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0
console.log(`cli: dist/praktijkwijzer.js ${(bytes / 1024).toFixed(0)} KiB`)
