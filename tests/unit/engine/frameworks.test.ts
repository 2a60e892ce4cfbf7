import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cascadeTree,
  rollUpProgress,
  seasonalWeightsFromActuals,
  splitTarget,
} from '../../../lib/engine/cascade';
import { milestoneStatus } from '../../../lib/engine/milestones';
import { krScore, objectiveScore, progressFraction } from '../../../lib/engine/okr';
import { scorecard } from '../../../lib/engine/scorecard';
import { smartCheck } from '../../../lib/engine/smart-check';
import { goal, metric } from './fixtures';

const cal = { weekStart: 1, fiscalYearStartMonth: 1 };
const now = Date.parse('2025-03-01T00:00:00Z');
const DAY = 86_400_000;

describe('smartCheck', () => {
  it('lists everything missing, in en and vi', () => {
    const issues = smartCheck(goal({ id: 'g' }), { now });
    expect(issues.map((i) => i.code)).toEqual(['no_metric', 'no_target', 'no_deadline', 'no_owner']);
    expect(issues[3]?.message.vi).toBe('Chưa có người phụ trách: hãy chỉ định người chịu trách nhiệm.');
  });
  it('flags a target on the wrong side, equal to baseline, past and inverted deadlines', () => {
    const base = { id: 'g', metricId: 'm', owner: 'An', deadline: now + 90 * DAY };
    const down = metric({ id: 'm', direction: 'down', aggregation: 'last' });
    expect(
      smartCheck(goal({ ...base, baseline: 50, target: 60 }), { now, metric: down }).map((i) => i.code),
    ).toEqual(['target_wrong_side']);
    expect(
      smartCheck(goal({ ...base, baseline: 50, target: 50 }), { now, metric: down }).map((i) => i.code),
    ).toEqual(['target_equals_baseline']);
    const past = smartCheck(goal({ ...base, baseline: 50, target: 40, deadline: now - DAY }), {
      now,
      metric: down,
    });
    expect(past.map((i) => i.code)).toEqual(['deadline_past']);
    const inverted = smartCheck(
      goal({ ...base, baseline: 50, target: 40, startAt: now, deadline: now - DAY }),
      {
        now,
        metric: down,
      },
    );
    expect(inverted.map((i) => i.code)).toEqual(['deadline_before_start']);
    expect(smartCheck(goal({ ...base, target: 40 }), { now, metric: down }).map((i) => i.code)).toEqual([
      'no_baseline',
    ]);
  });
  it('flags a growth rate far above the history', () => {
    const m = metric({ id: 'm', aggregation: 'last' });
    const g = goal({
      id: 'g',
      metricId: 'm',
      owner: 'An',
      baseline: 100,
      target: 1000,
      deadline: now + 6 * 30.4 * DAY,
    });
    const history = [80, 84, 88, 92, 97, 100]; // ≤ 5% a month; 10× in 6 months needs ~47%.
    const issues = smartCheck(g, { now, metric: m, history, current: 100 });
    expect(issues.map((i) => i.code)).toEqual(['unrealistic_growth']);
    expect(issues[0]?.message.en).toContain('47%');
    expect(smartCheck({ ...g, target: 120 }, { now, metric: m, history, current: 100 })).toEqual([]);
    // Cumulative: 600/month needed vs a best month of 100.
    const rev = metric({ id: 'm' });
    const cum = goal({
      id: 'c',
      metricId: 'm',
      owner: 'An',
      target: 3600,
      deadline: now + 6 * 30.4375 * DAY,
    });
    expect(
      smartCheck(cum, { now, metric: rev, history: [90, 100, 95], current: 0 }).map((i) => i.code),
    ).toEqual(['unrealistic_growth']);
    // Amounts written as the cards write them, in the metric's currency and the reader's language.
    const vnd = metric({ id: 'm', unit: { kind: 'currency', currency: 'VND' } });
    const big = { ...cum, target: 3_600_000_000 };
    const [issue] = smartCheck(big, { now, metric: vnd, history: [90e6, 100e6, 95e6], current: 0 });
    expect(issue?.message.en).toBe(
      'Reaching the target needs about ₫600M per month; the best month in the history was ₫100M.',
    );
    expect(issue?.message.vi).toContain('600\u00a0tr\u00a0₫');
  });
});

