import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { quantile } from '../../../lib/engine/forecast';
import { simulateRollingSums } from '../../../lib/engine/forecast-rolling';
import type { ForecastBasis } from '../../../lib/engine/goal-types/reading';
import { basisOptions } from '../../../lib/engine/goal-types/shared';
import { milestonePlan, plannedLevel } from '../../../lib/engine/milestone-plan';
import { computePace } from '../../../lib/engine/pace';
import { exampleViews } from '../example/example-views';
import { goal, metric } from './fixtures';

/**
 * A level goal's pace follows the plan its own milestones set for the same figure
 * (docs/figures.md § Reach a level): the BHAG "₫150B a year by 2028" with "2026: ₫43.6B" is judged
 * against ₫43.6B at the end of 2026, not a straight line from ₫37B to ₫150B.
 */
const TZ = 'Asia/Ho_Chi_Minh';
const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 7 * 3_600_000; // local midnight
const revenue = metric({ id: 'rev', aggregation: 'sum', unit: { kind: 'currency', currency: 'VND' } });
const bhag = goal({
  id: 'bhag',
  kind: 'bhag',
  goalType: 'level',
  metricId: 'rev',
  rollingMonths: 12,
  baseline: 37,
  target: 150,
  startAt: at(2026, 1, 1),
  deadline: at(2029, 1, 1) - 1,
});
const milestone = (id: string, from: number, to: number, target: number, extra = {}) =>
  goal({
    id,
    kind: 'milestone',
    goalType: 'milestone',
    parentId: 'bhag',
    metricId: 'rev',
    startAt: from,
    deadline: to - 1,
    target,
    ...extra,
  });

describe('milestonePlan: which milestones set the line', () => {
  const y2026 = milestone('y2026', at(2026, 1, 1), at(2027, 1, 1), 43.6);
  const y2027 = milestone('y2027', at(2027, 1, 1), at(2028, 1, 1), 97);
  const y2028 = milestone('y2028', at(2028, 1, 1), at(2029, 1, 1), 150);
  const q1 = milestone('q1', at(2026, 1, 1), at(2026, 4, 1), 9.5);

  it('a rolling year: the year milestones before the deadline, not quarters, not the last year', () => {
    expect(milestonePlan(bhag, [y2027, q1, y2026, y2028], revenue, TZ)).toEqual([
      { at: at(2027, 1, 1) - 1, value: 43.6 },
      { at: at(2028, 1, 1) - 1, value: 97 },
    ]);
  });

  it('leaves out other metrics, other dimensions, other parents and milestones outside the window', () => {
    const others = [
      milestone('m', at(2026, 1, 1), at(2027, 1, 1), 40, { metricId: 'other' }),
      milestone('d', at(2026, 1, 1), at(2027, 1, 1), 40, { dims: { channel: 'zalo' } }),
      milestone('p', at(2026, 1, 1), at(2027, 1, 1), 40, { parentId: 'someone-else' }),
      milestone('early', at(2025, 1, 1), at(2026, 1, 1), 40),
      milestone('no-target', at(2026, 1, 1), at(2027, 1, 1), 40, { target: undefined }),
      goal({
        id: 'kpi',
        parentId: 'bhag',
        metricId: 'rev',
        target: 40,
        startAt: at(2026, 1, 1),
        deadline: at(2027, 1, 1) - 1,
      }),
    ];
    expect(milestonePlan(bhag, others, revenue, TZ)).toEqual([]);
  });

  it('a level on a metric that is not summed takes its level milestones; a plain total takes none', () => {
    const rate = metric({ id: 'rev', aggregation: 'average', unit: { kind: 'percent' } });
    const conversion = { ...bhag, rollingMonths: undefined, baseline: 10, target: 15 };
    const sep = milestone('sep', at(2026, 7, 1), at(2026, 10, 1), 12);
    expect(milestonePlan(conversion, [sep], rate, TZ)).toEqual([{ at: at(2026, 10, 1) - 1, value: 12 }]);
    expect(milestonePlan({ ...bhag, rollingMonths: undefined }, [y2026], revenue, TZ)).toEqual([]);
  });
});

describe('plannedLevel: straight lines through the plan', () => {
  it('passes through every point and stays between its neighbours', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 0, maxLength: 5 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: -100, max: 1100 }),
        (times, values, t) => {
          const sorted = [...times].sort((a, b) => a - b);
          const plan = sorted.map((x, i) => ({ at: x, value: values[i] as number }));
          const baseline = values[5] as number;
          const target = values[6] as number;
          for (const p of plan)
            expect(plannedLevel(plan, 0, 1000, baseline, target, p.at)).toBeCloseTo(p.value, 9);
          const points = [{ at: 0, value: baseline }, ...plan, { at: 1000, value: target }];
          const v = plannedLevel(plan, 0, 1000, baseline, target, t);
          if (t <= 0) expect(v).toBe(baseline);
          else if (t >= 1000) expect(v).toBe(target);
          else {
            const i = points.findIndex((p) => p.at >= t);
            const lo = Math.min(points[i - 1]!.value, points[i]!.value);
            const hi = Math.max(points[i - 1]!.value, points[i]!.value);
            expect(v).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(v).toBeLessThanOrEqual(hi + 1e-9);
          }
        },
      ),
    );
  });

  it('computePace reads the gap against the plan', () => {
    const plan = [{ at: 100, value: 43.6 }];
    const w = { startAt: 0, deadline: 300, timeZone: 'UTC', plan };
    const pace = computePace(w, 37, 150, 44.3, 100);
    expect(pace?.expected).toBeCloseTo(43.6, 9);
    expect(pace?.gap).toBeCloseTo(0.7, 9);
    // Without the plan, a third of the way along the straight line: far behind.
    expect(computePace({ ...w, plan: [] }, 37, 150, 44.3, 100)?.gap).toBeCloseTo(44.3 - (37 + 113 / 3), 9);
  });
});

