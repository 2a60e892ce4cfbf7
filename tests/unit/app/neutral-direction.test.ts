import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeTone } from '../../../lib/app/change-tone';
import { emptyGoalForm, formToGoal, type GoalFormState, smartHints } from '../../../lib/app/goal-form';
import { growthRows } from '../../../lib/app/growth-rows';
import { pinGoalWays } from '../../../lib/app/metric-direction';
import { createSeriesReader } from '../../../lib/app/period-series';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { goalDirection, goalTypeOf, keepSideOf } from '../../../lib/engine/goal-type';
import { instantiateTemplate, kpiTemplate } from '../../../lib/engine/kpi-pack';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { type DayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { buildExampleMetrics } from '../../../lib/example/example-metrics';
import { createTranslator } from '../../../lib/i18n/translate';
import { Direction, defaultSettings, Goal, type Locale, Metric } from '../../../lib/schema';
import { goal, metric } from '../engine/fixtures';

/**
 * Ad spend is an input: less of it at the same ROAS is less revenue, so a cut is not "better" (a
 * marketer's review: the growth table coloured a spend cut green). A KPI can be neutral, its changes
 * are never judged, and a goal on it says which way it moves it.
 */
const tz = 'Asia/Ho_Chi_Minh';
const at = (day: string) => startOfLocalDay(day as DayKey, tz) + 10 * 3_600_000;
const today = '2026-12-07' as DayKey;

describe('a neutral KPI in the data model', () => {
  it('the pack’s ad spend and the example’s marketing spend are neutral; what spend buys keeps its direction', () => {
    expect(kpiTemplate('ad_spend')?.metric?.direction).toBe('neutral');
    expect(kpiTemplate('cost_per_mql')?.metric?.direction).toBe('down');
    expect(kpiTemplate('cost_per_lead')?.metric?.direction).toBe('down');
    expect(kpiTemplate('cac')?.metric?.direction).toBe('down');
    expect(kpiTemplate('roas')?.metric?.direction).toBe('up');
    const example = new Map(buildExampleMetrics(0, 0).map((m) => [m.id, m.direction]));
    expect(example.get('ex-ad-spend')).toBe('neutral');
    expect(example.get('ex-cost-per-mql')).toBe('down');
    expect(example.get('ex-cac')).toBe('down');
  });

  it('is validated by the schema, and records from before it load unchanged', () => {
    expect(Direction.options).toEqual(['up', 'down', 'neutral']);
    expect(Metric.safeParse(metric({ id: 'spend', direction: 'neutral' })).success).toBe(true);
    expect(Metric.safeParse({ ...metric({ id: 'spend' }), direction: 'sideways' }).success).toBe(false);
    // A v3 record: a 'down' spend KPI and a goal on it with no way of its own.
    const oldMetric = { ...metric({ id: 'spend', direction: 'down' }) };
    const oldGoal = goal({ id: 'g', metricId: 'spend', goalType: 'level', target: 5 });
    expect(Metric.parse(oldMetric)).toEqual(oldMetric);
    expect(Goal.parse(oldGoal)).toEqual(oldGoal);
    expect(goalDirection(oldGoal, oldMetric)).toBe('down');
    // A goal's own way is up or down, never neutral.
    expect(Goal.safeParse({ ...oldGoal, direction: 'neutral' }).success).toBe(false);
  });
});

describe('changeTone', () => {
  it('never judges a neutral KPI’s change, whatever its size or sign (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ min: 0, max: 1, noNaN: true }), (delta, flat) => {
        const tone = changeTone('neutral', delta, flat);
        expect(tone === 'neutral' || tone === 'flat').toBe(true);
      }),
    );
  });

  it('judges up and down KPIs by their direction, and a rounding-size change as flat (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (delta) => {
        const flat = 0.005;
        if (Math.abs(delta) < flat) {
          for (const d of Direction.options) expect(changeTone(d, delta, flat)).toBe('flat');
          return;
        }
        expect(changeTone('up', delta, flat)).toBe(delta > 0 ? 'better' : 'worse');
        expect(changeTone('down', delta, flat)).toBe(delta < 0 ? 'better' : 'worse');
        expect(changeTone('neutral', delta, flat)).toBe('neutral');
      }),
    );
  });
});

