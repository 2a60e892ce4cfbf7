import type { GoalView, ViewStatus } from '../app/goal-view';
import { fold } from './text-match';

/** Worst first: what needs attention leads the popup, the badge and the tooltip. */
export const STATUS_SEVERITY: Record<ViewStatus, number> = {
  off_track: 0,
  at_risk: 1,
  on_track: 2,
  too_early: 3,
  no_data: 3,
  done: 4,
};

export function sameOwner(owner: string | undefined, me: string): boolean {
  return me.trim() !== '' && fold(owner ?? '') === fold(me);
}

/** A goal the popup may show: every goal but milestones (they have the dashboard's timeline). */
const popupGoal = (g: GoalView) => g.kind !== 'milestone';

/** How many goals the popup chooses its few from. */
export function popupCandidates(goals: readonly GoalView[]): number {
  return goals.filter(popupGoal).length;
}

/**
 * The popup's few goals: the user's own first (when we know who they are), then pinned, then worst
 * status, then lowest progress. Sub-goals of a shown goal are not repeated (milestones stay out).
 */
export function topGoals(goals: readonly GoalView[], ownerName: string, limit = 3): GoalView[] {
  const rank = (g: GoalView) => [
    sameOwner(g.owner, ownerName) ? 0 : 1,
    g.pinned ? 0 : 1,
    STATUS_SEVERITY[g.status],
    g.progress ?? 2,
  ];
  return goals
    .filter(popupGoal)
    .map((g) => ({ g, r: rank(g) }))
    .sort((a, b) => {
      for (let i = 0; i < a.r.length; i++) {
        const d = (a.r[i] ?? 0) - (b.r[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    })
    .slice(0, limit)
    .map((x) => x.g);
}
