import { aggregateRollups, alignPeriods, selectRollups } from '../engine/aggregate';
import { derivedSeries } from '../engine/formula';
import type { DailyRollup } from '../engine/rollup';
import {
  addDays,
  type CalendarSettings,
  type DayKey,
  type Granularity,
  nextPeriodStart,
  periodStarts,
} from '../engine/time-buckets';
import type { DimensionValues, Metric } from '../schema';

/**
 * A metric's value per period (base or derived by formula), for charts, sparklines and the growth
 * table, by the engine's rule (goal-types/series-context.ts): a sum metric counts an empty period as 0
 * from the period holding its first day of data on, and has no value (null) before it — a KPI that
 * started in March has no "₫0" for January; other aggregations leave an empty period null.
 */
export function createSeriesReader(
  metrics: readonly Metric[],
  rollups: readonly DailyRollup[],
  cal: CalendarSettings,
) {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const byMetric = new Map<string, DailyRollup[]>();
  for (const r of rollups) {
    const list = byMetric.get(r.metricId);
    if (list) list.push(r);
    else byMetric.set(r.metricId, [r]);
  }
  const base = (metric: Metric, dims: DimensionValues | undefined, g: Granularity, starts: DayKey[]) => {
    const selected = selectRollups(byMetric.get(metric.id) ?? [], metric.id, dims);
    if (!selected.length || !starts.length) return starts.map(() => null);
    const to = addDays(nextPeriodStart(starts[starts.length - 1]!, g), -1);
    const periods = aggregateRollups(selected, metric.aggregation, g, cal, { from: starts[0], to });
    const values = alignPeriods(periods, starts, null);
    if (metric.aggregation !== 'sum') return values;
    const first = firstDataDay(selected);
    return values.map((v, i) => v ?? (first !== null && nextPeriodStart(starts[i]!, g) > first ? 0 : null));
  };
  return (
    metricId: string,
    dims: DimensionValues | undefined,
    g: Granularity,
    starts: DayKey[],
  ): (number | null)[] => {
    const metric = byId.get(metricId);
    if (!metric) return starts.map(() => null);
    if (!metric.formula) return base(metric, dims, g, starts);
    return derivedSeries(
      metricId,
      byId,
      (id) => {
        const m = byId.get(id);
        return m && !m.formula ? base(m, dims, g, starts) : undefined;
      },
      starts.length,
    );
  };
}

/** The last `count` period starts up to and including the one holding `today`. */
export function lastPeriods(
  today: DayKey,
  g: Granularity,
  count: number,
  cal: Omit<CalendarSettings, 'timeZone'>,
) {
  const back = { day: count, week: count * 7, month: count * 31, quarter: count * 92, year: count * 366 }[g];
  const starts = periodStarts(addDays(today, -back), today, g, cal);
  return starts.slice(Math.max(0, starts.length - count));
}

/** The first local day any of these rollups has a value on; null when they are empty. */
export function firstDataDay(rollups: readonly DailyRollup[]): DayKey | null {
  let first: DayKey | null = null;
  for (const r of rollups)
    for (const day of Object.keys(r.days)) if (first === null || day < first) first = day as DayKey;
  return first;
}
