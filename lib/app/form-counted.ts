import { selectRollups, sumInRange } from '../engine/aggregate';
import type { DailyRollup } from '../engine/rollup';
import { type DayKey, localDayKey } from '../engine/time-buckets';
import type { DimensionValues, Metric } from '../schema';
import type { GoalFormState } from './goal-form';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a total typed in the goal form has already counted: its KPI's values from the window's start
 * through today, on the channels and segments the form narrows it to — the card's running total less
 * the baseline. The form's realism hint spreads only what is left over the time left: a ₫1.5B Q4
 * total with ₫637M counted by Dec 7 has ₫863M to go, not ₫1.5B. 0 before the window opens; null
 * without a start or on a KPI that does not add up (a level, a ratio).
 */
export function countedSoFar(
  rollups: readonly DailyRollup[],
  metric: Pick<Metric, 'id' | 'aggregation' | 'formula'>,
  form: Pick<GoalFormState, 'start' | 'dims'>,
  now: number,
  timeZone: string,
): number | null {
  if (metric.aggregation !== 'sum' || metric.formula || !DAY.test(form.start)) return null;
  const today = localDayKey(now, timeZone);
  if (form.start > today) return 0;
  const dims = Object.fromEntries(Object.entries(form.dims).filter(([, v]) => v?.trim())) as DimensionValues;
  return sumInRange(selectRollups(rollups, metric.id, dims), { from: form.start as DayKey, to: today });
}
