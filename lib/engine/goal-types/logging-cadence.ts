import type { Goal } from '../../schema';
import { dayBounds, type RollupIndex } from '../aggregate';
import { addDays, type DayKey } from '../time-buckets';
import type { SeriesContext } from './series-context';

/**
 * Whether a metric is logged once a month: over the year to today, at least MIN_MONTHS months have
 * data and none has it on more than one day (a month's close, a payroll figure, a monthly survey).
 *
 * Such a metric's increments are monthly whatever the goal's span. Forecast by week, its history is
 * three empty weeks and a spike per month, and the simulated futures reshuffle the spikes: two closes
 * land in one month as often as the residuals allow, and a year-end net-profit goal that needs 1.6
 * times the best month ever read "6% chance" (by month: about 1%). So such goals are forecast, and
 * charted, by month (forecastGranularity).
 */
const MIN_MONTHS = 3;

export function loggedMonthly(rollups: ReadonlyArray<Pick<RollupIndex, 'days'>>, today: DayKey): boolean {
  const range = { from: addDays(today, -366), to: today };
  const dayOfMonth = new Map<string, DayKey>();
  for (const r of rollups) {
    const [a, b] = dayBounds(r, range);
    for (let i = a; i < b; i++) {
      const day = r.days[i] as DayKey;
      const month = day.slice(0, 7);
      const seen = dayOfMonth.get(month);
      // A second day in any month settles it: a daily metric is answered from its first two days.
      if (seen !== undefined && seen !== day) return false;
      dayOfMonth.set(month, day);
    }
  }
  return dayOfMonth.size >= MIN_MONTHS;
}

/**
 * Whether a goal's metric is logged once a month: a stored metric by its own days, a formula when every
 * stored metric it reads is (profit = revenue − costs, both closed monthly, is a monthly figure).
 */
export function metricLoggedMonthly(
  ctx: Pick<SeriesContext, 'inputsOf' | 'rollupsFor' | 'today'>,
  metricId: string,
  dims: Goal['dims'],
): boolean {
  const inputs = ctx.inputsOf(metricId);
  return inputs.length > 0 && inputs.every((m) => loggedMonthly(ctx.rollupsFor(m.id, dims), ctx.today));
}
