import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * Issue 14 item 5: a milestone with a metric condition (a cascade quarter: revenue ≥ ₫X from its start
 * to its deadline) is decided by its own window — Done when the window's figure meets the target, never
 * Overdue then, and Overdue only when it is unmet after its date. Observations outside the window
 * (before its start, after its deadline) must not count.
 */
const tz = 'UTC';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const settings = defaultSettings({ locale: 'en', timeZone: tz });

function run(opts: {
  values: number[];
  start: number;
  length: number;
  target: number;
  direction: 'up' | 'down';
  aggregation: 'sum' | 'last';
  now: number;
}) {
  const m = metric({ id: 'rev', direction: opts.direction, aggregation: opts.aggregation });
  const startAt = T0 + opts.start * DAY;
  const deadline = startAt + opts.length * DAY - 1;
  const g = goal({
    id: 'ms',
    kind: 'milestone',
    goalType: 'milestone',
    metricId: 'rev',
    target: opts.target,
    startAt,
    deadline,
  });
  const obs = opts.values.map((value, i) => ({ time: T0 + i * DAY + 12 * 3_600_000, value, dims: {} }));
  const result = evaluateAll({
    goals: [g],
    metrics: [m],
    rollups: rollupFromPoints('rev', obs, tz),
    checkIns: [],
    settings,
    now: opts.now,
    forecastPaths: 20,
  });
  // A total counts its window only; a level is the latest value known by the deadline (a level
  // logged before the window still stands).
  const upTo = Math.min(deadline, opts.now);
  const figure =
    opts.aggregation === 'sum'
      ? obs.filter((o) => o.time >= startAt && o.time <= upTo).reduce((a, o) => a + o.value, 0)
      : (obs.filter((o) => o.time <= upTo).pop()?.value ?? null);
  const within = figure !== null && (opts.direction === 'up' ? figure >= opts.target : figure <= opts.target);
  // A total whose way is down is a budget cap (goal-types/budget-total.ts): met only once its window
  // ended at or under it, never while it runs under its line.
  const cap = opts.aggregation === 'sum' && opts.direction === 'down';
  const met = cap ? within && deadline < opts.now : within;
  return { state: result.perGoal.get('ms')?.milestone?.state, met, deadline };
}

describe('a milestone carries its metric window', () => {
  it('a quarter whose revenue beat its target is Done, not Overdue, after its date', () => {
    const values = Array.from({ length: 200 }, () => 100);
    // Q1 2026 (90 days × 100 = 9,000) against 8,500; now is in May.
    const r = run({
      values,
      start: 0,
      length: 90,
      target: 8_500,
      direction: 'up',
      aggregation: 'sum',
      now: T0 + 130 * DAY,
    });
    expect(r).toMatchObject({ state: 'done', met: true });
    const missed = run({
      values,
      start: 0,
      length: 90,
      target: 9_500,
      direction: 'up',
      aggregation: 'sum',
      now: T0 + 130 * DAY,
    });
    expect(missed).toMatchObject({ state: 'overdue', met: false });
  });

  it('revenue after the window does not rescue a missed quarter', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i < 90 ? 50 : 1_000));
    const r = run({
      values,
      start: 0,
      length: 90,
      target: 5_000,
      direction: 'up',
      aggregation: 'sum',
      now: T0 + 150 * DAY,
    });
    expect(r).toMatchObject({ state: 'overdue', met: false });
  });

  it('property: met in its window ⇒ never overdue; unmet after its date ⇒ overdue', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 30, maxLength: 160 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 95 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.constantFrom('up' as const, 'down' as const),
        fc.constantFrom('sum' as const, 'last' as const),
        fc.integer({ min: 0, max: 200 }),
        (values, start, length, target, direction, aggregation, nowDay) => {
          const now = T0 + nowDay * DAY + 18 * 3_600_000;
          const r = run({ values, start, length, target, direction, aggregation, now });
          if (r.met) expect(r.state).toBe('done');
          else if (r.deadline < now) expect(r.state).toBe('overdue');
          else expect(r.state).not.toBe('overdue');
        },
      ),
      { numRuns: 150 },
    );
  });
});
