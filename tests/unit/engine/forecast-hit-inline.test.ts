import { beforeEach, describe, expect, it } from 'vitest';
import { clearForecastCache, forecastHit, simulatePaths } from '../../../lib/engine/forecast';
import { normals } from './synthetic';

// forecastHit runs the path simulator inlined, with the model's fields in locals, because it is most
// of an incremental re-evaluation; the two must draw the same futures. Over one step they consume the
// random stream alike (forecastHit stops a path at its hit, so further out the streams part), so the
// share of paths at or past a level must be exactly the share of simulatePaths' first values there.

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

describe("forecastHit's inlined simulator", () => {
  it('draws the same first step as the path simulator (damped trend)', () => {
    sharesAgree(drifting, 1);
    sharesAgree(drifting, -1);
  });

  it('draws the same first step as the path simulator (seasonal model)', () => {
    sharesAgree(seasonal, 1);
    sharesAgree(seasonal, -1);
  });
});
