/**
 * The example is built on UTC calendar days (example-calendar.ts, so a build never depends on the
 * host), but a deadline "by the end of 2026" must end on the user's Dec 31, not at 07:00 on Jan 1 in
 * Hà Nội: cards and windows read instants in the settings' time zone. At load the calendar boundaries
 * the example writes — goal windows and channel-spend periods — are moved onto the same wall-clock
 * day in `timeZone`. Observations are stamped at noon UTC, on the same day everywhere, and stay.
 */

import { startOfLocalDay } from '../engine/time-buckets';
import type { ChannelSpend, Goal } from '../schema';
import { DAY_MS, isoDay } from './example-calendar';
import type { ExampleData } from './example-data';

/**
 * The instant in `timeZone` at the wall-clock time `t` shows in UTC, for the two boundaries the example
 * uses: a day's first millisecond (starts, exclusive ends) and a day's last millisecond (deadlines).
 * Anything else (a "now" closing the running period) is not a calendar boundary and is kept.
 */
export function onLocalCalendar(t: number, timeZone: string): number {
  if (timeZone === 'UTC') return t;
  if (t % DAY_MS === 0) return startOfLocalDay(isoDay(t), timeZone);
  if ((t + 1) % DAY_MS === 0) return startOfLocalDay(isoDay(t + 1), timeZone) - 1;
  return t;
}

function goalOnLocalCalendar(goal: Goal, timeZone: string): Goal {
  const next = { ...goal };
  if (goal.startAt !== undefined) next.startAt = onLocalCalendar(goal.startAt, timeZone);
  if (goal.deadline !== undefined) next.deadline = onLocalCalendar(goal.deadline, timeZone);
  return next;
}

function spendOnLocalCalendar(s: ChannelSpend, timeZone: string): ChannelSpend {
  const periodStart = onLocalCalendar(s.periodStart, timeZone);
  // A running month ends "now"; on the 1st west of UTC its local start can be later, so keep it after.
  return { ...s, periodStart, periodEnd: Math.max(onLocalCalendar(s.periodEnd, timeZone), periodStart + 1) };
}

export function exampleOnLocalCalendar(data: ExampleData, timeZone: string): ExampleData {
  if (timeZone === 'UTC') return data;
  return {
    ...data,
    goals: data.goals.map((g) => goalOnLocalCalendar(g, timeZone)),
    channelSpend: data.channelSpend.map((s) => spendOnLocalCalendar(s, timeZone)),
  };
}
