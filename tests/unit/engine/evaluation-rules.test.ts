import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversionBelowTargetAlert, mostSevere, noCheckInAlert } from '../../../lib/engine/alerts';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { forecastHit } from '../../../lib/engine/forecast';
import { isFunnelConversion } from '../../../lib/engine/funnel-conversion';
import { journeyFloor, meetsTarget } from '../../../lib/engine/journey';
import { progressFraction } from '../../../lib/engine/okr';
import { computePace } from '../../../lib/engine/pace';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { computeStatus } from '../../../lib/engine/status';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { type CheckIn, defaultSettings, type Metric } from '../../../lib/schema';
import { goal, metric } from './fixtures';

const tz = 'Asia/Ho_Chi_Minh';
const settings = defaultSettings({ timeZone: tz });
const DAY = 86_400_000;
const at = (day: string) => startOfLocalDay(day, tz);
const now = at('2025-07-02') + 12 * 3_600_000;

/** One point per local day at 09:00 from `from` through now. */
function daily(metricId: string, from: string, value: (i: number) => number) {
  const pts = [];
  for (let t = at(from), i = 0; t <= now; t += DAY, i++)
    pts.push({ time: t + 9 * 3_600_000, value: value(i) });
  return rollupFromPoints(metricId, pts, tz);
}

describe('goals whose window has not started', () => {
  it('have no status, whatever the numbers say', () => {
    expect(
      computeStatus({
        done: false,
        notStarted: true,
        reached: false,
        deadlinePassed: false,
        gapPct: -1,
        probability: 0,
        now,
      }),
    ).toEqual({ status: null, reasons: ['not_started'], decidedBy: 'not_started' });
  });

  it('get no pace, a forecast counted from their start and no behind/miss alerts', () => {
    const r = evaluateAll({
      goals: [
        goal({
          id: 'q3',
          metricId: 'revenue',
          target: 1000,
          startAt: at('2025-08-01'),
          deadline: at('2025-11-01'),
          owner: 'An',
          createdAt: now - 100 * DAY,
        }),
      ],
      metrics: [metric({ id: 'revenue' })],
      rollups: daily('revenue', '2024-06-01', () => 10),
      checkIns: [],
      settings,
      now,
      forecastPaths: 50,
    });
    const e = r.perGoal.get('q3');
    expect(e).toMatchObject({ current: 0, pace: null, status: null, statusReasons: ['not_started'] });
    // 1000 at 10 a day is 100 days from 1 August (≈ 9 Nov), not 100 days from now (≈ 10 Oct).
    const p50 = e?.forecast?.p50 ?? 0;
    expect(p50).toBeGreaterThan(at('2025-11-05'));
    expect(p50).toBeLessThan(at('2025-11-14'));
    expect(e?.forecast?.probabilityByDeadline).toBeLessThan(0.05);
    expect(r.alerts).toEqual([]);
  });

  it('have no progress and no OKR score, and neither has an objective of such key results', () => {
    const kr = (id: string, over = {}) =>
      goal({
        id,
        kind: 'key_result',
        parentId: 'obj',
        metricId: 'delivery',
        goalType: 'level',
        baseline: 90,
        target: 97,
        startAt: at('2025-08-01'),
        deadline: at('2025-10-31'),
        createdAt: now - 100 * DAY,
        ...over,
      });
    const r = evaluateAll({
      goals: [
        goal({ id: 'obj', kind: 'objective', startAt: at('2025-08-01'), deadline: at('2025-10-31') }),
        kr('next-quarter'),
      ],
      metrics: [metric({ id: 'delivery', unit: { kind: 'percent' }, aggregation: 'average' })],
      rollups: daily('delivery', '2025-05-01', () => 94.5),
      checkIns: [],
      settings,
      now,
      forecastPaths: 50,
    });
    // July's 94.5% had scored the Q3 key result 0.64 and its objective the same, beside "Not started".
    expect(r.perGoal.get('next-quarter')).toMatchObject({
      current: 94.5,
      progress: null,
      okr: null,
      status: null,
    });
    expect(r.perGoal.get('obj')?.okr).toBeNull();
  });

  it('forecastHit counts a cumulative goal only from countFrom and reaches a level no earlier', () => {
    const T = Date.UTC(2025, 0, 6);
    const stepEnds = Array.from({ length: 60 }, (_, k) => T + (k + 1) * 7 * DAY);
    const base = { mode: 'cumulative' as const, sign: 1 as const, now: T, stepEnds, firstStepShare: 1 };
    const args = {
      ...base,
      history: new Array(12).fill(70),
      current: 0,
      target: 700,
      deadline: T + 400 * DAY,
    };
    // Dated within its step: the last millisecond of the week the total is reached in.
    expect(forecastHit(args).p50).toBe(T + 70 * DAY - 1);
    expect(forecastHit({ ...args, countFrom: T + 28 * DAY }).p50).toBe(T + 98 * DAY - 1);
    const level = forecastHit({
      ...args,
      mode: 'level',
      history: new Array(12).fill(50),
      current: 40,
      target: 45,
      countFrom: T + 30 * DAY,
    });
    expect(level.p50).toBe(T + 30 * DAY);
  });
});

