import type { Metric } from '../../schema';
import { latestInRange } from '../aggregate';
import type { Pace } from '../pace';
import { type RollingFigure, rollingFigure } from '../rolling-months';
import { addDays, type DayKey, localDayKey, periodStart, startOfLocalDay } from '../time-buckets';
import { levelValue, monthEnd, RUNNING_MONTH_MIN_DAYS } from './level-value';
import { metricLoggedMonthly } from './logging-cadence';
import { fromLatestCheckIn, withStatus } from './reach-total';
import { emptyReading, type GoalFacts, type ReadingPeriod, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import {
  completeHistoryPeriods,
  forecastGranularity,
  forecastOf,
  historyStarts,
  paceOf,
  paceOnDay,
  shownProgress,
  sumsOverDays,
  wayProgress,
} from './shared';

/**
 * Reach a level: a level metric moves from its baseline to the target by the deadline ("13% — from 10%
 * toward 15%"). docs/figures.md § Reach a level.
 *
 * - Value: the level of the period named with it ("Nov: 29.9%"), read by level-value.ts (a value logged
 *   for the current month counts for averages and flow-over-flow rates). With `rollingMonths` on a summed metric, the
 *   sum of that many complete months ("12 months to Nov: ₫48.2B" — annual revenue), never "since start".
 * - Baseline: the goal's, else the level when the window opened (a rolling sum: the months before the
 *   window, annualised when fewer: rolling-months.ts), else the first month on record.
 * - Progress: (value − baseline) ÷ (target − baseline), shown between 0 and 2.
 * - Pace: value − the straight line from baseline to target on the reading's day (levelPace), in the
 *   metric's unit (pt for percentages), or the lines through the targets of the goal's own milestones
 *   on the same figure (milestone-plan.ts).
 * - Forecast: per complete month (week for a stock on a short window), needs 8 periods (a fitted
 *   model: a rough run-rate of a level is a flat line that calls every rising level unreachable). A
 *   rolling sum is forecast from its months, summed along each simulated future (forecast-rolling.ts).
 * - Status: worse of pace and forecast (status.ts); reached ⇒ on track.
 */
export function readLevel(f: GoalFacts, ctx: SeriesContext, paths: number): TypeReading {
  const r = emptyReading();
  r.target = f.target;
  const metric = f.metric;
  if (!metric) return fromLatestCheckIn(f, ctx, r, false);
  r.measure = 'latest';
  const goal = f.goal;
  const rolling =
    goal.rollingMonths && metric.aggregation === 'sum' && !metric.formula ? goal.rollingMonths : 0;
  const monthStarts = historyStarts(ctx, 'month');
  const months = ctx.metricSeries(metric.id, goal.dims, 'month', monthStarts);
  r.monthly = months.slice(0, -1).filter((v): v is number => v !== null);
  let history: number[];
  let historyDays: DayKey[] | undefined;
  let g = forecastGranularity(f, ctx.now, false, metricLoggedMonthly(ctx, metric.id, goal.dims));
  /** Where the level stood when the window opened. */
  let startLevel: number | null = null;
  /** A rolling sum's: which months it rests on (rolling-months.ts). */
  let baselineFigure: RollingFigure | null = null;

  /** A rolling sum's months before the running one that its next sum still holds (forecast-rolling.ts). */
  let tail: number[] | null = null;
  if (rolling) {
    const complete = months.slice(0, -1);
    const sums = rollingSums(complete, rolling);
    g = 'month';
    // The forecast learns from the months themselves and sums each future's last `rolling` of them:
    // 17 months of revenue give a forecast, where their 6 annual sums had waited for 8.
    const kept = completeHistoryPeriods(ctx, metric, goal.dims, months, monthStarts);
    history = kept.values;
    historyDays = kept.starts;
    const last = complete.slice(-(rolling - 1));
    tail = rolling === 1 ? [] : last.every((v): v is number => v !== null) ? last : null;
    // Once the window is over, the twelve months to its last complete month; otherwise to last month.
    let i = sums.length - 1;
    if (f.lastDay < ctx.today)
      i = Math.min(
        i,
        monthStarts.findLastIndex((m) => monthEnd(m) <= f.lastDay),
      );
    const v = i >= 0 ? sums[i] : null;
    // Where it stood when the window opened: the months before it, annualised when fewer than
    // `rolling` (rolling-months.ts; the cascade wizard's yearly rate is the same figure).
    const running = monthStarts[monthStarts.length - 1] ?? periodStart(ctx.today, 'month', ctx.cal);
    baselineFigure = rollingFigure(
      ctx.rollupsFor(metric.id, goal.dims),
      rolling,
      f.startDay ? periodStart(f.startDay, 'month', ctx.cal) : '0000-01-01',
      running,
      ctx.cal,
    );
    startLevel = baselineFigure?.value ?? null;
    const endStart = monthStarts[i];
    const firstStart = monthStarts[i - rolling + 1];
    if (v !== null && v !== undefined && endStart && firstStart) {
      r.current = v;
      r.period = {
        start: firstStart,
        end: monthEnd(endStart),
        granularity: 'month',
        rollingMonths: rolling,
        partial: false,
      };
    }
  } else {
    const starts = g === 'month' ? monthStarts : historyStarts(ctx, g);
    const series = g === 'month' ? months : ctx.metricSeries(metric.id, goal.dims, g, starts);
    const kept = completeHistoryPeriods(ctx, metric, goal.dims, series, starts);
    history = kept.values;
    // A month's total of a summed metric depends on its days: calendar-adjusted as a total is.
    if (sumsOverDays(metric)) historyDays = kept.starts;
    const lv = levelValue(f, ctx, metric, RUNNING_MONTH_MIN_DAYS);
    if (lv) {
      r.current = lv.value;
      r.period = lv.period;
    }
    // Without a start, where the metric stood when the goal was made: the first month on record had
    // read "0% of the way from ₫117M" for a goal made 17 months later (a reviewer).
    const madeDay = goal.createdAt > 0 ? localDayKey(goal.createdAt, ctx.cal.timeZone) : undefined;
    startLevel = monthlyStartLevel(f.startDay ?? madeDay, monthStarts, months);
  }

  r.baseline = goal.baseline ?? baselineAtStart(f, ctx, metric) ?? startLevel ?? r.monthly[0] ?? r.current;
  if (goal.baseline === undefined && baselineFigure) r.baselineFigure = baselineFigure;
  r.progress =
    r.current !== null && r.baseline !== null && f.target !== null
      ? shownProgress(wayProgress(r.baseline, f.target, r.current, f.direction, metric.unit.kind))
      : null;
  r.pace = levelPace(f, ctx, r.baseline, r.current, r.period);
  const fc = forecastOf(
    f,
    ctx,
    {
      history,
      mode: 'level',
      current: r.current,
      g,
      ...(historyDays ? { historyStarts: historyDays } : {}),
      ...(rolling && tail ? { rolling: { months: rolling, tail } } : {}),
    },
    paths,
  );
  r.forecast = fc.forecast;
  r.forecastBasis = fc.basis;
  return withStatus(f, ctx, r);
}

/**
 * Pace of a level on the reading's day: the value against the line (or the owner's plan) at the end of
 * the day the card names it by — a complete month's last day ("Nov: 3.49×" on Dec 8 is compared with
 * Nov 30's plan), a rolling sum's last month's, a stock's or a check-in's own day ("Dec 1: 76.3%").
 * Read against today's line, a week-old value was a week "more behind" (or less ahead) than it was,
 * and the card did not say which day it meant. The comparison day is `asOf`, which the card names
 * ("behind pace by 3.29 pt on Dec 1"), as a monthly-logged total's last close is (reach-total.ts).
 * Whether the target is reached and what is still needed per day stay today's. A level read on the
 * running month ("Dec 1–16") or on today is compared with today's line. A month read from before the
 * window opened has nothing due yet: no pace. docs/figures.md § Reach a level → Pace.
 */
export function levelPace(
  f: GoalFacts,
  ctx: SeriesContext,
  baseline: number | null,
  current: number | null,
  period: ReadingPeriod | null,
): Pace | null {
  if (!period || period.partial) return paceOf(f, ctx, baseline, current);
  const closeAt = startOfLocalDay(addDays(period.end, 1), ctx.tz);
  if (
    period.granularity === 'month' &&
    closeAt < ctx.now &&
    (f.goal.startAt === undefined || closeAt <= f.goal.startAt)
  )
    return null;
  return paceOnDay(f, ctx, baseline, current, period.end);
}

/** Sum of each run of `n` consecutive months ending at i; null until n months with data are in. */
export function rollingSums(months: ReadonlyArray<number | null>, n: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let i = 0; i < months.length; i++) {
    if (i < n - 1) {
      out.push(null);
      continue;
    }
    let sum = 0;
    let ok = true;
    for (let k = i - n + 1; k <= i; k++) {
      const v = months[k];
      if (v === null || v === undefined) {
        ok = false;
        break;
      }
      sum += v;
    }
    out.push(ok ? sum : null);
  }
  return out;
}