describe('OKR', () => {
  it('scores key results 0–1 with configurable zones', () => {
    expect(krScore(0.2, 'committed')).toEqual({ score: 0.2, zone: 'red', meetsExpectation: false });
    expect(krScore(0.5, 'stretch')).toEqual({ score: 0.5, zone: 'yellow', meetsExpectation: false });
    // Google's 0.0–0.3 is red: the edge itself too (0.30 had read "yellow zone"); 0.31 is yellow.
    expect(krScore(0.3, 'committed')?.zone).toBe('red');
    expect(krScore(0.304, 'committed')?.zone).toBe('red');
    expect(krScore(0.31, 'committed')?.zone).toBe('yellow');
    expect(krScore(0.69, 'stretch')?.zone).toBe('yellow');
    expect(krScore(0.7, 'stretch')).toEqual({ score: 0.7, zone: 'green', meetsExpectation: true });
    expect(krScore(0.7, 'committed')?.meetsExpectation).toBe(false);
    expect(krScore(1.6, 'committed')).toEqual({ score: 1, zone: 'green', meetsExpectation: true });
    expect(krScore(-1, undefined)?.score).toBe(0);
    expect(krScore(0.45, 'committed', { low: 0.5, high: 0.9 })?.zone).toBe('red');
    expect(krScore(null, 'committed')).toBeNull();
  });
  it('rolls objectives up by weight', () => {
    expect(
      objectiveScore([
        { score: 1, weight: 3 },
        { score: 0, weight: 1 },
        { score: null, weight: 5 },
      ]),
    ).toBe(0.75);
    expect(
      objectiveScore([
        { score: 0.4, weight: 0 },
        { score: 0.8, weight: 0 },
      ]),
    ).toBe(0.6);
    expect(objectiveScore([])).toBeNull();
  });
  it('measures progress for up and down journeys; target = baseline is met or not', () => {
    expect(progressFraction(100, 200, 150)).toBe(0.5);
    expect(progressFraction(50, 30, 40, 'down')).toBe(0.5);
    expect(progressFraction(10, 10, 12, 'up')).toBe(1);
    // Hold-a-level target missed by 2 where 10% of the target is 1: clamped at −1.
    expect(progressFraction(10, 10, 12, 'down')).toBe(-1);
    expect(progressFraction(0, 10, Number.NaN)).toBeNull();
  });
});

describe('scorecard', () => {
  it('groups by the four perspectives with a health each', () => {
    const goals = [
      goal({ id: 'a', perspective: 'financial' }),
      goal({ id: 'b', perspective: 'financial' }),
      goal({ id: 'c', perspective: 'customer' }),
      goal({ id: 'd' }),
    ];
    const ev: Record<
      string,
      { status: 'on_track' | 'at_risk' | 'off_track' | null; progress: number | null }
    > = {
      a: { status: 'on_track', progress: 0.5 },
      b: { status: 'off_track', progress: 1.5 },
      c: { status: 'off_track', progress: null },
    };
    const sc = scorecard(goals, (id) => ev[id]);
    expect(sc.map((p) => p.perspective)).toEqual([
      'financial',
      'customer',
      'internal_process',
      'learning_growth',
    ]);
    expect(sc[0]).toMatchObject({ goalIds: ['a', 'b'], health: 'at_risk', progress: 0.75 });
    expect(sc[1]?.health).toBe('off_track');
    expect(sc[2]).toMatchObject({ health: null, progress: null, goalIds: [] });
  });

  it('leaves achieved goals out of the health: three met quarters do not turn two red KPIs amber', () => {
    const goals = ['q1', 'q2', 'q3', 'margin', 'profit', 'bhag'].map((id) =>
      goal({ id, perspective: 'financial' }),
    );
    const ev = (id: string) =>
      id.startsWith('q')
        ? { status: 'on_track' as const, progress: 1, achieved: true }
        : { status: id === 'bhag' ? ('at_risk' as const) : ('off_track' as const), progress: 0.5 };
    const [financial] = scorecard(goals, ev);
    // (2 + 2 + 1) ÷ 3 = 1.67: off track. Counting the quarters, (5 + 0) ÷ 6 = 0.83 read "at risk".
    expect(financial?.health).toBe('off_track');
    expect(financial?.counts).toEqual({ on_track: 3, at_risk: 1, off_track: 2, none: 0 });
    // Listed open first, the met quarters after, named as achieved (the scorecard shows them "Done").
    expect(financial?.goalIds).toEqual(['margin', 'profit', 'bhag', 'q1', 'q2', 'q3']);
    expect(financial?.achievedIds).toEqual(['q1', 'q2', 'q3']);
    // Every goal achieved: on track.
    const [done] = scorecard(goals.slice(0, 3), ev);
    expect(done?.health).toBe('on_track');
  });

  it('leaves out goals whose window has not opened: next year milestones are not on the scorecard', () => {
    const goals = ['bhag', 'q4', 'q1-next', 'jan-next'].map((id) => goal({ id, perspective: 'financial' }));
    const ev = (id: string) =>
      id.endsWith('next')
        ? { status: 'off_track' as const, progress: 0, notStarted: true }
        : { status: 'on_track' as const, progress: 0.5 };
    const [financial] = scorecard(goals, ev);
    expect(financial?.goalIds).toEqual(['bhag', 'q4']);
    expect(financial?.health).toBe('on_track');
    expect(financial?.counts).toEqual({ on_track: 2, at_risk: 0, off_track: 0, none: 0 });
  });
});

