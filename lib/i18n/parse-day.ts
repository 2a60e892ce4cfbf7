/**
 * A day or a month typed in Pacer's language, read back as the key Pacer stores ("2026-12-07",
 * "2026-12"). A browser's date field writes the day in the browser's order: a Vietnamese founder in an
 * English Chrome typed 07/12/2026 for 7 December and saved 12 July. Pacer's date fields are text
 * fields instead, read here in the UI's language: vi day first (`07/12/2026`, as every Vietnamese date
 * Pacer shows), en the way Pacer writes an English date (`Dec 7, 2026`), `12/7/2026` and ISO
 * `2026-12-07` too. A text that does not read as one real day says why (no such month, no such day…)
 * instead of becoming another day.
 *
 * A day and month without a year (vi `1/12`, en `12/1` or `Dec 1`) is read only where the field says
 * which year it means: a log day, which is never after today, takes the most recent such day on or
 * before it (`latest`): typed on 7 December 2026, vi `1/12` is 2026-12-01 and `25/12` 2025-12-25. A
 * field with no such bound (a deadline, which may be years ahead) asks for the year instead.
 */
import { daysInMonth, MONTHS, readMonthYear } from '../import/formats';
import type { UiText } from '../popup/quick-log';
import type { Locale } from '../schema/common';
import { EN_SHORT_MONTHS, formatDate } from './format';
import { MONTH_NAMES_EN } from './month-names';
import type { MessageKey, MessageParams } from './translate';
import { t } from './translate';

export type DayProblem =
  | { kind: 'empty' }
  /** Not the shape of a date at all ("tomorrow", "07/12/2026 extra"). */
  | { kind: 'notADate'; text: string }
  /** A day and month ("07/12", "Dec 7") in a field that does not read a day without its year. */
  | { kind: 'noYear'; text: string }
  /**
   * A month above 12. `swapped`: the day the two numbers make the other way round, when they make one
   * (vi "12/31/2026" is 2026-12-31: the month typed first), else null.
   */
  | { kind: 'noSuchMonth'; text: string; month: number; swapped: string | null }
  /** A real month without that day: 31/02/2026; `year` null when none was typed (31/4: April has 30). */
  | { kind: 'noSuchDay'; text: string; year: number | null; month: number; day: number }
  | { kind: 'tooEarly'; day: string; min: string }
  | { kind: 'tooLate'; day: string; max: string };

export type DayRead = { ok: true; day: string } | { ok: false; problem: DayProblem };

export type MonthProblem =
  | { kind: 'empty' }
  | { kind: 'notAMonth'; text: string }
  | { kind: 'noSuchMonth'; text: string; month: number; swapped: null };

export type MonthRead = { ok: true; month: string } | { ok: false; problem: MonthProblem };

/** A stored day key: four-digit year, two-digit month and day. Whether the day exists is not checked. */
export const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_KEY = /^\d{4}-\d{2}$/;

const two = (n: number) => String(n).padStart(2, '0');
const dayKey = (y: number, m: number, d: number) => `${y}-${two(m)}-${two(d)}`;

/** 2026-12-07 → vi `07/12/2026`, en `Dec 7, 2026`: how the UI writes a day, so what the field shows. */
export function formatDayTyped(day: string, locale: Locale): string {
  if (!isDayKey(day)) return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (locale === 'vi') return `${two(d)}/${two(m)}/${y}`;
  // The en medium date of lib/i18n/format (cards, alerts, tables), at noon UTC so no zone moves it.
  return formatDate(Date.UTC(y, m - 1, d, 12), 'en', 'UTC', 'medium');
}

/** 2026-12 → vi `12/2026`, en `Dec 2026`. */
export function formatMonthTyped(month: string, locale: Locale): string {
  if (!MONTH_KEY.test(month)) return month;
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'vi' ? `${two(m)}/${y}` : `${EN_SHORT_MONTHS[m - 1] ?? m} ${y}`;
}

