import { aggregateRollups, selectRollups } from '../../../lib/engine/aggregate';
import {
  type CascadeMethod,
  type CascadeNode,
  cascadeTree,
  seasonalWeightsFromActuals,
} from '../../../lib/engine/cascade';
import type { DailyRollup } from '../../../lib/engine/rollup';
import { isCumulative } from '../../../lib/engine/smart-check';
import { type CalendarSettings, localDayKey, startOfLocalDay } from '../../../lib/engine/time-buckets';
import type { Goal, Metric } from '../../../lib/schema';

/**
 * The cascade wizard's arithmetic, kept free of Preact: quarters (with their months) of a goal's window
 * and the milestone goals they become. A cumulative goal (revenue in the year) splits its total; a
 * level goal (active customers by December) gets the level each period should reach, on the same curve.
 */
export type CascadableGoal = Goal & { target: number; startAt: number; deadline: number };

export function isCascadable(g: Goal): g is CascadableGoal {
  return (
    g.kind !== 'milestone' && g.target !== undefined && g.startAt !== undefined && g.deadline !== undefined
  );
}

export interface PlanRow {
  node: CascadeNode;
  /** What the milestone will hold as its target: the period's amount, or the level to reach by its end. */
  target: number;
  months: { node: CascadeNode; target: number }[];
}

export function planCascade(
  goal: CascadableGoal,
  metric: Pick<Metric, 'aggregation' | 'formula'> | undefined,
  cal: CalendarSettings,
  method: CascadeMethod,
  weights?: readonly number[],
): { rows: PlanRow[]; cumulative: boolean } {
  const cumulative = isCumulative(goal, metric);
  const from = localDayKey(goal.startAt, cal.timeZone);
  const to = localDayKey(goal.deadline, cal.timeZone);
  const baseline = goal.baseline ?? 0;
  // Levels follow the cumulative share of the weights: split 1 and read each node's running total.
  const tree = cascadeTree(cumulative ? goal.target : 1, from, to, cal, method, weights);
  const value = (n: CascadeNode) =>
    cumulative ? n.target : baseline + n.cumulative * (goal.target - baseline);
  const rows = tree
    .flatMap((year) => year.children)
    .map((q) => ({
      node: q,
      target: value(q),
      months: q.children.map((m) => ({ node: m, target: value(m) })),
    }));
  return { rows, cumulative };
}

/** 12 seasonal weights (Jan first) from the metric's actuals in the calendar year before the goal starts. */
export function weightsFromLastYear(
  rollups: readonly DailyRollup[],
  goal: CascadableGoal,
  metric: Pick<Metric, 'id' | 'aggregation'>,
  cal: CalendarSettings,
): { weights: number[]; year: number; hasData: boolean } {
  const year = Number(localDayKey(goal.startAt, cal.timeZone).slice(0, 4)) - 1;
  const series = selectRollups(rollups, metric.id, goal.dims);
  const months = aggregateRollups(series, metric.aggregation, 'month', cal, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const monthly: (number | null)[] = new Array(12).fill(null);
  for (const p of months) monthly[Number(p.start.slice(5, 7)) - 1] = p.value;
  return { weights: seasonalWeightsFromActuals(monthly), year, hasData: months.length > 0 };
}

export interface MilestoneOptions {
  owner: string;
  includeMonths: boolean;
  method: CascadeMethod;
  weights?: readonly number[];
  now: number;
  timeZone: string;
  newId: () => string;
  label: (node: CascadeNode) => string;
}

/**
 * Milestone goals under `goal`: one per quarter, and one per month under its quarter. With a single
 * quarter in the window the quarter level would repeat the goal, so months go straight under the goal.
 */
export function milestoneGoals(
  goal: CascadableGoal,
  rows: readonly PlanRow[],
  cumulative: boolean,
  o: MilestoneOptions,
): Goal[] {
  const out: Goal[] = [];
  const make = (node: CascadeNode, target: number, parentId: string): Goal => {
    const g: Goal = {
      id: o.newId(),
      kind: 'milestone',
      title: `${o.label(node)} · ${goal.title}`.slice(0, 300),
      frameworks: ['smart'],
      measure: cumulative ? 'cumulative' : 'latest',
      target,
      startAt: startOfLocalDay(node.start, o.timeZone),
      // node.end is exclusive: the milestone is due at the end of its last day, like every deadline.
      deadline: startOfLocalDay(node.end, o.timeZone) - 1,
      trajectory: o.method,
      parentId,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: o.now,
      updatedAt: o.now,
    };
    if (goal.metricId) g.metricId = goal.metricId;
    if (goal.dims) g.dims = { ...goal.dims };
    if (!cumulative && goal.baseline !== undefined) g.baseline = goal.baseline;
    if (o.method === 'phased' && o.weights?.length === 12) g.seasonalWeights = [...o.weights];
    if (o.owner.trim()) g.owner = o.owner.trim();
    return g;
  };
  const skipQuarters = rows.length === 1;
  for (const row of rows) {
    const q = skipQuarters ? null : make(row.node, row.target, goal.id);
    if (q) out.push(q);
    if (o.includeMonths || skipQuarters)
      for (const m of row.months) out.push(make(m.node, m.target, q?.id ?? goal.id));
  }
  return out;
}
