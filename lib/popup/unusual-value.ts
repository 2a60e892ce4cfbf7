import type { Metric } from '../schema';

/**
 * A level far outside what a KPI has read lately, asked about before it is logged (never refused): a
 * founder's "1.250" active customers (history 185–258) was saved at once and would have marked the
 * 300-customer goal reached, and "0,186" on a margin that reads 17–19% was saved as 0.186%.
 *
 * Only for levels (a stock, an average; not a sum, whose day values are parts of a month, nor a
 * formula): with at least MIN_RECENT values logged lately, a value over FACTOR × the highest or under
 * the lowest ÷ FACTOR is far; on a percentage, a value under 1 where every recent one is at least 2
 * reads as a fraction typed for a percentage, and the percentage (× 100) is offered beside it.
 */
export const MIN_RECENT = 4;
const FACTOR = 3;

export type Unusual =
  | { kind: 'above' | 'below'; low: number; high: number }
  | { kind: 'fraction'; low: number; high: number; percent: number };

export function unusualValue(
  value: number,
  recent: readonly number[],
  metric: Pick<Metric, 'aggregation' | 'formula' | 'unit'>,
): Unusual | null {
  if (metric.aggregation === 'sum' || metric.formula) return null;
  const seen = recent.filter(Number.isFinite);
  if (seen.length < MIN_RECENT) return null;
  const low = Math.min(...seen);
  const high = Math.max(...seen);
  if (metric.unit.kind === 'percent' && value >= 0 && value < 1 && low >= 2)
    return { kind: 'fraction', low, high, percent: Math.round(value * 100 * 1e9) / 1e9 };
  if (high > 0 && value > FACTOR * high) return { kind: 'above', low, high };
  if (low > 0 && value >= 0 && value < low / FACTOR) return { kind: 'below', low, high };
  return null;
}
