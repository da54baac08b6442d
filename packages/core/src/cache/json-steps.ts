/**
 * `JSON.stringify` of plain data in steps, for a caller that must give its thread back while it writes a
 * large structure (the plugin, its persisted index): the text is the one `JSON.stringify` gives.
 */

/**
 * Write a value as JSON, yielding after each member of an array or object down to `depth` levels; the
 * members below that depth are written whole by `JSON.stringify`.
 *
 * @param value Plain data (objects, arrays, strings, numbers, booleans, null; anything else is written
 *   by `JSON.stringify` as it always is).
 * @param depth How many levels of arrays and objects are written member by member.
 * @returns The JSON text, exactly `JSON.stringify(value)` (`undefined` where that gives `undefined`).
 */
export function* jsonSteps(value: unknown, depth: number): Generator<void, string | undefined> {
  const out: string[] = []
  const written = yield* write(value, depth, out)
  return written ? out.join('') : undefined
}

/** Whether `JSON.stringify` leaves the value out of an object (and writes `null` for it in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

function plainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** @returns `false` when nothing was written (the value is one `JSON.stringify` leaves out). */
function* write(value: unknown, depth: number, out: string[]): Generator<void, boolean> {
  if (depth > 0 && Array.isArray(value)) {
    out.push('[')
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',')
      const member: unknown = value[i]
      if (omitted(member) || !(yield* write(member, depth - 1, out))) out.push('null')
      yield
    }
    out.push(']')
    return true
  }
  if (depth > 0 && plainObject(value)) {
    out.push('{')
    let first = true
    for (const key of Object.keys(value)) {
      const member = value[key]
      if (omitted(member)) continue
      const mark = out.length
      out.push(first ? '' : ',', JSON.stringify(key), ':')
      if (yield* write(member, depth - 1, out)) first = false
      else out.length = mark
      yield
    }
    out.push('}')
    return true
  }
  const text = JSON.stringify(value) as string | undefined
  if (text === undefined) return false
  out.push(text)
  return true
}