const ISO_DAY = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
/** Three numbers: vi day/month/year, en month/day/year; `/`, `.` or `-` between them. */
const NUMERIC_DAY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\\.?,?\\s+)?';
/** `Dec 7, 2026`, `December 7 2026`, `Mon, Dec 7, 2026` (the words line, copied back). */
const NAME_DAY_YEAR = new RegExp(`^${WEEKDAY}([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`);
/** `7 Dec 2026`, `7 December, 2026`. */
const DAY_NAME_YEAR = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})$`);
/** vi in words: `7 tháng 12, 2026`, `ngày 7 tháng 12 năm 2026`, `Thứ Hai, 7 tháng 12, 2026`. */
const VI_WORDS =
  /^(?:(?:thứ\s+\S+|chủ\s+nhật|cn|t[2-7])\s*,?\s+)?(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*|\s+năm\s+|\s+)(\d{4})$/u;

/** Day and month without a year: vi `7/12`, en `12/7` (the numbers' order of the locale). */
const NUMERIC_DAY_MONTH = /^(\d{1,2})[-/.](\d{1,2})$/;
/** vi's weekday before a day and month, as the popup writes a day in words (`Th 2, 7/12`, `T2, 7/12`). */
const VI_WEEKDAY = '(?:(?:thứ|th)\\s*\\S+|chủ\\s+nhật|cn|t[2-7])\\s*,?\\s+';
const VI_NUMERIC_DAY_MONTH = new RegExp(`^${VI_WEEKDAY}(\\d{1,2})[-/.](\\d{1,2})$`, 'u');
/** `Dec 7`, `Mon, Dec 7` (the popup's words line, copied back). */
const NAME_DAY = new RegExp(`^${WEEKDAY}([a-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?$`);
/** `7 Dec`, `7 December`. */
const DAY_NAME = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]{3,9})\\.?$`);
/** vi in words without a year: `7 tháng 12`, `ngày 7 tháng 12`, `Thứ Hai, 7 tháng 12`. */
const VI_WORDS_NO_YEAR =
  /^(?:(?:thứ\s+\S+|chủ\s+nhật|cn|t[2-7])\s*,?\s+)?(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})$/u;

type Fields = { y: number | null; m: number; d: number; numeric: boolean };

/** Day and month without a year, in the locale's order; null when the text is not of that shape. */
function yearlessFields(s: string, locale: Locale): Fields | null {
  const num = NUMERIC_DAY_MONTH.exec(s) ?? (locale === 'vi' ? VI_NUMERIC_DAY_MONTH.exec(s) : null);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    return locale === 'vi' ? { y: null, m: b, d: a, numeric: true } : { y: null, m: a, d: b, numeric: true };
  }
  const nameFirst = NAME_DAY.exec(s);
  const nameMonth = nameFirst ? MONTHS[nameFirst[1] ?? ''] : undefined;
  if (nameFirst && nameMonth) return { y: null, m: nameMonth, d: Number(nameFirst[2]), numeric: false };
  const dayFirst = DAY_NAME.exec(s);
  const dayMonth = dayFirst ? MONTHS[dayFirst[2] ?? ''] : undefined;
  if (dayFirst && dayMonth) return { y: null, m: dayMonth, d: Number(dayFirst[1]), numeric: false };
  const words = VI_WORDS_NO_YEAR.exec(s);
  if (words) return { y: null, m: Number(words[2]), d: Number(words[1]), numeric: false };
  return null;
}

/** The most days a month has in any year: February's 29. */
const mostDays = (m: number) => daysInMonth(2024, m);

/**
 * The most recent day with this month and day on or before `latest` (a day key): 29 February goes
 * back to the last leap year. Null for a month and day no year has.
 */
function latestSuchDay(m: number, d: number, latest: string): string | null {
  const top = Number(latest.slice(0, 4));
  for (let y = top; y >= top - 8; y--) {
    if (d > daysInMonth(y, m)) continue;
    const key = dayKey(y, m, d);
    if (key <= latest) return key;
  }
  return null;
}

