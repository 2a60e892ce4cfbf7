import { parseValue } from '../parse/value-parse';
import { wallTimeToUtc } from './time-zone';

/**
 * Date and number formats found in CSV exports, detected from sample values and confirmed by the user.
 *
 * Every date format accepts `/`, `.` or `-` between its parts and an optional time (`14:05`,
 * `14:05:09`, `2:05 PM`), so `dd.mm.yyyy` and `dd-mm-yyyy hh:mm` are both 'dd/mm/yyyy'.
 * 'yyyy-mm-dd' is ISO 8601 and also takes `T`, fractions and a `Z` / `+07:00` offset;
 * 'excel-serial' is the day count Excel writes when a date cell is exported as a number.
 */
export const DATE_FORMATS = ['yyyy-mm-dd', 'dd/mm/yyyy', 'mm/dd/yyyy', 'd mmm yyyy', 'excel-serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Named by how one thousand two hundred thirty-four and a half looks, which is also the UI label. */
export const NUMBER_FORMATS = ['1,234.5', '1.234,5'] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const DAY = 86_400_000;

export interface WallTime {
  /** The written date and time encoded as if it were UTC (Date.UTC of its fields). */
  wallMs: number;
  /** False for a bare date: callers treat it as the whole day. */
  hasTime: boolean;
  /** Minutes east of UTC when the text carries an offset (`Z`, `+07:00`), else null. */
  offsetMinutes: number | null;
}

/** English month names and their abbreviations, lower case, to the month's number. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const YMD = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(.*)$/;
const NUMERIC_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(.*)$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{4}|\d{2})(.*)$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/;
/** A month and its year, for monthly sheets: "Jan 2026", "January 2026". */
const MONTH_NAME_YEAR = /^([A-Za-z]{3,9})\.?[\s\-/.,]+(\d{4})\s*$/;
/** A Vietnamese month: "Tháng 1/2026", "tháng 01 năm 2026", "Th1/2026", "T1-2026". */
const VI_MONTH_YEAR = /^(?:tháng|thg|th|t)\.?\s*(\d{1,2})\s*(?:[-/.,]|\s+năm\s+|\s+)\s*(\d{4})\s*$/iu;
/** A month as digits: "01/2026", "1-2026" (a four-digit year, so never a day and a month). */
const NUMERIC_MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})\s*$/;
const TIME_REST =
  /^(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?\s*$/;
const EXCEL_SERIAL = /^\d+(?:\.\d+)?$/;

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  // Two-digit years: 00–69 → 2000s, 70–99 → 1900s, the same pivot spreadsheets use.
  return y < 70 ? 2000 + y : 1900 + y;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function buildWall(year: number, month: number, day: number, rest: string): Parsed<WallTime> {
  if (month < 1 || month > 12) return fail(`month ${month} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) return fail(`day ${day} does not exist in month ${month}`);
  const t = TIME_REST.exec(rest);
  if (!t) return fail('unreadable time after the date');
  let hour = t[1] === undefined ? 0 : Number(t[1]);
  const minute = t[2] === undefined ? 0 : Number(t[2]);
  const second = t[3] === undefined ? 0 : Number(t[3]);
  const ms = t[4] === undefined ? 0 : Math.round(Number(`0.${t[4]}`) * 1000);
  const meridiem = t[5]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return fail(`hour ${hour} does not fit AM/PM`);
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return fail('time out of range');
  let offsetMinutes: number | null = null;
  const zone = t[6];
  if (zone) {
    if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') offsetMinutes = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
      offsetMinutes = zone.startsWith('-') ? -minutes : minutes;
    }
  }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC maps years 0–99 to 1900–1999; four-digit years never reach here below 1000 anyway.
  return { ok: true, value: { wallMs, hasTime: t[1] !== undefined, offsetMinutes } };
}

/** How a month and its year were written: "01/2026", "Tháng 1/2026", "Jan 2026" or "2026-01". */
export type MonthShape = 'numeric' | 'vi' | 'named' | 'iso';
const ISO_MONTH = /^(\d{4})[-/.](\d{1,2})\s*$/;

/**
 * A month and its year, as monthly sheets and people write them: "01/2026", "Tháng 1/2026",
 * "Jan 2026", "2026-01". Null when the text has none of these shapes; the month is returned as
 * written (13 included), so a caller can say that month does not exist.
 */
export function readMonthYear(text: string): { year: number; month: number; shape: MonthShape } | null {
  const s = text.trim();
  const numeric = NUMERIC_MONTH_YEAR.exec(s);
  if (numeric) return { year: Number(numeric[2]), month: Number(numeric[1]), shape: 'numeric' };
  const vi = VI_MONTH_YEAR.exec(s);
  if (vi) return { year: Number(vi[2]), month: Number(vi[1]), shape: 'vi' };
  const named = MONTH_NAME_YEAR.exec(s);
  const month = named ? MONTHS[(named[1] ?? '').toLowerCase()] : undefined;
  if (named && month) return { year: Number(named[2]), month, shape: 'named' };
  const iso = ISO_MONTH.exec(s);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), shape: 'iso' };
  return null;
}

/** Reads the fields of a date without placing it in a time zone. */
export function parseWallTime(text: string, format: DateFormat): Parsed<WallTime> {
  const s = text.trim();
  if (s === '') return fail('empty date');
  switch (format) {
    case 'yyyy-mm-dd': {
      const m = YMD.exec(s);
      if (!m) return fail(`“${s}” is not a yyyy-mm-dd date (or a yyyy-mm month)`);
      // A bare `2024-03` is a month; it stands for its first day.
      return buildWall(Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3]), m[4] ?? '');
    }
    case 'dd/mm/yyyy':
    case 'mm/dd/yyyy': {
      // A month of a monthly sheet ("01/2026", "Tháng 1/2026") stands for its first day.
      const my = readMonthYear(s);
      if (my && (my.shape === 'numeric' || my.shape === 'vi')) return buildWall(my.year, my.month, 1, '');
      const m = NUMERIC_DATE.exec(s);
      if (!m) return fail(`“${s}” is not a ${format} date (or a mm/yyyy month)`);
      const a = Number(m[1]);
      const b = Number(m[2]);
      const [day, month] = format === 'dd/mm/yyyy' ? [a, b] : [b, a];
      return buildWall(fullYear(m[3] ?? ''), month, day, m[4] ?? '');
    }
    case 'd mmm yyyy': {
      const dm = DAY_MONTH_NAME.exec(s);
      if (dm) {
        const month = MONTHS[(dm[2] ?? '').toLowerCase()];
        if (month) return buildWall(fullYear(dm[3] ?? ''), month, Number(dm[1]), dm[4] ?? '');
      }
      const md = MONTH_NAME_DAY.exec(s);
      if (md) {
        const month = MONTHS[(md[1] ?? '').toLowerCase()];
        if (month) return buildWall(Number(md[3]), month, Number(md[2]), md[4] ?? '');
      }
      // A month and its year ("Jan 2026") stands for the month's first day.
      const my = readMonthYear(s);
      if (my?.shape === 'named') return buildWall(my.year, my.month, 1, '');
      return fail(`“${s}” is not a date like 5 Mar 2024 (or a month like Mar 2024)`);
    }
    case 'excel-serial': {
      if (!EXCEL_SERIAL.test(s)) return fail(`“${s}” is not an Excel date number`);
      const serial = Number(s);
      // Excel counts 1900-02-29, a day that never was (serial 60); from 61 on the 1899-12-30 epoch is exact.
      if (serial < 1 || serial >= 2_958_466) return fail(`${s} is outside Excel's date range`);
      if (Math.floor(serial) === 60) return fail('60 is Excel’s 29 Feb 1900, which does not exist');
      const days = serial < 60 ? serial + 1 : serial;
      const wallMs = Math.round((days - 25_569) * DAY);
      return { ok: true, value: { wallMs, hasTime: serial % 1 !== 0, offsetMinutes: null } };
    }
  }
}

