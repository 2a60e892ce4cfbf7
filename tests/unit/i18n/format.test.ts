import { describe, expect, it } from 'vitest';
import {
  formatChance,
  formatCompact,
  formatCurrency,
  formatDate,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRelativeDays,
  formatValue,
  NO_VALUE,
} from '../../../lib/i18n/format';

// 2026-11-23 08:00 UTC = 15:00 in Ho Chi Minh City.
const NOV_23 = Date.UTC(2026, 10, 23, 8, 0);

describe('formatNumber', () => {
  it('groups and separates decimals per locale, at most 2 decimals by default', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'vi')).toBe('1.234,5');
    expect(formatNumber(1234.5678, 'vi')).toBe('1.234,57');
    expect(formatNumber(-2.5, 'vi')).toBe('-2,5');
    expect(formatNumber(1_000_000, 'vi', { maximumFractionDigits: 0 })).toBe('1.000.000');
  });

  it('never prints NaN, Infinity or -0', () => {
    expect(formatNumber(Number.NaN, 'en')).toBe(NO_VALUE);
    expect(formatNumber(Number.POSITIVE_INFINITY, 'vi')).toBe('—');
    expect(formatNumber(-0, 'en')).toBe('0');
    expect(formatNumber(-0.001, 'en')).toBe('0');
  });
});

describe('formatCurrency', () => {
  it('vi + VND is exactly "1.250.000.000 ₫", with a no-break space: an amount never parts at a line end', () => {
    expect(formatCurrency(1_250_000_000, 'VND', 'vi')).toBe('1.250.000.000\u00a0₫');
  });

  it('formats other pairs, dropping cents only on whole amounts', () => {
    expect(formatCurrency(1_250_000_000, 'VND', 'en')).toBe('₫1,250,000,000');
    expect(formatCurrency(1500, 'USD', 'en')).toBe('$1,500');
    expect(formatCurrency(1500.5, 'USD', 'en')).toBe('$1,500.50');
    expect(formatCurrency(1500.5, 'USD', 'vi')).toBe('1.500,50\u00a0US$');
    expect(formatCurrency(-5000, 'VND', 'vi')).toBe('-5.000\u00a0₫');
    expect(formatCurrency(Number.NaN, 'VND', 'vi')).toBe('—');
  });
});

describe('formatCompact', () => {
  it('uses Vietnamese business shorthand: tỷ, tr, nghìn', () => {
    expect(formatCompact(1.25e9, 'vi')).toBe('1,25\u00a0tỷ');
    expect(formatCompact(12e6, 'vi')).toBe('12\u00a0tr');
    expect(formatCompact(12.5e6, 'vi')).toBe('12,5\u00a0tr');
    expect(formatCompact(500_000, 'vi')).toBe('500\u00a0nghìn');
    expect(formatCompact(3e12, 'vi')).toBe('3\u00a0nghìn\u00a0tỷ');
    expect(formatCompact(950, 'vi')).toBe('950');
  });

  it('uses K/M/B/T in English', () => {
    expect(formatCompact(1.25e9, 'en')).toBe('1.25B');
    expect(formatCompact(12e6, 'en')).toBe('12M');
    expect(formatCompact(1500, 'en')).toBe('1.5K');
    expect(formatCompact(1.256e9, 'en')).toBe('1.26B');
  });

  it('writes no trailing zero at any precision (₫192M, never ₫192.00M), en and vi', () => {
    expect(formatCompact(192_000_000, 'en', 'VND', { significant: 5 })).toBe('₫192M');
    expect(formatCompact(192_004_000, 'en', 'VND', { significant: 5 })).toBe('₫192M');
    expect(formatCompact(192_000_000, 'vi', 'VND', { significant: 5 })).toBe('192\u00a0tr\u00a0₫');
    expect(formatCompact(187_431_000, 'vi', 'VND', { significant: 5 })).toBe('187,43\u00a0tr\u00a0₫');
    expect(formatCompact(1_768_661, 'en', 'VND', { significant: 5 })).toBe('₫1.7687M');
    expect(formatCompact(1_740_049, 'en', 'VND', { significant: 4 })).toBe('₫1.74M');
  });

  it('moves up a scale when rounding reaches 1000', () => {
    expect(formatCompact(999_999, 'en')).toBe('1M');
    expect(formatCompact(999_999, 'vi')).toBe('1\u00a0tr');
  });

  it('places the currency where the locale does', () => {
    expect(formatCompact(1.25e9, 'vi', 'VND')).toBe('1,25\u00a0tỷ\u00a0₫');
    expect(formatCompact(1.25e9, 'en', 'USD')).toBe('$1.25B');
    expect(formatCompact(-1500, 'en', 'USD')).toBe('-$1.5K');
    expect(formatCompact(-1500, 'vi', 'VND')).toBe('-1,5\u00a0nghìn\u00a0₫');
    expect(formatCompact(Number.NaN, 'vi', 'VND')).toBe('—');
  });
});

describe('formatPercent', () => {
  it('takes a fraction', () => {
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.125, 'vi')).toBe('12,5%');
    expect(formatPercent(0.04, 'en', { signed: true })).toBe('+4%');
    expect(formatPercent(-0.04, 'vi', { signed: true })).toBe('-4%');
    expect(formatPercent(0, 'en', { signed: true })).toBe('0%');
  });
});