/** Year, month and day as written, in the locale's order; null when the text is not a date's shape. */
function fields(s: string, locale: Locale): Fields | null {
  const iso = ISO_DAY.exec(s);
  if (iso) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]), numeric: false };
  const num = NUMERIC_DAY.exec(s);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    const year = num[3] ?? '';
    // Two digits are this century's: a deadline typed "31/12/27" is 2027.
    const y = year.length === 2 ? 2000 + Number(year) : Number(year);
    return locale === 'vi' ? { y, m: b, d: a, numeric: true } : { y, m: a, d: b, numeric: true };
  }
  const nameFirst = NAME_DAY_YEAR.exec(s);
  const nameMonth = nameFirst ? MONTHS[nameFirst[1] ?? ''] : undefined;
  if (nameFirst && nameMonth)
    return { y: Number(nameFirst[3]), m: nameMonth, d: Number(nameFirst[2]), numeric: false };
  const dayFirst = DAY_NAME_YEAR.exec(s);
  const dayMonth = dayFirst ? MONTHS[dayFirst[2] ?? ''] : undefined;
  if (dayFirst && dayMonth)
    return { y: Number(dayFirst[3]), m: dayMonth, d: Number(dayFirst[1]), numeric: false };
  const words = VI_WORDS.exec(s);
  if (words) return { y: Number(words[3]), m: Number(words[2]), d: Number(words[1]), numeric: false };
  return yearlessFields(s, locale);
}

/** Spaces of any kind as one, NFC (a Vietnamese keyboard may send "tháng" decomposed), lower case. */
function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');
}

/**
 * Reads a day typed in `locale`'s form (see the file's comment). `min` / `max` are day keys, both
 * included; `latest`, the day a day and month without a year fall on or before (a log day's today),
 * without which they are refused for want of a year. The problem names what is wrong, for
 * `dayProblemText`.
 */
export function parseDay(
  text: string,
  locale: Locale,
  range: { min?: string; max?: string; latest?: string } = {},
): DayRead {
  const s = tidy(text);
  if (s === '') return { ok: false, problem: { kind: 'empty' } };
  const shown = text.trim();
  const f = fields(s, locale);
  if (f && f.y === null) return yearless(f, shown, range);
  if (!f || f.y === null || f.y < 1000) return { ok: false, problem: { kind: 'notADate', text: shown } };
  if (f.m < 1 || f.m > 12) {
    const swapped =
      f.numeric && f.d >= 1 && f.d <= 12 && f.m <= daysInMonth(f.y, f.d) ? dayKey(f.y, f.d, f.m) : null;
    return { ok: false, problem: { kind: 'noSuchMonth', text: shown, month: f.m, swapped } };
  }
  if (f.d < 1 || f.d > daysInMonth(f.y, f.m))
    return { ok: false, problem: { kind: 'noSuchDay', text: shown, year: f.y, month: f.m, day: f.d } };
  const day = dayKey(f.y, f.m, f.d);
  return inRange(day, range);
}

function inRange(day: string, range: { min?: string; max?: string }): DayRead {
  if (range.min && day < range.min) return { ok: false, problem: { kind: 'tooEarly', day, min: range.min } };
  if (range.max && day > range.max) return { ok: false, problem: { kind: 'tooLate', day, max: range.max } };
  return { ok: true, day };
}

/** A day and month without a year: the latest such day on or before `latest`, or why not. */
function yearless(f: Fields, shown: string, range: { min?: string; max?: string; latest?: string }): DayRead {
  const { latest } = range;
  if (!latest || !isDayKey(latest)) return { ok: false, problem: { kind: 'noYear', text: shown } };
  if (f.m < 1 || f.m > 12) {
    const swapped = f.numeric && f.d >= 1 && f.d <= 12 && f.m >= 1 ? latestSuchDay(f.d, f.m, latest) : null;
    return { ok: false, problem: { kind: 'noSuchMonth', text: shown, month: f.m, swapped } };
  }
  const day = f.d >= 1 && f.d <= mostDays(f.m) ? latestSuchDay(f.m, f.d, latest) : null;
  if (!day)
    return { ok: false, problem: { kind: 'noSuchDay', text: shown, year: null, month: f.m, day: f.d } };
  return inRange(day, range);
}

/**
 * Reads a month: vi `12/2026`, `Tháng 12/2026`, en `Dec 2026`, `December 2026`, and `2026-12` in both,
 * with the CSV import's reader (lib/import/formats.ts `readMonthYear`).
 */
