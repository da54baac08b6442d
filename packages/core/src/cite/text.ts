/**
 * The text building blocks of the APA formatter (`apa.ts`): formatted text with italics and links, the
 * joining of parts with APA's punctuation (no `..`, a `?` swallows the `.` after it), title case for
 * English names of journals, page ranges and name lists.
 *
 * Formatted text is a plain string with marker characters (from Unicode's private use area, which
 * {@link plain} takes out of what a note gives) for the start and end of italics and links, so that
 * joining and punctuation work on strings; {@link render} turns it into plain text, markdown or HTML. The rules follow citeproc-js with the official CSL style, which the tests hold it to.
 */

/** Markers in formatted text: start and end of italics, start and end of a link. */
const I = '\ue000'
const I_END = '\ue001'
const A = '\ue002'
const A_END = '\ue003'
const MARKERS = /[\ue000-\ue003]/g

/** Text in italics (nothing for empty text). */
export const italic = (text: string): string => (visible(text) === '' ? '' : `${I}${text}${I_END}`)
/** A link that shows its own address. */
export const link = (url: string): string => `${A}${url}${A_END}`

/** A text of a note without anything that could be taken for a marker. */
export function plain(text: string): string {
  return text.replace(MARKERS, '')
}

/** The text without markers. */
export function visible(text: string): string {
  return text.replace(MARKERS, '')
}

/** Output formats: plain text, markdown (`*italics*`, `<links>`) or HTML (`<i>`, `<a>`, escaped). */
export type Format = 'text' | 'html' | 'markdown'

/** Formatted text in an output format. */
export function render(text: string, format: Format): string {
  if (format === 'text') return visible(text)
  if (format === 'markdown') return text.replace(/[\ue000\ue001]/g, '*').replace(/\ue002/g, '<').replace(/\ue003/g, '>')
  let out = ''
  let href: string | undefined
  for (const part of text.split(/([\ue000-\ue003])/)) {
    if (part === I) out += '<i>'
    else if (part === I_END) out += '</i>'
    else if (part === A) href = ''
    else if (part === A_END) {
      out += `<a href="${escapeHtml(href ?? '')}">${escapeHtml(href ?? '')}</a>`
      href = undefined
    } else if (href !== undefined) href += part
    else out += escapeHtml(part)
  }
  return out
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;')
}

// What one punctuation mark followed by another becomes (citeproc-js's table); a mark followed by
// itself becomes one.
const MERGE: Record<string, Record<string, string>> = {
  '!': { '.': '!', '?': '!?', ':': '!', ',': '!,', ';': '!;' },
  '?': { '!': '?!', '.': '?', ':': '?', ',': '?,', ';': '?;' },
  '.': { '!': '.!', '?': '.?', ':': '.:', ',': '.,', ';': '.;' },
  ':': { '!': '!', '?': '?', '.': ':', ',': ':,', ';': ':;' },
  ',': { '!': ',!', '?': ',?', ':': ',:', '.': ',.', ';': ',;' },
  ';': { '!': '!', '?': '?', ':': ';', ',': ';,', '.': ';' }
}

/**
 * Two pieces of formatted text one after the other, with the punctuation where they meet merged: `A.`
 * and `. B` give `A. B`, `Why?` and `. B` give `Why? B`.
 */
export function glue(left: string, right: string): string {
  const l = lastVisible(left)
  const r = firstVisible(right)
  if (l === undefined || r === undefined) return left + right
  const merged = l.char === r.char ? l.char : MERGE[l.char]?.[r.char]
  if (merged === undefined) return left + right
  // The merged mark stays where the left one was (inside italics, before the end of a link).
  return left.slice(0, l.at) + merged + left.slice(l.at + 1) + right.slice(0, r.at) + right.slice(r.at + 1)
}

function lastVisible(text: string): { char: string; at: number } | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charAt(i)
    if (c >= I && c <= A_END) continue
    return c in MERGE ? { char: c, at: i } : undefined
  }
  return undefined
}

function firstVisible(text: string): { char: string; at: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (c >= I && c <= A_END) continue
    return c in MERGE ? { char: c, at: i } : undefined
  }
  return undefined
}

/**
 * The parts that are not empty, joined with a delimiter; `''` when all are empty (a CSL group).
 *
 * @param parts Formatted texts.
 * @param delimiter Between two parts.
 * @param affixes Around the whole, only when it is not empty.
 */
