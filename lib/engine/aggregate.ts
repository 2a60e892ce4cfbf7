import type { Aggregation, Dimension, DimensionValues } from '../schema';
import { dimsMatch, parseDimKey } from './dim-key';
import type { DailyRollup, DayStats, Point } from './rollup';
import { rollupFromPoints } from './rollup';
import {
  type CalendarSettings,
  type DayKey,
  type Granularity,
  nextPeriodStart,
  periodStart,
} from './time-buckets';

/** One period's aggregated value. `end` is exclusive (the next period's start). */
export interface PeriodValue {
  start: DayKey;
  end: DayKey;
  value: number;
  /** Observations behind the value. */
  count: number;
}

export interface DayRange {
  /** First local day included. */
  from?: DayKey;
  /** Last local day included. */
  to?: DayKey;
}

/**
 * A rollup with its days sorted once, so range queries are a binary search instead of a scan of every
 * key. Build it when the same rollups are queried many times (evaluateAll); the functions below accept
 * either form. An index is a snapshot: rebuild it after applyPoint / removePoint.
 */
export interface RollupIndex {
  rollup: DailyRollup;
  days: DayKey[];
  stats: DayStats[];
}

export type RollupLike = DailyRollup | RollupIndex;

export function indexRollup(rollup: DailyRollup): RollupIndex {
  const days = Object.keys(rollup.days).sort();
  const stats: DayStats[] = [];
  for (const d of days) stats.push(rollup.days[d] as DayStats);
  return { rollup, days, stats };
}

function asIndex(r: RollupLike): RollupIndex {
  return 'stats' in r ? r : indexRollup(r);
}

/** First index with days[i] >= key. */
function lowerBound(days: readonly DayKey[], key: DayKey): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [from, to) of the days inside `range` (binary search: days are sorted). */
export function dayBounds(ix: Pick<RollupIndex, 'days'>, range: DayRange): [number, number] {
  const a = range.from ? lowerBound(ix.days, range.from) : 0;
  // Days are 'YYYY-MM-DD': every key ≤ to sorts below `${to}~`.
  const b = range.to ? lowerBound(ix.days, `${range.to}~`) : ix.days.length;
  return [a, b];
}

interface Acc {
  sum: number;
  count: number;
  min: number;
  max: number;
  lastTime: number;
  lastValue: number;
}

function mergeDay(acc: Acc | undefined, s: DayStats): Acc {
  if (!acc)
    return {
      sum: s.sum,
      count: s.count,
      min: s.min,
      max: s.max,
      lastTime: s.lastTime,
      lastValue: s.lastValue,
    };
  acc.sum += s.sum;
  acc.count += s.count;
  if (s.min < acc.min) acc.min = s.min;
  if (s.max > acc.max) acc.max = s.max;
  if (s.lastTime >= acc.lastTime) {
    acc.lastTime = s.lastTime;
    acc.lastValue = s.lastValue;
  }
  return acc;
}

function finish(acc: Acc, aggregation: Aggregation): number {
  switch (aggregation) {
    case 'sum':
      return acc.sum;
    case 'average':
      return acc.count > 0 ? acc.sum / acc.count : 0;
    case 'min':
      return acc.min;
    case 'max':
      return acc.max;
    case 'last':
      return acc.lastValue;
  }
}

/** Period accumulators of one rollup. */
function accumulate(
  ix: RollupIndex,
  g: Granularity,
  cal: Omit<CalendarSettings, 'timeZone'>,
  range: DayRange,
): Map<DayKey, Acc> {
  const out = new Map<DayKey, Acc>();
  const [a, b] = dayBounds(ix, range);
  let curKey = '';
  let curEnd = '';
  let acc: Acc | undefined;
  for (let i = a; i < b; i++) {
    const s = ix.stats[i];
    const day = ix.days[i] ?? '';
    if (!s || s.count <= 0) continue;
    // Days are sorted: only look the period up when leaving the current one.
    if (!acc || day >= curEnd) {
      curKey = periodStart(day, g, cal);
      curEnd = nextPeriodStart(curKey, g);
      acc = out.get(curKey);
    }
    acc = mergeDay(acc, s);
    out.set(curKey, acc);
  }
  return out;
}

/**
 * Aggregates day rollups into periods by the metric's rule. Several rollups (one per dimension
 * combination) are combined as follows: sum → sum of sums; average → pooled sum / pooled count;
 * min / max → over all; last → the sum of each combination's latest value in the period, because a
 * "last" metric is a stock (active customers) and the total stock is the sum over segments.
 * Periods without observations are absent: the caller decides whether a gap means 0 or "no value".
 * Stale days (see removePoint) are used as they are.
 */
