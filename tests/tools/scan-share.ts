// How many notes the fast Markdown scanner (packages/core/src/note/scan-markdown.ts) reads whole, without
// micromark, for the shipped library and a synthetic one. Usage:
//   node tests/tools/run.mjs tests/tools/scan-share.ts [--notes 5000]
import { Library } from '@praktijkwijzer/core'
import { frontmatterEnd } from '../../packages/core/src/note/frontmatter.js'
import { scanMarkdown } from '../../packages/core/src/note/scan-markdown.js'
import { syntheticLibrary } from '../bench/synthetic.js'
import { LIBRARY, readMarkdown } from '../lib/files.js'

const args = process.argv.slice(2)
const size = Number(args[args.indexOf('--notes') + 1]) || 5000
const files = readMarkdown(LIBRARY)
const libraries = [
  { name: 'shipped', files },
  { name: `synthetic ${size}`, files: syntheticLibrary(new Library(files).graph, size).map((f) => ({ path: f.path, text: f.text ?? '' })) }
]
for (const { name, files: notes } of libraries) {
  const rest = notes.filter(({ text }) => scanMarkdown(text.slice(frontmatterEnd(text))) === undefined)
  const whole = notes.length - rest.length
  process.stdout.write(`${name}: ${whole} of ${notes.length} notes read whole by the scanner (${((100 * whole) / notes.length).toFixed(1)}%)`)
  process.stdout.write(rest.length > 0 ? `; micromark reads (part of) ${rest.map((f) => f.path).join(', ')}\n` : '\n')
}
