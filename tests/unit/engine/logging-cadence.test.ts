import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { loggedMonthly } from '../../../lib/engine/goal-types/logging-cadence';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings } from '../../../lib/schema';
import { exampleViews } from '../example/example-views';
import { goal, metric } from './fixtures';

const TODAY = '2026-12-06';
const monthStarts = (n: number) =>
  Array.from({ length: n }, (_, k) => {
    const d = new Date(Date.UTC(2026, 11 - k, 1));
    return d.toISOString().slice(0, 10);
  }).reverse();

describe('a metric logged once a month', () => {
  it('is one whose every month of the last year has data on one day', () => {
    expect(loggedMonthly([{ days: monthStarts(12) }], TODAY)).toBe(true);
    // Month-end closes work the same way as month-start ones.
    expect(loggedMonthly([{ days: ['2026-09-30', '2026-10-31', '2026-11-30'] }], TODAY)).toBe(true);
  });

  it('is not one with a second day in most complete months, counted over every dimension value', () => {
    const mid = monthStarts(12).map((d) => `${d.slice(0, 8)}15`);
    expect(loggedMonthly([{ days: [...monthStarts(12), ...mid].sort() }], TODAY)).toBe(false);
    // Two segments logged on different days of the same months: two days in each.
    expect(loggedMonthly([{ days: monthStarts(6) }, { days: mid.slice(-6) }], TODAY)).toBe(false);
    // The same day in two rollups is still one day.
    expect(loggedMonthly([{ days: monthStarts(6) }, { days: monthStarts(6) }], TODAY)).toBe(true);
  });

  it('is still one with a stray second day in one complete month of many', () => {
    // Until this rule a single correction on Nov 15 turned a year of closes into weekly periods.
    expect(loggedMonthly([{ days: [...monthStarts(12), '2026-11-15'].sort() }], TODAY)).toBe(true);
    expect(loggedMonthly([{ days: monthStarts(6) }, { days: ['2026-10-20'] }], TODAY)).toBe(true);
  });

  it('needs three months with data, looks at the last year only, and never at the future', () => {
    expect(loggedMonthly([{ days: monthStarts(2) }], TODAY)).toBe(false);
    const daily = Array.from({ length: 60 }, (_, k) =>
      new Date(Date.UTC(2024, 0, 1 + k)).toISOString().slice(0, 10),
    );
    expect(loggedMonthly([{ days: [...daily, ...monthStarts(12)] }], TODAY)).toBe(true);
    expect(loggedMonthly([{ days: [...monthStarts(12), '2026-12-20'] }], TODAY)).toBe(true);
  });
});

describe('goals on a monthly-logged metric are forecast by month', () => {
  // The example closes net profit, training hours and new customers once a month (on the 1st, with
  // month-to-date figures for the running month) and logs revenue every day.
  const views = new Map(
    exampleViews(Date.UTC(2026, 11, 6, 2), 'Asia/Ho_Chi_Minh', 'en').map((v) => [v.goal.id, v]),
  );

  it('so a year-end net profit that needs 1.6 times the best month reads under 2%, not 6%', () => {
    const ev = views.get('ex-kpi-net-profit')?.ev;
    expect(ev?.forecastBasis?.granularity).toBe('month');
    // By week the paths put two monthly closes into December in 6% of futures.
    expect(ev?.forecast?.probabilityByDeadline ?? 1).toBeLessThan(0.02);
  });

  it('while a daily-logged revenue goal keeps its weekly periods', () => {
    expect(views.get('ex-goal-q-2026-q4')?.ev?.forecastBasis?.granularity).toBe('week');
  });
});

