import { chartFormats } from '../charts/goal-chart-series';
import type { GoalEvaluation } from '../engine/evaluate-all';
import { forecastCumulativeBand } from '../engine/forecast';
import { rollingSums } from '../engine/goal-types/reach-level';
import { basisOptions } from '../engine/goal-types/shared';
import { levelBand } from '../engine/level-band';
import { expectedLevel } from '../engine/pace';
import {
  addDays,
  type DayKey,
  type Granularity,
  localDayKey,
  nextPeriodStart,
  periodStarts,
  startOfLocalDay,
} from '../engine/time-buckets';
import { localizeExampleCheckIn } from '../example/example-check-ins';
import { formatExactValue } from '../i18n/format';
import { createTranslator } from '../i18n/translate';
import type { CheckIn, Goal, Metric, Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { evaluateDashboard, loadDashboardInput } from './dashboard-data';
import { goalDescription } from './goal-description';
import { type KeyResultRow, keyResultRows } from './goal-key-results';
import type { ChartView, GoalView } from './goal-view';
import { buildGoalView, goalUnit } from './goal-views';
import { offersMarkDone } from './mark-done';
import { createSeriesReader } from './period-series';
import { smartOkText } from './smart-ok-text';

const DAY = 86_400_000;

export interface GoalDetailData {
  goal: Goal;
  view: GoalView;
  /** Cumulative (or level) actual, target trajectory, forecast p10 / p50 / p90 and the per-period actual. */
  chart:
    | (ChartView & {
        perPeriod: (number | null)[];
        hit: (number | null)[];
        /** The target line runs through the goal's milestones (milestone-plan.ts): the legend says "Plan". */
        planned?: boolean;
      })
    | null;
  checkIns: CheckIn[];
  /** "Mark as done" is offered (mark-done.ts: never on a cap while its window runs). */
  offersMarkDone: boolean;
  smart: string[];
  /** What the detail says when the SMART check finds nothing missing (smart-ok-text.ts). */
  smartOk: string;
  /** The goal's description in the UI's language (goal-description.ts), when it has one. */
  description?: string;
  /** Its key results, each with its score and status: what an objective's score is the mean of. */
  keyResults: KeyResultRow[];
  formatAxis: (v: number) => string;
  /** A point's value in the chart's legend: a count's trajectory is "61", never "60.65". */
  formatPoint: (v: number) => string;
  /** A value typed in a check-in, exactly as typed (in the goal's unit). */
  formatExact: (v: number) => string;
}

/** No live goal has the id (a stale #goal= link, a goal deleted since): the detail says so in words. */
export class GoalNotFoundError extends Error {
  constructor(readonly goalId: string) {
    super(`No goal with id ${goalId}`);
  }
}

export async function computeGoalDetail(
  db: PacerDb,
  goalId: string,
  settings: Settings,
  now: number,
): Promise<GoalDetailData> {
  const input = await loadDashboardInput(db);
  const goal = input.goals.find((g) => g.id === goalId);
  if (!goal) throw new GoalNotFoundError(goalId);
  const { data, perGoal, inputOf } = evaluateDashboard(input, settings, now);
  const ev = perGoal.get(goal.id);
  const t = createTranslator(settings.locale);
  const metric = input.metrics.find((m) => m.id === goal.metricId);
  const unit = goalUnit(goal, metric);
  const ctx = { t, settings, now };
  const formats = chartFormats(unit, settings.locale);
  const keyResults = keyResultRows(goal, input.goals, perGoal, data.goals, ctx);
  const description = goalDescription(goal, settings.locale)?.trim();
  return {
    goal,
    ...(description ? { description } : {}),
    keyResults,
    smartOk: smartOkText(goal, keyResults.length, t),
    view: data.goals.find((g) => g.id === goalId) ?? buildGoalView(goal, ev, metric, [], ctx),
    chart: metric ? buildChart(goal, inputOf(goal.id), settings, now, ev) : null,
    // Example notes in the UI's language (issue 19, item 2); the user's own as they wrote them.
    checkIns: input.checkIns
      .filter((c) => c.goalId === goalId)
      .sort((a, b) => b.time - a.time)
      .map((c) => localizeExampleCheckIn(c, settings.locale)),
    offersMarkDone: offersMarkDone(goal, metric, now),
    smart: (ev?.smart ?? []).map((s) => s.message[settings.locale]),
    formatAxis: formats.axis,
    formatPoint: formats.point,
    formatExact: (v) => formatExactValue(v, unit, settings.locale),
  };
}

/**
 * The charts of several goals (Share / embed) from one read of the database and one evaluation of the
 * dashboard, where a computeGoalDetail per goal read and evaluated everything again for each one.
 * A goal that is gone, or a chart that fails to build, comes back as an Error for that goal alone.
 */
export async function computeGoalCharts(
  db: PacerDb,
  goalIds: readonly string[],
  settings: Settings,
  now: number,
): Promise<Map<string, GoalDetailData['chart'] | Error>> {
  const input = await loadDashboardInput(db);
  const { perGoal, inputOf } = evaluateDashboard(input, settings, now);
  const charts = new Map<string, GoalDetailData['chart'] | Error>();
  for (const id of goalIds) {
    try {
      const goal = input.goals.find((g) => g.id === id);
      if (!goal) throw new Error(`No goal with id ${id}`);
      const metric = input.metrics.some((m) => m.id === goal.metricId);
      charts.set(id, metric ? buildChart(goal, inputOf(id), settings, now, perGoal.get(id)) : null);
    } catch (error) {
      charts.set(id, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return charts;
}

/** The chart's periods: what the card's figures are read on (docs/figures.md § Detail chart). */
export function chartGranularity(
  ev: (Pick<GoalEvaluation, 'type' | 'period'> & Partial<Pick<GoalEvaluation, 'forecastBasis'>>) | undefined,
  metric: Pick<Metric, 'aggregation' | 'formula'>,
  spanDays: number,
): Granularity {
  // A goal with a forecast is charted on the periods it was forecast on, so the band is the card's.
  const forecastG = ev?.forecastBasis?.granularity;
  if (forecastG === 'week' || forecastG === 'month') return forecastG;
  // A level or keep value is a month's (a monthly-logged metric is charted by month); a stock read on
  // its latest day may go weekly on a short window, as the engine's forecast does.
  if (ev && (ev.type === 'level' || ev.type === 'keep') && ev.period?.granularity !== null) return 'month';
  const weekly = (ev?.type === 'total' || metric.aggregation === 'last') && !metric.formula;
  return weekly && spanDays <= 550 ? 'week' : 'month';
}

/**
 * The goal chart, drawn from the same reading as the card (engine/evaluate-all.ts):
 * - periods: the card's (chartGranularity); only periods that are over, plus the period the card's
 *   value refers to — its last actual point IS the card's value;
 * - a total: its running sum from the window's start; a level or keep goal: the value per period;
 * - the target line: baseline → target along the card's trajectory (through its milestone plan, as
 *   the card's pace is: milestone-plan.ts), or for a keep goal the threshold;
 * - the forecast band: the card's forecast (same model, history, periods, seed and paths: the reading's
 *   forecastBasis), from the card's value on, only when the card has a forecast. A total's band is the
 *   quantiles of the simulated running totals (forecastCumulativeBand), never summed per-period
 *   quantiles; a level's is the per-period band. Point i of the band is the value at the end of
 *   period i, as the actual points are; the running period's remaining share is all that is added to
 *   the card's value for it.
 */
export function buildChart(
  goal: Goal,
  input: Pick<Awaited<ReturnType<typeof loadDashboardInput>>, 'metrics' | 'rollups'>,
  settings: Settings,
  now: number,
  ev: GoalEvaluation | undefined,
): GoalDetailData['chart'] {
  const metric = input.metrics.find((m) => m.id === goal.metricId)!;
  const tz = settings.timeZone;
  const type = ev?.type ?? 'level';
  const start = goal.startAt ?? now - 365 * DAY;
  // Through the deadline, and on to the card's forecast date when that is later (at most a year on):
  // the band is then seen crossing the target where the card says it will. A total whose median
  // future makes it only after the deadline stops there, where its card says it will likely end
  // (its window's total cannot grow past it).
  const total = type === 'total' || (type === 'milestone' && ev?.measure === 'cumulative');
  const p50 = ev?.forecast && !ev.forecast.reachedAlready && !ev.forecast.atDeadline ? ev.forecast.p50 : null;
  const deadline = goal.deadline ?? now + 90 * DAY;
  // A total's window ends at its deadline: its line never runs past it (its card gives no later date).
  const drawTo = total && goal.deadline !== undefined ? null : p50;
  const end = Math.max(deadline, now + 7 * DAY, drawTo !== null ? Math.min(drawTo, deadline + 366 * DAY) : 0);
  const g = chartGranularity(ev, metric, (end - start) / DAY);
  const starts = periodStarts(localDayKey(start, tz), localDayKey(end, tz), g, settings);
  if (starts.length === 0) return null;
  const read = createSeriesReader(input.metrics, input.rollups, settings);
  // A level read as a rolling sum ("12 months to Nov: ₫44.3B") is charted as that sum at every month,
  // as the card reads it, never the month's own revenue beside a card's year of it.
  const rolling = g === 'month' && ev?.period?.rollingMonths ? ev.period.rollingMonths : 0;
  // Read from a year (or the rolling sum's span) before the first period, as the engine does: a
  // formula with prev() (churn = churned ÷ last period's active) has no value in the first period.
  const lead = periodStarts(
    localDayKey(start - (g === 'week' ? 7 : 31) * Math.max(12, rolling) * DAY, tz),
    localDayKey(end, tz),
    g,
    settings,
  );
  const offset = lead.length - starts.length;
  const leadValues = read(metric.id, goal.dims, g, lead);
  const values = (rolling ? rollingSums(leadValues, rolling) : leadValues).slice(offset);
  const ends = starts.map((s) => startOfLocalDay(nextPeriodStart(s, g), tz));
  // A total counts from the window's first day, as the card does (sumInRange from the start day): a
  // window that opens mid-period takes only that period's days from the start on, or the running
  // total would hold days before the goal and end above the card's value.
  const startDay = localDayKey(start, tz);
  const first = starts[0];
  if (total && goal.startAt !== undefined && first !== undefined && startDay > first) {
    const days: DayKey[] = [];
    for (let d = startDay; d < nextPeriodStart(first, g); d = addDays(d, 1)) days.push(d);
    const daily = read(metric.id, goal.dims, 'day', days);
    values[0] = daily.some((v) => v !== null) ? daily.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  }
  const today = localDayKey(now, tz);
  const current = ev?.current ?? null;
  // The period the card's value belongs to: for a total, the running one; for a level, the reading's.
  const readDay = total ? (ev?.period?.end ?? today) : (ev?.period?.end ?? null);
  let last = readDay === null ? -1 : starts.findLastIndex((s) => s <= readDay);
  if (!total && current === null) last = -1;
  const perPeriod = values.map((v, i) => (i <= last || ends[i]! <= now ? v : null));
  const baseline = ev?.baseline ?? goal.baseline ?? 0;
  let running = total ? baseline : 0;
  const actual = perPeriod.map((v, i) => {
    if (i > last) return null;
    if (!total) return v;
    running += v ?? 0;
    return running;
  });
  if (last >= 0 && current !== null) actual[last] = current;
  // The chart's "Added in the period" line shows complete periods only: the running period's few days,
  // joined to whole months, read as a collapse (Oct ₫404M → Nov ₫192M → "Dec" ₫41.9M on Dec 7; a
  // reviewer). The running total above still counts them.
  for (let i = 0; i < perPeriod.length; i++) if (ends[i]! > now) perPeriod[i] = null;

  const window =
    goal.startAt !== undefined && goal.deadline !== undefined
      ? {
          startAt: goal.startAt,
          deadline: goal.deadline,
          trajectory: goal.trajectory,
          seasonalWeights: goal.seasonalWeights,
          timeZone: tz,
          plan: ev?.plan ?? [],
        }
      : null;
  // Each point is drawn where its value is known: a total's running sum and a level's period value at
  // the period's end, the card's value at now (see xs below); the trajectory is read at the same
  // instants, so the gap at the card's point is the card's pace.
  // A total's window (a budget cap's too) ends at its deadline: the week it falls in is drawn there,
  // where the card's forecast of its end total is. A point at the week's end counted days after the
  // window: "2027: ₫97B" ended its line on Jan 2, 2028, off the card's "Forecast for Dec 31, 2027".
  const cap = total ? (ev?.budget ?? null) : null;
  const windowEnd = total && goal.deadline !== undefined ? goal.deadline : Number.POSITIVE_INFINITY;
  const at = ends.map((e, i) => Math.min(e - 1, i === last ? now : Number.POSITIVE_INFINITY, windowEnd));
  const targetAt = (e: number) => {
    if (goal.target === undefined) return null;
    if (type === 'keep') return goal.target;
    if (!window) return null;
    return expectedLevel(window, baseline, goal.target, Math.min(e, window.deadline));
  };
  const target = at.map(targetAt);

  /** The band at the end of the running period, when the card's value is read on it (drawn at now). */
  let runningEnd: { low: number; mid: number; high: number } | null = null;
  const low: (number | null)[] = starts.map(() => null);
  const mid: (number | null)[] = starts.map(() => null);
  const high: (number | null)[] = starts.map(() => null);
  const basis = ev?.forecastBasis;
  const forecast = ev?.forecast;
  // A budget cap has no date to reach: its band is the card's forecast of where the total ends
  // (budget-total.ts), drawn from the same futures, and its window's end is the card's figure.
  const forecastShown = cap ? cap.end !== null : !!forecast && !forecast.reachedAlready;
  const curIdx = starts.findLastIndex((s) => s <= today);
  if (
    basis &&
    forecastShown &&
    basis.granularity === g &&
    last >= 0 &&
    current !== null &&
    type !== 'keep' &&
    curIdx >= last
  ) {
    // band[k] is the value at the end of period curIdx + k (k = 0: the running period).
    const horizon = starts.length - curIdx;
    const opts = basisOptions(basis);
    // A level's band is the card's own futures (level-band.ts: simulated for the card's horizon, then
    // cut to the chart's; once per basis, so the band the evaluation read its plan-shortfall figure
    // from, not simulated again), so its median at the plan's point is the card's figure;
    // a rolling sum's is of the sums along each simulated future of its months (forecast-rolling.ts),
    // never a band of one month's revenue.
    const band = total
      ? forecastCumulativeBand(basis.history, horizon, current, {
          ...opts,
          firstStepShare: basis.firstStepShare,
        })
      : levelBand(basis, horizon);
    // A share (a percentage whose whole history lies within 0–100%: on-time delivery, a margin, a
    // conversion rate) cannot go past either end: its band stops there (a monotone clamp of the paths,
    // so the quantiles are still the card's model's).
    const share =
      !total &&
      metric.unit.kind === 'percent' &&
      [...basis.history, current].every((v) => v >= 0 && v <= 100);
    const bound = (v: number) => (share ? Math.min(100, Math.max(0, v)) : v);
    if (band.p50.length) {
      low[last] = mid[last] = high[last] = current;
      const [lo, md, hi] = [band.p10[0], band.p50[0], band.p90[0]];
      if (last === curIdx && lo !== undefined && md !== undefined && hi !== undefined)
        runningEnd = { low: bound(Math.min(lo, hi)), mid: bound(md), high: bound(Math.max(lo, hi)) };
      for (let i = last + 1; i < starts.length; i++) {
        const k = i - curIdx;
        const lo = band.p10[k];
        const md = band.p50[k];
        const hi = band.p90[k];
        if (lo === undefined || md === undefined || hi === undefined) continue;
        low[i] = bound(Math.min(lo, hi));
        mid[i] = bound(md);
        high[i] = bound(Math.max(lo, hi));
      }
    }
  }
  // The card's value is read on the running period (drawn at now): the period's end is a point of its
  // own, with the target there and the band's first step, so a goal due this month still shows its
  // target at the deadline and where the forecast ends the month.
  const xs = at.map((t) => t / 1000);
  const endOfRunning = last >= 0 && last === curIdx ? (ends[last] as number) - 1 : null;
  if (endOfRunning !== null && endOfRunning > now) {
    const i = last + 1;
    xs.splice(i, 0, endOfRunning / 1000);
    actual.splice(i, 0, null);
    perPeriod.splice(i, 0, null);
    target.splice(i, 0, targetAt(endOfRunning));
    low.splice(i, 0, runningEnd?.low ?? null);
    mid.splice(i, 0, runningEnd?.mid ?? null);
    high.splice(i, 0, runningEnd?.high ?? null);
  }
  /** The future point drawn within a day of `t` (a period's end), or −1. */
  const futurePointAt = (t: number) => xs.findIndex((x, k) => k > last && Math.abs(x * 1000 - t) <= DAY);
  // A total that ends at its deadline: the deadline's point is the card's "Forecast for Dec 31" (the
  // same paths as its chance), so the two never differ by the band's own sampling.
  const endOfWindow = cap ? cap.end : forecast?.atDeadline;
  const openEnded = !!endOfWindow && 'upperOpen' in endOfWindow && endOfWindow.upperOpen === true;
  if (total && endOfWindow && !openEnded && goal.deadline !== undefined) {
    const i = futurePointAt(goal.deadline);
    if (i >= 0) {
      low[i] = endOfWindow.p10;
      mid[i] = endOfWindow.p50;
      high[i] = endOfWindow.p90;
    }
  }
  // The plan's point the card names ("the plan asks ₫97B by Dec 31, 2027; forecast there: ₫56.9B")
  // needs no patch: the band above is the card's futures, so its median there is the card's figure.
  // A level's forecast date is when half the simulated futures have first reached the target; the
  // median line is the typical level month by month, and a level that wobbles reaches a target
  // before its median does (on-time delivery: the card's "May 31, 2027" while the median is 97.7%).
  // The card's date is marked on the target line, so the chart shows the card's forecast.
  const hit: (number | null)[] = xs.map(() => null);
  if (!total && type !== 'keep' && p50 !== null && goal.target !== undefined) {
    const i = futurePointAt(p50);
    if (i >= 0) hit[i] = goal.target;
  }
  // A running total starts at its baseline on the window's first day, as the trajectory does: drawn
  // from the first period's end only, the line began at October's 42 in mid-air, not at 0 on Oct 1.
  if (total && goal.startAt !== undefined && xs.length && goal.startAt / 1000 < (xs[0] as number)) {
    xs.unshift(goal.startAt / 1000);
    actual.unshift(baseline);
    target.unshift(targetAt(goal.startAt));
    for (const column of [low, mid, high, perPeriod, hit]) column.unshift(null);
  }
  return {
    goalId: goal.id,
    type: total ? 'total' : type === 'keep' ? 'keep' : 'level',
    // Each point the sum of the months before it: the legend names it so (goal-chart-series.ts).
    ...(rolling && !total ? { rollingMonths: rolling } : {}),
    // Its trajectory bends at the owner's milestones: named "Plan (through milestones)", the line the
    // card's "Ahead of plan" speaks of (docs/figures.md § Detail chart).
    ...(!total && type !== 'keep' && ev?.plan.length ? { planned: true } : {}),
    // A budget cap draws its cap flat, and its trajectory is the planned line (goal-chart-series.ts).
    ...(cap ? { cap: cap.cap } : {}),
    // The unit the chart writes its numbers in (the card's), carried into a snapshot for its widget.
    unit: goalUnit(goal, metric),
    // Point i is the value at the END of period i (a total's running sum, a level's period value; the
    // trajectory and the band are read there too), drawn at the period's last instant, the card's value
    // at now: drawn at the period's start, a December value read as December 1st, and the line reached
    // the target a whole period before the card's date.
    xs,
    actual,
    target,
    low,
    mid,
    high,
    perPeriod,
    hit,
  };
}
