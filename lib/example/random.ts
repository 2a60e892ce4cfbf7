/**
 * Seeded randomness for the example dataset. The data must be identical on every call with the same
 * `now` (tests deep-compare two builds, and "remove example data" relies on stable ids), so nothing here
 * touches Math.random.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for plausible-looking business noise. Returns [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, so each series gets its own stream and editing one never reshuffles another. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function rngFor(key: string): Rng {
  return mulberry32(hashSeed(key));
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
