/** UTC calendar helpers for the example dataset. All dates are UTC so the build never depends on the host. */

export const DAY_MS = 86_400_000;

/** A calendar month as year + 0-based month, normalised (month 12 rolls into the next year). */
export interface YearMonth {
  year: number;
  month: number;
}

export function yearMonthOf(time: number): YearMonth {
  const d = new Date(time);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
}

export function addMonths(ym: YearMonth, months: number): YearMonth {
  const index = ym.year * 12 + ym.month + months;
  return { year: Math.floor(index / 12), month: ((index % 12) + 12) % 12 };
}

export function monthStart(ym: YearMonth): number {
  return Date.UTC(ym.year, ym.month, 1);
}

/** The last millisecond of the month: deadlines are "by the end of". */
export function monthEnd(ym: YearMonth): number {
  return Date.UTC(ym.year, ym.month + 1, 1) - 1;
}

export function daysInMonth(ym: YearMonth): number {
  return new Date(Date.UTC(ym.year, ym.month + 1, 0)).getUTCDate();
}

export function dayStart(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** yyyy-mm-dd of a UTC instant, used in stable observation ids. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Observations are stamped at noon UTC rather than midnight so they fall on the same calendar day in
 * every time zone from UTC−11 to UTC+11 (a midnight stamp would show the 1st of the month as the last
 * day of the previous one in the Americas). Never later than `now`: no observation from the future.
 */
export function stamp(day: number, now: number): number {
  return Math.min(day + DAY_MS / 2, now);
}

/**
 * First day of Tết (Lunar New Year) by Gregorian year. The biggest sales swing of a Vietnamese trading
 * business: weeks of gift-basket and stock-up orders, then a week where nearly nothing ships.
 */
const TET: Record<number, [number, number]> = {
  2020: [0, 25],
  2021: [1, 12],
  2022: [1, 1],
  2023: [0, 22],
  2024: [1, 10],
  2025: [0, 29],
  2026: [1, 17],
  2027: [1, 6],
  2028: [0, 26],
  2029: [1, 13],
  2030: [1, 3],
  2031: [0, 23],
  2032: [1, 11],
  2033: [0, 31],
  2034: [1, 19],
  2035: [1, 8],
};

/** Tết of a year; outside the table, a mid-range date (early February) keeps the seasonality plausible. */
export function tetDay(year: number): number {
  const [month, day] = TET[year] ?? [1, 5];
  return Date.UTC(year, month, day);
}

/** Whole days from the nearest Tết (negative before it), for the daily seasonal shape. */
export function daysFromTet(day: number): number {
  const year = new Date(day).getUTCFullYear();
  const candidates = [tetDay(year - 1), tetDay(year), tetDay(year + 1)];
  let best = Number.POSITIVE_INFINITY;
  for (const tet of candidates) {
    const diff = Math.round((day - tet) / DAY_MS);
    if (Math.abs(diff) < Math.abs(best)) best = diff;
  }
  return best;
}
