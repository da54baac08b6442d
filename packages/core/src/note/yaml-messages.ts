/**
 * js-yaml's reasons for refusing a frontmatter block, said in Dutch: what is wrong on the line, and what
 * to do about it. js-yaml's own words never reach the user; a reason this table does not know gets a
 * general Dutch explanation.
 */
import { problem, type Problem } from '../problem.js'

/** What a reason is explained with: the reason itself, and the line and column js-yaml points at. */
interface Context {
  reason: string
  line: string
  column: number
}

const QUOTE = 'zet de waarde tussen aanhalingstekens'

/** Reasons in js-yaml 3's loader (lib/js-yaml/loader.js), matched on their start. */
const REASONS: Array<[RegExp, (c: Context) => string]> = [
  [/^duplicated mapping key/, () => 'deze veldnaam komt al eerder voor; voeg de twee velden samen of verwijder er één'],
  [/^bad indentation of a (mapping|sequence) entry/, () => 'deze regel springt verder of minder ver in dan de regels eromheen; laat velden en lijstpunten op hetzelfde niveau even ver inspringen'],
  [
    /^incomplete explicit mapping pair/,
    (c) => `in de waarde staat een dubbele punt met een spatie erna, die YAML als een nieuw veld leest; ${QUOTE} (${quoted(c.line)})`
  ],
  [/^can not read an implicit mapping pair/, () => 'na de waarde staat nog tekst zonder komma of dubbele punt (bijvoorbeeld na een gesloten lijst); schrijf elk veld als `naam: waarde`'],
  [
    /^can not read a block mapping entry/,
    () => 'deze regel is geen veld: er ontbreekt een dubbele punt (`naam: waarde`), een vervolgregel springt niet in, of er staat tekst na een sluitend aanhalingsteken'
  ],
  [/^a whitespace character is expected after the key-value separator/, () => 'na de dubbele punt van een veld hoort een spatie (`naam: waarde`)'],
  [/^missed comma between flow collection entries/, () => 'tussen twee onderdelen van een lijst ontbreekt een komma, of de lijst wordt niet met `]` gesloten'],
  [/^unexpected end of the stream within a flow collection/, () => 'een lijst of verzameling die met `[` of `{` begint, wordt niet gesloten; zet `]` of `}` aan het eind'],
  [/^unexpected end of the (stream|document) within a double quoted scalar/, () => 'een tekst tussen dubbele aanhalingstekens (`"`) wordt niet gesloten; zet het sluitende aanhalingsteken erbij'],
  [/^unexpected end of the (stream|document) within a single quoted scalar/, () => "een tekst tussen enkele aanhalingstekens (`'`) wordt niet gesloten; zet het sluitende aanhalingsteken erbij"],
  [/^end of the stream or a document separator is expected/, unexpected],
  [
    /^(unknown escape sequence|expected hexadecimal character)/,
    () => "een backslash (`\\`) in een tekst tussen dubbele aanhalingstekens begint een teken dat YAML niet kent; schrijf `\\\\` voor een backslash, of gebruik enkele aanhalingstekens (`'...'`)"
  ],
  [/^unidentified alias "(.*)"$/s, (c) => `een waarde die met \`*\` begint, verwijst naar een YAML-anker (\`&${alias(c.reason)}\`) dat er niet is; ${QUOTE}`],
  [/^name of an alias node must contain at least one character/, () => `een losse \`*\` verwijst voor YAML naar een anker zonder naam; ${QUOTE}`],
  [/^name of an anchor node must contain at least one character/, () => `een losse \`&\` begint voor YAML een anker zonder naam; ${QUOTE}`],
  [/^(duplication of an anchor property|alias node should not have any properties)/, () => `een waarde met \`&\` of \`*\` is voor YAML een anker of verwijzing, en hier staan er te veel; ${QUOTE}`],
  [
    /^(unknown tag|undeclared tag handle|duplication of a tag property|cannot resolve a node with|unacceptable node kind for|tag name cannot|named tag handle cannot|tag suffix cannot|unexpected end of the stream within a verbatim tag)/,
    (c) => `een waarde die met \`!\` begint${tag(c.reason)}, is voor YAML een type ("tag"); types worden niet gelezen. ${capital(QUOTE)}`
  ],
  [
    /^(a line break is expected|bad explicit indentation width|repeat of a chomping mode|repeat of an indentation width)/,
    () => 'na `|` of `>` (tekst over meer regels) mag op dezelfde regel alleen een cijfer 1-9, `+` of `-` staan; zet de tekst zelf op de regels eronder, ingesprongen'
  ],
  [/^(the stream contains non-printable characters|expected valid JSON character|null byte is not allowed)/, () => 'op deze regel staat een onzichtbaar stuurteken; typ de regel opnieuw of haal het teken weg'],
  [
    /^(duplication of %YAML|YAML directive|ill-formed argument of the YAML|unacceptable YAML version|TAG directive|ill-formed tag|there is a previously declared suffix|directive name must|directives end mark)/,
    () => `een regel die met \`%\` begint, is voor YAML een instructie; ${QUOTE}`
  ],
  [/^(merge keys exceeded|cannot merge mappings|abnormal merge sequence size)/, () => 'een veld `<<` voegt voor YAML de velden van een anker samen en verwijst hier niet naar velden; geef het veld een andere naam, of zet `"<<"` tussen aanhalingstekens'],
  [/^nested arrays are not supported inside keys/, () => 'een veldnaam tussen `[[` en `]]` is voor YAML een lijst; zet de veldnaam tussen aanhalingstekens, of gebruik een gewone naam'],
  [/^expected a single document in the stream/, () => 'een regel `...` sluit het YAML-document af, en daarna staat nog meer; haal die regel weg']
]