describe('the growth table with the pack’s ad spend', () => {
  // A marketer adds "Cost per MQL": it brings Ad spend and MQLs. Facebook spend falls from ₫100M (Oct)
  // to ₫80M (Nov) for the same 100 MQLs, so cost per MQL falls from ₫1M to ₫800K.
  let n = 0;
  const created = instantiateTemplate('cost_per_mql', [], 0, () => `m${++n}`);
  const id = (t: string) => created.find((m) => m.templateId === t)?.id ?? '';
  const rollups = [
    ...rollupFromPoints(
      id('ad_spend'),
      [
        { time: at('2026-10-10'), value: 100_000_000, dims: { channel: 'facebook' } },
        { time: at('2026-11-10'), value: 80_000_000, dims: { channel: 'facebook' } },
      ],
      tz,
    ),
    ...rollupFromPoints(
      id('mqls'),
      [
        { time: at('2026-10-10'), value: 100, dims: { channel: 'facebook' } },
        { time: at('2026-11-10'), value: 100, dims: { channel: 'facebook' } },
      ],
      tz,
    ),
  ];
  const rowsIn = (locale: Locale) => {
    const settings = defaultSettings({ locale, timeZone: tz });
    const ctx = { t: createTranslator(locale), settings, now: at(today) };
    return growthRows(created, createSeriesReader(created, rollups, settings), today, settings, ctx, rollups);
  };

  it('shows a spend cut with its sign and number, neither better nor worse; cost per MQL’s fall is better', () => {
    for (const locale of ['en', 'vi'] as const) {
      const rows = rowsIn(locale);
      const spend = rows.find((r) => r.metricId === id('ad_spend') && r.key === 'facebook');
      const cpl = rows.find((r) => r.metricId === id('cost_per_mql') && r.key === 'facebook');
      expect(spend).toMatchObject({ change: '-20%', changeDirection: 'neutral' });
      expect(cpl).toMatchObject({ change: '-20%', changeDirection: 'better' });
    }
    expect(rowsIn('en').find((r) => r.metricId === id('ad_spend'))?.value).toBe('₫80M');
    // One scale per row: under a million, written whole (docs/figures.md, Growth table).
    expect(rowsIn('vi').find((r) => r.metricId === id('cost_per_mql'))?.value).toMatch(/^800\.000\s₫$/);
  });
});

