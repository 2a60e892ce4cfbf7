import { describe, expect, it } from 'vitest';
import {
  planGoalDelete,
  relinkMoved,
  subGoalNoun,
  subGoalsOf,
  trashGroups,
} from '../../../lib/app/goal-delete';
import type { Goal } from '../../../lib/schema';

const goal = (id: string, extra: Partial<Goal> = {}) =>
  ({ id, title: id, kind: 'kpi_target', archived: false, deletedAt: null, updatedAt: 1, ...extra }) as Goal;

// A BHAG with a year milestone and its two quarters, an objective with key results, a loose goal.
const goals = [
  goal('bhag', { kind: 'bhag' }),
  goal('y1', { kind: 'milestone', parentId: 'bhag' }),
  goal('q1', { kind: 'milestone', parentId: 'y1' }),
  goal('q2', { kind: 'milestone', parentId: 'y1' }),
  goal('obj', { kind: 'objective', parentId: 'bhag' }),
  goal('kr1', { kind: 'key_result', parentId: 'obj' }),
  goal('kr2', { kind: 'key_result', parentId: 'obj' }),
  goal('loose'),
];

describe('deleting a goal with sub-goals', () => {
  it('finds every sub-goal at every depth, and names them by kind', () => {
    expect(subGoalsOf(goals, 'y1').map((g) => g.id)).toEqual(['q1', 'q2']);
    expect(subGoalsOf(goals, 'bhag')).toHaveLength(6);
    expect(subGoalsOf(goals, 'loose')).toEqual([]);
    expect(subGoalNoun(subGoalsOf(goals, 'y1'))).toBe('milestones');
    expect(subGoalNoun(subGoalsOf(goals, 'obj'))).toBe('keyResults');
    expect(subGoalNoun(subGoalsOf(goals, 'bhag'))).toBe('subGoals');
  });

  it('"all" trashes the goal first and every sub-goal, moving nothing', () => {
    const plan = planGoalDelete(goals, 'bhag', 'all', 99);
    expect(plan.trash[0]).toBe('bhag');
    expect(new Set(plan.trash)).toEqual(new Set(['bhag', 'y1', 'q1', 'q2', 'obj', 'kr1', 'kr2']));
    expect(plan.moved).toEqual([]);
  });

  it('"goalOnly" trashes the goal alone; its direct sub-goals take its parent, deeper ones keep theirs', () => {
    const plan = planGoalDelete(goals, 'y1', 'goalOnly', 99);
    expect(plan.trash).toEqual(['y1']);
    expect(plan.moved.map((g) => [g.id, g.parentId, g.updatedAt])).toEqual([
      ['q1', 'bhag', 99],
      ['q2', 'bhag', 99],
    ]);
    expect(plan.moved.map((g) => g.formerParentId)).toEqual(['y1', 'y1']);
  });

  it('"goalOnly" on a top-level goal leaves its sub-goals with no parent at all', () => {
    const plan = planGoalDelete(goals, 'bhag', 'goalOnly', 99);
    expect(plan.moved.map((g) => g.id)).toEqual(['y1', 'obj']);
    for (const g of plan.moved) expect('parentId' in g).toBe(false);
  });
});

describe('the trash, by delete', () => {
  const trashed = goals.map((g) => {
    if (['bhag', 'y1', 'q1', 'q2'].includes(g.id)) return { ...g, deletedAt: 500 };
    if (g.id === 'kr2') return { ...g, deletedAt: 100 }; // deleted on its own, earlier
    if (g.id === 'loose') return { ...g, deletedAt: 700, translations: { vi: 'Lẻ' } };
    return g;
  });

  it('lists one row per delete, with the sub-goals deleted with it, newest first', () => {
    const groups = trashGroups(trashed, 'vi');
    expect(groups.map((g) => [g.id, g.name, g.subGoals, g.noun])).toEqual([
      ['loose', 'Lẻ', 0, 'subGoals'],
      ['bhag', 'bhag', 3, 'milestones'],
      ['kr2', 'kr2', 0, 'subGoals'],
    ]);
    expect(new Set(groups[1]!.ids)).toEqual(new Set(['bhag', 'y1', 'q1', 'q2']));
    expect(groups[1]!.ids[0]).toBe('bhag');
  });

  it('keeps a sub-goal deleted at another time out of its parent’s row', () => {
    const again = trashed.map((g) => (g.id === 'q2' ? { ...g, deletedAt: 400 } : g));
    const groups = trashGroups(again, 'en');
    expect(groups.find((g) => g.id === 'bhag')!.ids).not.toContain('q2');
    expect(groups.find((g) => g.id === 'q2')!.ids).toEqual(['q2']);
  });

  it('is empty when nothing is deleted', () => {
    expect(trashGroups(goals, 'en')).toEqual([]);
  });
});

describe('restoring a goal deleted on its own', () => {
  it('puts the sub-goals it moved up back under it, unless they were moved since', () => {
    const plan = planGoalDelete(goals, 'bhag', 'goalOnly', 99);
    expect(plan.moved.map((g) => [g.id, g.parentId, g.formerParentId])).toEqual([
      ['y1', undefined, 'bhag'],
      ['obj', undefined, 'bhag'],
    ]);
    const after = goals.map((g) =>
      g.id === 'bhag' ? { ...g, deletedAt: 99 } : (plan.moved.find((m) => m.id === g.id) ?? g),
    );
    // The trash row says they come back with it.
    expect(trashGroups(after, 'en')[0]).toMatchObject({ id: 'bhag', subGoals: 0, moved: 2 });
    // Restored: both go back; one the user has put under another goal since stays there.
    const restored = after.map((g) => (g.id === 'bhag' ? { ...g, deletedAt: null } : g));
    expect(
      relinkMoved(restored, ['bhag'], 100).map((g) => [g.id, g.parentId, 'formerParentId' in g]),
    ).toEqual([
      ['y1', 'bhag', false],
      ['obj', 'bhag', false],
    ]);
    const movedSince = restored.map((g) => (g.id === 'obj' ? { ...g, parentId: 'loose' } : g));
    expect(relinkMoved(movedSince, ['bhag'], 100).map((g) => g.id)).toEqual(['y1']);
    // Nothing comes back under a goal still in the trash.
    expect(relinkMoved(after, ['other'], 100)).toEqual([]);
  });
});

describe('a trashed goal whose parent is in the trash too', () => {
  it('says so on its row, and not when they went in one delete', () => {
    const trashed = goals.map((g) =>
      g.id === 'y1' ? { ...g, deletedAt: 50 } : g.id === 'q1' ? { ...g, deletedAt: 40 } : g,
    );
    const rows = trashGroups(trashed, 'en');
    expect(rows.find((r) => r.id === 'q1')?.parentInTrash).toBe('y1');
    expect(rows.find((r) => r.id === 'y1')?.parentInTrash).toBeUndefined();
    const together = goals.map((g) => (g.id === 'y1' || g.id === 'q1' ? { ...g, deletedAt: 50 } : g));
    expect(trashGroups(together, 'en').map((r) => [r.id, r.parentInTrash])).toEqual([['y1', undefined]]);
  });
});
