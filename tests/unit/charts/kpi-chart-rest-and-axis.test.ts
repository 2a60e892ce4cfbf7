import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromZero, restingIndex } from '../../../components/shared/kpi-chart';

/** With no pointer on a chart, its legend reads the latest value of the first series (kpi-chart.tsx). */
describe('the legend at rest', () => {
  it('reads the first series’ latest point, not the forecast beyond it', () => {
    const time = [1, 2, 3, 4, 5];
    const actual = [10, 12, 14, null, null];
    const forecast = [null, null, 14, 16, 18];
    expect(restingIndex([time, actual, forecast])).toBe(2);
  });

  it('falls back to the last point any series has, and to none on an empty chart', () => {
    expect(
      restingIndex([
        [1, 2, 3],
        [null, null, null],
        [5, 6, null],
        [null, 7, 8],
      ]),
    ).toBe(2);
    expect(
      restingIndex([
        [1, 2],
        [null, null],
      ]),
    ).toBeNull();
    expect(restingIndex([[]])).toBeNull();
  });

  it('always names a point that has a value', () => {
    const column = fc.array(fc.option(fc.double({ noNaN: true }), { nil: null }), {
      minLength: 4,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 4 }), (series) => {
        const idx = restingIndex([[1, 2, 3, 4], ...series]);
        if (idx === null) expect(series.every((s) => s.every((v) => v === null))).toBe(true);
        else expect(series.some((s) => s[idx] != null)).toBe(true);
        if (idx !== null && series[0]?.some((v) => v !== null)) expect(series[0][idx]).not.toBeNull();
      }),
    );
  });
});

describe('the side axis of what each period added', () => {
  it('starts at zero, so 42 → 44 a month is not drawn as a climb across the chart', () => {
    const [lo, hi] = fromZero(null, 42, 44);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(48.4);
  });

  it('holds zero and every value, with losses below it, for any values', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        (a, b) => {
          const [lo, hi] = fromZero(null, Math.min(a, b), Math.max(a, b));
          expect(lo).toBeLessThanOrEqual(Math.min(0, a, b));
          expect(hi).toBeGreaterThanOrEqual(Math.max(0, a, b));
          expect(hi).toBeGreaterThan(lo);
        },
      ),
    );
    expect(fromZero(null, null, null)).toEqual([0, 1]);
  });
});
