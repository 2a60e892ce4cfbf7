import { formulaRefs } from '../engine/formula';
import type { DailyRollup } from '../engine/rollup';
import { type Dimension, type Metric, parseDimKey } from '../schema';

/** The metric and the metrics its formula names: whose rollups hold its dimension values. */
function sourcesOf(metric: Metric): string[] {
  return [metric.id, ...formulaRefs(metric)];
}

/** The values of each of `dimensions` seen in the rollups of `sources`, in one pass over the rollups. */
function valuesSeen(
  sources: readonly string[],
  dimensions: readonly Dimension[],
  metrics: ReadonlyMap<string, Metric>,
  rollups: readonly DailyRollup[],
): Map<Dimension, Set<string>> {
  const from = new Set(sources);
  const out = new Map(dimensions.map((d) => [d, new Set<string>()]));
  for (const r of rollups) {
    if (!from.has(r.metricId) || !metrics.has(r.metricId)) continue;
    const dims = parseDimKey(r.dimKey);
    for (const [d, values] of out) {
      const v = dims[d];
      if (v) values.add(v);
    }
  }
  return out;
}

/** Dimension values seen for a metric, or for the base metrics a derived one is computed from. */
export function dimensionValues(
  metric: Metric,
  dimension: Dimension,
  metrics: ReadonlyMap<string, Metric>,
  rollups: readonly DailyRollup[],
) {
  return [...(valuesSeen(sourcesOf(metric), [dimension], metrics, rollups).get(dimension) ?? [])].sort();
}

/**
 * The dimensions a goal on `metric` can be narrowed to (a channel, a segment), each with the values
 * seen in the data: the metric's own dimensions, or for a derived KPI those of the KPIs it is computed
 * from. A value the goal already holds is offered even when no data has it yet.
 */
export function dimensionChoices(
  metric: Metric,
  metrics: ReadonlyMap<string, Metric>,
  rollups: readonly DailyRollup[],
  held: Partial<Record<Dimension, string>> = {},
): { dimension: Dimension; values: string[] }[] {
  const sources = sourcesOf(metric);
  const dims = new Set<Dimension>(metric.dimensions);
  for (const id of sources.slice(1)) for (const d of metrics.get(id)?.dimensions ?? []) dims.add(d);
  for (const d of Object.keys(held) as Dimension[]) dims.add(d);
  const seen = valuesSeen(sources, [...dims], metrics, rollups);
  return [...dims].map((dimension) => {
    const values = new Set(seen.get(dimension));
    const mine = held[dimension];
    if (mine) values.add(mine);
    return { dimension, values: [...values].sort() };
  });
}
