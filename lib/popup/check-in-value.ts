import type { Goal, Metric, Unit } from '../schema';
import type { ValueRules } from './quick-log';

/**
 * The unit a weekly check-in value is read in, so it goes through the quick log's checks
 * (`checkValue`: ambiguity question, currency and percent checks — issue 15, finding 10): the goal's
 * KPI's unit, or a plain count for a goal without a KPI (its value is then the goal's own number, and
 * "$1,500" or "40%" typed there is refused rather than silently stored as 1500 or 40).
 */
export function checkInUnit(goal: Pick<Goal, 'metricId'> | undefined, metrics: readonly Metric[]): Unit {
  return goalKpi(goal, metrics)?.unit ?? { kind: 'count' };
}

/** The KPI a goal reads its value from, when it has one among `metrics`. */
export function goalKpi(
  goal: Pick<Goal, 'metricId'> | undefined,
  metrics: readonly Metric[],
): Metric | undefined {
  return goal?.metricId ? metrics.find((m) => m.id === goal.metricId) : undefined;
}

export interface CheckInValueRules {
  unit: Unit;
  /** A KPI's value is asked about when odd (a negative count); a goal's own number is not. */
  rules: ValueRules;
}

/** The unit and the checks of a goal's check-in value (issue 19, item 6). */
export function checkInRules(
  goal: Pick<Goal, 'metricId'> | undefined,
  metrics: readonly Metric[],
): CheckInValueRules {
  const hasKpi = goalKpi(goal, metrics) !== undefined;
  return { unit: checkInUnit(goal, metrics), rules: hasKpi ? 'kpi' : 'plain' };
}
