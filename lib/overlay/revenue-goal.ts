/**
 * "The current revenue goal": the open goal on a KPI a deal's amount adds to (dealFedKpi), with a
 * target still ahead and a deadline not yet passed. A BHAG only when there is no other (a deal against
 * the gap to a three-year ambition read "<1%" on every card, while the quarter's key result a deal can
 * move was ignored). Then a goal for the whole business before a goal for one segment (a goal with
 * `dims`, e.g. distributor revenue: every deal on the CRM page, of whatever segment, is measured against
 * the distributors' gap), and the panel names a segment goal's segment, so a share of it is read as
 * such; then pinned goals, then the nearest deadline. Its open gap (target − current) is what a
 * deal's badge measures itself against, labelled by its quarter or its title in the user's language.
 * The user may pick another eligible goal for a CRM site (chooseRevenueGoal); a pick that is no longer
 * eligible (done, deleted, past its deadline, its KPI switched off) falls back to this rule.
 */
import { localizedName } from '../i18n/translate';
import type { DimensionValues, Goal, Locale, Metric } from '../schema';
import { namesOf } from '../schema/metric-names';
import { CRM_METRIC } from './kpi-series';
import type { RevenueGap } from './overlay-context';

/** The revenue template's names (lib/engine/kpi-pack.ts): a KPI made by hand under them is revenue. */
const REVENUE_NAMES = new Set(['revenue', 'doanh thu']);

type DealFedFields = Pick<
  Metric,
  | 'id'
  | 'name'
  | 'translations'
  | 'templateId'
  | 'unit'
  | 'direction'
  | 'formula'
  | 'aggregation'
  | 'wonDeals'
>;

/**
 * Whether a won deal's amount could add to the KPI one for one at all: a sum of money that goes up,
 * recorded as such (no formula). Against a KPI of another shape "amount ÷ gap" means nothing.
 */
export function dealFedShape(metric: Omit<DealFedFields, 'wonDeals'>): boolean {
  if (metric.unit.kind !== 'currency' || metric.direction !== 'up') return false;
  return metric.formula === undefined && metric.aggregation === 'sum';
}

/**
 * What Pacer assumes when the user has not said (`wonDeals` unset): the KPI is known to be sales —
 * the CRM's own won-deal value (lib/overlay/kpi-series.ts), the revenue KPI of the growth pack
 * (`templateId: 'revenue'`), or a KPI called by that template's name ("Revenue", "Doanh thu").
 * Not any money KPI that goes up: a deal adds its amount to revenue, not to net profit (less costs),
 * gross profit, an average order value or a customer's monthly value; measured against their gaps a
 * deal read "closes 1% of the net profit gap" when it closes 1% of no such thing.
 */
export function inferredDealFed(metric: Omit<DealFedFields, 'wonDeals'>): boolean {
  return (
    dealFedShape(metric) &&
    (metric.id === CRM_METRIC.dealsWonValue ||
      metric.templateId === 'revenue' ||
      namesOf(metric).some((n) => REVENUE_NAMES.has(n)))
  );
}

/**
 * A KPI a won deal's amount adds to one for one, so that "amount ÷ gap" is the share of the gap the
 * deal closes. The user says so in the KPI form (`wonDeals`: "Online revenue", "Doanh thu kênh đại
 * lý" are revenue under another name; an explicit "no" switches off even a KPI called Revenue);
 * unset, the inference above. Either way only a KPI of the right shape (dealFedShape).
 */
export function dealFedKpi(metric: DealFedFields): boolean {
  if (!dealFedShape(metric)) return false;
  return metric.wonDeals ?? inferredDealFed(metric);
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

/** Whether a goal counts only a segment of its KPI (channel = online, segment = distributor). */
export function goalSegment(goal: Pick<Goal, 'dims'>): DimensionValues | undefined {
  const dims = Object.fromEntries(Object.entries(goal.dims ?? {}).filter(([, v]) => v)) as DimensionValues;
  return Object.keys(dims).length > 0 ? dims : undefined;
}

/**
 * Every goal a deal's badge may measure itself against, best first (the rule in this file's header):
 * open, not a milestone, deadline not passed, on a deal-fed KPI, with a positive, finite gap.
 */
export function revenueGoalOptions(
  goals: readonly Goal[],
  metrics: readonly Metric[],
  numbers: ReadonlyMap<string, GoalNumbers>,
  now: number,
  fiscalYearStartMonth = 1,
  locale: Locale = 'en',
): RevenueGap[] {
  const metricById = new Map(metrics.filter((m) => m.deletedAt === null).map((m) => [m.id, m]));
  const candidates: { goal: Goal; gap: number; currency: string; segment?: DimensionValues }[] = [];
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
    candidates.push({ goal, gap, currency: metric.unit.currency, segment: goalSegment(goal) });
  }
  candidates.sort(
    (a, b) =>
      Number(a.goal.kind === 'bhag') - Number(b.goal.kind === 'bhag') ||
      Number(a.segment !== undefined) - Number(b.segment !== undefined) ||
      Number(Boolean(b.goal.pinned)) - Number(Boolean(a.goal.pinned)) ||
      (a.goal.deadline ?? Number.MAX_SAFE_INTEGER) - (b.goal.deadline ?? Number.MAX_SAFE_INTEGER) ||
      a.goal.id.localeCompare(b.goal.id),
  );
  return candidates.map(({ goal, gap, currency, segment }) => ({
    goalId: goal.id,
    gap,
    currency,
    label: gapLabel(goal, fiscalYearStartMonth, locale),
    ...(segment ? { segment } : {}),
  }));
}

/** The goal the badges measure against, and how it was chosen. */
export interface RevenueChoice {
  gap: RevenueGap | null;
  /** 'picked': the user's pick for this site; 'rule': none was made; 'fallback': the pick is no longer eligible. */
  how: 'picked' | 'rule' | 'fallback';
}

/** The user's pick when it is still among the options, else the rule's first option. */
export function chooseRevenueGoal(options: readonly RevenueGap[], pickedId?: string): RevenueChoice {
  const rule = options[0] ?? null;
  if (pickedId === undefined) return { gap: rule, how: 'rule' };
  const picked = options.find((o) => o.goalId === pickedId);
  return picked ? { gap: picked, how: 'picked' } : { gap: rule, how: 'fallback' };
}

/** The rule's goal alone (no pick). */
export function pickRevenueGoal(...args: Parameters<typeof revenueGoalOptions>): RevenueGap | null {
  return revenueGoalOptions(...args)[0] ?? null;
}
