import type { GoalEvaluation } from '../engine/evaluate-all';
import type { BudgetCap } from '../engine/goal-types/reading';
import { formatChance, formatDate, formatPercent, formatUnitAmount, formatUnitGap } from '../i18n/format';
import type { Goal, Unit } from '../schema';
import { forecastAfterLine } from './forecast-after';
import type { ViewContext } from './goal-views';

/**
 * A budget cap's card, as docs/figures.md § Budget cap words it (the engine: goal-types/budget-total.ts):
 * `₫620M / ₫1.5B budget · 41.3% of budget used · ₫880M left`, the planned line, the reason, and the
 * chance to stay within with where the total will likely end. An amount of money is a budget; any
 * other unit (churned customers) a limit. Pure formatting: nothing here recomputes a figure.
 *
 * No pair on one card contradicts itself: "under plan" never stands beside a status the numbers made
 * worse (the plan line then gives only the planned figure), the reason is never repeated on the line
 * below it, and a cap past its line shows no chance to stay within it.
 */

type Noun = 'money' | 'limit';
const noun = (unit: Unit): Noun => (unit.kind === 'currency' ? 'money' : 'limit');

const amount = (v: number, unit: Unit, ctx: ViewContext) => formatUnitAmount(v, unit, ctx.settings.locale);
const gap = (x: number, b: BudgetCap, unit: Unit, ctx: ViewContext) =>
  formatUnitGap(x, unit, ctx.settings.locale, [b.spent, b.cap]);
const date = (ms: number, ctx: ViewContext) =>
  formatDate(ms, ctx.settings.locale, ctx.settings.timeZone, 'medium');

/** The card's target: `₫1.5B budget` (vi `ngân sách 1,5 tỷ ₫`), `600 limit`. */
export function budgetTargetText(b: BudgetCap, unit: Unit, ctx: ViewContext): string {
  return ctx.t(`budget.cap.${noun(unit)}`, { cap: amount(b.cap, unit, ctx) });
}

/** `41.3% of budget used · ₫880M left`; once past the cap or over, the share alone. */
export function budgetProgressText(b: BudgetCap, unit: Unit, ctx: ViewContext): string {
  const percent = b.shareUsed === null ? '—' : formatPercent(b.shareUsed, ctx.settings.locale);
  const n = noun(unit);
  if (b.over > 0 || b.ended) return ctx.t(`budget.usedAll.${n}`, { percent });
  return ctx.t(`budget.used.${n}`, { percent, left: gap(b.left, b, unit, ctx) });
}

/**
 * A cap's status, said of its budget wherever a goal's status is shown (card, popup, snapshot,
 * widgets, scorecard rows): `Within budget`, `May go over budget`, `Likely over budget`, and once past
 * the cap `Over budget` (vi `Trong ngân sách`, `Có thể vượt ngân sách`, `Nguy cơ vượt ngân sách`,
 * `Vượt ngân sách`). A cap is never "behind schedule" (vi "Chậm tiến độ" read so on an overrun).
 * Undefined for the statuses every goal shares (done, not started, no data).
 */
export function budgetStatusLabel(
  b: BudgetCap,
  status: string,
  unit: Unit,
  ctx: ViewContext,
): string | undefined {
  const n = noun(unit);
  if (status === 'off_track' && b.over > 0) return ctx.t(`budget.status.over.${n}`);
  if (status === 'on_track' || status === 'at_risk' || status === 'off_track')
    return ctx.t(`budget.status.${status}.${n}`);
  return undefined;
}

/** The reason a cap's status came from its own figures; undefined for the reasons every goal shares. */
export function budgetReasonText(ev: GoalEvaluation, unit: Unit, ctx: ViewContext): string | undefined {
  const b = ev.budget;
  if (!b) return undefined;
  const n = noun(unit);
  switch (ev.decidedBy) {
    case 'budget_over':
      return ctx.t(`budget.over.${n}`, { x: gap(b.over, b, unit, ctx) });
    case 'budget_overrun_possible':
    case 'budget_overrun_likely':
      return b.chanceWithin === null ? undefined : chanceText(b.chanceWithin, n, ctx);
    case 'budget_over_plan':
    case 'budget_far_over_plan': {
      if (b.planned === null || b.plannedSpent === null) return undefined;
      const line = ctx.t('budget.overPlan', { x: gap(b.plannedSpent - b.planned, b, unit, ctx) });
      return b.planAsOf === undefined
        ? line
        : ctx.t('reading.pace.asOf', { line, date: dayMonth(b.planAsOf, ctx) });
    }
    // Only once the window is over (budget-total.ts): it stayed at or under the cap.
    case 'target_reached':
      return ctx.t('budget.kept');
    default:
      return undefined;
  }
}

