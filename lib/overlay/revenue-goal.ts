/**
 * "The current revenue goal": the open goal on a KPI a deal's amount adds to (dealFedKpi), with a
 * target still ahead and a deadline not yet passed. A BHAG only when there is no other (a deal against the gap to a
 * three-year ambition read "<1%" on every card, while the quarter's key result a deal can move was
 * ignored); then pinned goals, then the nearest deadline. Its open gap (target − current) is what a
 * deal's badge measures itself against, labelled by its quarter or its title in the user's language.
 */
import { localizedName } from '../i18n/translate';
import type { Goal, Locale, Metric } from '../schema';
import { namesOf } from '../schema/metric-names';
import { CRM_METRIC } from './kpi-series';
import type { RevenueGap } from './overlay-context';

/** The revenue template's names (lib/engine/kpi-pack.ts): a KPI made by hand under them is revenue. */
const REVENUE_NAMES = new Set(['revenue', 'doanh thu']);

/**
 * A KPI a won deal's amount adds to one for one, so that "amount ÷ gap" is the share of the gap the
 * deal closes: a sum of money that goes up, recorded as such (no formula), and known to be sales —
 * the CRM's own won-deal value (lib/overlay/kpi-series.ts), the revenue KPI of the growth pack
 * (`templateId: 'revenue'`), or a KPI called by that template's name ("Revenue", "Doanh thu").
 * Not any money KPI that goes up: a deal adds its amount to revenue, not to net profit (less costs),
 * gross profit, an average order value or a customer's monthly value; measured against their gaps a
 * deal read "closes 1% of the net profit gap" when it closes 1% of no such thing.
 */
export function dealFedKpi(metric: Metric): boolean {
  if (metric.unit.kind !== 'currency' || metric.direction !== 'up') return false;
  if (metric.formula !== undefined || metric.aggregation !== 'sum') return false;
  return (
    metric.id === CRM_METRIC.dealsWonValue ||
    metric.templateId === 'revenue' ||
    namesOf(metric).some((n) => REVENUE_NAMES.has(n))
  );
}

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
    if (!metric || !dealFedKpi(metric) || metric.unit.kind !== 'currency') continue;
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
