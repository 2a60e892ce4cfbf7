import type { DailyRollup } from '../engine/rollup';
import type { DayKey } from '../engine/time-buckets';
import { formatCompact, formatNumber, formatPercent, onCompactScale } from '../i18n/format';
import { localizedName } from '../i18n/translate';
import type { Dimension, Metric, Settings } from '../schema';
import type { GrowthRow } from './dashboard-types';
import { dimensionValues } from './dimension-values';
import { formatUnitValue, type ViewContext } from './goal-views';
import { lastPeriods } from './period-series';
import { monthName } from './reading-text';

type SeriesReader = (
  metricId: string,
  dims: Partial<Record<Dimension, string>> | undefined,
  g: 'month',
  starts: DayKey[],
) => (number | null)[];

/**
 * The two months the growth table compares, named for its caption: "Nov vs. Oct" (vi "Tháng 11 so với
 * Tháng 10"), never a bare "vs. previous period" a manager has to work out.
 */
export function growthMonths(today: DayKey, settings: Settings, ctx: ViewContext): string {
  const months = lastPeriods(today, 'month', 4, settings);
  const month = months[months.length - 2];
  const previous = months[months.length - 3];
  if (!month || !previous) return ctx.t('dashboard.vsPrevious');
  return ctx.t('dashboard.monthVsMonth', {
    month: monthName(month, ctx),
    previous: monthName(previous, ctx),
  });
}

/**
 * The growth-KPI table: each KPI tracked by channel or segment, its value in the last complete month
 * and the change against the month before, judged by the KPI's good direction. A rate (percent unit)
 * changes in percentage points ("+0.4 pt"), never as a percentage of a percentage; other units change
 * relatively ("+6%").
 */
export function growthRows(
  metrics: readonly Metric[],
  series: SeriesReader,
  today: DayKey,
  settings: Settings,
  ctx: ViewContext,
  rollups: readonly DailyRollup[] = [],
): GrowthRow[] {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  // Four months, not three: a formula with prev() (churn = churned ÷ prev(active)) needs the month
  // before the earlier of the two compared, else that month reads null and no change is ever shown.
  const months = lastPeriods(today, 'month', 4, settings);
  const rows: GrowthRow[] = [];
  // The pack is about rates and per-channel economics: derived KPIs (cost per lead, conversion, ROAS,
  // churn…) lead; base counts and sums are listed only when the user has no derived KPI yet.
  const live = metrics.filter((m) => !m.archived && m.deletedAt === null);
  const derived = live.filter((m) => m.formula || m.templateId);
  for (const metric of derived.length ? derived : live) {
    for (const dimension of ['channel', 'segment'] as const) {
      if (!metric.dimensions.includes(dimension)) continue;
      const read = dimensionValues(metric, dimension, byId, rollups).map((key) => {
        const values = series(metric.id, { [dimension]: key }, 'month', months);
        return { key, value: values[values.length - 2] ?? null, previous: values[values.length - 3] ?? null };
      });
      // One scale per KPI row: "737 nghìn ₫" beside "13,4 tr ₫", never "736.662 ₫" (docs/figures.md).
      const compact =
        (metric.unit.kind === 'currency' || metric.unit.kind === 'count') &&
        onCompactScale(read.map((r) => r.value));
      for (const { key, value, previous } of read) {
        if (value === null && previous === null) continue;
        let change: string | null = null;
        let changeDirection: GrowthRow['changeDirection'] = null;
        if (value !== null && previous !== null && metric.unit.kind === 'percent') {
          const pt = value - previous;
          const x = formatNumber(Math.abs(pt), settings.locale, { maximumFractionDigits: 1 });
          change = ctx.t('growth.points', { sign: pt > 0 ? '+' : pt < 0 ? '-' : '', x });
          const good = metric.direction === 'up' ? pt > 0 : pt < 0;
          // Under 0.05 pt rounds to "0 pt": flat, as a relative change under 0.5% is.
          changeDirection = Math.abs(pt) < 0.05 ? 'flat' : good ? 'better' : 'worse';
        } else if (value !== null && previous !== null && previous !== 0) {
          const rel = (value - previous) / Math.abs(previous);
          change = formatPercent(rel, settings.locale, { signed: true, maximumFractionDigits: 1 });
          const good = metric.direction === 'up' ? rel > 0 : rel < 0;
          changeDirection = Math.abs(rel) < 0.005 ? 'flat' : good ? 'better' : 'worse';
        }
        rows.push({
          metricId: metric.id,
          metricName: localizedName(metric, settings.locale),
          dimension,
          key,
          value:
            compact && value !== null
              ? formatCompact(
                  value,
                  settings.locale,
                  metric.unit.kind === 'currency' ? metric.unit.currency : undefined,
                )
              : formatUnitValue(value, metric.unit, ctx),
          change,
          changeDirection,
        });
      }
    }
  }
  return rows;
}
