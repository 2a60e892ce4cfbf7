import { addDays } from '../engine/time-buckets';
import { detectDateFormat, parseWallTime } from '../import/formats';
import {
  buildObservation,
  checkValue,
  dayProblem,
  oddValue,
  timeForDay,
  type UiText,
} from '../popup/quick-log';
import type { DimensionValues, Locale, Metric, Observation, Unit } from '../schema';

/**
 * A column pasted into data entry: one value a line, or `date<TAB>value` rows copied from a
 * spreadsheet (the first cell is the date, the last non-empty cell the value). Every line is checked
 * and every bad one reported by its line number, so the user fixes the column rather than guessing.
 */
export interface PasteOptions {
  locale: Locale;
  timeZone: string;
  now: number;
  unit: Unit;
  /** Local day ('YYYY-MM-DD') of the last undated value. */
  lastDay: string;
  /** Undated values: one a day ending on `lastDay` (a daily series), or all on `lastDay`. */
  undated: 'daily' | 'same';
  /** The user's answer when every `02/12`-like date could be read either way. */
  dateOrder?: NumericOrder;
}

export interface PasteRow {
  /** 1-based line number in the pasted text. */
  line: number;
  day: string;
  time: number;
  value: number;
  /**
   * Odd for the KPI (a negative count, ₫1.2 — `oddValue`, the quick log's rule): saved only after the
   * user answers one question, never refused and never counted as a bad line.
   */
  odd: boolean;
}

export interface PasteProblem {
  line: number;
  text: string;
  message: UiText;
}

export interface PasteResult {
  rows: PasteRow[];
  problems: PasteProblem[];
  /** Line 1 had no digit at all (a header such as `Date<TAB>Revenue`) and was left out. */
  headerSkipped: boolean;
  /** How `02/12/2026`-like dates were read, null when the column has none. */
  dateOrder: NumericOrder | null;
  /** Every such date reads both ways (no day above 12): the user is asked which (data entry). */
  dateOrderAmbiguous: boolean;
}

/** More lines than anyone pastes by hand: the CSV importer is the tool for bigger files. */
export const MAX_PASTE_LINES = 5000;

interface Pending {
  line: number;
  text: string;
  /** The cell or words before the value that read as an attempt at a date, else null (undated). */
  dateText: string | null;
  valueText: string;
}

export function parsePastedColumn(text: string, opts: PasteOptions): PasteResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: PasteProblem[] = [];
  const pending: Pending[] = [];
  let headerSkipped = false;
  let seen = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    seen++;
    if (seen === 1 && !/\d/.test(trimmed)) {
      headerSkipped = true;
      return;
    }
    if (seen > MAX_PASTE_LINES) {
      if (seen === MAX_PASTE_LINES + 1)
        problems.push({
          line,
          text: trimmed,
          message: { key: 'entry.tooManyLines', params: { max: MAX_PASTE_LINES } },
        });
      return;
    }
    pending.push(splitLine(line, raw));
  });

  // One date order for the whole column, as the CSV importer reads one: a `31/10/2026` anywhere in it
  // makes it day-first even in English; only a column whose every day is 12 or less follows the UI's
  // language (day-first in Vietnamese, month-first in English).
  // Values written the Vietnamese way (`120.000.000`, `1.234,5`) come from a day-first sheet, whatever
  // the UI's language: that is the first guess when every date reads both ways.
  const vnNumbers = pending.some((p) => /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$/.test(p.valueText.trim()));
  const read = readDateOrder(
    pending.flatMap((p) => (p.dateText ? [p.dateText] : [])),
    opts.locale === 'vi' || vnNumbers ? 'dd/mm/yyyy' : 'mm/dd/yyyy',
  );
  const dateOrderAmbiguous = read.ambiguous;
  const order = dateOrderAmbiguous && opts.dateOrder ? opts.dateOrder : read.order;
  const undatedCount = pending.filter((p) => p.dateText === null).length;
  let undatedIndex = 0;
  const rows: PasteRow[] = [];
  for (const p of pending) {
    let day: string | null;
    if (p.dateText === null) {
      day =
        opts.undated === 'daily' ? addDays(opts.lastDay, undatedIndex - (undatedCount - 1)) : opts.lastDay;
      undatedIndex++;
    } else {
      // A date that cannot be read is a problem on its line, never an undated value: `31/10/2026` had
      // been given today's date in silence.
      day = dayOf(p.dateText, order);
      if (day === null) {
        problems.push({
          line: p.line,
          text: p.text,
          message: { key: 'entry.badDate', params: { date: p.dateText } },
        });
        continue;
      }
    }
    const checked = checkValue(p.valueText, opts.locale, opts.unit);
    if (checked.status !== 'ok') {
      const message = checked.status === 'error' ? checked.message : { text: checked.question };
      problems.push({ line: p.line, text: p.text, message });
      continue;
    }
    const time = timeForDay(day, opts.timeZone, opts.now);
    if (time === null) {
      const key = dayProblem(day, opts.timeZone, opts.now) ?? 'date.invalid';
      problems.push({ line: p.line, text: p.text, message: { key } });
      continue;
    }
    rows.push({
      line: p.line,
      day,
      time,
      value: checked.value,
      odd: oddValue(checked.value, opts.unit).length > 0,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems, headerSkipped, dateOrder: read.found ? order : null, dateOrderAmbiguous };
}

/**
 * `2025-03-14<TAB>1.200.000` → dated; `1.200.000` alone → undated. A leading cell that does not look
 * like a date (a name, a label) leaves the line undated and the last cell is still its value; one that
 * does is read as the line's date, or reported. Typed by hand, the date is the first word
 * (`2025-03-14 1200`) or three (`Oct 15 2026 33%`, `15 Oct 2026 33%`).
 */
function splitLine(line: number, raw: string): Pending {
  const text = raw.trim();
  const cells = raw.includes('\t')
    ? raw
        .split('\t')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
  if (cells.length >= 2) {
    const first = cells[0] as string;
    return { line, text, dateText: looksLikeDate(first) ? first : null, valueText: cells[cells.length - 1]! };
  }
  const words = text.split(/\s+/);
  for (const n of [1, 3]) {
    if (words.length <= n) continue;
    const head = words.slice(0, n).join(' ');
    if (looksLikeDate(head)) return { line, text, dateText: head, valueText: words.slice(n).join(' ') };
  }
  return { line, text, dateText: null, valueText: text };
}

const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=[\s,\-/.]|$)/i;
const ISO_START = /^\d{4}[-/.]\d{1,2}([-/.T\s]|$)/;
const NUMERIC_START = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}([\sT]|$)/;

