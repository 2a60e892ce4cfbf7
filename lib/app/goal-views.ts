import { daysLeft } from '../engine/days-left';
import type { GoalEvaluation } from '../engine/evaluate-all';
import { formatDate } from '../i18n/format';
import { localizedName, type Translator } from '../i18n/translate';
import type { Goal, Metric, Settings, Unit } from '../schema';
import { budgetStatusLabel, budgetTargetText } from './budget-text';
import type { GoalView, ViewStatus } from './goal-view';
import { levelAmountFigures } from './level-amount-figures';
import { levelPercentFigures } from './percent-figures';
import {
  forecastLine,
  formatUnitValue,
  isScored,
  keepThresholdText,
  okrScoreText,
  paceLine,
  progressText,
  reasonText,
  valueText,
} from './reading-text';

export interface ViewContext {
  t: Translator;
  /** okrZones: what a good OKR score is (okr-score-text.ts); 0.7 when not given. */
  settings: Pick<Settings, 'locale' | 'timeZone' | 'currency'> & Partial<Pick<Settings, 'okrZones'>>;
  now: number;
}

/** The unit a goal's numbers are shown in: its metric's, or the budget currency, or a plain count. */
export function goalUnit(goal: Goal, metric: Metric | undefined): Unit {
  if (metric) return metric.unit;
  if (goal.budget) return { kind: 'currency', currency: goal.budget.currency };
  return { kind: 'count' };
}

export function statusOf(goal: Goal, ev: GoalEvaluation | undefined): ViewStatus {
  if (goal.doneAt) return 'done';
  if (ev?.status) return ev.status;
  // A value but no signal yet (status.ts rule 5b): "Too early to tell", never "No data yet".
  return ev?.statusReasons.includes('too_early') ? 'too_early' : 'no_data';
}

export function statusLabel(t: Translator, s: ViewStatus): string {
  return s === 'no_data'
    ? t('dashboard.noData')
    : s === 'done'
      ? t('status.done')
      : s === 'too_early'
        ? t('status.tooEarly')
        : t(`status.${s}`);
}

export { formatUnitValue };

function deadlineText(goal: Goal, ctx: ViewContext): string | undefined {
  if (goal.deadline === undefined) return undefined;
  const date = formatDate(goal.deadline, ctx.settings.locale, ctx.settings.timeZone, 'medium');
  if (goal.doneAt) return date;
  if (goal.deadline < ctx.now) return `${date} · ${ctx.t('dashboard.overdue')}`;
  const days = daysLeft(goal.deadline, ctx.now, ctx.settings.timeZone);
  if (days <= 0) return `${date} · ${ctx.t('dashboard.dueToday')}`;
  return `${date} · ${ctx.t(days === 1 ? 'dashboard.daysLeft.one' : 'dashboard.daysLeft.other', { count: days })}`;
}

export function buildGoalView(
  goal: Goal,
  ev: GoalEvaluation | undefined,
  metric: Metric | undefined,
  spark: (number | null)[],
  ctx: ViewContext,
): GoalView {
  const { t } = ctx;
  const unit = goalUnit(goal, metric);
  const status = statusOf(goal, ev);
  // A budget cap's bar is the share of it used (budget-text.ts), never its score: empty at ₫0 spent.
  const progress = goal.doneAt
    ? 1
    : ev?.budget
      ? ev.budget.shareUsed
      : (ev?.rolledUpProgress ?? ev?.progress ?? null);
  // A goal without any figure has no status to show: "No data yet", not "₫0, behind, off track".
  const noFigures =
    !goal.doneAt && ev?.current === null && ev.type !== 'objective' && ev.type !== 'milestone';
  const shownStatus: ViewStatus = noFigures && ev?.decidedBy !== 'manual_confidence' ? 'no_data' : status;
  const scored = isScored(goal, ev) && ev?.okr ? { okr: ev.okr } : null;
  const view: GoalView = {
    id: goal.id,
    title: localizedName(goal, ctx.settings.locale),
    kind: goal.kind,
    kindLabel: t(`goalKind.${goal.kind}`),
    status: shownStatus,
    statusLabel:
      ev?.statusReasons.includes('not_started') && shownStatus === 'no_data'
        ? t('status.notStarted')
        : ((ev?.budget && budgetStatusLabel(ev.budget, shownStatus, unit, ctx)) ??
          statusLabel(t, shownStatus)),
    // Never below 0 on screen: a value under the baseline is "none of the way yet".
    progress: progress !== null && Number.isFinite(progress) ? Math.max(0, progress) : null,
    progressText: progressText(goal, ev, unit, ctx),
    value: scored ? okrScoreText(scored.okr.score, ctx.settings.locale) : valueText(ev, unit, ctx),
    target: scored
      ? okrScoreText(1, ctx.settings.locale)
      : ev?.keep
        ? keepThresholdText(ev, unit, ctx)
        : ev?.budget
          ? budgetTargetText(ev.budget, unit, ctx)
          : (levelPercentFigures(ev, unit, ctx)?.target ??
            levelAmountFigures(ev, unit, ctx)?.target ??
            formatUnitValue(goal.target ?? null, unit, ctx)),
    spark: spark.slice(-120),
  };
  if (goal.owner) view.owner = goal.owner;
  if (goal.perspective) view.perspective = goal.perspective;
  if (goal.pinned) view.pinned = true;
  if (goal.parentId) view.parentId = goal.parentId;
  if (ev?.okr) view.okrScore = ev.okr.score;
  if (!goal.doneAt && ev?.statusReasons.includes('not_started')) view.notStarted = true;
  // Not started: the progress line says when it starts, beside the "Not started" pill.
  const reason = shownStatus !== 'no_data' ? reasonText(goal, ev, unit, ctx) : undefined;
  if (reason) view.reason = reason;
  // Before its window opens a goal is neither ahead nor behind, and a keep goal's "this month" is a
  // month outside its window: a Q1 margin goal read "0.4 pt below the 19% floor" and "chance this
  // month ends at or above 19%: 30%" in December. A total or level keeps its chance by the deadline.
  const notStarted = view.notStarted === true;
  const pace = ev && !goal.doneAt && !noFigures && !notStarted ? paceLine(ev, unit, ctx) : undefined;
  if (pace) view.pace = pace;
  const forecast =
    ev && !noFigures && !(notStarted && ev.type === 'keep') ? forecastLine(goal, ev, ctx, unit) : undefined;
  if (forecast) view.forecast = forecast;
  const deadline = deadlineText(goal, ctx);
  if (deadline) view.deadline = deadline;
  return view;
}
