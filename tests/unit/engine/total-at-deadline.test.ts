import { describe, expect, it } from 'vitest';
import { forecastHit } from '../../../lib/engine/forecast';

/**
 * A total the median future makes only after its deadline carries where it will likely stand at the
 * deadline (docs/figures.md § Reach a total), from the same paths as its chance.
 */
const DAY = 86_400_000;
const now = Date.UTC(2026, 0, 5);
const weeks = (n: number) => Array.from({ length: n }, (_, i) => now + (i + 1) * 7 * DAY);
const history = [100, 110, 90, 105, 95, 100, 108, 92, 100, 104, 97, 103];
const hit = (target: number) =>
  forecastHit({
    history,
    mode: 'cumulative',
    current: 0,
    target,
    sign: 1,
    now,
    stepEnds: weeks(40),
    firstStepShare: 1,
    deadline: now + 10 * 7 * DAY,
    seed: 7,
    paths: 400,
    rawProbability: true,
  });

describe('a total at its deadline', () => {
  it('far out of reach: the likely end, all of it short of the target', () => {
    const f = hit(1300);
    expect(f.probabilityByDeadline).toBeLessThan(0.1);
    const a = f.atDeadline;
    expect(a).toBeDefined();
    expect(a?.upperOpen).toBeUndefined();
    // Ten weeks of about 100: about 1,000, in a band around it.
    expect(a?.p50).toBeGreaterThan(900);
    expect(a?.p50).toBeLessThan(1100);
    expect(a?.p10).toBeLessThan(a?.p50 ?? 0);
    expect(a?.p90).toBeGreaterThan(a?.p50 ?? 0);
    expect(a?.p90).toBeLessThan(1300);
  });

  it('within reach of the luckier futures: the top of the range is at or past the target', () => {
    const f = hit(1005);
    const p = f.probabilityByDeadline ?? 0;
    expect(p).toBeGreaterThan(0.1);
    expect(p).toBeLessThan(0.5);
    const a = f.atDeadline;
    expect(a?.p50).toBeLessThan(1005);
    // A path that got there stopped (before the deadline's week: "the target or more") or is read at
    // the deadline past it.
    expect(a?.p90).toBeGreaterThanOrEqual(1005);
    if (a?.upperOpen) expect(a.p90).toBe(1005);
  });

  it('none when most futures make it: the card gives the date', () => {
    const f = hit(800);
    expect(f.probabilityByDeadline).toBeGreaterThan(0.5);
    expect(f.atDeadline).toBeUndefined();
    expect(f.p50).not.toBeNull();
  });
});
