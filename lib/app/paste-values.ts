import { addDays, daysInMonth } from '../engine/time-buckets';
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
}

/** More lines than anyone pastes by hand: the CSV importer is the tool for bigger files. */
export const MAX_PASTE_LINES = 5000;

interface Pending {
  line: number;
  text: string;
  day: string | null;
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
    pending.push(splitLine(line, raw, opts.locale));
  });

  const undatedCount = pending.filter((p) => p.day === null).length;
  let undatedIndex = 0;
  const rows: PasteRow[] = [];
  for (const p of pending) {
    let day = p.day;
    if (day === null) {
      day =
        opts.undated === 'daily' ? addDays(opts.lastDay, undatedIndex - (undatedCount - 1)) : opts.lastDay;
      undatedIndex++;
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
  return { rows, problems, headerSkipped };
}

/**
 * `2025-03-14<TAB>1.200.000` → dated; `1.200.000` alone → undated. A leading cell that is not a date
 * (a name, a label) leaves the line undated and the last cell is still its value.
 */
function splitLine(line: number, raw: string, locale: Locale): Pending {
  const text = raw.trim();
  const cells = raw.includes('\t')
    ? raw
        .split('\t')
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
  if (cells.length >= 2) {
    return { line, text, day: parsePastedDate(cells[0]!, locale), valueText: cells[cells.length - 1]! };
  }
  // "2025-03-14 1200" typed by hand: a date, spaces, then the value.
  const m = /^(\S+)\s+(.+)$/.exec(text);
  const day = m ? parsePastedDate(m[1]!, locale) : null;
  return day && m ? { line, text, day, valueText: m[2]! } : { line, text, day: null, valueText: text };
}

/**
 * Dates as spreadsheets copy them: ISO `2025-03-14` (also with `/` or `.`), and day-first
 * `14/03/2025` in Vietnamese or month-first `03/14/2025` in English. A time after the date is ignored.
 * Returns 'YYYY-MM-DD', or null when the text is not a real calendar date.
 */
export function parsePastedDate(text: string, locale: Locale): string | null {
  const s = text.trim().split(/[\sT]/)[0] ?? '';
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(s);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (local) {
    const a = Number(local[1]);
    const b = Number(local[2]);
    [d, m] = locale === 'vi' ? [a, b] : [b, a];
    y = Number(local[3]);
    if (local[3]!.length === 2) y += 2000;
  } else return null;
  if (y < 1970 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
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
