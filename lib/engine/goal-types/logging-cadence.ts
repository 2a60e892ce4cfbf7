import type { RollupIndex } from '../aggregate';
import { addDays, type DayKey } from '../time-buckets';

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
  const from = addDays(today, -366);
  const daysByMonth = new Map<string, Set<DayKey>>();
  for (const r of rollups)
    for (const day of r.days) {
      if (day < from || day > today) continue;
      const month = day.slice(0, 7);
      const days = daysByMonth.get(month) ?? new Set<DayKey>();
      days.add(day);
      daysByMonth.set(month, days);
    }
  if (daysByMonth.size < MIN_MONTHS) return false;
  for (const days of daysByMonth.values()) if (days.size > 1) return false;
  return true;
}
