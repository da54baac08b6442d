/**
 * Dutch stop words: words that say nothing about what a case note is about. Two lists together:
 *
 * - the Dutch list of stopwords-iso (a well-kept collection of stop lists; only its Dutch list is imported,
 *   so a bundler leaves the other languages out), less {@link MEANINGFUL}: the few words on it that in
 *   counselling notes name a matter (`eigen` regie, `onzeker`, `missen`);
 * - our own additions: forms of address, time words and the all-purpose verbs that fill case notes
 *   (`dhr`, `gisteren`, `gaat`, `gebeld`), and the abbreviations staff use for them.
 *
 * Stop words are left out of the index and of the query alike. Everyday words that are not empty but
 * common in any Dutch text (`kamer`, `volgende`) are not stop words: background.ts weighs them.
 */
import { nl } from 'stopwords-iso/stopwords-iso.json'

/** Words on stopwords-iso's Dutch list that carry meaning in case notes, and so stay searchable. */
export const MEANINGFUL: readonly string[] = ['eigen', 'onzeker', 'missen']

// Our own list: function words (the common Dutch stop lists), plus the forms of address, time words and
// all-purpose verbs that fill case notes without saying what they are about.
const OWN = `aan aangaande aangezien achter af al aldus alhoewel alle allebei alleen allen alles als alsnog altijd ander andere
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

const STOP_WORDS: ReadonlySet<string> = new Set([...nl.filter((w) => !MEANINGFUL.includes(w)), ...OWN.split(/\s+/).filter((w) => w !== '')])

/** Whether a normalised word is a stop word. */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm)
}
