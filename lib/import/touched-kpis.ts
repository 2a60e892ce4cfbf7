import type { Observation } from '../schema';

/**
 * What a KPI import wrote, per KPI: how many values and the span of their times. The import summary
 * names each KPI with these (components/import/import-summary.tsx), so a manager reads where the
 * values went, not only how many there were.
 */
export interface TouchedKpi {
  metricId: string;
  /** Values written into this KPI (added, updated or written again unchanged). */
  count: number;
  /** Earliest and latest value time, ms. */
  first: number;
  last: number;
}

export type TouchedKpis = Map<string, TouchedKpi>;

/** Adds the values one batch wrote. */
export function touchKpis(
  into: TouchedKpis,
  records: readonly Pick<Observation, 'metricId' | 'time'>[],
): void {
  for (const { metricId, time } of records) {
    const seen = into.get(metricId);
    if (!seen) into.set(metricId, { metricId, count: 1, first: time, last: time });
    else {
      seen.count++;
      if (time < seen.first) seen.first = time;
      if (time > seen.last) seen.last = time;
    }
  }
}

/** In a stable order: most values first, then by id. */
export const touchedList = (kpis: TouchedKpis): TouchedKpi[] =>
  [...kpis.values()].sort((a, b) => b.count - a.count || a.metricId.localeCompare(b.metricId));
