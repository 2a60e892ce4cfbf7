import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearForecastCache, forecastHit, forecastKeep } from '../../../lib/engine/forecast';
import {
  chanceFrequency,
  fitPlatt,
  PLATT,
  recalibrate,
  SHARE_FLOOR,
  shareForChance,
} from '../../../lib/engine/forecast-calibration';
import { mulberry32 } from '../../../lib/engine/random';

const DAY = 86_400_000;
const now = Date.parse('2025-06-02T00:00:00Z');
const weeks = (n: number) => Array.from({ length: n }, (_, k) => now + (k + 1) * 7 * DAY);

beforeEach(() => clearForecastCache());

describe('recalibration map', () => {
  it('keeps the order of forecasts and never says 0 or 1', () => {
    for (const kind of ['total', 'level', 'keep'] as const) {
      for (const freq of ['month', 'week'] as const) {
        let before = -1;
        for (let i = 0; i <= 400; i++) {
          const p = recalibrate(i / 400, kind, freq);
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
          expect(p).toBeGreaterThanOrEqual(before);
          before = p;
        }
      }
    }
  });

  it('moves chances little: the simulation carries the calibration (maps fitted on the development data)', () => {
    // Until the seventh round the maps had much to correct: a simulated level chance of 0.85 came true
    // about 0.82 and a keep chance of 0.25 about 0.30. Each path's own volatility (seventh round) and
    // the short-history widening on the slope only (eighth) put that into the simulation itself, and
    // the refitted maps now move a level chance by at most 0.033 and a keep chance by 0.011.
    for (let p = 0.01; p < 1; p += 0.01) {
      expect(Math.abs(recalibrate(p, 'level', 'month') - p)).toBeLessThan(0.04);
      expect(Math.abs(recalibrate(p, 'keep', 'month') - p)).toBeLessThan(0.02);
    }
    // What they still do: far levels are reached a little more often than the paths say (0.10 → 0.12),
    // and a total's middle chances come true more often (0.65 → 0.70).
    expect(recalibrate(0.1, 'level', 'month')).toBeGreaterThan(0.11);
    expect(recalibrate(0.65, 'total', 'month')).toBeGreaterThan(0.68);
  });

  it('picks the weekly map for a 52-week season and the monthly one otherwise', () => {
    expect(chanceFrequency(52)).toBe('week');
    expect(chanceFrequency(12)).toBe('month');
    expect(chanceFrequency(undefined)).toBe('month');
  });

  it('fitPlatt recovers a known map from outcomes drawn with it', () => {
    const rand = mulberry32(7);
    const [a, b] = [0.7, 0.3];
    const cases = Array.from({ length: 20_000 }, () => {
      const p = SHARE_FLOOR + rand() * (1 - 2 * SHARE_FLOOR);
      const z = Math.log(p / (1 - p));
      const q = 1 / (1 + Math.exp(-(a * z + b)));
      return { p, hit: rand() < q };
    });
    const [fa, fb] = fitPlatt(cases);
    expect(fa).toBeCloseTo(a, 1);
    expect(fb).toBeCloseTo(b, 1);
  });
});

describe('forecastHit and forecastKeep report recalibrated chances', () => {
  // 30 weeks around 100 with noise: a fitted model, not a rough estimate.
  const history = Array.from({ length: 30 }, (_, i) => 100 + ((i * 37) % 21) - 10);
  const base = {
    history,
    now,
    stepEnds: weeks(30),
    firstStepShare: 1,
    deadline: now + 8 * 7 * DAY,
    seasonPeriod: 52,
    paths: 300,
    seed: 5,
  };

  it('maps a level goal’s share with the level map, and a total’s with the total map', () => {
    const level = { ...base, mode: 'level' as const, current: 100, target: 112, sign: 1 as const };
    const raw = forecastHit({ ...level, rawProbability: true }).probabilityByDeadline!;
    expect(raw).toBeGreaterThan(0.05);
    expect(raw).toBeLessThan(0.95);
    expect(forecastHit(level).probabilityByDeadline).toBeCloseTo(recalibrate(raw, 'level', 'week'), 12);
    const total = { ...base, mode: 'cumulative' as const, current: 0, target: 800, sign: 1 as const };
    const rawTotal = forecastHit({ ...total, rawProbability: true }).probabilityByDeadline!;
    expect(forecastHit(total).probabilityByDeadline).toBeCloseTo(recalibrate(rawTotal, 'total', 'week'), 12);
    expect(PLATT.level.week).not.toEqual(PLATT.total.week);
  });

  it('maps a keep goal’s share with the keep map, not 1 − the level map', () => {
    const keep = { ...base, current: 100, threshold: 92, sign: 1 as const };
    const raw = forecastKeep({ ...keep, rawProbability: true }).probabilityKept!;
    expect(raw).toBeGreaterThan(0.05);
    expect(raw).toBeLessThan(0.95);
    expect(forecastKeep(keep).probabilityKept).toBeCloseTo(recalibrate(raw, 'keep', 'week'), 12);
  });

  it('puts the median date by the deadline exactly when the chance it shows is at least even', () => {
    // A level's "51% chance by Dec 31" had stood beside "Forecast: Jan 31" (the chance mapped, the
    // date the plain median of the paths). Here 46.5% of the paths make it, which the map calls 51%.
    const deadline = now + 8 * 7 * DAY;
    const close = {
      ...base,
      mode: 'cumulative' as const,
      current: 0,
      target: 96 * 8,
      sign: 1 as const,
      deadline,
      paths: 200,
    };
    expect(forecastHit({ ...close, rawProbability: true }).probabilityByDeadline).toBe(93 / 200);
    const f53 = forecastHit(close);
    expect(f53.probabilityByDeadline).toBeGreaterThan(0.5);
    expect(f53.p50).not.toBeNull();
    expect(f53.p50!).toBeLessThanOrEqual(deadline);
    // Over random targets, histories and deadlines they agree.
    fc.assert(
      fc.property(
        fc.constantFrom('level' as const, 'cumulative' as const),
        fc.integer({ min: 90, max: 140 }),
        fc.integer({ min: 2, max: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        (mode, target, deadlineWeeks, seed) => {
          const f = forecastHit({
            ...base,
            seed,
            mode,
            current: mode === 'level' ? 100 : 0,
            target: mode === 'level' ? target : target * deadlineWeeks,
            sign: 1,
            deadline: now + deadlineWeeks * 7 * DAY,
            paths: 200,
          });
          const p = f.probabilityByDeadline;
          if (p === null || f.reachedAlready) return;
          const byDeadline = f.p50 !== null && f.p50 <= now + deadlineWeeks * 7 * DAY;
          expect(byDeadline).toBe(p >= 0.5);
          expect(shareForChance(recalibrate(0.3, 'level', 'week'), 'level', 'week')).toBeCloseTo(0.3, 9);
        },
      ),
      { numRuns: 120, seed: 3 },
    );
  });

  it('leaves a rough estimate clamped to [0.05, 0.95], not mapped', () => {
    const f = forecastHit({
      ...base,
      history: [100, 100, 100],
      mode: 'cumulative',
      current: 0,
      target: 100_000,
      sign: 1,
    });
    expect(f.rough?.reason).toBe('few_points');
    expect(f.probabilityByDeadline).toBe(0.05);
  });
});
