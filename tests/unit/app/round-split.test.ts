import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundedSplit } from '../../../lib/app/round-split';

/**
 * A split written as a person would write it (lib/app/round-split.ts): the cascade wizard's ₫13.5B
 * budget had read 2,082,144,992 / 4,488,721,872 / 6,929,133,137.
 */
describe('roundedSplit', () => {
  it('splits the example BHAG’s ₫13.5B budget by its years’ targets into round parts', () => {
    // The wizard's weights on Dec 7, 2026: 2026 ₫45.07B, 2027 ₫97.17B, 2028 ₫150B.
    expect(roundedSplit(13.5e9, [45.073711619e9, 97.170637e9, 150e9])).toEqual([2.08e9, 4.49e9, 6.93e9]);
    expect(roundedSplit(4.49e9, [23.96e9, 24.226e9, 24.492e9, 24.492e9])).toEqual([
      1.11e9, 1.12e9, 1.13e9, 1.13e9,
    ]);
  });

  it('keeps a whole typed to the unit exact: its parts carry the units no round parts could', () => {
    const parts = roundedSplit(13_456_789_123, [1, 2, 3]);
    expect(parts.reduce((a, v) => a + v, 0)).toBe(13_456_789_123);
    expect(parts).toEqual([2_242_798_187, 4_485_596_374, 6_728_394_562]);
  });

  it('gives equal shares equal parts, with a fourth figure when it keeps them equal', () => {
    // 2028's quarters (91, 91, 92, 92 days of 366) of its ₫6.93B: not ₫1.73B beside ₫1.72B.
    expect(roundedSplit(6.93e9, [91, 91, 92, 92])).toEqual([1.723e9, 1.723e9, 1.742e9, 1.742e9]);
    // Q1 2027's ₫1.11B by its 31, 28 and 31 days: February takes the missing ₫1M, not January alone.
    expect(roundedSplit(1.11e9, [31, 28, 31])).toEqual([382e6, 346e6, 382e6]);
    // Three equal thirds cannot be equal and add up: the round parts stand.
    expect(roundedSplit(1e9, [1, 1, 1])).toEqual([334e6, 333e6, 333e6]);
  });

  it('gives nothing to parts that weigh nothing, and zeros for a zero whole', () => {
    expect(roundedSplit(1e9, [0, 1, 0])).toEqual([0, 1e9, 0]);
    expect(roundedSplit(0, [1, 2])).toEqual([0, 0]);
  });

  it('adds up to the whole exactly, and every part is a multiple of a step of 3 significant figures of the largest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 0, max: 9 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (digits, zeros, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const whole = digits * 10 ** zeros;
          const parts = roundedSplit(whole, weights);
          expect(parts.reduce((a, v) => a + v, 0)).toBe(whole);
          const largest = Math.max(...parts);
          // The step the whole allows: its own precision (its trailing zeros), at most 3 s.f. of the largest.
          let step = Math.max(1, 10 ** (Math.floor(Math.log10(largest)) - 2));
          while (step > 1 && whole % step !== 0) step /= 10;
          // A fourth figure, where it keeps equal shares equal.
          if (step > 1 && parts.some((p) => p % step !== 0)) step /= 10;
          for (const p of parts) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p % step).toBe(0);
          }
          // Each part within one step of its exact share.
          const total = weights.reduce((a, w) => a + w, 0);
          weights.forEach((w, i) => {
            expect(Math.abs((parts[i] as number) - (whole * w) / total)).toBeLessThan(step + 1e-6 * whole);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shares the whole equally among parts that carry no weight, rather than losing it', () => {
    // A cascade on a tiny target with phased weights of almost nothing: the quarters' targets were 0,
    // and the year's ₫32,000 budget went to no quarter (a fast-check counterexample).
    expect(roundedSplit(32_000, [0, 0, 0, 0])).toEqual([8_000, 8_000, 8_000, 8_000]);
    expect(roundedSplit(100, [0, 0, 0]).reduce((a, v) => a + v, 0)).toBe(100);
  });
});
