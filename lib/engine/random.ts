/**
 * Seeded pseudo-random numbers. The forecaster bootstraps residuals, and the same inputs must give the
 * same forecast on every render and in every surface (new tab, popup, overlay): Math.random() would make
 * the dates jitter each time the numbers are recomputed.
 */

/** mulberry32: tiny, fast, good enough statistical quality for resampling. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string: turns a goal id into a stable seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Draws one simulated path may use at most: 2^16, far above what a path takes (a few per step, a few
 * hundred steps at most).
 */
const PATH_STRIDE = 1 << 16;
/** mulberry32's state advances by this constant per draw, so skipping n draws adds n times it. */
const MULBERRY_STEP = 0x6d2b79f5;

/**
 * Path `p`'s own draws: the seed's stream from draw p·2^16 on, so paths never share a draw (up to 65,536
 * paths). A path that stops early (forecastHit stops at the hit) leaves the next path's draws
 * untouched: with one stream for all paths, a target moved by a rounding changed where one path
 * stopped and so every later path, and a lower target could read a lower chance.
 */
export function pathRandom(seed: number, p: number): () => number {
  return mulberry32((seed + Math.imul(Math.imul(p, PATH_STRIDE), MULBERRY_STEP)) >>> 0);
}
