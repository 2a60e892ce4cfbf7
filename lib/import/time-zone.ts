/**
 * Wall-clock time in an IANA zone → UTC ms, without a date library.
 *
 * A CSV says "05/03/2024 09:00" meaning 9 am where the business is, not in UTC. Intl gives the zone's
 * offset at an instant; a wall time is converted by guessing with the offset at the wall instant, then
 * correcting once with the offset at the guess (this settles DST transitions). Offsets are cached per
 * hour because `formatToParts` costs microseconds and a large import converts a million timestamps.
 */

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (Asia/Ho_Chi_Minh → +7 h). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const hour = Math.floor(utcMs / HOUR);
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const cached = cache.get(hour);
  if (cached !== undefined) return cached;

  const at = hour * HOUR;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const asUtc = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offset = asUtc - at;
  if (cache.size >= OFFSET_CACHE_LIMIT) cache.clear();
  cache.set(hour, offset);
  return offset;
}

/** `wallMs` is the wall-clock time encoded as if it were UTC (Date.UTC of its fields). */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  const first = zoneOffsetMs(wallMs, timeZone);
  const guess = wallMs - first;
  const second = zoneOffsetMs(guess, timeZone);
  return second === first ? guess : wallMs - second;
}
