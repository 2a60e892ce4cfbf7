import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wayProgress } from '../../../lib/engine/goal-types/shared';

describe('a total or level goal’s progress is the share of the way it words', () => {
  it('reads the example’s basket goal as it is: ₫1.77M of the way from ₫1.74M to ₫1.9M is 16%', () => {
    // Found on the example dashboard: "Nov: ₫1.77M / ₫1.9M — 30.9% of the way from ₫1.74M" (the floor
    // of okr.ts's progressFraction leaking into a card that says "of the way").
    expect(wayProgress(1_743_101, 1_900_000, 1_768_661, 'up', 'currency')).toBeCloseTo(0.163, 3);
  });

  it('counts a cut toward a lower target the same way', () => {
    expect(wayProgress(3.8, 1, 2.4, 'down', 'percent')).toBeCloseTo(0.5, 9);
  });

  it('is (value − baseline) ÷ (target − baseline) whenever the target lies ahead of the baseline', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.boolean(),
        (baseline, way, value, up) => {
          const target = up ? baseline + way : baseline - way;
          const p = wayProgress(baseline, target, value, up ? 'up' : 'down', 'count');
          expect(p).toBeCloseTo((value - baseline) / (target - baseline), 6);
        },
      ),
    );
  });
});
