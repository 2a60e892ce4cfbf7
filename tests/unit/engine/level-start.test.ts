import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { monthlyStartLevel } from '../../../lib/engine/goal-types/reach-level';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

const months = ['2026-01-01', '2026-02-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];

describe('where a monthly level stood when its window opened', () => {
  it('is the last complete month before the window, else its first month with a value', () => {
    const values = [17.8, 18.1, 18.8, 19.2, 19.5, 19.9];
    expect(monthlyStartLevel('2026-10-01', months, values)).toBe(18.8);
    // No value the month before: the window's first month with one.
    expect(monthlyStartLevel('2026-10-01', months, [17.8, 18.1, null, null, 19.5, 19.9])).toBe(19.5);
    // Nothing complete yet (only the running month): none.
    expect(monthlyStartLevel('2026-12-01', months, [null, null, null, null, null, 19.9])).toBeNull();
    expect(monthlyStartLevel(undefined, months, values)).toBeNull();
  });

  it('a Q4 margin key result starts from September, not from January nine months before', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    const at = (day: string) => startOfLocalDay(day, tz);
    const margin = [17.8, 18.0, 18.2, 18.1, 18.3, 17.6, 18.4, 18.5, 18.8, 19.0, 19.5];
    const points = margin.map((value, i) => ({
      time: at(`2026-${String(i + 1).padStart(2, '0')}-15`),
      value,
    }));
    const r = evaluateAll({
      goals: [
        goal({
          id: 'kr',
          kind: 'key_result',
          metricId: 'margin',
          goalType: 'level',
          target: 19.5,
          startAt: at('2026-10-01'),
          deadline: at('2027-01-01') - 1,
        }),
      ],
      metrics: [metric({ id: 'margin', unit: { kind: 'percent' }, aggregation: 'average' })],
      rollups: rollupFromPoints('margin', points, tz),
      checkIns: [],
      settings: defaultSettings({ timeZone: tz }),
      now: at('2026-12-07') + 10 * 3_600_000,
      forecastPaths: 20,
    });
    const kr = r.perGoal.get('kr');
    expect(kr?.baseline).toBe(18.8);
    // November's 19.5% is the whole way from September's 18.8% to 19.5% (it had read 114.3% from 17.8%).
    expect(kr?.progress).toBeCloseTo(1, 9);
  });
});

describe('the pace of a level read on a complete month', () => {
  it('is against the line at that month’s end, and says the day', () => {
    const tz = 'Asia/Ho_Chi_Minh';
    const at = (day: string) => startOfLocalDay(day, tz);
    // Conversion 10% in Sep → 12% in Nov; target 16% from Oct 1 to Dec 31 (baseline September's 10%).
    const points = [
      { time: at('2026-09-15'), value: 10 },
      { time: at('2026-10-15'), value: 11 },
      { time: at('2026-11-15'), value: 12 },
      { time: at('2026-12-03'), value: 20 },
    ];
    const r = evaluateAll({
      goals: [
        goal({
          id: 'kr',
          metricId: 'conv',
          goalType: 'level',
          target: 16,
          startAt: at('2026-10-01'),
          deadline: at('2027-01-01') - 1,
        }),
      ],
      metrics: [metric({ id: 'conv', unit: { kind: 'percent' }, aggregation: 'average' })],
      rollups: rollupFromPoints('conv', points, tz),
      checkIns: [],
      settings: defaultSettings({ timeZone: tz }),
      now: at('2026-12-07') + 10 * 3_600_000,
      forecastPaths: 20,
    });
    const kr = r.perGoal.get('kr');
    // Read on November (Dec 7 is in the month's first half): 12%.
    expect(kr?.current).toBe(12);
    expect(kr?.pace?.asOf).toBe(at('2026-12-01'));
    // The line from 10% (Oct 1) to 16% (Dec 31) stands at 10 + 6 × 61/92 ≈ 13.98% on Dec 1.
    const line = 10 + (6 * (at('2026-12-01') - at('2026-10-01'))) / (at('2027-01-01') - 1 - at('2026-10-01'));
    expect(kr?.pace?.gap).toBeCloseTo(12 - line, 6);
  });
});
