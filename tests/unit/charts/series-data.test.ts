import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSeries, cumulative } from '../../../lib/charts/series-data';

describe('chart data shaping', () => {
  it('converts ms to seconds, sorts x and fills gaps with null', () => {
    const data = alignSeries([
      [
        { time: 3000, value: 3 },
        { time: 1000, value: 1 },
      ],
      [
        { time: 2000, value: Number.NaN },
        { time: 3000, value: 30 },
      ],
    ]);
    expect(data).toEqual([
      [1, 2, 3],
      [1, null, 3],
      [null, null, 30],
    ]);
  });

  it('x is strictly ascending and every column has its length (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.record({ time: fc.integer({ min: 0, max: 1e12 }), value: fc.option(fc.double()) })),
        ),
        (series) => {
          const [xs, ...ys] = alignSeries(series);
          for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
          for (const y of ys) {
            expect(y).toHaveLength(xs.length);
            for (const v of y) expect(v === null || Number.isFinite(v)).toBe(true);
          }
        },
      ),
    );
  });

  it('cumulative keeps gaps as gaps', () => {
    expect(
      cumulative([
        { time: 1, value: 2 },
        { time: 2, value: null },
        { time: 3, value: 5 },
      ]).map((p) => p.value),
    ).toEqual([2, null, 7]);
  });
});
