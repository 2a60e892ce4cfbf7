import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastHit, forecastSeries } from '../../../lib/engine/forecast';
import { fitModel } from '../../../lib/engine/forecast-model';
import { normals } from './synthetic';

// A clear trend is extrapolated, not lagged (thirteenth round of docs/forecast-backtest.md). A
// reviewer's stock rose exactly 7 a month, 185 → 255 over eleven months, towards 300 by the end of
// June: its own line gets there in June, and Pacer said 0.4% and a median in September, because three
// of the four members of the combination (SES, naive and Theta's half slope) lagged the trend.

const MONTH_END = (k: number) => Date.UTC(2027, k, 1) - 1;
const stepEnds = Array.from({ length: 36 }, (_, k) => MONTH_END(k));
const now = Date.UTC(2026, 11, 7);

/** A level goal on monthly history: reach `target` (sign +1) or fall to it (−1) by the end of step `steps`. */
const levelHit = (history: number[], target: number, sign: 1 | -1, steps: number) =>
  forecastHit({
    history,
    mode: 'level',
    current: history.at(-1) as number,
    target,
    sign,
    now,
    stepEnds,
    firstStepShare: 0.8,
    deadline: MONTH_END(steps - 1),
    seasonPeriod: 12,
  });

describe('a clear trend', () => {
  it('reaches the reviewer’s line in June, as the line does', () => {
    const history = Array.from({ length: 11 }, (_, i) => 185 + 7 * i);
    const hit = levelHit(history, 300, 1, 7);
    expect(hit.probabilityByDeadline).toBeGreaterThan(0.9);
    // The end of June (a level is known once its month is complete).
    expect(hit.p50).toBeGreaterThan(MONTH_END(5));
    expect(hit.p50).toBeLessThanOrEqual(MONTH_END(6));
  });

  it('forecasts a noise-free line on its line, up or down, at any length, slope and step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 24 }),
        fc.double({ min: 10, max: 10_000, noNaN: true }),
        // Up to 2% of the start a month: a falling line stays above 0 (values are floored there).
        fc.double({ min: 0.002, max: 0.02, noNaN: true }),
        fc.constantFrom(1, -1),
        fc.integer({ min: 2, max: 12 }),
        (n, start, rate, dir, steps) => {
          const slope = dir * rate * start;
          const history = Array.from({ length: n }, (_, i) => start + slope * i);
          const f = forecastSeries(history, steps, { seasonPeriod: 12 });
          const line = start + slope * (n - 1 + steps);
          expect(Math.abs((f.point[steps - 1] as number) - line)).toBeLessThan(Math.abs(slope) * 0.05);
          // Its own value at the deadline, a hair short of it: reached.
          const hit = levelHit(history, line - dir * Math.abs(slope) * 0.1, dir as 1 | -1, steps);
          expect(hit.probabilityByDeadline).toBeGreaterThan(0.5);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes the whole slope only where the trend is beyond doubt', () => {
    // A steady climb with a little noise (t far above 3): Theta's member carries the whole slope.
    const z = normals(3);
    const steady = Array.from({ length: 18 }, (_, t) => 500 + 6 * t + 2 * z());
    const m = fitModel(steady, 12);
    expect(m.trended).toBe(true);
    expect(m.thetaDrift).toBeGreaterThan(5);
    // A random walk that happens to drift (t between 1.96 and 3): half the slope, as Theta's.
    const walk = [100, 102, 101, 103, 104, 103, 105, 107, 106, 108, 109, 108, 110]; // t ≈ 2.06
    const w = fitModel(walk, 12);
    expect(w.trended).toBe(true);
    const lsSlope = (() => {
      const k = walk.length;
      const mx = (k - 1) / 2;
      const my = walk.reduce((a, b) => a + b, 0) / k;
      let sxy = 0;
      let sxx = 0;
      walk.forEach((v, i) => {
        sxy += (i - mx) * (v - my);
        sxx += (i - mx) ** 2;
      });
      return sxy / sxx;
    })();
    expect(w.thetaDrift).toBeCloseTo(lsSlope / 2, 9);
  });
});