describe('cascade', () => {
  it('splits linearly by days, clipped to the window', () => {
    const q = splitTarget(365, '2025-01-01', '2025-12-31', 'quarter', cal);
    expect(q.map((p) => Math.round(p.target))).toEqual([90, 91, 92, 92]);
    expect(q[3]?.cumulative).toBe(365);
    const m = splitTarget(100, '2025-01-16', '2025-02-28', 'month', cal);
    expect(m[0]).toMatchObject({ start: '2025-01-16', end: '2025-02-01' });
    expect(m[0]?.target).toBeCloseTo((100 * 16) / 44);
    expect(splitTarget(100, '2025-02-01', '2025-01-01', 'month', cal)).toEqual([]);
  });
  it('phases by last year’s actuals', () => {
    const w = seasonalWeightsFromActuals([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 13]);
    expect(w[11]).toBeCloseTo(6.5);
    const m = splitTarget(2400, '2025-01-01', '2025-12-31', 'month', cal, 'phased', w);
    expect(m[11]?.target).toBeCloseTo(1300);
    expect(m[0]?.target).toBeCloseTo(100);
    expect(seasonalWeightsFromActuals([0, -5])).toEqual(new Array(12).fill(1));
  });
  it('children always sum to the parent (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 1200 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (total, offset, len, weights, fs) => {
          const from = new Date(Date.UTC(2024, 0, 1) + offset * DAY).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2024, 0, 1) + (offset + len) * DAY).toISOString().slice(0, 10);
          const tree = cascadeTree(
            total,
            from,
            to,
            { weekStart: 1, fiscalYearStartMonth: fs },
            'phased',
            weights,
          );
          const tol = 1e-6 * Math.max(1, Math.abs(total));
          expect(Math.abs(tree.reduce((a, y) => a + y.target, 0) - total)).toBeLessThanOrEqual(tol);
          for (const y of tree) {
            expect(Math.abs(y.children.reduce((a, q) => a + q.target, 0) - y.target)).toBeLessThanOrEqual(
              tol,
            );
            for (const q of y.children) {
              expect(Math.abs(q.children.reduce((a, m) => a + m.target, 0) - q.target)).toBeLessThanOrEqual(
                tol,
              );
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
  it('rolls progress up the tree, cutting cycles', () => {
    const goals = [
      goal({ id: 'bhag' }),
      goal({ id: 'y1', parentId: 'bhag', weight: 3 }),
      goal({ id: 'y2', parentId: 'bhag', weight: 1 }),
      goal({ id: 'q1', parentId: 'y1' }),
      goal({ id: 'q2', parentId: 'y1' }),
      goal({ id: 'loopA', parentId: 'loopB' }),
      goal({ id: 'loopB', parentId: 'loopA' }),
    ];
    const own = new Map<string, number | null>([
      ['q1', 1],
      ['q2', 0],
      ['y2', 0.2],
    ]);
    const r = rollUpProgress(goals, own);
    expect(r.get('y1')).toBe(0.5);
    expect(r.get('bhag')).toBeCloseTo((0.5 * 3 + 0.2) / 4);
    expect(r.get('loopA')).toBeNull();
  });
});

describe('milestones', () => {
  it('is done, due soon, overdue or upcoming, with budget use', () => {
    const budget = { amount: 1000, currency: 'VND' };
    expect(milestoneStatus({ deadline: now + 3 * DAY, budget, spent: 1200 }, now)).toEqual({
      state: 'due_soon',
      daysLeft: 3,
      budget: { planned: 1000, spent: 1200, currency: 'VND', share: 1.2, over: true },
    });
    expect(milestoneStatus({ deadline: now - DAY }, now)).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      budget: null,
    });
    expect(milestoneStatus({ deadline: now - DAY, doneAt: now - 2 * DAY }, now).state).toBe('done');
    expect(milestoneStatus({ deadline: now + 30 * DAY }, now).state).toBe('upcoming');
    // Its window has opened (the running quarter): in progress, not "upcoming".
    expect(milestoneStatus({ startAt: now - 60 * DAY, deadline: now + 30 * DAY }, now).state).toBe(
      'in_progress',
    );
    expect(milestoneStatus({ startAt: now + DAY, deadline: now + 30 * DAY }, now).state).toBe('upcoming');
    // Due within the week wins: the more urgent word.
    expect(milestoneStatus({ startAt: now - 60 * DAY, deadline: now + 3 * DAY }, now).state).toBe('due_soon');
    expect(milestoneStatus({}, now).state).toBe('no_deadline');
    expect(
      milestoneStatus({ budget: { amount: 0, currency: 'VND' }, spent: 0 }, now).budget?.share,
    ).toBeNull();
  });
});
