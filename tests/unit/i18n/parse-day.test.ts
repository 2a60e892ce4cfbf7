import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDayInWords } from '../../../lib/i18n/format';
import {
  dayProblemText,
  dayReading,
  formatDayTyped,
  formatMonthTyped,
  parseDay,
  parseMonth,
  typedDayProblem,
} from '../../../lib/i18n/parse-day';
import type { Locale } from '../../../lib/schema';

const LOCALES: Locale[] = ['en', 'vi'];
const two = (n: number) => String(n).padStart(2, '0');
/** Any real day from 1900 to 2199, as a day key. */
const realDay = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const problemOf = (text: string, locale: Locale, range = {}) => {
  const r = parseDay(text, locale, range);
  return r.ok ? null : r.problem;
};

/** Dates typed in Pacer's language (components/shared/day-input.tsx), read back as day keys. */
describe('parseDay', () => {
  it('reads the founder’s 07/12/2026 as 7 December in Vietnamese, and as the UI writes it in English', () => {
    expect(parseDay('07/12/2026', 'vi')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('7/12/26', 'vi')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('07.12.2026', 'vi')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('7 tháng 12, 2026', 'vi')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('Thứ Hai, 7 tháng 12, 2026', 'vi')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('ngày 7 tháng 12 năm 2026', 'vi')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('Dec 7, 2026', 'en')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('december 7 2026', 'en')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('Mon, Dec 7, 2026', 'en')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('7 Dec 2026', 'en')).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('12/7/2026', 'en')).toEqual({ ok: true, day: '2026-12-07' });
    for (const locale of LOCALES)
      expect(parseDay(' 2026-12-07 ', locale)).toEqual({ ok: true, day: '2026-12-07' });
  });

  it('writes a day the way the UI does: vi 07/12/2026, en the medium date of lib/i18n/format', () => {
    expect(formatDayTyped('2026-12-07', 'vi')).toBe('07/12/2026');
    expect(formatDayTyped('2026-12-31', 'en')).toBe('Dec 31, 2026');
    expect(formatDayTyped('2026-12-31', 'en')).toBe(formatDate(Date.UTC(2026, 11, 31, 12), 'en', 'UTC'));
    expect(formatDayTyped('2026-12-31', 'vi')).toBe(formatDate(Date.UTC(2026, 11, 31, 12), 'vi', 'UTC'));
    // Not a real day: left as it is, never moved to another (2026-02-30 is not 2 March).
    expect(formatDayTyped('2026-02-30', 'en')).toBe('2026-02-30');
  });

  it('round-trips every real day in both languages: format, then parse, gives the same day', () => {
    fc.assert(
      fc.property(realDay, fc.constantFrom(...LOCALES), (day, locale) => {
        expect(parseDay(formatDayTyped(day, locale), locale)).toEqual({ ok: true, day });
      }),
    );
  });

  it('never swaps day and month in Vietnamese: d/m/yyyy is day d of month m, or refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1970, max: 2199 }),
        (a, b, y) => {
          const r = parseDay(`${two(a)}/${two(b)}/${y}`, 'vi');
          if (r.ok) expect(r.day).toBe(`${y}-${two(b)}-${two(a)}`);
          else expect(['noSuchMonth', 'noSuchDay']).toContain(r.problem.kind);
          // And English reads the same numbers month first.
          const en = parseDay(`${b}/${a}/${y}`, 'en');
          if (en.ok) expect(en.day).toBe(`${y}-${two(b)}-${two(a)}`);
        },
      ),
    );
  });

  it('refuses impossible days with what is wrong, in both languages', () => {
    expect(problemOf('31/02/2026', 'vi')).toEqual({
      kind: 'noSuchDay',
      text: '31/02/2026',
      year: 2026,
      month: 2,
      day: 31,
    });
    expect(dayProblemText(problemOf('31/02/2026', 'vi')!)).toEqual({
      text: {
        en: 'February 2026 has 28 days: there is no day 31.',
        vi: 'Tháng 2/2026 chỉ có 28 ngày: không có ngày 31.',
      },
    });
    expect(problemOf('29/02/2028', 'vi')).toBeNull();
    expect(problemOf('2026-02-30', 'en')).toMatchObject({ kind: 'noSuchDay', month: 2, day: 30 });
    expect(problemOf('Apr 31, 2026', 'en')).toMatchObject({ kind: 'noSuchDay', month: 4, day: 31 });
    // mm/dd typed in Vietnamese: no month 31, and the message says the day comes first.
    const swapped = problemOf('12/31/2026', 'vi');
    expect(swapped).toEqual({ kind: 'noSuchMonth', text: '12/31/2026', month: 31, swapped: '2026-12-31' });
    expect(dayProblemText(swapped!).text.vi).toBe(
      'Không có tháng 31 trong “12/31/2026”: ngày viết trước, rồi đến tháng. Có phải ý bạn là 31/12/2026?',
    );
    const en = problemOf('31/12/2025', 'en');
    expect(en).toMatchObject({ kind: 'noSuchMonth', month: 31, swapped: '2025-12-31' });
    expect(dayProblemText(en!).text.en).toBe(
      'There is no month 31 in “31/12/2025”: in English the month comes first. Did you mean Dec 31, 2025?',
    );
    // The other way round, 02/30 is 30 February: no day either, so nothing to suggest.
    expect(problemOf('02/30/2026', 'vi')).toMatchObject({ kind: 'noSuchMonth', month: 30, swapped: null });
    expect(problemOf('2026-13-01', 'vi')).toMatchObject({ kind: 'noSuchMonth', month: 13, swapped: null });
    for (const bad of ['tomorrow', '2026', '07/12/2026 extra', 'Foo 7, 2026', '7/12/3'])
      expect(problemOf(bad, 'vi'), bad).toMatchObject({ kind: 'notADate', text: bad });
    expect(dayProblemText(problemOf('tomorrow', 'en')!).text.en).toBe(
      '“tomorrow” is not a date. Write it like Dec 31, 2026 or 12/31/2026.',
    );
    expect(problemOf('  ', 'en')).toEqual({ kind: 'empty' });
  });

  it('refuses, with a reason, every day that does not exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const r = parseDay(`${d}/${m}/${y}`, 'vi');
          if (real) expect(r).toEqual({ ok: true, day: `${y}-${two(m)}-${two(d)}` });
          else expect(r).toMatchObject({ ok: false, problem: { kind: 'noSuchDay', day: d, month: m } });
        },
      ),
    );
  });

  it('keeps to min and max, both included, and names the bound in the UI’s form', () => {
    const range = { min: '2026-01-01', max: '2026-12-07' };
    expect(parseDay('07/12/2026', 'vi', range)).toEqual({ ok: true, day: '2026-12-07' });
    expect(problemOf('08/12/2026', 'vi', range)).toEqual({
      kind: 'tooLate',
      day: '2026-12-08',
      max: '2026-12-07',
    });
    expect(problemOf('31/12/2025', 'vi', range)).toEqual({
      kind: 'tooEarly',
      day: '2025-12-31',
      min: '2026-01-01',
    });
    expect(dayProblemText(problemOf('Dec 8, 2026', 'en', range)!).text).toEqual({
      en: 'Choose Dec 7, 2026 or an earlier day.',
      vi: 'Hãy chọn ngày 07/12/2026 hoặc sớm hơn.',
    });
  });
});

