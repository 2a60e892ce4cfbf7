import { formulaInputs } from '../engine/formula';
import type { DailyRollup } from '../engine/rollup';
import type { DayKey } from '../engine/time-buckets';
import { formatCompact, formatNumber, formatPercent, onCompactScale } from '../i18n/format';
import { localizedName } from '../i18n/translate';
import { type Dimension, type Metric, parseDimKey, type Settings } from '../schema';
import { changeTone } from './change-tone';
import type { GrowthGap, GrowthRow } from './dashboard-types';
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
 * and the change against the month before, judged by the KPI's good direction (change-tone.ts: a
 * neutral KPI such as ad spend is not judged at all). A rate (percent unit)
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
  for (const metric of packMetrics(metrics)) {
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
          // Under 0.05 pt rounds to "0 pt": flat, as a relative change under 0.5% is.
          changeDirection = changeTone(metric.direction, pt, 0.05);
        } else if (value !== null && previous !== null && previous !== 0) {
          const rel = (value - previous) / Math.abs(previous);
          change = formatPercent(rel, settings.locale, { signed: true, maximumFractionDigits: 1 });
          changeDirection = changeTone(metric.direction, rel, 0.005);
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

/**
 * The KPIs the growth table lists: derived ones (cost per lead, conversion, ROAS, churn…) and those
 * added from the templates lead; base counts and sums only when the user has no such KPI yet.
 */
function packMetrics(metrics: readonly Metric[]): Metric[] {
  const live = metrics.filter((m) => !m.archived && m.deletedAt === null);
  const derived = live.filter((m) => m.formula || m.templateId);
  return derived.length ? derived : live;
}

/**
 * The growth KPIs that have figures in the compared months but none by a channel or segment they
 * are set up for, each with why: the inputs never logged by that dimension ("Average monthly value per
 * customer (Revenue not logged by segment)"), or, when every input is, no complete month in common.
 * The table lists them under its breakdown rather than letting the KPI vanish from it.
 */
export function growthGaps(
  metrics: readonly Metric[],
  rows: readonly GrowthRow[],
  series: SeriesReader,
  today: DayKey,
  settings: Settings,
  ctx: ViewContext,
  rollups: readonly DailyRollup[] = [],
): GrowthGap[] {
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const months = lastPeriods(today, 'month', 4, settings);
  const shown = new Set(rows.map((r) => `${r.metricId}|${r.dimension}`));
  const loggedBy = (metricId: string, dimension: Dimension) =>
    rollups.some((r) => r.metricId === metricId && Boolean(parseDimKey(r.dimKey)[dimension]));
  const gaps: GrowthGap[] = [];
  for (const metric of packMetrics(metrics)) {
    const wanted = (['channel', 'segment'] as const).filter(
      (d) => metric.dimensions.includes(d) && !shown.has(`${metric.id}|${d}`),
    );
    if (!wanted.length) continue;
    const total = series(metric.id, undefined, 'month', months);
    if (total[total.length - 2] == null && total[total.length - 3] == null) continue;
    const name = localizedName(metric, settings.locale);
    for (const dimension of wanted) {
      const dim = ctx.t(`growth.dimension.${dimension}`);
      const inputs = formulaInputs(metric, byId);
      const missing = inputs.filter((m) => !loggedBy(m.id, dimension));
      const text = !missing.length
        ? ctx.t('growth.noCommonMonth', { name, dimension: dim })
        : !metric.formula
          ? ctx.t('growth.selfNotLoggedBy', { name, dimension: dim })
          : ctx.t('growth.notLoggedBy', {
              name,
              dimension: dim,
              inputs: missing.map((m) => localizedName(m, settings.locale)).join(', '),
            });
      gaps.push({ metricId: metric.id, dimension, text });
    }
  }
  return gaps;
}
