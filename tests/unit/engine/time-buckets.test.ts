import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  fiscalYear,
  localDayKey,
  nextPeriodStart,
  periodLabel,
  periodStart,
  periodStarts,
  startOfLocalDay,
  weekday,
} from '../../../lib/engine/time-buckets';

const cal = { weekStart: 1, fiscalYearStartMonth: 1 };
const H = 3_600_000;

describe('localDayKey', () => {
  it('follows the local calendar in New York across the March DST jump', () => {
    expect(localDayKey(Date.parse('2024-03-10T04:59:00Z'), 'America/New_York')).toBe('2024-03-09');
    expect(localDayKey(Date.parse('2024-03-10T05:00:00Z'), 'America/New_York')).toBe('2024-03-10');
    // After the jump the offset is −4: 03:59Z on the 11th is still the 10th locally.
    expect(localDayKey(Date.parse('2024-03-11T03:59:00Z'), 'America/New_York')).toBe('2024-03-10');
    expect(localDayKey(Date.parse('2024-03-11T04:00:00Z'), 'America/New_York')).toBe('2024-03-11');
  });
  it('handles Berlin (+1/+2) and Ho Chi Minh City (+7, no DST)', () => {
    expect(localDayKey(Date.parse('2024-03-30T23:00:00Z'), 'Europe/Berlin')).toBe('2024-03-31');
    expect(localDayKey(Date.parse('2024-03-31T21:59:00Z'), 'Europe/Berlin')).toBe('2024-03-31');
    expect(localDayKey(Date.parse('2024-03-31T22:00:00Z'), 'Europe/Berlin')).toBe('2024-04-01');
    expect(localDayKey(Date.parse('2024-06-30T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2024-06-30');
    expect(localDayKey(Date.parse('2024-06-30T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2024-07-01');
  });
  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(localDayKey(Date.parse('2024-06-30T23:30:00Z'), 'Not/AZone')).toBe('2024-06-30');
  });
});

describe('startOfLocalDay', () => {
  it('gives 23-, 24- and 25-hour days around DST changes', () => {
    const ny = 'America/New_York';
    const len = (d: string, next: string) => (startOfLocalDay(next, ny) - startOfLocalDay(d, ny)) / H;
    expect(len('2024-03-10', '2024-03-11')).toBe(23);
    expect(len('2024-03-12', '2024-03-13')).toBe(24);
    expect(len('2024-11-03', '2024-11-04')).toBe(25);
    expect(new Date(startOfLocalDay('2024-01-01', 'Asia/Ho_Chi_Minh')).toISOString()).toBe(
      '2023-12-31T17:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2024-03-31', 'Europe/Berlin')).toISOString()).toBe(
      '2024-03-30T23:00:00.000Z',
    );
  });
  it('is the inverse of localDayKey (property, several zones)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Ho_Chi_Minh', 'UTC', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') }),
        fc.constantFrom(...zones),
        (n, tz) => {
          const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
          const t = startOfLocalDay(day, tz);
          expect(localDayKey(t, tz)).toBe(day);
          expect(localDayKey(t - 1, tz) < day).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('periods', () => {
  it('starts weeks on the configured weekday', () => {
    expect(weekday('2024-03-31')).toBe(0); // a Sunday
    expect(periodStart('2024-03-31', 'week', { ...cal, weekStart: 1 })).toBe('2024-03-25');
    expect(periodStart('2024-03-31', 'week', { ...cal, weekStart: 0 })).toBe('2024-03-31');
    expect(periodStart('2024-03-31', 'week', { ...cal, weekStart: 6 })).toBe('2024-03-30');
  });
  it('handles month ends and leap years', () => {
    expect(periodStart('2024-02-29', 'month', cal)).toBe('2024-02-01');
    expect(nextPeriodStart('2024-01-01', 'month')).toBe('2024-02-01');
    expect(nextPeriodStart('2024-12-01', 'month')).toBe('2025-01-01');
    expect(periodStarts('2024-01-31', '2024-03-01', 'month', cal)).toEqual([
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
    ]);
  });
  it('uses the fiscal year start for quarters and years', () => {
    const fy = { weekStart: 1, fiscalYearStartMonth: 4 };
    expect(periodStart('2024-03-31', 'quarter', fy)).toBe('2024-01-01');
    expect(periodStart('2024-04-01', 'quarter', fy)).toBe('2024-04-01');
    expect(periodStart('2024-03-31', 'year', fy)).toBe('2023-04-01');
    expect(periodStart('2024-05-15', 'year', fy)).toBe('2024-04-01');
    expect(periodLabel('2024-04-01', 'quarter', fy)).toBe('Q1 FY2025');
    expect(periodLabel('2024-01-01', 'quarter', fy)).toBe('Q4 FY2024');
    expect(periodLabel('2024-01-01', 'year', cal)).toBe('2024');
    expect(fiscalYear('2024-07-01', 7)).toBe(2025);
    expect(periodStart('2024-08-20', 'quarter', cal)).toBe('2024-07-01');
  });
  it('every day lies in [start, next start) of its period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2060-01-01') }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const, 'year' as const),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 12 }),
        (n, g, weekStart, fiscalYearStartMonth) => {
          const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
          const s = periodStart(day, g, { weekStart, fiscalYearStartMonth });
          expect(s <= day).toBe(true);
          expect(nextPeriodStart(s, g) > day).toBe(true);
          expect(periodStart(s, g, { weekStart, fiscalYearStartMonth })).toBe(s);
        },
      ),
      { numRuns: 400 },
    );
  });
});