describe('the example BHAG', () => {
  it('is judged against its year milestones: ahead of the 2026 plan; the chart draws that line and the rolling year', () => {
    const v = exampleViews(Date.UTC(2026, 11, 6, 2), TZ, 'en').find((x) => x.goal.id === 'ex-goal-bhag');
    expect(v?.ev.plan.map((p) => p.value)).toEqual([43.6e9, 97e9]);
    // Twelve months to November, against the plan at November's end: ahead of it.
    expect(v?.ev.pace?.gap).toBeGreaterThan(0);
    expect(v?.ev.pace?.asOf).toBe(Date.UTC(2026, 11, 1) - 7 * 3_600_000);
    // Its forecast, from 17 months of revenue (forecast-rolling.ts), gives ₫150B a year by 2028 a
    // small chance: the status is off track. The pace line says both, joined: ahead of the step it is
    // on, but the plan steps up to ₫97B in 2027 and the forecast's median there is far short of it —
    // never a bare "ahead" beside "Off track", nor a "Still ₫106B to go" that leaves the chart's line
    // above the plan unexplained (docs/figures.md, Rules shared by every type).
    expect(v?.ev.status).toBe('off_track');
    expect(v?.ev.decidedBy).toBe('forecast_very_unlikely');
    // (3% until the fourteenth round damped the slope error beyond 13 months ahead: a narrower far
    // band gives a target this far off a smaller chance.)
    expect(v?.view.reason).toMatch(/^[1-4]% chance by Dec 31, 2028$/);
    const sf = v?.ev.planShortfall;
    expect(sf).toMatchObject({ at: Date.UTC(2028, 0, 1) - 7 * 3_600_000 - 1, planned: 97e9, final: false });
    expect(sf?.forecast).toBeGreaterThan(50e9);
    expect(sf?.forecast).toBeLessThan(65e9);
    const median = `₫${((sf?.forecast ?? 0) / 1e9).toPrecision(3)}B`;
    expect(v?.view.pace).toBe(
      `Ahead of plan on Nov 30 (₫44.3B vs ₫42.8B), but the plan asks ₫97B by Dec 31, 2027; forecast there: ${median}`,
    );
    if (!v) throw new Error('no BHAG');
    const vi = exampleViews(Date.UTC(2026, 11, 6, 2), TZ, 'vi').find((x) => x.goal.id === 'ex-goal-bhag');
    // (Vietnamese amounts keep their unit on the line: non-breaking spaces, read here as spaces.)
    expect(vi?.view.pace?.replace(/\s/g, ' ')).toBe(
      `Vượt kế hoạch tính đến 30/11 (44,3 tỷ ₫ so với 42,8 tỷ ₫), nhưng kế hoạch cần đạt 97 tỷ ₫ vào 31/12/2027; dự báo khi đó: ${median.slice(1, -1).replace('.', ',')} tỷ ₫`,
    );
    const chart = buildChart(v.goal, v.input, v.settings, Date.UTC(2026, 11, 6, 2), v.ev);
    if (!chart) throw new Error('no chart');
    // The chart's line is the plan, named so; its median where the card names the step is the card's.
    expect(chart.planned).toBe(true);
    const dec2027 = chart.xs.findIndex((x) => x * 1000 === sf?.at);
    expect(chart.target[dec2027]).toBeCloseTo(97e9, -6);
    expect(chart.mid[dec2027]).toBe(sf?.forecast);
    expect(chart.low[dec2027]!).toBeLessThan(sf?.forecast ?? 0);
    expect(chart.high[dec2027]!).toBeGreaterThan(sf?.forecast ?? 0);
    // The point at the end of December 2026 is the 2026 milestone's ₫43.6B.
    const dec2026 = chart.xs.findIndex((x) => x * 1000 >= Date.UTC(2026, 11, 1) - 7 * 3_600_000);
    expect(chart.target[dec2026]).toBeCloseTo(43.6e9, -6);
    // Its actual line is the rolling year at every month, as the card reads it: no month's own
    // revenue (₫3–4B) beside the card's ₫44.3B.
    const last = chart.actual.findLastIndex((x) => x !== null);
    expect(chart.actual[last]).toBe(v.ev.current);
    // Jun–Nov 2026: the first full 12 months end in June (revenue on record from Jul 2025).
    const shown = chart.actual.filter((x): x is number => x !== null);
    expect(shown.length).toBe(6);
    for (const x of shown) expect(x).toBeGreaterThan(30e9);
    // Its band is of the same rolling sums, from the card's value on.
    expect(chart.mid[last]).toBe(v.ev.current);
    expect(chart.mid[last + 1] ?? 0).toBeGreaterThan(40e9);
  });
});

