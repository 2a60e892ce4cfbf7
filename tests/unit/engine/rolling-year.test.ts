import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateBeforeStart } from '../../../components/newtab/editor/cascade-plan';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { buildGoalView } from '../../../lib/app/goal-views';
import { forecastLine } from '../../../lib/app/reading-text';
import { rollingMonthsText } from '../../../lib/app/rolling-figure-text';
import { evaluateAll, type GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { simulatePaths } from '../../../lib/engine/forecast';
import {
  forecastRollingBand,
  forecastRollingHit,
  simulateRollingSums,
} from '../../../lib/engine/forecast-rolling';
import { basisOptions } from '../../../lib/engine/goal-types/shared';
import { monthsBefore, rollingFigure } from '../../../lib/engine/rolling-months';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Goal } from '../../../lib/schema';
import { exampleViews } from '../example/example-views';
import { goal, metric } from './fixtures';

/**
 * A goal read as a rolling sum — "₫150B annual revenue", the sum of the last 12 complete months
 * (docs/figures.md § Reach a level): its baseline is one figure with one rule, shared with the cascade
 * wizard (rolling-months.ts), and it is forecast from its months, not from its few 12-month sums
 * (forecast-rolling.ts).
 */

const tz = 'Asia/Ho_Chi_Minh';
const cal = { timeZone: tz, weekStart: 1 as const, fiscalYearStartMonth: 1 };
const at = (day: string) => startOfLocalDay(day, tz);
const B = 1e9;
const revenue = metric({ id: 'rev', unit: { kind: 'currency', currency: 'VND' } });

/** One point on the 1st of each month from `from` (a month start), `values` in order: a month's close. */
function monthly(from: string, values: readonly number[]) {
  const pts = values.map((value, i) => ({
    time: at(monthsBefore(from, -i)) + 9 * 3_600_000,
    value,
    dims: {},
  }));
  return rollupFromPoints('rev', pts, tz);
}

function annual(over: Partial<Goal> = {}): Goal {
  return goal({
    id: 'g',
    kind: 'bhag',
    goalType: 'level',
    rollingMonths: 12,
    metricId: 'rev',
    target: 150 * B,
    startAt: at('2026-01-01'),
    deadline: at('2029-01-01') - 1,
    ...over,
  });
}

function evaluate(goals: Goal[], rollups: ReturnType<typeof monthly>, now: number, paths = 100) {
  const settings = defaultSettings({ timeZone: tz });
  const res = evaluateAll({
    goals,
    metrics: [revenue],
    rollups,
    checkIns: [],
    settings,
    now,
    forecastPaths: paths,
  });
  return { res, settings, ev: (id: string) => res.perGoal.get(id) as GoalEvaluation };
}

describe('rollingFigure: the months before the window, annualised when fewer', () => {
  const rollups = monthly(
    '2025-07-01',
    [3, 3, 3, 3, 4, 4, 3, 3, 3, 3, 4, 4, 5, 5, 5, 5, 5].map((x) => x * B),
  );

  it('six months before a January window: their sum × 2, labelled with the months (en, vi)', () => {
    const fig = rollingFigure(rollups, 12, '2026-01-01', '2026-12-01', cal);
    expect(fig).toEqual({
      value: 40 * B,
      from: '2025-07-01',
      to: '2025-12-01',
      months: 6,
      n: 12,
      scaled: true,
    });
    if (!fig) throw new Error('no figure');
    expect(rollingMonthsText(fig, createTranslator('en'))).toBe('Jul–Dec 2025 annualised');
    expect(rollingMonthsText(fig, createTranslator('vi'))).toBe('tháng 7–12/2025 quy ra một năm');
  });

  it('twelve months on record: their plain sum, "12 months to …"', () => {
    const fig = rollingFigure(rollups, 12, '2026-07-01', '2026-12-01', cal);
    expect(fig).toMatchObject({ value: 40 * B, from: '2025-07-01', to: '2026-06-01', scaled: false });
    if (!fig) throw new Error('no figure');
    expect(rollingMonthsText(fig, createTranslator('en'))).toBe('12 months to Jun 2026');
    expect(rollingMonthsText(fig, createTranslator('vi'))).toBe('12 tháng tính đến tháng 6/2026');
  });

  it('never counts the running month; with nothing before the window, the first months on record', () => {
    // A window opening in January 2027, read on Dec 7, 2026: the 12 months to November.
    expect(rollingFigure(rollups, 12, '2027-01-01', '2026-12-01', cal)).toMatchObject({
      from: '2025-12-01',
      to: '2026-11-01',
      scaled: false,
    });
    // Data starting after the window opened: its first 12 complete months stand in.
    expect(rollingFigure(rollups, 12, '2025-01-01', '2026-12-01', cal)).toMatchObject({
      value: 40 * B,
      from: '2025-07-01',
      to: '2026-06-01',
    });
    // A 3-month rolling sum scaled from 2 months says so.
    const fig = rollingFigure(rollups, 3, '2025-09-01', '2026-12-01', cal);
    expect(fig).toMatchObject({ value: 9 * B, months: 2, scaled: true });
    if (!fig) throw new Error('no figure');
    expect(rollingMonthsText(fig, createTranslator('en'))).toBe('Jul–Aug 2025 scaled to 3 months');
    expect(rollingFigure([], 12, '2026-01-01', '2026-12-01', cal)).toBeNull();
  });
});

