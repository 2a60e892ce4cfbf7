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
 * table. Sum metrics count an empty period as 0; other aggregations leave it null (no value).
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
    return alignPeriods(periods, starts, metric.aggregation === 'sum' ? 0 : null);
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
