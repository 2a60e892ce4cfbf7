import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoalView } from '../../../lib/app/goal-views';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { badgeState } from '../../../lib/popup/badge-state';
import { defaultSettings, type Goal, type Locale, type Metric } from '../../../lib/schema';
import { goal as makeGoal, metric as makeMetric } from './fixtures';

/**
 * A goal with figures but not yet enough to judge them is "Too early to tell", with what it waits for
 * (lib/engine/status.ts rule 5b, docs/figures.md § Too early to tell), never "No data yet" beside its
 * own figures (review 38: "○ No data yet" next to "₫471M / ₫1.2B · 39.3% of target").
 */
const tz = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const settings = defaultSettings({ timeZone: tz });
const at = (day: string, hour = 0) => startOfLocalDay(day, tz) + hour * 3_600_000;
const NOW = at('2026-12-07', 18);

function evaluate(
  goal: Goal,
  metric: Metric,
  pts: ReadonlyArray<{ time: number; value: number }>,
  now = NOW,
) {
  const rollups = rollupFromPoints(
    metric.id,
    pts.map((p) => ({ ...p, dims: {} })),
    tz,
  );
  return evaluateAll({ goals: [goal], metrics: [metric], rollups, checkIns: [], settings, now }).perGoal.get(
    goal.id,
  );
}

const view = (goal: Goal, metric: Metric, ev: ReturnType<typeof evaluate>, locale: Locale, now = NOW) =>
  buildGoalView(goal, ev, metric, [], {
    t: createTranslator(locale),
    settings: { locale, timeZone: tz, currency: 'VND' },
    now,
  });

