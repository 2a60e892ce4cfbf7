/**
 * Pareto / ABC tiers: items sorted by value, highest first, and cut by cumulative share of the total.
 * Default thresholds [0.8, 0.95, 1]: A = the items making up the top 80% of value, B = the next 15%,
 * C = the last 5%. An item belongs to the first tier whose threshold is above the cumulative share
 * *before* it, so the single biggest customer is always A even when it alone is 90% of the value.
 * Negative values count as 0 (a refund-heavy customer is not "top"); with a zero total everyone is in
 * the last tier.
 */

export const DEFAULT_PARETO_THRESHOLDS = [0.8, 0.95, 1] as const;
const LABELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

export interface TierItem<T> {
  item: T;
  value: number;
  /** 0 = A. */
  tier: number;
  label: string;
  /** Cumulative share of the total up to and including this item. */
  cumulativeShare: number;
}

/** Thresholds sanitised: 3–7 increasing values in (0, 1], the last one forced to 1. */
export function normaliseThresholds(thresholds: readonly number[] | undefined): number[] {
  const t = (thresholds ?? []).filter((x) => Number.isFinite(x) && x > 0 && x <= 1);
  const sorted = [...new Set(t)].sort((a, b) => a - b).slice(0, 7);
  if (sorted.length) sorted[sorted.length - 1] = 1;
  const unique = [...new Set(sorted)];
  return unique.length >= 3 ? unique : [...DEFAULT_PARETO_THRESHOLDS];
}

export function paretoTiers<T>(
  items: readonly T[],
  valueOfItem: (item: T) => number,
  thresholds: readonly number[] = DEFAULT_PARETO_THRESHOLDS,
): TierItem<T>[] {
  const th = normaliseThresholds(thresholds);
  const rows = items.map((item) => {
    const v = valueOfItem(item);
    return { item, value: Number.isFinite(v) && v > 0 ? v : 0 };
  });
  // Stable: equal values keep their input order.
  rows.sort((a, b) => b.value - a.value);
  const total = rows.reduce((a, r) => a + r.value, 0);
  const last = th.length - 1;
  let cum = 0;
  return rows.map((r) => {
    const before = total > 0 ? cum / total : 1;
    cum += r.value;
    let tier = total > 0 ? th.findIndex((t) => before < t - 1e-12) : last;
    if (tier < 0) tier = last;
    return {
      item: r.item,
      value: r.value,
      tier,
      label: LABELS[tier] ?? String(tier + 1),
      cumulativeShare: total > 0 ? Math.min(1, cum / total) : 1,
    };
  });
}