describe('progress and pace of met, hold-a-level and wrong-side targets', () => {
  it.each([
    // [baseline, target, current, direction, unit, progress]
    [0, 100, 50, 'up', undefined, 0.5], // ordinary journey
    [200, 166, 189, 'down', undefined, 11 / 34],
    [96.3, 96, 97.3, 'up', 'percent', 1], // target below the baseline, met: reached, not −333%
    [29.6, 30, 29.5, 'up', 'percent', 1 - 0.5 / 3], // hold 30%: 10% of 30 is the scale
    [30, 30, 33, 'up', 'percent', 1], // beating a hold target is not progress beyond 1
    [1.45, 1, 1.64, 'down', 'percent', 1 - 0.64 / 0.45], // churn worse than the baseline
    [96.3, 98, 97.3, 'up', 'percent', 1 / 1.7], // 98% on-time: room to 100 sizes the journey
    [96.3, 98, 97.3, 'up', undefined, 1 - 0.7 / 9.8], // the same numbers as a plain level: a hold
    [13.7, 17, 10.2, 'up', 'percent', -1], // clamped
    [0, 10, 50, 'up', undefined, 2], // clamped
  ] as const)('progressFraction(%s, %s, %s, %s, %s) = %s', (b, t, c, dir, unit, p) => {
    expect(progressFraction(b, t, c, dir, unit)).toBeCloseTo(p, 6);
  });

  it('always lies in −1..2 and is ≥ 1 exactly when the target is met', () => {
    // Values to the cent, as metrics are typed: subnormal doubles would only test float rounding.
    const n = fc.integer({ min: -1e8, max: 1e8 }).map((x) => x / 100);
    fc.assert(
      fc.property(
        n,
        n,
        n,
        fc.constantFrom('up' as const, 'down' as const),
        fc.constantFrom(undefined, 'percent' as const),
        (b, t, c, dir, unit) => {
          const p = progressFraction(b, t, c, dir, unit);
          expect(p).not.toBeNull();
          expect(p).toBeGreaterThanOrEqual(-1);
          expect(p).toBeLessThanOrEqual(2);
          if (meetsTarget(c, t, dir)) expect(p).toBeGreaterThanOrEqual(1);
          else expect(p).toBeLessThan(1);
        },
      ),
    );
  });

  it('sizes a percentage by its distance to 0 or 100', () => {
    expect(journeyFloor(96.3, 98, 'percent')).toBeCloseTo(0.2);
    expect(journeyFloor(1.45, 1, 'percent')).toBeCloseTo(0.1);
    expect(journeyFloor(100, 150, 'percent')).toBeCloseTo(15); // growth %: not bounded by 100
    expect(journeyFloor(10, 0)).toBe(1);
  });

  it('paces by the metric direction, with a floored and clamped gap %', () => {
    const w = { startAt: now - 100 * DAY, deadline: now + 100 * DAY, timeZone: 'UTC' };
    // Wrong-side target already beaten: reached and ahead, not 473% behind.
    const met = computePace(w, 96.3, 96, 97.3, now, { direction: 'up', unit: 'percent' });
    expect(met?.reached).toBe(true);
    expect(met?.gapPct).toBeGreaterThan(0);
    // Hold 30% from 29.6: 0.3 below the line is 10% of the 3-point scale, not 150%.
    const hold = computePace(w, 29.6, 30, 29.5, now, { direction: 'up', unit: 'percent' });
    expect(hold?.gapPct).toBeCloseTo(-0.3 / 3);
    // Churn moving the wrong way: −100% at worst.
    expect(computePace(w, 1.45, 1, 1.64, now, { direction: 'down', unit: 'percent' })?.gapPct).toBe(-1);
  });

  it('calls a met wrong-side target on track with no alert', () => {
    const r = evaluateAll({
      goals: [
        goal({
          id: 'onTime',
          metricId: 'onTime',
          baseline: 97.5,
          target: 96,
          startAt: at('2025-01-01'),
          deadline: at('2026-01-01'),
        }),
      ],
      metrics: [metric({ id: 'onTime', aggregation: 'last', unit: { kind: 'percent' } })],
      rollups: daily('onTime', '2025-01-01', () => 97.3),
      checkIns: [],
      settings,
      now,
      forecastPaths: 50,
    });
    // A target below the baseline on a higher-is-better metric is a floor to keep (goal-type.ts).
    expect(r.perGoal.get('onTime')).toMatchObject({
      type: 'keep',
      current: 97.3,
      progress: 1,
      status: 'on_track',
      statusReasons: ['keep_held'],
      keep: { side: 'at_least', threshold: 96 },
    });
    expect(r.alerts).toEqual([]);
  });
});

