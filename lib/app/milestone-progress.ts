import type { GoalEvaluation } from '../engine/evaluate-all';
import { formatPercent } from '../i18n/format';
import type { Goal, Metric } from '../schema';
import { formatUnitValue, type ViewContext } from './goal-views';

/**
 * A milestone with a metric condition, read from its own window (startAt…deadline): "₫9.9B of ₫9.5B
 * (104%)". The same figure that decides done/overdue (goal-types/milestone.ts), so the timeline shows
 * why a quarter is Done or Overdue. Null for a milestone without a metric, or one not started yet.
 */
export function milestoneProgress(
  goal: Goal,
  ev: GoalEvaluation | undefined,
  metric: Metric | undefined,
  ctx: ViewContext,
): { text: string; fraction: number; met: boolean } | null {
  if (!metric || !ev || ev.current === null || ev.target === null) return null;
  if (goal.startAt !== undefined && goal.startAt > ctx.now) return null;
  const fraction = Math.max(0, ev.progress ?? 0);
  const text = ctx.t('milestone.progressValue', {
    value: formatUnitValue(ev.current, metric.unit, ctx),
    target: formatUnitValue(ev.target, metric.unit, ctx),
    percent: formatPercent(fraction, ctx.settings.locale, { maximumFractionDigits: 0 }),
  });
  return { text, fraction, met: ev.milestone?.state === 'done' };
}
