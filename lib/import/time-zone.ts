import { zoneOffset } from '../engine/time-buckets';

/**
 * Wall-clock time in an IANA zone → UTC ms, without a date library.
 *
 * A CSV says "05/03/2024 09:00" meaning 9 am where the business is, not in UTC. The engine's cached
 * `zoneOffset` gives the zone's offset at an instant; a wall time is converted by guessing with the
 * offset at the wall instant, then correcting once with the offset at the guess (this settles DST
 * transitions).
 */

const validity = new Map<string, boolean>();

export function isValidTimeZone(timeZone: string): boolean {
  let ok = validity.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    validity.set(timeZone, ok);
  }
  return ok;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (Asia/Ho_Chi_Minh → +7 h). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  // The engine falls back to UTC for an unknown zone; an import must say so instead (parseDate reports it).
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Invalid time zone: ${timeZone}`);
  return zoneOffset(utcMs, timeZone);
}

/** `wallMs` is the wall-clock time encoded as if it were UTC (Date.UTC of its fields). */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  const first = zoneOffsetMs(wallMs, timeZone);
  const guess = wallMs - first;
  const second = zoneOffsetMs(guess, timeZone);
  return second === first ? guess : wallMs - second;
}
