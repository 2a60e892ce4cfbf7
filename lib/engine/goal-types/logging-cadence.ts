import type { Goal } from '../../schema';
import { dayBounds, type RollupIndex } from '../aggregate';
import { addDays, type DayKey } from '../time-buckets';
import type { SeriesContext } from './series-context';

/**
 * Whether a metric is logged once a month (a month's close, a payroll figure, a monthly survey).
 *
 * The rule, judged on the twelve **complete months** before the running one (the running month is left out:
 * it is where hand entries land between two closes):
 * - at least MIN_MONTHS complete months have data, and
 * - at least MONTHLY_SHARE (¾) of them have it on one day only (whichever day: the 1st, the 2nd,
 *   the 30th — a close is dated when it is made).
 * Days are counted over every dimension value (two segments logged on different days of one month
 * are two days in it; the same day in two rollups is one).
 *
 * It said "monthly" only while no month at all had a second day. The usual flow — import past months'
 * totals, one a month, then log by hand a few times in the running month — broke it on the first
 * hand entry, and a revenue goal needing 3.23 tỷ in 24 days, when no month had reached 1.7 tỷ, was
 * forecast by week: a 13–15% chance and a band whose low end meant no more revenue at all (by month:
 * about 0–1%). So the running month is not evidence, and one stray second entry in a complete month
 * (a correction, a late split) does not flip a year of closes; a metric logged daily or weekly has
 * several days in nearly every month and stays weekly, and one that moved from monthly imports to
 * daily logging turns weekly once its daily months pass a quarter of the year's months with data.
 *
 * Such a metric's increments are monthly whatever the goal's span. Forecast by week, its history is
 * three empty weeks and a spike per month, and the simulated futures reshuffle the spikes: two closes
 * land in one month as often as the residuals allow, and a year-end net-profit goal that needs 1.6
 * times the best month ever read "6% chance" (by month: about 1%). So such goals are forecast, and
 * charted, by month (forecastGranularity), and a total on one is compared with its plan at its last close
 * (reach-total.ts, paceAtLastClose).
 */
const MIN_MONTHS = 3;
const MONTHLY_SHARE = 0.75;

export function loggedMonthly(rollups: ReadonlyArray<Pick<RollupIndex, 'days'>>, today: DayKey): boolean {
  const running = today.slice(0, 7);
  // The twelve complete months before the running one.
  const range = {
    from: `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`,
    to: addDays(`${running}-01`, -1),
  };
  const daysIn = new Map<string, Set<DayKey>>();
  for (const r of rollups) {
    const [a, b] = dayBounds(r, range);
    for (let i = a; i < b; i++) {
      const day = r.days[i] as DayKey;
      const month = day.slice(0, 7);
      const days = daysIn.get(month);
      if (days) days.add(day);
      else daysIn.set(month, new Set([day]));
    }
  }
  let single = 0;
  for (const days of daysIn.values()) if (days.size === 1) single++;
  return single >= MIN_MONTHS && single >= MONTHLY_SHARE * daysIn.size;
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