/**
 * The 10th / 50th / 90th percentiles of the card's own futures at each step (index 0: the running
 * month): its rolling sums simulated for the card's horizon (`steps`), as its chance was.
 */
function cardQuantiles(basis: ForecastBasis | null | undefined) {
  if (!basis?.rolling || !basis.steps) throw new Error('no rolling forecast');
  const sums = simulateRollingSums(
    { history: basis.history, tail: basis.rolling.tail, n: basis.rolling.months, ...basisOptions(basis) },
    basis.steps,
  );
  return Array.from({ length: basis.steps }, (_, k) => {
    const col = sums.map((path) => path[k] as number).sort((a, b) => a - b);
    return { p10: quantile(col, 0.1), p50: quantile(col, 0.5), p90: quantile(col, 0.9) };
  });
}

describe('the example BHAG: one forecast for its card and its chart', () => {
  const now = Date.UTC(2026, 11, 7, 2);
  const bhagOf = (locale: 'en' | 'vi', without: string[]) => {
    const v = exampleViews(now, TZ, locale, without).find((x) => x.goal.id === 'ex-goal-bhag');
    if (!v) throw new Error('no BHAG');
    const chart = buildChart(v.goal, v.input, v.settings, now, v.ev);
    if (!chart) throw new Error('no chart');
    return { v, chart };
  };

  /** Every future point of the chart is the card's futures' own quantiles there: no point patched. */
  const expectCardBand = (v: ReturnType<typeof bhagOf>['v'], chart: ReturnType<typeof bhagOf>['chart']) => {
    const q = cardQuantiles(v.ev.forecastBasis);
    const last = chart.actual.findLastIndex((x) => x !== null);
    let k = 0;
    for (let i = last + 1; i < chart.xs.length; i++, k++) {
      expect(chart.low[i]).toBeCloseTo(q[k]!.p10, -3);
      expect(chart.mid[i]).toBeCloseTo(q[k]!.p50, -3);
      expect(chart.high[i]).toBeCloseTo(q[k]!.p90, -3);
    }
    expect(k).toBeGreaterThan(20);
  };

  it.each(['en', 'vi'] as const)(
    'with its 2027 milestone (%s): the card names the 2027 step, the chart draws it',
    (locale) => {
      const { v, chart } = bhagOf(locale, []);
      const sf = v.ev.planShortfall;
      expect(sf).toMatchObject({ planned: 97e9, final: false });
      const i = chart.xs.findIndex((x) => x * 1000 === sf?.at);
      expect(chart.mid[i]).toBe(sf?.forecast);
      expectCardBand(v, chart);
    },
  );

  it.each(['en', 'vi'] as const)(
    "without it (%s): the card names the final target, and its chart's last point is its figure",
    (locale) => {
      const { v, chart } = bhagOf(locale, ['ex-goal-year-2027']);
      expect(v.ev.plan.map((p) => p.value)).toEqual([43.6e9]);
      const sf = v.ev.planShortfall;
      if (!sf) throw new Error('no shortfall');
      expect(sf).toMatchObject({ at: v.goal.deadline, planned: 150e9, final: true });
      const i = chart.xs.findIndex((x) => x * 1000 === sf.at);
      expect(i).toBe(chart.xs.length - 1);
      // The point is the card's figure, inside the chart's band there.
      expect(chart.mid[i]).toBe(sf.forecast);
      expect(chart.low[i]!).toBeLessThan(sf.forecast);
      expect(chart.high[i]!).toBeGreaterThan(sf.forecast);
      // And the median is one line: the step into the card's point is no larger than the largest step
      // between the chart's other months (a patched point from other futures dropped ₫2.8B in a month
      // where the line moves at most ₫2.1B).
      const mids = chart.mid.slice(chart.actual.findLastIndex((x) => x !== null)) as number[];
      const steps = mids.slice(1).map((m, k) => Math.abs(m - (mids[k] as number)));
      expect(steps.at(-1)!).toBeLessThanOrEqual(Math.max(...steps.slice(0, -1)));
      expectCardBand(v, chart);
      // The card says the same figure, in its language.
      const figure = (sf.forecast / 1e9).toPrecision(3);
      if (locale === 'en')
        expect(v.view.pace).toContain(`the target is ₫150B by Dec 31, 2028; forecast there: ₫${figure}B`);
      else
        expect(v.view.pace?.replace(/\s/g, ' ')).toContain(`dự báo khi đó: ${figure.replace('.', ',')} tỷ ₫`);
    },
  );
});
