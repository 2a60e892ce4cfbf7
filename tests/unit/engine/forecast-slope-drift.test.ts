import { describe, expect, it } from 'vitest';
import { fitModel, pathErrorScales } from '../../../lib/engine/forecast-model';
import { bandCoverage, normals, whiteNoise } from './synthetic';

// The slope error by the drift test (fifth round of docs/forecast-backtest.md): a window without a
// drift gets a flat forecast, so its paths carry only the true drift of a moving level (α/√(n − 1));
// a window with one extrapolates its drift and gets a random walk's drift error (1/√(n − 1)) whatever
// α a few points fitted.

/** A steady climb with a little noise (smooth trending macro series: employment). */
const climb = (seed: number, n: number) => {
  const z = normals(seed);
  return Array.from({ length: n }, (_, t) => 500 + 6 * t + 2 * z());
};

/** Share of actuals 9–13 steps ahead of `n` points inside [p10, p90], over 150 seeds. */
const farCoverage = (make: (seed: number, n: number) => number[], n: number) =>
  bandCoverage(make, n, 9, 13, 150);

describe('slope error by the drift test', () => {
  it('does not fan white noise out far ahead of 8 weeks of history', () => {
    // The end-noise term 2(1 − α)/(n − 1)² of an estimated drift the flat forecast never uses: with
    // it, 9–13 weeks ahead of 8 weeks of white noise was covered 98.5% of these times (91.2% without
    // it; 93.6% since the eighth round puts a short window's widening into the slope error: 8 points
    // cannot tell noise from a random walk, see forecast-short-history.test.ts).
    expect(farCoverage(whiteNoise, 8)).toBeLessThan(0.96);
  });

  it('gives a drifting window a random walk’s drift error whatever α it fitted', () => {
    const rms = (r: readonly number[]) => Math.sqrt(r.reduce((a, v) => a + v * v, 0) / r.length);
    for (let seed = 1; seed <= 20; seed++) {
      const model = fitModel(climb(seed, 8), 52);
      expect(model.trended).toBe(true);
      const { trend } = pathErrorScales(model);
      // TREND_ERROR (0.815) × σ / √7, times the short-history slope widening at 8 points (1 + 4).
      expect(trend / rms(model.residuals)).toBeCloseTo((5 * 0.815) / Math.sqrt(7), 6);
    }
  });
});
