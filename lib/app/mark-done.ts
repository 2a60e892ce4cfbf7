import { isBudgetCapGoal } from '../engine/goal-types/budget-total';
import type { Goal, Metric } from '../schema';

/**
 * Whether a goal's detail offers "Mark as done". Marking done sets `doneAt`: the goal reads "Done",
 * its bar is full and it scores 1.0 wherever it is rolled up. That fits a goal reached or a milestone
 * delivered, and a cap (docs/figures.md § Budget cap) once its window is over; but a cap is met only
 * by staying within it to the end, so "done" in the middle of its window would score 1.0 a budget that
 * may yet be overrun, and hide the overrun. While its window runs it is not offered. "Reopen" always is.
 *
 * Whether the goal is a cap comes from the goal and its KPI (budget-total.ts, isBudgetCapGoal), never
 * from what its chart drew: a cap with nothing logged yet has no budget line, and one without a KPI no
 * chart at all, and both had offered "Mark as done".
 */
export function offersMarkDone(
  goal: Pick<
    Goal,
    'doneAt' | 'deadline' | 'goalType' | 'kind' | 'metricId' | 'measure' | 'baseline' | 'target'
  > &
    Partial<Pick<Goal, 'direction' | 'keepSide'>>,
  metric: Pick<Metric, 'aggregation' | 'formula' | 'direction' | 'unit'> | undefined,
  now: number,
): boolean {
  if (goal.doneAt) return true;
  if (!isBudgetCapGoal(goal, metric)) return true;
  return goal.deadline !== undefined && goal.deadline <= now;
}