describe('imported monthly totals, then hand entries in the running month', () => {
  // The usual flow: last year's months imported one value each (dated the 2nd or the month end), then a
  // few hand entries in December. The Dec 3 and Dec 7 entries made December a month with two days, and
  // the whole history went weekly.
  const tz = 'Asia/Ho_Chi_Minh';
  const settings = defaultSettings({ timeZone: tz });
  const at = (day: string) => startOfLocalDay(day, tz);
  const days = [
    '2026-01-30',
    '2026-02-02',
    '2026-03-02',
    '2026-04-30',
    '2026-05-02',
    '2026-06-30',
    '2026-07-02',
    '2026-08-30',
    '2026-09-02',
    '2026-10-30',
    '2026-11-02',
  ];
  const closes = [1.21, 1.35, 1.52, 1.28, 1.44, 1.61, 1.39, 1.55, 1.47, 1.7, 1.58].map((b) => b * 1e9);
  const hand = [
    { day: '2026-12-03', value: 0.12e9 },
    { day: '2026-12-07', value: 0.09e9 },
  ];
  const pts = [
    ...days.map((d, i) => ({ time: at(d) + 9 * 3_600_000, value: closes[i] ?? 0, dims: {} })),
    ...hand.map((h) => ({ time: at(h.day) + 9 * 3_600_000, value: h.value, dims: {} })),
  ];
  const rollups = rollupFromPoints('revenue', pts, tz);
  const now = at('2026-12-07') + 15 * 3_600_000;

  it('is still read as logged once a month', () => {
    const allDays = [...days, ...hand.map((h) => h.day)].sort();
    expect(loggedMonthly([{ days: allDays }], '2026-12-07')).toBe(true);
  });

  it('so a goal needing 3.23 tỷ in 24 days, when no month reached 1.7 tỷ, reads about 0–1%', () => {
    const soFar = closes.reduce((a, b) => a + b, 0) + 0.21e9;
    const g = goal({
      id: 'rev-2026',
      goalType: 'total',
      metricId: 'revenue',
      target: soFar + 3.23e9,
      startAt: at('2026-01-01'),
      deadline: at('2027-01-01'),
    });
    const m = metric({ id: 'revenue', unit: { kind: 'currency', currency: 'VND' } });
    const ev = evaluateAll({ goals: [g], metrics: [m], rollups, checkIns: [], settings, now }).perGoal.get(
      'rev-2026',
    );
    expect(ev?.current).toBeCloseTo(soFar, 0);
    expect(ev?.forecastBasis?.granularity).toBe('month');
    // By week it read 13–15%, its band's low end no more revenue at all.
    expect(ev?.forecast?.probabilityByDeadline ?? 1).toBeLessThan(0.02);
  });
});

describe('the cadence rule, on random histories', () => {
  const TODAY_ = '2026-12-07';
  /** Complete months before December 2026, newest last: 'YYYY-MM'. */
  const months = Array.from({ length: 12 }, (_, k) =>
    new Date(Date.UTC(2025, 11 + k, 1)).toISOString().slice(0, 7),
  );
  const dayOf = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
  const running = fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 });

  it('one day in every complete month is monthly, whatever is logged in the running month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 28 }), { minLength: 12, maxLength: 12 }),
        running,
        (n, dom, dec) => {
          const hist = months.slice(12 - n).map((m, i) => dayOf(m, dom[i] ?? 1));
          const all = [...hist, ...dec.map((d) => dayOf('2026-12', d))].sort();
          return loggedMonthly([{ days: all }], TODAY_) && loggedMonthly([{ days: hist }], TODAY_);
        },
      ),
    );
  });

  it('two or more days in every complete month is never monthly, whatever the running month holds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 2, maxLength: 28 }), {
          minLength: 12,
          maxLength: 12,
        }),
        running,
        (n, doms, dec) => {
          const hist = months.slice(12 - n).flatMap((m, i) => (doms[i] ?? [1, 2]).map((d) => dayOf(m, d)));
          const all = [...hist, ...dec.map((d) => dayOf('2026-12', d))].sort();
          return !loggedMonthly([{ days: all }], TODAY_);
        },
      ),
    );
  });
});
