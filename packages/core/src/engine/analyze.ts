/**
 * Dutch text analysis for the relevance engine: normalisation, tokenisation, stop words, Snowball stemming,
 * compound splitting and synonym expansion.
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
  WORD.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = WORD.exec(text))) {
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

const stemmer = new StemmerNl()
const stemCache = new Map<string, string>()

/**
 * The Snowball (Dutch) stem of a normalised word. Numbers and short abbreviations are kept as they are.
 */
export function stem(norm: string): string {
  let s = stemCache.get(norm)
  if (s !== undefined) return s
  if (norm.length <= 3 || /\d/.test(norm)) s = norm
  else {
    s = stemmer.stemWord(norm)
  }
  if (stemCache.size > 50_000) stemCache.clear()
  stemCache.set(norm, s)
  return s
}

/** Linking sounds between the parts of a Dutch compound (`ervaring-s-deskundige`, `pannen-koek`). */
const LINKERS = ['', 's', 'e', 'en']
const MIN_PART = 4
const MIN_COMPOUND = 8

/**
 * Splits compounds into parts that are words of a vocabulary.
 */
export class CompoundSplitter {
  private readonly vocabulary = new Set<string>()
  private readonly cache = new Map<string, string[]>()

  /** Add words (normalised) that may be parts of compounds. */
  addWords(words: Iterable<string>): void {
    let added = false
    for (const w of words) {
      if (w.length >= MIN_PART && !/\d/.test(w) && !this.vocabulary.has(w)) {
        this.vocabulary.add(w)
        added = true
      }
    }
    if (added) this.cache.clear()
  }

  /** Whether a word is in the vocabulary. */
  has(word: string): boolean {
    return this.vocabulary.has(word)
  }

  /**
   * The parts of a compound, longest head first found; `[]` when the word is no compound of known words.
   * Splits into at most three parts: `schuldhulpverlening` → `schuld`, `hulpverlening`.
   */
  split(word: string): string[] {
    if (word.length < MIN_COMPOUND) return []
    const cached = this.cache.get(word)
    if (cached) return cached
    const parts = this.splitInto(word, 2)
    const result = parts ?? []
    if (this.cache.size > 50_000) this.cache.clear()
    this.cache.set(word, result)
    return result
  }

  private splitInto(word: string, depth: number): string[] | undefined {
    // Dutch compounds put the head last: try the longest known tail first.
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      const head = word.slice(cut)
      if (!this.vocabulary.has(head)) continue
      const modifier = word.slice(0, cut)
      for (const linker of LINKERS) {
        if (!modifier.endsWith(linker)) continue
        const left = modifier.slice(0, modifier.length - linker.length)
        if (left.length < MIN_PART) continue
        if (this.vocabulary.has(left)) return [left, head]
        if (depth > 1) {
          const inner = this.splitInto(left, depth - 1)
          if (inner) return [...inner, head]
        }
      }
    }
    return undefined
  }
}
