import { describe, expect, it } from 'vitest';
import { kpiSummaryLine } from '../../../lib/import/summary-text';
import { type TouchedKpis, touchedList, touchKpis } from '../../../lib/import/touched-kpis';

/**
 * The import summary names the KPI the values went into, with their count and dates (review finding:
 * "Added: 6" alone did not say where six values had gone). Numbers and dates as the rest of the app
 * writes them: en "1,234" and "Jan 5, 2025", vi "1.234" and "05/01/2025".
 */
const TZ = 'Asia/Ho_Chi_Minh';
/** Midnight of a day in Ho Chi Minh City (UTC+7), as the file's dates are read. */
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000;

describe('kpiSummaryLine', () => {
  const kpi = { metricId: 'rev', count: 24, first: day(2025, 1, 5), last: day(2026, 12, 31) };

  it('names the KPI, the count and the first and last day, in English', () => {
    expect(kpiSummaryLine(kpi, 'Revenue', 'en', TZ)).toBe(
      'Imported 24 values into Revenue (Jan 5, 2025 – Dec 31, 2026)',
    );
  });

  it('in Vietnamese, with day-first dates', () => {
    expect(kpiSummaryLine(kpi, 'Doanh thu', 'vi', TZ)).toBe(
      'Đã nhập 24 giá trị vào Doanh thu (05/01/2025 – 31/12/2026)',
    );
  });

  it('writes the count with the locale’s grouping', () => {
    const big = { ...kpi, count: 12_345 };
    expect(kpiSummaryLine(big, 'Revenue', 'en', TZ)).toMatch(/^Imported 12,345 values into Revenue /);
    expect(kpiSummaryLine(big, 'Doanh thu', 'vi', TZ)).toMatch(/^Đã nhập 12\.345 giá trị vào Doanh thu /);
  });

  it('the same file again: says the KPI already had them, not "Imported"', () => {
    expect(kpiSummaryLine({ ...kpi, count: 6 }, 'Revenue', 'en', TZ, true)).toBe(
      'Revenue already had these 6 values (Jan 5, 2025 – Dec 31, 2026): nothing new',
    );
    expect(kpiSummaryLine({ ...kpi, count: 6 }, 'Doanh thu', 'vi', TZ, true)).toBe(
      'Doanh thu đã có 6 giá trị này (05/01/2025 – 31/12/2026): không có gì mới',
    );
  });

  it('one value on one day: singular, and the day named once', () => {
    const one = { metricId: 'rev', count: 1, first: day(2024, 1, 13), last: day(2024, 1, 13) };
    expect(kpiSummaryLine(one, 'Revenue', 'en', TZ)).toBe('Imported 1 value into Revenue (Jan 13, 2024)');
    expect(kpiSummaryLine(one, 'Doanh thu', 'vi', TZ)).toBe('Đã nhập 1 giá trị vào Doanh thu (13/01/2024)');
  });

  it('reads the days in the user’s time zone: midnight in Ho Chi Minh City is still that day', () => {
    // 00:00 on Jan 1 in UTC+7 is Dec 31 in UTC; the summary must not say the file started a day early.
    const k = { metricId: 'rev', count: 2, first: day(2024, 1, 1), last: day(2024, 1, 31) };
    expect(kpiSummaryLine(k, 'Revenue', 'en', TZ)).toBe(
      'Imported 2 values into Revenue (Jan 1, 2024 – Jan 31, 2024)',
    );
  });
});

describe('touchKpis', () => {
  it('counts the values per KPI and keeps the earliest and latest time, whatever the order of batches', () => {
    const kpis: TouchedKpis = new Map();
    touchKpis(kpis, [
      { metricId: 'a', time: 50 },
      { metricId: 'b', time: 7 },
      { metricId: 'a', time: 10 },
    ]);
    touchKpis(kpis, [
      { metricId: 'a', time: 90 },
      { metricId: 'a', time: 30 },
    ]);
    expect(touchedList(kpis)).toEqual([
      { metricId: 'a', count: 4, first: 10, last: 90 },
      { metricId: 'b', count: 1, first: 7, last: 7 },
    ]);
  });

  it('nothing written, nothing named', () => {
    const kpis: TouchedKpis = new Map();
    touchKpis(kpis, []);
    expect(touchedList(kpis)).toEqual([]);
  });
});