/** Wall time → UTC ms: an explicit offset in the text wins over `timeZone`. */
export function wallToUtc(wall: WallTime, timeZone: string): number {
  if (wall.offsetMinutes !== null) return wall.wallMs - wall.offsetMinutes * 60_000;
  return wallTimeToUtc(wall.wallMs, timeZone);
}

/** Parses `text` as a date in `format`, read as wall-clock time in `timeZone`; ms since the epoch, UTC. */
export function parseDate(text: string, format: DateFormat, timeZone: string): Parsed<number> {
  const wall = parseWallTime(text, format);
  if (!wall.ok) return wall;
  let utc: number;
  try {
    utc = wallToUtc(wall.value, timeZone);
  } catch {
    return fail(`unknown time zone “${timeZone}”`);
  }
  if (utc < 0) return fail('dates before 1970 are not supported');
  return { ok: true, value: utc };
}

export interface DateFormatGuess {
  /** Best format, or null when no sample reads as a date in any format. */
  format: DateFormat | null;
  /** True when the samples fit both dd/mm and mm/dd (every day ≤ 12): the user must confirm. */
  ambiguous: boolean;
  /** Every format that reads as many samples as `format` does. */
  alternatives: DateFormat[];
  matched: number;
  total: number;
}

/** Serials outside ~1954–2119 are more likely plain numbers than dates. */
const PLAUSIBLE_SERIAL = { min: 20_000, max: 80_000 };

