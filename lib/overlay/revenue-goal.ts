/**
 * "The current revenue goal": the open goal on a money metric that goes up, with a target still ahead
 * and a deadline not yet passed. A BHAG only when there is no other (a deal against the gap to a
 * three-year ambition read "<1%" on every card, while the quarter's key result a deal can move was
 * ignored); then pinned goals, then the nearest deadline. Its open gap (target − current) is what a
 * deal's badge measures itself against, labelled by its quarter or its title in the user's language.
 */
import { localizedName } from '../i18n/translate';
import type { Goal, Locale, Metric } from '../schema';
import type { RevenueGap } from './overlay-context';

export interface GoalNumbers {
  current: number | null;
  target: number | null;
}

/** "Q3" for a goal window of about a quarter (fiscal quarters), else the goal's title. */
export function gapLabel(
  goal: Pick<Goal, 'title' | 'startAt' | 'deadline' | 'translations'>,
  fiscalYearStartMonth = 1,
  locale: Locale = 'en',
): string {
  const { startAt, deadline } = goal;
  const title = localizedName(goal, locale);
  if (startAt === undefined || deadline === undefined) return title;
  const days = (deadline - startAt) / 86_400_000;
  if (days < 80 || days > 100) return title;
  const middle = new Date(startAt + (deadline - startAt) / 2);
  const month = middle.getUTCMonth() + 1;
  const quarter = Math.floor(((month - fiscalYearStartMonth + 12) % 12) / 3) + 1;
  return `Q${quarter}`;
}

export function pickRevenueGoal(
  goals: readonly Goal[],
  metrics: readonly Metric[],
  numbers: ReadonlyMap<string, GoalNumbers>,
  now: number,
  fiscalYearStartMonth = 1,
  locale: Locale = 'en',
): RevenueGap | null {
  const metricById = new Map(metrics.filter((m) => m.deletedAt === null).map((m) => [m.id, m]));
  const candidates: { goal: Goal; gap: number; currency: string }[] = [];
  for (const goal of goals) {
    if (goal.archived || goal.deletedAt !== null || goal.doneAt || goal.kind === 'milestone') continue;
    if (goal.deadline !== undefined && goal.deadline < now) continue;
    const metric = goal.metricId ? metricById.get(goal.metricId) : undefined;
    if (metric?.unit.kind !== 'currency' || metric.direction !== 'up') continue;
    const n = numbers.get(goal.id);
    const target = n?.target ?? goal.target;
    if (target === undefined || target === null) continue;
    const gap = target - (n?.current ?? goal.baseline ?? 0);
    if (!(gap > 0) || !Number.isFinite(gap)) continue;
    candidates.push({ goal, gap, currency: metric.unit.currency });
  }
  candidates.sort(
    (a, b) =>
      Number(a.goal.kind === 'bhag') - Number(b.goal.kind === 'bhag') ||
      Number(Boolean(b.goal.pinned)) - Number(Boolean(a.goal.pinned)) ||
      (a.goal.deadline ?? Number.MAX_SAFE_INTEGER) - (b.goal.deadline ?? Number.MAX_SAFE_INTEGER) ||
      a.goal.id.localeCompare(b.goal.id),
  );
  const best = candidates[0];
  if (!best) return null;
  return {
    goalId: best.goal.id,
    gap: best.gap,
    currency: best.currency,
    label: gapLabel(best.goal, fiscalYearStartMonth, locale),
  };
}