describe('conversion below target', () => {
  const metrics: Metric[] = [
    metric({ id: 'leads' }),
    metric({ id: 'customers' }),
    metric({ id: 'sales', unit: { kind: 'currency', currency: 'VND' } }),
    metric({ id: 'gp', unit: { kind: 'currency', currency: 'VND' } }),
    metric({ id: 'churned', direction: 'down' }),
    metric({ id: 'active', aggregation: 'last' }),
    metric({
      id: 'conv',
      formula: '{customers} / {leads} * 100',
      unit: { kind: 'percent' },
      aggregation: 'last',
    }),
    metric({ id: 'margin', formula: '{gp} / {sales} * 100', unit: { kind: 'percent' }, aggregation: 'last' }),
    metric({
      id: 'churn',
      formula: '{churned} / prev({active}) * 100',
      unit: { kind: 'percent' },
      direction: 'down',
      aggregation: 'last',
    }),
    metric({ id: 'roas', formula: '{sales} / {gp}', unit: { kind: 'ratio' }, aggregation: 'last' }),
  ];
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const get = (id: string) => byId.get(id) as Metric;

  it('knows funnel conversions from margins, churn and ROAS', () => {
    const lookup = (id: string) => byId.get(id);
    expect(isFunnelConversion(get('conv'), lookup)).toBe(true);
    expect(isFunnelConversion({ ...get('conv'), formula: '100 * {customers} / {leads}' }, lookup)).toBe(true);
    expect(isFunnelConversion(get('margin'), lookup)).toBe(false);
    expect(isFunnelConversion(get('churn'), lookup)).toBe(false);
    expect(isFunnelConversion(get('roas'), lookup)).toBe(false);
    expect(isFunnelConversion({ ...get('conv'), direction: 'down' }, lookup)).toBe(false);
    expect(
      isFunnelConversion(
        { direction: 'up', unit: { kind: 'percent' }, templateId: 'mql_to_customer_rate' },
        lookup,
      ),
    ).toBe(true);
  });

  it('never fires for a metric where lower is better', () => {
    const g = goal({ id: 'c' });
    expect(conversionBelowTargetAlert(g, 1.64, 1, 'down', 'p')).toBeNull();
    expect(conversionBelowTargetAlert(g, 0.5, 1, 'down', 'p')).toBeNull();
    expect(conversionBelowTargetAlert(g, 0.5, 1, 'up', 'p')?.rule).toBe('conversion_below_target');
  });

  it('fires in evaluateAll for the conversion goal only', () => {
    const rollups = [
      ...daily('leads', '2025-01-01', () => 10),
      ...daily('customers', '2025-01-01', () => 2),
      ...daily('sales', '2025-01-01', () => 10),
      ...daily('gp', '2025-01-01', () => 3),
      ...daily('churned', '2025-01-01', () => 1),
      ...daily('active', '2025-01-01', () => 100),
    ];
    const r = evaluateAll({
      goals: [
        goal({ id: 'convGoal', metricId: 'conv', target: 50 }),
        goal({ id: 'marginGoal', metricId: 'margin', target: 90 }),
        goal({ id: 'churnGoal', metricId: 'churn', target: 1 }),
        goal({ id: 'roasGoal', metricId: 'roas', target: 9 }),
      ],
      metrics,
      rollups,
      checkIns: [],
      settings,
      now,
      forecastPaths: 20,
    });
    expect(r.perGoal.get('convGoal')?.current).toBeCloseTo(20);
    expect(r.perGoal.get('churnGoal')?.current).toBeCloseTo(30);
    expect(r.alerts.filter((a) => a.rule === 'conversion_below_target').map((a) => a.subject.id)).toEqual([
      'convGoal',
    ]);
  });
});

