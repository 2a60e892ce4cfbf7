/**
 * Dates as CRMs print them in cells ("Nov 20, 2026 10:15 AM", "20/11/2026", "20 thg 11, 2026",
 * "2026-11-20"). The page does not say which time zone it prints in, so wall-clock values are read
 * as UTC: a created date is used for day-level grouping, where that is the honest reading.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // German and French abbreviations that differ from English.
  mär: 3,
  mai: 5,
  okt: 10,
  dez: 12,
  janv: 1,
  févr: 2,
  mars: 3,
  avr: 4,
  juin: 6,
  juil: 7,
  août: 8,
  déc: 12,
};

export interface DateOptions {
  /** "03/04/2026" is 3 April when true (most of the world), 4 March when false (US). */
  dayFirst?: boolean;
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(ms);
  // Reject 31 February instead of rolling over into March.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms;
}

function timeOf(text: string): [number, number] {
  const m = /(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm]|SA|CH)?/.exec(text);
  if (!m) return [0, 0];
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const meridiem = m[3]?.toUpperCase();
  // Vietnamese pages print SA (sáng, morning) and CH (chiều, afternoon).
  if ((meridiem === 'PM' || meridiem === 'CH') && hour < 12) hour += 12;
  if ((meridiem === 'AM' || meridiem === 'SA') && hour === 12) hour = 0;
  return [hour, minute];
}

/** Milliseconds since the epoch, or null when the text is not a date this reader knows. */
export function parseCrmDate(text: string | null | undefined, options: DateOptions = {}): number | null {
  if (!text) return null;
  const s = text.trim();
  if (!s) return null;

  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s);
  if (iso) {
    if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s.slice(10))) {
      const ms = Date.parse(s);
      return Number.isFinite(ms) ? ms : null;
    }
    return utc(Number(iso[1]), Number(iso[2]), Number(iso[3]), Number(iso[4] ?? 0), Number(iso[5] ?? 0));
  }

  const [hour, minute] = timeOf(s);

  // "20 thg 11, 2026" / "20 tháng 11 năm 2026" (Vietnamese).
  const vi = /(\d{1,2})\s*(?:thg|tháng)\s*(\d{1,2})(?:,|\s*năm)?\s*(\d{4})/i.exec(s);
  if (vi) return utc(Number(vi[3]), Number(vi[2]), Number(vi[1]), hour, minute);

  // "Nov 20, 2026" (English).
  const mdy = /([A-Za-zÀ-ÿ]{3,5})\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  const mdyMonth = mdy ? MONTHS[mdy[1]!.toLowerCase()] : undefined;
  if (mdy && mdyMonth) return utc(Number(mdy[3]), mdyMonth, Number(mdy[2]), hour, minute);

  // "20 Nov 2026", "20. Okt. 2026", "20 nov. 2026".
  const dmy = /(\d{1,2})\.?\s+([A-Za-zÀ-ÿ]{3,5})\.?,?\s+(\d{4})/.exec(s);
  const dmyMonth = dmy ? MONTHS[dmy[2]!.toLowerCase()] : undefined;
  if (dmy && dmyMonth) return utc(Number(dmy[3]), dmyMonth, Number(dmy[1]), hour, minute);

  // "20/11/2026", "11/20/2026", "20.11.2026".
  const numeric = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/.exec(s);
  if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const year = Number(numeric[3]);
    // An unambiguous part (> 12) settles the order whatever the option says.
    const dayFirst = a > 12 ? true : b > 12 ? false : (options.dayFirst ?? true);
    return dayFirst ? utc(year, b, a, hour, minute) : utc(year, a, b, hour, minute);
  }
  return null;
}
