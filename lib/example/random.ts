/**
 * Seeded randomness for the example dataset. The data must be identical on every call with the same
 * `now` (tests deep-compare two builds, and "remove example data" relies on stable ids), so nothing here
 * touches Math.random.
 */

import { hashString, mulberry32 } from '../engine/random';

export type Rng = () => number;

/** Each series gets its own stream (FNV-1a of its key), so editing one never reshuffles another. */
export function rngFor(key: string): Rng {
  return mulberry32(hashString(key));
}

/** Standard normal via Box–Muller; `1 - rng()` keeps log() away from 0. */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Multiplicative noise around 1 with the given relative spread, never below 0.05. */
export function jitter(rng: Rng, spread: number): number {
  return Math.max(0.05, 1 + normal(rng) * spread);
}

/**
 * Poisson count: exact (Knuth) for small means, where lumpiness matters (a distributor orders twice a
 * week, not 0.3 times a day), and a rounded normal for large means, where Knuth would loop too long.
 */
export function poisson(rng: Rng, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + normal(rng) * Math.sqrt(mean)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}
