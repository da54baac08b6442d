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
 * (maatschappelijk werk: `mw Leger des Heils`), and a birth keyword in another clause than the date.
 *
 * Limits: it finds patterns, not meaning. A real name without a form of address, a street name or a
 * birth date written in words is not found; a number that happens to pass a checksum is reported anyway.
 * Every pattern runs in linear time, on any input, and so does removing overlaps.
 *
 * One file of about 350 lines: each kind is a short pattern with its own checks, and they share the
 * helpers for where a match may stand; split up, the rules would be harder to compare with each other.
 */

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

interface Match {
  kind: PrivacyKind
  start: number
  end: number
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

/**
 * Whether nine digits pass the elfproef of the burgerservicenummer: 9·d1 + 8·d2 + … + 2·d8 − d9 is a
 * multiple of 11 (and the number is not all zeros).
 *
 * @param digits The number, with or without dots and spaces.
 */
export function isValidBsn(digits: string): boolean {
  const d = digits.replace(/[ .]/g, '')
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i)
  sum -= Number(d[8])
  return sum % 11 === 0
}

/** IBAN length per country (the ones a Dutch case note is likely to meet; others: 15–34). */
const IBAN_LENGTHS: Record<string, number> = {
  NL: 18, BE: 16, DE: 22, FR: 27, GB: 22, ES: 24, IT: 27, PT: 25, LU: 20, AT: 20, CH: 21, PL: 28, TR: 26, MA: 28, IE: 22, DK: 18, SE: 24, NO: 15, FI: 18
}

/**
 * Whether a text is an IBAN: country code, check digits and account, with a mod-97 remainder of 1.
 *
 * @param iban The IBAN, with or without spaces.
 */
export function isValidIban(iban: string): boolean {
  const s = iban.replace(/[ -]/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false
  const expected = IBAN_LENGTHS[s.slice(0, 2)]
  if (expected !== undefined && expected !== s.length) return false
  const rearranged = s.slice(4) + s.slice(0, 4)
  let remainder = 0
  for (const c of rearranged) {
    const value = c >= 'A' ? c.charCodeAt(0) - 55 : Number(c)
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
  }
  return remainder === 1
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c)

/**
 * Matches of a global pattern that pass a test of where they stand (instead of lookbehind, which old iOS
 * lacks). The test gets the match's start and end in the text.
 */
function* scan(text: string, pattern: RegExp, free: (start: number, end: number) => boolean): Generator<RegExpExecArray> {
  pattern.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = pattern.exec(text))) {
    if (m[0] === '') {
      pattern.lastIndex++
      continue
    }
    if (free(m.index, m.index + m[0].length)) yield m
    else pattern.lastIndex = m.index + 1
  }
}

/** The separators people put between digit groups: space, no-break space, dot, hyphen, en dash. */
const SEP = '[ .\\-\u00a0\u2013]'
const isDateSeparator = (c: string | undefined): boolean => c === '-' || c === '.' || c === '/' || c === '\u2013'

// Nine digits: together, or as 123.456.789, 123 456 789 or 1234.56.789.
const BSN = /\d{9}|\d{3}([ .])\d{3}\1\d{3}|\d{4}([ .])\d{2}\2\d{3}/g

function* bsns(text: string): Generator<Match> {
  // Not part of a longer number, an amount or a decimal (1.234.567.890, 123456789,50).
  const free = (b: string | undefined, a: string | undefined, next: string | undefined): boolean =>
    !isWordChar(b) && b !== '.' && b !== ',' && !isDigit(a) && !((a === '.' || a === ',') && isDigit(next))
  BSN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = BSN.exec(text))) {
    const end = m.index + m[0].length
    if (free(text[m.index - 1], text[end], text[end + 1]) && isValidBsn(m[0])) yield { kind: 'bsn', start: m.index, end }
    else BSN.lastIndex = m.index + 1
  }
}

