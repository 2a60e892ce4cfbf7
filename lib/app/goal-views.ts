import type { GoalEvaluation } from '../engine/evaluate-all';
import { formatCompact, formatDate, formatPercent, formatValue } from '../i18n/format';
import { localizedName, type Translator } from '../i18n/translate';
import type { Goal, Metric, Settings, Unit } from '../schema';
import type { GoalView, ViewStatus } from './goal-view';

const DAY = 86_400_000;

export interface ViewContext {
  t: Translator;
  settings: Pick<Settings, 'locale' | 'timeZone' | 'currency'>;
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
  return ev?.status ?? 'no_data';
}

export function statusLabel(t: Translator, s: ViewStatus): string {
  return s === 'no_data' ? t('dashboard.noData') : s === 'done' ? t('status.done') : t(`status.${s}`);
}

export function formatUnitValue(value: number | null, unit: Unit, ctx: ViewContext): string {
  if (value === null) return '—';
  if (unit.kind === 'currency' && Math.abs(value) >= 1e6)
    return formatCompact(value, ctx.settings.locale, unit.currency);
  if (unit.kind === 'count' && Math.abs(value) >= 1e6) return formatCompact(value, ctx.settings.locale);
  return formatValue(value, unit, ctx.settings.locale);
}

function paceText(ev: GoalEvaluation, unit: Unit, ctx: ViewContext): string | undefined {
  const p = ev.pace;
  if (!p || p.gapPct === null) return undefined;
  if (Math.abs(p.gapPct) < 0.02) return ctx.t('pace.onPace');
  const x = `${formatUnitValue(Math.abs(p.gap), unit, ctx)} (${formatPercent(Math.abs(p.gapPct), ctx.settings.locale)})`;
  return p.gapPct > 0 ? ctx.t('pace.ahead', { x }) : ctx.t('pace.behind', { x });
}

function forecastText(goal: Goal, ev: GoalEvaluation, ctx: ViewContext): string | undefined {
  const f = ev.forecast;
  if (goal.doneAt || !goal.metricId) return undefined;
  if (!f) return goal.deadline && goal.deadline > ctx.now ? ctx.t('forecast.notEnoughData') : undefined;
  if (f.reachedAlready) return undefined;
  if (f.method === 'none') return ctx.t('forecast.notEnoughData');
  if (f.p50 === null) return ctx.t('forecast.neverAtPace');
  const d = (ms: number | null) =>
    ms === null ? '…' : formatDate(ms, ctx.settings.locale, ctx.settings.timeZone, 'medium');
  return ctx.t('forecast.line', { date: d(f.p50), from: d(f.p10), to: d(f.p90) });
}

function deadlineText(goal: Goal, ctx: ViewContext): string | undefined {
  if (goal.deadline === undefined) return undefined;
  const date = formatDate(goal.deadline, ctx.settings.locale, ctx.settings.timeZone, 'medium');
  if (goal.doneAt) return date;
  const days = Math.ceil((goal.deadline - ctx.now) / DAY);
  if (days < 0) return `${date} · ${ctx.t('dashboard.overdue')}`;
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
  const progress = goal.doneAt ? 1 : (ev?.rolledUpProgress ?? ev?.progress ?? null);
  const view: GoalView = {
    id: goal.id,
    title: localizedName(goal, ctx.settings.locale),
    kind: goal.kind,
    kindLabel: t(`goalKind.${goal.kind}`),
    status,
    statusLabel:
      ev?.statusReasons.includes('not_started') && status === 'no_data'
        ? t('status.notStarted')
        : statusLabel(t, status),
    progress: progress !== null && Number.isFinite(progress) ? progress : null,
    progressText:
      progress !== null && Number.isFinite(progress)
        ? t('dashboard.progress', { percent: formatPercent(progress, ctx.settings.locale) })
        : t('dashboard.noData'),
    value: formatUnitValue(ev?.current ?? null, unit, ctx),
    target: formatUnitValue(goal.target ?? null, unit, ctx),
    spark: spark.slice(-120),
  };
  if (goal.owner) view.owner = goal.owner;
  if (goal.perspective) view.perspective = goal.perspective;
  if (goal.pinned) view.pinned = true;
  if (goal.parentId) view.parentId = goal.parentId;
  if (ev?.okr) view.okrScore = ev.okr.score;
  const pace = ev && !goal.doneAt ? paceText(ev, unit, ctx) : undefined;
  if (pace) view.pace = pace;
  const forecast = ev ? forecastText(goal, ev, ctx) : undefined;
  if (forecast) view.forecast = forecast;
  const deadline = deadlineText(goal, ctx);
  if (deadline) view.deadline = deadline;
  return view;
}
