/**
 * What a goal's chart draws and how it writes its numbers, in one place for the goal detail in the app
 * and the `<pacer-kpi-chart>` widget of a snapshot or embed. The widget had its own list: its y axis
 * read "2.5M", "4.5", "12" where the app read "$2M", "3.6×", "32%"; a keep goal's threshold was
 * called "Target trajectory"; and three forecast names sat in the legend of charts without a forecast.
 * Pure (no canvas, no DOM), so it is tested on its own.
 */
import { formatUnitAmount } from '../i18n/format';
import type { Locale } from '../schema/common';
import type { Unit } from '../schema/metric';

/** One drawn line (uPlot's series options, with colours as `var(--pc-…)` tokens or literals). */
export interface ChartSeries {
  label: string;
  color: string;
  dash?: number[];
  /** Area fill (e.g. the forecast band) */
  fill?: string;
  width?: number;
  /**
   * 'side': drawn against its own axis on the right, which is named after the series and drawn in its
   * colour. A total's "added in the period" (₫60–90M a week) had been a flat line at the foot of the
   * running total's ₫0–2.5B axis.
   */
  axis?: 'side';
}

/** The legend's names, in the reader's language (the app's message table or the widgets' own). */
export interface GoalChartLabels {
  /** The first series, named for the goal's type: a level is no "running total" (docs/figures.md). */
  value: Record<'total' | 'level' | 'keep', string>;
  /** The first series of a level read as a rolling sum of `months` months: "12-month total". */
  rolling: (months: number) => string;
  trajectory: string;
  /** The trajectory through the goal's milestones (absent: named as any trajectory). */
  milestonePlan?: string;
  threshold: string;
  /** A budget cap's trajectory: the cap spread over its window (docs/figures.md § Budget cap). */
  plan: string;
  /** A budget cap's own line: a budget for an amount of money, a limit otherwise. */
  cap: Record<'money' | 'limit', string>;
  forecastLow: string;
  forecast: string;
  forecastHigh: string;
  forecastDate: string;
  perPeriod: string;
}

type Column = (number | null)[];

/** A goal chart's columns, as ChartView carries them; `hit` and `perPeriod` only in the app. */
export interface GoalChartColumns {
  type?: 'total' | 'level' | 'keep';
  /** A level read as the sum of this many complete months at each point (annual revenue). */
  rollingMonths?: number;
  /** The target line runs through the goal's own milestones (milestone-plan.ts). */
  planned?: boolean;
  xs: number[];
  actual: Column;
  target: Column;
  low: Column;
  mid: Column;
  high: Column;
  hit?: Column;
  perPeriod?: Column;
  /** A budget cap (a total whose way is down): drawn flat, its trajectory named the planned line. */
  cap?: number;
  /** The unit the numbers are in: a cap on an amount of money is a budget. */
  unit?: Unit;
}

export interface GoalChartPlan {
  data: [number[], ...Column[]];
  series: ChartSeries[];
  /** Fill between two series (1-based, as uPlot counts): the forecast interval, p90 down to p10. */
  band?: [number, number];
}

const hasValue = (col: Column | undefined): col is Column => !!col?.some((v) => v !== null);

/**
 * The chart's columns and series: the value, the trajectory (a keep goal: the threshold; a budget
 * cap: the planned line, and the cap itself), the
 * forecast's p10 / median / p90 with the band between p10 and p90, a level's forecast date, and for a
 * total what each period added. A series with nothing to draw is left out, legend entry included:
 * three "Forecast" names over a chart without a forecast promised lines that were not there.
 */
export function goalChartPlan(c: GoalChartColumns, labels: GoalChartLabels): GoalChartPlan {
  const type = c.type ?? 'total';
  const capped = type === 'total' && c.cap !== undefined && Number.isFinite(c.cap);
  const columns: Column[] = [c.actual, c.target];
  const series: ChartSeries[] = [
    {
      // A rolling sum is a total of its months at each point, not one period's value: "12-month total".
      label: type !== 'total' && c.rollingMonths ? labels.rolling(c.rollingMonths) : labels.value[type],
      color: 'var(--pc-accent)',
      width: 2.5,
    },
    {
      label:
        type === 'keep'
          ? labels.threshold
          : capped
            ? labels.plan
            : c.planned && labels.milestonePlan
              ? labels.milestonePlan
              : labels.trajectory,
      color: 'var(--pc-muted)',
      dash: [6, 4],
    },
  ];
  // A cap is a line not to cross: flat over the window, beside the planned line that rises to it.
  if (capped) {
    columns.push(c.xs.map(() => c.cap ?? null));
    series.push({
      label: labels.cap[c.unit?.kind === 'currency' ? 'money' : 'limit'],
      color: 'var(--pc-off-track)',
      dash: [2, 3],
      width: 1.5,
    });
  }
  let band: [number, number] | undefined;
  if ([c.low, c.mid, c.high].some(hasValue)) {
    columns.push(c.low, c.mid, c.high);
    series.push(
      { label: labels.forecastLow, color: 'rgba(120,120,200,0.6)', width: 1 },
      { label: labels.forecast, color: 'rgba(120,120,200,1)', dash: [2, 3] },
      { label: labels.forecastHigh, color: 'rgba(120,120,200,0.6)', width: 1 },
    );
    // uPlot counts series from 1 (0 is time): shade from p90 down to p10.
    band = [columns.length, columns.length - 2];
  }
  // A level's card date, on the target line (goal-detail-data.ts: where half the futures reach it).
  if (hasValue(c.hit)) {
    columns.push(c.hit);
    series.push({ label: labels.forecastDate, color: 'var(--pc-on-track)', width: 1 });
  }
  // A total also draws what each period added; a level's or keep goal's per-period value is its main
  // line already, drawn twice it read as a sixth series matching neither legend colour.
  // A cap draws it on the budget's own axis: each period's spend is a piece of that budget, so where
  // it sits under the budget line is true (Oct's ₫404M is 27% of ₫1.5B). On an axis of its own it
  // ran just under the budget line on a scale that looked like the budget's (both "₫…M"), and read
  // as a month about to pass the whole quarter's budget. A total to reach keeps its own axis (its
  // weeks are a sliver of a year's target), named and coloured as the line (kpi-chart.tsx).
  if (type === 'total' && c.perPeriod) {
    columns.push(c.perPeriod);
    series.push({
      label: labels.perPeriod,
      color: 'var(--pc-at-risk)',
      width: 1,
      ...(capped ? {} : { axis: 'side' as const }),
    });
  }
  return { data: [c.xs, ...columns], series, ...(band ? { band } : {}) };
}

/**
 * How the chart writes a value, as the card does (formatUnitAmount): "$2M", "3.6×", "32%", "4.5 d".
 * `point` is a value in the legend: a count's trajectory is "61", never "60.65".
 */
export function chartFormats(
  unit: Unit,
  locale: Locale,
): { axis: (v: number) => string; point: (v: number) => string } {
  return {
    axis: (v) => formatUnitAmount(v, unit, locale),
    point: (v) => formatUnitAmount(unit.kind === 'count' ? Math.round(v) : v, unit, locale),
  };
}