describe('goals on a neutral KPI', () => {
  const spend = metric({
    id: 'spend',
    direction: 'neutral',
    unit: { kind: 'currency', currency: 'VND' },
    aggregation: 'sum',
  });

  it('take their way from the goal: side, stored direction, target against baseline, else up', () => {
    expect(goalDirection({ keepSide: 'at_most' }, spend)).toBe('down');
    expect(goalDirection({ keepSide: 'at_least', direction: 'down' }, spend)).toBe('up');
    expect(goalDirection({ direction: 'down', baseline: 1, target: 9 }, spend)).toBe('down');
    expect(goalDirection({ baseline: 200, target: 150 }, spend)).toBe('down');
    expect(goalDirection({ baseline: 150, target: 200 }, spend)).toBe('up');
    expect(goalDirection({ target: 150 }, spend)).toBe('up');
    expect(keepSideOf({ direction: 'down' }, spend)).toBe('at_most');
    // A stored way goes nowhere while the KPI has a direction of its own.
    fc.assert(
      fc.property(
        fc.constantFrom('up' as const, 'down' as const),
        fc.record({
          direction: fc.option(fc.constantFrom('up' as const, 'down' as const), { nil: undefined }),
          baseline: fc.option(fc.double({ noNaN: true }), { nil: undefined }),
          target: fc.option(fc.double({ noNaN: true }), { nil: undefined }),
        }),
        (d, g) => {
          expect(goalDirection(g, { direction: d })).toBe(d);
          expect(keepSideOf(g, { direction: d })).toBe(d === 'down' ? 'at_most' : 'at_least');
        },
      ),
    );
  });

  it('a level cut from ₫200M to ₫150M a month reads downwards: ₫160M is 80% of the way, not reached', () => {
    const day = (d: string) => startOfLocalDay(d as DayKey, tz);
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    const values = [200, 195, 185, 170, 160].map((m) => m * 1_000_000);
    const r = evaluateAll({
      goals: [
        goal({
          id: 'cut',
          metricId: 'spend',
          goalType: 'level',
          direction: 'down',
          baseline: 200_000_000,
          target: 150_000_000,
          startAt: day('2026-07-01'),
          deadline: day('2027-01-01') - 1,
        }),
      ],
      metrics: [{ ...spend, aggregation: 'average' }],
      rollups: rollupFromPoints(
        'spend',
        months.map((m, i) => ({ time: day(`${m}-15`), value: values[i]! })),
        tz,
      ),
      checkIns: [],
      settings: defaultSettings({ timeZone: tz }),
      now: day('2026-12-07') + 10 * 3_600_000,
      forecastPaths: 20,
    });
    const cut = r.perGoal.get('cut');
    expect(cut?.current).toBe(160_000_000);
    expect(cut?.progress).toBeCloseTo(0.8, 9);
    expect(cut?.decidedBy).not.toBe('target_reached');
  });

  const form = (over: Partial<GoalFormState>): GoalFormState => ({
    ...emptyGoalForm({ currency: 'VND' }),
    title: 'Ad spend',
    metricId: 'spend',
    start: '2026-07-01',
    deadline: '2026-12-31',
    ...over,
  });
  const ctx = { locale: 'en' as const, timeZone: tz, now: at(today), newId: () => 'g1', metric: spend };

  it('the goal form stores the way chosen, or the one the target and baseline give', () => {
    const chosen = formToGoal(form({ goalType: 'level', target: '150tr', direction: 'down' }), {
      ...ctx,
      locale: 'vi',
    });
    expect(chosen.ok && chosen.goal.direction).toBe('down');
    const fromBaseline = formToGoal(
      form({ goalType: 'level', baseline: '200000000', target: '150000000' }),
      ctx,
    );
    expect(fromBaseline.ok && fromBaseline.goal.direction).toBe('down');
    // A total with its way chosen.
    const total = formToGoal(form({ goalType: 'total', target: '2000000000', direction: 'up' }), ctx);
    expect(total.ok && total.goal.direction).toBe('up');
  });

  it('saves a total taken down as a budget cap; a baseline above the cap is no budget', () => {
    // "At most ₫500M on ads this half-year": a budget cap (lib/engine/goal-types/budget-total.ts).
    const cap = formToGoal(form({ goalType: 'total', target: '500000000', direction: 'down' }), ctx);
    expect(cap.ok && cap.goal).toMatchObject({ goalType: 'total', direction: 'down', target: 500_000_000 });
    // From ₫800M down to ₫500M is a figure to bring down, not a budget: already over it at the start.
    const down = formToGoal(form({ goalType: 'total', baseline: '800000000', target: '500000000' }), ctx);
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.errors.baseline).toEqual({ key: 'editor.goal.capBaseline' });
    // A budget not to pass each month, as a level kept at or below it, is fine too.
    const kept = formToGoal(form({ goalType: 'keep', keepSide: 'at_most', target: '500000000' }), ctx);
    expect(kept.ok).toBe(true);
  });

  it('asks a total its way too: "Cut ad spend to ₫500M" on the defaults is not a total to reach', () => {
    // A reviewer's goal, saved on the form's defaults: the auto type read the summed KPI as a total
    // and took it upwards, and the card said "over 200% of target · target reached".
    for (const f of [form({ target: '500000000' }), form({ goalType: 'total', target: '500000000' })]) {
      const r = formToGoal(f, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.direction).toEqual({ key: 'editor.goal.neutralDirection' });
    }
  });

  it('asks when nothing tells the way, and asks a keep goal for its side', () => {
    const level = formToGoal(form({ goalType: 'level', target: '150000000' }), ctx);
    expect(level.ok).toBe(false);
    if (!level.ok) expect(level.errors.direction).toEqual({ key: 'editor.goal.neutralDirection' });
    const keep = formToGoal(form({ goalType: 'keep', target: '150000000' }), ctx);
    expect(keep.ok).toBe(false);
    if (!keep.ok) expect(keep.errors.keepSide).toEqual({ key: 'editor.goal.neutralSide' });
    const held = formToGoal(form({ goalType: 'keep', keepSide: 'at_most', target: '150000000' }), ctx);
    expect(held.ok && [held.goal.keepSide, held.goal.direction]).toEqual(['at_most', undefined]);
    // Inferred as keep (target = baseline on a non-summed KPI) without a side: the type field asks.
    const inferred = formToGoal(form({ baseline: '5', target: '5' }), {
      ...ctx,
      metric: { ...spend, aggregation: 'average' },
    });
    expect(inferred.ok).toBe(false);
    if (!inferred.ok) expect(inferred.errors.goalType).toEqual({ key: 'editor.goal.neutralKeepType' });
  });

  it('a KPI with a direction ignores the form’s way and stores none', () => {
    const r = formToGoal(form({ goalType: 'level', target: '150000000', direction: 'down' }), {
      ...ctx,
      metric: { ...spend, direction: 'up' },
    });
    expect(r.ok && r.goal.direction).toBe(undefined);
  });

  it('the SMART check has no wrong side on a neutral KPI, unless the goal’s own way says so (en, vi)', () => {
    const codes = (over: Partial<GoalFormState>) =>
      smartHints(form({ goalType: 'level', owner: 'Lan', ...over }), ctx).map((i) => i.code);
    expect(codes({ baseline: '200', target: '150' })).not.toContain('target_wrong_side');
    expect(codes({ baseline: '150', target: '200' })).not.toContain('target_wrong_side');
    const wrong = smartHints(
      form({ goalType: 'level', baseline: '150', target: '200', direction: 'down' }),
      ctx,
    );
    const issue = wrong.find((i) => i.code === 'target_wrong_side');
    expect(issue?.message.en).toBe(
      'The target 200 is on the wrong side of the baseline 150 for a goal that lowers this metric.',
    );
    expect(issue?.message.vi).toBe(
      'Mục tiêu 200 nằm sai phía so với giá trị ban đầu 150, trong khi mục tiêu này nhằm giảm chỉ số.',
    );
  });

  it('a KPI made neutral pins every goal’s old way on it, so none reads differently', () => {
    const before = { ...spend, direction: 'down' as const, aggregation: 'average' as const };
    const goals = [
      goal({ id: 'lvl', metricId: 'spend', goalType: 'level', target: 150 }),
      goal({ id: 'keep', metricId: 'spend', baseline: 150, target: 150 }),
      goal({ id: 'set', metricId: 'spend', goalType: 'keep', keepSide: 'at_least', target: 10 }),
      goal({ id: 'other', metricId: 'leads', goalType: 'level', target: 5 }),
      goal({ id: 'gone', metricId: 'spend', goalType: 'level', target: 9, deletedAt: 5 }),
    ];
    const pinned = pinGoalWays(goals, before, 'neutral', 77);
    expect(pinned.map((g) => [g.id, g.goalType, g.direction, g.keepSide, g.updatedAt])).toEqual([
      ['lvl', 'level', 'down', undefined, 77],
      ['keep', 'keep', undefined, 'at_most', 77],
      ['gone', 'level', 'down', undefined, 77],
    ]);
    const after = { ...before, direction: 'neutral' as const };
    for (const g of goals.filter((g) => g.metricId === 'spend')) {
      const now = pinned.find((p) => p.id === g.id) ?? g;
      expect(goalTypeOf(now, after)).toBe(goalTypeOf(g, before));
      // A keep goal is read by its side; any other by its way.
      if (goalTypeOf(g, before) === 'keep') expect(keepSideOf(now, after)).toBe(keepSideOf(g, before));
      else expect(goalDirection(now, after)).toBe(goalDirection(g, before));
    }
    for (const p of pinned) expect(Goal.safeParse(p).success).toBe(true);
    // Nothing to pin when the KPI stays directed, or already was neutral.
    expect(pinGoalWays(goals, before, 'up', 77)).toEqual([]);
    expect(pinGoalWays(goals, after, 'neutral', 77)).toEqual([]);
  });
});
