import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignSeries, cumulative, lonelyIndices, resolveColor } from '../../../lib/charts/series-data';

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

describe('sparse series and theme colours', () => {
  it('finds the values a line cannot reach: gaps (or the edge) on both sides', () => {
    // 12 monthly survey values on a daily axis: every one alone.
    const sparse = Array.from({ length: 360 }, (_, i) => (i % 30 === 5 ? 70 + i / 30 : null));
    expect(lonelyIndices(sparse)).toHaveLength(12);
    expect(lonelyIndices([1, null, 2, 3, null, 4])).toEqual([0, 5]);
    expect(lonelyIndices([1, 2, 3])).toEqual([]);
    expect(lonelyIndices([null, 5, null, 6, null], 2, 4)).toEqual([3]);
    expect(lonelyIndices([])).toEqual([]);
  });

  it('reads the app token, then the widget default, then the fallback', () => {
    const app = { '--pc-grid': 'rgba(0,0,0,0.08)' } as Record<string, string>;
    const widget = { '--pcd-grid': 'rgba(255,255,255,0.08)' } as Record<string, string>;
    expect(resolveColor('var(--pc-grid)', (n) => app[n] ?? '')).toBe('rgba(0,0,0,0.08)');
    expect(resolveColor('var(--pc-grid)', (n) => widget[n] ?? '')).toBe('rgba(255,255,255,0.08)');
    expect(resolveColor('var(--pc-grid)', () => '')).toBe('#888');
    expect(resolveColor('#2156c7', () => 'x')).toBe('#2156c7');
  });
});
