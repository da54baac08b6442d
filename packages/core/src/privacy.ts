/**
 * A privacy check for case notes: find likely personal data in a text, with line, column and a Dutch hint.
 * It reports; it never changes the text.
 *
 * What it looks for: citizen service numbers (nine digits passing the elfproef, also written with dots or
 * spaces), Dutch phone numbers (06, landline, +31 and 0031; grouped with spaces, dots, hyphens or en
 * dashes), e-mail addresses, IBANs (mod-97, any country), a postcode with a house number (`1234 AB 12`),
 * a date near "geboren", "geb." or "geboortedatum" in the same clause (a date on its own is not
 * reported), and a name after a form of address ("dhr. Jan de Vries", "dhr.Jansen", "DHR. JAN DE VRIES";
 * initials only, "dhr. K.", is a pseudonym and fine).
 *
 * What it leaves alone, because notes are full of it: a date with a time (`12-03-2024 14.30`), a year
 * with an abbreviation and a count (`sinds 2023 PB 3x`), "mw" without a dot before an organisation
 * (maatschappelijk werk: `mw Leger des Heils`), a birth keyword in another clause than the date, and a
capitalised ordinary word after initials or a form of address: the next sentence (`dhr. T. Iedereen
herkent het`) or an organisation (`Mw. Veilig Thuis`).
 *
 * Limits: it finds patterns, not meaning. A real name without a form of address, a street name or a
 * birth date written in words is not found; a number that happens to pass a checksum is reported anyway.
 * Every pattern runs in linear time, on any input, and so does removing overlaps.
 *
 * This file is the scan: it runs the detectors, removes overlaps and gives each finding its place and hint.
 * The detectors are in privacy/detectors.ts (numbers, addresses, dates) and privacy/names.ts (names).
 */
import { addresses, birthDates, bsns, emails, ibans, phones, type Match } from './privacy/detectors.js'
import { names } from './privacy/names.js'

export { isValidBsn, isValidIban } from './privacy/detectors.js'

/** The kinds of personal data the check reports. */
export const PRIVACY_KINDS = ['bsn', 'telefoon', 'e-mail', 'iban', 'adres', 'geboortedatum', 'naam'] as const
export type PrivacyKind = (typeof PRIVACY_KINDS)[number]

/** Dutch name of each kind, as shown to people. */
export const PRIVACY_LABELS: Record<PrivacyKind, string> = {
  bsn: 'BSN',
  telefoon: 'telefoonnummer',
  'e-mail': 'e-mailadres',
  iban: 'IBAN',
  adres: 'adres',
  geboortedatum: 'geboortedatum',
  naam: 'naam'
}

const HINTS: Record<PrivacyKind, string> = {
  bsn: 'Dit lijkt een burgerservicenummer (negen cijfers die de elfproef doorstaan). Een BSN hoort niet in een casusnotitie: haal het weg.',
  telefoon: 'Dit lijkt een telefoonnummer. Zet geen telefoonnummers van cliënten of hun netwerk in een notitie.',
  'e-mail': 'Dit lijkt een e-mailadres. Zet geen e-mailadressen van cliënten of hun netwerk in een notitie.',
  iban: 'Dit lijkt een bankrekeningnummer (IBAN met een kloppend controlegetal). Haal het weg.',
  adres: 'Dit lijkt een adres (postcode met huisnummer). Noem geen adres; een plaats of wijk is meestal genoeg.',
  geboortedatum: 'Dit lijkt een geboortedatum. Een leeftijd of geboortejaar is meestal genoeg.',
  naam: 'Dit lijkt een echte naam na een aanspreekvorm. Gebruik een pseudoniem of alleen een initiaal, zoals "dhr. K.".'
}

/** One likely piece of personal data. */
export interface PrivacyFinding {
  kind: PrivacyKind
  /** Dutch name of the kind (see {@link PRIVACY_LABELS}). */
  label: string
  /** The text as found. */
  text: string
  /** Character offset in the text. */
  offset: number
  /** 1-based line. */
  line: number
  /** 1-based column. */
  column: number
  /** What it looks like and what to do, in Dutch. */
  hint: string
}
/**
 * Find likely personal data in a text.
 *
 * @param text Any text (a note with or without frontmatter; line ends `\n` or `\r\n`).
 * @returns The findings, in order of position; overlapping findings are reported once, the most specific
 *   kind first (an IBAN, not the digits inside it).
 */
export function checkPrivacy(text: string): PrivacyFinding[] {
  const matches = [...emails(text), ...ibans(text), ...bsns(text), ...phones(text), ...addresses(text), ...birthDates(text), ...names(text)]
  const order = (k: PrivacyKind): number => ['e-mail', 'iban', 'bsn', 'telefoon', 'adres', 'geboortedatum', 'naam'].indexOf(k)
  matches.sort((a, b) => a.start - b.start || order(a.kind) - order(b.kind))
  // Sorted by start, a match overlaps an earlier kept one exactly when it starts before the furthest end
  // kept so far: one pass, O(k log k) with the sort.
  const kept: Match[] = []
  let keptEnd = 0
  for (const m of matches) {
    if (m.start < keptEnd) continue
    kept.push(m)
    keptEnd = m.end
  }
  const findings: PrivacyFinding[] = []
  let line = 1
  let lineStart = 0
  let at = 0
  for (const m of kept) {
    for (; at < m.start; at++) {
      if (text.charCodeAt(at) === 10) {
        line++
        lineStart = at + 1
      }
    }
    findings.push({ kind: m.kind, label: PRIVACY_LABELS[m.kind], text: text.slice(m.start, m.end), offset: m.start, line, column: m.start - lineStart + 1, hint: HINTS[m.kind] })
  }
  return findings
}
