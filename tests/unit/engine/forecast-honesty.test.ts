import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { forecastMissAlert } from '../../../lib/engine/alerts';
import {
  clearForecastCache,
  forecastCumulativeBand,
  forecastHit,
  forecastKeep,
  forecastSeries,
  MIN_MODEL_POINTS,
} from '../../../lib/engine/forecast';
import { fitModel, seasonalByAcf } from '../../../lib/engine/forecast-model';
import { mulberry32 } from '../../../lib/engine/random';

const DAY = 86_400_000;
const now = Date.parse('2025-06-02T00:00:00Z');
const weeks = (n: number) => Array.from({ length: n }, (_, k) => now + (k + 1) * 7 * DAY);

beforeEach(() => clearForecastCache());

const shortHistory = fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), {
  minLength: 1,
  maxLength: MIN_MODEL_POINTS - 1,
});

describe('short histories are honest', () => {
  it('never give a zero-width interval from fewer than 8 periods (property)', () => {
    fc.assert(
      fc.property(shortHistory, fc.integer({ min: 1, max: 12 }), (values, h) => {
        clearForecastCache();
        const f = forecastSeries(values, h, { paths: 200 });
        expect(f.rough).toEqual({ reason: 'few_points', points: values.length, needed: MIN_MODEL_POINTS });
        for (let k = 0; k < h; k++) expect(f.p90[k]! - f.p10[k]!).toBeGreaterThan(0);
      }),
      { numRuns: 80 },
    );
  });

  it('never give a probability of exactly 0 or 1, nor a zero-width date interval (property)', () => {
    fc.assert(
      fc.property(
        // A target of a few hundredths of a unit or more (a denormal run rate makes the target 0: reached).
        shortHistory.filter((v) => v.some((x) => x >= 0.01)),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        (values, weeksOfRunRate, deadlineWeeks) => {
          clearForecastCache();
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          const f = forecastHit({
            history: values,
            mode: 'cumulative',
            current: 0,
            target: weeksOfRunRate * mean,
            sign: 1,
            now,
            stepEnds: weeks(60),
            firstStepShare: 1,
            deadline: now + deadlineWeeks * 7 * DAY,
            paths: 200,
          });
          expect(f.rough?.reason).toBe('few_points');
          expect(f.probabilityByDeadline!).toBeGreaterThan(0);
          expect(f.probabilityByDeadline!).toBeLessThan(1);
          if (f.p10 !== null && f.p90 !== null) expect(f.p90).toBeGreaterThan(f.p10);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a first month of identical weeks still gets a wide band, not a certainty', () => {
    const f = forecastHit({
      history: [100, 100],
      mode: 'cumulative',
      current: 0,
      target: 1000,
      sign: 1,
      now,
      stepEnds: weeks(40),
      firstStepShare: 1,
      deadline: now + 10 * 7 * DAY,
      paths: 400,
    });
    expect(f.method).toBe('run_rate');
    expect(f.probabilityByDeadline).toBeGreaterThan(0.2);
    expect(f.probabilityByDeadline).toBeLessThan(0.8);
    expect(f.p90! - f.p10!).toBeGreaterThan(2 * 7 * DAY);
  });

  it('raises no critical alert from a rough estimate', () => {
    const goal = { id: 'g', title: 'Sales', deadline: now + 10 * 7 * DAY };
    const f = forecastHit({
      history: [10, 12, 9],
      mode: 'cumulative',
      current: 0,
      target: 100_000,
      sign: 1,
      now,
      stepEnds: weeks(40),
      firstStepShare: 1,
      deadline: now + 10 * 7 * DAY,
    });
    expect(f.probabilityByDeadline).toBe(0.05);
    expect(forecastMissAlert(goal, f, 'w')?.severity).toBe('warning');
    expect(forecastMissAlert(goal, { ...f, rough: undefined }, 'w')?.severity).toBe('critical');
  });

  it('uses a fitted model from 8 periods on', () => {
    const f = forecastSeries([5, 6, 7, 6, 8, 7, 9, 8], 3);
    expect(f.rough).toBeUndefined();
    expect(f.method).toBe('damped_trend');
  });
});

describe('level goals are reached when a period is complete', () => {
  it('dates a level hit at the end of the step, not inside it', () => {
    const stepEnds = weeks(30);
    const f = forecastHit({
      history: Array.from({ length: 20 }, (_, i) => 100 + 5 * i),
      mode: 'level',
      current: 195,
      target: 230,
      sign: 1,
      now,
      stepEnds,
      firstStepShare: 1,
      deadline: now + 30 * 7 * DAY,
      paths: 200,
    });
    // On its step's last millisecond: the period it is reported in (see forecast-step-end.test.ts).
    for (const d of [f.p10, f.p50, f.p90]) if (d !== null) expect(stepEnds).toContain(d + 1);
  });
});

describe('seasonality is tried and chosen on evidence', () => {
  const rand = mulberry32(5);
  const noise = () => rand() - 0.5;
  it('picks seasonality on a weekly seasonal series with two cycles', () => {
    const y = Array.from(
      { length: 104 },
      (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 52) + 5 * noise(),
    );
    expect(seasonalByAcf(y, 52)).toBe(true);
    expect(fitModel(y, 52).method).toBe('seasonal_damped_trend');
    expect(forecastSeries(y, 4, { seasonPeriod: 52 }).method).toBe('seasonal_damped_trend');
  });
  it('does not pick it on white noise', () => {
    let seasonal = 0;
    for (let s = 0; s < 20; s++) {
      const r = mulberry32(100 + s);
      const y = Array.from({ length: 36 }, () => 100 + 20 * (r() - 0.5));
      if (fitModel(y, 12).method === 'seasonal_damped_trend') seasonal++;
    }
    // A 90% test: about one false alarm in ten is its nominal rate; allow a little more.
    expect(seasonal).toBeLessThanOrEqual(4);
  });
});

describe('cumulative band from simulated paths', () => {
  it('is monotone for a non-negative metric and ordered p10 ≤ p50 ≤ p90 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (values, h, start) => {
          clearForecastCache();
          const b = forecastCumulativeBand(values, h, start, { paths: 100 });
          expect(b.p10).toHaveLength(h);
          for (let k = 0; k < h; k++) {
            expect(b.p10[k]!).toBeLessThanOrEqual(b.p50[k]!);
            expect(b.p50[k]!).toBeLessThanOrEqual(b.p90[k]!);
            expect(b.p10[k]!).toBeGreaterThanOrEqual(start - 1e-9);
            if (k) {
              expect(b.p10[k]!).toBeGreaterThanOrEqual(b.p10[k - 1]! - 1e-9);
              expect(b.p90[k]!).toBeGreaterThanOrEqual(b.p90[k - 1]! - 1e-9);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });
  it('is narrower than summed per-period quantiles for independent periods', () => {
    const r = mulberry32(9);
    const y = Array.from({ length: 30 }, () => 100 + 40 * (r() - 0.5));
    const h = 12;
    const band = forecastCumulativeBand(y, h, 0, { seed: 3 });
    const per = forecastSeries(y, h, { seed: 3 });
    const summedWidth = per.p90.reduce((a, v) => a + v, 0) - per.p10.reduce((a, v) => a + v, 0);
    expect(band.p90[h - 1]! - band.p10[h - 1]!).toBeLessThan(summedWidth);
  });
});

describe('keep-a-level goals', () => {
  const r = mulberry32(4);
  const history = Array.from({ length: 30 }, () => 100 + 10 * (r() - 0.5));
  const base = { history, now, stepEnds: weeks(30), firstStepShare: 1, deadline: now + 12 * 7 * DAY };
  it('is likely kept far from the threshold and less likely near it', () => {
    const far = forecastKeep({ ...base, current: 100, threshold: 50, sign: 1 });
    const near = forecastKeep({ ...base, current: 100, threshold: 98, sign: 1 });
    expect(far.probabilityKept!).toBeGreaterThan(0.95);
    expect(near.probabilityKept!).toBeLessThan(0.5);
    expect(near.breachP50).not.toBeNull();
    // A ceiling works the other way round.
    expect(
      forecastKeep({ ...base, current: 100, threshold: 150, sign: -1 }).probabilityKept!,
    ).toBeGreaterThan(0.95);
  });
  it('is breached already when the current level is on the wrong side, and not when on the line', () => {
    expect(forecastKeep({ ...base, current: 90, threshold: 95, sign: 1 })).toMatchObject({
      probabilityKept: 0,
      breachedAlready: true,
    });
    expect(forecastKeep({ ...base, current: 50, threshold: 50, sign: 1 }).breachedAlready).toBe(false);
  });
});
