import type { GoalView } from '../../../lib/app/goal-view';
import type { Alert } from '../../../lib/engine/alerts';
import type { GoalEvaluation } from '../../../lib/engine/evaluate-all';
import type { StatusReason } from '../../../lib/engine/status';
import type { Confidence, Goal } from '../../../lib/schema';

/**
 * What makes a goal card contradict itself (issue 14), checked by the property and replay tests.
 * A card is contradictory when any of these holds:
 *  C1 its status is at risk or off track and it shows no reason beside it;
 *  C2 the reason that decided the status is a reason for a different status (a pace or forecast
 *     reason for "on track"; "target reached" for anything but on track; a reason of at-risk strength
 *     for off track or the reverse, unless the owner's check-in or the children decided it);
 *  C3 the target is reached (pace, forecast or a keep goal held through its ended window) and the
 *     status is not on track — for a goal whose window has opened and is not done;
 *  C4 progress below 0 on screen (the bar or the text);
 *  C5 "ahead" or "on pace" beside at risk / off track, unless the owner's check-in or the children
 *     decided it: when the numbers decide, they never say both (a forecast that decides against a
 *     value ahead of the straight line is shown with what is still to go, docs/figures.md). Nor "ahead
 *     of plan" / "on plan" unless the same line names the plan's point the forecast falls short of
 *     ("…, but the plan asks ₫97B by Dec 31, 2027; forecast there: ₫56.9B");
 *  C6 a forecast whose median date is before the deadline cited as the reason it is unlikely;
 *  C7 a figure with no value (—) and a computed status other than "No data yet" from numbers;
 *  C8 an alert on the goal that reads otherwise than its card: a critical "behind" alert (below
 *     trajectory, forecast miss, keep breached) on a card that is not off track, or a keep goal's
 *     breach beside an off-track card raised as less than critical.
 *  C9 a keep goal's status milder than the chance its card shows: a chance the running month holds
 *     below 30% on a card not off track, or below 70% on a card on track (status.ts rule 4b; a rough
 *     estimate excepted, as it takes no part).
 *  C10 a keep goal on track beside a tally with a month missed ("held 9 of 12 months"): the goal is
 *     every month of its window, so a missed month holds it at at risk at best (status.ts rule 4b).
 *  C11 a budget cap (a total whose way is down: budget-total.ts) read as met — "target reached" or a
 *     progress of 1 — while its window runs, or its total past the cap on a card not off track (a
 *     done cap excepted), or on screen as all used before anything is spent;
 *  C12 a budget cap "under plan" or "on plan" beside at risk / off track, unless the owner's check-in
 *     or the children decided it (rule C5 for a cap's plan line).
 */
const OFF: ReadonlySet<StatusReason> = new Set([
  'pace_far_behind',
  'forecast_very_unlikely',
  'keep_breached',
  'keep_breach_likely',
  'deadline_passed',
  'budget_over',
  'budget_far_over_plan',
  'budget_overrun_likely',
]);
const RISK: ReadonlySet<StatusReason> = new Set([
  'pace_behind',
  'forecast_unlikely',
  'keep_close',
  'keep_breached_so_far',
  'keep_breach_possible',
  'keep_missed',
  'budget_over_plan',
  'budget_overrun_possible',
]);
const GOOD: ReadonlySet<StatusReason> = new Set(['done', 'target_reached', 'keep_held']);
const EITHER: ReadonlySet<StatusReason> = new Set(['manual_confidence', 'children']);

const BEHIND = new Set([
  'below_trajectory',
  'forecast_miss',
  'keep_breached',
  'keep_breach_likely',
  'budget_over',
  'budget_overrun',
  'budget_over_plan',
]);

