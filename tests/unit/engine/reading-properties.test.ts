import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { type CheckIn, defaultSettings, GOAL_TYPES, type Goal, type Metric } from '../../../lib/schema';
import { contradictions } from './contradictions';
import { goal as makeGoal, metric as makeMetric } from './fixtures';

/**
 * Invariants of the one reading per goal (issue 14), over random goals of every type and random
 * histories: the reason matches the status, progress on screen is never negative, a reached target is
 * on track, the chart's last actual point is the card's value, and no "ahead" beside a worse status
 * without its reason (contradictions.ts, C1–C7).
 */
const tz = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const NOW = startOfLocalDay('2026-06-17', tz) + 10 * 3_600_000;

const metricArb = fc.record({
  unit: fc.constantFrom<Metric['unit']>(
    { kind: 'count' },
    { kind: 'percent' },
    { kind: 'currency', currency: 'VND' },
    { kind: 'duration', per: 'hours' },
  ),
  aggregation: fc.constantFrom<Metric['aggregation']>('sum', 'average', 'last'),
  // Neutral (ad spend): a goal on it reads in its own way (goal-type.ts, goalDirection).
  direction: fc.constantFrom<Metric['direction']>('up', 'down', 'neutral'),
});

const historyArb = fc.record({
  /** Days of data before now (0 = none), one point every `every` days. */
  days: fc.integer({ min: 0, max: 500 }),
  every: fc.integer({ min: 1, max: 31 }),
  level: fc.double({ min: 0, max: 200, noNaN: true }),
  trend: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  noise: fc.double({ min: 0, max: 30, noNaN: true }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

const goalArb = fc.record({
  goalType: fc.constantFrom(...GOAL_TYPES),
  keepSide: fc.option(fc.constantFrom('at_least' as const, 'at_most' as const), { nil: undefined }),
  /** The goal's own way, which only a neutral metric's goals follow. */
  direction: fc.option(fc.constantFrom('up' as const, 'down' as const), { nil: undefined }),
  baseline: fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: undefined }),
  target: fc.option(fc.double({ min: 0, max: 400, noNaN: true }), { nil: undefined }),
  startOffset: fc.integer({ min: -400, max: 60 }),
  length: fc.integer({ min: 1, max: 800 }),
  done: fc.boolean(),
  withMetric: fc.boolean(),
  confidence: fc.option(fc.constantFrom('on_track' as const, 'at_risk' as const, 'off_track' as const), {
    nil: undefined,
  }),
  checkInValue: fc.option(fc.double({ min: 0, max: 300, noNaN: true }), { nil: undefined }),
});

function points(
  h: fc.Arbitrary<unknown> extends never
    ? never
    : typeof historyArb extends fc.Arbitrary<infer T>
      ? T
      : never,
) {
  let s = h.seed;
  const rand = () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
  const out = [];
  for (let d = h.days; d >= 0; d -= h.every) {
    const i = h.days - d;
    out.push({
      time: NOW - d * DAY - 3_600_000,
      value: Math.max(0, h.level + h.trend * i + (rand() - 0.5) * h.noise),
    });
  }
  return h.days ? out : [];
}

describe('one reading per goal: properties over random goals and histories', () => {
  it('holds every invariant for every goal type', () => {
    fc.assert(
      fc.property(
        metricArb,
        historyArb,
        goalArb,
        fc.constantFrom('en' as const, 'vi' as const),
        (m, h, g, locale) => {
          const metric = makeMetric({ id: 'm', ...m });
          const startAt = NOW + g.startOffset * DAY;
          const goal: Goal = makeGoal({
            id: 'g',
            kind:
              g.goalType === 'objective'
                ? 'objective'
                : g.goalType === 'milestone'
                  ? 'milestone'
                  : 'kpi_target',
            goalType: g.goalType,
            ...(g.goalType === 'keep' && g.keepSide ? { keepSide: g.keepSide } : {}),
            ...(g.direction ? { direction: g.direction } : {}),
            ...(g.withMetric && g.goalType !== 'objective' ? { metricId: 'm' } : {}),
            ...(g.baseline !== undefined ? { baseline: g.baseline } : {}),
            ...(g.target !== undefined ? { target: g.target } : {}),
            startAt,
            deadline: startAt + g.length * DAY,
            ...(g.done ? { doneAt: NOW - DAY } : {}),
            ...(g.confidence ? { confidence: g.confidence } : {}),
            updatedAt: NOW - 2 * DAY,
          });
          const checkIns: CheckIn[] =
            g.checkInValue === undefined
              ? []
              : [
                  {
                    id: 'c',
                    goalId: 'g',
                    time: NOW - DAY,
                    confidence: g.confidence ?? 'on_track',
                    value: g.checkInValue,
                    deletedAt: null,
                  } as CheckIn,
                ];
          const settings = defaultSettings({ locale, timeZone: tz });
          const rollups = rollupFromPoints('m', points(h), tz);
          const result = evaluateAll({
            goals: [goal],
            metrics: [metric],
            rollups,
            checkIns,
            settings,
            now: NOW,
            forecastPaths: 40,
          });
          const ev = result.perGoal.get('g')!;
          const ctx = { t: createTranslator(locale), settings, now: NOW };
          const view = buildGoalView(goal, ev, goal.metricId ? metric : undefined, [], ctx);

          expect(contradictions(goal, ev, view, result.alerts)).toEqual([]);
          if (ev.progress !== null) expect(ev.progress).toBeGreaterThanOrEqual(0);
          // Before its window opens a goal is neither ahead nor behind, and a keep goal says nothing
          // of "this month", a month outside its window.
          if (view.notStarted) {
            expect(view.pace).toBeUndefined();
            if (ev.type === 'keep') expect(view.forecast).toBeUndefined();
          }
          if (ev.type === 'keep' && ev.keep) {
            expect(ev.keep.held).toBeLessThanOrEqual(ev.keep.periods);
            expect(ev.keep.streak).toBeLessThanOrEqual(ev.keep.held);
          }
          // The chart's last actual point is the card's value.
          if (
            goal.metricId &&
            ev.current !== null &&
            (ev.type === 'level' || ev.type === 'keep' || ev.type === 'total')
          ) {
            const chart = buildChart(goal, { metrics: [metric], rollups }, settings, NOW, ev);
            if (chart) {
              const last = chart.actual.findLastIndex((v) => v !== null);
              if (last >= 0) expect(chart.actual[last]).toBe(ev.current);
            }
          }
        },
      ),
      // endOnFailure: shrinking a failure through the whole engine runs for many minutes, synchronously,
      // past the test's timeout; the first counterexample is printed as found.
      { numRuns: 250, seed: 14, endOnFailure: true },
    );
  }, 120_000);
});
