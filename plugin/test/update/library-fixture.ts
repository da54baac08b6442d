// Stands in for the library the build puts in the bundle (`praktijkwijzer-library`): two small notes.
import { deflateSync, strToU8 } from 'fflate'

const files = { 'themas/A.md': '---\ntype: thema\nbron: ["4.7"]\n---\n# A\n', 'themas/B.md': '---\ntype: thema\nbron: ["4.7"]\n---\n# B\n' }
let binary = ''
for (const byte of deflateSync(strToU8(JSON.stringify(files)), { level: 9 })) binary += String.fromCharCode(byte)

export const LIBRARY_DATA = btoa(binary)
export const LIBRARY_VERSION = '0.0.0+test'
