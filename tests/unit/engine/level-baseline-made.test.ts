import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

/**
 * A level goal without a start reads its baseline where the metric stood when the goal was made (the
 * last complete month before that day), not the first month on record: a reviewer's "Ad spend down
 * to ₫150M a month", made in December 2026, read "0% of the way from ₫117M" — July 2025, 17 months
 * back, and already below the target of a goal that goes down.
 */
const tz = 'Asia/Ho_Chi_Minh';
const at = (day: string) => startOfLocalDay(day, tz);
const now = at('2026-12-07') + 10 * 3_600_000;
// Monthly spend from July 2025: ₫117M, then ₫10M more each month (₫277M in Nov 2026).
const points = Array.from({ length: 17 }, (_, i) => {
  const y = 2025 + Math.floor((6 + i) / 12);
  const m = ((6 + i) % 12) + 1;
  return { time: at(`${y}-${String(m).padStart(2, '0')}-15`), value: (117 + 10 * i) * 1e6 };
});

function read(createdAt: number) {
  const g = goal({
    id: 'g',
    goalType: 'level',
    metricId: 'spend',
    target: 150e6,
    direction: 'down',
    deadline: at('2027-07-01') - 1,
    createdAt,
  });
  const r = evaluateAll({
    goals: [g],
    metrics: [metric({ id: 'spend', direction: 'neutral', unit: { kind: 'currency', currency: 'VND' } })],
    rollups: rollupFromPoints('spend', points, tz),
    checkIns: [],
    settings: defaultSettings({ timeZone: tz }),
    now,
    forecastPaths: 50,
  });
  return r.perGoal.get('g');
}

describe('a level goal without a start', () => {
  it('starts from the last complete month before it was made', () => {
    // Made on Dec 2, 2026: November's ₫277M, the month before, is where it started.
    const ev = read(at('2026-12-02'));
    expect(ev?.baseline).toBe(277e6);
    expect(ev?.progress).toBeGreaterThanOrEqual(0);
  });

  it('with no date it was made (0), keeps the first month on record', () => {
    expect(read(0)?.baseline).toBe(117e6);
  });
});
