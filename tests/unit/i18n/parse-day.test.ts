import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../lib/i18n/format';
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
    for (const bad of ['tomorrow', '07/12', '2026', '07/12/2026 extra', 'Foo 7, 2026'])
      expect(problemOf(bad, 'vi'), bad).toMatchObject({ kind: 'notADate', text: bad });
    expect(dayProblemText(problemOf('07/12', 'en')!).text.en).toBe(
      '“07/12” is not a date. Write it like Dec 31, 2026 or 12/31/2026.',
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

describe('a date field’s reading', () => {
  it('is the day key, empty, or the text as typed, which saving refuses with its reason', () => {
    expect(dayReading('07/12/2026', 'vi')).toBe('2026-12-07');
    expect(dayReading(' ', 'vi')).toBe('');
    expect(dayReading('31/02/2026', 'vi')).toBe('31/02/2026');
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
