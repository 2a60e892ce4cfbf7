import { describe, expect, it } from 'vitest';
import { evaluateAll } from '../../../lib/engine/evaluate-all';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { startOfLocalDay } from '../../../lib/engine/time-buckets';
import { type CheckIn, defaultSettings } from '../../../lib/schema';
import { goal, metric } from './fixtures';

const tz = 'Asia/Ho_Chi_Minh';
const settings = defaultSettings({ timeZone: tz });
const DAY = 86_400_000;
const at = (day: string) => startOfLocalDay(day, tz);
const now = at('2025-07-02') + 12 * 3_600_000; // noon local

/** One point per local day at 09:00 from `from` through 2025-07-02. */
function daily(metricId: string, from: string, value: (i: number) => number, dims = {}) {
  const pts = [];
  for (
    let t = at(from), i = 0;
    t <= now;
    t = at(new Date(t + 36 * 3_600_000).toISOString().slice(0, 10)), i++
  ) {
    pts.push({ time: t + 9 * 3_600_000, value: value(i), dims });
  }
  return rollupFromPoints(metricId, pts, tz);
}

function deepFinite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (x && typeof x === 'object') return Object.values(x).every(deepFinite);
  return true;
}

describe('evaluateAll', () => {
  const metrics = [
    metric({ id: 'revenue' }),
    metric({ id: 'customers', aggregation: 'last' }),
    metric({ id: 'spend' }),
    metric({ id: 'roas', formula: '{revenue} / {spend}', unit: { kind: 'ratio' }, aggregation: 'last' }),
    metric({ id: 'loop', formula: '{loop} + 1', aggregation: 'last' }),
    metric({ id: 'refunds' }),
  ];
  const rollups = [
    ...daily('revenue', '2024-06-01', () => 10),
    ...daily('customers', '2025-01-01', (i) => 100 + i * (50 / 182)),
    ...daily('spend', '2024-06-01', () => 0),
    ...daily('refunds', '2025-01-01', () => -5),
  ];
  const year = { startAt: at('2025-01-01'), deadline: at('2026-01-01') };
  const goals = [
    goal({ id: 'rev', metricId: 'revenue', target: 3000, ...year, owner: 'An', createdAt: now - 100 * DAY }),
    goal({ id: 'obj', kind: 'objective', title: 'Grow', perspective: 'customer' }),
    goal({
      id: 'kr1',
      kind: 'key_result',
      parentId: 'obj',
      metricId: 'customers',
      baseline: 100,
      target: 200,
      ...year,
      okrType: 'committed',
      weight: 1,
      perspective: 'customer',
    }),
    goal({
      id: 'kr2',
      kind: 'key_result',
      parentId: 'obj',
      metricId: 'revenue',
      target: 1000,
      ...year,
      weight: 3,
    }),
    goal({ id: 'roasGoal', metricId: 'roas', target: 4, baseline: 2, ...year }),
    goal({ id: 'loopGoal', metricId: 'loop', target: 10, ...year }),
    goal({ id: 'neg', metricId: 'refunds', target: 500, ...year }),
    goal({
      id: 'inverted',
      metricId: 'revenue',
      target: 100,
      startAt: year.deadline,
      deadline: year.startAt,
    }),
    goal({ id: 'ms', kind: 'milestone', title: 'Launch', deadline: now - 2 * DAY }),
    goal({ id: 'gone', metricId: 'revenue', target: 1, deletedAt: now }),
  ];
  const checkIns: CheckIn[] = [
    { id: 'c1', goalId: 'rev', time: now - DAY, confidence: 'on_track', deletedAt: null },
  ];
  const result = evaluateAll({ goals, metrics, rollups, checkIns, settings, now, forecastPaths: 200 });
  const e = (id: string) => result.perGoal.get(id);

  it('computes a cumulative goal: current, progress, pace, forecast, status', () => {
    // 2025-01-01 … 2025-07-02 is 183 local days of 10.
    expect(e('rev')?.current).toBe(1830);
    expect(e('rev')?.measure).toBe('cumulative');
    expect(e('rev')?.progress).toBeCloseTo(0.61);
    expect(e('rev')?.pace?.expected).toBeCloseTo((3000 * 182.5) / 365);
    expect(e('rev')?.forecast?.probabilityByDeadline).toBeGreaterThan(0.95);
    expect(e('rev')?.status).toBe('on_track');
    // 1170 left at 10/day → 117 days after now, give or take the period interpolation.
    const p50 = e('rev')?.forecast?.p50 ?? 0;
    expect(Math.abs(p50 - (now + 117 * DAY))).toBeLessThan(DAY);
  });
  it('scores key results and rolls objectives up by weight', () => {
    expect(e('kr1')?.current).toBeCloseTo(150);
    expect(e('kr1')?.okr).toEqual({ score: 0.5, zone: 'yellow', meetsExpectation: false });
    expect(e('kr2')?.okr?.score).toBe(1);
    expect(e('obj')?.okr?.score).toBe(0.88); // (0.5 × 1 + 1 × 3) / 4, rounded
    // The card shows the OKR panel's score, not a mean of raw progress (issue 14).
    expect(e('obj')?.rolledUpProgress).toBe(0.88);
    expect(result.scorecard.find((p) => p.perspective === 'customer')?.goalIds).toEqual(['obj', 'kr1']);
  });
  it('gives no value — never NaN or a throw — for zero spend, self-reference, negative revenue and an inverted window', () => {
    expect(e('roasGoal')).toMatchObject({
      current: null,
      progress: null,
      pace: null,
      forecast: null,
      status: null,
    });
    expect(e('loopGoal')).toMatchObject({ current: null, progress: null });
    expect(e('neg')?.current).toBe(-915);
    expect(e('neg')?.forecast?.probabilityByDeadline).toBeLessThan(0.05);
    expect(e('neg')?.status).toBe('off_track');
    expect(e('inverted')?.pace).toBeNull();
    expect(e('inverted')?.smart.map((s) => s.code)).toContain('deadline_before_start');
    expect(result.perGoal.has('gone')).toBe(false);
    for (const ev of result.perGoal.values()) expect(deepFinite(ev)).toBe(true);
  });
  it('raises deduplicated alerts', () => {
    const ids = result.alerts.map((a) => a.id);
    expect(ids).toContain('milestone_overdue:goal:ms:2025-06-30');
    expect(ids).toContain('forecast_miss:goal:neg:2025-06-30');
    expect(ids.filter((id) => id.startsWith('no_check_in:goal:rev'))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(e('ms')?.milestone?.state).toBe('overdue');
    expect(e('ms')?.status).toBe('off_track');
  });
  it('handles empty input', () => {
    const empty = evaluateAll({ goals: [], metrics: [], rollups: [], checkIns: [], settings, now });
    expect(empty.perGoal.size).toBe(0);
    expect(empty.alerts).toEqual([]);
  });
});
