import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { forecastLine } from '../../../lib/app/reading-text';
import { evaluateAll, type GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { forecastCumulativeBand, MIN_MODEL_POINTS } from '../../../lib/engine/forecast';
import { basisOptions } from '../../../lib/engine/goal-types/shared';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { localDayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import { createTranslator } from '../../../lib/i18n/translate';
import { defaultSettings, type Goal, type Metric } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * Issue 14's readings wired to issue 18's forecaster (docs/figures.md § Forecasts): the history
 * windows admit two seasonal cycles, short histories get a labelled rough estimate that decides no
 * status, keep goals' chances come from forecastKeep, and the detail chart draws the card's forecast.
 */

const tz = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const at = (day: string) => startOfLocalDay(day, tz);
const now = at('2026-12-06') + 12 * 3_600_000;

/** One point per local day at 09:00 from `from` through today. */
function daily(metricId: string, from: string, value: (t: number, i: number) => number) {
  const pts = [];
  for (let t = at(from), i = 0; t <= now; t = at(localDayKey(t + 36 * 3_600_000, tz)), i++)
    pts.push({ time: t + 9 * 3_600_000, value: value(t, i), dims: {} });
  return rollupFromPoints(metricId, pts, tz);
}

function evaluate(
  goals: Goal[],
  metrics: Metric[],
  rollups: ReturnType<typeof daily>,
  locale: 'en' | 'vi' = 'en',
) {
  const settings = { ...defaultSettings({ timeZone: tz }), locale };
  const res = evaluateAll({ goals, metrics, rollups, checkIns: [], settings, now });
  const ctx = { t: createTranslator(locale), settings, now };
  return { res, settings, ctx, ev: (id: string) => res.perGoal.get(id) as GoalEvaluation };
}

describe('forecast wiring', () => {
  it('tries weekly seasonality on a weekly total: 117 complete weeks of history reach the model', () => {
    // Sales with a strong yearly cycle since mid-2024: two and a half years of weeks.
    const rollups = daily(
      'rev',
      '2024-06-01',
      (t) => 100 + 80 * Math.sin((2 * Math.PI * t) / (365.25 * DAY)),
    );
    const g = goal({
      id: 'g',
      metricId: 'rev',
      target: 40_000,
      startAt: at('2026-07-01'),
      deadline: at('2027-06-30'),
    });
    const { ev } = evaluate([g], [metric({ id: 'rev' })], rollups);
    const e = ev('g');
    expect(e.forecastBasis?.granularity).toBe('week');
    expect(e.forecastBasis?.history.length).toBe(117);
    expect(e.forecast?.rough).toBeUndefined();
    expect(e.forecast?.method).toBe('seasonal_damped_trend');
  });

  it('shows a total with 3 complete weeks as a rough estimate, labelled in en and vi, deciding no status', () => {
    // Far too slow for the target: a fitted forecast would call it off track on its own.
    const rollups = daily('rev', '2026-11-09', () => 10);
    const g = goal({
      id: 'g',
      metricId: 'rev',
      target: 100_000,
      startAt: at('2026-11-09'),
      deadline: at('2027-03-31'),
    });
    for (const locale of ['en', 'vi'] as const) {
      const { ev, ctx } = evaluate([g], [metric({ id: 'rev' })], rollups, locale);
      const e = ev('g');
      expect(e.forecast?.rough).toEqual({ reason: 'few_points', points: 3, needed: MIN_MODEL_POINTS });
      const p = e.forecast?.probabilityByDeadline ?? -1;
      expect(p).toBeGreaterThanOrEqual(0.05);
      expect(p).toBeLessThanOrEqual(0.95);
      expect(e.decidedBy === 'forecast_unlikely' || e.decidedBy === 'forecast_very_unlikely').toBe(false);
      expect(e.statusReasons.some((r) => r.startsWith('forecast'))).toBe(false);
      const line = forecastLine(g, e, ctx) ?? '';
      expect(line).toContain(
        locale === 'en'
          ? 'few data points: rough estimate (3 of 8 periods)'
          : 'ít dữ liệu: ước tính sơ bộ (3/8 kỳ)',
      );
    }
  });

  it('keeps a level goal without a forecast until a fitted model, and says how many periods it has', () => {
    const rollups = daily('conv', '2026-06-01', (_t, i) => 10 + i * 0.02);
    const m = metric({ id: 'conv', aggregation: 'average', unit: { kind: 'percent' } });
    const g = goal({
      id: 'g',
      metricId: 'conv',
      goalType: 'level',
      baseline: 10,
      target: 15,
      startAt: at('2026-06-01'),
      deadline: at('2027-06-30'),
    });
    const { ev, ctx } = evaluate([g], [m], rollups);
    const e = ev('g');
    expect(e.forecastBasis?.history.length).toBe(6);
    expect(e.forecast).toBeNull();
    expect(forecastLine(g, e, ctx)).toBe('Forecast after 8 complete months of data (6 so far)');
  });

  it("draws the detail chart's band from the card's forecast: it crosses the target around the card's date", () => {
    const rollups = daily('rev', '2025-09-01', (_t, i) => 100 + (i % 7) * 5);
    const g = goal({
      id: 'g',
      metricId: 'rev',
      target: 40_000,
      startAt: at('2026-07-01'),
      deadline: at('2027-06-30'),
    });
    const metrics = [metric({ id: 'rev' })];
    const { ev, settings } = evaluate([g], metrics, rollups);
    const e = ev('g');
    expect(e.forecast?.p50).not.toBeNull();
    const chart = buildChart(g, { metrics, rollups }, settings, now, e);
    if (!chart) throw new Error('no chart');
    const last = chart.actual.findLastIndex((v) => v !== null);
    expect(chart.mid[last]).toBe(e.current);
    // The running week's end is a point of its own (the band's first step: the rest of this week);
    // the next adds a whole week, never less.
    expect(chart.actual[last + 1]).toBeNull();
    expect(chart.mid[last + 1] ?? 0).toBeGreaterThanOrEqual(e.current ?? 0);
    expect(chart.mid[last + 2] ?? 0).toBeGreaterThan((e.current ?? 0) + 7 * 100);
    // The same model, history (every complete week on record, not only those since the goal started),
    // seed and paths as the card: the band is the simulated running totals from the card's value.
    const basis = e.forecastBasis;
    if (!basis) throw new Error('no forecast basis');
    expect(basis.history.length).toBeGreaterThan(60);
    const band = forecastCumulativeBand(basis.history, chart.xs.length - last - 1, e.current ?? 0, {
      ...basisOptions(basis),
      firstStepShare: basis.firstStepShare,
    });
    // The band is the card's model; at the deadline, a total that will likely miss shows the card's
    // own "Forecast for …" figures (goal-detail-data.ts), from the paths of its chance.
    const end = e.forecast?.atDeadline;
    const atDeadline = chart.xs.findIndex((x) => Math.abs(x * 1000 - (g.deadline ?? 0)) <= 86_400_000);
    const expected = [...band.p50];
    if (end && !end.upperOpen && atDeadline > last) expected[atDeadline - last - 1] = end.p50;
    expect(chart.mid.slice(last + 1)).toEqual(expected);
    expect(chart.high.slice(last + 1)).toEqual(band.p90);
    const crossing = chart.mid.findIndex((v, i) => i > last && v !== null && v >= 40_000);
    expect(crossing).toBeGreaterThan(last);
    // Point i is the running total at the end of period i and is drawn there (the card's value at
    // now): the line crosses the target between the point before and this one, where the card's median
    // date falls.
    expect(chart.xs[last]).toBe(now / 1000);
    // Then the running week's end (under a week on), and the end of each week after it, a week apart.
    expect(chart.xs[last + 1]! - chart.xs[last]!).toBeGreaterThan(0);
    expect(chart.xs[last + 1]! - chart.xs[last]!).toBeLessThanOrEqual(7 * 86_400);
    for (let i = last + 2; i < chart.xs.length - 1; i++) {
      expect(Math.abs(chart.xs[i]! - chart.xs[i - 1]! - 7 * 86_400)).toBeLessThanOrEqual(3_600);
    }
    // The week the deadline falls in is drawn at the deadline: the window counts no day after it.
    expect(chart.xs.at(-1)! * 1000).toBe(g.deadline);
    expect(e.forecast?.p50 ?? 0).toBeGreaterThan((chart.xs[crossing - 1] ?? 0) * 1000);
    expect(e.forecast?.p50 ?? 0).toBeLessThanOrEqual((chart.xs[crossing] ?? 0) * 1000);
  });

  it('calendar-adjusts a monthly total: history and future months carry their days, card and chart alike', () => {
    // A two-year goal is forecast by month; sales of about 100 a day since 2024.
    const rollups = daily('rev', '2024-01-01', (_t, i) => 95 + (i % 7) * 2);
    const g = goal({
      id: 'g',
      metricId: 'rev',
      target: 120_000,
      startAt: at('2026-07-01'),
      deadline: at('2028-06-30'),
    });
    const metrics = [metric({ id: 'rev' })];
    const { ev, settings } = evaluate([g], metrics, rollups);
    const e = ev('g');
    const basis = e.forecastBasis;
    if (!basis?.periodDays) throw new Error('no calendar days on a monthly total');
    expect(basis.granularity).toBe('month');
    expect(basis.periodDays.history).toHaveLength(basis.history.length);
    // The last complete month is November 2026 (30 days); the running one is December (31), then January, February.
    expect(basis.periodDays.history.at(-1)).toBe(30);
    expect(basis.periodDays.future.slice(0, 3)).toEqual([31, 31, 28]);
    // Each history month's total is its days × about 100.
    basis.history.forEach((v, i) => {
      expect(v / (basis.periodDays?.history[i] ?? 1)).toBeGreaterThan(95);
      expect(v / (basis.periodDays?.history[i] ?? 1)).toBeLessThan(107);
    });
    const chart = buildChart(g, { metrics, rollups }, settings, now, e);
    if (!chart) throw new Error('no chart');
    const last = chart.actual.findLastIndex((v) => v !== null);
    const band = forecastCumulativeBand(basis.history, chart.xs.length - last - 1, e.current ?? 0, {
      ...basisOptions(basis),
      firstStepShare: basis.firstStepShare,
    });
    // The band is the card's model; at the deadline, a total that will likely miss shows the card's
    // own "Forecast for …" figures (goal-detail-data.ts), from the paths of its chance.
    const end = e.forecast?.atDeadline;
    const atDeadline = chart.xs.findIndex((x) => Math.abs(x * 1000 - (g.deadline ?? 0)) <= 86_400_000);
    const expected = [...band.p50];
    if (end && !end.upperOpen && atDeadline > last) expected[atDeadline - last - 1] = end.p50;
    expect(chart.mid.slice(last + 1)).toEqual(expected);
    // Point last + 1 is the end of December; last + 1 + k the running total at the end of the k-th
    // month after it: February adds less than March, 28 days against 31.
    const feb = (chart.mid[last + 3] ?? 0) - (chart.mid[last + 2] ?? 0);
    const mar = (chart.mid[last + 4] ?? 0) - (chart.mid[last + 3] ?? 0);
    expect(feb / mar).toBeCloseTo(28 / 31, 1);
  });

  it('keeps a first manual entry made mid-week in the history when nothing was logged after it', () => {
    // A new user's first value, ₫150M on Tuesday Oct 20, for a Q4 total; nothing logged since. The
    // week it falls in starts before the first data day, and was left out as partly covered: the
    // history was seven weeks of zeros, and the card read "₫150M (80%: ₫150M – ₫150M)".
    const rollups = rollupFromPoints(
      'rev',
      [{ time: at('2026-10-20') + 9 * 3_600_000, value: 150e6, dims: {} }],
      tz,
    );
    const g = goal({
      id: 'g',
      metricId: 'rev',
      target: 1.2e9,
      startAt: at('2026-10-01'),
      deadline: at('2026-12-31') + DAY - 1,
    });
    const { ev, ctx } = evaluate([g], [metric({ id: 'rev' })], rollups);
    const e = ev('g');
    expect(e.forecastBasis?.history[0]).toBe(150e6);
    expect(e.forecast?.rough).toBeDefined();
    const end = e.forecast?.atDeadline;
    expect(end).toBeDefined();
    expect((end?.p90 ?? 0) - (end?.p10 ?? 0)).toBeGreaterThan(1e6);
    expect(forecastLine(g, e, ctx, { kind: 'currency', currency: 'VND' })).not.toMatch(/₫150M – ₫150M/);
  });

  it("counts a total's chart from the window's first day when it opens mid-period, as the card does", () => {
    // 100 a day; the goal opens on Jan 15, 2026, two years long, so it is charted by month.
    const rollups = daily('rev', '2025-01-01', () => 100);
    const g = goal({
      id: 'g',
      metricId: 'rev',
      target: 80_000,
      startAt: at('2026-01-15'),
      deadline: at('2027-12-31'),
    });
    const metrics = [metric({ id: 'rev' })];
    const { ev, settings } = evaluate([g], metrics, rollups);
    const chart = buildChart(g, { metrics, rollups }, settings, now, ev('g'));
    if (!chart) throw new Error('no chart');
    const points = chart.actual.filter((v): v is number => v !== null);
    // The running total starts at the baseline (0) on the window's first day, as the trajectory does.
    expect(chart.xs[0]).toBe(at('2026-01-15') / 1000);
    expect(points[0]).toBe(0);
    expect(chart.target[0]).toBe(0);
    // January from the 15th: 17 days, not the whole month.
    expect(points[1]).toBe(1700);
    for (let i = 1; i < points.length; i++) expect(points[i]).toBeGreaterThanOrEqual(points[i - 1] ?? 0);
    expect(points.at(-1)).toBe(ev('g').current);
    // The trajectory at the card's point is the pace's "expected today": the chart's gap is the card's.
    const last = chart.actual.findLastIndex((v) => v !== null);
    expect(chart.target[last]).toBeCloseTo(ev('g').pace?.expected ?? Number.NaN, 6);
    expect(chart.xs[last]).toBe(now / 1000);
  });

  it('calendar-adjusts a level or keep goal on a summed metric, never one on an average', () => {
    const rollups = daily('rev', '2024-01-01', (_t, i) => 95 + (i % 7) * 2);
    const window = { startAt: at('2026-07-01'), deadline: at('2028-06-30') };
    const level = goal({ id: 'level', metricId: 'rev', goalType: 'level', target: 4000, ...window });
    const keep = goal({ id: 'keep', metricId: 'rev', goalType: 'keep', target: 2700, ...window });
    const summed = evaluate([level, keep], [metric({ id: 'rev' })], rollups);
    for (const id of ['level', 'keep']) {
      const basis = summed.ev(id).forecastBasis;
      // A month's total of daily sales: its days go with it, December (31) first.
      expect(basis?.periodDays?.history).toHaveLength(basis?.history.length ?? -1);
      expect(basis?.periodDays?.future.slice(0, 3)).toEqual([31, 31, 28]);
    }
    const averaged = evaluate(
      [level, keep],
      [metric({ id: 'rev', aggregation: 'average', unit: { kind: 'percent' } })],
      rollups,
    );
    for (const id of ['level', 'keep']) expect(averaged.ev(id).forecastBasis?.periodDays).toBeUndefined();
  });

  it("takes a keep goal's chances from forecastKeep, rough and labelled with few months", () => {
    const rollups = daily('margin', '2026-08-01', (_t, i) => 33 + (i % 5) * 0.5);
    const m = metric({ id: 'margin', aggregation: 'average', unit: { kind: 'percent' } });
    const g = goal({
      id: 'g',
      metricId: 'margin',
      goalType: 'keep',
      target: 30,
      startAt: at('2026-08-01'),
      deadline: at('2027-03-31'),
    });
    const { ev, ctx } = evaluate([g], [m], rollups);
    const k = ev('g').keep;
    expect(k?.rough).toEqual({ reason: 'few_points', points: 4, needed: MIN_MODEL_POINTS });
    expect(k?.breachNext).toBeGreaterThanOrEqual(0.05);
    expect(k?.breachNext).toBeLessThan(0.5);
    expect(k?.holdToDeadline).toBeGreaterThanOrEqual(0.05);
    expect(k?.holdToDeadline).toBeLessThanOrEqual(1 - (k?.breachNext ?? 0));
    expect(forecastLine(g, ev('g'), ctx)).toContain('few data points: rough estimate (4 of 8 periods)');
  });

  it('dates a level goal at the end of a month, when the app reports the month', () => {
    const rollups = daily('conv', '2025-06-01', (_t, i) => 10 + i * 0.01);
    const m = metric({ id: 'conv', aggregation: 'average', unit: { kind: 'percent' } });
    const g = goal({
      id: 'g',
      metricId: 'conv',
      goalType: 'level',
      baseline: 10,
      target: 17,
      startAt: at('2026-01-01'),
      deadline: at('2027-12-31'),
    });
    const e = evaluate([g], [m], rollups).ev('g');
    expect(e.forecast?.rough).toBeUndefined();
    for (const d of [e.forecast?.p10, e.forecast?.p50]) {
      if (d === null || d === undefined) throw new Error('no date');
      // The month's last millisecond: the next one starts 1 ms later.
      expect(d + 1).toBe(at(`${localDayKey(d + 1, tz).slice(0, 8)}01`));
    }
  });
});
