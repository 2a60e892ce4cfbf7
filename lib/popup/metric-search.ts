import { localizedName } from '../i18n/translate';
import type { Locale, Metric } from '../schema';
import type { RecentUse } from './recent-metrics';
import { fold, matchScore } from './text-match';

/** A metric a person can log a value to: alive, not archived, and not computed by a formula. */
export function isLoggable(m: Metric): boolean {
  return m.deletedAt == null && !m.archived && !m.formula;
}

export interface RankedMetric {
  metric: Metric;
  /** The name in the UI language. */
  label: string;
  score: number;
  recentAt: number | null;
}

/**
 * Type-ahead ranking. An empty query lists recent metrics first (newest first), then the rest by name.
 * A query scores each metric on its names in both languages and its id; a better match wins, and
 * among equal matches the more recently used one comes first.
 */
export function rankMetrics(
  metrics: readonly Metric[],
  query: string,
  recent: readonly RecentUse[],
  locale: Locale,
  limit = 8,
): RankedMetric[] {
  const q = fold(query);
  const recentAt = new Map(recent.map((r) => [r.metricId, r.at]));
  const out: RankedMetric[] = [];
  for (const metric of metrics) {
    if (!isLoggable(metric)) continue;
    const label = localizedName(metric, locale);
    let score = 0;
    if (q) {
      const names = [label, metric.name, ...Object.values(metric.translations ?? {}), metric.id];
      score = Math.max(...names.map((n) => matchScore(fold(n ?? ''), q)));
      if (score === 0) continue;
    }
    out.push({ metric, label, score, recentAt: recentAt.get(metric.id) ?? null });
  }
  out.sort(
    (a, b) =>
      b.score - a.score || (b.recentAt ?? -1) - (a.recentAt ?? -1) || a.label.localeCompare(b.label, locale),
  );
  return out.slice(0, limit);
}
