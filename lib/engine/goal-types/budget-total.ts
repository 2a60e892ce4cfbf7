import type { Goal, Metric } from '../../schema';
import { budgetOutlook } from '../forecast-budget';
import { goalDirection, goalTypeOf } from '../goal-type';
import type { Pace } from '../pace';
import { chanceRank, gapRank, type StatusInput } from '../status';
import { localDayKey } from '../time-buckets';
import { paceAtLastClose, readTotal, readTotalSoFar } from './reach-total';
import { type BudgetCap, emptyReading, type GoalFacts, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import {
  decideStatus,
  forecastBasisOf,
  latestCheckInValue,
  minForecastHistory,
  paceOf,
  paceOnDay,
} from './shared';

/**
 * A budget cap: a total whose way is down — a total on a KPI where lower is better (refunds, costs),
 * or on a neutral KPI (ad spend) whose goal goes down — is a ceiling on what the window adds up to:
 * "Spend at most ₫1.5B on ads in Q1". docs/figures.md § Budget cap (its one definition).
 *
 * Summed from 0, such a total starts at or under its target, so read as a total to reach it said
 * "target reached" before a đồng was spent. A cap is never reached while its window runs:
 * - Figures: the total so far (as a total's: reach-total.ts readTotalSoFar), the share of the cap
 *   used, what is left, and once past the cap by how much; the planned line is a total's trajectory
 *   from the baseline to the cap (straight or phased, compared at the last close for a metric logged
 *   once a month), read as "over / under plan".
 * - Forecast (forecast-budget.ts): the chance the window's total ends at or under the cap and where it
 *   will likely end, from the complete periods a total's forecast uses (2 for a rough estimate, 8 for
 *   a fitted one). No date: there is nothing to reach.
 * - Progress (OKR scores, roll-ups): the share of the window gone by within the cap — 0 at its start,
 *   1 only when it ended at or under the cap, 0 once the cap is passed. Never the share used, which
 *   would score an overspent budget 1.0.
 * - Status (status.ts rule 4c), from one signal:
 *   - the total past the cap → off track ('budget_over'), for good: it can only grow;
 *   - else, with a fitted forecast, its chance to end at or under the cap: below 30% off track, below
 *     70% at risk (the thresholds of every chance), on track from 70% even over the planned line;
 *   - else (a rough forecast or none), the planned line: over it by more than 20% of the move planned
 *     so far → off track, by more than 5% → at risk (a total's pace thresholds), else on track.
 *   After the window: on track and met ('target_reached') at or under the cap, else off track.
 *   Done, not started and the owner's confidence as for every goal.
 */
export function readBudgetCap(facts: GoalFacts, ctx: SeriesContext, paths: number): TypeReading {
  // A baseline above the cap is a figure to come down from, not spend before the window (see
  // capSpentBefore): the cap is read from 0, as if none were stored. The record keeps it.
  const f =
    capSpentBefore(facts.goal) === (facts.goal.baseline ?? 0)
      ? facts
      : { ...facts, goal: withoutBaseline(facts.goal) };
  const r = emptyReading();
  r.target = f.target;
  const metric = f.metric;
  const asUp: GoalFacts = { ...f, direction: 'up' };
  let pace: Pace | null = null;
  let forecastInputs: ReturnType<typeof readTotalSoFar> | null = null;
  if (metric) {
    forecastInputs = readTotalSoFar(f, ctx, metric, r);
    const base = forecastInputs.baseline;
    // The planned line is a total's trajectory to the cap, read upwards: over it is "over plan".
    pace = forecastInputs.monthlyLogged
      ? paceAtLastClose(asUp, ctx, base, r.current)
      : paceOf(asUp, ctx, base, r.current);
  } else {
    // Without a metric, the latest check-in value is the total so far.
    const v = latestCheckInValue(f);
    r.baseline = f.goal.baseline ?? 0;
    if (v) {
      r.current = v.value;
      r.measure = 'latest';
      const day = localDayKey(v.time, ctx.tz);
      r.period = { start: f.startDay ?? day, end: day, granularity: null, partial: false };
      // The total on the check-in's day, against the planned line at that day's end (named on the card).
      pace = paceOnDay(asUp, ctx, r.baseline, r.current, day);
    }
  }
  const cap = f.target;
  if (cap === null || r.current === null) return finish(f, ctx, r, []);
  if (forecastInputs) {
    const { history, g, keptStarts } = forecastInputs;
    r.forecastBasis = forecastBasisOf(f, ctx, { history, g, historyStarts: keptStarts }, paths);
  }
  const basis = r.forecastBasis;
  const deadline = f.goal.deadline;
  const outlook =
    basis &&
    deadline !== undefined &&
    !f.done &&
    deadline > ctx.now &&
    basis.history.length >= minForecastHistory('cumulative')
      ? budgetOutlook({
          basis,
          current: r.current,
          cap,
          now: ctx.now,
          stepEnds: ctx.futurePeriodEnds(basis.granularity),
          deadline,
          ...(f.notStarted && f.goal.startAt !== undefined ? { countFrom: f.goal.startAt } : {}),
        })
      : null;
  const spent = r.current;
  const budget: BudgetCap = {
    cap,
    spent,
    shareUsed: cap > 0 ? spent / cap : null,
    left: Math.max(0, cap - spent),
    over: Math.max(0, spent - cap),
    planned: pace?.expected ?? null,
    plannedSpent: pace?.actual ?? null,
    ...(pace?.asOf !== undefined ? { planAsOf: pace.asOf } : {}),
    overPlanPct: pace?.gapPct ?? null,
    ended: f.deadlinePassed,
    chanceWithin: outlook?.chanceWithin ?? null,
    end: outlook?.end ?? null,
    ...(outlook?.rough ? { rough: outlook.rough } : {}),
  };
  r.budget = budget;
  r.progress = progressOf(f, ctx, budget);
  return finish(f, ctx, r, signalsOf(budget));
}

/** The share of the window gone by within the cap (see above); null without a window. */
function progressOf(f: GoalFacts, ctx: SeriesContext, b: BudgetCap): number | null {
  if (b.over > 0) return 0;
  if (b.ended) return 1;
  const { startAt, deadline } = f.goal;
  if (!f.windowOk || startAt === undefined || deadline === undefined) return null;
  return Math.min(1, Math.max(0, (ctx.now - startAt) / (deadline - startAt)));
}

/** The one signal a cap's status comes from (see above). */
function signalsOf(b: BudgetCap): NonNullable<StatusInput['signals']> {
  if (b.over > 0) return [{ rank: 2, reason: 'budget_over' }];
  if (b.ended) return [];
  if (b.chanceWithin !== null && !b.rough) {
    const rank = chanceRank(b.chanceWithin);
    return [
      {
        rank,
        reason: rank === 2 ? 'budget_overrun_likely' : rank === 1 ? 'budget_overrun_possible' : null,
      },
    ];
  }
  if (b.overPlanPct === null || !Number.isFinite(b.overPlanPct)) return [];
  // Over the planned line is behind it: a total's pace thresholds on the gap read the other way.
  const rank = gapRank(-b.overPlanPct);
  return [{ rank, reason: rank === 2 ? 'budget_far_over_plan' : rank === 1 ? 'budget_over_plan' : null }];
}

function finish(
  f: GoalFacts,
  ctx: SeriesContext,
  r: TypeReading,
  signals: NonNullable<StatusInput['signals']>,
): TypeReading {
  const b = r.budget;
  return decideStatus(r, f, ctx.now, {
    // Met only once the window is over: a cap running under its line has met nothing yet.
    reached: !!b && b.ended && b.over === 0,
    deadlinePassed: false,
    gapPct: null,
    probability: null,
    signals,
  });
}

/**
 * What a cap counts as spent before its window: its baseline, when at or under the cap. A baseline
 * above the cap cannot be that — the cap would be over budget before the window opened, before
 * anything was spent — and the form refuses it (lib/app/budget-form.ts); a goal saved before caps
 * existed ("reduce refunds from 2,000 to 1,500", a total on a KPI where lower is better, or a neutral
 * KPI's total whose way was read from that very baseline) holds one. Whether "from 2,000" was the last
 * period's total (a cap against it) or a month's figure to bring down (a level) the record does not
 * say, so nothing rewrites it: it is read as a cap on what the window adds up to, from 0, the baseline
 * kept as stored and named by the goal's SMART check (smart-check.ts, cap_baseline_above), where an
 * edit settles it. docs/figures.md § Budget cap.
 */
export function capSpentBefore(goal: Pick<Goal, 'baseline' | 'target'>): number {
  const b = goal.baseline;
  if (b === undefined) return 0;
  return goal.target !== undefined && b > goal.target ? 0 : b;
}

function withoutBaseline(goal: Goal): Goal {
  const { baseline: _reference, ...rest } = goal;
  return rest;
}

/**
 * Whether a stored goal is a budget cap, from the goal and its KPI alone (no reading needed: a cap
 * with nothing logged yet, or without a KPI, is one too): a total whose way is down.
 */
export function isBudgetCapGoal(
  goal: Pick<Goal, 'goalType' | 'kind' | 'metricId' | 'measure' | 'baseline' | 'target'> &
    Partial<Pick<Goal, 'direction' | 'keepSide'>>,
  metric: Pick<Metric, 'aggregation' | 'formula' | 'direction' | 'unit'> | undefined,
): boolean {
  return goalTypeOf(goal, metric) === 'total' && goalDirection(goal, metric) === 'down';
}

/** A total whose way is down is a budget cap (docs/figures.md § A goal's way). */
export function isBudgetCap(f: Pick<GoalFacts, 'direction'>): boolean {
  return f.direction === 'down';
}

/** A total: a budget cap when its way is down, else an amount to reach (reach-total.ts). */
export function readTotalOrCap(f: GoalFacts, ctx: SeriesContext, paths: number): TypeReading {
  return isBudgetCap(f) ? readBudgetCap(f, ctx, paths) : readTotal(f, ctx, paths);
}
