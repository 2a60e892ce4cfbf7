import { formatNumber, formatUnitAmount } from '../i18n/format';
import type { Goal, Unit } from '../schema';
import { type Alert, make, titled, unitGap } from './alerts';
import type { BudgetCap } from './goal-types/reading';
import { sentenceDate } from './sentence-date';
import { STATUS_THRESHOLDS, type StatusReason } from './status';

/**
 * A budget cap's alert (goal-types/budget-total.ts; docs/figures.md § Budget cap), at most one per goal
 * and never once its window is over. A cap raises no "target reached" of any kind: running under its
 * line it has met nothing yet.
 * - Past the cap: `budget_over`, critical (its card is off track for good), one per window.
 * - Else its chance to end at or under the cap below 70% (the card's at-risk threshold): `budget_overrun`,
 *   critical under 30% unless a rough estimate, else a warning — one per week, as a total's forecast miss.
 * - Else the card's status comes from the planned line (no fitted chance): `budget_over_plan`, critical
 *   where the card is off track, a warning where it is at risk.
 */
export function budgetAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations' | 'deadline'>,
  b: BudgetCap | null,
  reasons: readonly StatusReason[],
  a: { unit: Unit | undefined; week: string; windowStart: string; timeZone: string },
): Alert | null {
  if (!b || b.ended) return null;
  const money = a.unit?.kind === 'currency' ? 1 : 0;
  const beside = [b.spent, b.cap];
  const capText = (locale: 'en' | 'vi') =>
    a.unit ? formatUnitAmount(b.cap, a.unit, locale) : formatNumber(b.cap, locale);
  const cap = { capEn: capText('en'), capVi: capText('vi') };
  if (b.over > 0) {
    const { gapEn, gapVi } = unitGap(b.over, a.unit, beside);
    return make(
      'budget_over',
      'critical',
      'goal',
      goal.id,
      a.windowStart,
      titled(goal, 'alert_budget_over', { ...cap, overEn: gapEn, overVi: gapVi, money }),
      b.over,
    );
  }
  const p = b.chanceWithin;
  if (p !== null && p < STATUS_THRESHOLDS.atRiskProbability && goal.deadline !== undefined) {
    const when = sentenceDate(goal.deadline, a.timeZone);
    return make(
      'budget_overrun',
      p < STATUS_THRESHOLDS.offTrackProbability && !b.rough ? 'critical' : 'warning',
      'goal',
      goal.id,
      a.week,
      titled(goal, 'alert_budget_overrun', {
        ...cap,
        deadlineEn: when.dateEn,
        deadlineVi: when.dateVi,
        probability: p,
        money,
      }),
      p,
    );
  }
  const far = reasons.includes('budget_far_over_plan');
  if ((far || reasons.includes('budget_over_plan')) && b.planned !== null && b.plannedSpent !== null) {
    return make(
      'budget_over_plan',
      far ? 'critical' : 'warning',
      'goal',
      goal.id,
      a.week,
      titled(goal, 'alert_budget_over_plan', unitGap(b.plannedSpent - b.planned, a.unit, beside)),
      b.overPlanPct ?? undefined,
    );
  }
  return null;
}
