/**
 * The sentence cutter of the passages (passages.ts): a text as [start, end) sentences. It cuts after `.`,
 * `!` or `?` followed by white space, and at every line end, but not after the dot of a Dutch abbreviation
 * or an initial, so «Gesprek met TH dhr. Bakker over zijn schulden» stays one sentence.
 *
 * The rule, on one line (a line end always ends a sentence, so an abbreviation at the end of a line ends
 * its sentence there):
 * - after a title or an abbreviation that stands inside a sentence ({@link INSIDE}: dhr., mw., bijv.,
 *   o.a., i.p.v., p. …) the sentence goes on, whatever follows;
 * - after an abbreviation that often closes a sentence ({@link CLOSING}: enz., etc., z.s.m., jl. …) and
 *   after an initial («J.», «C.P.F.») the sentence ends only when the next word starts with a capital
 *   letter that is not itself an initial: «J. de Vries» and «dhr. A. vroeg» go on, «via mw. F. Zij
 *   schrijft» ends after «F.», and so does «enz. Morgen verder». In the case notes an initial mostly
 *   stands for a client's or a colleague's name, and a capital word after it starts the next sentence;
 *   «J. Bakker» is therefore cut after «J.», the one case this rule gets wrong.
 * Only a single dot counts as an abbreviation's: «enz...» and «dhr.!» end the sentence as before.
 */

/**
 * Abbreviations after which a sentence goes on: titles before a name, and words that stand before the rest
 * of their sentence. Lower case, without the final dot. Found in the eval case notes: dhr. (189 times),
 * mw. (63), o.a., i.o.m., bv.; in the library: p. (page numbers, «2010, p. 135») and bv.; in the report:
 * bijv., o.a., t.a.v., i.v.m. The others are the common ones of Dutch case notes.
 */
const INSIDE = new Set(['dhr', 'mevr', 'mw', 'mr', 'dr', 'bijv', 'bv', 'o.a', 'i.p.v', 'm.b.t', 't.a.v', 'i.o.m', 'i.v.m', 'n.a.v', 'd.w.z', 'ca', 'nl', 'evt', 'incl', 'excl', 'p', 'nr', 'zgn'])

/**
 * Abbreviations that often close a sentence: it ends after them when the next word starts with a capital.
 * Found in the report: etc. (5 times), e.d.; the others are common in case notes.
 */
const CLOSING = new Set(['enz', 'etc', 'e.d', 'e.a', 'z.s.m', 'jl', 'a.s'])

/** The longest word before a dot that can be an abbreviation or initials («J.P.M.A.»), in characters. */
const LONGEST = 8

/**
 * The sentences of a text as [start, end) offsets, trimmed of white space; empty stretches are left out.
 * No lookbehind (mobile Safari).
 *
 * @param text The text.
 */
export function sentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let start = 0
  const cut = (end: number, next: number): void => {
    // Trimmed of white space (what `\s` and `trim` count as such); nothing left, nothing pushed.
    let s = start
    let e = end
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (s < e) out.push([s, e])
    start = next
  }
  for (const m of text.matchAll(/[.!?]+[ \t]+|\n+/g)) {
    if (m[0].startsWith('\n')) cut(m.index, m.index + m[0].length)
    else if (!goesOn(text, m.index, m.index + m[0].length)) cut(m.index + m[0].trimEnd().length, m.index + m[0].length)
  }
  cut(text.length, text.length)
  return out
}

/**
 * Whether the sentence goes on after the mark at `at`, followed by white space up to `next`: it is the one
 * dot of an abbreviation or an initial that does not end its sentence (the rule above). Char codes, no
 * regular expression for plain ASCII: this runs at every sentence end of every case note.
 */
function goesOn(text: string, at: number, next: number): boolean {
  if (text.charCodeAt(at) !== 46 || isMark(text.charCodeAt(at + 1))) return false
  // The word before the dot: letters and dots back to white space, other punctuation or the start.
  let from = at
  while (from > 0 && at - from < LONGEST && isWordChar(text.charCodeAt(from - 1))) from--
  if (from === at || (from > 0 && isWordChar(text.charCodeAt(from - 1)))) return false
  const word = text.slice(from, at)
  const initial = isInitials(word)
  if (!initial && INSIDE.has(word.toLowerCase())) return true
  if (!initial && !CLOSING.has(word.toLowerCase())) return false
  // An initial or a closing abbreviation: the sentence ends before a capital that is no initial.
  return !isUpper(text.charCodeAt(next)) || text.charCodeAt(next + 1) === 46
}

/** Whether a word is one or more initials written together: «J», «C.P.F». */
function isInitials(word: string): boolean {
  if (word.length % 2 === 0) return false
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (i % 2 === 1 ? c !== 46 : !isUpper(c)) return false
  }
  return true
}

/** Whether a character code is a letter or a dot (part of an abbreviation). */
function isWordChar(c: number): boolean {
  if (c < 128) return c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
  return /\p{L}/u.test(String.fromCharCode(c))
}

/** Whether a character code is an upper-case letter (`NaN`, past the end, is not). */
function isUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90
  return /\p{Lu}/u.test(String.fromCharCode(c))
}

/** Whether a character code is `.`, `!` or `?`. */
function isMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63
}

/** Whether a character code is white space as `\s` and `String.prototype.trim` see it. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13)
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}