export function detectDateFormat(
  samples: readonly string[],
  preferred: 'dd/mm/yyyy' | 'mm/dd/yyyy' = 'dd/mm/yyyy',
): DateFormatGuess {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  const counts = new Map<DateFormat, number>();
  for (const format of DATE_FORMATS) {
    let n = 0;
    for (const v of values) {
      if (!parseWallTime(v, format).ok) continue;
      if (format === 'excel-serial') {
        const serial = Number(v);
        if (serial < PLAUSIBLE_SERIAL.min || serial > PLAUSIBLE_SERIAL.max) continue;
      }
      n++;
    }
    counts.set(format, n);
  }
  const best = Math.max(0, ...counts.values());
  if (best === 0)
    return { format: null, ambiguous: false, alternatives: [], matched: 0, total: values.length };
  const alternatives = DATE_FORMATS.filter((f) => counts.get(f) === best);
  // Day-first and month-first both read every value: ambiguous only where they read one differently
  // (a sheet of months, "01/2026", reads the same either way).
  const wallOf = (v: string, f: DateFormat) => {
    const w = parseWallTime(v, f);
    return w.ok ? w.value.wallMs : Number.NaN;
  };
  const ambiguous =
    alternatives.includes('dd/mm/yyyy') &&
    alternatives.includes('mm/dd/yyyy') &&
    values.some((v) => wallOf(v, 'dd/mm/yyyy') !== wallOf(v, 'mm/dd/yyyy'));
  const format = ambiguous ? preferred : (alternatives[0] ?? null);
  return { format, ambiguous, alternatives, matched: best, total: values.length };
}

const CURRENCY_TOKEN = /US\$|USD|VNĐ|VND|EUR|GBP|JPY|₫|đ|\$|€|£|¥/gi;
const CURRENCY_CODES: Record<string, string> = {
  us$: 'USD',
  usd: 'USD',
  $: 'USD',
  vnđ: 'VND',
  vnd: 'VND',
  '₫': 'VND',
  đ: 'VND',
  eur: 'EUR',
  '€': 'EUR',
  gbp: 'GBP',
  '£': 'GBP',
  jpy: 'JPY',
  '¥': 'JPY',
};

/** The ISO code of the first currency symbol or code in `text` (`₫`, `VND`, `$` …), or null. */
export function detectCurrency(text: string): string | null {
  const m = text.match(new RegExp(CURRENCY_TOKEN.source, 'i'));
  return m ? (CURRENCY_CODES[m[0].toLowerCase()] ?? null) : null;
}

const SPREADSHEET_ERROR = /^#(?:N\/A|VALUE!|DIV\/0!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const GROUPED: Record<NumberFormat, RegExp> = {
  '1,234.5': /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/,
  '1.234,5': /^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,\d+)?$/,
};
const SCIENTIFIC: Record<NumberFormat, RegExp> = {
  '1,234.5': /^\d+(?:\.\d+)?[eE][+-]?\d+$/,
  '1.234,5': /^\d+(?:,\d+)?[eE][+-]?\d+$/,
};