/**
 * Where a monthly level stood when the window opened: the last complete month before it, else the
 * window's first month with a value. A Q4 margin key result had taken January's 17.8%, the first
 * month on record nine months before its window, and read "114.3% of the way" from it.
 */
export function monthlyStartLevel(
  startDay: DayKey | null | undefined,
  monthStarts: readonly DayKey[],
  months: ReadonlyArray<number | null>,
): number | null {
  if (!startDay) return null;
  const complete = months.slice(0, -1);
  const before = monthStarts.findLastIndex((m) => monthEnd(m) < startDay);
  const atStart = before >= 0 ? complete[before] : undefined;
  if (atStart !== null && atStart !== undefined) return atStart;
  const first = complete.findIndex(
    (v, i) => v !== null && (monthStarts[i] ?? '') >= startDay.slice(0, 8) + '01',
  );
  return first >= 0 ? (complete[first] ?? null) : null;
}

/** A stock's level on the window's first day; other metrics have no single level at an instant. */
function baselineAtStart(f: GoalFacts, ctx: SeriesContext, metric: Metric): number | null {
  if (!f.startDay || metric.aggregation !== 'last' || metric.formula) return null;
  return latestInRange(ctx.rollupsFor(metric.id, f.goal.dims), { to: f.startDay })?.value ?? null;
}
