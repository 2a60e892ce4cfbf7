import { beforeEach, describe, expect, it } from 'vitest';
import { clearForecastCache, forecastHit, forecastSeries, simulatePaths } from '../../../lib/engine/forecast';
import { fitModel, pathErrorScales } from '../../../lib/engine/forecast-model';
import { mulberry32 } from '../../../lib/engine/random';

beforeEach(() => clearForecastCache());

/** Roughly standard normal draws (sum of 12 uniforms), seeded. */
function normals(seed: number) {
  const rand = mulberry32(seed);
  return () => {
    let s = 0;
    for (let i = 0; i < 12; i++) s += rand();
    return s - 6;
  };
}

/** A level whose growth itself wanders (an integrated random walk) plus noise: errors grow fast with h. */
function wanderingTrend(seed: number, n: number, slopeStep = 2): number[] {
  const g = normals(seed);
  let level = 100;
  let slope = 0;
  return Array.from({ length: n }, () => {
    slope += slopeStep * g();
    level += slope;
    return level + 5 * g();
  });
}

function randomWalk(seed: number, n: number): number[] {
  const g = normals(seed);
  let level = 100;
  return Array.from({ length: n }, () => (level += 10 * g()));
}

function whiteNoise(seed: number, n: number): number[] {
  const g = normals(seed);
  return Array.from({ length: n }, () => 100 + 10 * g());
}

const meanAbsChange = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 1; i < xs.length; i++) s += Math.abs((xs[i] as number) - (xs[i - 1] as number));
  return s / (xs.length - 1);
};

/**
 * Over 300 seeded windows of `make(seed)` (history of `n` points, then 13 more): the summed raw chance
 * the paths give of some period within 13 reaching the last value plus k typical changes, and how many
 * windows really did.
 */
function levelReach(make: (seed: number) => number[], n: number, k: number) {
  const stepEnds = Array.from({ length: 13 }, (_, i) => (i + 1) * 1000);
  let said = 0;
  let happened = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const x = make(seed);
    const history = x.slice(0, n);
    const last = history.at(-1)!;
    const target = last + k * meanAbsChange(history);
    const f = forecastHit({
      history,
      mode: 'level',
      current: last,
      target,
      sign: 1,
      now: 0,
      stepEnds,
      firstStepShare: 1,
      deadline: 13_000,
      paths: 200,
      seed,
      rawProbability: true,
    });
    said += f.probabilityByDeadline!;
    if (x.slice(n).some((v) => v >= target)) happened++;
  }
  return { said, happened };
}

const rms = (r: readonly number[]) => Math.sqrt(r.reduce((a, v) => a + v * v, 0) / r.length);

/**
 * Mean over 100 seeds of each path's lasting error (`part`: its slope error per step or its level
 * error), in units of the one-step error, on histories of `n` weeks.
 */
function errorPerSigma(make: (seed: number, n: number) => number[], n: number, part: 'trend' | 'level') {
  let s = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const model = fitModel(make(seed, n), 52);
    s += pathErrorScales(model)[part] / rms(model.residuals);
  }
  return s / 100;
}

describe('per-series widening learned from the window', () => {
  it('widens with the horizon where the window’s own errors grow, not on white noise', () => {
    const drift = fitModel(wanderingTrend(3, 36), 12).widening ?? [];
    const noise = fitModel(whiteNoise(3, 36), 12).widening ?? [];
    expect(drift.length).toBeGreaterThanOrEqual(12);
    expect(drift[11]!).toBeGreaterThan(1.5 * drift[0]!);
    expect(noise[11]!).toBeLessThan(1.15 * noise[0]!);
  });

  it('keeps most of a wandering trend inside the band nine to twelve steps ahead', () => {
    // Before the widening, a band of resampled one-step errors held 46% of these at 9–12 steps (an
    // 80% band); the window's own errors say how much faster they grow. Not 80% yet: errors that
    // grow like h^1.5 outrun a widening learned from a few in-window errors that far out.
    let covered = 0;
    let total = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const x = wanderingTrend(seed, 48, 1);
      const f = forecastSeries(x.slice(0, 36), 12, { paths: 300, seed });
      for (const k of [8, 9, 10, 11]) {
        const a = x[36 + k]!;
        if (a >= f.p10[k]! && a <= f.p90[k]!) covered++;
        total++;
      }
    }
    expect(covered / total).toBeGreaterThan(0.58);
    expect(covered / total).toBeLessThan(0.9);
  });
});

