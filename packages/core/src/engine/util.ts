/** Small helpers the engine's steps share. */

/** Compare two strings by code unit, as `sort` needs: the same order on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Round to a number of decimals (default 2). */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(n * f) / f
}
