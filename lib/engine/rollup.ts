import * as z from 'zod/mini';
import { FiniteNumber, Id, type Observation, Timestamp } from '../schema';
import { dimKey } from './dim-key';
import { type DayKey, localDayKey } from './time-buckets';

/**
 * Per-metric, per-dimension-combination, per-local-day summaries. The surfaces never need raw points:
 * every period aggregation (sum, average, last, min, max) can be computed from these, so storage
 * persists rollups next to the observation blocks and the engine reads only rollups.
 *
 * Defined as a zod schema (not an interface) so storage can parse rollups at the IndexedDB boundary;
 * it could move to lib/schema/ once that folder's owner takes it.
 */
export const DayStats = z.object({
  sum: FiniteNumber,
  count: z.int().check(z.gte(0)),
  min: FiniteNumber,
  max: FiniteNumber,
  lastTime: Timestamp,
  lastValue: FiniteNumber,
  /** Set by removePoint when min, max or last may be wrong: recompute the day from its points. */
  stale: z.optional(z.boolean()),
});
export type DayStats = z.infer<typeof DayStats>;

export const DailyRollup = z.object({
  metricId: Id,
  dimKey: z.string(),
  /** Days are local to this zone; a rollup built for another zone must be rebuilt, not reused. */
  timeZone: z.string(),
  /** Local day 'YYYY-MM-DD' → stats. A plain object so the rollup is JSON- and IndexedDB-serialisable. */
  days: z.record(z.string(), DayStats),
});
export type DailyRollup = z.infer<typeof DailyRollup>;

/** What the engine needs of an observation. */
export type Point = Pick<Observation, 'time' | 'value'> & Partial<Pick<Observation, 'dims'>>;

export function emptyRollup(metricId: string, key: string, timeZone: string): DailyRollup {
  return { metricId, dimKey: key, timeZone, days: {} };
}

/**
 * Adds one point. Mutates and returns `rollup`: O(1) per point, where returning a copy would cost
 * O(days). Non-finite values are ignored (zod refuses them upstream; this is a second fence).
 */
export function applyPoint(
  rollup: DailyRollup,
  point: Point,
  timeZone: string = rollup.timeZone,
): DailyRollup {
  const { time, value } = point;
  if (!Number.isFinite(value) || !Number.isFinite(time)) return rollup;
  const day = localDayKey(time, timeZone);
  const s = rollup.days[day];
  if (!s) {
    rollup.days[day] = { sum: value, count: 1, min: value, max: value, lastTime: time, lastValue: value };
    return rollup;
  }
  s.sum += value;
  s.count += 1;
  if (value < s.min) s.min = value;
  if (value > s.max) s.max = value;
  // Ties go to the point applied later, so re-applying an edited value at the same time wins.
  if (time >= s.lastTime) {
    s.lastTime = time;
    s.lastValue = value;
  }
  return rollup;
}

/**
 * Removes one previously applied point. Sum and count stay exact. When the removed value was the day's
 * min, max or last, those can't be known without the day's other points: the day is flagged `stale`
 * (its values stay as an approximation) and the caller recomputes it with `recomputeDay`.
 * Returns true when the day is exact after the removal.
 */
export function removePoint(rollup: DailyRollup, point: Point, timeZone: string = rollup.timeZone): boolean {
  const { time, value } = point;
  if (!Number.isFinite(value) || !Number.isFinite(time)) return true;
  const day = localDayKey(time, timeZone);
  const s = rollup.days[day];
  if (!s) return true;
  if (s.count <= 1) {
    delete rollup.days[day];
    return true;
  }
  s.count -= 1;
  s.sum -= value;
  if (value <= s.min || value >= s.max || time >= s.lastTime) s.stale = true;
  return !s.stale;
}

/** Replaces one day's stats by a fresh summary of all its points (after removals flagged it stale). */
export function recomputeDay(
  rollup: DailyRollup,
  day: DayKey,
  pointsOfDay: readonly Point[],
  timeZone: string = rollup.timeZone,
): DailyRollup {
  delete rollup.days[day];
  for (const p of pointsOfDay) if (localDayKey(p.time, timeZone) === day) applyPoint(rollup, p, timeZone);
  return rollup;
}

export function staleDays(rollup: DailyRollup): DayKey[] {
  return Object.keys(rollup.days).filter((d) => rollup.days[d]?.stale);
}

/** Builds one rollup per dimension combination of one metric's points. */
export function rollupFromPoints(
  metricId: string,
  points: readonly Point[],
  timeZone: string,
): DailyRollup[] {
  const byKey = new Map<string, DailyRollup>();
  for (const p of points) {
    const key = dimKey(p.dims);
    let r = byKey.get(key);
    if (!r) {
      r = emptyRollup(metricId, key, timeZone);
      byKey.set(key, r);
    }
    applyPoint(r, p, timeZone);
  }
  return [...byKey.values()];
}
