import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastKeep } from '../../../lib/engine/forecast';
import { type KeepOutlookArgs, keepOutlook } from '../../../lib/engine/forecast-keep';

/**
 * A keep goal's outlook (docs/figures.md § Keep a level): the value on the card counts. Before
 * forecast-keep.ts the chances came from the history alone, simulated from just inside the line, so
 * distributor churn at 3.8% against a 1% ceiling read "35% to hold".
 */
const NOW = Date.UTC(2026, 11, 6, 3);
const MONTH = 30 * 86_400_000;

const argsArb = fc
  .record({
    history: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 }),
    threshold: fc.double({ min: 0, max: 100, noNaN: true }),
    sign: fc.constantFrom<1 | -1>(1, -1),
    open: fc.integer({ min: 1, max: 6 }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    running: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(
    (r): KeepOutlookArgs => ({
      history: r.history,
      current: r.threshold,
      currentIsRunning: r.running,
      threshold: r.threshold,
      sign: r.sign,
      now: NOW,
      stepEnds: Array.from({ length: r.open }, (_, k) => NOW + (k + r.share) * MONTH),
      openToDeadline: r.open,
      firstStepShare: r.share,
      seasonPeriod: 12,
      paths: 120,
      seed: r.seed,
    }),
  );

/** The largest month-to-month move on record toward the good side. */
function largestGoodMove(a: KeepOutlookArgs): number {
  let m = 0;
  for (let i = 1; i < a.history.length; i++)
    m = Math.max(m, a.sign * ((a.history[i] as number) - (a.history[i - 1] as number)));
  return m;
}

describe('keepOutlook', () => {
  it('a value further past the line never raises the chance to hold', () => {
    fc.assert(
      fc.property(
        argsArb,
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (a, d1, d2) => {
          const near = keepOutlook({ ...a, current: a.threshold - a.sign * Math.min(d1, d2) });
          const far = keepOutlook({ ...a, current: a.threshold - a.sign * Math.max(d1, d2) });
          if (near.breachNext === null || far.breachNext === null) return;
          expect(1 - far.breachNext).toBeLessThanOrEqual(1 - near.breachNext + 1e-12);
          if (near.hold !== null && far.hold !== null)
            expect(far.hold).toBeLessThanOrEqual(near.hold + 1e-12);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('past the line by more than any month ever moved back: at most an even chance, and less than the history alone says', () => {
    fc.assert(
      fc.property(argsArb, fc.double({ min: 0.01, max: 20, noNaN: true }), (a0, extra) => {
        const a = { ...a0, currentIsRunning: false };
        const current = a.threshold - a.sign * (largestGoodMove(a) + extra);
        const out = keepOutlook({ ...a, current });
        if (out.breachNext === null) return;
        const inside = a.threshold + a.sign * Math.max(1e-9, Math.abs(a.threshold) * 1e-9);
        const historyOnly =
          forecastKeep({
            ...a,
            current: inside,
            stepEnds: a.stepEnds.slice(0, 1),
            deadline: a.stepEnds[0] as number,
          }).probabilityKept ?? 0;
        const back = 1 - out.breachNext;
        expect(back).toBeLessThanOrEqual(0.5 + 1e-9);
        // Half of the history's view, kept within the rough 5% floor when the model is rough.
        expect(back).toBeLessThanOrEqual(Math.max(0.05, historyOnly / 2) + 1e-9);
        if (out.hold !== null) expect(out.hold).toBeLessThanOrEqual(back + 1e-12);
      }),
      { numRuns: 120 },
    );
  });

  it('holding every open month is never likelier than holding the running one', () => {
    fc.assert(
      fc.property(argsArb, fc.double({ min: -30, max: 30, noNaN: true }), (a, d) => {
        const out = keepOutlook({ ...a, current: a.threshold + d });
        if (out.breachNext === null || out.hold === null) return;
        expect(out.hold).toBeLessThanOrEqual(1 - out.breachNext + 1e-12);
        expect(out.breachNext).toBeGreaterThanOrEqual(0);
        expect(out.breachNext).toBeLessThanOrEqual(1);
      }),
      { numRuns: 120 },
    );
  });

  it('the example churn: 3.8% against a 1% ceiling, months of 0% on record, is a low chance', () => {
    const history = [2.08, 0, 1.89, 0, 1.43, 0, 0, 2.56, 2.44, 1.03, 0.99, 2.86, 0, 1.72, 1.64, 3.82];
    const a: KeepOutlookArgs = {
      history,
      current: 3.82,
      currentIsRunning: false,
      threshold: 1,
      sign: -1,
      now: NOW,
      stepEnds: [NOW + 0.84 * MONTH],
      openToDeadline: 1,
      firstStepShare: 0.84,
      seasonPeriod: 12,
      paths: 400,
      seed: 7,
    };
    const out = keepOutlook(a);
    // One fall of more than 2.82 pt in 15 changes (2.86 → 0): the persistence view gives ~7%; the
    // history's mean-reverting view about a third; together a fifth to a quarter, not "35%". (0.25
    // since the trend members need a drift: this zigzag has none, so its up-slope is not extrapolated.)
    expect(1 - (out.breachNext ?? 0)).toBeLessThan(0.3);
    expect(out.hold).toBeCloseTo(1 - (out.breachNext ?? 0), 12);
  });
});