describe('too early to tell', () => {
  // The reviewer's first goal: no start date, three values logged in the first week.
  const revenue = makeMetric({ id: 'closed-revenue', unit: { kind: 'currency', currency: 'VND' } });
  const q1 = makeGoal({
    id: 'q1',
    goalType: 'total',
    metricId: 'closed-revenue',
    target: 1_200_000_000,
    deadline: at('2027-03-31', 23.99),
  });
  const logged = [
    { time: at('2026-12-01', 10), value: 120_000_000 },
    { time: at('2026-12-07', 9), value: 350_000_000 },
    { time: at('2026-12-07', 10), value: 1_250_000 },
  ];

  it('a first goal with three values reads "Too early to tell" with what it waits for, not "No data yet"', () => {
    const ev = evaluate(q1, revenue, logged);
    expect(ev?.current).toBe(471_250_000);
    expect(ev?.status).toBeNull();
    expect(ev?.statusReasons).toEqual(['too_early']);
    expect(ev?.tooEarly).toEqual({
      paceFrom: null,
      periods: { needed: 8, have: 1, granularity: 'week' },
      noStart: true,
    });
    const en = view(q1, revenue, ev, 'en');
    expect(en.status).toBe('too_early');
    expect(en.statusLabel).toBe('Too early to tell');
    expect(en.reason).toBe(
      'judged after 8 complete weeks of data (1 so far), or on pace once it has a start date',
    );
    expect(en.value).toBe('₫471M');
    // Its forecast line names the first forecast a rough one, so "after 2" does not read as a second
    // answer beside "judged after 8".
    expect(en.forecast).toBe('Rough forecast after 2 complete weeks of data (1 so far)');
    const vi = view(q1, revenue, ev, 'vi');
    expect(vi.forecast).toBe('Có ước tính sơ bộ khi đủ 2 tuần dữ liệu (hiện có 1)');
    expect(vi.statusLabel).toBe('Chưa đủ để đánh giá');
    expect(vi.reason).toBe(
      'đánh giá khi đủ 8 tuần dữ liệu (hiện có 1), hoặc theo tiến độ khi có ngày bắt đầu',
    );
    // The toolbar badge counts it apart: no off-track number, and said as such in the tooltip.
    const badge = badgeState([en.status], createTranslator('en'));
    expect(badge.text).toBe('');
    expect(badge.title).toBe('Pacer — 1 too early to tell');
  });

  it('the same goal without a value still reads "No data yet"', () => {
    const ev = evaluate(q1, revenue, []);
    expect(ev?.statusReasons).toEqual(['no_data']);
    expect(view(q1, revenue, ev, 'en').status).toBe('no_data');
  });

  it('with a start date it is judged on pace at once', () => {
    const started = { ...q1, startAt: at('2026-12-01') };
    const ev = evaluate(started, revenue, logged);
    expect(ev?.status).not.toBeNull();
    expect(ev?.statusReasons).not.toContain('too_early');
  });

  it('a total logged once a month, started this month, is paced from its first close', () => {
    const closes = makeMetric({ id: 'net-profit', unit: { kind: 'currency', currency: 'VND' } });
    const q1Profit = makeGoal({
      id: 'profit',
      goalType: 'total',
      metricId: 'net-profit',
      target: 900_000_000,
      startAt: at('2026-12-01'),
      deadline: at('2027-03-31', 23.99),
    });
    const pts = [
      { time: at('2026-09-30', 17), value: 210_000_000 },
      { time: at('2026-10-31', 17), value: 190_000_000 },
      { time: at('2026-11-30', 17), value: 230_000_000 },
      { time: at('2026-12-05', 17), value: 40_000_000 },
    ];
    const ev = evaluate(q1Profit, closes, pts);
    expect(ev?.statusReasons).toEqual(['too_early']);
    expect(ev?.tooEarly?.paceFrom).toBe(at('2027-01-01'));
    expect(view(q1Profit, closes, ev, 'en').reason).toBe('pace judged from Jan 1, 2027');
    expect(view(q1Profit, closes, ev, 'vi').reason).toBe('đánh giá tiến độ từ 01/01/2027');
    // On Jan 2 December has closed: the goal is judged on its pace.
    const jan = evaluate(q1Profit, closes, pts, at('2027-01-02', 9));
    expect(jan?.status).not.toBeNull();
  });

  it('a goal with at least one value in its window never reads no_data (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          goalType: fc.constantFrom(
            'total' as const,
            'level' as const,
            'keep' as const,
            'milestone' as const,
          ),
          aggregation: fc.constantFrom<Metric['aggregation']>('sum', 'average', 'last'),
          unit: fc.constantFrom<Metric['unit']>({ kind: 'count' }, { kind: 'currency', currency: 'VND' }),
          withStart: fc.boolean(),
          /** Days from the window's start (or the first value) to now, and from now to the deadline. */
          elapsed: fc.integer({ min: 0, max: 400 }),
          ahead: fc.integer({ min: 1, max: 400 }),
          target: fc.double({ min: 1, max: 1000, noNaN: true }),
          values: fc.array(
            fc.record({
              ago: fc.double({ min: 0, max: 1, noNaN: true }),
              value: fc.double({ min: 0, max: 500, noNaN: true }),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          locale: fc.constantFrom<Locale>('en', 'vi'),
        }),
        (c) => {
          const metric = makeMetric({ id: 'm', unit: c.unit, aggregation: c.aggregation });
          const start = NOW - c.elapsed * DAY;
          const goal = makeGoal({
            id: 'g',
            kind: c.goalType === 'milestone' ? 'milestone' : 'kpi_target',
            goalType: c.goalType,
            metricId: 'm',
            target: c.target,
            ...(c.withStart ? { startAt: start } : {}),
            deadline: NOW + c.ahead * DAY,
          });
          // Every value lies in the window, from its start (or any day back to `elapsed`) to now.
          const pts = c.values.map((v) => ({
            time: Math.round(NOW - 60_000 - v.ago * (NOW - 60_000 - start)),
            value: v.value,
          }));
          const ev = evaluate(goal, metric, pts);
          const shown = view(goal, metric, ev, c.locale);
          expect(ev?.statusReasons).not.toContain('no_data');
          expect(shown.status).not.toBe('no_data');
          expect(shown.statusLabel).not.toBe(c.locale === 'en' ? 'No data yet' : 'Chưa có dữ liệu');
        },
      ),
      { numRuns: 150 },
    );
  });
});
