import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedShares } from '../../../lib/engine/counted-shares';

/**
 * counted-shares.ts is the one rule for how much of each future step counts toward a window: forecast.ts's
 * forecastHit (no deadline) and forecast-budget.ts's cap outlook (up to its deadline) each had their own
 * copy. The copies are kept here as they were, and the rule must give their figures.
 */
const DAY = 86_400_000;

/** forecastHit's copy: the running period's share, then whole steps, a step the window opens in cut. */
function hitCopy(now: number, stepEnds: number[], firstStepShare: number, countFrom?: number) {
  const share = Math.min(1, Math.max(0, firstStepShare));
  const from = countFrom !== undefined && countFrom > now ? countFrom : now;
  const counted = new Float64Array(stepEnds.length);
  for (let k = 0, stepStart = now; k < stepEnds.length; k++) {
    const stepEnd = stepEnds[k] ?? stepStart;
    const whole = k === 0 ? (share > 0 ? (stepEnd - stepStart) / share : 0) : stepEnd - stepStart;
    counted[k] =
      from <= stepStart
        ? k === 0
          ? share
          : 1
        : whole > 0
          ? Math.min(1, Math.max(0, (stepEnd - from) / whole))
          : 0;
    stepStart = stepEnd;
  }
  return counted;
}

/** forecast-budget.ts's copy (stepWeights): the same, clipped at the deadline. */
function budgetCopy(
  now: number,
  stepEnds: number[],
  firstStepShare: number,
  deadline: number,
  countFrom?: number,
) {
  const share = Math.min(1, Math.max(0, firstStepShare));
  const from = countFrom !== undefined && countFrom > now ? countFrom : now;
  const out = new Float64Array(stepEnds.length);
  for (let k = 0, stepStart = now; k < stepEnds.length; k++) {
    const stepEnd = stepEnds[k] as number;
    const whole = k === 0 ? (share > 0 ? (stepEnd - stepStart) / share : 0) : stepEnd - stepStart;
    const lo = Math.max(stepEnd - whole, from);
    const hi = Math.min(stepEnd, deadline);
    out[k] = whole > 0 ? Math.min(1, Math.max(0, (hi - lo) / whole)) : 0;
    stepStart = stepEnd;
  }
  return out;
}

/** Months of 28–31 days after a running one whose share still to come is `share`, at whole ms. */
const steps = fc
  .record({
    now: fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
    days: fc.array(fc.integer({ min: 28, max: 31 }), { minLength: 1, maxLength: 40 }),
    elapsed: fc.integer({ min: 0, max: 31 * DAY - 1 }),
    fromOffset: fc.option(fc.integer({ min: -60 * DAY, max: 400 * DAY }), { nil: undefined }),
    deadlineOffset: fc.integer({ min: 1, max: 1300 * DAY }),
  })
  .map(({ now, days, elapsed, fromOffset, deadlineOffset }) => {
    const whole = (days[0] as number) * DAY;
    const left = Math.max(1, whole - Math.min(elapsed, whole - 1));
    const stepEnds: number[] = [];
    for (let k = 0, end = now + left; k < days.length; k++) {
      stepEnds.push(end);
      end += (days[k + 1] ?? 30) * DAY;
    }
    return {
      now,
      stepEnds,
      firstStepShare: left / whole,
      countFrom: fromOffset === undefined ? undefined : now + fromOffset,
      deadline: now + deadlineOffset,
    };
  });

describe('countedShares', () => {
  it('is forecastHit’s copy exactly, without a deadline', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const got = countedShares({
          now: s.now,
          stepEnds: s.stepEnds,
          firstStepShare: s.firstStepShare,
          ...(s.countFrom !== undefined ? { countFrom: s.countFrom } : {}),
        });
        expect(Array.from(got)).toEqual(
          Array.from(hitCopy(s.now, s.stepEnds, s.firstStepShare, s.countFrom)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is the budget outlook’s copy with its deadline: the same share, the running one without a round trip', () => {
    fc.assert(
      fc.property(steps, (s) => {
        const got = countedShares({
          now: s.now,
          stepEnds: s.stepEnds,
          firstStepShare: s.firstStepShare,
          until: s.deadline,
          ...(s.countFrom !== undefined ? { countFrom: s.countFrom } : {}),
        });
        const copy = budgetCopy(s.now, s.stepEnds, s.firstStepShare, s.deadline, s.countFrom);
        // The copy wrote the running period's share as (end − now) ÷ ((end − now) ÷ share): the same
        // share, give or take the last bit of a double.
        for (let k = 0; k < copy.length; k++) expect(got[k]).toBeCloseTo(copy[k] as number, 14);
        // Whole steps are exactly 1; nothing past the deadline counts.
        for (let k = 1; k < copy.length; k++) {
          const [start, end] = [s.stepEnds[k - 1] as number, s.stepEnds[k] as number];
          if (end <= s.deadline && (s.countFrom ?? 0) <= start) expect(got[k]).toBe(1);
          if (start >= s.deadline) expect(got[k]).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a window opening mid-month counts the part after it, and one closing mid-month the part before', () => {
    const now = Date.UTC(2027, 0, 10);
    const stepEnds = [Date.UTC(2027, 1, 1), Date.UTC(2027, 2, 1), Date.UTC(2027, 3, 1)];
    const got = countedShares({
      now,
      stepEnds,
      firstStepShare: 22 / 31,
      countFrom: Date.UTC(2027, 1, 8),
      until: Date.UTC(2027, 2, 16),
    });
    expect(Array.from(got)).toEqual([0, 21 / 28, 15 / 31]);
  });
});
