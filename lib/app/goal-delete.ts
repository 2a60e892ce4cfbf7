/**
 * Deleting a goal that has sub-goals, and bringing it back from the trash. Deleting a BHAG used to
 * move it and its 68 cascade milestones to the trash in one click, without a question, and the only
 * way back was a 10-second Undo. Now the question names what goes with it (or lets the sub-goals
 * stay, moved up to the deleted goal's parent), and the "Recently deleted" list restores a goal
 * together with the sub-goals deleted with it, and with its deleted ancestors, so that nothing comes
 * back orphaned under a goal still in the trash.
 */
import { goalTypeOf } from '../engine/goal-type';
import { milestonePlan, type PlanPoint } from '../engine/milestone-plan';
import { localizedName } from '../i18n/translate';
import type { Goal, Locale, Metric } from '../schema';
import { descendantIds } from './goal-form';

/** What a goal's sub-goals are called in the question: all milestones, all key results, or mixed. */
export type SubGoalNoun = 'milestones' | 'keyResults' | 'subGoals';

export type DeleteMode = 'all' | 'goalOnly';

export interface DeletePlan {
  /** Ids moved to the trash, the goal first. */
  trash: string[];
  /**
   * Goal-only: its direct sub-goals as they will be stored, moved up to its parent (or to none), each
   * remembering where it was (`formerParentId`): Undo and the trash put them back (planRestore).
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
 * What the question before a delete says (docs/data-safety.md: every goal delete asks). A goal is
 * what, when, target, budget and who, with its progress and check-ins: a milestone with no sub-goals
 * had gone to the trash in one click, with a toast's Undo as the only sign. The question names the
 * goal, its sub-goals if any, and — for a milestone its parent is paced through (milestone-plan.ts) —
 * the point of the parent's line it takes away: deleting "2027: ₫97B" moves the BHAG's trajectory.
 */
export interface DeleteQuestion {
  goal: Goal;
  /** Its sub-goals at every depth (none: the goal alone goes). */
  subGoals: Goal[];
  noun: SubGoalNoun;
  parent?: Goal;
  /** The parent's plan point this goal sets (its line bends there), when it sets one. */
  pacedPoint?: PlanPoint;
}

export function deleteQuestion(
  goals: readonly Goal[],
  metrics: readonly Metric[],
  id: string,
  timeZone: string,
): DeleteQuestion | null {
  const goal = goals.find((g) => g.id === id);
  if (!goal) return null;
  const subGoals = subGoalsOf(goals, id);
  const parent = goal.parentId === undefined ? undefined : goals.find((g) => g.id === goal.parentId);
  const out: DeleteQuestion = { goal, subGoals, noun: subGoalNoun(subGoals), ...(parent ? { parent } : {}) };
  const metric = parent?.metricId ? metrics.find((m) => m.id === parent.metricId) : undefined;
  // Only a level goal is paced through its milestones (evaluate-all.ts reads the plan for no other type).
  if (!parent || !metric || goalTypeOf(parent, metric) !== 'level') return out;
  const siblings = goals.filter((g) => g.parentId === parent.id && g.deletedAt == null && !g.archived);
  const plan = milestonePlan(parent, siblings, metric, timeZone);
  const without = milestonePlan(
    parent,
    siblings.filter((g) => g.id !== id),
    metric,
    timeZone,
  );
  const point = plan.find((p) => !without.some((q) => q.at === p.at && q.value === p.value));
  return point ? { ...out, pacedPoint: point } : out;
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
  // Each remembers where it was, so restoring the goal from the trash puts it back (planRestore).
  const moved = children.map((c) => {
    const { parentId: _, ...rest } = c;
    return goal?.parentId === undefined
      ? { ...rest, formerParentId: id, updatedAt: now }
      : { ...rest, parentId: goal.parentId, formerParentId: id, updatedAt: now };
  });
  return { trash: [id], moved };
}

/** The goal a trashed goal went to the trash with: the one its delete started from (its row). */
function deleteRootOf(deletedById: ReadonlyMap<string, Goal>, goal: Goal): Goal {
  let root = goal;
  const seen = new Set([goal.id]);
  for (;;) {
    const parent = root.parentId === undefined ? undefined : deletedById.get(root.parentId);
    if (!parent || parent.deletedAt !== root.deletedAt || seen.has(parent.id)) return root;
    seen.add(parent.id);
    root = parent;
  }
}

/** Every goal of one delete: its root, and the sub-goals stamped with the same `deletedAt`. */
function deleteIds(deleted: readonly Goal[], root: Goal): string[] {
  return descendantIds(
    deleted.filter((g) => g.deletedAt === root.deletedAt),
    root.id,
  );
}

/**
 * The deletes a trashed goal's ancestors went in, nearest first: restored alone, the goal would stand
 * under a goal still in the trash, so it comes back with them (each whole, as its row promised).
 */
function deletedAncestors(
  deleted: readonly Goal[],
  deletedById: ReadonlyMap<string, Goal>,
  goal: Goal,
): { root: Goal; ids: string[] }[] {
  const out: { root: Goal; ids: string[] }[] = [];
  const seen = new Set<string>();
  let root = deleteRootOf(deletedById, goal);
  for (;;) {
    seen.add(root.id);
    const parent = root.parentId === undefined ? undefined : deletedById.get(root.parentId);
    if (!parent) return out;
    root = deleteRootOf(deletedById, parent);
    if (seen.has(root.id)) return out;
    out.push({ root, ids: deleteIds(deleted, root) });
  }
}

export interface RestorePlan {
  /** Ids back from the trash. */
  restored: string[];
  /** Every goal written, as it will be stored: those restored and the sub-goals put back under them. */
  put: Goal[];
  /** The same goals as they were: what Undo puts back (unrestore). */
  before: Goal[];
}

/**
 * Bringing goals back from the trash: `ids`, and with `withAncestors` (Recently deleted) the deletes
 * of their deleted ancestors, so a sub-goal does not come back orphaned under a goal still in the
 * trash. Sub-goals a "delete only" moved up go back under a goal restored here, where they have not
 * been moved since: their parent is still the one the delete gave them (a BHAG restored without its
 * yearly milestones had come back judged on a straight line, "behind pace by ₫27.7B"). Pure: the
 * caller writes `put` in one transaction.
 */
export function planRestore(
  goals: readonly Goal[],
  ids: readonly string[],
  now: number,
  options: { withAncestors?: boolean } = {},
): RestorePlan {
  const byId = new Map(goals.map((g) => [g.id, g]));
  const deleted = goals.filter((g) => g.deletedAt != null);
  const deletedById = new Map(deleted.map((g) => [g.id, g]));
  const restoring = new Set(ids.filter((id) => deletedById.has(id)));
  if (options.withAncestors) {
    for (const id of [...restoring]) {
      for (const a of deletedAncestors(deleted, deletedById, deletedById.get(id)!)) {
        for (const x of a.ids) restoring.add(x);
      }
    }
  }
  const after = new Map(
    goals.map((g) => [g.id, restoring.has(g.id) ? { ...g, deletedAt: null } : g] as const),
  );
  const changed = new Map<string, Goal>();
  for (const id of restoring) changed.set(id, after.get(id)!);
  for (const g of after.values()) {
    if (g.deletedAt != null || !g.formerParentId) continue;
    if (!restoring.has(g.formerParentId) && !restoring.has(g.id)) continue;
    const former = after.get(g.formerParentId);
    if (!former || former.deletedAt != null || g.parentId !== former.parentId) continue;
    const { formerParentId, ...rest } = g;
    changed.set(g.id, { ...rest, parentId: formerParentId, updatedAt: now });
  }
  const put = [...changed.values()];
  return { restored: [...restoring], put, before: put.map((g) => byId.get(g.id)!) };
}

/**
 * Undo of a restore: the goals back in the trash under their own deletes, the sub-goals put back
 * under them moved up again. A goal edited since the restore keeps the edit and only goes back to
 * the trash.
 */
export function unrestore(goals: readonly Goal[], plan: RestorePlan): Goal[] {
  const now = new Map(goals.map((g) => [g.id, g]));
  return plan.before.flatMap((before, i) => {
    const current = now.get(before.id);
    if (!current) return [];
    if (current.updatedAt === plan.put[i]!.updatedAt) return [before];
    return current.deletedAt === before.deletedAt ? [] : [{ ...current, deletedAt: before.deletedAt }];
  });
}

export interface TrashGroup {
  /** The goal the user deleted. */
  id: string;
  name: string;
  deletedAt: number;
  /** Every id of this delete: the goal and the sub-goals that went to the trash with it. */
  ids: string[];
  /** How many of `ids` are sub-goals, and what they are called. */
  subGoals: number;
  noun: SubGoalNoun;
  /** Sub-goals the delete moved up instead ("delete only"): they go back under it on restore. */
  moved: number;
  /** The goal it was under, when that one is in the trash too (from another delete): its name. */
  parentInTrash?: string;
  /**
   * The goals restored with it so it does not come back orphaned: its deleted ancestors and the
   * sub-goals deleted with each of them (planRestore `withAncestors`). Empty when its parent is live.
   */
  ancestorIds: string[];
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
    const ids = deleteIds(deleted, root);
    const subs = deleted.filter(
      (g) => g.deletedAt === root.deletedAt && ids.includes(g.id) && g.id !== root.id,
    );
    groups.push({
      id: root.id,
      name: localizedName(root, locale),
      deletedAt: root.deletedAt!,
      ids,
      subGoals: subs.length,
      noun: subGoalNoun(subs),
      moved: allGoals.filter((g) => g.deletedAt == null && g.formerParentId === root.id).length,
      // Restored, it brings its deleted parent back too: the row says so before the click.
      ...(parent ? { parentInTrash: localizedName(parent, locale) } : {}),
      ancestorIds: deletedAncestors(deleted, byId, root).flatMap((a) => a.ids),
    });
  }
  return groups.sort((a, b) => b.deletedAt - a.deletedAt || a.name.localeCompare(b.name, locale));
}