// +31 or 0031, an optional (0), then nine digits; or 0 and nine digits. Digits may be grouped by spaces,
// dashes (also the en dash word processors write), dots or brackets.
const PHONE = new RegExp(`(?:\\+|00)31${SEP}?(?:\\(0\\)${SEP}?)?[1-9](?:${SEP}?\\d){8}|\\(0\\d{1,3}\\)${SEP}?\\d(?:${SEP}?\\d){4,7}|0[1-9](?:${SEP}?\\d){8}`, 'g')
const DATE_START = /^\d{1,2}[-./\u2013]\d{1,2}[-./\u2013]\d{2,4}/

/** Whether a match at `start` continues a date: `12-` or `2024-` before it (`12-03-2024 14.30`). */
function afterDatePart(text: string, start: number): boolean {
  if (!isDateSeparator(text[start - 1])) return false
  let digits = 0
  while (isDigit(text[start - 2 - digits])) digits++
  return digits === 1 || digits === 2 || digits === 4
}

function* phones(text: string): Generator<Match> {
  // Not inside a word or number, and not the month and year of a date (`12-03-2024 14.30`: `03-2024 14.30`
  // has ten digits); after a longer number it may be the next phone number (`06-12345678/0687654321`).
  const free = (start: number, end: number): boolean => {
    const b = text[start - 1]
    return !isWordChar(b) && b !== '+' && !isDigit(text[end]) && !afterDatePart(text, start)
  }
  for (const m of scan(text, PHONE, free)) {
    const digits = m[0].replace(/\D/g, '')
    const national = digits.startsWith('0031') ? `0${digits.slice(4).replace(/^0/, '')}` : digits.startsWith('31') ? `0${digits.slice(2).replace(/^0/, '')}` : digits
    if (national.length !== 10 || national[1] === '0') continue
    // 12-03-2024 14… is a date and a time, not a phone number.
    if (DATE_START.test(m[0])) continue
    yield { kind: 'telefoon', start: m.index, end: m.index + m[0].length }
  }
}

const LOCAL = /[A-Za-z0-9._%+-]/
const DOMAIN = /[A-Za-z0-9.-]/

function* emails(text: string): Generator<Match> {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && at - start < 64 && LOCAL.test(text[start - 1] ?? '')) start--
    let end = at + 1
    while (end < text.length && end - at < 255 && DOMAIN.test(text[end] ?? '')) end++
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--
    while (start < at && text[start] === '.') start++
    const domain = text.slice(at + 1, end)
    if (start === at || !/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) continue
    yield { kind: 'e-mail', start, end }
  }
}

const IBAN = /[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,30}/g

function* ibans(text: string): Generator<Match> {
  IBAN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = IBAN.exec(text))) {
    const start = m.index
    if (isWordChar(text[start - 1])) {
      IBAN.lastIndex = start + 1
      continue
    }
    // The pattern may run on into the next word: try the country's length (or every length) on the
    // characters without separators, and end the match where that many characters end.
    const raw = m[0]
    const ends: number[] = []
    let compact = ''
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] === ' ' || raw[i] === '-') continue
      compact += raw[i]
      ends.push(i + 1)
    }
    const country = compact.slice(0, 2).toUpperCase()
    const known = IBAN_LENGTHS[country]
    const lengths = known ? [known] : Array.from({ length: 20 }, (_, i) => 34 - i)
    let found = false
    for (const length of lengths) {
      if (compact.length < length) continue
      const end = start + (ends[length - 1] as number)
      if (/[A-Za-z0-9]/.test(text[end] ?? '')) continue // an IBAN does not run on into a word
      if (isValidIban(compact.slice(0, length))) {
        yield { kind: 'iban', start, end }
        IBAN.lastIndex = end
        found = true
        break
      }
    }
    if (!found) IBAN.lastIndex = start + 1
  }
}

// 1234 AB 12, 1234AB 12a, 1234 AB, 12 (never SA, SD or SS: those letter pairs are not used).
const POSTCODE = /([1-9]\d{3}) ?([A-Z]{2})[ ,]{1,3}(?:nr\.? ?)?(\d{1,5})(?:[ -]?([A-Za-z])(?![A-Za-z]))?/g
// "Sinds 2023 PB 3x per week", "In 2022 UC 2 keer": a year after a word of time, an abbreviation, a count.
const YEAR_BEFORE = /(?:^|[^\p{L}])(?:sinds|in|vanaf|tot|per|eind|begin|medio|voor|na|rond|circa|ca\.?|jaar)\s+$/iu
const COUNT_AFTER = /^\s*(?:x|keer|maal)(?![\p{L}])/iu

