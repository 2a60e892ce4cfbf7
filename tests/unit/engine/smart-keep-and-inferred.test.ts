import { describe, expect, it } from 'vitest';
import { smartCheck } from '../../../lib/engine/smart-check';
import { BHAG_ID } from '../../../lib/example/example-milestones';
import { exampleEvaluation } from '../example/example-views';
import { goal } from './fixtures';

/**
 * The SMART check speaks of the goal the card shows: a keep goal holds its line (its baseline equal
 * to its threshold is the point), and a level whose reading infers a baseline has one.
 */
const now = Date.UTC(2026, 11, 7, 2);
const tz = 'Asia/Ho_Chi_Minh';

describe('SMART check beside the card', () => {
  it('a keep goal at its line is not "nothing to improve"', () => {
    const g = goal({ id: 'k', metricId: 'm', target: 96, baseline: 96, deadline: now + 86_400_000 });
    const codes = (keep: boolean) => smartCheck(g, { now, keep }).map((i) => i.code);
    expect(codes(false)).toContain('target_equals_baseline');
    expect(codes(true)).not.toContain('target_equals_baseline');
  });

  it('no "no baseline" when the reading infers one', () => {
    const g = goal({ id: 'l', metricId: 'm', target: 150, deadline: now + 86_400_000 });
    const metric = { direction: 'up', aggregation: 'average', formula: undefined } as const;
    expect(smartCheck(g, { now, metric }).map((i) => i.code)).toContain('no_baseline');
    expect(smartCheck(g, { now, metric, inferredBaseline: 37 }).map((i) => i.code)).not.toContain(
      'no_baseline',
    );
  });

  it('the example: on-time delivery and the BHAG are not told to fix what the card already has', () => {
    const { result } = exampleEvaluation(now, tz, 'en', 60);
    const codes = (id: string) => result.perGoal.get(id)?.smart.map((i) => i.code) ?? [];
    expect(result.perGoal.get('ex-kpi-on-time')?.type).toBe('keep');
    expect(codes('ex-kpi-on-time')).not.toContain('target_equals_baseline');
    expect(result.perGoal.get(BHAG_ID)?.baseline).toBeGreaterThan(0);
    expect(codes(BHAG_ID)).not.toContain('no_baseline');
  });
});