describe('a day and month without a year', () => {
  // Typed on Monday 7 December 2026 into a log day's field, which is never after today.
  const today = { latest: '2026-12-07', max: '2026-12-07' };

  it('is the most recent such day up to today: vi day first, en month first', () => {
    // The quick log refused "1/12" for want of a year.
    expect(parseDay('1/12', 'vi', today)).toEqual({ ok: true, day: '2026-12-01' });
    expect(parseDay('01/12', 'vi', today)).toEqual({ ok: true, day: '2026-12-01' });
    expect(parseDay('7/12', 'vi', today)).toEqual({ ok: true, day: '2026-12-07' });
    expect(parseDay('25/12', 'vi', today)).toEqual({ ok: true, day: '2025-12-25' });
    expect(parseDay('1/12', 'en', today)).toEqual({ ok: true, day: '2026-01-12' });
    expect(parseDay('12/1', 'en', today)).toEqual({ ok: true, day: '2026-12-01' });
    expect(parseDay('12/8', 'en', today)).toEqual({ ok: true, day: '2025-12-08' });
    for (const text of ['Dec 1', 'dec 1st', '1 Dec', 'December 1', 'Tue, Dec 1'])
      expect(parseDay(text, 'en', today), text).toEqual({ ok: true, day: '2026-12-01' });
    for (const text of ['1 tháng 12', 'ngày 1 tháng 12', 'Thứ Ba, 1 tháng 12', 'Thứ 3, 1/12'])
      expect(parseDay(text, 'vi', today), text).toEqual({ ok: true, day: '2026-12-01' });
    // 29 February: the last leap year's.
    expect(parseDay('29/2', 'vi', today)).toEqual({ ok: true, day: '2024-02-29' });
  });

  it('reads back the popup’s own words for any day of the past year, in both languages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.constantFrom(...LOCALES), (back, locale) => {
        const day = new Date(Date.UTC(2026, 11, 7 - back)).toISOString().slice(0, 10);
        // Its year left out, as the popup does for this year's days ("Tue, Dec 1", "Thứ 3, 1/12").
        const words = formatDayInWords(day, locale, 'short', Number(day.slice(0, 4)));
        expect(words).not.toMatch(/\d{4}/);
        expect(parseDay(words, locale, today)).toEqual({ ok: true, day });
      }),
    );
  });

  it('is never after the last day, and no later such day is', () => {
    fc.assert(
      fc.property(
        realDay,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (latest, m, d) => {
          const r = parseDay(`${d}/${m}`, 'vi', { latest });
          if (!r.ok) {
            expect(r.problem).toMatchObject({ kind: 'noSuchDay', year: null, month: m, day: d });
            return;
          }
          expect(r.day <= latest).toBe(true);
          expect(r.day.slice(5)).toBe(`${two(m)}-${two(d)}`);
          // The next year's (or the next leap year's) is after the last day, or does not exist.
          for (let y = Number(r.day.slice(0, 4)) + 1; y <= Number(latest.slice(0, 4)); y++) {
            const next = `${y}-${two(m)}-${two(d)}`;
            if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d) expect(next > latest).toBe(true);
          }
        },
      ),
    );
  });

  it('says what is wrong, specifically, in both languages', () => {
    expect(dayProblemText(problemOf('31/4', 'vi', today)!).text).toEqual({
      en: 'There is no April 31 in any year.',
      vi: 'Không năm nào có ngày 31 tháng 4.',
    });
    // Month first in Vietnamese: the day it would be the other way round, up to today.
    const swapped = problemOf('12/25', 'vi', today);
    expect(swapped).toMatchObject({ kind: 'noSuchMonth', month: 25, swapped: '2025-12-25' });
    expect(dayProblemText(swapped!).text.vi).toBe(
      'Không có tháng 25 trong “12/25”: ngày viết trước, rồi đến tháng. Có phải ý bạn là 25/12/2025?',
    );
    expect(problemOf('1/12', 'vi', { ...today, min: '2026-12-02' })).toEqual({
      kind: 'tooEarly',
      day: '2026-12-01',
      min: '2026-12-02',
    });
    // A field that does not say which year (a deadline, maybe years ahead) asks for it.
    expect(problemOf('31/12', 'vi')).toEqual({ kind: 'noYear', text: '31/12' });
    expect(dayProblemText(problemOf('Dec 31', 'en')!).text).toEqual({
      en: '“Dec 31” has no year. Write it like Dec 31, 2026 or 12/31/2026.',
      vi: '“Dec 31” chưa có năm. Hãy viết ngày/tháng/năm, ví dụ 31/12/2026.',
    });
  });
});

