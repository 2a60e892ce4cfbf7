import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../lib/app/goal-detail-data';
import { exampleViews } from '../example/example-views';

// A total's chart also draws what each period added. On Dec 7 the running month holds a week, and
// joined to whole months it read as a collapse (a cap's spend: Oct ₫404M → Nov ₫192M → "Dec" ₫41.9M;
// a reviewer). The line shows complete periods only; the running total still counts the week.
const TZ = 'Asia/Ho_Chi_Minh';
const now = Date.UTC(2026, 11, 7, 2);

describe('a total chart’s “Added in the period” line', () => {
  for (const id of ['ex-kr-distributor-revenue', 'ex-goal-q-2026-q4', 'ex-kpi-net-profit']) {
    it(`${id}: stops at the last complete period, while the running total goes on to the card’s value`, () => {
      const v = exampleViews(now, TZ, 'en').find((x) => x.goal.id === id);
      if (!v) throw new Error(`no ${id}`);
      const chart = buildChart(v.goal, v.input, v.settings, now, v.ev);
      if (!chart) throw new Error('no chart');
      const added = chart.perPeriod.findLastIndex((x) => x !== null);
      const actual = chart.actual.findLastIndex((x) => x !== null);
      expect(added).toBeGreaterThanOrEqual(0);
      // Each point is drawn at its period's end: the last one added has ended by now.
      expect(chart.xs[added]! * 1000).toBeLessThanOrEqual(now);
      expect(actual).toBeGreaterThan(added);
      expect(chart.actual[actual]).toBe(v.ev.current);
    });
  }
});
