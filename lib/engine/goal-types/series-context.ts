import type { Goal, Metric, Settings } from '../../schema';
import { aggregateRollups, alignPeriods, indexRollup, latestInRange, type RollupIndex } from '../aggregate';
import { dimKey, dimsMatch, parseDimKey } from '../dim-key';
import { derivedSeries } from '../formula';
import type { DailyRollup } from '../rollup';
import {
  addDays,
  type DayKey,
  type Granularity,
  localDayKey,
  nextPeriodStart,
  periodStart,
  periodStarts,
  startOfLocalDay,
} from '../time-buckets';

/**
 * What every goal type reads its figures from, built once per evaluation: the live metrics, their day
 * rollups sorted for binary search, and memoised per-period series. Every per-type file (./*.ts) reads
 * through this, so a metric's monthly series is aggregated once however many goals use it.
 */
export interface SeriesContext {
  now: number;
  today: DayKey;
  tz: string;
  cal: Pick<Settings, 'timeZone' | 'weekStart' | 'fiscalYearStartMonth' | 'okrZones'>;
  metrics: ReadonlyMap<string, Metric>;
  rollupsByMetric: ReadonlyMap<string, RollupIndex[]>;
  /** The metric's rollups restricted to the goal's dimension values. */
  rollupsFor(metricId: string, dims: Goal['dims']): RollupIndex[];
  /** First local day with data among these rollups (memoised under `key`). */
  firstDataDay(rollups: RollupIndex[], key: string): DayKey | null;
  /**
   * The metric's value per period on `starts`: sum metrics are 0 in empty periods after their first
   * data (no sale is a zero), stocks ('last') carry their previous value forward, others are null.
   */
  metricSeries(metricId: string, dims: Goal['dims'], g: Granularity, starts: DayKey[]): Array<number | null>;
  /** Period starts from `count` periods before the current one through the current one. */
  recentStarts(g: Granularity, count: number): DayKey[];
  /** Instants at which the current and following periods end; shared by every goal's forecast. */
  futurePeriodEnds(g: Granularity): number[];
}

export function createSeriesContext(
  input: { metrics: readonly Metric[]; rollups: readonly DailyRollup[]; now: number },
  cal: SeriesContext['cal'],
): SeriesContext {
  const { now } = input;
  const tz = cal.timeZone;
  const today = localDayKey(now, tz);
  const metrics = new Map<string, Metric>();
  for (const m of input.metrics) if (m.deletedAt === null) metrics.set(m.id, m);
  const rollupsByMetric = new Map<string, RollupIndex[]>();
  for (const r of input.rollups) {
    if (r.timeZone !== tz) continue; // built for another zone: storage must rebuild it
    const list = rollupsByMetric.get(r.metricId);
    if (list) list.push(indexRollup(r));
    else rollupsByMetric.set(r.metricId, [indexRollup(r)]);
  }

  const selected = new Map<string, RollupIndex[]>();
  const rollupsFor = (metricId: string, dims: Goal['dims']): RollupIndex[] => {
    const key = `${metricId}|${dimKey(dims)}`;
    let r = selected.get(key);
    if (!r) {
      const all = rollupsByMetric.get(metricId) ?? [];
      r =
        dims && Object.keys(dims).length
          ? all.filter((x) => dimsMatch(parseDimKey(x.rollup.dimKey), dims))
          : all;
      selected.set(key, r);
    }
    return r;
  };
  const firstDay = new Map<string, DayKey | null>();
  const firstDataDay = (rollups: RollupIndex[], key: string): DayKey | null => {
    if (firstDay.has(key)) return firstDay.get(key) ?? null;
    let min: DayKey | null = null;
    for (const r of rollups) {
      const d = r.days[0];
      if (d !== undefined && (min === null || d < min)) min = d;
    }
    firstDay.set(key, min);
    return min;
  };

  const baseSeries = (
    metric: Metric,
    dims: Goal['dims'],
    g: Granularity,
    starts: DayKey[],
  ): Array<number | null> => {
    const rollups = rollupsFor(metric.id, dims);
    if (!rollups.length || !starts.length) return starts.map(() => null);
    const from = starts[0] ?? today;
    const to = addDays(nextPeriodStart(starts[starts.length - 1] ?? today, g), -1);
    const periods = aggregateRollups(rollups, metric.aggregation, g, cal, { from, to });
    const raw = alignPeriods(periods, starts, null);
    const first = firstDataDay(rollups, `${metric.id}|${dimKey(dims)}`);
    const out: Array<number | null> = [];
    let prev: number | null = null;
    if (metric.aggregation === 'last') {
      const before = latestInRange(rollups, { to: addDays(from, -1) });
      prev = before ? before.value : null;
    }
    for (let i = 0; i < starts.length; i++) {
      const v = raw[i] ?? null;
      const s = starts[i] ?? '';
      if (v !== null) out.push(v);
      else if (metric.aggregation === 'sum')
        out.push(first !== null && nextPeriodStart(s, g) > first ? 0 : null);
      else if (metric.aggregation === 'last') out.push(prev);
      else out.push(null);
      if (v !== null) prev = v;
    }
    return out;
  };

  const seriesMemo = new Map<string, Array<number | null>>();
  const metricSeries = (
    metricId: string,
    dims: Goal['dims'],
    g: Granularity,
    starts: DayKey[],
  ): Array<number | null> => {
    const key = `${metricId}|${dimKey(dims)}|${g}|${starts[0]}|${starts.length}`;
    const hit = seriesMemo.get(key);
    if (hit) return hit;
    const m = metrics.get(metricId);
    let out: Array<number | null>;
    if (!m) out = starts.map(() => null);
    else if (!m.formula) out = baseSeries(m, dims, g, starts);
    else {
      out = derivedSeries(
        metricId,
        metrics,
        (id) => {
          const base = metrics.get(id);
          return base && !base.formula ? baseSeries(base, dims, g, starts) : undefined;
        },
        starts.length,
      );
    }
    seriesMemo.set(key, out);
    return out;
  };

  const startsMemo = new Map<string, DayKey[]>();
  const recentStarts = (g: Granularity, count: number): DayKey[] => {
    const key = `${g}|${count}`;
    const hit = startsMemo.get(key);
    if (hit) return hit;
    const back = g === 'week' ? count * 7 : g === 'month' ? Math.ceil(count * 31) : count;
    const starts = periodStarts(addDays(today, -back), today, g, cal);
    const out = starts.slice(Math.max(0, starts.length - count - 1));
    startsMemo.set(key, out);
    return out;
  };

  const periodEnds = new Map<Granularity, number[]>();
  const futurePeriodEnds = (g: Granularity): number[] => {
    let ends = periodEnds.get(g);
    if (!ends) {
      ends = [];
      let s = nextPeriodStart(periodStart(today, g, cal), g);
      for (let k = 0; k < (g === 'week' ? 260 : 120); k++) {
        ends.push(startOfLocalDay(s, tz));
        s = nextPeriodStart(s, g);
      }
      periodEnds.set(g, ends);
    }
    return ends;
  };

  return {
    now,
    today,
    tz,
    cal,
    metrics,
    rollupsByMetric,
    rollupsFor,
    firstDataDay,
    metricSeries,
    recentStarts,
    futurePeriodEnds,
  };
}
