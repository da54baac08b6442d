/**
 * The name detector of the privacy check: a name after a form of address ("dhr. Jan de Vries",
 * "DHR. JAN DE VRIES"), never initials alone ("dhr. K.", a pseudonym), nor the first word of the next
 * sentence or an organisation after initials or "mw" (maatschappelijk werk).
 */
import { isWordChar, scan, type Match } from './detectors.js'

// A form of address, then a name: optional first names or initials, optional particles, and a surname of
// at least two letters. "dhr. K." and "mevrouw J.B." (initials only) are pseudonyms and not matched.
// Case matters for the name (a capital), not for the form of address (`Dhr.`, `DHR.`). A name stays on
// its line: "dhr. K." at the end of a line is not joined to the next line's first word. "mw" without a
// dot is also maatschappelijk werk ("mw Leger des Heils"): only initials or a particle make it a person.
const H = '[ \\t\\u00a0]'
const forms = (word: string): string[] => [word, `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`, word.toUpperCase()]
const ADDRESS = ['dhr', 'de heer', 'meneer', 'mijnheer', 'mnr', 'mevrouw', 'mevr', 'mvr', 'mej', 'juffrouw'].flatMap(forms).join('|')
const AFTER_ADDRESS = `(?:\\.${H}*|${H}+)`
const INITIALS = `\\p{Lu}\\.(?:${H}?\\p{Lu}\\.)*${H}*`
const WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?"
const PARTICLE_WORDS = ['van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'te', 'in', 'op', 'uit', 'la', 'le', 'du', 'da', 'di', 'el', 'al', 'von', 'zu']
const PARTICLE = `(?:${PARTICLE_WORDS.join('|')})${H}+`
const NAME_AFTER = `(?:${INITIALS}|(?:${WORD}${H}+){0,2})(?:${PARTICLE})*${WORD}`
const NAME = new RegExp(
  `\\b(?:(?:${ADDRESS})${AFTER_ADDRESS}|[Mm][Ww]\\.${H}*)${NAME_AFTER}|\\b[Mm][Ww]${H}+(?:${INITIALS}(?:${PARTICLE})*|(?:${PARTICLE})+)${WORD}`,
  'gu'
)
// The same in capitals ("DHR. JAN DE VRIES"), where every word has capitals: a common word is not a name
// ("DHR. K. OVER SCHULDEN").
const UPPER_WORD = "\\p{Lu}[\\p{Lu}'’]+(?:-\\p{Lu}[\\p{Lu}'’]+)?"
const UPPER_PARTICLE = `(?:${PARTICLE_WORDS.map((p) => p.toUpperCase()).join('|')})${H}+`
const NAME_UPPER = new RegExp(
  `\\b(?:${['dhr', 'de heer', 'meneer', 'mijnheer', 'mnr', 'mevrouw', 'mevr', 'mvr', 'mej', 'juffrouw'].map((w) => w.toUpperCase()).join('|')}|MW(?=\\.))${AFTER_ADDRESS}(?:${INITIALS}|(?:${UPPER_WORD}${H}+){0,2})(?:${UPPER_PARTICLE})*${UPPER_WORD}`,
  'gu'
)
const UPPER_PARTICLES = new Set(PARTICLE_WORDS.map((p) => p.toUpperCase()))
const COMMON_UPPER = new Set(
  'OVER WIL WILDE WILT IS WAS WAREN HEEFT HAD HEBBEN EN OF MET ZONDER ZEGT ZEI KWAM KOMT KOMEN BELDE BELT GAAT GING DIE DAT DEZE HIJ ZIJ ZE NIET OOK NOG WEL AL HEEL ERG GEEN KAN KON ZAL ZOU MOET MOEST WERD WORDT NAAR BIJ OM UIT VOOR NA TOT DOOR GEEFT GAF VINDT VOND BLIJFT EEN DHR HEER MENEER MIJNHEER MNR MEVROUW MEVR MVR MW MEJ JUFFROUW'.split(' ')
)

// Words that follow a form of address with a capital but are no name: the first word of the next sentence
// after initials ("dhr. T. Iedereen herkent het", "mw. K. Prettig gesprek") or of an organisation ("Mw.
// Veilig Thuis"). Function words, adverbs and the adjectives and verbs notes start a sentence with; never a
// word that is also a common Dutch surname or first name (Bakker, de Jong, Klein, Lang, Ben, Dan, Wil, Roos).
const NOT_A_NAME = new Set(
  (
    'aan af al alle alles als altijd andere bij daar daarbij daarna daarom daarover dat de deze die dit door dus echter een eerst en er erbij ermee erover ' +
    'geen gelukkig graag haar helaas het hier hierbij hij hoe hun iedereen ik in is ja je jij kort later maar met mijn misschien na naar nee niemand niet ' +
    'niets nog nu of om omdat ons onze ook op over pas samen sinds te tegen tijdens toch toen tot u uit van vanaf vandaag gisteren morgen vanochtend ' +
    'vanmiddag vanavond veel verder via voor vooral waar waarom wanneer want wat we weinig wel wie wij zelf zij zijn ze zo zonder ' +
    'aanwezig afwezig prettig rustig onrustig veilig goed slecht blij moe boos afgesproken besproken gesproken ' +
    'heeft had hebben was waren wordt werd gaat ging komt kwam belt belde vertelt vertelde zegt zei vindt vond kan kon moet moest zal zou blijft bleef ' +
    'cliënt client begeleider collega gesprek overleg afspraak volgende vorige'
  ).split(' ')
)
const LOWER_PARTICLES = new Set(PARTICLE_WORDS)
const ADDRESS_PREFIX = /^(?:de[ \t\u00a0]+heer|\p{L}+)(?:\.[ \t\u00a0]*|[ \t\u00a0]+)/iu
// After a particle in capitals: more particles, then a capital ("Van der Berg", "De Vries").
const SURNAME_FOLLOWS = new RegExp(`^${H}+(?:${PARTICLE})*\\p{Lu}`, 'u')
const INITIALS_PREFIX = /^\p{Lu}\.(?:[ \t\u00a0]?\p{Lu}\.)*[ \t\u00a0]*/u

/**
 * How much of a name match is a name: up to the last word before one in {@link NOT_A_NAME} (a particle in
 * capitals before a capitalised word, "dhr. K. De Vries", is part of the surname); 0 when no surname is left.
 */
function nameLength(found: string, next: string): number {
  const address = ADDRESS_PREFIX.exec(found)?.[0].length ?? 0
  const start = address + (INITIALS_PREFIX.exec(found.slice(address))?.[0].length ?? 0)
  let end = 0
  for (const w of found.slice(start).matchAll(/[^ \t\u00a0]+/g)) {
    const word = w[0]
    if (LOWER_PARTICLES.has(word)) continue
    const lower = word.toLowerCase()
    const surnameFollows = SURNAME_FOLLOWS.test(found.slice(start + w.index + word.length) + next)
    if (NOT_A_NAME.has(lower) && !(LOWER_PARTICLES.has(lower) && surnameFollows)) break
    end = start + w.index + word.length
  }
  return end
}

/** The names after a form of address in a text. */
export function* names(text: string): Generator<Match> {
  for (const m of scan(text, NAME, (_, end) => !isWordChar(text[end]))) {
    const length = nameLength(m[0], text.slice(m.index + m[0].length, m.index + m[0].length + 40))
    if (length > 0) yield { kind: 'naam', start: m.index, end: m.index + length }
  }
  for (const m of scan(text, NAME_UPPER, (_, end) => !isWordChar(text[end]))) {
    // The name ends before the first common word ("DHR. JAN EN MEVR. …" is "DHR. JAN"); initials and
    // particles alone are no name.
    const address = /^(?:DE[ \t\u00a0]+HEER|\p{Lu}+)\.?/u.exec(m[0])?.[0].length ?? 0
    let end = m.index
    for (const w of m[0].slice(address).matchAll(/[^ \t\u00a0.]+/g)) {
      if (COMMON_UPPER.has(w[0]) || (!UPPER_PARTICLES.has(w[0]) && NOT_A_NAME.has(w[0].toLowerCase()))) break
      if (w[0].length > 1 && !UPPER_PARTICLES.has(w[0])) end = m.index + address + w.index + w[0].length
    }
    // Go on after what was taken, so that a name inside the rest ("MEVR. PIET") is found too.
    NAME_UPPER.lastIndex = Math.max(end, m.index + 1)
    if (end > m.index) yield { kind: 'naam', start: m.index, end }
  }
}
