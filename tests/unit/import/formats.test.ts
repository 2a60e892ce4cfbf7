import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DateFormat,
  detectCurrency,
  detectDateFormat,
  detectNumberFormat,
  type NumberFormat,
  parseDate,
  parseNumber,
} from '../../../lib/import/formats';

const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0): number =>
  Date.UTC(y, m - 1, d, h, min, s);
const HOUR = 3_600_000;

describe('months of a monthly sheet', () => {
  it('detects "Jan 2026" as month names, and "01/2026" without asking day or month first', () => {
    expect(detectDateFormat(['Jan 2026', 'Feb 2026', 'Mar 2026'])).toMatchObject({
      format: 'd mmm yyyy',
      matched: 3,
    });
    expect(detectDateFormat(['01/2026', '02/2026', '12/2026'])).toMatchObject({
      ambiguous: false,
      matched: 3,
    });
    expect(detectDateFormat(['01/02/2026', '03/04/2026']).ambiguous).toBe(true);
    expect(parseDate('Jan 2026', 'yyyy-mm-dd', 'UTC')).toMatchObject({ ok: false });
  });
});

describe('parseDate', () => {
  it.each<[string, DateFormat, number]>([
    ['2024-03-05', 'yyyy-mm-dd', utc(2024, 3, 5)],
    ['2024/03/05', 'yyyy-mm-dd', utc(2024, 3, 5)],
    ['2024-03', 'yyyy-mm-dd', utc(2024, 3, 1)],
    // Months of a monthly sheet stand for their first day.
    ['Jan 2026', 'd mmm yyyy', utc(2026, 1, 1)],
    ['September 2025', 'd mmm yyyy', utc(2025, 9, 1)],
    ['01/2026', 'dd/mm/yyyy', utc(2026, 1, 1)],
    ['11/2026', 'mm/dd/yyyy', utc(2026, 11, 1)],
    ['Tháng 1/2026', 'dd/mm/yyyy', utc(2026, 1, 1)],
    ['tháng 12 năm 2025', 'dd/mm/yyyy', utc(2025, 12, 1)],
    ['T3-2026', 'dd/mm/yyyy', utc(2026, 3, 1)],
    ['2024-03-05 14:22', 'yyyy-mm-dd', utc(2024, 3, 5, 14, 22)],
    ['2024-03-05T14:22:10.250Z', 'yyyy-mm-dd', utc(2024, 3, 5, 14, 22, 10) + 250],
    ['2024-03-05T14:22:10+07:00', 'yyyy-mm-dd', utc(2024, 3, 5, 7, 22, 10)],
    ['05/03/2024', 'dd/mm/yyyy', utc(2024, 3, 5)],
    ['05.03.2024', 'dd/mm/yyyy', utc(2024, 3, 5)],
    ['5-3-24', 'dd/mm/yyyy', utc(2024, 3, 5)],
    ['03/05/2024', 'mm/dd/yyyy', utc(2024, 3, 5)],
    ['3/5/2024 2:05 PM', 'mm/dd/yyyy', utc(2024, 3, 5, 14, 5)],
    ['3/5/2024 12:30 AM', 'mm/dd/yyyy', utc(2024, 3, 5, 0, 30)],
    ['5 Mar 2024', 'd mmm yyyy', utc(2024, 3, 5)],
    ['Mar 5, 2024 09:15', 'd mmm yyyy', utc(2024, 3, 5, 9, 15)],
    ['05-Mar-24', 'd mmm yyyy', utc(2024, 3, 5)],
    ['45292', 'excel-serial', utc(2024, 1, 1)],
    ['45292.75', 'excel-serial', utc(2024, 1, 1, 18)],
  ])('reads %j as %s in UTC', (text, format, expected) => {
    expect(parseDate(text, format, 'UTC')).toEqual({ ok: true, value: expected });
  });

  it('reads wall-clock time in the given zone, and an explicit offset wins over it', () => {
    expect(parseDate('2024-03-05 09:00', 'yyyy-mm-dd', 'Asia/Ho_Chi_Minh')).toEqual({
      ok: true,
      value: utc(2024, 3, 5, 2),
    });
    expect(parseDate('2024-03-05T09:00Z', 'yyyy-mm-dd', 'Asia/Ho_Chi_Minh')).toEqual({
      ok: true,
      value: utc(2024, 3, 5, 9),
    });
  });

  it('follows daylight saving time (New York, EST in January, EDT in July)', () => {
    expect(parseDate('2024-01-15 12:00', 'yyyy-mm-dd', 'America/New_York')).toEqual({
      ok: true,
      value: utc(2024, 1, 15, 12) + 5 * HOUR,
    });
    expect(parseDate('2024-07-15 12:00', 'yyyy-mm-dd', 'America/New_York')).toEqual({
      ok: true,
      value: utc(2024, 7, 15, 12) + 4 * HOUR,
    });
  });

  it.each<[string, DateFormat, RegExp]>([
    ['2024-02-30', 'yyyy-mm-dd', /day 30 does not exist/],
    ['2023-02-29', 'yyyy-mm-dd', /day 29/],
    ['13/13/2024', 'dd/mm/yyyy', /month 13/],
    ['2024-03-05 25:00', 'yyyy-mm-dd', /time out of range/],
    ['2024-03-05 13:00 PM', 'yyyy-mm-dd', /AM\/PM/],
    ['yesterday', 'dd/mm/yyyy', /not a dd\/mm\/yyyy date/],
    ['', 'yyyy-mm-dd', /empty/],
    ['60', 'excel-serial', /29 Feb 1900/],
    ['1969-12-31', 'yyyy-mm-dd', /before 1970/],
  ])('refuses %j (%s) with a reason', (text, format, reason) => {
    const r = parseDate(text, format, 'UTC');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reports an unknown time zone instead of throwing', () => {
    expect(parseDate('2024-01-01', 'yyyy-mm-dd', 'Mars/Olympus')).toEqual({
      ok: false,
      reason: 'unknown time zone “Mars/Olympus”',
    });
  });

  it('round-trips any day from 1970 to 2100 in every numeric format (property)', () => {
    const fmt = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 47_480 }), (dayIndex) => {
        const ms = dayIndex * 86_400_000;
        const d = new Date(ms);
        const [y, m, day] = [d.getUTCFullYear(), fmt(d.getUTCMonth() + 1), fmt(d.getUTCDate())];
        expect(parseDate(`${y}-${m}-${day}`, 'yyyy-mm-dd', 'UTC')).toEqual({ ok: true, value: ms });
        expect(parseDate(`${day}/${m}/${y}`, 'dd/mm/yyyy', 'UTC')).toEqual({ ok: true, value: ms });
        expect(parseDate(`${m}/${day}/${y}`, 'mm/dd/yyyy', 'UTC')).toEqual({ ok: true, value: ms });
        expect(parseDate(String(dayIndex + 25_569), 'excel-serial', 'UTC')).toEqual({ ok: true, value: ms });
      }),
    );
  });
});

