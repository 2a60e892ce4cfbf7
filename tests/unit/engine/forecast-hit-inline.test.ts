import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearForecastCache, forecastHit, simulatePaths } from '../../../lib/engine/forecast';
import { normals } from './synthetic';

// forecastHit runs the path simulator inlined, with the model's fields in locals, because it is most
// of an incremental re-evaluation; the two must draw the same futures. Each path has its own draws
// (random.ts pathRandom), so forecastHit's path p is simulatePaths' path p cut at its hit: the share
// of paths that reach a level (or a running total) within k steps must be exactly the share of
// simulatePaths' paths that do.

beforeEach(() => clearForecastCache());

const WEEK = 7 * 86_400_000;
const now = Date.UTC(2026, 0, 5);

/** 20 weeks around a drifting level: a fitted damped trend, no season. */
const drifting = (() => {
  const z = normals(11);
  let v = 200;
  return Array.from({ length: 20 }, () => (v += 3 + 8 * z()));
})();
/** 110 weeks with a yearly swing: a seasonal model (two cycles and more). */
const seasonal = (() => {
  const z = normals(12);
  return Array.from({ length: 110 }, (_, t) => 500 + 120 * Math.sin((2 * Math.PI * t) / 52) + 25 * z());
})();

function sharesAgree(history: number[], sign: 1 | -1) {
  const opts = { seasonPeriod: 52, paths: 300, seed: 5 };
  const first = simulatePaths(history, 1, opts).map((p) => p[0] as number);
  const sorted = [...first].sort((a, b) => a - b);
  for (const q of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const target = sorted[Math.floor(q * sorted.length)] as number;
    const expected = first.filter((v) => sign * (v - target) >= 0).length / first.length;
    const f = forecastHit({
      history,
      mode: 'level',
      current: sign > 0 ? target - 1e6 : target + 1e6,
      target,
      sign,
      now,
      stepEnds: [now + WEEK],
      firstStepShare: 1,
      deadline: now + WEEK,
      ...opts,
      rawProbability: true,
    });
    expect(f.probabilityByDeadline).toBe(expected);
  }
}

/** forecastHit's raw chance of `target` within `steps` weeks, with a cumulative or level reading. */
function hitShare(
  history: number[],
  mode: 'level' | 'cumulative',
  target: number,
  sign: 1 | -1,
  steps: number,
  seed = 5,
) {
  const stepEnds = Array.from({ length: steps }, (_, k) => now + (k + 1) * WEEK);
  return forecastHit({
    history,
    mode,
    current: mode === 'cumulative' ? 0 : sign > 0 ? target - 1e6 : target + 1e6,
    target,
    sign,
    now,
    stepEnds,
    firstStepShare: 1,
    deadline: stepEnds.at(-1) as number,
    seasonPeriod: 52,
    paths: 300,
    seed,
    rawProbability: true,
  }).probabilityByDeadline as number;
}

function pathsAgree(history: number[], mode: 'level' | 'cumulative', sign: 1 | -1, steps: number) {
  const paths = simulatePaths(history, steps, { seasonPeriod: 52, paths: 300, seed: 5 });
  // Each path's best reading within the steps: its running total's, or its level's.
  const best = paths.map((path) => {
    let sum = 0;
    let top = Number.NEGATIVE_INFINITY;
    for (const v of path) {
      sum += v;
      top = Math.max(top, sign * (mode === 'cumulative' ? sum : v));
    }
    return top;
  });
  const sorted = [...best].sort((a, b) => a - b);
  for (const q of [0.15, 0.4, 0.6, 0.85]) {
    const t = sorted[Math.floor(q * sorted.length)] as number;
    const expected = best.filter((b) => b >= t).length / best.length;
    expect(hitShare(history, mode, sign * t, sign, steps)).toBe(expected);
  }
}

describe("forecastHit's inlined simulator", () => {
  it('draws the same whole paths as the path simulator, cut at the hit', () => {
    for (const history of [drifting, seasonal]) {
      for (const sign of [1, -1] as const) {
        pathsAgree(history, 'level', sign, 6);
      }
      // A running total of sales only climbs toward its target.
      pathsAgree(history, 'cumulative', 1, 6);
    }
  });

  it('never reads a lower chance for an easier target (the found case: a milestone rounded down)', () => {
    // A path that stops at its hit used to shift every later path's draws, so a target rounded from
    // 51.36 to 51.3 could read 28.4% against 30.7% at the exact target.
    fc.assert(
      fc.property(
        fc.constantFrom(drifting, seasonal),
        fc.constantFrom(
          { mode: 'level' as const, sign: 1 as const },
          { mode: 'level' as const, sign: -1 as const },
          { mode: 'cumulative' as const, sign: 1 as const },
        ),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (history, { mode, sign }, steps, at, easier, seed) => {
          const last = history.at(-1) as number;
          const scale = mode === 'cumulative' ? last * steps : last;
          const target = sign * scale * (0.7 + 0.6 * at);
          const eased = target - sign * scale * easier;
          expect(hitShare(history, mode, eased, sign, steps, seed)).toBeGreaterThanOrEqual(
            hitShare(history, mode, target, sign, steps, seed),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('draws the same first step as the path simulator (damped trend)', () => {
    sharesAgree(drifting, 1);
    sharesAgree(drifting, -1);
  });

  it('draws the same first step as the path simulator (seasonal model)', () => {
    sharesAgree(seasonal, 1);
    sharesAgree(seasonal, -1);
  });
});
