import { describe, expect, it } from 'vitest';
import { cascadePeriodLabel } from '../../../lib/app/cascade-label';

const cal = { timeZone: 'Asia/Ho_Chi_Minh', weekStart: 1, fiscalYearStartMonth: 1 } as const;

describe('cascade period names', () => {
  it.each([
    ['2027-01-01', 'month', 'January 2027', 'Tháng 1/2027'],
    ['2027-11-01', 'month', 'November 2027', 'Tháng 11/2027'],
    ['2027-04-01', 'quarter', 'Q2 2027', 'Quý 2/2027'],
    ['2027-01-01', 'year', '2027', 'Năm 2027'],
  ] as const)('%s as a %s: en %j, vi %j', (start, g, en, vi) => {
    expect(cascadePeriodLabel(start, g, 'en', cal)).toBe(en);
    expect(cascadePeriodLabel(start, g, 'vi', cal)).toBe(vi);
  });

  it('a Vietnamese month is written as its quarter and year are, never "tháng 1 năm 2027"', () => {
    const names = (['month', 'quarter', 'year'] as const).map((g) =>
      cascadePeriodLabel('2027-01-01', g, 'vi', cal),
    );
    expect(names).toEqual(['Tháng 1/2027', 'Quý 1/2027', 'Năm 2027']);
  });

  it('names fiscal quarters and years in both languages', () => {
    const fiscal = { ...cal, fiscalYearStartMonth: 4 };
    expect(cascadePeriodLabel('2027-04-01', 'quarter', 'en', fiscal)).toBe('Q1 FY2028');
    expect(cascadePeriodLabel('2027-04-01', 'quarter', 'vi', fiscal)).toBe('Quý 1/FY2028');
  });
});