describe('detectDateFormat', () => {
  it('is sure of dd/mm/yyyy once a day is above 12', () => {
    expect(detectDateFormat(['01/02/2024', '13/02/2024'])).toEqual({
      format: 'dd/mm/yyyy',
      ambiguous: false,
      alternatives: ['dd/mm/yyyy'],
      matched: 2,
      total: 2,
    });
    expect(detectDateFormat(['02/01/2024', '02/13/2024']).format).toBe('mm/dd/yyyy');
  });

  it('reports ambiguity when every day is ≤ 12, defaulting to the preferred order', () => {
    const guess = detectDateFormat(['01/02/2024', '03/04/2024', '12/11/2024']);
    expect(guess.ambiguous).toBe(true);
    expect(guess.alternatives).toEqual(['dd/mm/yyyy', 'mm/dd/yyyy']);
    expect(guess.format).toBe('dd/mm/yyyy');
    expect(detectDateFormat(['01/02/2024'], 'mm/dd/yyyy').format).toBe('mm/dd/yyyy');
  });

  it('recognises ISO with time, Excel serials, month names, and nothing in plain text', () => {
    expect(detectDateFormat(['2024-03-05 14:22', '2024-03-06 08:00']).format).toBe('yyyy-mm-dd');
    expect(detectDateFormat(['45292', '45293.5']).format).toBe('excel-serial');
    expect(detectDateFormat(['5 Mar 2024', 'Apr 12, 2024']).format).toBe('d mmm yyyy');
    // Small counts are values, not serial dates.
    expect(detectDateFormat(['12', '40']).format).toBe(null);
    expect(detectDateFormat(['hello', '']).total).toBe(1);
  });

  it('counts how many samples fit when some are broken', () => {
    const guess = detectDateFormat(['2024-01-15', '2024-02-30', 'nope', '2024-03-01']);
    expect(guess).toMatchObject({ format: 'yyyy-mm-dd', matched: 2, total: 4 });
  });
});

