// Stands in for the library the build puts in the bundle (`praktijkwijzer-library`): two small notes,
// packed by the build's own packer (plugin/carried-library.mjs), so the tests read the real format.
import { packer } from './packer'

const files = { 'themas/A.md': '---\ntype: thema\nbron: ["4.7"]\n---\n# A\n', 'themas/B.md': '---\ntype: thema\nbron: ["4.7"]\n---\n# B\n' }

export const LIBRARY_DATA: string = await packer.packLibrary(files)
export const LIBRARY_VERSION = '0.0.0+test'