describe('no check-in', () => {
  const base = goal({ id: 'k', title: 'Margin', owner: 'An', createdAt: now - 400 * DAY });

  it.each([
    ['an unowned goal', { owner: undefined }, null],
    ['a blank owner', { owner: '  ' }, null],
    ['a milestone', { kind: 'milestone' as const }, null],
    ['a BHAG', { kind: 'bhag' as const }, null],
    ['a done goal', { doneAt: now - DAY }, null],
    ['an archived goal', { archived: true }, null],
    ['a goal past its deadline', { deadline: now - DAY }, null],
    ['a goal not started', { startAt: now + DAY }, null],
    ['a goal started 10 days ago', { startAt: now - 10 * DAY }, null],
    [
      'a goal created 10 days ago in an older window',
      { startAt: now - 90 * DAY, createdAt: now - 10 * DAY },
      null,
    ],
    ['a goal started 20 days ago', { startAt: now - 20 * DAY }, '“Margin” has no check-in yet.'],
    ['a goal without a window, created long ago', {}, '“Margin” has no check-in yet.'],
  ])('never checked in: %s', (_, overrides, message) => {
    const a = noCheckInAlert({ ...base, ...overrides }, null, now);
    expect(a?.message.en ?? null).toBe(message);
    if (a) expect(a.period).toBe('never');
  });

  it('counts days since the last check-in', () => {
    const a = noCheckInAlert(base, now - 15 * DAY, now);
    expect(a?.message.en).toBe('“Margin” has had no check-in for 15 days.');
    expect(a?.message.vi).toBe('“Margin” đã 15 ngày chưa được cập nhật tiến độ.');
    expect(noCheckInAlert(base, null, now)?.message.vi).toBe('“Margin” chưa có lần cập nhật tiến độ nào.');
  });

  it('takes an objective check-in as a review of its key results', () => {
    const created = { owner: 'An', createdAt: now - 100 * DAY };
    const checkIns: CheckIn[] = [
      { id: 'c', goalId: 'obj', time: now - 2 * DAY, confidence: 'on_track', deletedAt: null },
    ];
    const r = evaluateAll({
      goals: [
        goal({ id: 'obj', kind: 'objective', ...created }),
        goal({ id: 'kr', kind: 'key_result', parentId: 'obj', ...created }),
        goal({ id: 'lonely', kind: 'key_result', ...created }),
      ],
      metrics: [],
      rollups: [],
      checkIns,
      settings,
      now,
    });
    expect(r.alerts.map((a) => a.id)).toEqual(['no_check_in:goal:lonely:never']);
  });
});

describe('value windows', () => {
  it('sums a cumulative goal over its own window, ending at its deadline', () => {
    const r = evaluateAll({
      goals: [
        goal({
          id: 'q1',
          kind: 'milestone',
          metricId: 'revenue',
          measure: 'cumulative',
          target: 500,
          startAt: Date.UTC(2025, 0, 1),
          // "End of March" in UTC is 1 April 06:59 in Hà Nội: 1 April must not count.
          deadline: Date.UTC(2025, 3, 1) - 1,
          doneAt: Date.UTC(2025, 2, 30),
        }),
      ],
      metrics: [metric({ id: 'revenue' })],
      rollups: daily('revenue', '2024-06-01', () => 10),
      checkIns: [],
      settings,
      now,
    });
    expect(r.perGoal.get('q1')?.current).toBe(900);
  });

  it('reads a level goal at its deadline once its window is over', () => {
    const r = evaluateAll({
      goals: [
        goal({
          id: 'stock',
          metricId: 'customers',
          measure: 'latest',
          baseline: 100,
          target: 1000,
          startAt: at('2025-01-01'),
          deadline: at('2025-04-01'),
        }),
      ],
      metrics: [metric({ id: 'customers', aggregation: 'last' })],
      rollups: daily('customers', '2025-01-01', (i) => 100 + i),
      checkIns: [],
      settings,
      now,
    });
    // 31 March is day 89 of the series.
    expect(r.perGoal.get('stock')?.current).toBe(189);
  });
});

describe('mostSevere', () => {
  it('keeps the most severe alert, the first on a tie', () => {
    const g = goal({ id: 'g' });
    const w1 = conversionBelowTargetAlert(g, 1, 2, 'up', 'a');
    const w2 = conversionBelowTargetAlert(g, 1, 2, 'up', 'b');
    const crit = w1 && { ...w1, id: 'x', severity: 'critical' as const };
    expect(mostSevere([null, w1, w2])?.period).toBe('a');
    expect(mostSevere([w1, crit, w2])?.id).toBe('x');
    expect(mostSevere([null, null])).toBeNull();
  });
});
