import { describe, expect, it } from 'vitest';
import { futureDayFactors, perAverageDay } from '../../../lib/engine/calendar-days';
import { forecastHit, forecastSeries } from '../../../lib/engine/forecast';
import { keepOutlook } from '../../../lib/engine/forecast-keep';

/** Days of each month from January 2023 (a non-leap year) on. */
const monthDays = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(2023, from + i + 1, 0)).getUTCDate());

describe('calendar adjustment of monthly totals', () => {
  it('fits totals per average day and scales future months back by their own days', () => {
    // 36 months of a business selling exactly 100 a day: every monthly swing is the calendar's.
    const days = monthDays(0, 36);
    const history = days.map((d) => 100 * d);
    const future = monthDays(36, 6); // Jan–Jun 2026: 31 28 31 30 31 30
    const adjusted = forecastSeries(history, 6, {
      seasonPeriod: 12,
      seed: 1,
      periodDays: { history: days, future },
    });
    for (const [k, v] of adjusted.point.entries()) expect(v).toBeCloseTo(100 * (future[k] as number), 6);
    // Without it the forecaster can only guess at February from the season, never exactly.
    const plain = forecastSeries(history, 6, { seasonPeriod: 12, seed: 1 });
    expect(Math.abs((plain.point[1] as number) - 2800)).toBeGreaterThan(1);
  });

  it('makes a short month less likely to finish a monthly target than a long one', () => {
    const days = monthDays(0, 24);
    const history = days.map((d, i) => d * (100 + ((i * 37) % 11) - 5));
    const args = {
      history,
      mode: 'cumulative' as const,
      current: 0,
      target: 2950,
      sign: 1 as const,
      now: 0,
      stepEnds: [1000],
      firstStepShare: 1,
      deadline: 1000,
      seasonPeriod: 12,
      seed: 3,
      rawProbability: true,
    };
    const february = forecastHit({ ...args, periodDays: { history: days, future: [28] } });
    const march = forecastHit({ ...args, periodDays: { history: days, future: [31] } });
    const unadjusted = forecastHit(args).probabilityByDeadline ?? 0;
    // About 100 a day: 2,800 in February, 3,100 in March, against a target of 2,950.
    expect(february.probabilityByDeadline ?? 1).toBeLessThan(0.25);
    expect(march.probabilityByDeadline ?? 0).toBeGreaterThan(0.75);
    expect(unadjusted).toBeGreaterThan(february.probabilityByDeadline ?? 1);
    expect(unadjusted).toBeLessThan(march.probabilityByDeadline ?? 0);
  });

  it("warns a keep goal on a summed metric that February's total falls below a line March's clears", () => {
    const days = monthDays(0, 24);
    const history = days.map((d, i) => d * (100 + ((i * 37) % 11) - 5));
    const outlook = (next: number) =>
      keepOutlook({
        history,
        current: history.at(-1) ?? 0,
        currentIsRunning: false,
        threshold: 2950,
        sign: 1,
        now: 0,
        stepEnds: [1000],
        openToDeadline: 1,
        firstStepShare: 1,
        seasonPeriod: 12,
        paths: 400,
        seed: 5,
        periodDays: { history: days, future: [next] },
      });
    // About 2,800 in February and 3,100 in March, against a floor of 2,950; both views agree.
    const february = outlook(28).breachNext ?? 0;
    const march = outlook(31).breachNext ?? 1;
    expect(february).toBeGreaterThan(0.75);
    expect(march).toBeLessThan(0.35);
    expect(february - march).toBeGreaterThan(0.5);
  });

  it('leaves a history alone when the days do not match it or are not usable', () => {
    const history = [310, 280, 310];
    expect(perAverageDay(history, { history: [31, 28], future: [] })).toBe(history);
    expect(perAverageDay(history, { history: [31, 0, 31], future: [] })).toBe(history);
    expect(futureDayFactors(history, undefined, 3)).toBeNull();
    const f = futureDayFactors(history, { history: [31, 28, 31], future: [30, Number.NaN] }, 3);
    expect(Array.from(f ?? [])).toEqual([30 / 30, 1, 1]);
    expect(perAverageDay(history, { history: [31, 28, 31], future: [] })).toEqual([300, 300, 300]);
  });
});
