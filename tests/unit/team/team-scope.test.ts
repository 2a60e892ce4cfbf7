import { describe, expect, it } from 'vitest';
import { descendantIds } from '../../../lib/app/goal-form';
import type { Goal } from '../../../lib/schema/goal';
import type { Metric } from '../../../lib/schema/metric';
import { teamScope } from '../../../lib/team/local-records';

const goal = (id: string, parentId?: string, metricId?: string) =>
  ({ id, ...(parentId ? { parentId } : {}), ...(metricId ? { metricId } : {}) }) as Goal;
const metric = (id: string) => ({ id }) as Metric;

describe('teamScope: the shared goals, their cascades and their metrics', () => {
  // Two shared trees: the BHAG with two objectives (the first with a key result), and the calls goal.
  const goals = [
    goal('bhag'),
    goal('obj-1', 'bhag'),
    goal('calls', undefined, 'calls'),
    goal('obj-2', 'bhag', 'demos'),
    goal('kr-1', 'obj-1', 'calls'),
    goal('mine', undefined, 'mine'),
  ];
  const metrics = [metric('mine'), metric('demos'), metric('calls')];

  it('pins the order of the goals (their documents are pushed in it) and of the metrics', () => {
    const scope = teamScope(['bhag', 'calls'], goals, metrics);
    // The last shared goal first, then depth first, the last child first.
    expect(scope.goals.map((g) => g.id)).toEqual(['calls', 'bhag', 'obj-2', 'obj-1', 'kr-1']);
    expect(scope.metrics.map((m) => m.id)).toEqual(['demos', 'calls']);
  });

  it('is not the order of goal-form’s descendantIds (breadth first, the first child first)', () => {
    const walked = ['bhag', 'calls'].flatMap((id) => descendantIds(goals, id));
    expect(new Set(walked)).toEqual(
      new Set(teamScope(['bhag', 'calls'], goals, metrics).goals.map((g) => g.id)),
    );
    expect(walked).toEqual(['bhag', 'obj-1', 'obj-2', 'kr-1', 'calls']);
  });

  it('stops at a cycle and takes each goal once', () => {
    const loop = [goal('a', 'b'), goal('b', 'a'), goal('c', 'a')];
    expect(teamScope(['a', 'a'], loop, []).goals.map((g) => g.id)).toEqual(['a', 'c', 'b']);
  });
});
