import { parseFormula } from '../engine/formula';
import type { DailyRollup } from '../engine/rollup';
import { type Dimension, type Metric, parseDimKey } from '../schema';

/** Dimension values seen for a metric, or for the base metrics a derived one is computed from. */
export function dimensionValues(
  metric: Metric,
  dimension: Dimension,
  metrics: ReadonlyMap<string, Metric>,
  rollups: readonly DailyRollup[],
) {
  const sources = new Set([metric.id]);
  if (metric.formula) {
    const parsed = parseFormula(metric.formula);
    if (parsed.ok) for (const r of parsed.refs) sources.add(r);
  }
  const values = new Set<string>();
  for (const r of rollups) {
    if (!sources.has(r.metricId) || !metrics.has(r.metricId)) continue;
    const v = parseDimKey(r.dimKey)[dimension];
    if (v) values.add(v);
  }
  return [...values].sort();
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
  const dims = new Set<Dimension>(metric.dimensions);
  if (metric.formula) {
    const parsed = parseFormula(metric.formula);
    if (parsed.ok) for (const r of parsed.refs) for (const d of metrics.get(r)?.dimensions ?? []) dims.add(d);
  }
  for (const d of Object.keys(held) as Dimension[]) dims.add(d);
  return [...dims].map((dimension) => {
    const values = new Set(dimensionValues(metric, dimension, metrics, rollups));
    const mine = held[dimension];
    if (mine) values.add(mine);
    return { dimension, values: [...values].sort() };
  });
}
