import type { Goal, GoalDirection, GoalType, KeepSide, Metric, Unit } from '../schema';
import { goodJourney, journeyFloor } from './journey';

/**
 * A goal's type (schema/goal.ts, GoalType): the stored one, or for records written before database v3
 * (and imports) the one the v3 migration infers — this one function, so both always agree.
 *
 * Inference, in order:
 * 1. An objective, or a BHAG/goal without a metric that is not a milestone → objective.
 * 2. A milestone → milestone (its metric, if any, is its condition).
 * 3. A metric counted over the window (legacy measure 'cumulative', or a plain summed metric with no
 *    measure given) → total.
 * 4. A level whose target lies less than a real journey beyond the baseline in the good direction (at
 *    the baseline, on its wrong side, or within 10% of the target's size — journey.ts) → keep: "keep
 *    margin at 30%" from 29.6% is a threshold to hold, not a 0.4-point journey.
 * 5. Otherwise → level.
 */
export function goalTypeOf(
  goal: Pick<Goal, 'goalType' | 'kind' | 'metricId' | 'measure' | 'baseline' | 'target'> &
    Partial<Pick<Goal, 'direction' | 'keepSide'>>,
  metric?: Pick<Metric, 'aggregation' | 'formula' | 'direction' | 'unit'>,
): GoalType {
  if (goal.goalType) return goal.goalType;
  if (goal.kind === 'objective') return 'objective';
  if (goal.kind === 'milestone') return 'milestone';
  if (!goal.metricId) return 'objective';
  const summed = !!metric && metric.aggregation === 'sum' && !metric.formula;
  if (goal.measure === 'cumulative' ? !metric || summed : !goal.measure && summed) return 'total';
  if (goal.target !== undefined && goal.baseline !== undefined && metric) {
    const journey = goodJourney(goal.baseline, goal.target, goalDirection(goal, metric));
    if (journey <= 0 || journey < journeyFloor(goal.baseline, goal.target, metric.unit.kind)) return 'keep';
  }
  return 'level';
}

/**
 * The way a goal moves its metric, which every figure of its card is read in (journey.ts): the KPI's
 * good direction; for a KPI with none (neutral: ad spend, a budget) the goal's own, in this order:
 * a keep goal's side (at most → down), the direction the goal form stored, the side of the baseline its
 * target is on (both stored), else up, as a total is reached by adding up. A neutral KPI has no "wrong
 * side": "cut ad spend to ₫150M" and "scale it to ₫500M" are both goals on it.
 * A goal without a KPI (its values are check-ins) reads the direction stored on it, else up: an
 * imported "Refunds at most ₫200M this year" logged by hand is a budget cap (budget-total.ts) as it
 * is with a KPI, never a total "reached" from its first check-in.
 */
export function goalDirection(
  goal: Partial<Pick<Goal, 'direction' | 'keepSide' | 'baseline' | 'target'>>,
  metric?: Pick<Metric, 'direction'>,
): GoalDirection {
  if (!metric) return goal.direction ?? 'up';
  const own = metric.direction;
  if (own !== 'neutral') return own;
  if (goal.keepSide) return goal.keepSide === 'at_most' ? 'down' : 'up';
  if (goal.direction) return goal.direction;
  if (goal.baseline !== undefined && goal.target !== undefined && goal.target < goal.baseline) return 'down';
  return 'up';
}

/** Which side of a keep goal's threshold holds: the stored side, else the goal's way (goalDirection). */
export function keepSideOf(
  goal: Pick<Goal, 'keepSide'> & Partial<Pick<Goal, 'direction' | 'baseline' | 'target'>>,
  metric?: Pick<Metric, 'direction'>,
): KeepSide {
  return goal.keepSide ?? (goalDirection(goal, metric) === 'down' ? 'at_most' : 'at_least');
}

/** True when `value` holds a keep goal's threshold. */
export function holds(value: number, threshold: number, side: KeepSide): boolean {
  return side === 'at_most' ? value <= threshold : value >= threshold;
}

/** Percent metrics measure gaps in percentage points; everything else in its own unit. */
export function isPointUnit(unit: Pick<Unit, 'kind'> | undefined): boolean {
  return unit?.kind === 'percent';
}