export function aggregateRollups(
  rollups: readonly RollupLike[],
  aggregation: Aggregation,
  g: Granularity,
  cal: Omit<CalendarSettings, 'timeZone'>,
  range: DayRange = {},
): PeriodValue[] {
  const merged = new Map<DayKey, Acc>();
  const lastSum = new Map<DayKey, number>();
  for (const r of rollups) {
    for (const [key, acc] of accumulate(asIndex(r), g, cal, range)) {
      const m = merged.get(key);
      if (!m) merged.set(key, { ...acc });
      else mergeDay(m, { ...acc });
      if (aggregation === 'last') lastSum.set(key, (lastSum.get(key) ?? 0) + acc.lastValue);
    }
  }
  const out: PeriodValue[] = [];
  for (const [start, acc] of merged) {
    const value = aggregation === 'last' ? (lastSum.get(start) ?? acc.lastValue) : finish(acc, aggregation);
    out.push({ start, end: nextPeriodStart(start, g), value, count: acc.count });
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Rollups of `metricId` whose dimensions match `filter` (all of a goal's dims must match). */
export function selectRollups(
  rollups: readonly DailyRollup[],
  metricId: string,
  filter?: DimensionValues,
): DailyRollup[] {
  const hasFilter = filter && Object.keys(filter).length > 0;
  return rollups.filter(
    (r) => r.metricId === metricId && (!hasFilter || dimsMatch(parseDimKey(r.dimKey), filter)),
  );
}

/**
 * Breaks a metric down by one dimension: value of the dimension → its periods. Rollups without that
 * dimension land under '' ("not set"), so the parts still add up to the total for sum metrics.
 */
export function breakdown(
  rollups: readonly DailyRollup[],
  dimension: Dimension,
  aggregation: Aggregation,
  g: Granularity,
  cal: Omit<CalendarSettings, 'timeZone'>,
  range: DayRange = {},
): Map<string, PeriodValue[]> {
  const groups = new Map<string, DailyRollup[]>();
  for (const r of rollups) {
    const v = parseDimKey(r.dimKey)[dimension] ?? '';
    const list = groups.get(v);
    if (list) list.push(r);
    else groups.set(v, [r]);
  }
  const out = new Map<string, PeriodValue[]>();
  for (const [v, list] of groups) out.set(v, aggregateRollups(list, aggregation, g, cal, range));
  return out;
}

/** Convenience for raw points (imports, previews): rolls them up and aggregates. */
export function bucketPoints(
  points: readonly Point[],
  aggregation: Aggregation,
  g: Granularity,
  cal: CalendarSettings,
  range: DayRange = {},
): PeriodValue[] {
  return aggregateRollups(rollupFromPoints('_', points, cal.timeZone), aggregation, g, cal, range);
}

/** Aligns aggregated periods onto `starts`, filling gaps with `fill` (0 for sum metrics, null otherwise). */
export function alignPeriods<F extends number | null>(
  periods: readonly PeriodValue[],
  starts: readonly DayKey[],
  fill: F,
): Array<number | F> {
  const byStart = new Map(periods.map((p) => [p.start, p.value]));
  return starts.map((s) => byStart.get(s) ?? fill);
}

/** Sum of day sums within a range: the progress of a cumulative goal, without any period bucketing. */
export function sumInRange(rollups: readonly RollupLike[], range: DayRange): number {
  let total = 0;
  for (const r of rollups) {
    const ix = asIndex(r);
    const [a, b] = dayBounds(ix, range);
    for (let i = a; i < b; i++) total += ix.stats[i]?.sum ?? 0;
  }
  return total;
}

/** The latest value at or before `to` for a stock ("last") metric: sum over dimension combinations. */
export function latestInRange(
  rollups: readonly RollupLike[],
  range: DayRange,
): { value: number; time: number } | null {
  let found = false;
  let value = 0;
  let time = 0;
  for (const r of rollups) {
    const ix = asIndex(r);
    const [a, b] = dayBounds(ix, range);
    // Days are sorted and each day's last point is within the day: the latest is the last day in range.
    const best = b > a ? ix.stats[b - 1] : undefined;
    if (best) {
      found = true;
      value += best.lastValue;
      if (best.lastTime > time) time = best.lastTime;
    }
  }
  return found ? { value, time } : null;
}
