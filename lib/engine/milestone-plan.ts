import type { Goal, Metric } from '../schema';
import { dimKey } from './dim-key';
import { localDayKey } from './time-buckets';

/**
 * A level goal's plan: the targets its own milestones set for the same figure on the way, as points
 * (deadline, value). "₫150B annual revenue by 2028" broken into "2026: ₫43.6B", "2027: ₫97B" is
 * expected at ₫43.6B a year at the end of 2026, not a third of the way along a straight line from
 * today's ₫37B: the pace is read against the plan the manager made (pace.ts), and the chart draws the
 * same line (docs/figures.md § Reach a level).
 *
 * A child milestone counts when it measures what the goal's value measures:
 * - on the goal's metric and dimensions, with a target and a deadline inside the goal's window (one
 *   due with the goal is left to the goal's own target);
 * - for a goal read as a rolling sum ("12 months to Nov": rollingMonths on a summed metric), a
 *   milestone whose window is that many whole calendar months (a year's revenue for annual revenue;
 *   a quarter's total is not a year's and is left out);
 * - for any other level, a milestone on a metric that is not summed (its value is a level too).
 * A milestone already done still counts (the plan is what was planned, not what was met); a deleted or
 * archived one does not.
 */
export interface PlanPoint {
  /** The milestone's deadline (epoch ms). */
  at: number;
  /** The level the plan expects there, in the metric's unit. */
  value: number;
}

export function milestonePlan(
  goal: Goal,
  children: readonly Goal[],
  metric: Metric | undefined,
  timeZone: string,
): PlanPoint[] {
  if (!metric || goal.startAt === undefined || goal.deadline === undefined) return [];
  const rolling =
    goal.rollingMonths && metric.aggregation === 'sum' && !metric.formula ? goal.rollingMonths : 0;
  if (!rolling && metric.aggregation === 'sum' && !metric.formula) return [];
  const dims = dimKey(goal.dims);
  const points: PlanPoint[] = [];
  for (const c of children) {
    if (c.parentId !== goal.id || c.kind !== 'milestone' || c.metricId !== goal.metricId) continue;
    if (dimKey(c.dims) !== dims || c.target === undefined || c.deadline === undefined) continue;
    // Due with the goal itself: the goal's own target is the end of the line.
    if (c.deadline <= goal.startAt || c.deadline >= goal.deadline) continue;
    if (rolling && (c.startAt === undefined || wholeMonths(c.startAt, c.deadline, timeZone) !== rolling))
      continue;
    points.push({ at: c.deadline, value: c.target });
  }
  points.sort((a, b) => a.at - b.at);
  // Two milestones due the same day would make the line jump: the later-listed one is dropped.
  return points.filter((p, i) => i === 0 || p.at !== points[i - 1]?.at);
}

/** Calendar months from the first day of one month to the last day of another, or 0 if not whole months. */
function wholeMonths(startAt: number, deadline: number, timeZone: string): number {
  const first = localDayKey(startAt, timeZone);
  const last = localDayKey(deadline, timeZone);
  if (first.slice(8) !== '01') return 0;
  const next = localDayKey(deadline + 86_400_000, timeZone);
  if (next.slice(8) !== '01') return 0;
  const months = (y: string) => Number(y.slice(0, 4)) * 12 + Number(y.slice(5, 7));
  return months(last) - months(first) + 1;
}

/**
 * The level the plan expects at `t`: straight lines from (start, baseline) through the plan's points
 * to (deadline, target); before the start the baseline, after the deadline the target.
 */
export function plannedLevel(
  plan: readonly PlanPoint[],
  startAt: number,
  deadline: number,
  baseline: number,
  target: number,
  t: number,
): number {
  const points = [{ at: startAt, value: baseline }, ...plan, { at: deadline, value: target }];
  if (t <= startAt) return baseline;
  if (t >= deadline) return target;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as PlanPoint;
    const b = points[i] as PlanPoint;
    if (t <= b.at)
      return b.at > a.at ? a.value + ((b.value - a.value) * (t - a.at)) / (b.at - a.at) : b.value;
  }
  return target;
}
