/**
 * Deleting a goal that has sub-goals, and bringing it back from the trash. Deleting a BHAG used to
 * move it and its 68 cascade milestones to the trash in one click, without a question, and the only
 * way back was a 10-second Undo. Now the question names what goes with it (or lets the sub-goals
 * stay, moved up to the deleted goal's parent), and the "Recently deleted" list restores a goal
 * together with the sub-goals deleted with it.
 */
import { localizedName } from '../i18n/translate';
import type { Goal, Locale } from '../schema';
import { descendantIds } from './goal-form';

/** What a goal's sub-goals are called in the question: all milestones, all key results, or mixed. */
export type SubGoalNoun = 'milestones' | 'keyResults' | 'subGoals';

export type DeleteMode = 'all' | 'goalOnly';

export interface DeletePlan {
  /** Ids moved to the trash, the goal first. */
  trash: string[];
  /**
   * Goal-only: its direct sub-goals as they will be stored, moved up to its parent (or to none), each
   * remembering where it was (`formerParentId`): Undo and the trash put them back (relinkMoved).
   */
  moved: Goal[];
}

/** The goal's sub-goals at every depth (the goal itself left out), from live records. */
export function subGoalsOf(goals: readonly Goal[], id: string): Goal[] {
  const ids = new Set(descendantIds(goals, id).slice(1));
  return goals.filter((g) => ids.has(g.id));
}

export function subGoalNoun(subGoals: readonly Pick<Goal, 'kind'>[]): SubGoalNoun {
  if (subGoals.length > 0 && subGoals.every((g) => g.kind === 'milestone')) return 'milestones';
  if (subGoals.length > 0 && subGoals.every((g) => g.kind === 'key_result')) return 'keyResults';
  return 'subGoals';
}

/**
 * `all`: the goal and every sub-goal go to the trash. `goalOnly`: the goal alone; its direct
 * sub-goals take its parent (a top-level goal's become top-level), deeper ones keep theirs.
 */
export function planGoalDelete(
  goals: readonly Goal[],
  id: string,
  mode: DeleteMode,
  now: number,
): DeletePlan {
  if (mode === 'all') return { trash: descendantIds(goals, id), moved: [] };
  const goal = goals.find((g) => g.id === id);
  const children = goals.filter((g) => g.parentId === id && g.id !== id);
  // Each remembers where it was, so restoring the goal from the trash puts it back (relinkMoved).
  const moved = children.map((c) => {
    const { parentId: _, ...rest } = c;
    return goal?.parentId === undefined
      ? { ...rest, formerParentId: id, updatedAt: now }
      : { ...rest, parentId: goal.parentId, formerParentId: id, updatedAt: now };
  });
  return { trash: [id], moved };
}

/**
 * Sub-goals a "delete only" moved up, put back under the goals being restored (`restored` ids), where
 * they have not been moved since: their parent is still the one the delete gave them. A BHAG restored
 * without its yearly milestones had come back judged on a straight line ("behind pace by ₫27.7B").
 */
export function relinkMoved(goals: readonly Goal[], restored: readonly string[], now: number): Goal[] {
  const byId = new Map(goals.map((g) => [g.id, g]));
  return goals.flatMap((g) => {
    if (g.deletedAt != null || !g.formerParentId || !restored.includes(g.formerParentId)) return [];
    const former = byId.get(g.formerParentId);
    if (!former || g.parentId !== former.parentId) return [];
    const { formerParentId, ...rest } = g;
    return [{ ...rest, parentId: formerParentId, updatedAt: now }];
  });
}

export interface TrashGroup {
  /** The goal the user deleted. */
  id: string;
  name: string;
  deletedAt: number;
  /** Every id to restore: the goal and the sub-goals that went to the trash in the same delete. */
  ids: string[];
  /** How many of `ids` are sub-goals, and what they are called. */
  subGoals: number;
  noun: SubGoalNoun;
  /** Sub-goals the delete moved up instead ("delete only"): they go back under it on restore. */
  moved: number;
  /** The goal it was under, when that one is in the trash too (from another delete): its name. */
  parentInTrash?: string;
}

/**
 * The trash as deletes: one row per goal the user deleted, with the sub-goals deleted with it. One
 * delete stamps every record with the same `deletedAt` (repository softDelete), which is what ties
 * them together; a sub-goal deleted on its own before is a row of its own. Newest first.
 */
export function trashGroups(allGoals: readonly Goal[], locale: Locale): TrashGroup[] {
  const deleted = allGoals.filter((g) => g.deletedAt != null);
  const byId = new Map(deleted.map((g) => [g.id, g]));
  const groups: TrashGroup[] = [];
  for (const root of deleted) {
    const parent = root.parentId === undefined ? undefined : byId.get(root.parentId);
    // Deleted together with its parent: it belongs to the parent's row.
    if (parent && parent.deletedAt === root.deletedAt) continue;
    const sameDelete = deleted.filter((g) => g.deletedAt === root.deletedAt);
    const ids = descendantIds(sameDelete, root.id);
    const subs = sameDelete.filter((g) => ids.includes(g.id) && g.id !== root.id);
    groups.push({
      id: root.id,
      name: localizedName(root, locale),
      deletedAt: root.deletedAt!,
      ids,
      subGoals: subs.length,
      noun: subGoalNoun(subs),
      moved: allGoals.filter((g) => g.deletedAt == null && g.formerParentId === root.id).length,
      // Restored alone, it would stand under a goal still in the trash: the row says so.
      ...(parent ? { parentInTrash: localizedName(parent, locale) } : {}),
    });
  }
  return groups.sort((a, b) => b.deletedAt - a.deletedAt || a.name.localeCompare(b.name, locale));
}
