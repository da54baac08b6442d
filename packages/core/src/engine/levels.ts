/**
 * The three levels of a suggestion, from its score: the one place where the thresholds live, used by the
 * engine (each suggestion's `level` and `weak`), the CLI and the plugin.
 *
 * - **sterk** (score ≥ {@link LEVELS}`.sterk`): the case note plainly names what the note is about, often in
 *   several specific words or a whole signal.
 * - **redelijk** (≥ `LEVELS.redelijk`): specific words of the case note come back in the note; worth a look.
 * - **zwak** (below): a thin match; shown, but marked as such.
 *
 * The thresholds are set on the evaluation set (`tests/eval/`, `pnpm eval` prints the levels by note
 * length): `redelijk` lies a little above the best score any unrelated note reaches (0.52), `sterk` where
 * most suggestions above it are ones a senior colleague expected (of our top-5 items: sterk 84% expected,
 * redelijk 38%, zwak 20%). Scores are corrected for the case note's
 * length (rank.ts), so the levels mean the same for a one-line note and a weekly report.
 */
import type { Level } from './types.js'

/** The lowest score of each level above `zwak`. */
export interface Thresholds {
  sterk: number
  redelijk: number
}

/** The lowest score of each level above `zwak`, for the engine's suggestions. */
export const LEVELS = { sterk: 0.68, redelijk: 0.55 } as const satisfies Thresholds

/**
 * The level of a score against thresholds: the one rule behind every level the core gives (the engine's
 * suggestions here, the link proposals of links/missing.ts with their own thresholds).
 *
 * @param score A score (0–1).
 * @param thresholds The lowest score of `sterk` and of `redelijk`.
 */
export function levelFrom(score: number, thresholds: Thresholds): Level {
  return score >= thresholds.sterk ? 'sterk' : score >= thresholds.redelijk ? 'redelijk' : 'zwak'
}

/**
 * The level of a suggestion's score.
 *
 * @param score A suggestion's score (0–1).
 * @param redelijk The lowest score that is not weak (default {@link LEVELS}`.redelijk`).
 */
export function levelOf(score: number, redelijk: number = LEVELS.redelijk): Level {
  return levelFrom(score, { sterk: Math.max(LEVELS.sterk, redelijk), redelijk })
}
