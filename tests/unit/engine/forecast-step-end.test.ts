import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastHit } from '../../../lib/engine/forecast';

/**
 * A forecast step ends where the next period starts (00:00 of its first day); a goal's deadline is
 * the last millisecond of its day. A hit is dated within its step, so "reached in December" is a
 * December date and counts for a Dec 31 deadline. Before, a level's hit was dated at the step's end,
 * 1 ms after the deadline, so the last month before a deadline never counted: an on-time rate at
 * 97.7% toward 98% by Dec 31 read "1% chance".
 */
const NOW = Date.UTC(2026, 11, 6);
const MONTH_ENDS = Array.from({ length: 24 }, (_, k) => Date.UTC(2027, k, 1));

describe('forecast hits are dated inside their step', () => {
  it('a deadline at the last instant of a step counts a hit in that step (level and total)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'level' | 'cumulative'>('level', 'cumulative'),
        fc.array(fc.double({ min: 50, max: 150, noNaN: true }), { minLength: 10, maxLength: 30 }),
        fc.double({ min: 0.9, max: 1.2, noNaN: true }),
        fc.integer({ min: 0, max: 5 }),
        (mode, history, reach, k) => {
          const last = history.at(-1) as number;
          const base = {
            history,
            mode,
            current: mode === 'level' ? last : 0,
            target: mode === 'level' ? last * reach : last * (k + 1) * reach,
            sign: 1 as const,
            now: NOW,
            stepEnds: MONTH_ENDS,
            firstStepShare: 0.8,
            paths: 200,
            seed: 7,
          };
          const end = MONTH_ENDS[k] as number;
          const atLastInstant = forecastHit({ ...base, deadline: end - 1 });
          const atNextStart = forecastHit({ ...base, deadline: end });
          expect(atLastInstant.probabilityByDeadline).toBe(atNextStart.probabilityByDeadline);
          for (const q of [atLastInstant.p10, atLastInstant.p50, atLastInstant.p90])
            if (q !== null) expect(MONTH_ENDS.includes(q)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
