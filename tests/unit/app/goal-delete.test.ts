import { describe, expect, it } from 'vitest';
import {
  planGoalDelete,
  planRestore,
  subGoalNoun,
  subGoalsOf,
  trashGroups,
  unrestore,
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
    const relinked = (all: Goal[], ids: string[]) =>
      planRestore(all, ids, 100)
        .put.filter((g) => g.id !== 'bhag')
        .map((g) => [g.id, g.parentId, 'formerParentId' in g, g.updatedAt]);
    expect(relinked(after, ['bhag'])).toEqual([
      ['y1', 'bhag', false, 100],
      ['obj', 'bhag', false, 100],
    ]);
    const movedSince = after.map((g) => (g.id === 'obj' ? { ...g, parentId: 'loose' } : g));
    expect(relinked(movedSince, ['bhag']).map((r) => r[0])).toEqual(['y1']);
    // Nothing comes back under a goal still in the trash.
    expect(planRestore(after, ['other'], 100).put).toEqual([]);
  });

  it('is undone whole: the goal back in the trash, its sub-goals moved up again', () => {
    const plan = planGoalDelete(goals, 'bhag', 'goalOnly', 99);
    const after = goals.map((g) =>
      g.id === 'bhag' ? { ...g, deletedAt: 99 } : (plan.moved.find((m) => m.id === g.id) ?? g),
    );
    const restore = planRestore(after, ['bhag'], 100);
    const restored = after.map((g) => restore.put.find((p) => p.id === g.id) ?? g);
    const undone = unrestore(restored, restore);
    const back = restored.map((g) => undone.find((u) => u.id === g.id) ?? g);
    // Before, Undo only trashed the BHAG again: its years stayed under it, hidden in the trash.
    expect(back).toEqual(after);
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

describe('restoring a goal whose parent is in the trash too', () => {
  // The year went to the trash with q1 (one delete at 50); q2 had been deleted on its own before (40).
  const trashed = goals.map((g) =>
    g.id === 'y1' || g.id === 'q1' ? { ...g, deletedAt: 50 } : g.id === 'q2' ? { ...g, deletedAt: 40 } : g,
  );

  it('brings the parent back with it, with what was deleted with the parent, and says so on the row', () => {
    const row = trashGroups(trashed, 'en').find((r) => r.id === 'q2')!;
    expect(row.parentInTrash).toBe('y1');
    expect(new Set(row.ancestorIds)).toEqual(new Set(['y1', 'q1']));
    const plan = planRestore(trashed, row.ids, 100, { withAncestors: true });
    expect(new Set(plan.restored)).toEqual(new Set(['q2', 'y1', 'q1']));
    expect(plan.put.every((g) => g.deletedAt === null)).toBe(true);
    // The toast's Undo of a delete restores exactly what that delete took, no more.
    expect(planRestore(trashed, ['q2'], 100).restored).toEqual(['q2']);
  });

  it('walks up every deleted ancestor, each delete whole', () => {
    const deeper = trashed.map((g) => (g.id === 'bhag' || g.id === 'obj' ? { ...g, deletedAt: 60 } : g));
    const row = trashGroups(deeper, 'en').find((r) => r.id === 'q2')!;
    expect(new Set(row.ancestorIds)).toEqual(new Set(['y1', 'q1', 'bhag', 'obj']));
    const plan = planRestore(deeper, ['q2'], 100, { withAncestors: true });
    expect(new Set(plan.restored)).toEqual(new Set(['q2', 'y1', 'q1', 'bhag', 'obj']));
    expect(trashGroups(deeper, 'en').find((r) => r.id === 'bhag')!.ancestorIds).toEqual([]);
  });

  it('is undone into the same rows: each goal back under its own delete', () => {
    const plan = planRestore(trashed, ['q2'], 100, { withAncestors: true });
    const restored = trashed.map((g) => plan.put.find((p) => p.id === g.id) ?? g);
    expect(trashGroups(restored, 'en')).toEqual([]);
    const undone = unrestore(restored, plan);
    const back = restored.map((g) => undone.find((u) => u.id === g.id) ?? g);
    expect(back).toEqual(trashed);
    // A goal edited since the restore keeps its edit and only goes back to the trash.
    const edited = restored.map((g) => (g.id === 'y1' ? { ...g, title: 'Year one', updatedAt: 200 } : g));
    const y1 = unrestore(edited, plan).find((g) => g.id === 'y1');
    expect(y1).toMatchObject({ title: 'Year one', updatedAt: 200, deletedAt: 50 });
  });

  it('takes back under it a sub-goal deleted after "delete only" moved it up', () => {
    // bhag deleted on its own (y1 and obj moved up), then y1 deleted with its quarters, then bhag restored.
    const plan = planGoalDelete(goals, 'bhag', 'goalOnly', 10);
    const a = goals.map((g) =>
      g.id === 'bhag' ? { ...g, deletedAt: 10 } : (plan.moved.find((m) => m.id === g.id) ?? g),
    );
    const b = a.map((g) => (['y1', 'q1', 'q2'].includes(g.id) ? { ...g, deletedAt: 20 } : g));
    const r1 = planRestore(b, ['bhag'], 30);
    const c = b.map((g) => r1.put.find((p) => p.id === g.id) ?? g);
    expect(c.find((g) => g.id === 'obj')?.parentId).toBe('bhag');
    expect(c.find((g) => g.id === 'y1')?.parentId).toBeUndefined();
    // Restored later, the year goes back under the BHAG too.
    const r2 = planRestore(c, ['y1', 'q1', 'q2'], 40, { withAncestors: true });
    expect(r2.put.find((g) => g.id === 'y1')).toMatchObject({ parentId: 'bhag', deletedAt: null });
    expect(r2.put.find((g) => g.id === 'y1')).not.toHaveProperty('formerParentId');
  });
});