describe('formatDate', () => {
  it('writes vi dates day-first with slashes', () => {
    expect(formatDate(NOV_23, 'vi', 'Asia/Ho_Chi_Minh', 'short')).toBe('23/11/2026');
    expect(formatDate(NOV_23, 'vi', 'Asia/Ho_Chi_Minh')).toBe('23/11/2026');
    expect(formatDate(NOV_23, 'vi', 'Asia/Ho_Chi_Minh', 'dayMonth')).toBe('23/11');
    expect(formatDate(NOV_23, 'vi', 'Asia/Ho_Chi_Minh', 'long')).toBe('23 tháng 11, 2026');
    expect(formatDate(NOV_23, 'vi', 'Asia/Ho_Chi_Minh', 'time')).toBe('15:00');
  });

  it('writes en dates month-first', () => {
    expect(formatDate(NOV_23, 'en', 'Asia/Ho_Chi_Minh')).toBe('Nov 23, 2026');
    expect(formatDate(NOV_23, 'en', 'Asia/Ho_Chi_Minh', 'short')).toBe('11/23/2026');
    expect(formatDate(NOV_23, 'en', 'Asia/Ho_Chi_Minh', 'monthYear')).toBe('November 2026');
    expect(formatDate(NOV_23, 'en', 'Asia/Ho_Chi_Minh', 'time')).toBe('3:00 PM');
  });

  it('applies the time zone', () => {
    const lateUtc = Date.UTC(2026, 10, 23, 20, 0);
    expect(formatDate(lateUtc, 'vi', 'UTC', 'short')).toBe('23/11/2026');
    expect(formatDate(lateUtc, 'vi', 'Asia/Ho_Chi_Minh', 'short')).toBe('24/11/2026');
  });

  it('survives bad input', () => {
    expect(formatDate(Number.NaN, 'en', 'UTC')).toBe('—');
    expect(formatDate(9e15, 'en', 'UTC')).toBe('—');
    expect(formatDate(NOV_23, 'vi', 'Not/AZone', 'short')).toBe('23/11/2026');
  });
});

describe('formatRelativeDays', () => {
  it('says today / tomorrow and counts days', () => {
    expect([-1, 0, 1, 3, -3].map((d) => formatRelativeDays(d, 'en'))).toEqual([
      'yesterday',
      'today',
      'tomorrow',
      'in 3 days',
      '3 days ago',
    ]);
    expect([-1, 0, 1, 3, -3].map((d) => formatRelativeDays(d, 'vi'))).toEqual([
      'hôm qua',
      'hôm nay',
      'ngày mai',
      'sau 3 ngày nữa',
      '3 ngày trước',
    ]);
    expect(formatRelativeDays(-0.2, 'en')).toBe('today');
  });
});

describe('formatDuration', () => {
  it('shows the two largest parts', () => {
    expect(formatDuration(90, 'minutes', 'en')).toBe('1 h 30 min');
    expect(formatDuration(90, 'minutes', 'vi')).toBe('1 giờ 30 phút');
    expect(formatDuration(2.2, 'days', 'en')).toBe('2 d 4 h');
    expect(formatDuration(2.2, 'days', 'vi')).toBe('2 ngày 4 giờ');
    expect(formatDuration(3, 'hours', 'en')).toBe('3 h');
    expect(formatDuration(1441, 'minutes', 'en')).toBe('1 d');
    expect(formatDuration(0, 'days', 'vi')).toBe('0 ngày');
    expect(formatDuration(0.5, 'minutes', 'vi')).toBe('0,5 phút');
    expect(formatDuration(-45, 'minutes', 'en')).toBe('-45 min');
  });
});

describe('formatValue', () => {
  it('renders null as an em dash', () => {
    expect(formatValue(null, { kind: 'count' }, 'en')).toBe('—');
    expect(formatValue(Number.NaN, { kind: 'percent' }, 'vi')).toBe('—');
  });

  it('formats each unit kind', () => {
    expect(formatValue(1234, { kind: 'count' }, 'vi')).toBe('1.234');
    expect(formatValue(1_250_000_000, { kind: 'currency', currency: 'VND' }, 'vi')).toBe(
      '1.250.000.000\u00a0₫',
    );
    expect(formatValue(1_250_000_000, { kind: 'currency', currency: 'VND' }, 'vi', { compact: true })).toBe(
      '1,25\u00a0tỷ\u00a0₫',
    );
    expect(formatValue(12e6, { kind: 'count' }, 'en', { compact: true })).toBe('12M');
    expect(formatValue(15.3, { kind: 'percent' }, 'en')).toBe('15.3%');
    expect(formatValue(92, { kind: 'percent' }, 'vi')).toBe('92%');
    expect(formatValue(3.25, { kind: 'ratio' }, 'vi')).toBe('3,25×');
    expect(formatValue(1.5, { kind: 'duration', per: 'hours' }, 'en')).toBe('1 h 30 min');
  });
});

describe('formatChance', () => {
  it('never writes a chance the forecaster gave as 0% or 100%', () => {
    expect(formatChance(0.003, 'en')).toBe('<1%');
    expect(formatChance(0.997, 'en')).toBe('>99%');
    expect(formatChance(0.003, 'vi')).toBe('<1%');
    expect(formatChance(0.997, 'vi')).toBe('>99%');
  });
  it('rounds other chances to whole percent, and keeps exact 0 and 1', () => {
    expect(formatChance(0.005, 'en')).toBe('1%');
    expect(formatChance(0.314, 'en')).toBe('31%');
    expect(formatChance(0, 'en')).toBe('0%');
    expect(formatChance(1, 'en')).toBe('100%');
  });
});
