import { describe, expect, it } from 'vitest';
import { quantile } from '../../../lib/engine/forecast';
import { pathVolatility, TAIL_DF, VOLATILITY_TABLE } from '../../../lib/engine/path-volatility';
import { mulberry32 } from '../../../lib/engine/random';

/** A path's error in units of σ: a normal draw times the path's volatility. */
function draws(n: number): number[] {
  const rand = mulberry32(11);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    return z * pathVolatility(rand);
  }).sort((a, b) => a - b);
}

describe('each path’s own volatility', () => {
  const x = draws(200_000);

  it('keeps the normal’s 80% band (±1.28σ), so the band the rest of the forecaster sets is unchanged', () => {
    expect(quantile(x, 0.1)).toBeCloseTo(-1.2816, 1);
    expect(quantile(x, 0.9)).toBeCloseTo(1.2816, 1);
  });

  it('gives far errors the chance a Student-t with 4 degrees of freedom gives them, not a normal’s', () => {
    // Beyond 3σ: a normal 0.27%; the normalised t₄ (3σ is 3.59 of its own units) 2.3%.
    const far = x.filter((v) => Math.abs(v) > 3).length / x.length;
    expect(far).toBeGreaterThan(0.018);
    expect(far).toBeLessThan(0.028);
    // and the typical path is a little calmer than σ: half the paths have a scale below 0.92.
    const scales = [...VOLATILITY_TABLE].sort((a, b) => a - b);
    expect(quantile(scales, 0.5)).toBeGreaterThan(0.88);
    expect(quantile(scales, 0.5)).toBeLessThan(0.94);
    expect(TAIL_DF).toBe(4);
  });
});
