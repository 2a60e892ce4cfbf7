import { type DashboardInput, evaluateDashboard } from '../app/dashboard-data';
import { descendantIds } from '../app/goal-form';
import type { Settings } from '../schema';

/**
 * What "Count only my values" on a goal of a team left changes, in the card's own words: the value it
 * reads now (everyone's, up to the day of leaving) and the one it will read (only yours), both from
 * the dashboard's evaluation (lib/team/whose-values.ts), the second with the goal and its cascade out
 * of the shared goals. Null when the goal is not on the dashboard.
 */
export function ownReading(
  input: DashboardInput,
  settings: Settings,
  now: number,
  goalId: string,
): { everyone: string; own: string } | null {
  const cascade = new Set(descendantIds(input.goals, goalId));
  const read = (shared: readonly string[]) =>
    evaluateDashboard({ ...input, sharedGoalIds: shared }, settings, now).data.goals.find(
      (g) => g.id === goalId,
    )?.value;
  const shared = input.sharedGoalIds ?? [];
  const everyone = read(shared);
  const own = read(shared.filter((id) => !cascade.has(id)));
  return everyone === undefined || own === undefined ? null : { everyone, own };
}
