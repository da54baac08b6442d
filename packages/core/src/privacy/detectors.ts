/**
 * The detectors of the privacy check for numbers, e-mail addresses, postcodes and birth dates: each yields
 * the matches of one kind, checked where it stands (not inside a word, a longer number or a date). The
 * scan in ../privacy.ts removes overlaps between them; names are in names.ts.
 */
import type { PrivacyKind } from '../privacy.js'

/** One match of a detector: its kind and where it stands. */
export interface Match {
  kind: PrivacyKind
  start: number
  end: number
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

/** Whether a character is a digit. */
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
/** Whether a character is a letter, digit or underscore. */
export const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c)

/**
 * Matches of a global pattern that pass a test of where they stand (instead of lookbehind, which old iOS
 * lacks). The test gets the match's start and end in the text.
 */
export function* scan(text: string, pattern: RegExp, free: (start: number, end: number) => boolean): Generator<RegExpExecArray> {
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

/** Citizen service numbers: nine digits that pass the elfproef, not part of a longer number or an amount. */
export function* bsns(text: string): Generator<Match> {
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

/** Dutch phone numbers, not inside a word or number and not the month, year and time of a date. */
export function* phones(text: string): Generator<Match> {
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

/** E-mail addresses: a local part, `@` and a domain with a top-level domain. */
export function* emails(text: string): Generator<Match> {
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

/** IBANs with a valid mod-97 check, of the length of their country. */
export function* ibans(text: string): Generator<Match> {
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

/** A postcode with a house number, not a year with an abbreviation and a count (`sinds 2023 PB 3x`). */
export function* addresses(text: string): Generator<Match> {
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

/** Dates after a birth keyword in the same clause. */
export function* birthDates(text: string): Generator<Match> {
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