/** 'end of the stream or a document separator is expected': js-yaml read a whole value and found more. */
function unexpected({ line, column }: Context): string {
  const at = line.slice(column).trimStart()[0]
  if (at === ']' || at === '}') return `er staat een sluitend haakje (\`${at}\`) te veel`
  if (at === '@' || at === '`') return `een waarde kan niet met ${at} beginnen; ${QUOTE}`
  if (at === '-' && line.slice(0, column).trim() === '') return 'een lijstpunt (`- `) staat niet onder een veld; zet `naam:` op de regel erboven, of laat het punt inspringen onder zijn veld'
  if (at === '-') return `een waarde die met \`- \` begint, leest YAML als lijst; zet de lijstpunten op de regels eronder, of ${QUOTE}`
  return 'hier staat tekst die niet bij een veld hoort; controleer of elk veld de vorm `naam: waarde` heeft en of haakjes en aanhalingstekens kloppen'
}

/** `titel: "Deel 1: begin"` for the line `titel: Deel 1: begin`; a general example for a long or odd line. */
function quoted(line: string): string {
  const match = /^([^\s:"'#][^:"]*): (.+)$/.exec(line.trim())
  if (!match || line.length > 80) return '`titel: "Deel 1: begin"`'
  return `\`${match[1]}: "${(match[2] ?? '').trim()}"\``
}

function alias(reason: string): string {
  return /^unidentified alias "(.*)"$/s.exec(reason)?.[1] ?? ''
}

/** ` (!!binary)` for js-yaml's `unknown tag !<tag:yaml.org,2002:binary>`, ` (!custom)` for `!<!custom>`. */
function tag(reason: string): string {
  const name = /!<([^>]*)>/.exec(reason)?.[1]
  if (name === undefined) return ''
  const short = name.startsWith('tag:yaml.org,2002:') ? `!!${name.slice('tag:yaml.org,2002:'.length)}` : name
  return short === '' || short === '?' ? '' : ` (\`${short.length > 40 ? `${short.slice(0, 40)}…` : short}\`)`
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const GENERAL = 'de velden kunnen niet gelezen worden; controleer op deze regel de dubbele punten (`naam: waarde`), aanhalingstekens, haakjes en inspringing'

/**
 * The problem for frontmatter YAML that js-yaml refused (or that nests so deep that reading it overflowed
 * the stack), on the line in the file where it went wrong, in Dutch.
 *
 * @param error What js-yaml (or the stack) threw.
 * @param file The note's path.
 * @param rawLine 1-based file line of the first line of `raw`.
 * @param raw The YAML text between the fences.
 */
export function yamlProblem(error: unknown, file: string, rawLine: number, raw: string): Problem {
  const lines = raw.replace(/\n$/, '').split('\n')
  if (error instanceof RangeError) {
    const at = deepestLine(lines)
    return yamlError(file, rawLine + at, 1, 'de velden zijn te diep in elkaar genest (lijsten in lijsten); maak de nesting minder diep')
  }
  const mark = (error as { mark?: { line?: number; column?: number } }).mark
  const reason = (error as { reason?: unknown }).reason
  // js-yaml gets the block with the newline after the opening fence (`yamlBlock`), hence the - 1.
  // An error found at the end of the block (an unclosed bracket) is shown on its last line, not on the fence.
  // A second document has no mark: point at the `...` that ends the first.
  const end = mark === undefined ? lines.findIndex((l) => /^\.\.\.[ \t]*$/.test(l)) : -1
  const index = end !== -1 ? end : Math.min(lines.length - 1, Math.max(0, (mark?.line ?? 0) - 1))
  const column = (mark?.column ?? 0) + 1
  const context: Context = { reason: typeof reason === 'string' ? reason : '', line: lines[index] ?? '', column: column - 1 }
  return yamlError(file, rawLine + index, column, dutchReason(context))
}

function yamlError(file: string, line: number, column: number, text: string): Problem {
  return problem(file, { line, column }, 'error', 'yaml', `Ongeldige YAML in de frontmatter: ${text}. De notitie is zonder velden gelezen.`)
}

function dutchReason(context: Context): string {
  for (const [pattern, explain] of REASONS) if (pattern.test(context.reason)) return explain(context)
  return GENERAL
}

/** The index of the line where brackets first reach their deepest nesting. */
function deepestLine(lines: string[]): number {
  let depth = 0
  let max = 0
  let at = 0
  lines.forEach((line, i) => {
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k)
      if (c === 91 || c === 123) depth++
      else if (c === 93 || c === 125) depth--
      if (depth > max) [max, at] = [depth, i]
    }
  })
  return at
}
