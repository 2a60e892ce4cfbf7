import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastHit, forecastSeries, quantile } from '../../../lib/engine/forecast';
import { computePace, expectedFraction } from '../../../lib/engine/pace';

const DAY = 86_400_000;
const start = Date.parse('2025-01-01T00:00:00Z');
const end = Date.parse('2026-01-01T00:00:00Z');
const w = { startAt: start, deadline: end, timeZone: 'UTC' };

describe('pace', () => {
  it('expects a linear share of the journey', () => {
    const mid = start + (end - start) / 2;
    expect(expectedFraction(w, mid)).toBeCloseTo(0.5);
    expect(expectedFraction(w, start - DAY)).toBe(0);
    expect(expectedFraction(w, end + DAY)).toBe(1);
    expect(expectedFraction({ ...w, deadline: start - DAY }, mid)).toBeNull();
  });
  it('phases by monthly weights', () => {
    const weights = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13];
    const endOfNov = Date.parse('2025-12-01T00:00:00Z');
    expect(expectedFraction({ ...w, trajectory: 'phased', seasonalWeights: weights }, endOfNov)).toBeCloseTo(
      11 / 24,
    );
    // All-zero weights fall back to linear.
    expect(
      expectedFraction({ ...w, trajectory: 'phased', seasonalWeights: new Array(12).fill(0) }, endOfNov),
    ).toBeCloseTo(334 / 365);
  });
  it('computes gap, signed gap % and the run-rate needed', () => {
    const now = start + 73 * DAY; // 20% of 365 days
    const p = computePace(w, 0, 1000, 150, now);
    expect(p?.expected).toBeCloseTo(200);
    expect(p?.gap).toBeCloseTo(-50);
    expect(p?.gapPct).toBeCloseTo(-0.25);
    expect(p?.requiredPerDay).toBeCloseTo(850 / 292);
    expect(p?.reached).toBe(false);
    // Down metric: cost 100 → 60; being at 95 when 92 is expected is behind.
    const d = computePace(w, 100, 60, 95, now);
    expect(d?.gapPct).toBeCloseTo(-3 / 8);
    // Early days: the denominator is floored at 10% of the journey.
    expect(computePace(w, 0, 1000, 0, start + DAY)?.gapPct).toBeCloseTo(-(1000 / 365) / 100);
    expect(computePace(w, 50, 50, 40, now)?.gapPct).toBeNull();
    expect(computePace(w, 0, 100, 120, end + DAY)).toMatchObject({ reached: true, requiredPerDay: null });
  });
});

describe('forecastSeries', () => {
  it('handles empty, single and constant series without NaN', () => {
    expect(forecastSeries([], 3)).toEqual({ method: 'none', point: [], p10: [], p50: [], p90: [] });
    // One value is a rough estimate: the value itself, with a wide band around it (never zero-width).
    const one = forecastSeries([5], 2);
    expect(one).toMatchObject({
      method: 'constant',
      point: [5, 5],
      rough: { reason: 'few_points', points: 1 },
    });
    expect(one.p10[0]!).toBeLessThan(4);
    expect(one.p90[0]!).toBeGreaterThan(6);
    const flat = forecastSeries([7, 7, 7, 7, 7, 7, 7, 7], 3);
    expect(flat.p10).toEqual([7, 7, 7]);
    expect(flat.p90).toEqual([7, 7, 7]);
    expect(forecastSeries([1, 2, Number.NaN, 4], 1).point.every(Number.isFinite)).toBe(true);
  });
  it('follows a trend, damped, and is deterministic for a seed', () => {
    const up = Array.from({ length: 24 }, (_, i) => 100 + 10 * i + (i % 2 ? 3 : -3));
    const f = forecastSeries(up, 6, { seed: 7 });
    expect(f.point[0]).toBeGreaterThan(320);
    expect(f.point[0]).toBeLessThan(350);
    expect(f.point[5]! - f.point[0]!).toBeLessThanOrEqual(5 * 10 + 1);
    expect(forecastSeries(up, 6, { seed: 7 })).toEqual(f);
  });
  it('finds monthly seasonality with two years of history', () => {
    const season = [0.8, 0.8, 0.9, 1, 1, 1.1, 1.1, 1, 1, 1, 1.2, 1.6];
    const y = Array.from({ length: 36 }, (_, i) => 1000 * (1 + i * 0.01) * (season[i % 12] ?? 1));
    const f = forecastSeries(y, 12, { seasonPeriod: 12 });
    expect(f.method).toBe('seasonal_damped_trend');
    expect(f.point[11]! / f.point[0]!).toBeGreaterThan(1.8);
  });
  it('orders the interval p10 ≤ p50 ≤ p90 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (values, h) => {
          const f = forecastSeries(values, h, { paths: 60, seasonPeriod: 12 });
          for (let k = 0; k < f.p10.length; k++) {
            expect(f.p10[k]!).toBeLessThanOrEqual(f.p50[k]!);
            expect(f.p50[k]!).toBeLessThanOrEqual(f.p90[k]!);
            expect(Number.isFinite(f.point[k])).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  it('quantile interpolates', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.1)).toBe(1);
  });
});

