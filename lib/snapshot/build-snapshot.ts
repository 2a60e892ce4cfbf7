/**
 * "Share / embed": the user ticks goals on the dashboard and only those leave the extension. Everything
 * that could say something about an unticked goal is dropped or recomputed here, in one pure function,
 * so the rule is tested once rather than trusted at every export format.
 */

import {
  type ChartView,
  type GoalView,
  type PerspectiveView,
  SNAPSHOT_FORMAT,
  Snapshot,
  type ViewStatus,
} from '../app/goal-view';
import { perspectiveHealth } from '../engine/scorecard';
import type { Confidence } from '../schema';
import type { Locale } from '../schema/common';

/** What the dashboard already has on screen; `charts` and `scorecard` are optional. */
export interface SnapshotSource {
  goals: readonly GoalView[];
  charts?: readonly ChartView[];
  scorecard?: readonly PerspectiveView[];
}

export interface SnapshotOptions {
  locale: Locale;
  /** ms since the epoch; passed in so the function stays pure. */
  generatedAt: number;
  title?: string;
}

/** A card's status as the engine's confidence; done and no data rank nothing (scorecard.ts). */
function confidence(status: ViewStatus | undefined): Confidence | null {
  return status === 'on_track' || status === 'at_risk' || status === 'off_track' ? status : null;
}

function shareableGoal(goal: GoalView, selected: ReadonlySet<string>): GoalView {
  // `pinned` is the user's own dashboard layout, not part of the goal. A parent id that was not ticked
  // would name a goal that stays private, so it goes too.
  const { pinned: _pinned, parentId, ...rest } = goal;
  return parentId !== undefined && selected.has(parentId) ? { ...rest, parentId } : rest;
}

/**
 * Keeps only the ticked goals, their charts and their scorecard entries, each perspective with the
 * number of its goals left out (never their ids or titles). A perspective's status is
 * recomputed from the ticked goals alone, by the dashboard's own rule (engine/scorecard.ts), because
 * the dashboard's status also reflects goals that were not shared: with every goal ticked it is the
 * dashboard's. Goals keep the order they are given in; unknown ids are ignored. The result is parsed
 * with the `Snapshot` schema, so a caller never writes a file the widgets would refuse.
 */
export function buildSnapshot(
  views: SnapshotSource,
  selectedIds: Iterable<string>,
  opts: SnapshotOptions,
): Snapshot {
  const selected = new Set(selectedIds);
  const goals = views.goals.filter((g) => selected.has(g.id)).map((g) => shareableGoal(g, selected));
  const kept = new Set(goals.map((g) => g.id));
  const statusOf = new Map(goals.map((g) => [g.id, g.status]));

  const charts = views.charts?.filter((c) => kept.has(c.goalId));
  const scorecard = views.scorecard
    ?.map((p): PerspectiveView => {
      const { achievedIds: allAchieved, ...rest } = p;
      const goalIds = p.goalIds.filter((id) => kept.has(id));
      // Only ticked ids: the dashboard's list named a met quarter that was not shared.
      const achieved = new Set(allAchieved?.filter((id) => kept.has(id)));
      // A goal done by hand is achieved even where the list does not say so.
      for (const id of goalIds) if (statusOf.get(id) === 'done') achieved.add(id);
      const open = goalIds.filter((id) => !achieved.has(id)).map((id) => confidence(statusOf.get(id)));
      const achievedIds = goalIds.filter((id) => allAchieved?.includes(id));
      // Counted, never named: the card says how much of the dashboard's perspective is not here.
      const notShared = p.goalIds.length - goalIds.length;
      return {
        ...rest,
        goalIds,
        ...(achievedIds.length > 0 ? { achievedIds } : {}),
        status: perspectiveHealth(open, achieved.size) ?? 'no_data',
        ...(notShared > 0 ? { notShared } : {}),
      };
    })
    // A perspective with nothing shared stays, saying so, when the dashboard's has goals; a scorecard
    // with nothing shared in any perspective is left out whole.
    .filter((p) => p.goalIds.length > 0 || p.notShared !== undefined);
  const anyShared = scorecard?.some((p) => p.goalIds.length > 0) ?? false;

  return Snapshot.parse({
    format: SNAPSHOT_FORMAT,
    version: 1,
    generatedAt: opts.generatedAt,
    locale: opts.locale,
    ...(opts.title?.trim() ? { title: opts.title.trim() } : {}),
    goals,
    ...(charts && charts.length > 0 ? { charts } : {}),
    ...(scorecard && anyShared ? { scorecard } : {}),
  });
}

/** The snapshot file's text: stable key order from the schema, two-space indents for people who open it. */
export function snapshotToJson(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