describe('the card’s baseline is the cascade wizard’s yearly figure', () => {
  const NOW = Date.UTC(2026, 11, 7, 5);

  it('the example BHAG: "from ₫34.1B a year (Jul–Dec 2025 annualised)", the wizard’s figure, never the 12 months to Jun 2026', () => {
    for (const locale of ['en', 'vi'] as const) {
      const v = exampleViews(NOW, tz, locale).find((x) => x.goal.id === 'ex-goal-bhag');
      if (!v) throw new Error('no BHAG');
      const metricOf = v.input.metrics.find((m) => m.id === v.goal.metricId);
      const wizard = rateBeforeStart(v.input.rollups, v.goal as never, metricOf, v.settings, NOW);
      expect(v.ev.baseline).toBe(wizard?.rate);
      expect(wizard?.figure).toMatchObject({ from: '2025-07-01', to: '2025-12-01', months: 6 });
      expect(v.view.progressText.replace(/\s/g, ' ')).toBe(
        locale === 'en'
          ? '8.8% of the way from ₫34.1B a year (Jul–Dec 2025 annualised)'
          : 'Đạt 8,8% chặng đường từ mức 34,1 tỷ ₫ mỗi năm (tháng 7–12/2025 quy ra một năm)',
      );
    }
  });

  it('a baseline the goal sets is its own, unlabelled', () => {
    const rollups = monthly('2025-01-01', new Array(23).fill(3 * B));
    const now = at('2026-12-07') + 5 * 3_600_000;
    const { ev, settings } = evaluate([annual({ baseline: 30 * B })], rollups, now);
    expect(ev('g').baseline).toBe(30 * B);
    expect(ev('g').baselineFigure).toBeUndefined();
    const view = buildGoalView(annual({ baseline: 30 * B }), ev('g'), revenue, [], {
      t: createTranslator('en'),
      settings,
      now,
    });
    // 12 months of ₫3B = ₫36B: (36 − 30) ÷ (150 − 30).
    expect(view.progressText).toBe('5% of the way from ₫30B');
  });

  it('for any history and window: the card’s baseline and its months are the wizard’s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 8 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 9_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 28 }),
        (dataFrom, windowFrom, amounts, dayOfMonth) => {
          // Data from a month around the window's opening; the window opens between Jan 2025 and Jul 2027.
          const start = monthsBefore('2025-01-01', -windowFrom);
          const first = monthsBefore(start, -dataFrom);
          const rollups = monthly(
            first,
            amounts.map((a) => a * 1e6),
          );
          const now = at(`2026-12-${String(dayOfMonth).padStart(2, '0')}`) + 3 * 3_600_000;
          const g = annual({ startAt: at(start), deadline: at(monthsBefore(start, -36)) - 1 });
          const { ev, settings } = evaluate([g], rollups, now, 10);
          const card = ev('g');
          const wizard = rateBeforeStart(rollups, g as never, revenue, settings, now);
          if (!wizard) return;
          expect(card.baseline).toBe(wizard.rate);
          expect(card.baselineFigure).toEqual(wizard.figure);
          const view = buildGoalView(g, card, revenue, [], { t: createTranslator('en'), settings, now });
          if (card.current !== null && wizard.figure && card.decidedBy !== 'not_started')
            expect(view.progressText).toContain(
              `(${rollingMonthsText(wizard.figure, createTranslator('en'))})`,
            );
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('a rolling sum is forecast from its months', () => {
  it('the example BHAG: 17 months of revenue give a forecast, never "6 so far"', () => {
    const v = exampleViews(Date.UTC(2026, 11, 7, 5), tz, 'en').find((x) => x.goal.id === 'ex-goal-bhag');
    if (!v) throw new Error('no BHAG');
    expect(v.ev.forecastBasis?.history.length).toBe(17);
    expect(v.ev.forecastBasis?.rolling?.months).toBe(12);
    expect(v.ev.forecast?.probabilityByDeadline).not.toBeNull();
    expect(v.ev.forecast?.rough).toBeUndefined();
    expect(v.view.forecast ?? '').not.toMatch(/Forecast after/);
  });

  it('waits for 8 months, not 8 sums: a 3-month sum with 7 months says "7 so far"', () => {
    const rollups = monthly(
      '2026-05-01',
      [1, 2, 3, 4, 5, 6, 7].map((x) => x * B),
    );
    const now = at('2026-12-07');
    const g = annual({ rollingMonths: 3, startAt: at('2026-06-01'), target: 40 * B });
    const { ev, settings } = evaluate([g], rollups, now);
    expect(ev('g').current).toBe(18 * B);
    expect(ev('g').forecast).toBeNull();
    expect(forecastLine(g, ev('g'), { t: createTranslator('en'), settings, now })).toBe(
      'Forecast after 8 complete months of data (7 so far)',
    );
    expect(forecastLine(g, ev('g'), { t: createTranslator('vi'), settings, now })).toBe(
      'Có dự báo khi đủ 8 tháng dữ liệu (hiện có 7)',
    );
  });

  it('revenue growing 4% a month reaches ₫60B a year within the window; flat revenue most likely never', () => {
    const grow = monthly(
      '2025-07-01',
      Array.from({ length: 17 }, (_, i) => 3 * B * 1.04 ** i),
    );
    const now = at('2026-12-07');
    const g = annual({ target: 60 * B, deadline: at('2028-01-01') - 1 });
    const up = evaluate([g], grow, now, 400).ev('g');
    // 12 months to Nov 2026 ≈ ₫54B; at 4% a month the sum passes ₫60B around Mar 2027.
    expect(up.current).toBeGreaterThan(50 * B);
    expect(up.forecast?.probabilityByDeadline ?? 0).toBeGreaterThan(0.7);
    expect(up.forecast?.p50 ?? Number.POSITIVE_INFINITY).toBeLessThan(at('2027-09-01'));
    const flat = evaluate([g], monthly('2025-07-01', new Array(17).fill(3 * B)), now, 400).ev('g');
    expect(flat.forecast?.probabilityByDeadline ?? 1).toBeLessThan(0.3);
  });

  it('the detail chart’s band is the card’s: rolling sums of the same futures, never one month’s revenue', () => {
    const rollups = monthly(
      '2025-07-01',
      Array.from({ length: 17 }, (_, i) => 3 * B * 1.02 ** i + (i % 3) * 0.1 * B),
    );
    const now = at('2026-12-07');
    const g = annual({ target: 80 * B });
    const { ev, settings } = evaluate([g], rollups, now, 200);
    const e = ev('g');
    const basis = e.forecastBasis;
    if (!basis?.rolling || e.current === null) throw new Error('no rolling forecast');
    const chart = buildChart(g, { metrics: [revenue], rollups }, settings, now, e);
    if (!chart) throw new Error('no chart');
    const last = chart.actual.findLastIndex((x) => x !== null);
    expect(chart.actual[last]).toBe(e.current);
    const band = forecastRollingBand(
      { history: basis.history, tail: basis.rolling.tail, n: basis.rolling.months, ...basisOptions(basis) },
      3,
    );
    // The point after the card's (November) is December: the band's first step.
    // (The chart simulates its own horizon, so its draws differ: the same model, within 1%.)
    expect(Math.abs((chart.mid[last + 1] ?? 0) / (band.p50[0] ?? 1) - 1)).toBeLessThan(0.01);
    for (const x of chart.mid.slice(last + 1)) if (x !== null) expect(x).toBeGreaterThan(e.current * 0.8);
  });

  it('along every simulated future, the sum is of the last n months of the record and the future', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 8, maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 1e6 }),
        (history, n, steps, seed) => {
          const tail = history.slice(-(n - 1)).slice(0, n - 1);
          if (tail.length < n - 1) return;
          const opts = { seed, paths: 20, seasonPeriod: 12 };
          const sums = simulateRollingSums({ history, tail: n === 1 ? [] : tail, n, ...opts }, steps);
          const paths = simulatePaths(history, steps, opts);
          expect(sums.length).toBe(paths.length);
          paths.forEach((path, p) => {
            const all = [...(n === 1 ? [] : tail), ...path];
            for (let k = 0; k < steps; k++) {
              const end = (n === 1 ? 0 : tail.length) + k + 1;
              const want = all.slice(end - n, end).reduce((a, v) => a + v, 0);
              expect(sums[p]?.[k]).toBeCloseTo(want, 6);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a higher target is never more likely by the deadline', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 8, maxLength: 24 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (history, scale, more) => {
          const tail = history.slice(-11);
          const current = tail.reduce((a, v) => a + v, 0) + (history.at(-12) ?? history[0] ?? 0);
          const now = at('2026-12-07');
          const stepEnds = Array.from({ length: 30 }, (_, k) => at(monthsBefore('2027-01-01', -k)));
          const args = {
            history,
            tail,
            n: 12,
            current,
            sign: 1 as const,
            now,
            stepEnds,
            deadline: at('2028-01-01') - 1,
            seed: 7,
            paths: 60,
            seasonPeriod: 12,
          };
          const low = forecastRollingHit({ ...args, target: current * scale + 1 });
          const high = forecastRollingHit({ ...args, target: (current * scale + 1) * (1 + more) });
          expect(high.probabilityByDeadline ?? 0).toBeLessThanOrEqual(
            (low.probabilityByDeadline ?? 0) + 1e-12,
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
