import type { Metric } from '../../schema';
import type { Pace } from '../pace';
import { addDays, localDayKey, periodStart, startOfLocalDay } from '../time-buckets';
import { metricLoggedMonthly } from './logging-cadence';
import { emptyReading, type GoalFacts, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import {
  completeHistoryPeriods,
  decideStatus,
  forecastGranularity,
  forecastOf,
  historyStarts,
  latestCheckInValue,
  paceAsOf,
  paceOf,
  paceOnDay,
  shownProgress,
  wayProgress,
} from './shared';

/**
 * Reach a total: the sum of a metric over the goal's window reaches the target by the deadline
 * ("₫1.85B of ₫3B" — revenue this year). docs/figures.md § Reach a total.
 *
 * - Value: baseline (default 0) + the sum of every value logged from the window's first day through
 *   today (or through its last day once it is over); for a formula (profit = revenue − costs), the
 *   formula per month over the window, as its chart draws it (series-context.ts totalInRange). No data
 *   for the metric at all → no value, and the card says "No data yet" rather than "₫0, behind, off track".
 * - Progress: (value − baseline) ÷ (target − baseline), shown between 0 and 2.
 * - Pace: value − where the trajectory (straight line, or phased by seasonal weights) expects it today,
 *   in the metric's unit; status from its share of the expected move (status.ts rule 3). For a metric
 *   logged once a month (logging-cadence.ts), the total through the last complete month − where the
 *   trajectory expects it at that month's end (paceAtLastClose): the running month's days cannot have
 *   its close yet.
 * - Forecast: increments per complete week (windows ≤ 550 days) or month (always for a metric logged
 *   once a month, logging-cadence.ts), simulated until the total
 *   reaches the target; from 2 complete periods, a rough run-rate estimate below 8 (shown, labelled,
 *   not deciding the status). Status takes the worse of pace and a fitted forecast.
 * - Reached (value ≥ target, in the metric's good direction) ⇒ on track.
 */
export function readTotal(f: GoalFacts, ctx: SeriesContext, paths: number): TypeReading {
  const r = emptyReading();
  r.target = f.target;
  const metric = f.metric;
  if (!metric) return manualTotal(f, ctx, r);
  const { monthlyLogged, g, history, keptStarts, baseline } = readTotalSoFar(f, ctx, metric, r);
  r.progress =
    r.current !== null && f.target !== null
      ? shownProgress(wayProgress(baseline, f.target, r.current, f.direction, metric.unit.kind))
      : null;
  r.pace = monthlyLogged
    ? paceAtLastClose(f, ctx, r.baseline, r.current)
    : paceOf(f, ctx, r.baseline, r.current);
  const fc = forecastOf(
    f,
    ctx,
    { history, mode: 'cumulative', current: r.current, g, historyStarts: keptStarts },
    paths,
  );
  // A total the median future makes only after its deadline carries where its window will likely
  // end (forecast.ts, atDeadline): the card says that, not a date past the deadline.
  r.forecast = fc.forecast;
  r.forecastBasis = fc.basis;
  return withStatus(f, ctx, r);
}

/**
 * What every total reads the same way (an amount to reach, or a budget cap: budget-total.ts): the
 * value so far (baseline + the sum over the window; a formula per month over the window, as its chart
 * draws it) with its period, the complete months for the SMART check, and the complete periods its
 * forecast learns from (weeks for windows up to 550 days, months always for a metric logged once a
 * month).
 */
export function readTotalSoFar(f: GoalFacts, ctx: SeriesContext, metric: Metric, r: TypeReading) {
  r.measure = 'cumulative';
  const goal = f.goal;
  // A formula (profit = revenue − costs) has no rollups of its own: its first day and its total are
  // read through its inputs, on the series its chart and sparkline draw (series-context.ts).
  const first = ctx.metricFirstDay(metric.id, goal.dims);
  const monthlyLogged = metricLoggedMonthly(ctx, metric.id, goal.dims);
  const g = forecastGranularity(f, ctx.now, true, monthlyLogged);
  const monthStarts = historyStarts(ctx, 'month');
  const months = ctx.metricSeries(metric.id, goal.dims, 'month', monthStarts);
  r.monthly = months.slice(0, -1).filter((v): v is number => v !== null);
  const starts = g === 'month' ? monthStarts : historyStarts(ctx, g);
  const series = g === 'month' ? months : ctx.metricSeries(metric.id, goal.dims, g, starts);
  const { values: history, starts: keptStarts } = completeHistoryPeriods(
    ctx,
    metric,
    goal.dims,
    series,
    starts,
  );

  const baseline = goal.baseline ?? 0;
  r.baseline = baseline;
  const sum =
    first !== null && first <= f.lastDay
      ? ctx.totalInRange(metric.id, goal.dims, { ...(f.startDay ? { from: f.startDay } : {}), to: f.lastDay })
      : null;
  if (first !== null && sum !== null) {
    r.current = baseline + sum;
    r.period = {
      start: f.startDay ?? first,
      end: f.lastDay,
      granularity: null,
      partial: f.lastDay === ctx.today && f.endDay !== ctx.today,
    };
  }
  return { monthlyLogged, g, history, keptStarts, baseline };
}

/**
 * Pace of a total logged once a month, at its last close: the total through the last complete month
 * against the trajectory at that month's end (`asOf`). On Dec 7, a year's $2.2M read against the
 * straight line's $2.051M of Dec 7 was "behind by $145K" while the data ran to Nov 30, where the line
 * is at $2.013M: $108K. Whether the target is reached and what is still needed per day are today's.
 * While the window is open and no month of it has closed, nothing was due yet: no pace. Once the
 * window is over, the pace is the usual one at its end.
 */
export function paceAtLastClose(
  f: GoalFacts,
  ctx: SeriesContext,
  baseline: number | null,
  current: number | null,
): Pace | null {
  const now = paceOf(f, ctx, baseline, current);
  const metric = f.metric;
  // Reached today: nothing is behind, whatever the last close said ("target reached" beside "behind
  // pace by 33 on Nov 30" once December's entries passed the target).
  if (!now || now.reached || !metric || baseline === null || f.lastDay < ctx.today) return now;
  const monthStart = periodStart(ctx.today, 'month', ctx.cal);
  const closeAt = startOfLocalDay(monthStart, ctx.tz);
  if (f.goal.startAt === undefined || closeAt <= f.goal.startAt) return null;
  const to = addDays(monthStart, -1);
  const sum = ctx.totalInRange(metric.id, f.goal.dims, { ...(f.startDay ? { from: f.startDay } : {}), to });
  return paceAsOf(now, paceOf(f, ctx, baseline, baseline + (sum ?? 0), closeAt), closeAt);
}

/** A total without a metric: the latest check-in value is the running total. */
function manualTotal(f: GoalFacts, ctx: SeriesContext, r: TypeReading): TypeReading {
  return fromLatestCheckIn(f, ctx, r, true);
}

/**
 * A total or level without a metric: the latest check-in value, read on its day. A total's value covers
 * the window so far (its period starts with the window); a level's is that day's.
 */
export function fromLatestCheckIn(
  f: GoalFacts,
  ctx: SeriesContext,
  r: TypeReading,
  spansWindow: boolean,
): TypeReading {
  const v = latestCheckInValue(f);
  if (v) {
    r.current = v.value;
    r.baseline = f.goal.baseline ?? 0;
    r.measure = 'latest';
    const day = localDayKey(v.time, ctx.tz);
    const start = spansWindow ? (f.startDay ?? day) : day;
    r.period = { start, end: day, granularity: null, partial: false };
    if (f.target !== null)
      r.progress = shownProgress(wayProgress(r.baseline, f.target, v.value, f.direction));
    // Read on the check-in's day: against the line at that day's end, which the card names.
    r.pace = paceOnDay(f, ctx, r.baseline, r.current, day);
  }
  return withStatus(f, ctx, r);
}

/** Status rules shared by totals and levels (status.ts): done, not started, reached, deadline, pace, forecast. */
export function withStatus(f: GoalFacts, ctx: SeriesContext, r: TypeReading): TypeReading {
  const reached = r.pace?.reached ?? (r.progress !== null && r.target !== null ? r.progress >= 1 : false);
  decideStatus(r, f, ctx.now, {
    reached: r.current !== null && reached,
    deadlinePassed: f.deadlinePassed && r.current !== null,
    gapPct: r.pace?.gapPct ?? null,
    // A rough estimate (too few periods for a fitted model) is shown but never decides the status.
    probability: r.forecast && !r.forecast.rough ? r.forecast.probabilityByDeadline : null,
  });
  return r;
}
