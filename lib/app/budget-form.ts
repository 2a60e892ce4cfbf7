import { goalTypeOf } from '../engine/goal-type';
import type { GoalDirection, GoalType, Metric } from '../schema';
import type { FieldErrors, GoalField, GoalFormState } from './goal-form';

/**
 * The goal form and a budget cap: a total whose way is down — on a KPI where lower is better, or a
 * neutral KPI's total the goal takes down — is saved as a cap, "at most" the target over the period
 * (lib/engine/goal-types/budget-total.ts; docs/figures.md § Budget cap). The form says so on the
 * target's label and hint, so the user knows the number is a budget and not an amount to reach.
 */

/** Whether the form, as typed, describes a budget cap (its target is then labelled a budget). */
export function formIsBudgetCap(
  form: Pick<GoalFormState, 'goalType' | 'kind' | 'metricId' | 'measure' | 'direction'>,
  metric: Pick<Metric, 'aggregation' | 'formula' | 'direction' | 'unit'> | undefined,
): boolean {
  if (!metric || !form.metricId) return false;
  const type =
    form.goalType ||
    goalTypeOf({ kind: form.kind, metricId: form.metricId, measure: form.measure || undefined }, metric);
  if (type !== 'total') return false;
  return metric.direction === 'down' || (metric.direction === 'neutral' && form.direction === 'down');
}

/**
 * A cap's baseline is what was already spent before its window: one above the cap is over budget
 * before the window opens. That is "bring a figure down", a level to reach, not a budget; the form
 * says so on the baseline (a neutral KPI's total read downwards from its baseline lands here too).
 */
export function capBaselineProblem(
  candidate: { goalType?: unknown; baseline?: unknown; target?: unknown },
  direction: GoalDirection,
  errors: FieldErrors<GoalField>,
): void {
  const type = candidate.goalType as GoalType | undefined;
  const { baseline, target } = candidate;
  if (type !== 'total' || direction !== 'down') return;
  if (typeof baseline === 'number' && typeof target === 'number' && baseline > target)
    errors.baseline = { key: 'editor.goal.capBaseline' };
}
