/**
 * The new tab's "Your KPIs" list: every live KPI, whether or not a goal uses it. A KPI made on its own
 * ("New KPI → Leads") appeared nowhere after its toast, so it could not be found, edited or deleted.
 * Figures: the goals that read it (live goals with it as their metric), and the last local day a value
 * was logged for it (any dimension: the engine's `lastDataDays`, off the rollups it has indexed).
 */
import { localizedName } from '../i18n/translate';
import type { Goal, Locale, Metric } from '../schema';

export interface KpiListItem {
  id: string;
  name: string;
  /** Live goals with this KPI as their metric. */
  goals: number;
  /** Last local day ('YYYY-MM-DD') with a value, or null when none was ever logged. */
  lastDay: string | null;
  /** Worked out from other KPIs (a formula): no values of its own to log. */
  derived: boolean;
}

export function kpiListItems(
  metrics: readonly Metric[],
  goals: readonly Goal[],
  lastDataDays: ReadonlyMap<string, string>,
  locale: Locale,
): KpiListItem[] {
  const uses = new Map<string, number>();
  for (const g of goals)
    if (g.metricId && g.deletedAt === null && !g.archived)
      uses.set(g.metricId, (uses.get(g.metricId) ?? 0) + 1);
  return metrics
    .filter((m) => m.deletedAt === null && !m.archived)
    .map((m) => ({
      id: m.id,
      name: localizedName(m, locale),
      goals: uses.get(m.id) ?? 0,
      lastDay: lastDataDays.get(m.id) ?? null,
      derived: Boolean(m.formula),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