describe('forecastHit', () => {
  const now = Date.parse('2025-06-01T00:00:00Z');
  const stepEnds = Array.from({ length: 60 }, (_, k) => now + (k + 1) * 7 * DAY);
  const base = { mode: 'cumulative' as const, sign: 1 as const, now, stepEnds, firstStepShare: 1, seed: 3 };
  it('is all but certain when weekly sales are steady and far above what is needed', () => {
    const f = forecastHit({
      ...base,
      history: new Array(20).fill(100),
      current: 0,
      target: 1000,
      deadline: now + 20 * 7 * DAY,
    });
    // Every simulated future gets there; the recalibrated chance stays just short of a certainty.
    expect(f.probabilityByDeadline).toBeGreaterThan(0.99);
    expect(f.probabilityByDeadline).toBeLessThan(1);
    expect(f.p50).toBe(now + 10 * 7 * DAY - 1);
    expect(f.p10).toBe(f.p90);
  });
  it('is unlikely when the run-rate is far too low, with ordered hit dates', () => {
    const history = Array.from({ length: 30 }, (_, i) => 50 + ((i * 37) % 21) - 10);
    const long = Array.from({ length: 200 }, (_, k) => now + (k + 1) * 7 * DAY);
    const f = forecastHit({
      ...base,
      stepEnds: long,
      history,
      current: 0,
      target: 1500,
      deadline: now + 20 * 7 * DAY,
    });
    expect(f.probabilityByDeadline).toBeLessThan(0.05);
    expect(f.p50).not.toBeNull();
    expect(f.p10!).toBeLessThanOrEqual(f.p50!);
    // p90 may be null: at least 10% of futures never get there within the horizon.
    if (f.p90 !== null) expect(f.p50!).toBeLessThanOrEqual(f.p90);
    expect(f.p50!).toBeGreaterThan(now + 25 * 7 * DAY);
  });
  it('has defined results for bad input', () => {
    const none = forecastHit({ ...base, history: [], current: 0, target: 10, deadline: now + DAY });
    expect(none).toMatchObject({ method: 'none', probabilityByDeadline: null, p50: null });
    const reached = forecastHit({ ...base, history: [], current: 10, target: 10, deadline: now + DAY });
    expect(reached).toMatchObject({ reachedAlready: true, probabilityByDeadline: 1, p50: now });
    // One week of history: a rough run-rate date (two weeks at 5 a week), never a certainty.
    const one = forecastHit({ ...base, history: [5], current: 0, target: 10, deadline: now + 7 * DAY });
    expect(one.rough?.reason).toBe('few_points');
    expect(one.probabilityByDeadline).toBeGreaterThan(0);
    expect(one.probabilityByDeadline).toBeLessThan(0.5);
    expect(Math.abs(one.p50! - (now + 14 * DAY))).toBeLessThan(4 * DAY);
    // Negative revenue only moves away from the target: a rough estimate says "very unlikely", not "never".
    const neg = forecastHit({
      ...base,
      history: [-5, -6, -5, -7, -5, -6],
      current: 0,
      target: 10,
      deadline: now + 70 * DAY,
    });
    expect(neg).toMatchObject({ probabilityByDeadline: 0.05, p50: null, p90: null });
    // With a fitted model (8 periods or more) it is all but never reached within the horizon.
    const negLong = forecastHit({
      ...base,
      history: [-5, -6, -5, -7, -5, -6, -5, -6, -7, -5],
      current: 0,
      target: 10,
      deadline: now + 70 * DAY,
    });
    expect(negLong).toMatchObject({ p50: null, p90: null });
    expect(negLong.probabilityByDeadline).toBeLessThan(0.02);
  });
  it('forecasts a level crossing for a down metric', () => {
    const history = [100, 96, 92, 88, 84, 80, 76, 72];
    const f = forecastHit({
      ...base,
      mode: 'level',
      sign: -1,
      history,
      current: 72,
      target: 60,
      deadline: now + 52 * 7 * DAY,
    });
    expect(f.probabilityByDeadline).toBeGreaterThan(0.8);
  });
});
