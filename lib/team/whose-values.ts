import type { DailyRollup } from '../engine/rollup';
import { parseTeamId } from './docs';

/**
 * Whose numbers a reader counts. The one rule, used by every reader of a KPI's values:
 *
 * - a value is a TEAMMATE'S when it came from the team (its id is a team document id, `obs:…`, see
 *   lib/team/local-records.ts applyPulled; this member's own documents are never taken back);
 *   everything else — logged here, imported, from a CRM — is YOURS;
 * - a team goal (a shared goal and its cascade) counts everyone's values; so does a goal that was one
 *   when this browser left its team: its teammates' values stay stored, up to the day of leaving, so
 *   the goal reads after leaving what it read before (nothing new arrives);
 * - everything else counts only yours: personal goals and their charts, the KPI list, growth rows,
 *   alerts, forecasts, the goal editor's hints, the popup's compared values, the import's overlap
 *   check, the KPI's values list and CSV export.
 * Which goals are team goals: TeamState.goalIds, the goal ids of every team left
 * (./former-teams.ts), and their cascades (lib/app/dashboard-data.ts teamGoalIdsOf, worked out once
 * per evaluateDashboard; the ids read by loadDashboardInput through ./shared-goal-ids.ts).
 *
 * Rollups are per metric × dimension combination; teammates' points get series of their own, their
 * dimKey marked with TEAM_SERIES (lib/storage/rollup-store.ts splits each block's points by this rule),
 * so a personal reading drops whole series and the caches stay per series. `team=1` is no dimension:
 * parseDimKey skips it, so dimension filters and breakdowns read a team series like any other.
 */

export const TEAM_SERIES = 'team=1';

/** A stored value that came from a teammate, not from this browser's user. */
export function isTeammateValue(o: { id: string }): boolean {
  // Every stored point passes here when rollups are rebuilt: most ids fail the cheap prefix test.
  return (o.id.startsWith('obs:') || o.id.startsWith('checkin:')) && parseTeamId(o.id) !== null;
}

/** A stored value of this browser's user: the one rule's other side, for readers that filter as they go. */
export function isYourValue(o: { id: string }): boolean {
  return !isTeammateValue(o);
}

/** The rollup key of one block's points: the block's own for yours, marked for teammates'. */
export function seriesDimKey(blockDimKey: string, teammates: boolean): string {
  if (!teammates) return blockDimKey;
  return blockDimKey ? `${blockDimKey}&${TEAM_SERIES}` : TEAM_SERIES;
}

/** The block series a rollup is computed from (inverse of seriesDimKey). */
export function blockDimKeyOf(rollupDimKey: string): string {
  if (rollupDimKey === TEAM_SERIES) return '';
  return rollupDimKey.endsWith(`&${TEAM_SERIES}`)
    ? rollupDimKey.slice(0, -(TEAM_SERIES.length + 1))
    : rollupDimKey;
}

export function isTeammateSeries(r: Pick<DailyRollup, 'dimKey'>): boolean {
  return r.dimKey !== blockDimKeyOf(r.dimKey);
}

/** Only your series: what every personal reader gets. */
export function yourRollups<R extends Pick<DailyRollup, 'dimKey'>>(rollups: readonly R[]): R[] {
  return rollups.filter((r) => !isTeammateSeries(r));
}

/** Only your raw values (popup, CSV export, import previews). */
export function yourValues<O extends { id: string }>(values: readonly O[]): O[] {
  return values.filter(isYourValue);
}