/** The chance to stay within: `72% chance to stay within budget` (vi `khả năng không vượt ngân sách: 72%`). */
function chanceText(p: number, n: Noun, ctx: ViewContext): string {
  return ctx.t(`budget.chance.${n}`, { p: formatChance(p, ctx.settings.locale) });
}

const dayMonth = (ms: number, ctx: ViewContext) =>
  formatDate(ms - 1, ctx.settings.locale, ctx.settings.timeZone, 'dayMonth');

/** The numbers made the status worse (not the owner's judgement nor the children). */
const worseByNumbers = (ev: GoalEvaluation) =>
  (ev.status === 'at_risk' || ev.status === 'off_track') &&
  ev.decidedBy !== 'manual_confidence' &&
  ev.decidedBy !== 'children';

/**
 * The planned line against the total: `Under plan by ₫80M (₫700M planned by today)`. Only the planned
 * figure when the status's reason already says "over plan", or when the numbers made the status worse
 * while the total is on or under the line (no "under plan" beside "Off track"). None once past the
 * cap or over: the reason speaks.
 */
export function budgetPlanLine(ev: GoalEvaluation, unit: Unit, ctx: ViewContext): string | undefined {
  const b = ev.budget;
  if (!b || b.over > 0 || b.ended || b.planned === null || b.plannedSpent === null) return undefined;
  const { t } = ctx;
  // Compared at the last close (a metric logged once a month), the line says the total then too: the
  // card's value holds the running month's entries, which the close does not.
  const asOf = b.planAsOf !== undefined;
  const when = asOf ? dayMonth(b.planAsOf as number, ctx) : t('budget.today');
  const key = asOf ? 'budget.planAsOf' : 'budget.plan';
  // On the scale of the value and cap beside it: `₫505M`, never `₫504,629,630`.
  const planned = gap(b.planned, b, unit, ctx);
  const spent = gap(b.plannedSpent, b, unit, ctx);
  const pct = b.overPlanPct ?? 0;
  const over = pct >= 0.02;
  const params = { planned, spent, when };
  if (
    ev.decidedBy === 'budget_over_plan' ||
    ev.decidedBy === 'budget_far_over_plan' ||
    (!over && worseByNumbers(ev))
  )
    return t(`${key}.only`, params);
  if (Math.abs(pct) < 0.02) return t(`${key}.on`, params);
  const x = gap(b.plannedSpent - b.planned, b, unit, ctx);
  return t(`${key}.${over ? 'over' : 'under'}`, { ...params, x });
}

/**
 * Where the window's total will likely end, and the chance it stays at or under the cap:
 * `Forecast for Mar 31, 2027: ₫1.35B (80%: ₫1.2B – ₫1.5B) · 72% chance to stay within budget`. The
 * chance is left off when the status's reason gives it, and once past the cap. Until there are
 * periods enough, when there will be a forecast; none once the window is over.
 */
export function budgetForecastLine(
  goal: Goal,
  ev: GoalEvaluation,
  unit: Unit,
  ctx: ViewContext,
): string | undefined {
  const b = ev.budget;
  const { t } = ctx;
  if (!b || b.ended || goal.doneAt || goal.deadline === undefined || goal.deadline <= ctx.now)
    return undefined;
  if (!b.end) {
    const basis = ev.forecastBasis;
    if (!basis) return undefined;
    const per = basis.granularity === 'week' ? 'week' : 'month';
    return forecastAfterLine('cumulative', per, basis.history.length, ctx);
  }
  // An estimate, written as one: whole customers, never "134.83".
  const v = (x: number) => amount(unit.kind === 'count' ? Math.round(x) : x, unit, ctx);
  const [value, from, to] = [v(b.end.p50), v(b.end.p10), v(b.end.p90)];
  const at = date(goal.deadline, ctx);
  const parts = [
    from === to
      ? t('forecast.byDeadlineOne', { date: at, value })
      : t('forecast.byDeadline', { date: at, value, from, to }),
  ];
  const decided = ev.decidedBy === 'budget_overrun_possible' || ev.decidedBy === 'budget_overrun_likely';
  if (b.over === 0 && !decided && b.chanceWithin !== null)
    parts.push(chanceText(b.chanceWithin, noun(unit), ctx));
  if (b.rough) parts.push(t('forecast.rough', { ...b.rough }));
  return parts.join(' · ');
}