describe('smooth simulated paths', () => {
  it('move from one period to the next about as much as the history did, even with a widened band', () => {
    // Twelve points: the band is widened for the short history, but not by making every period jumpier.
    const history = whiteNoise(11, 12);
    const paths = simulatePaths(history, 13, { paths: 400, seed: 5 });
    const simulated = paths.reduce((a, p) => a + meanAbsChange(p), 0) / paths.length;
    const real = meanAbsChange(history);
    expect(simulated).toBeGreaterThan(0.75 * real);
    expect(simulated).toBeLessThan(1.25 * real);
  });

  it('reach a level about as often as white noise really does (chances before the map)', () => {
    // 300 windows of 12 points of white noise: how often does a period within the next 13 reach the
    // last value plus one (two) typical period-to-period changes, and what did the paths say? Paths
    // whose every period was inflated for the short history said 0.73 (0.57) where it happened 0.66
    // (0.34) of the time. Each path's own volatility (path-volatility.ts, seventh round) makes the
    // typical path a little calmer and the rare one wilder: on this noise, which has thinner tails
    // than real series, the near level is now said about 0.07 below what happens (k = 1), never above.
    for (const [k, over, under] of [
      [1, 0.05, 0.1],
      [2, 0.15, 0.15],
    ] as const) {
      const { said, happened } = levelReach((seed) => whiteNoise(seed, 25), 12, k);
      expect((said - happened) / 300).toBeLessThan(over);
      expect((happened - said) / 300).toBeLessThan(under);
    }
  });

  it('give far levels of heavy-tailed noise the chance they really have (each path its own volatility)', () => {
    // 300 windows of 26 points of Student-t noise (3 degrees of freedom: calm stretches and sudden big
    // periods, as real counts have): how often does a period within the next 13 reach the last value
    // plus four typical changes? It happens about 0.10 of the time; paths that all shared the window's
    // one-step error said 0.053, paths with their own volatility say about 0.08.
    const studentT = (seed: number) => {
      const g = normals(seed);
      return Array.from({ length: 39 }, () => {
        const z = g();
        const chi = g() ** 2 + g() ** 2 + g() ** 2;
        return 100 + (10 * z) / Math.sqrt(chi / 3);
      });
    };
    const { said, happened } = levelReach(studentT, 26, 4);
    expect(said / happened).toBeGreaterThan(0.7);
    expect(said / happened).toBeLessThan(1.1);
  });
});

describe('slope error per series', () => {
  const slopePerSigma = (make: (seed: number, n: number) => number[]) => errorPerSigma(make, 26, 'trend');

  it('is far smaller for noise around a steady level than for a random walk of the same history length', () => {
    // Once 0.17σ·√(24/n) for every series: a random walk's drift error, which made the far bands of
    // noisy weekly counts about twice as wide as needed.
    expect(slopePerSigma(whiteNoise)).toBeLessThan(0.5 * slopePerSigma(randomWalk));
  });

  it('keeps a far band on white noise near 80%, and a random walk’s still mostly inside, at 26 weeks', () => {
    // 9–13 weeks ahead of 26 weeks of history. With one slope error for all, white noise was covered
    // 96.5% of the time (its band far too wide); the random walk 79.8%.
    const cover = (make: (seed: number, n: number) => number[]) => {
      let covered = 0;
      let total = 0;
      for (let seed = 1; seed <= 150; seed++) {
        const x = make(seed, 39);
        const f = forecastSeries(x.slice(0, 26), 13, { seasonPeriod: 52, paths: 200, seed });
        for (let k = 8; k < 13; k++) {
          if (x[26 + k]! >= f.p10[k]! && x[26 + k]! <= f.p90[k]!) covered++;
          total++;
        }
      }
      return covered / total;
    };
    expect(cover(whiteNoise)).toBeLessThan(0.94);
    expect(cover(whiteNoise)).toBeGreaterThan(0.8);
    expect(cover(randomWalk)).toBeGreaterThan(0.72);
  });
});

describe('level error per series', () => {
  const levelPerSigma = (make: (seed: number, n: number) => number[]) => errorPerSigma(make, 52, 'level');

  it('is the mean’s for noise around a steady level and stays a random walk’s for a random walk', () => {
    // Once 0.9σ (× 0.85 weekly) for every series: about 0.77σ for both. Now white noise's level is
    // known about as well as a mean of its 52 values (0.16σ) and a random walk keeps most of the old
    // error (its estimated α is near 1).
    const noise = levelPerSigma(whiteNoise);
    const walk = levelPerSigma(randomWalk);
    expect(noise).toBeLessThan(0.4 * walk);
    expect(walk).toBeGreaterThan(0.6);
  });

  it('keeps white noise’s near band within 75–85% with a year of history', () => {
    // 1–4 weeks ahead of 52 weeks: 85.2% with the one level error for all, now 83.5%.
    let covered = 0;
    let total = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const x = whiteNoise(seed, 56);
      const f = forecastSeries(x.slice(0, 52), 4, { seasonPeriod: 52, paths: 200, seed });
      for (let k = 0; k < 4; k++) {
        if (x[52 + k]! >= f.p10[k]! && x[52 + k]! <= f.p90[k]!) covered++;
        total++;
      }
    }
    expect(covered / total).toBeGreaterThan(0.75);
    expect(covered / total).toBeLessThan(0.85);
  });
});
