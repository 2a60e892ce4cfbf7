import type { Goal, Settings } from '../schema';

/**
 * OKR scoring, Google-style: a key result scores 0–1.0 by how far it got from baseline to target.
 * Zones (configurable in Settings.okrZones): red below `low` (0.3), yellow up to `high` (0.7), green
 * from `high`. A committed KR is expected to reach 1.0; a stretch KR is a success at ~0.7.
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
  const zone: OkrZone = score < zones.low ? 'red' : score < zones.high ? 'yellow' : 'green';
  return { score, zone, meetsExpectation: okrType === 'stretch' ? score >= zones.high : score >= 1 };
}

/**
 * Progress of the journey baseline → target reached by `current`, direction-free: 0 at baseline,
 * 1 at target. When target = baseline there's no journey: 1 if the target is met on the metric's good
 * side, else 0.
 */
export function progressFraction(
  baseline: number,
  target: number,
  current: number,
  direction: 'up' | 'down' = 'up',
): number | null {
  if (![baseline, target, current].every(Number.isFinite)) return null;
  const journey = target - baseline;
  if (journey === 0) return (direction === 'up' ? current >= target : current <= target) ? 1 : 0;
  const p = (current - baseline) / journey;
  return Number.isFinite(p) ? p : null;
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

export function okrZone(score: number, zones: Settings['okrZones'] = { low: 0.3, high: 0.7 }): OkrZone {
  return score < zones.low ? 'red' : score < zones.high ? 'yellow' : 'green';
}
