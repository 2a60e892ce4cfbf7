import { goalTypeOf } from '../engine/goal-type';
import type { CheckIn, Goal, Metric, Observation, Unit } from '../schema';
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

/**
 * What a check-in step asks of a goal's value:
 * - `none`: the goal has no number to report (an objective, a milestone without a KPI): no value field;
 * - `own`: the goal has no KPI and reads the value of its latest check-in (goal-types/shared.ts,
 *   latestCheckInValue): the typed value is the goal's number and moves its card;
 * - `kpi`: the goal reads its KPI's logged values; `loggable` when the typed "now" value can be logged
 *   to the KPI as one more value without changing its meaning: a level (last, average, min, max),
 *   not a sum (a running total logged as one more value would be counted twice) nor a formula.
 */
export type CheckInMeasure =
  | { kind: 'none' }
  | { kind: 'own' }
  | { kind: 'kpi'; metric: Metric; loggable: boolean; why?: 'sum' | 'formula' };

export function checkInMeasure(
  goal: Parameters<typeof goalTypeOf>[0] | undefined,
  metrics: readonly Metric[],
): CheckInMeasure {
  if (!goal) return { kind: 'none' };
  const metric = goalKpi(goal, metrics);
  if (metric?.formula) return { kind: 'kpi', metric, loggable: false, why: 'formula' };
  if (metric?.aggregation === 'sum') return { kind: 'kpi', metric, loggable: false, why: 'sum' };
  if (metric) return { kind: 'kpi', metric, loggable: true };
  // A KPI id whose KPI is gone reads check-ins like a goal without one (the engine finds no metric).
  const type = goalTypeOf(goal);
  return type === 'objective' || type === 'milestone' ? { kind: 'none' } : { kind: 'own' };
}

/** The KPI value a check-in logs when the owner keeps "Also log … to <KPI>" ticked: in the goal's slice. */
export function checkInObservation(
  goal: Pick<Goal, 'id' | 'dims'>,
  metric: Pick<Metric, 'id' | 'dimensions'>,
  record: Pick<CheckIn, 'id' | 'time'> & { value: number },
  note: string,
): Observation {
  const dims: Record<string, string> = {};
  for (const d of metric.dimensions) {
    const v = goal.dims?.[d];
    if (v) dims[d] = v;
  }
  return {
    // The check-in's own id: answering the goal again the same day replaces this value, never adds one.
    id: `${record.id}-value`.slice(0, 200),
    metricId: metric.id,
    time: record.time,
    value: record.value,
    dims,
    source: 'manual',
    note,
  };
}