/** Written as a date would be: digits with date separators, or a month's name with digits. */
export function looksLikeDate(text: string): boolean {
  const s = text.trim();
  return ISO_START.test(s) || NUMERIC_START.test(s) || (/\d/.test(s) && MONTH_WORD.test(s));
}

/** How a pasted column writes its day and month when both are numbers (dd/mm or mm/dd). */
export type NumericOrder = 'dd/mm/yyyy' | 'mm/dd/yyyy';

/**
 * The numeric date order of a pasted column, by lib/import/formats.ts's detection over its
 * `31/10`-like cells: the order that reads them all (a day above 12 settles it), `preferred` when both
 * do (`ambiguous`, so the user can be asked); `found` is false when the column has no such cell.
 */
function readDateOrder(
  cells: readonly string[],
  preferred: NumericOrder,
): { order: NumericOrder; ambiguous: boolean; found: boolean } {
  const numeric = cells.filter((c) => NUMERIC_START.test(c.trim()));
  const guess = detectDateFormat(numeric, preferred);
  const order = guess.format === 'dd/mm/yyyy' || guess.format === 'mm/dd/yyyy' ? guess.format : preferred;
  return { order, ambiguous: numeric.length > 0 && guess.ambiguous, found: numeric.length > 0 };
}

/** A date cell read as ISO, with a month's name, or in the column's numeric order; null if none reads. */
function dayOf(text: string, order: NumericOrder): string | null {
  const s = text.trim();
  const format = ISO_START.test(s) ? 'yyyy-mm-dd' : NUMERIC_START.test(s) ? order : 'd mmm yyyy';
  const parsed = parseWallTime(s, format);
  if (!parsed.ok) return null;
  const day = new Date(parsed.value.wallMs).toISOString().slice(0, 10);
  return Number(day.slice(0, 4)) >= 1970 ? day : null;
}

/**
 * One pasted date on its own: ISO `2025-03-14` (also with `/` or `.`), `14/03/2025` or `03/14/2025`
 * (whichever order reads; the UI's language when both do), `Oct 15 2026`. A time after the date is
 * ignored. Returns 'YYYY-MM-DD', or null when the text is not a real calendar date.
 */
export function parsePastedDate(text: string, locale: Locale): string | null {
  if (!looksLikeDate(text)) return null;
  return dayOf(text, readDateOrder([text], locale === 'vi' ? 'dd/mm/yyyy' : 'mm/dd/yyyy').order);
}

/** The observations to ingest; ids are unique per line so one paste never overwrites itself. */
export function pastedObservations(
  rows: readonly PasteRow[],
  metric: Metric,
  dims: DimensionValues,
  note: string,
  nonce: string,
): Observation[] {
  return rows.map((r) =>
    buildObservation({ metric, value: r.value, time: r.time, dims, note, nonce: `${nonce}-${r.line}` }),
  );
}
