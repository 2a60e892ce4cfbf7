import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateRollups, breakdown, bucketPoints, sumInRange } from '../../../lib/engine/aggregate';
import { dimKey, parseDimKey } from '../../../lib/engine/dim-key';
import {
  applyPoint,
  DailyRollup,
  emptyRollup,
  recomputeDay,
  removePoint,
  rollupFromPoints,
  staleDays,
} from '../../../lib/engine/rollup';

const cal = { timeZone: 'Asia/Ho_Chi_Minh', weekStart: 1, fiscalYearStartMonth: 1 };
const t = (iso: string) => Date.parse(iso);

describe('dimKey', () => {
  it('is canonical: sorted keys, encoded values, empty for none', () => {
    expect(dimKey({ segment: 'smb', channel: 'face book' })).toBe('channel=face%20book&segment=smb');
    expect(dimKey({})).toBe('');
    expect(dimKey(undefined)).toBe('');
    expect(parseDimKey('channel=a%26b&nonsense=1&owner=')).toEqual({ channel: 'a&b' });
  });
  it('round-trips (property)', () => {
    const value = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(
        fc.record(
          { channel: value, segment: value, owner: value, businessUnit: value },
          { requiredKeys: [] },
        ),
        (dims) => {
          expect(parseDimKey(dimKey(dims))).toEqual(dims);
        },
      ),
    );
  });
});

describe('DailyRollup', () => {
  it('summarises a day and stays JSON-serialisable', () => {
    const r = emptyRollup('m', '', 'UTC');
    applyPoint(r, { time: t('2024-05-01T10:00:00Z'), value: 5 });
    applyPoint(r, { time: t('2024-05-01T08:00:00Z'), value: 9 });
    applyPoint(r, { time: t('2024-05-01T12:00:00Z'), value: -2 });
    applyPoint(r, { time: t('2024-05-01T13:00:00Z'), value: Number.NaN });
    expect(r.days['2024-05-01']).toEqual({
      sum: 12,
      count: 3,
      min: -2,
      max: 9,
      lastTime: t('2024-05-01T12:00:00Z'),
      lastValue: -2,
    });
    expect(DailyRollup.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });
  it('removes points exactly for sum/count and flags min/max/last for recomputation', () => {
    const pts = [
      { time: t('2024-05-01T10:00:00Z'), value: 5 },
      { time: t('2024-05-01T11:00:00Z'), value: 7 },
      { time: t('2024-05-01T12:00:00Z'), value: 6 },
    ];
    const [r] = rollupFromPoints('m', pts, 'UTC');
    if (!r) throw new Error('no rollup');
    expect(removePoint(r, { time: t('2024-05-01T10:00:00Z'), value: 5 })).toBe(false); // was the min
    expect(r.days['2024-05-01']?.sum).toBe(13);
    expect(r.days['2024-05-01']?.count).toBe(2);
    expect(staleDays(r)).toEqual(['2024-05-01']);
    recomputeDay(r, '2024-05-01', pts.slice(1));
    expect(r.days['2024-05-01']).toMatchObject({ min: 6, max: 7, lastValue: 6 });
    expect(staleDays(r)).toEqual([]);
    // Removing a middle value keeps the day exact; removing the last point deletes the day.
    const [r2] = rollupFromPoints('m', pts, 'UTC');
    if (!r2) throw new Error('no rollup');
    expect(removePoint(r2, { time: t('2024-05-01T10:00:00Z'), value: 6 })).toBe(true);
    const single = rollupFromPoints('m', [pts[0]!], 'UTC')[0]!;
    removePoint(single, pts[0]!);
    expect(single.days).toEqual({});
  });
  it('buckets into local days (Ho Chi Minh City: 17:00Z is the next day)', () => {
    const [r] = rollupFromPoints('m', [{ time: t('2024-05-01T17:30:00Z'), value: 1 }], cal.timeZone);
    expect(Object.keys(r?.days ?? {})).toEqual(['2024-05-02']);
  });
});

describe('aggregation', () => {
  const pts = [
    { time: t('2024-01-30T03:00:00Z'), value: 10, dims: { channel: 'ads' } },
    { time: t('2024-01-31T03:00:00Z'), value: 20, dims: { channel: 'seo' } },
    { time: t('2024-02-01T03:00:00Z'), value: 30, dims: { channel: 'ads' } },
    { time: t('2024-02-02T03:00:00Z'), value: 40, dims: { channel: 'seo' } },
  ];
  it('applies each metric rule per month', () => {
    const rs = rollupFromPoints('m', pts, cal.timeZone);
    const by = (agg: 'sum' | 'average' | 'min' | 'max' | 'last') =>
      aggregateRollups(rs, agg, 'month', cal).map((p) => [p.start, p.value]);
    expect(by('sum')).toEqual([
      ['2024-01-01', 30],
      ['2024-02-01', 70],
    ]);
    expect(by('average')).toEqual([
      ['2024-01-01', 15],
      ['2024-02-01', 35],
    ]);
    expect(by('min')).toEqual([
      ['2024-01-01', 10],
      ['2024-02-01', 30],
    ]);
    expect(by('max')).toEqual([
      ['2024-01-01', 20],
      ['2024-02-01', 40],
    ]);
    // Stock: the sum over channels of each channel's latest value.
    expect(by('last')).toEqual([
      ['2024-01-01', 30],
      ['2024-02-01', 70],
    ]);
  });
  it('breaks down by a dimension', () => {
    const rs = rollupFromPoints('m', pts, cal.timeZone);
    const b = breakdown(rs, 'channel', 'sum', 'year', cal);
    expect(b.get('ads')?.[0]?.value).toBe(40);
    expect(b.get('seo')?.[0]?.value).toBe(60);
  });
  it('bucket sums equal the total for every granularity (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            time: fc.integer({ min: t('2023-01-01T00:00:00Z'), max: t('2025-12-31T00:00:00Z') }),
            value: fc.integer({ min: -1000, max: 1000 }),
            dims: fc.constantFrom({}, { channel: 'a' }, { segment: 'b' }),
          }),
          { maxLength: 80 },
        ),
        fc.constantFrom(
          'day' as const,
          'week' as const,
          'month' as const,
          'quarter' as const,
          'year' as const,
        ),
        fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Ho_Chi_Minh'),
        (points, g, timeZone) => {
          const c = { timeZone, weekStart: 3, fiscalYearStartMonth: 7 };
          const total = points.reduce((a, p) => a + p.value, 0);
          const buckets = bucketPoints(points, 'sum', g, c);
          expect(buckets.reduce((a, b) => a + b.value, 0)).toBe(total);
          expect(buckets.reduce((a, b) => a + b.count, 0)).toBe(points.length);
          expect(sumInRange(rollupFromPoints('m', points, timeZone), {})).toBe(total);
        },
      ),
      { numRuns: 150 },
    );
  });
});
