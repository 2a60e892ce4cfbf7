import type { FormerTeam } from '../team/former-teams';
import { descendantIds } from './goal-form';
import type { GoalView } from './goal-view';

/**
 * Which of the new tab's card sections lists a goal. A goal is on the page once:
 * - "Team goals": the goals of the team this browser is in — the shared ones and their cascades —
 *   with the members' numbers beside each; a team goal is never again under "Pinned" or "Goals";
 *   the goals of a team left stay here too, each saying which team and since when (they still read
 *   everyone's numbers up to that day: lib/team/whose-values.ts), without the members' split;
 * - "Pinned goals": the pinned ones, while that section is shown;
 * - "Goals": the rest, but milestones, which have their timeline (a team's milestones too: they are
 *   checkpoints of a team goal, read on the timeline with everyone's numbers).
 * The OKR, scorecard and alert views group or flag every goal once each, team goals included; the
 * toolbar badge counts every goal once. None of them lists cards, so none of them is split here.
 */

type Placed = Pick<GoalView, 'id' | 'kind' | 'pinned' | 'parentId'>;

/** The goals "Team goals" lists: the shared ones and every descendant (goal-form.ts), milestones aside. */
export function teamGoalIds(sharedIds: readonly string[], goals: readonly Placed[]): Set<string> {
  const kinds = new Map(goals.map((g) => [g.id, g.kind]));
  const reached = sharedIds.filter((id) => kinds.has(id)).flatMap((id) => descendantIds(goals, id));
  return new Set(reached.filter((id) => kinds.get(id) !== 'milestone'));
}

/**
 * The goals of teams left that "Team goals" lists (as teamGoalIds, for each team left), each with the
 * team it was a goal of (the newest leave first); a goal of the team joined now is that team's.
 */
export function formerTeamGoals(
  former: readonly FormerTeam[],
  liveIds: ReadonlySet<string>,
  goals: readonly Placed[],
): Map<string, FormerTeam> {
  const out = new Map<string, FormerTeam>();
  for (const f of former) {
    for (const id of teamGoalIds(f.goalIds, goals)) {
      if (!liveIds.has(id) && !out.has(id)) out.set(id, f);
    }
  }
  return out;
}

export interface GoalSections<G> {
  team: G[];
  pinned: G[];
  /** The "Goals" grid. */
  listed: G[];
}

/** Splits the dashboard's goals (in its order) into the card sections; no goal is in two. */
export function goalSections<G extends Placed>(
  all: readonly G[],
  { teamIds, pinnedShown }: { teamIds: ReadonlySet<string>; pinnedShown: boolean },
): GoalSections<G> {
  const team = all.filter((g) => teamIds.has(g.id));
  const rest = all.filter((g) => !teamIds.has(g.id));
  return {
    team,
    pinned: rest.filter((g) => g.pinned),
    listed: rest.filter((g) => g.kind !== 'milestone' && !(pinnedShown && g.pinned)),
  };
}
