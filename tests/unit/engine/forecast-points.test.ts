import { describe, expect, it } from 'vitest';
import { forecastSeries } from '../../../lib/engine/forecast';
import { fitModel, hasDrift } from '../../../lib/engine/forecast-model';
import { mulberry32 } from '../../../lib/engine/random';

/** Point forecasts (issue 18, item 2): what the trend members may extrapolate. */
const noisy = (seed: number, n: number, f: (t: number) => number, sd: number) => {
  const r = mulberry32(seed);
  return Array.from({ length: n }, (_, t) => f(t) + sd * (r() + r() + r() - 1.5));
};

describe('trend members need a drift', () => {
  it('finds a drift in a steady trend and none in noise or in a single level shift', () => {
    expect(hasDrift(noisy(1, 26, (t) => 100 + 4 * t, 5))).toBe(true);
    expect(hasDrift(noisy(2, 26, () => 100, 5))).toBe(false);
    // A new price list: flat, one step up, flat again. The step is large but happens once.
    expect(hasDrift(noisy(3, 26, (t) => (t < 13 ? 100 : 160), 3))).toBe(false);
    expect(hasDrift(noisy(4, 13, (t) => (t < 4 ? 100 : 130), 2))).toBe(false);
    // A perfectly straight line (no spread at all) drifts; a constant does not.
    expect(hasDrift([1, 2, 3, 4, 5, 6, 7, 8])).toBe(true);
    expect(hasDrift([5, 5, 5, 5, 5, 5, 5, 5])).toBe(false);
  });

  it('does not extrapolate one step up as growth: the forecast stays at the new level', () => {
    // 13 weeks: 9 at ~100, then 4 at ~130 (a price rise). The least-squares slope through the step is
    // ~2.6 a week; extrapolated (as Theta and the damped trend did) week 13 ahead came out at 142.
    const y = noisy(5, 13, (t) => (t < 9 ? 100 : 130), 2);
    const f = forecastSeries(y, 13, { seasonPeriod: 52, paths: 50, seed: 1 });
    for (const p of f.point) {
      expect(p).toBeGreaterThan(125);
      expect(p).toBeLessThan(136);
    }
    expect(Math.abs(f.point[12]! - f.point[0]!)).toBeLessThan(1);
  });

  it('keeps extrapolating a real trend', () => {
    const y = noisy(6, 24, (t) => 200 + 10 * t, 6);
    const model = fitModel(y, undefined);
    expect(model.trended).toBe(true);
    const f = forecastSeries(y, 6, { paths: 50, seed: 1 });
    // Last value ~430; the trend goes on (damped, and averaged with SES and naive, so less than +60).
    expect(f.point[5]! - f.point[0]!).toBeGreaterThan(20);
  });
});

describe('seasonality needs a repeating cycle', () => {
  it('does not read two yearly price steps as a season', () => {
    // Two years from July: a step up each January (+30%, then +10%), flat in between. Akaike's
    // criterion, once a second way in, took this for a season (lower in-sample error); nothing repeats.
    const y = noisy(7, 24, (t) => (t < 6 ? 100 : t < 18 ? 130 : 143), 1);
    expect(fitModel(y, 12).method).toBe('damped_trend');
  });
});

describe('seasonal naive joins the combination between one and two cycles', () => {
  // 14 months of a series with a busy summer (the shape of the strike reports by month), noisy enough
  // that its changes do not show the season to AICc, so no seasonal model (forecast-model.ts,
  // seasonBeforeTwoCycles) but enough to check "same month last year" inside the window.
  const season = [60, 62, 75, 95, 120, 140, 150, 145, 120, 95, 75, 62];
  const y = noisy(2, 14, (t) => season[t % 12]!, 25);

  it('gets a weight where last year beats last month in the window, and the forecast follows the season', () => {
    const model = fitModel(y, 12);
    expect(model.method).toBe('damped_trend');
    expect(model.weights[4]).toBeGreaterThan(0.2);
    expect(model.seasonalNaive).toHaveLength(12);
    // From February (t = 13 is month 1): spring and summer come, March to August rise. The four other
    // members forecast a flat level; only seasonal naive knows the summer comes.
    const f = forecastSeries(y, 6, { seasonPeriod: 12, paths: 50, seed: 1 });
    expect(f.point[5]! - f.point[0]!).toBeGreaterThan(15);
  });

  it('stays out of a trending series, where a value a year old is far off', () => {
    const trend = noisy(9, 18, (t) => 200 + 10 * t, 6);
    const model = fitModel(trend, 12);
    expect(model.weights[4]).toBe(0);
    expect(model.seasonalNaive).toBeNull();
  });
});
