import type { Metric } from '../schema';

/**
 * A level far outside what a KPI has read lately, asked about before it is logged (never refused): a
 * founder's "1.250" active customers (history 185–258) was saved at once and would have marked the
 * 300-customer goal reached, and "0,186" on a margin that reads 17–19% was saved as 0.186%.
 *
 * For a level (a stock, an average; never a formula), `recent` is the values logged lately: with at
 * least MIN_RECENT of them, a value over FACTOR × the highest or under the lowest ÷ FACTOR is far; on
 * a percentage, a value under 1 where every recent one is at least 2 reads as a fraction typed for a
 * percentage, and the percentage (× 100) is offered beside it. For a sum, whose entries are parts of
 * a month, `recent` is the totals of the last complete months (at least MIN_RECENT_MONTHS): one entry
 * over FACTOR × the biggest month is far ("5000" new customers where months run 100–120); a small
 * entry never is.
 */
export const MIN_RECENT = 4;
export const MIN_RECENT_MONTHS = 3;
const FACTOR = 3;

export type Unusual =
  | { kind: 'above' | 'below'; low: number; high: number }
  | { kind: 'fraction'; low: number; high: number; percent: number };

export function unusualValue(
  value: number,
  recent: readonly number[],
  metric: Pick<Metric, 'aggregation' | 'formula' | 'unit'>,
): Unusual | null {
  if (metric.formula) return null;
  const seen = recent.filter(Number.isFinite);
  const summed = metric.aggregation === 'sum';
  if (seen.length < (summed ? MIN_RECENT_MONTHS : MIN_RECENT)) return null;
  const low = Math.min(...seen);
  const high = Math.max(...seen);
  if (summed) return high > 0 && value > FACTOR * high ? { kind: 'above', low, high } : null;
  if (metric.unit.kind === 'percent' && value >= 0 && value < 1 && low >= 2)
    return { kind: 'fraction', low, high, percent: Math.round(value * 100 * 1e9) / 1e9 };
  if (high > 0 && value > FACTOR * high) return { kind: 'above', low, high };
  if (low > 0 && value >= 0 && value < low / FACTOR) return { kind: 'below', low, high };
  return null;
}
