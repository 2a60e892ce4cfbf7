import type { Settings } from '../schema';

/**
 * Calendar math in the user's time zone with nothing but Intl: a local day is a 'YYYY-MM-DD' string,
 * and every period (week, month, quarter, year) is named by the local day it starts on, so period keys
 * sort as strings and never depend on the UTC offset of the day they were computed on.
 *
 * Once an instant is turned into a local day, all further arithmetic is on whole civil days (a "day
 * number" = days since 1970-01-01 on the proleptic Gregorian calendar), which has no DST at all. That is
 * what keeps weeks and months correct across DST changes: only `localDayKey` and `startOfLocalDay` ever
 * look at offsets.
 */

export type DayKey = string;
export type Granularity = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The slice of Settings the calendar needs. */
export type CalendarSettings = Pick<Settings, 'timeZone' | 'weekStart' | 'fiscalYearStartMonth'>;

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      // An unknown zone never reaches here through Settings (zod checks it), but a stale rollup might
      // carry one: fall back to UTC rather than throw into the caller.
      f = formatter('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Offsets are cached per UTC quarter-hour: every zone transition of the modern tz database falls on a
 * quarter-hour boundary, so one formatToParts call serves every instant in that slot. This turns the
 * ~µs Intl call into a Map lookup when a million points are rolled up.
 */
const offsetCache = new Map<string, Map<number, number>>();

/** Local time minus UTC, in ms, at instant `t` in `timeZone` (e.g. +25_200_000 for Asia/Ho_Chi_Minh). */
export function zoneOffset(t: number, timeZone: string): number {
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const slot = Math.floor(t / QUARTER_HOUR_MS);
  const hit = cache.get(slot);
  if (hit !== undefined) return hit;
  const at = slot * QUARTER_HOUR_MS;
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  const offset = asUtc - at;
  if (cache.size > 200_000) cache.clear();
  cache.set(slot, offset);
  return offset;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' key (NaN-free: malformed keys give 0). */
export function dayNumber(day: DayKey): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  if (!Number.isFinite(y) || !Number.isFinite(m) || !Number.isFinite(d)) return 0;
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Inverse of dayNumber, without Date: Hinnant's civil-from-days, since this runs per rollup day. */
export function dayKeyFromNumber(n: number): DayKey {
  const z = Math.floor(n) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(day: DayKey, days: number): DayKey {
  return dayKeyFromNumber(dayNumber(day) + days);
}

/** The local calendar day of instant `t` in `timeZone`. */
export function localDayKey(t: number, timeZone: string): DayKey {
  return dayKeyFromNumber(Math.floor((t + zoneOffset(t, timeZone)) / DAY_MS));
}

/** Local hour fraction of the day elapsed at `t` (0 at local midnight, ~1 just before the next). */
export function localDayFraction(t: number, timeZone: string): number {
  const local = t + zoneOffset(t, timeZone);
  return (local - Math.floor(local / DAY_MS) * DAY_MS) / DAY_MS;
}

/**
 * The first instant (UTC ms) of local day `day`. Two fixed-point steps find the offset in force at local
 * midnight; where midnight itself is skipped by a DST jump (e.g. America/Santiago) the day starts at the
 * transition, which the final forward scan finds.
 */
const dayStartCache = new Map<string, number>();

export function startOfLocalDay(day: DayKey, timeZone: string): number {
  const key = `${timeZone}|${day}`;
  const hit = dayStartCache.get(key);
  if (hit !== undefined) return hit;
  const t = computeStartOfLocalDay(day, timeZone);
  if (dayStartCache.size > 100_000) dayStartCache.clear();
  dayStartCache.set(key, t);
  return t;
}

function computeStartOfLocalDay(day: DayKey, timeZone: string): number {
  const wall = dayNumber(day) * DAY_MS;
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone);
  // Step back while the previous quarter-hour is still the same local day (offset changed near midnight).
  for (let i = 0; i < 8 && localDayKey(t - QUARTER_HOUR_MS, timeZone) === day; i++) t -= QUARTER_HOUR_MS;
  for (let i = 0; i < 16 && localDayKey(t, timeZone) < day; i++) t += QUARTER_HOUR_MS;
  return t;
}

/** 0 = Sunday … 6 = Saturday, as in Settings.weekStart. */
export function weekday(day: DayKey): number {
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function monthKey(year: number, month0: number): DayKey {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Per (granularity, weekStart, fiscal start): day → period start. Nested maps avoid a key string per call. */
const startCaches = new Map<string, Map<DayKey, DayKey>>();
let startCacheSize = 0;

/** The local day a period containing `day` starts on; the period's key. */
export function periodStart(day: DayKey, g: Granularity, cal: Omit<CalendarSettings, 'timeZone'>): DayKey {
  if (g === 'day') return day;
  const calKey = `${g}|${cal.weekStart}|${cal.fiscalYearStartMonth}`;
  let cache = startCaches.get(calKey);
  if (!cache) {
    cache = new Map();
    startCaches.set(calKey, cache);
  }
  const hit = cache.get(day);
  if (hit !== undefined) return hit;
  let out: DayKey;
  const y = Number(day.slice(0, 4));
  const m0 = Number(day.slice(5, 7)) - 1;
  const fs0 = clampInt(cal.fiscalYearStartMonth, 1, 12) - 1;
  if (g === 'week') {
    const back = (weekday(day) - clampInt(cal.weekStart, 0, 6) + 7) % 7;
    out = addDays(day, -back);
  } else if (g === 'month') {
    out = monthKey(y, m0);
  } else {
    // Quarters and years are fiscal: they start at fiscalYearStartMonth.
    const intoYear = (m0 - fs0 + 12) % 12;
    const back = g === 'quarter' ? intoYear % 3 : intoYear;
    out = monthKey(y, m0 - back);
  }
  if (++startCacheSize > 500_000) {
    startCaches.clear();
    startCacheSize = 0;
    startCaches.set(calKey, cache);
    cache.clear();
  }
  cache.set(day, out);
  return out;
}

/** The start of the period after the one starting on `start` (the exclusive end of that period). */
export function nextPeriodStart(start: DayKey, g: Granularity): DayKey {
  if (g === 'day') return addDays(start, 1);
  if (g === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m0 = Number(start.slice(5, 7)) - 1;
  return monthKey(y, m0 + (g === 'month' ? 1 : g === 'quarter' ? 3 : 12));
}

/** Every period start from the period containing `from` up to the one containing `to` (inclusive). */
export function periodStarts(
  from: DayKey,
  to: DayKey,
  g: Granularity,
  cal: Omit<CalendarSettings, 'timeZone'>,
): DayKey[] {
  const out: DayKey[] = [];
  if (to < from) return out;
  let s = periodStart(from, g, cal);
  const last = periodStart(to, g, cal);
  while (s <= last && out.length < 100_000) {
    out.push(s);
    s = nextPeriodStart(s, g);
  }
  return out;
}

/**
 * The fiscal year a period belongs to is named by the calendar year it ends in (FY2025 = Jul 2024 –
 * Jun 2025 when the fiscal year starts in July); with a January start this is the calendar year.
 */
export function fiscalYear(day: DayKey, fiscalYearStartMonth: number): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const fs = clampInt(fiscalYearStartMonth, 1, 12);
  return fs === 1 || m < fs ? y : y + 1;
}

/** Human label for a period key: '2025-03-14', 'W 2025-03-10', '2025-03', 'Q1 FY2025', 'FY2025'. */
export function periodLabel(start: DayKey, g: Granularity, cal: Omit<CalendarSettings, 'timeZone'>): string {
  const fs = clampInt(cal.fiscalYearStartMonth, 1, 12);
  const fy = fiscalYear(start, fs);
  const fyName = fs === 1 ? String(fy) : `FY${fy}`;
  switch (g) {
    case 'day':
      return start;
    case 'week':
      return `W ${start}`;
    case 'month':
      return start.slice(0, 7);
    case 'quarter': {
      const m0 = Number(start.slice(5, 7)) - 1;
      return `Q${Math.floor(((m0 - (fs - 1) + 12) % 12) / 3) + 1} ${fyName}`;
    }
    case 'year':
      return fyName;
  }
}

function clampInt(n: number, lo: number, hi: number): number {
  return Number.isInteger(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

export { DAY_MS };
