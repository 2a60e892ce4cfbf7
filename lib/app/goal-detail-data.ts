import { forecastSeries } from '../engine/forecast';
import { expectedFraction } from '../engine/pace';
import { isCumulative } from '../engine/smart-check';
import {
  type Granularity,
  localDayKey,
  nextPeriodStart,
  periodStarts,
  startOfLocalDay,
} from '../engine/time-buckets';
import { createTranslator } from '../i18n/translate';
import type { CheckIn, Goal, Settings } from '../schema';
import type { PacerDb } from '../storage/db';
import { evaluateDashboard, loadDashboardInput } from './dashboard-data';
import type { ChartView, GoalView } from './goal-view';
import { buildGoalView, formatUnitValue, goalUnit } from './goal-views';
import { createSeriesReader } from './period-series';

const DAY = 86_400_000;

export interface GoalDetailData {
  goal: Goal;
  view: GoalView;
  /** Cumulative (or level) actual, target trajectory, forecast p10 / p50 / p90 and the per-period actual. */
  chart: (ChartView & { perPeriod: (number | null)[] }) | null;
  checkIns: CheckIn[];
  smart: string[];
  descendantIds: string[];
  formatAxis: (v: number) => string;
}

export async function computeGoalDetail(
  db: PacerDb,
  goalId: string,
  settings: Settings,
  now: number,
): Promise<GoalDetailData> {
  const input = await loadDashboardInput(db);
  const goal = input.goals.find((g) => g.id === goalId);
  if (!goal) throw new Error(`No goal with id ${goalId}`);
  const { data, perGoal } = evaluateDashboard(input, settings, now);
  const ev = perGoal.get(goal.id);
  const t = createTranslator(settings.locale);
  const metric = input.metrics.find((m) => m.id === goal.metricId);
  const unit = goalUnit(goal, metric);
  const ctx = { t, settings, now };
  return {
    goal,
    view: data.goals.find((g) => g.id === goalId) ?? buildGoalView(goal, ev, metric, [], ctx),
    chart: metric ? buildChart(goal, input, settings, now, ev?.current ?? null) : null,
    checkIns: input.checkIns.filter((c) => c.goalId === goalId).sort((a, b) => b.time - a.time),
    smart: (ev?.smart ?? []).map((s) => s.message[settings.locale]),
    descendantIds: descendants(goalId, input.goals),
    formatAxis: (v) => formatUnitValue(v, unit, ctx),
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
  const { perGoal } = evaluateDashboard(input, settings, now);
  const charts = new Map<string, GoalDetailData['chart'] | Error>();
  for (const id of goalIds) {
    try {
      const goal = input.goals.find((g) => g.id === id);
      if (!goal) throw new Error(`No goal with id ${id}`);
      const metric = input.metrics.some((m) => m.id === goal.metricId);
      charts.set(
        id,
        metric ? buildChart(goal, input, settings, now, perGoal.get(id)?.current ?? null) : null,
      );
    } catch (error) {
      charts.set(id, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return charts;
}

function descendants(id: string, goals: Goal[]): string[] {
  const out: string[] = [];
  const walk = (parent: string) => {
    for (const g of goals) {
      if (g.parentId !== parent || out.includes(g.id)) continue;
      out.push(g.id);
      walk(g.id);
    }
  };
  walk(id);
  return out;
}

/**
 * The goal chart: per-period actual and its running total from the goal's start, the target
 * trajectory (linear or phased), and the forecast band continuing from today to the deadline.
 */
function buildChart(
  goal: Goal,
  input: Awaited<ReturnType<typeof loadDashboardInput>>,
  settings: Settings,
  now: number,
  current: number | null,
): GoalDetailData['chart'] {
  const metric = input.metrics.find((m) => m.id === goal.metricId)!;
  const tz = settings.timeZone;
  const start = goal.startAt ?? now - 365 * DAY;
  const end = Math.max(goal.deadline ?? now + 90 * DAY, now + 7 * DAY);
  const g: Granularity = end - start <= 550 * DAY ? 'week' : 'month';
  const starts = periodStarts(localDayKey(start, tz), localDayKey(end, tz), g, settings);
  if (starts.length === 0) return null;
  const read = createSeriesReader(input.metrics, input.rollups, settings);
  const values = read(metric.id, goal.dims, g, starts);
  const ends = starts.map((s) => startOfLocalDay(nextPeriodStart(s, g), tz));
  const cumulative = isCumulative(goal, metric);
  const baseline = goal.baseline ?? 0;
  const past = ends.map((e, i) => startOfLocalDay(starts[i]!, tz) <= now && e > 0);
  const perPeriod = values.map((v, i) => (past[i] ? v : null));
  let running = baseline;
  const actual = perPeriod.map((v, i) => {
    if (!past[i]) return null;
    if (!cumulative) return v;
    running += v ?? 0;
    return running;
  });
  const window =
    goal.startAt !== undefined && goal.deadline !== undefined
      ? {
          startAt: goal.startAt,
          deadline: goal.deadline,
          trajectory: goal.trajectory,
          seasonalWeights: goal.seasonalWeights,
          timeZone: tz,
        }
      : null;
  const target = ends.map((e) => {
    if (!window || goal.target === undefined) return null;
    const f = expectedFraction(window, Math.min(e, window.deadline));
    return f === null ? null : baseline + (goal.target - baseline) * f;
  });
  const firstFuture = past.indexOf(false);
  const low: (number | null)[] = starts.map(() => null);
  const mid: (number | null)[] = starts.map(() => null);
  const high: (number | null)[] = starts.map(() => null);
  if (firstFuture > 0) {
    const history = perPeriod.slice(0, firstFuture - 1).filter((v): v is number => v !== null);
    const horizon = starts.length - firstFuture + 1;
    const f = forecastSeries(history, horizon, { seasonPeriod: g === 'week' ? 52 : 12, paths: 300, seed: 7 });
    const anchor = cumulative
      ? (current ?? actual[firstFuture - 1] ?? baseline)
      : (actual[firstFuture - 1] ?? null);
    if (f.p50.length && anchor !== null) {
      low[firstFuture - 1] = mid[firstFuture - 1] = high[firstFuture - 1] = anchor;
      let lo = anchor;
      let md = anchor;
      let hi = anchor;
      for (let k = 0; k < horizon - 1 && firstFuture + k < starts.length; k++) {
        const i = firstFuture + k;
        if (cumulative) {
          lo += f.p10[k] ?? 0;
          md += f.p50[k] ?? 0;
          hi += f.p90[k] ?? 0;
        } else {
          lo = f.p10[k] ?? lo;
          md = f.p50[k] ?? md;
          hi = f.p90[k] ?? hi;
        }
        low[i] = Math.min(lo, hi);
        mid[i] = md;
        high[i] = Math.max(lo, hi);
      }
    }
  }
  return {
    goalId: goal.id,
    xs: starts.map((s) => startOfLocalDay(s, tz) / 1000),
    actual,
    target,
    low,
    mid,
    high,
    perPeriod,
  };
}