export function parseMonth(text: string): MonthRead {
  const s = tidy(text);
  if (s === '') return { ok: false, problem: { kind: 'empty' } };
  const shown = text.trim();
  const read = readMonthYear(s);
  if (!read || read.year < 1000) return { ok: false, problem: { kind: 'notAMonth', text: shown } };
  if (read.month < 1 || read.month > 12)
    return { ok: false, problem: { kind: 'noSuchMonth', text: shown, month: read.month, swapped: null } };
  return { ok: true, month: `${read.year}-${two(read.month)}` };
}

/**
 * What a date field holds for its form: the day key when the text reads as a day (whatever its range:
 * the form says what it allows), '' when empty, else the text as typed. A form keeps that, so a
 * half-typed or wrong day is never lost nor saved: `typedDayProblem` finds it when the form is saved.
 */
export function dayReading(text: string, locale: Locale, latest?: string): string {
  const read = parseDay(text, locale, latest ? { latest } : {});
  if (read.ok) return read.day;
  return read.problem.kind === 'empty' ? '' : text;
}

/** The same for a month field: a month key, '', or the text as typed. */
export function monthReading(text: string): string {
  const read = parseMonth(text);
  if (read.ok) return read.month;
  return read.problem.kind === 'empty' ? '' : text;
}

/** Whether a field's reading is a stored day key of a real day ("2026-02-30" is text to fix). */
export function isDayKey(reading: string): boolean {
  if (!DAY_KEY.test(reading)) return false;
  const [y, m, d] = reading.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Whether a field's reading is a stored month key ("2026-12"), not text still to fix. */
export function isMonthKey(reading: string): boolean {
  if (!MONTH_KEY.test(reading)) return false;
  const m = Number(reading.slice(5, 7));
  return m >= 1 && m <= 12;
}

/**
 * Why a date field's reading (see `dayReading`) is not a day, in both languages; null for a real day
 * key or an empty field, which each form treats its own way (an optional deadline, a required log day).
 * Read at save, so text that never became a day is refused with its reason, not stored or dropped.
 */
export function typedDayProblem(reading: string, locale: Locale): UiText | null {
  if (reading.trim() === '') return null;
  const read = parseDay(reading, locale);
  return read.ok ? null : dayProblemText(read.problem);
}

function problemMessage(problem: DayProblem | MonthProblem, locale: Locale): [MessageKey, MessageParams] {
  switch (problem.kind) {
    case 'empty':
      return ['date.empty', {}];
    case 'notADate':
      return ['dayField.notADate', { text: problem.text }];
    case 'noYear':
      return ['dayField.noYear', { text: problem.text }];
    case 'notAMonth':
      return ['monthField.notAMonth', { text: problem.text }];
    case 'noSuchMonth':
      return problem.swapped
        ? [
            'dayField.monthOrder',
            {
              text: problem.text,
              month: String(problem.month),
              fix: formatDayTyped(problem.swapped, locale),
            },
          ]
        : ['dayField.noSuchMonth', { text: problem.text, month: String(problem.month) }];
    case 'noSuchDay': {
      if (problem.year === null) {
        // Typed without a year (31/4): no year has that day.
        const name = locale === 'vi' ? String(problem.month) : (MONTH_NAMES_EN[problem.month - 1] ?? '');
        return ['dayField.noSuchDayAnyYear', { month: name, day: String(problem.day) }];
      }
      const month =
        locale === 'vi'
          ? `${problem.month}/${problem.year}`
          : `${MONTH_NAMES_EN[problem.month - 1]} ${problem.year}`;
      return [
        'dayField.noSuchDay',
        {
          text: problem.text,
          day: String(problem.day),
          month,
          days: String(daysInMonth(problem.year, problem.month)),
        },
      ];
    }
    case 'tooEarly':
      return ['dayField.tooEarly', { min: formatDayTyped(problem.min, locale) }];
    case 'tooLate':
      return ['dayField.tooLate', { max: formatDayTyped(problem.max, locale) }];
  }
}

/** A day's or month's problem as a message in both languages, for a field's error line. */
export function dayProblemText(problem: DayProblem | MonthProblem): { text: Record<Locale, string> } {
  const text = (locale: Locale) => t(locale, ...problemMessage(problem, locale));
  return { text: { en: text('en'), vi: text('vi') } };
}