describe('a date field’s reading', () => {
  it('is the day key, empty, or the text as typed, which saving refuses with its reason', () => {
    expect(dayReading('07/12/2026', 'vi')).toBe('2026-12-07');
    expect(dayReading(' ', 'vi')).toBe('');
    expect(dayReading('31/02/2026', 'vi')).toBe('31/02/2026');
    // Without a year: the latest such day up to the field's last one, or the text where it has none.
    expect(dayReading('1/12', 'vi', '2026-12-07')).toBe('2026-12-01');
    expect(dayReading('1/12', 'vi')).toBe('1/12');
    expect(typedDayProblem('1/12', 'vi')).toMatchObject({
      text: { vi: '“1/12” chưa có năm. Hãy viết ngày/tháng/năm, ví dụ 31/12/2026.' },
    });
    expect(typedDayProblem('2026-12-07', 'vi')).toBeNull();
    expect(typedDayProblem('', 'vi')).toBeNull();
    expect(typedDayProblem('31/02/2026', 'vi')).toMatchObject({
      text: { vi: expect.stringMatching(/^Tháng 2\/2026/) },
    });
    // Shaped like a key but not a day: refused, never saved as 2 March.
    expect(typedDayProblem('2026-02-30', 'en')).not.toBeNull();
  });
});

describe('parseMonth', () => {
  it('reads the CSV import’s month forms, and writes vi 12/2026, en Dec 2026', () => {
    for (const text of [
      '12/2026',
      'Tháng 12/2026',
      'tháng 12 năm 2026',
      'Dec 2026',
      'December 2026',
      '2026-12',
    ])
      expect(parseMonth(text), text).toEqual({ ok: true, month: '2026-12' });
    expect(formatMonthTyped('2026-01', 'vi')).toBe('01/2026');
    expect(formatMonthTyped('2026-01', 'en')).toBe('Jan 2026');
    expect(parseMonth('13/2026')).toMatchObject({ ok: false, problem: { kind: 'noSuchMonth', month: 13 } });
    expect(parseMonth('Decem 2026')).toMatchObject({ ok: false, problem: { kind: 'notAMonth' } });
    expect(dayProblemText({ kind: 'notAMonth', text: 'x' }).text.vi).toBe(
      '“x” không phải là một tháng. Hãy viết tháng/năm, ví dụ 12/2026.',
    );
  });

  it('round-trips every month in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...LOCALES),
        (y, m, locale) => {
          const month = `${y}-${two(m)}`;
          expect(parseMonth(formatMonthTyped(month, locale))).toEqual({ ok: true, month });
        },
      ),
    );
  });
});
