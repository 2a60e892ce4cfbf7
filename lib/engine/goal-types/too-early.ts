import { MIN_MODEL_POINTS } from '../forecast';
import { type DayKey, nextPeriodStart, startOfLocalDay } from '../time-buckets';
import type { GoalFacts, TypeReading } from './reading';

/**
 * What a goal that is "too early to tell" (status.ts rule 5b: a value, no signal yet) waits for, so
 * its card says when it will be judged instead of "No data yet" beside its own figures:
 *
 * - `paceFrom`: a total logged once a month is first paced at the close of its window's first month
 *   (reach-total.ts paceAtLastClose): the first day of the month after the one its window starts in.
 * - `periods`: the status's forecast is a fitted one (a rough run-rate estimate never decides it), so
 *   it waits for MIN_MODEL_POINTS complete periods of data; `have` says how many there are so far.
 * - `noStart`: without a start date there is no straight line to be behind or ahead of: pace needs one.
 *
 * Null when the goal is not too early to tell.
 */
export interface TooEarly {
  paceFrom: number | null;
  periods: { needed: number; have: number; granularity: 'week' | 'month' } | null;
  noStart: boolean;
}

export function tooEarlyOf(f: GoalFacts, r: TypeReading, timeZone: string): TooEarly | null {
  if (!r.statusReasons.includes('too_early')) return null;
  const goal = f.goal;
  let paceFrom: number | null = null;
  if (f.windowOk && f.target !== null && r.pace === null && f.startDay) {
    const monthStart: DayKey = `${f.startDay.slice(0, 7)}-01`;
    paceFrom = startOfLocalDay(nextPeriodStart(monthStart, 'month'), timeZone);
  }
  const basis = r.forecastBasis;
  const g = basis?.granularity;
  const periods =
    basis &&
    (g === 'week' || g === 'month') &&
    goal.deadline !== undefined &&
    f.target !== null &&
    basis.history.length < MIN_MODEL_POINTS
      ? { needed: MIN_MODEL_POINTS, have: basis.history.length, granularity: g }
      : null;
  return { paceFrom, periods, noStart: goal.startAt === undefined };
}
