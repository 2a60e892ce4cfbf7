import type { Goal, Metric, Settings } from '../../schema';
import {
  aggregateRollups,
  alignPeriods,
  indexRollup,
  latestInRange,
  type RollupIndex,
  sumInRange,
} from '../aggregate';
import { dimKey, dimsMatch, parseDimKey } from '../dim-key';
import { derivedSeries, formulaInputs } from '../formula';
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
  /**
   * The stored metrics a metric is read from: itself, or every stored metric its formula refers to
   * (through other formulas). Empty for an unknown metric or a formula that never reaches a stored one.
   */
  inputsOf(metricId: string): Metric[];
  /**
   * First local day the metric has a value: a stored metric's first day of data; a formula's, the
   * latest of its inputs' first days (before that one of them has no value, and neither has the
   * formula). Null when there is none.
   */
  metricFirstDay(metricId: string, dims: Goal['dims']): DayKey | null;
  /**
   * A summed metric's total over the local days `from` (its first day when absent) through `to`, read
   * as the charts read it: a stored metric's values; a formula evaluated on each calendar month the
   * range covers whole (metricSeries) and on each day of a month it covers in part. Null when the
   * metric has no value on or before `to` ("No data yet", never a ₫0); 0 when it has, but none in the
   * range.
   */
  totalInRange(metricId: string, dims: Goal['dims'], range: { from?: DayKey; to: DayKey }): number | null;
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

  const inputsMemo = new Map<string, Metric[]>();
  const inputsOf = (metricId: string): Metric[] => {
    const hit = inputsMemo.get(metricId);
    if (hit) return hit;
    const m = metrics.get(metricId);
    const out = m ? formulaInputs(m, metrics) : [];
    inputsMemo.set(metricId, out);
    return out;
  };

  const metricFirstDay = (metricId: string, dims: Goal['dims']): DayKey | null => {
    const m = metrics.get(metricId);
    if (!m) return null;
    if (!m.formula) return firstDataDay(rollupsFor(metricId, dims), `${metricId}|${dimKey(dims)}`);
    const inputs = inputsOf(metricId);
    if (!inputs.length) return null;
    let latest: DayKey | null = null;
    for (const base of inputs) {
      const d = firstDataDay(rollupsFor(base.id, dims), `${base.id}|${dimKey(dims)}`);
      if (d === null) return null;
      if (latest === null || d > latest) latest = d;
    }
    return latest;
  };

  const totalInRange = (
    metricId: string,
    dims: Goal['dims'],
    range: { from?: DayKey; to: DayKey },
  ): number | null => {
    const m = metrics.get(metricId);
    const first = metricFirstDay(metricId, dims);
    if (!m || first === null || first > range.to) return null;
    const from = range.from !== undefined && range.from > first ? range.from : first;
    // Data before the range and none in it (a window not open yet): nothing added so far, 0.
    if (from > range.to) return 0;
    if (!m.formula) return sumInRange(rollupsFor(metricId, dims), { from, to: range.to });
    // The month before the first is read too, so a formula with prev() has its first month's value.
    const months = periodStarts(addDays(periodStart(from, 'month', cal), -1), range.to, 'month', cal);
    const monthly = metricSeries(metricId, dims, 'month', months);
    let total = 0;
    const add = (v: number | null | undefined) => {
      if (v !== null && v !== undefined) total += v;
    };
    for (let i = 1; i < months.length; i++) {
      const s = months[i] as DayKey;
      const end = addDays(nextPeriodStart(s, 'month'), -1);
      if (s >= from && end <= range.to) {
        add(monthly[i]);
        continue;
      }
      // A month the range covers in part: its days, as the chart reads a window opening mid-period.
      const days: DayKey[] = [];
      let d: DayKey = s;
      if (d < from) d = from;
      for (; d <= end && d <= range.to; d = addDays(d, 1)) days.push(d);
      for (const v of metricSeries(metricId, dims, 'day', days)) add(v);
    }
    return total;
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
    inputsOf,
    metricFirstDay,
    totalInRange,
    recentStarts,
    futurePeriodEnds,
  };
}