function* addresses(text: string): Generator<Match> {
  for (const m of scan(text, POSTCODE, (start, end) => !isWordChar(text[start - 1]) && !isDigit(text[end]))) {
    if (['SA', 'SD', 'SS'].includes(m[2] ?? '')) continue
    const end = m.index + m[0].length
    const year = Number(m[1])
    if (year >= 1900 && year <= 2099 && YEAR_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
    if (m[4] === 'x' || m[4] === 'X' || (m[4] === undefined && COUNT_AFTER.test(text.slice(end, end + 8)))) continue
    yield { kind: 'adres', start: m.index, end }
  }
}

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec'
// A date: 12-03-1985, 12/3/1985, 12.03.1985, 1985-03-12, 12 maart 1985.
const DATE = new RegExp(`(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2}) (${MONTHS})\\.? (\\d{4})`, 'gi')
// Within 40 characters before the date, on the same line.
const BIRTH = /\b(?:geboren|geb\.?|geboortedatum|geboortedag|geb\.datum|d\.o\.b\.?|dob)(?![\p{L}])/giu

// Between the keyword and the date: another clause ("geboren in Utrecht, woont sinds 12-03-2015").
const OTHER_CLAUSE = /\d|[.!?;]\s|,|\b(?:sinds|vanaf|tot|woont|woonde|wonen|kwam|komt|verhuisd|verhuisde|verhuist|opgenomen|binnen|en|maar|daarna|later|toen)\b/i

function* birthDates(text: string): Generator<Match> {
  for (const m of scan(text, DATE, (start, end) => !isDigit(text[start - 1]) && !isDigit(text[end]))) {
    const day = Number(m[1] ?? m[6] ?? m[7])
    const month = m[2] ?? m[5]
    if (day < 1 || day > 31 || (month !== undefined && (Number(month) < 1 || Number(month) > 12))) continue
    // The 40 characters before the date, on its line (never a search back to the line's start: a long
    // line full of dates would make that quadratic).
    const window = text.slice(Math.max(0, m.index - 40), m.index)
    const before = window.slice(window.lastIndexOf('\n') + 1)
    // The last keyword before the date, with only a few words of the same clause between them
    // ("geboren in Utrecht op").
    let filler: string | undefined
    BIRTH.lastIndex = 0
    for (let k = BIRTH.exec(before); k; k = BIRTH.exec(before)) filler = before.slice(k.index + k[0].length)
    if (filler !== undefined && !OTHER_CLAUSE.test(filler)) yield { kind: 'geboortedatum', start: m.index, end: m.index + m[0].length }
  }
}

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

function* names(text: string): Generator<Match> {
  for (const m of scan(text, NAME, (_, end) => !isWordChar(text[end]))) yield { kind: 'naam', start: m.index, end: m.index + m[0].length }
  for (const m of scan(text, NAME_UPPER, (_, end) => !isWordChar(text[end]))) {
    // The name ends before the first common word ("DHR. JAN EN MEVR. …" is "DHR. JAN"); initials and
    // particles alone are no name.
    const address = /^(?:DE[ \t\u00a0]+HEER|\p{Lu}+)\.?/u.exec(m[0])?.[0].length ?? 0
    let end = m.index
    for (const w of m[0].slice(address).matchAll(/[^ \t\u00a0.]+/g)) {
      if (COMMON_UPPER.has(w[0])) break
      if (w[0].length > 1 && !UPPER_PARTICLES.has(w[0])) end = m.index + address + w.index + w[0].length
    }
    // Go on after what was taken, so that a name inside the rest ("MEVR. PIET") is found too.
    NAME_UPPER.lastIndex = Math.max(end, m.index + 1)
    if (end > m.index) yield { kind: 'naam', start: m.index, end }
  }
}
