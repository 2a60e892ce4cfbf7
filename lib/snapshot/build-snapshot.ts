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

/** Worst first: a perspective is as healthy as its least healthy ticked goal. */
const SEVERITY: Record<ViewStatus, number> = { off_track: 4, at_risk: 3, on_track: 2, done: 1, no_data: 0 };

function worstStatus(statuses: readonly ViewStatus[]): ViewStatus {
  let worst: ViewStatus = 'no_data';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

function shareableGoal(goal: GoalView, selected: ReadonlySet<string>): GoalView {
  // `pinned` is the user's own dashboard layout, not part of the goal. A parent id that was not ticked
  // would name a goal that stays private, so it goes too.
  const { pinned: _pinned, parentId, ...rest } = goal;
  return parentId !== undefined && selected.has(parentId) ? { ...rest, parentId } : rest;
}

/**
 * Keeps only the ticked goals, their charts and their scorecard entries. A perspective's status is
 * recomputed from the ticked goals alone, because the dashboard's status also reflects goals that were
 * not shared. Goals keep the dashboard's order; unknown ids are ignored. The result is parsed with the
 * `Snapshot` schema, so a caller never writes a file the widgets would refuse.
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
    ?.map((p) => {
      const goalIds = p.goalIds.filter((id) => kept.has(id));
      return {
        ...p,
        goalIds,
        status: worstStatus(goalIds.map((id) => statusOf.get(id) ?? 'no_data')),
      };
    })
    .filter((p) => p.goalIds.length > 0);

  return Snapshot.parse({
    format: SNAPSHOT_FORMAT,
    version: 1,
    generatedAt: opts.generatedAt,
    locale: opts.locale,
    ...(opts.title?.trim() ? { title: opts.title.trim() } : {}),
    goals,
    ...(charts && charts.length > 0 ? { charts } : {}),
    ...(scorecard && scorecard.length > 0 ? { scorecard } : {}),
  });
}

/** The snapshot file's text: stable key order from the schema, two-space indents for people who open it. */
export function snapshotToJson(snapshot: Snapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
