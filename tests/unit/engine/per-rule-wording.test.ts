import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { isCumulative, smartCheck } from '../../../lib/engine/smart-check';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

const tz = 'Asia/Ho_Chi_Minh';
const DAY = 86_400_000;
const at = (day: string) => startOfLocalDay(day, tz);
const now = at('2025-07-02') + 12 * 3_600_000;

function daily(metricId: string, from: string, value: (i: number) => number) {
  const pts = [];
  for (let t = at(from), i = 0; t <= now; t += DAY, i++)
    pts.push({ time: t + 9 * 3_600_000, value: value(i) });
  return rollupFromPoints(metricId, pts, tz);
}

describe('alerts are raised per rule (issue 14)', () => {
  it('says a funnel stage is behind once: the most severe of below target rate, trajectory and forecast', () => {
    const r = evaluateAll({
      goals: [
        goal({
          id: 'conv',
          metricId: 'conv',
          goalType: 'level',
          baseline: 10,
          target: 40,
          startAt: at('2025-01-01'),
          deadline: at('2025-12-31'),
        }),
      ],
      metrics: [
        metric({ id: 'leads' }),
        metric({ id: 'customers' }),
        metric({
          id: 'conv',
          formula: '{customers} / {leads} * 100',
          unit: { kind: 'percent' },
          templateId: 'mql_to_customer_rate',
        }),
      ],
      rollups: [...daily('leads', '2024-06-01', () => 10), ...daily('customers', '2024-06-01', () => 1)],
      checkIns: [],
      settings: defaultSettings({ timeZone: tz }),
      now,
      forecastPaths: 20,
    });
    const rules = r.alerts
      .filter((a) => a.subject.id === 'conv')
      .map((a) => a.rule)
      .sort();
    // One "behind" line for the goal: below the target rate, trajectory and forecast are one
    // complaint, the most severe shown (the forecast's on a tie). Two lines for one goal, "forecast to
    // fall short" above "conversion 7.68 is below the target rate 12", read as two problems.
    expect(rules).toEqual(['forecast_miss']);
    const behind = r.alerts.find((a) => a.rule === 'forecast_miss');
    expect(behind?.severity).toBe('critical');
  });
});

describe('SMART wording', () => {
  it('phrases a reduction as a cut per month, not as growth', () => {
    const issues = smartCheck(
      goal({
        id: 'churn',
        metricId: 'm',
        baseline: 3.8,
        target: 1,
        deadline: now + 6 * 30.4 * DAY,
        owner: 'An',
      }),
      {
        metric: { direction: 'down', aggregation: 'average' },
        now,
        history: [3.9, 3.8, 3.85, 3.8],
        current: 3.8,
      },
    );
    const growth = issues.find((i) => i.code === 'unrealistic_growth');
    expect(growth?.message.en).toMatch(
      /needs a cut of about 20% per month; the best month in the history cut 3%/,
    );
    expect(growth?.message.en).not.toMatch(/growth/);
  });

  it('reads annual revenue as a level, never as revenue since the start', () => {
    const summed = { aggregation: 'sum' as const };
    expect(isCumulative({ goalType: 'level' }, summed)).toBe(false);
    expect(isCumulative({ goalType: 'total' }, summed)).toBe(true);
    expect(isCumulative({ goalType: 'milestone' }, summed)).toBe(true);
    expect(isCumulative({}, summed)).toBe(true);
  });
});
