/**
 * Dutch text analysis for the relevance engine: normalisation, tokenisation, stop words and Snowball
 * stemming. Compound splitting is in compounds.ts, synonyms in synonyms.ts.
 *
 * Case notes are written fast: "TH gebeld, UC was positief, dhr wil niet meer naar zn werk". The analyser
 * keeps abbreviations and numbers as tokens, folds case and diacritics (`cliënt` = `client`), and splits
 * compounds against the library's own vocabulary (`schuldhulpverlening` → `schuld` + `hulpverlening`), so
 * that a note's everyday words meet the library's words.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the declaration must travel with this import to packages that compile the core (the plugin)
/// <reference path="./nlpjs.d.ts" />
import StemmerNl from '@nlpjs/lang-nl/src/stemmer-nl.js'

/** A token of a text. */
export interface Token {
  /** The word as written (for highlighting). */
  surface: string
  /** Lower case, without diacritics. */
  norm: string
  /** Character offset of the word in the text. */
  offset: number
  /** Position in the token sequence. */
  position: number
}

// Dutch stop words: function words (the common Dutch stop lists), plus the forms of address, time words and
// all-purpose verbs that fill case notes without saying what they are about.
const STOP_WORDS = new Set(
  `aan aangaande aangezien achter af al aldus alhoewel alle allebei alleen allen alles als alsnog altijd ander andere
  anders behalve beide beiden ben beneden bent bepaald betreffende bij binnen boven bovendien buiten daar daarheen
  daarin daarna daarnet daarom daarop dan dat de deze die dikwijls dit doch doen door dus echter een eens eer eerder
  eerst elk elke en enig enige enkel enkele er erdoor even eveneens evenwel gauw ge gedurende geen gehad geleden gelijk
  geweest gewoon haar had hadden hare heb hebben hebt heeft hem hen het hier hij hoe hoewel hun ik in inmiddels is
  ja je jezelf jij jou jouw juist jullie kan kon konden kunnen kunt later liever maar mag me meer men met mezelf mij
  mijn misschien mocht mochten moest moesten moet moeten mogen na naar nadat net niet niets noch nog nogal nu of om
  omdat onder ondertussen ongeveer ons onze ook op opnieuw over overigens pas precies reeds rond rondom sinds slechts
  sommige spoedig steeds tamelijk tegen tenzij terwijl toch toen tot totdat tussen u uit uw van vanaf vandaan vanuit
  vanwege veel verder vervolgens via voor vooraf vooral voordat vrij waar waarom wanneer want waren was wat we wel
  welk welke wie wij wil wilde willen wilt wordt worden werd wezen zal ze zelf zelfs zich zij zijn zo zodat zodra
  zonder zou zouden zulke zullen zult iets iemand iedereen ieder iedere heel erg wel weer best
  gaat ging gaan gegaan komt kwam komen gekomen zegt zei zeggen gezegd doet deed gedaan staat stond staan zit zat
  zitten ligt lag liggen krijgt kreeg krijgen gekregen geeft gaf geven gegeven neemt nam nemen genomen laat liet
  laten gelaten zet zette gezet let hangt hangen gebeurt gebeurd graag nodig goed beter ok oke oké nou hoor even
  vandaag gisteren morgen eergisteren overmorgen ochtend middag avond nacht vanochtend vanmiddag vanavond vannacht
  dag dagen week weken maand maanden jaar jaren uur uren keer keren tijd moment straks laatst binnenkort eind begin
  maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo
  dhr mevr mw mevrouw meneer heer cl client clienten bewoner persoon iemand
  bv evt ivm mbt tav oa dwz zn nav iom afspr wk ca nl etc mn resp`
    .split(/\s+/)
    .filter((w) => w !== '')
)

/** Whether a normalised word is a stop word. */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm)
}

/** Lower case, diacritics removed (`Cliënt` → `client`). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase()
  // Most words are plain a-z and digits: skip the Unicode decomposition for them.
  return NOT_PLAIN.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower
}

const NOT_PLAIN = /[^a-z0-9]/

// A token: letters and digits, with inner hyphens or apostrophes kept out (they split compounds the Dutch
// way: "ex-gedetineerde" gives "ex" and "gedetineerde").
const WORD = /[\p{L}\p{N}]+/gu

/**
 * Split a text into tokens.
 *
 * @param text Any text.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  // matchAll works on a copy of the pattern: no `lastIndex` shared between calls.
  for (const match of text.matchAll(WORD)) {
    const surface = match[0]
    if (surface.length > 60) continue // not a word: a hash, a URL fragment, a run of letters
    tokens.push({ surface, norm: normalizeWord(surface), offset: match.index, position: tokens.length })
  }
  return tokens
}

/**
 * The normalised words of a text, without offsets: the fast path for indexing. Gives the same words as
 * {@link tokenize} (`tokenize(text).map((t) => t.norm)`).
 */
export function normalizedWords(text: string): string[] {
  let lower = text.toLowerCase()
  if (NOT_ASCII.test(lower)) lower = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  // After folding diacritics most texts are plain ASCII, where a simple split is much faster.
  const parts = NOT_ASCII.test(lower) ? lower.split(NON_WORD) : lower.split(NON_WORD_ASCII)
  const out: string[] = []
  for (const word of parts) if (word !== '' && word.length <= 60) out.push(word)
  return out
}

const NOT_ASCII = /[^\t\n\r -~]/
const NON_WORD = /[^\p{L}\p{N}]+/u
const NON_WORD_ASCII = /[^a-z0-9]+/

/**
 * The Snowball (Dutch) stemmer, with a cache of the words it has stemmed. One per engine: the cache is the
 * engine's, not the module's.
 */
export class Stemmer {
  private readonly snowball = new StemmerNl()
  private readonly cache = new Map<string, string>()

  /** The stem of a normalised word. Numbers and short abbreviations are kept as they are. */
  stem(norm: string): string {
    let s = this.cache.get(norm)
    if (s !== undefined) return s
    s = norm.length <= 3 || /\d/.test(norm) ? norm : this.snowball.stemWord(norm)
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(norm, s)
    return s
  }
}