export function contradictions(
  goal: Goal,
  ev: GoalEvaluation,
  view: GoalView,
  alerts: readonly Alert[] = [],
): string[] {
  const out: string[] = [];
  const status: Confidence | null = ev.status;
  const bad = view.status === 'at_risk' || view.status === 'off_track';
  if (bad && !view.reason) out.push(`C1 ${view.status} with no reason`);
  const d = ev.decidedBy;
  if (status && d) {
    if (status === 'on_track' && (OFF.has(d) || RISK.has(d))) out.push(`C2 on track decided by ${d}`);
    if (status !== 'on_track' && GOOD.has(d)) out.push(`C2 ${status} decided by ${d}`);
    if (status === 'off_track' && RISK.has(d)) out.push(`C2 off track decided by ${d}`);
    if (status === 'at_risk' && OFF.has(d)) out.push(`C2 at risk decided by ${d}`);
    if (!EITHER.has(d) && !ev.statusReasons.includes(d)) out.push(`C2 ${d} not among the reasons`);
  }
  const open = !goal.doneAt && !ev.statusReasons.includes('not_started');
  const reached =
    (ev.pace?.reached && ev.current !== null) ||
    ev.forecast?.reachedAlready ||
    (ev.type === 'keep' && ev.statusReasons.includes('target_reached'));
  if (open && reached && status !== 'on_track') out.push(`C3 reached but ${status}`);
  if (view.progress !== null && view.progress < 0) out.push(`C4 progress ${view.progress}`);
  if (/-\d/.test(view.progressText)) out.push(`C4 progress text ${view.progressText}`);
  const pace = view.pace ?? '';
  const sf = ev.planShortfall;
  // "Ahead of plan …, but the plan asks X by D; forecast there: Y": one story, the point and its figures said.
  const joined = !!sf && /, but the (plan asks|target is) .+ by .+; forecast there: /.test(pace);
  if (bad && /ahead|on pace|on plan/i.test(pace) && !(d && EITHER.has(d)) && !joined)
    out.push(`C5 ${view.pace} beside ${view.status}`);
  const f = ev.forecast;
  if (
    d === 'forecast_very_unlikely' &&
    f?.p50 !== null &&
    f?.p50 !== undefined &&
    goal.deadline !== undefined &&
    f.p50 <= goal.deadline
  )
    out.push('C6 median hit before the deadline called unlikely');
  const numeric = ev.type === 'total' || ev.type === 'level' || ev.type === 'keep';
  if (numeric && view.value === '—' && view.status !== 'no_data' && d !== 'manual_confidence' && !goal.doneAt)
    out.push(`C7 no value but ${view.status}`);
  for (const a of alerts) {
    if (a.subject.kind !== 'goal' || a.subject.id !== goal.id || !BEHIND.has(a.rule)) continue;
    if (a.severity === 'critical' && view.status !== 'off_track')
      out.push(`C8 critical ${a.rule} beside ${view.status}`);
    if (a.rule === 'keep_breached' && a.severity !== 'critical' && view.status === 'off_track')
      out.push(`C8 ${a.severity} breach beside off track`);
  }
  const k = ev.keep;
  if (
    open &&
    ev.type === 'keep' &&
    k &&
    k.breachNext !== null &&
    !k.rough &&
    !ev.statusReasons.includes('deadline_passed') &&
    !ev.statusReasons.includes('target_reached')
  ) {
    const hold = 1 - k.breachNext;
    if (hold < 0.3 && status !== 'off_track') out.push(`C9 ${hold.toFixed(2)} to hold beside ${status}`);
    if (hold < 0.7 && status === 'on_track') out.push(`C9 ${hold.toFixed(2)} to hold beside on track`);
  }
  if (open && ev.type === 'keep' && k && k.held < k.periods && status === 'on_track')
    out.push(`C10 on track beside ${k.held} of ${k.periods} months held`);
  const b = ev.budget;
  if (b && !goal.doneAt) {
    if (!b.ended && (ev.statusReasons.includes('target_reached') || (ev.progress ?? 0) >= 1))
      out.push('C11 a running cap read as met');
    if (b.over > 0 && status !== 'off_track' && status !== null) out.push(`C11 past the cap but ${status}`);
    if (b.spent <= 0 && b.cap > 0 && (view.progress ?? 0) > 0) out.push('C11 bar filled before any spend');
  }
  if (
    b &&
    bad &&
    /under plan|on plan|thấp hơn kế hoạch|đúng kế hoạch/i.test(view.pace ?? '') &&
    !(d && EITHER.has(d))
  )
    out.push(`C12 ${view.pace} beside ${view.status}`);
  return out;
}