/**
 * Reads a number as spreadsheets export it: thousands separators, currency symbols or codes, spaces
 * (also non-breaking), `(1,234)` or a trailing minus for negatives, a trailing `%` (kept as written:
 * "12.5%" → 12.5) and Excel's `1.23E+05`. Grouping must be regular, so "1,5" is refused in the
 * 1,234.5 format instead of silently becoming 15.
 */
export function parseNumber(text: string, format: NumberFormat): Parsed<number> {
  let s = text.trim();
  if (s === '') return fail('empty number');
  if (SPREADSHEET_ERROR.test(s)) return fail(`spreadsheet error ${s.toUpperCase()}`);
  // A leading apostrophe is Excel's "keep as text" mark (and our own export's formula guard).
  if (s.startsWith("'")) s = s.slice(1);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY_TOKEN, '').replace(/[\s\u00a0\u2009\u202f]/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (/^[-\u2212+]/.test(s)) {
    if (s[0] !== '+') negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  if (!/\d/.test(s)) return fail(`“${text.trim()}” is not a number`);
  const decimal = format === '1,234.5' ? '.' : ',';
  const group = format === '1,234.5' ? ',' : '.';
  let plain: string;
  if (GROUPED[format].test(s)) plain = s.split(group).join('').replace(decimal, '.');
  else if (SCIENTIFIC[format].test(s)) plain = s.replace(decimal, '.');
  else return sizedNumber(text, format) ?? fail(`“${text.trim()}” is not a number in the ${format} format`);
  const value = Number(plain);
  if (!Number.isFinite(value)) return fail(`“${text.trim()}” is too large`);
  const signed = negative ? -value : value;
  return { ok: true, value: signed === 0 ? 0 : signed };
}

/**
 * A number written with a size word, as people type them into sheets: "1,5 tỷ", "3tr", "500k",
 * "1.2M". Read by the quick log's parser (lib/parse/value-parse.ts) with the file's decimal mark, and
 * only when it reads one way: "1.200 tr" in a 1,234.5 file is a question, so a bad row, not a guess.
 */
function sizedNumber(text: string, format: NumberFormat): Parsed<number> | null {
  if (!/\p{L}/u.test(text.replace(CURRENCY_TOKEN, ''))) return null;
  const read = parseValue(text.trim(), format === '1,234.5' ? 'en' : 'vi');
  if (!read.ok || read.ambiguous || read.percent) return null;
  return { ok: true, value: read.value };
}

export interface NumberFormatGuess {
  format: NumberFormat;
  /** True when samples such as "1,234" read in both formats with different values, and none decides. */
  ambiguous: boolean;
  /** Samples that read in `format`, out of the non-empty ones. */
  matched: number;
  total: number;
}

export function detectNumberFormat(
  samples: readonly string[],
  preferred: NumberFormat = '1,234.5',
): NumberFormatGuess {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  const votes: Record<NumberFormat, number> = { '1,234.5': 0, '1.234,5': 0 };
  const matched: Record<NumberFormat, number> = { '1,234.5': 0, '1.234,5': 0 };
  let undecided = 0;
  for (const v of values) {
    const dot = parseNumber(v, '1,234.5');
    const comma = parseNumber(v, '1.234,5');
    if (dot.ok) matched['1,234.5']++;
    if (comma.ok) matched['1.234,5']++;
    if (dot.ok && !comma.ok) votes['1,234.5']++;
    else if (comma.ok && !dot.ok) votes['1.234,5']++;
    else if (dot.ok && comma.ok && dot.value !== comma.value) undecided++;
  }
  let format: NumberFormat = preferred;
  let ambiguous = false;
  if (votes['1,234.5'] > votes['1.234,5']) format = '1,234.5';
  else if (votes['1.234,5'] > votes['1,234.5']) format = '1.234,5';
  else ambiguous = undecided > 0;
  return { format, ambiguous, matched: matched[format], total: values.length };
}

/** Adds whole calendar units to a wall time (used for period ends: next day, week or month). */
export function addToWall(wallMs: number, unit: 'day' | 'week' | 'month'): number {
  if (unit === 'day') return wallMs + DAY;
  if (unit === 'week') return wallMs + 7 * DAY;
  const d = new Date(wallMs);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  );
}
