import { meetsTarget } from '../journey';
import { readTotalOrCap } from './budget-total';
import { readLevel } from './reach-level';
import { emptyReading, type GoalFacts, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import { decideStatus } from './shared';

/**
 * Milestone: done by a date, optionally with a metric condition (a target the metric must reach in the
 * milestone's own window — "Q3 2026: ₫12B revenue"). docs/figures.md § Milestone.
 *
 * - Without a metric: progress 1 once ticked off, else 0; on track while its date is ahead (or the
 *   owner's confidence), off track once the date passed without it being done.
 * - With a metric: measured as a total over its window (a summed metric) or as a level, and its
 *   condition is met when that value meets the target in the metric's good direction; a total whose
 *   way is down is a budget cap, met once its window ended at or under it (budget-total.ts). A met condition
 *   is done in all but the tick: on track, and never overdue (milestones.ts), even after its date.
 */
export function readMilestone(f: GoalFacts, ctx: SeriesContext, paths: number): TypeReading {
  const metric = f.metric;
  if (metric && f.target !== null) {
    const summed = metric.aggregation === 'sum' && !metric.formula;
    const r = summed ? readTotalOrCap(f, ctx, paths) : readLevel(f, ctx, paths);
    // A budget cap is met only once its window ended at or under it (budget-total.ts): a cap is not
    // done the day it starts at ₫0.
    r.conditionMet = r.budget
      ? r.budget.ended && r.budget.over === 0
      : r.current !== null && meetsTarget(r.current, f.target, f.direction);
    return r;
  }
  const r = emptyReading();
  r.target = f.target;
  r.progress = f.done ? 1 : 0;
  decideStatus(r, f, ctx.now, {
    reached: false,
    deadlinePassed: f.deadlinePassed,
    gapPct: null,
    probability: null,
  });
  return r;
}