describe('parseNumber', () => {
  // Size words as people type them into sheets (they had been bad rows): read as the quick log does.
  it.each<[string, NumberFormat, number]>([
    ['1,5 tỷ', '1.234,5', 1_500_000_000],
    ['3tr', '1.234,5', 3_000_000],
    ['12tr5', '1.234,5', 12_500_000],
    ['1 tỷ 200 triệu', '1.234,5', 1_200_000_000],
    ['₫1,5 tỷ', '1.234,5', 1_500_000_000],
    ['-3tr', '1.234,5', -3_000_000],
    ['500k', '1,234.5', 500_000],
    ['1.2M', '1,234.5', 1_200_000],
  ])('reads the size word in %s (%s)', (text, format, value) => {
    expect(parseNumber(text, format)).toEqual({ ok: true, value });
  });

  it('still refuses words that are no size', () => {
    expect(parseNumber('N/A', '1,234.5').ok).toBe(false);
    expect(parseNumber('3 apples', '1,234.5').ok).toBe(false);
  });

  it.each<[string, NumberFormat, number]>([
    ['1,234.5', '1,234.5', 1234.5],
    ['1.234,5', '1.234,5', 1234.5],
    ['12.500.000', '1.234,5', 12_500_000],
    ['15,000,000', '1,234.5', 15_000_000],
    ['1 234,5', '1.234,5', 1234.5],
    ['1\u00a0234\u00a0567', '1,234.5', 1_234_567],
    ['(1,234)', '1,234.5', -1234],
    ['-42', '1,234.5', -42],
    ['\u221242', '1,234.5', -42],
    ['42-', '1,234.5', -42],
    ['$1,250.00', '1,234.5', 1250],
    ['-$1,250.00', '1,234.5', -1250],
    ['1.500.000 ₫', '1.234,5', 1_500_000],
    ['1.500.000đ', '1.234,5', 1_500_000],
    ['VND 2.000', '1.234,5', 2000],
    ['USD 99.95', '1,234.5', 99.95],
    ['€ 3,50', '1.234,5', 3.5],
    ['12.5%', '1,234.5', 12.5],
    ['1.23E+05', '1,234.5', 123_000],
    ['1,23E+05', '1.234,5', 123_000],
    ['.5', '1,234.5', 0.5],
    ["'-7", '1,234.5', -7],
    ['-0', '1,234.5', 0],
  ])('reads %j in %s as %d', (text, format, value) => {
    expect(parseNumber(text, format)).toEqual({ ok: true, value });
  });

  it.each<[string, NumberFormat, RegExp]>([
    ['1,5', '1,234.5', /not a number in the 1,234.5 format/],
    ['1.234,5', '1,234.5', /not a number/],
    ['1,234.5', '1.234,5', /not a number/],
    ['12,34,5', '1,234.5', /not a number/],
    ['#DIV/0!', '1,234.5', /spreadsheet error #DIV\/0!/],
    ['#N/A', '1,234.5', /spreadsheet error/],
    ['abc', '1,234.5', /not a number/],
    ['$', '1,234.5', /not a number/],
    ['', '1,234.5', /empty/],
    ['1e999', '1,234.5', /too large/],
  ])('refuses %j in %s', (text, format, reason) => {
    const r = parseNumber(text, format);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads back any number written with grouping in either format (property)', () => {
    const write = (n: number, format: NumberFormat): string => {
      const [int, frac] = Math.abs(n).toFixed(2).split('.');
      const group = format === '1,234.5' ? ',' : '.';
      const decimal = format === '1,234.5' ? '.' : ',';
      const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, group);
      return `${n < 0 ? '-' : ''}${grouped}${decimal}${frac}`;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
        fc.constantFrom<NumberFormat>('1,234.5', '1.234,5'),
        (cents, format) => {
          const n = cents / 100;
          const r = parseNumber(write(n, format), format);
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value).toBeCloseTo(n, 6);
        },
      ),
    );
  });

  it('never returns NaN or Infinity, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom<NumberFormat>('1,234.5', '1.234,5'), (text, format) => {
        const r = parseNumber(text, format);
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });
});

describe('detectNumberFormat', () => {
  it('decides from separators that only one format can read', () => {
    expect(detectNumberFormat(['1.234,5', '980,25', '12.500.000'])).toEqual({
      format: '1.234,5',
      ambiguous: false,
      matched: 3,
      total: 3,
    });
    expect(detectNumberFormat(['1,234.5', '15,000,000', '7']).format).toBe('1,234.5');
  });

  it('is ambiguous when every sample is like "1,234" or "2.500"', () => {
    expect(detectNumberFormat(['1,234', '5,600'])).toMatchObject({ ambiguous: true, format: '1,234.5' });
    expect(detectNumberFormat(['2.500'], '1.234,5')).toMatchObject({ ambiguous: true, format: '1.234,5' });
    // Plain integers read the same either way: nothing to confirm.
    expect(detectNumberFormat(['12', '40'])).toMatchObject({ ambiguous: false });
  });
});

describe('detectCurrency', () => {
  it.each([
    ['₫1.000', 'VND'],
    ['1.000 đ', 'VND'],
    ['Amount spent (VND)', 'VND'],
    ['$5', 'USD'],
    ['US$ 5', 'USD'],
    ['5 €', 'EUR'],
    ['12', null],
  ])('%j → %s', (text, code) => {
    expect(detectCurrency(text)).toBe(code);
  });
});
