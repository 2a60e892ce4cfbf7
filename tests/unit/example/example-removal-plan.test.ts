import { describe, expect, it } from 'vitest';
import { buildExampleData } from '../../../lib/example/example-data';
import { planExampleRemoval } from '../../../lib/example/example-removal';
import type { Goal } from '../../../lib/schema';

const NOW = Date.UTC(2026, 11, 6, 2);
const data = buildExampleData(NOW, 'Asia/Ho_Chi_Minh');
const input = (goals: Goal[] = data.goals) => ({ ...data, goals, values: new Map() });
const mine = (g: Goal, over: Partial<Goal>): Goal => {
  const { example: _, ...rest } = g;
  return { ...rest, ...over, createdAt: NOW + 1, updatedAt: NOW + 1 };
};

describe('planExampleRemoval', () => {
  it('removes an untouched example whole', () => {
    const plan = planExampleRemoval(input());
    expect(plan.kept).toEqual([]);
    expect(plan.keptGoals).toEqual([]);
    expect(plan.remove.goals).toHaveLength(data.goals.length);
    expect(plan.remove.metrics).toHaveLength(data.metrics.length);
  });

  it('keeps an example goal holding a goal of the user, with every goal above it and their KPIs', () => {
    const q1 = data.goals.find((g) => g.id === 'ex-goal-q-2026-q1')!;
    const sub = mine(q1, { id: 'my-sub', title: 'My part of Q1', parentId: q1.id });
    const plan = planExampleRemoval(input([...data.goals, sub]));
    expect(plan.keptGoals.map((k) => [k.goal.id, k.subGoals]).sort()).toEqual([
      ['ex-goal-bhag', 0],
      ['ex-goal-q-2026-q1', 1],
      ['ex-goal-year-2026', 0],
    ]);
    expect(plan.kept.map((k) => k.metric.id)).toEqual(['ex-revenue']);
    expect(plan.remove.goals).not.toContain('ex-goal-year-2026');
  });

  it('keeps an example goal the user edited, not one they deleted', () => {
    const [a, b] = data.goals.filter((g) => !g.parentId && g.metricId);
    const edited = { ...a!, target: (a!.target ?? 0) + 1, updatedAt: NOW + 5 };
    const trashed = { ...b!, deletedAt: NOW + 5, updatedAt: NOW + 5 };
    const goals = data.goals.map((g) => (g.id === a!.id ? edited : g.id === b!.id ? trashed : g));
    const plan = planExampleRemoval(input(goals));
    expect(plan.keptGoals.map((k) => [k.goal.id, k.edited])).toEqual([[a!.id, true]]);
    expect(plan.remove.goals).toContain(b!.id);
  });
});
