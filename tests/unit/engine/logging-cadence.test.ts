import { describe, expect, it } from 'vitest';
import { loggedMonthly } from '../../../lib/engine/goal-types/logging-cadence';
import { exampleViews } from '../example/example-views';

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

  it('is not one with a second day in any month, counted over every dimension value', () => {
    expect(loggedMonthly([{ days: [...monthStarts(12), '2026-11-15'] }], TODAY)).toBe(false);
    // Two segments logged on different days of the same month: two days in that month.
    expect(loggedMonthly([{ days: monthStarts(6) }, { days: ['2026-10-20'] }], TODAY)).toBe(false);
    // The same day in two rollups is still one day.
    expect(loggedMonthly([{ days: monthStarts(6) }, { days: monthStarts(6) }], TODAY)).toBe(true);
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
