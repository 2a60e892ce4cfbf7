import type { Goal, Settings, Unit } from '../schema';
import {
  clampProgress,
  directionSign,
  goodJourney,
  journeyFloor,
  meetsTarget,
  PROGRESS_MIN,
} from './journey';

/**
 * OKR scoring, Google-style: a key result scores 0–1.0 by how far it got from baseline to target.
 * Zones (configurable in Settings.okrZones): red up to `low` (0.3, included), yellow below `high`
 * (0.7), green from `high`. A committed KR is expected to reach 1.0; a stretch KR is a success at ~0.7.
 */

export type OkrZone = 'red' | 'yellow' | 'green';

export interface KrScore {
  score: number;
  zone: OkrZone;
  /** committed: score ≥ 1; stretch: score ≥ zones.high. */
  meetsExpectation: boolean;
}

/** Progress (0 = baseline, 1 = target, may go beyond) → a 0..1 score; null progress → null. */
export function krScore(
  progress: number | null,
  okrType: Goal['okrType'],
  zones: Settings['okrZones'] = { low: 0.3, high: 0.7 },
): KrScore | null {
  if (progress === null || !Number.isFinite(progress)) return null;
  const score = Math.round(Math.min(1, Math.max(0, progress)) * 100) / 100;
  const zone = okrZone(score, zones);
  return { score, zone, meetsExpectation: okrType === 'stretch' ? score >= zones.high : score >= 1 };
}

/**
 * Progress towards the target, 1 meaning "target met" (journey.ts has the reasoning):
 * - A real journey (the target lies at least 10% of its size beyond the baseline, in the metric's good
 *   direction): 0 at baseline, 1 at target, linear in between and beyond.
 * - A hold-a-level target (a shorter journey, target = baseline, or a target on the wrong side of the
 *   baseline): 1 while the current value meets the target, else 1 − shortfall ÷ (10% of the target;
 *   for a percentage, of its distance to 0 or 100 — see journeyFloor).
 *   "Keep margin ≥ 30%" at 29.5% is 0.83, at 27% is 0; exceeding such a target is not progress beyond 1.
 * Either way a value that meets the target on the good side gives at least 1, and the result is clamped
 * to −1..2 so one wild goal can't swamp a weighted roll-up.
 */
export function progressFraction(
  baseline: number,
  target: number,
  current: number,
  direction: 'up' | 'down' = 'up',
  unit?: Unit['kind'],
): number | null {
  if (![baseline, target, current].every(Number.isFinite)) return null;
  const journey = goodJourney(baseline, target, direction);
  const floor = journeyFloor(baseline, target, unit);
  const met = meetsTarget(current, target, direction);
  let p: number;
  if (journey > 0 && journey >= floor) p = 1 + (directionSign(direction) * (current - target)) / journey;
  else if (met) p = 1;
  else p = floor > 0 ? 1 - Math.abs(current - target) / floor : PROGRESS_MIN;
  return Number.isFinite(p) ? clampProgress(p) : null;
}

/**
 * Objective progress: weighted mean of its key results' scores. KRs without a score are left out; if
 * every weight is zero the KRs count equally. Null when no KR has a score.
 */
export function objectiveScore(krs: ReadonlyArray<{ score: number | null; weight: number }>): number | null {
  const scored = krs.filter(
    (k): k is { score: number; weight: number } => k.score !== null && Number.isFinite(k.score),
  );
  if (!scored.length) return null;
  const total = scored.reduce((a, k) => a + Math.max(0, k.weight), 0);
  const value =
    total > 0
      ? scored.reduce((a, k) => a + k.score * Math.max(0, k.weight), 0) / total
      : scored.reduce((a, k) => a + k.score, 0) / scored.length;
  return Math.round(value * 100) / 100;
}

/**
 * Google's grading: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green, so `low` itself is red and `high`
 * itself green. A KR at 0.30 had read "yellow zone" beside a red-looking bar.
 */
export function okrZone(score: number, zones: Settings['okrZones'] = { low: 0.3, high: 0.7 }): OkrZone {
  return score <= zones.low ? 'red' : score < zones.high ? 'yellow' : 'green';
}
