import { forecastSeries } from '../../../lib/engine/forecast';
import { mulberry32 } from '../../../lib/engine/random';

/** Standard normal draws (Box–Muller), seeded. */
export function normals(seed: number) {
  const rnd = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
}

/** `n` values of white noise around 100 (σ = 10). */
export const whiteNoise = (seed: number, n: number) => {
  const z = normals(seed);
  return Array.from({ length: n }, () => 100 + 10 * z());
};

/** `n` values of a random walk from 100 (steps of σ = 5). */
export const randomWalk = (seed: number, n: number) => {
  const z = normals(seed);
  let v = 100;
  return Array.from({ length: n }, () => (v += 5 * z()));
};

/**
 * Share of actuals `from`–`to` steps ahead (1-based) of `n` points of `make(seed, n + 13)` inside the
 * weekly forecast's [p10, p90], over seeds 1…`seeds`.
 */
export function bandCoverage(
  make: (seed: number, n: number) => number[],
  n: number,
  from: number,
  to: number,
  seeds: number,
): number {
  let covered = 0;
  let total = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const x = make(seed, n + 13);
    const f = forecastSeries(x.slice(0, n), 13, { seasonPeriod: 52, paths: 200, seed });
    for (let k = from - 1; k < to; k++) {
      if (x[n + k]! >= f.p10[k]! && x[n + k]! <= f.p90[k]!) covered++;
      total++;
    }
  }
  return covered / total;
}
