import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeriesReader } from '../../../lib/app/period-series';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { type DayKey, periodStarts, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { metric } from '../engine/fixtures';

/**
 * The chart reader (charts, sparklines, the growth table) follows the engine's rule for a summed
 * metric: an empty month counts as 0 from the month of its first data on, and has no value before it
 * (docs/figures.md) — a KPI first logged in March never draws January and February at 0.
 */
const tz = 'Asia/Ho_Chi_Minh';
const cal = { timeZone: tz, weekStart: 1 as const, fiscalYearStartMonth: 1 };
const at = (day: string) => startOfLocalDay(day as DayKey, tz) + 10 * 3_600_000;
const months = periodStarts('2026-01-01' as DayKey, '2026-06-30' as DayKey, 'month', cal);

describe('the chart reader before a summed metric’s first data', () => {
  it('no value before the first month of data, 0 for an empty month after it', () => {
    const spend = metric({ id: 'spend' });
    const leads = metric({ id: 'leads' });
    const cpl = metric({ id: 'cpl', formula: '{spend} / {leads}', aggregation: 'last' });
    const rollups = [
      ...rollupFromPoints(
        'spend',
        [
          { time: at('2026-03-10'), value: 300 },
          { time: at('2026-05-02'), value: 200 },
        ],
        tz,
      ),
      ...rollupFromPoints(
        'leads',
        [
          { time: at('2026-03-11'), value: 3 },
          { time: at('2026-05-20'), value: 4 },
        ],
        tz,
      ),
    ];
    const read = createSeriesReader([spend, leads, cpl], rollups, cal);
    expect(read('spend', undefined, 'month', months)).toEqual([null, null, 300, 0, 200, 0]);
    // A ratio of two sums has no value where either has none, and none from 0 ÷ 0.
    expect(read('cpl', undefined, 'month', months)).toEqual([null, null, 100, null, 50, null]);
  });

  it('for any first day: null exactly for the months that end before it, the month’s sum after', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 180 }), value: fc.integer({ min: 1, max: 50 }) }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        (points) => {
          const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
          const rollups = rollupFromPoints(
            'spend',
            points.map((p) => ({ time: at(day(p.day)), value: p.value })),
            tz,
          );
          const read = createSeriesReader([metric({ id: 'spend' })], rollups, cal);
          const got = read('spend', undefined, 'month', months);
          const first = day(Math.min(...points.map((p) => p.day)));
          months.forEach((start, i) => {
            const end = months[i + 1] ?? '2026-07-01';
            const sum = points
              .filter((p) => day(p.day) >= start && day(p.day) < end)
              .reduce((a, p) => a + p.value, 0);
            expect(got[i]).toBe(end <= first ? null : sum);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