export function join(parts: ReadonlyArray<string | undefined>, delimiter = '', affixes: { prefix?: string; suffix?: string } = {}): string {
  const present = parts.filter((p): p is string => p !== undefined && visible(p) !== '')
  if (present.length === 0) return ''
  let out = affixes.prefix ?? ''
  present.forEach((part, i) => {
    out = i === 0 ? out + part : glue(out, delimiter + part)
  })
  return affixes.suffix === undefined ? out : glue(out, affixes.suffix)
}

/**
 * Names joined as APA lists them: `A`, `A & B` (`A, & B` with `twoComma`), `A, B, & C`; from 21 names
 * on the first 19, `…` and the last.
 */
export function nameList(names: readonly string[], twoComma: boolean): string {
  if (names.length <= 1) return names[0] ?? ''
  if (names.length >= 21) return `${names.slice(0, 19).join(', ')}, … ${names[names.length - 1] ?? ''}`
  if (names.length === 2) return `${names[0] ?? ''}${twoComma ? ',' : ''} & ${names[1] ?? ''}`
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1] ?? ''}`
}

/**
 * A page range as APA writes it: an en dash, and the second number in full (`123-45` → `123–145`).
 * Anything else (`e123`, `S12-S20`) is left as it is, apart from the dash.
 */
export function pages(text: string): string {
  return text.replace(/(\d+)\s*[-–‑]+\s*(\d+)/g, (_, from: string, to: string) => {
    const full = to.length < from.length ? from.slice(0, from.length - to.length) + to : to
    return `${from}–${Number(full) > Number(from) ? full : to}`
  })
}

/** Whether a page text names more than one page (`12–15`, `3, 7`): `pp.` instead of `p.`. */
export function severalPages(text: string): boolean {
  return /\d\s*[-–‑,&]\s*\S/.test(text)
}

// The small words that stay lower case in title case (citeproc-js's list), matched as in citeproc-js.
const SMALL_WORDS =
  "about|above|across|afore|after|against|al|along|alongside|amid|amidst|among|amongst|anenst|apropos|apud|around|as|aside|astride|at|athwart|atop|barring|before|behind|below|beneath|beside|besides|between|beyond|but|by|circa|despite|down|during|et|except|for|forenenst|from|given|in|inside|into|lest|like|modulo|near|next|notwithstanding|of|off|on|onto|out|over|per|plus|pro|qua|sans|since|than|through| thru|throughout|thruout|till|to|toward|towards|under|underneath|until|unto|up|upon|versus|vs.|v.|vs|v|via|vis-à-vis|with|within|without|according to|ahead of|apart from|as for|as of|as per|as regards|aside from|back to|because of|close to|due to|except for|far from|inside of|instead of|near to|next to|on to|out from|out of|outside of|prior to|pursuant to|rather than|regardless of|such as|that of|up to|where as|or|yet|so|for|and|nor|a|an|the|de|d'|von|van|c|ca"
const SMALL = `(?:(?:[?!:]*\\s+|-|^)(?:${SMALL_WORDS})(?=[!?:]*\\s+|-|$))`
// Where title case splits a text: quotes, dashes, slashes and punctuation (citeproc-js's "tags").
const SPLIT = /(\u2018|\u2019|\u201C|\u201D| "| '|"|'|[-\u2013\u2014/.,;?!:]|\[|\]|\(|\))/

/**
 * Title case as citeproc-js applies it to English titles (`text-case="title"`): every word that is
 * all lower case and not a small word gets a capital, and so do the first word, the word after `:`,
 * `?` or `!`, a small word before a hyphen, and a small word at the end. Words with a capital stay.
 */
export function titleCase(text: string): string {
  const pieces = text.split(SPLIT)
  const small = new RegExp(SMALL)
  let first = true
  let afterPunct = false
  let last: { piece: number; word: number } | undefined
  const words: string[][] = []
  for (let p = 0; p < pieces.length; p += 2) {
    const tag = p > 0 ? (pieces[p - 1] ?? '') : ''
    if (/[!?:]$/.test(tag)) afterPunct = true
    const str = pieces[p] ?? ''
    const list = str.split(/([\u0020\u00A0\u2000-\u200B\u205F\u3000]+)/)
    words.push(list)
    if (str.trim() === '') continue
    // citeproc-js looks at the tag after a piece only for the first piece.
    const following = p === 0 ? pieces[1] : undefined
    for (let w = 0; w < list.length; w += 2) {
      const word = list[w] ?? ''
      if (word === '') continue
      const lower = word.toLowerCase()
      const capitalize = (word.length > 1 && !small.test(lower)) || (w === list.length - 1 && following === '-') || first || afterPunct
      if (capitalize && word === lower) list[w] = capitalise(word)
      afterPunct = false
      first = false
      last = { piece: p / 2, word: w }
    }
  }
  if (last) {
    const list = words[last.piece] ?? []
    const word = list[last.word] ?? ''
    if (word.length > 1 && small.test(word.toLowerCase())) list[last.word] = capitalise(word)
  }
  return pieces.map((piece, i) => (i % 2 === 1 ? piece : (words[i / 2] ?? []).join(''))).join('')
}

/** The first character in upper case (as citeproc-js: not a lone Greek letter). */
export function capitalise(word: string): string {
  const m = /^(\s*)([\s\S])([\s\S]*)$/u.exec(word)
  if (!m || (/^[\u0370-\u03FF]$/.test(m[2] ?? '') && !m[3])) return word
  return (m[1] ?? '') + (m[2] ?? '').toUpperCase() + (m[3] ?? '')
}

const LETTER = "[&a-zA-Z\\u0e01-\\u0e5b\\u00c0-\\u017f\\u0370-\\u03ff\\u0400-\\u052f\\u0590-\\u05d4\\u05d6-\\u05ff\\u1f00-\\u1fff\\u0600-\\u06ff\\u200c-\\u200e\\u0218\\u0219\\u021a\\u021b\\u202a-\\u202e]"
const APOSTROPHE_IN_WORD = new RegExp(`(${LETTER})\u2019(${LETTER})`, 'g')
const QUOTE_TAGS = / "| '|\("|\('|“|”|‘|’|"|'/g
const OPENERS: Record<string, string> = { ' "': '"', " '": "'", '("': '"', "('": "'", '“': '”', '‘': '’' }

/**
 * Straight quotes as typographic ones, as citeproc-js sets them: a pair of `"…"` or `'…'` becomes
 * `“…”` (the kind that comes first) or `‘…’` (the other kind, inside), and an apostrophe becomes `’`
 * (`people’s`, `van ’t Veer`). A quote without its pair stays as it is.
 */
export function quotes(text: string): string {
  if (!/["'“”‘’]/.test(text)) return text
  const source = ` ${text.replace(APOSTROPHE_IN_WORD, "$1'$2")}`
  const tags = source.match(QUOTE_TAGS) ?? []
  const strings = source.split(QUOTE_TAGS)
  // What each tag becomes: a quote of a pair (`open`/`close`), or literal text.
  const out: Array<{ text: string; pair?: 'open' | 'close'; kind?: string }> = tags.map((t) => ({ text: t }))
  const stack: number[] = []
  tags.forEach((tag, i) => {
    const next = strings[i + 1] ?? ''
    if (tag === "'" && /^[^,.?:; ]/.test(next)) {
      out[i] = { text: '’' }
      return
    }
    if (tag === " '" && next.startsWith(' ')) {
      out[i] = { text: ' ’' }
      return
    }
    if (OPENERS[tag] !== undefined) {
      stack.push(i)
      return
    }
    for (;;) {
      const top = stack[stack.length - 1]
      if (top !== undefined && OPENERS[tags[top] ?? ''] === tag) {
        stack.pop()
        out[top] = { text: tags[top] ?? '', pair: 'open', kind: tags[top] ?? '' }
        out[i] = { text: tag, pair: 'close', kind: tags[top] ?? '' }
        return
      }
      if (tag === "'") {
        out[i] = { text: '’' }
        return
      }
      if (top === undefined) return
      stack.pop()
      if (tag === "'") return
    }
  })
  for (const i of stack) out[i] = { text: tags[i] === " '" || tags[i] === "'" ? ' ’' : (tags[i] ?? '') }
  const first = out.find((o) => o.pair === 'open' && [' "', " '", '("', "('"].includes(o.kind ?? ''))?.kind
  const outer = first === " '" || first === "('" ? "'" : '"'
  let result = strings[0] ?? ''
  out.forEach((o, i) => {
    let t = o.text
    if (o.pair !== undefined) {
      const kind = o.kind ?? ''
      const lead = o.pair === 'open' && (kind.startsWith(' ') || kind.startsWith('(')) ? kind.charAt(0) : ''
      const single = kind === '‘' || (OPENERS[kind] === "'" && outer === '"') || (OPENERS[kind] === '"' && outer === "'" && kind !== '“')
      t = lead + (o.pair === 'open' ? (single ? '‘' : '“') : single ? '’' : '”')
    }
    result += t + (strings[i + 1] ?? '')
  })
  return result.slice(1)
}
