import { localDayKey } from '../engine/time-buckets';
import { type Dimension, dimKey, type Metric, type Observation } from '../schema';
import { MIN_RECENT, MIN_RECENT_MONTHS } from './unusual-value';

/**
 * What a value about to be logged is compared with (unusual-value.ts), from the KPI's stored values
 * around it. First its own dimensions' history: a level's latest 20 values, a sum's totals of the
 * complete months before the value's month.
 *
 * When that history is too short to judge (and, for a level, the value is for the whole, no dimension
 * given), the KPI's values across every dimension, put together the way the KPI is read: a sum's month totals of everything logged, a level's day readings with the
 * dimensions combined (a stock's parts added, an average averaged, a min/max taken). The example
 * revenue carries a segment on every value, so "50 tỷ" typed with no segment — more than its whole
 * year of 44.3 tỷ — had no history and was saved without a question, while with a segment it asked.
 * `across` names the dimensions put together, so the question can say what its range is.
 */
export interface ComparedValues {
  values: number[];
  /** Empty: the value's own dimensions. Otherwise the dimensions combined to make `values`. */
  across: Dimension[];
}

const LATEST = 20;

export function comparedValues(
  obs: Pick<Observation, 'id' | 'time' | 'dims'>,
  metric: Pick<Metric, 'aggregation'>,
  stored: readonly Observation[],
  tz: string,
): ComparedValues {
  const others = stored.filter((o) => o.id !== obs.id).sort((a, b) => a.time - b.time);
  const dims = dimKey(obs.dims);
  const own = valuesOf(
    obs,
    metric,
    others.filter((o) => dimKey(o.dims) === dims),
    tz,
  );
  const enough = metric.aggregation === 'sum' ? MIN_RECENT_MONTHS : MIN_RECENT;
  if (own.length >= enough) return { values: own, across: [] };
  // A level logged for one part (a segment) is not read against the whole: it would look "far below".
  // A sum's entry is only ever asked about when above, and the whole's months are above any part's.
  if (metric.aggregation !== 'sum' && dims !== '') return { values: own, across: [] };
  const across = dimensionsIn(others);
  if (across.length === 0) return { values: own, across: [] };
  const all = valuesOf(obs, metric, others, tz, true);
  return all.length > own.length ? { values: all, across } : { values: own, across: [] };
}

function valuesOf(
  obs: Pick<Observation, 'time'>,
  metric: Pick<Metric, 'aggregation'>,
  values: readonly Observation[],
  tz: string,
  combine = false,
): number[] {
  if (metric.aggregation === 'sum') {
    const month = localDayKey(obs.time, tz).slice(0, 7);
    const totals = new Map<string, number>();
    for (const o of values) {
      const m = localDayKey(o.time, tz).slice(0, 7);
      if (m < month) totals.set(m, (totals.get(m) ?? 0) + o.value);
    }
    return [...totals.values()];
  }
  if (!combine) return values.slice(-LATEST).map((o) => o.value);
  // A level across dimensions: each day's reading of each dimension (its last), then combined.
  const days = new Map<string, Map<string, number>>();
  for (const o of values) {
    const day = localDayKey(o.time, tz);
    const byDim = days.get(day) ?? new Map<string, number>();
    byDim.set(dimKey(o.dims), o.value);
    days.set(day, byDim);
  }
  const combined = [...days.values()].map((byDim) => combineLevel(metric.aggregation, [...byDim.values()]));
  return combined.slice(-LATEST);
}

function combineLevel(aggregation: Metric['aggregation'], parts: number[]): number {
  if (aggregation === 'average') return parts.reduce((a, b) => a + b, 0) / parts.length;
  if (aggregation === 'min') return Math.min(...parts);
  if (aggregation === 'max') return Math.max(...parts);
  // 'last': a stock split by segment is the sum of its parts.
  return parts.reduce((a, b) => a + b, 0);
}

function dimensionsIn(values: readonly Observation[]): Dimension[] {
  const seen = new Set<Dimension>();
  for (const o of values) for (const d of Object.keys(o.dims ?? {}) as Dimension[]) seen.add(d);
  return [...seen].sort();
}
