import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unusualValue } from '../../../lib/popup/unusual-value';

const customers = { aggregation: 'last', unit: { kind: 'count' } } as const;
const margin = { aggregation: 'average', unit: { kind: 'percent' } } as const;
const revenue = { aggregation: 'sum', unit: { kind: 'currency', currency: 'VND' } } as const;

describe('unusualValue', () => {
  it("asks about the founder's 1.250 active customers after 185–258, and a margin typed as a fraction", () => {
    const history = [185, 201, 220, 238, 255, 258];
    expect(unusualValue(1250, history, customers)).toEqual({ kind: 'above', low: 185, high: 258 });
    expect(unusualValue(262, history, customers)).toBeNull();
    expect(unusualValue(25, history, customers)).toEqual({ kind: 'below', low: 185, high: 258 });
    expect(unusualValue(0.186, [17.8, 18.2, 17.6, 18.9], margin)).toEqual({
      kind: 'fraction',
      low: 17.6,
      high: 18.9,
      percent: 18.6,
    });
  });

  it('asks about one entry of a sum bigger than three of its biggest months; never about a small one', () => {
    // New customers run 100–120 a month: "5000" in one entry is asked about, "40" is not.
    const newCustomers = { aggregation: 'sum', unit: { kind: 'count' } } as const;
    expect(unusualValue(5000, [104, 118, 111], newCustomers)).toEqual({ kind: 'above', low: 104, high: 118 });
    expect(unusualValue(40, [104, 118, 111], newCustomers)).toBeNull();
    expect(unusualValue(1, [104, 118, 111], newCustomers)).toBeNull();
    expect(unusualValue(5000, [104, 118], newCustomers)).toBeNull();
  });

  it('stays quiet on formulas and short histories', () => {
    expect(unusualValue(10e6, [1e6, 2e6, 3e6, 4e6], revenue)).toBeNull();
    expect(unusualValue(5000, [185, 201, 220], customers)).toBeNull();
    expect(unusualValue(0.5, [17, 18, 19, 20], { ...margin, formula: '{a} / {b} * 100' })).toBeNull();
  });

  it('never asks about a value within the range it has seen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 1e6, noNaN: true }), { minLength: 4, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (recent, at) => {
          const low = Math.min(...recent);
          const high = Math.max(...recent);
          expect(unusualValue(low + at * (high - low), recent, customers)).toBeNull();
        },
      ),
    );
  });
});
