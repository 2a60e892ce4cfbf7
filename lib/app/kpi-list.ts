/**
 * The new tab's "Your KPIs" list: every live KPI, whether or not a goal uses it. A KPI made on its own
 * ("New KPI → Leads") appeared nowhere after its toast, so it could not be found, edited or deleted.
 * Figures: the goals that read it (live goals with it as their metric), and the last local day a value
 * was logged for it (any dimension: the engine's `lastDataDays`, off the rollups it has indexed).
 * A derived KPI (ROAS, CAC…) has nothing logged: it shows its value in the latest complete month.
 */
import type { CalendarSettings, DayKey, Granularity } from '../engine/time-buckets';
import { localizedName } from '../i18n/translate';
import type { DimensionValues, Goal, Locale, Metric } from '../schema';
import { formatUnitValue, type ViewContext } from './goal-views';
import { lastPeriods } from './period-series';
import { monthName } from './reading-text';

/** A derived KPI's value in the latest complete month that has one: "₫48.9K", "Nov". */
export interface KpiLatest {
  value: string;
  month: string;
}

export interface KpiListItem {
  id: string;
  name: string;
  /** Live goals with this KPI as their metric. */
  goals: number;
  /** Last local day ('YYYY-MM-DD') with a value, or null when none was ever logged. */
  lastDay: string | null;
  /** Worked out from other KPIs (a formula): no values of its own to log. */
  derived: boolean;
  /** For a derived KPI, its latest complete month's value (absent when no month has one). */
  latest?: KpiLatest;
  /**
   * A KPI a team goal reads: its row says that what it shows is your values only (the team's are on
   * the team goal's card; lib/team/whose-values.ts).
   */
  team?: boolean;
}

export function kpiListItems(
  metrics: readonly Metric[],
  goals: readonly Goal[],
  lastDataDays: ReadonlyMap<string, string>,
  locale: Locale,
  latest: ReadonlyMap<string, KpiLatest> = new Map(),
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
      ...(latest.has(m.id) ? { latest: latest.get(m.id) } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

type SeriesReader = (
  metricId: string,
  dims: DimensionValues | undefined,
  g: Granularity,
  starts: DayKey[],
) => (number | null)[];

/**
 * Each live derived KPI's total in the latest complete month with a value, read by the same series
 * reader as the growth table (formulas computed per month from their inputs), never the running month:
 * a partial month of spend over a partial month of customers is no CAC. Three complete months are
 * looked back over (and one more before them, for prev() in churn-like formulas).
 */
export function derivedLatestValues(
  metrics: readonly Metric[],
  series: SeriesReader,
  today: DayKey,
  cal: CalendarSettings,
  ctx: ViewContext,
): Map<string, KpiLatest> {
  const months = lastPeriods(today, 'month', 4, cal);
  const out = new Map<string, KpiLatest>();
  for (const m of metrics) {
    if (!m.formula || m.archived || m.deletedAt !== null) continue;
    const values = series(m.id, undefined, 'month', months);
    // The last entry is the running month; walk back from the one before it.
    for (let i = values.length - 2; i >= 1; i--) {
      const v = values[i];
      if (v == null || !Number.isFinite(v)) continue;
      out.set(m.id, { value: formatUnitValue(v, m.unit, ctx), month: monthName(months[i]!, ctx) });
      break;
    }
  }
  return out;
}
