import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../lib/crm/amount';
import { parseCrmDate } from '../../../lib/crm/date';

describe('parseAmount', () => {
  it.each<[string, number, string | null]>([
    ['$12,500.00', 12_500, 'USD'],
    ['12.500.000 ₫', 12_500_000, 'VND'],
    ['€ 1.234,56', 1234.56, 'EUR'],
    ['VND 5,000,000', 5_000_000, 'VND'],
    ['₫12,500,000', 12_500_000, 'VND'],
    ['12.500.000 VNĐ', 12_500_000, 'VND'],
    ['12.500.000 đ', 12_500_000, 'VND'],
    ['US$1,200', 1_200, 'USD'],
    ['1 234 567,89 €', 1_234_567.89, 'EUR'],
    ['1\u202f234,5 €', 1_234.5, 'EUR'],
    ["CHF 1'234.50", 1_234.5, 'CHF'],
    ['Rs. 1,00,000.00', 100_000, 'INR'],
    ['£99', 99, 'GBP'],
    ['12,500', 12_500, null],
    ['1.5', 1.5, null],
    ['1,5', 1.5, null],
    ['$12.5K', 12_500, 'USD'],
    ['1,2 tr ₫', 1_200_000, 'VND'],
    ['3 tỷ', 3_000_000_000, null],
    ['-$1,000.00', -1_000, 'USD'],
    ['($250.00)', -250, 'USD'],
    ['250000000', 250_000_000, null],
  ])('%s → %s %s', (text, amount, currency) => {
    expect(parseAmount(text)).toEqual({ amount, currency });
  });

  it.each(['', '   ', '--', 'Không có', 'N/A', '$'])('%j has no amount', (text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('follows a known decimal separator over the three-digit guess', () => {
    expect(parseAmount('1.234', { decimalSeparator: '.' })).toEqual({ amount: 1.234, currency: null });
    expect(parseAmount('1,234', { decimalSeparator: ',' })).toEqual({ amount: 1.234, currency: null });
    expect(parseAmount('1.234')).toEqual({ amount: 1234, currency: null });
  });

  it('reads back any whole amount formatted en-US, de-DE or vi-VN', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom('en-US', 'de-DE', 'vi-VN'),
        (n, locale) => {
          const text = n.toLocaleString(locale);
          expect(parseAmount(`${text} ₫`)).toEqual({ amount: n, currency: 'VND' });
        },
      ),
    );
  });

  it('reads back any amount with cents formatted en-US with a dollar sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (cents) => {
        const text = (cents / 100).toLocaleString('en-US', {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        });
        const parsed = parseAmount(`$${text}`);
        expect(parsed?.currency).toBe('USD');
        expect(Math.round((parsed?.amount ?? Number.NaN) * 100)).toBe(cents);
      }),
    );
  });

  it('never returns NaN or Infinity, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parseAmount(text);
        if (parsed) expect(Number.isFinite(parsed.amount)).toBe(true);
      }),
    );
  });
});

describe('parseCrmDate', () => {
  it.each<[string, boolean | undefined, number | null]>([
    ['Nov 20, 2026 10:15 AM', undefined, Date.UTC(2026, 10, 20, 10, 15)],
    ['Nov 22, 2026 11:30 PM', undefined, Date.UTC(2026, 10, 22, 23, 30)],
    ['Aug 14, 2026', undefined, Date.UTC(2026, 7, 14)],
    ['2026-11-20', undefined, Date.UTC(2026, 10, 20)],
    ['2026-11-20T10:15:00Z', undefined, Date.UTC(2026, 10, 20, 10, 15)],
    ['2026-11-20T10:15:00+07:00', undefined, Date.UTC(2026, 10, 20, 3, 15)],
    ['20/11/2026', undefined, Date.UTC(2026, 10, 20)],
    ['11/20/2026', undefined, Date.UTC(2026, 10, 20)],
    ['05/11/2026', true, Date.UTC(2026, 10, 5)],
    ['05/11/2026', false, Date.UTC(2026, 4, 11)],
    ['20.11.2026', undefined, Date.UTC(2026, 10, 20)],
    ['20 thg 11, 2026', undefined, Date.UTC(2026, 10, 20)],
    ['20 tháng 11 năm 2026 02:15 CH', undefined, Date.UTC(2026, 10, 20, 14, 15)],
    ['20. Okt. 2026', undefined, Date.UTC(2026, 9, 20)],
    ['12:30 AM Jan 1, 2026', undefined, Date.UTC(2026, 0, 1, 0, 30)],
    ['31/02/2026', undefined, null],
    ['yesterday', undefined, null],
    ['', undefined, null],
  ])('%s (dayFirst %s)', (text, dayFirst, expected) => {
    expect(parseCrmDate(text, dayFirst === undefined ? {} : { dayFirst })).toBe(expected);
  });
});
