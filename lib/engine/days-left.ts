import { dayNumber, localDayKey } from './time-buckets';

/**
 * The one "days left" rule: whole local calendar days from today to the deadline's day, today not
 * counted — a deadline tomorrow is 1 day left, today 0, yesterday −1. Counted on local day keys, not
 * by dividing milliseconds, so the answer never depends on the hour of the day, a DST change between
 * now and the deadline, or whether the deadline is stored at the start or the end of its day.
 */
export function daysLeft(deadline: number, now: number, timeZone: string): number {
  return dayNumber(localDayKey(deadline, timeZone)) - dayNumber(localDayKey(now, timeZone));
}
