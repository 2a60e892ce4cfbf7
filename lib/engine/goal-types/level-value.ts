import type { Metric } from '../../schema';
import { latestInRange } from '../aggregate';
import { addDays, type DayKey, dayNumber, localDayKey, nextPeriodStart } from '../time-buckets';
import type { GoalFacts, ReadingPeriod } from './reading';
import type { SeriesContext } from './series-context';
import { partialPeriodCounts } from './shared';

/**
 * Which value a level is read at, and the period it refers to — shared by reach-a-level and
 * keep-a-level, so a card's "Nov: 29.9%" and a keep goal's latest period are the same month.
 *
 * - A stock (aggregation 'last', no formula): the latest value logged up to the read day.
 * - Otherwise, per calendar month: the current month once it has a value, when a partial month reads
 *   true (shared.ts, partialPeriodCounts); else the latest complete month. A level to reach reads the
 *   running month only once RUNNING_MONTH_MIN_DAYS of it have passed: a week of a month is too little
 *   to judge a target met on — a conversion key result read "Dec 1–7: 18.4%" (9 customers of 49
 *   leads) and scored 1.00, while the month before had been 10.5%, and its sibling key results, in
 *   money, read November. A keep goal reads it at once: its card is about whether the running month
 *   stays on the right side of its line (keep-level.ts).
 * - Once the window is over: the month its last day falls in.
 */
export interface LevelValue {
  value: number;
  period: ReadingPeriod;
}

/** Days of the running month that must have passed before a level is read on it (half a month). */
export const RUNNING_MONTH_MIN_DAYS = 15;

export function monthEnd(start: DayKey): DayKey {
  return addDays(nextPeriodStart(start, 'month'), -1);
}

export function levelValue(
  f: GoalFacts,
  ctx: SeriesContext,
  metric: Metric,
  minRunningDays = 1,
): LevelValue | null {
  const goal = f.goal;
  if (metric.aggregation === 'last' && !metric.formula) {
    const latest = latestInRange(ctx.rollupsFor(metric.id, goal.dims), { to: f.lastDay });
    if (!latest) return null;
    const day = localDayKey(latest.time, ctx.tz);
    return { value: latest.value, period: { start: day, end: day, granularity: null, partial: false } };
  }
  const starts = ctx.recentStarts('month', 36);
  const months = ctx.metricSeries(metric.id, goal.dims, 'month', starts);
  const at = (i: number): LevelValue | null => {
    const v = months[i];
    const s = starts[i];
    if (v === null || v === undefined || s === undefined) return null;
    const end = monthEnd(s);
    return { value: v, period: { start: s, end, granularity: 'month', partial: end >= ctx.today } };
  };
  const last = starts.length - 1;
  if (f.lastDay < ctx.today) return at(starts.findLastIndex((m) => m <= f.lastDay));
  const runningDays = (starts[last] ? dayNumber(ctx.today) - dayNumber(starts[last]) : 0) + 1;
  if (runningDays >= minRunningDays && partialPeriodCounts(metric, ctx.metrics)) {
    const now = at(last);
    if (now) return now;
  }
  for (let i = last - 1; i >= 0; i--) {
    const v = at(i);
    if (v) return v;
  }
  // No complete month yet: the running month is all there is.
  return at(last);
}
