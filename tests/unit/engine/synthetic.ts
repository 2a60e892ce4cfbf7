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
