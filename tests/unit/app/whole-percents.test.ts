import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholePercents } from '../../../lib/app/whole-percents';

describe('wholePercents: tier shares that add up to 100%', () => {
  it('85% + 11% + 5% (101%) becomes 84 + 11 + 5: the point goes to the largest remainders', () => {
    // 14.6B, 1.83B and 0.835B of 17.265B: 84.56%, 10.60%, 4.84%.
    expect(wholePercents([14.6 / 17.265, 1.83 / 17.265, 0.835 / 17.265])).toEqual([84, 11, 5]);
    expect(wholePercents([1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(wholePercents([1, 0, 0])).toEqual([100, 0, 0]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });

  it('for any shares of a whole: sums to 100 and each is its share rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (xs) => {
          const sum = xs.reduce((a, b) => a + b, 0);
          if (!(sum > 0)) return;
          const shares = xs.map((x) => x / sum);
          const whole = wholePercents(shares);
          expect(whole.reduce((a, b) => a + b, 0)).toBe(100);
          whole.forEach((w, i) => {
            expect(w).toBeGreaterThanOrEqual(Math.floor((shares[i] as number) * 100 - 1e-6));
            expect(w).toBeLessThanOrEqual(Math.ceil((shares[i] as number) * 100 + 1e-6));
          });
        },
      ),
    );
  });
});
