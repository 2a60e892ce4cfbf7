import {
  formatMonthSoFar,
  formatNumber,
  formatPercent,
  formatUnitAmount,
  formatUnitGap,
} from '../i18n/format';
import type { Confidence, Goal, Locale, Metric, Unit } from '../schema';
import type { HitForecast } from './forecast';
import { type Message, type MessageKey, msg } from './messages';
import type { MilestoneStatus } from './milestones';
import type { Pace } from './pace';
import { sentenceDate } from './sentence-date';
import { STATUS_THRESHOLDS, type StatusReason } from './status';

/**
 * Alert rules. Each rule turns already-computed numbers into at most one alert. An alert's id is
 * `rule:subjectKind:subjectId:period`, so evaluating again in the same period yields the same id and
 * the surfaces can remember "dismissed" or "already notified" by id.
 */

export type AlertRule =
  | 'below_trajectory'
  | 'forecast_miss'
  | 'conversion_below_target'
  | 'no_check_in'
  | 'milestone_overdue'
  | 'kpi_moved'
  | 'keep_breached'
  | 'keep_breach_likely'
  /** A budget cap (budget-alerts.ts). */
  | 'budget_over'
  | 'budget_overrun'
  | 'budget_over_plan';

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface Alert {
  id: string;
  rule: AlertRule;
  severity: AlertSeverity;
  subject: { kind: 'goal' | 'metric'; id: string };
  /** The period the alert is about (a local day key or week start), part of the id. */
  period: string;
  message: Message;
  value?: number;
}

export interface AlertOptions {
  /**
   * Below trajectory by more than this share → warning; critical from the gap that makes the card
   * off track (status.ts, STATUS_THRESHOLDS.offTrackGap).
   */
  belowTrajectoryPct: number;
  /**
   * Chance of hitting the target by the deadline below this → warning; critical below the chance that
   * makes the card off track (STATUS_THRESHOLDS.offTrackProbability), unless a rough estimate.
   */
  forecastMissProbability: number;
  noCheckInDays: number;
  /** A KPI moving more than this share week over week → info. */
  kpiMovePct: number;
}

/**
 * The warnings start where the card turns At risk (status.ts): a revenue card read "At risk · 59%
 * chance by Mar 31" with no alert under the old 0.5 chance and 10% gap.
 */
export const DEFAULT_ALERT_OPTIONS: AlertOptions = {
  belowTrajectoryPct: -STATUS_THRESHOLDS.atRiskGap,
  forecastMissProbability: STATUS_THRESHOLDS.atRiskProbability,
  noCheckInDays: 14,
  kpiMovePct: 0.3,
};

export function alertId(rule: AlertRule, kind: 'goal' | 'metric', id: string, period: string): string {
  return `${rule}:${kind}:${id}:${period}`;
}

type Named = Pick<Goal, 'title' | 'translations'> | Pick<Metric, 'name' | 'translations'>;

/** The message with the subject's name in each language. */
export function titled(subject: Named, key: MessageKey, params: Record<string, string | number>): Message {
  const base = 'title' in subject ? subject.title : subject.name;
  const en = msg(key, { ...params, title: subject.translations?.en ?? base }).en;
  const vi = msg(key, { ...params, title: subject.translations?.vi ?? base }).vi;
  return { en, vi };
}

export const make = (
  rule: AlertRule,
  severity: AlertSeverity,
  kind: 'goal' | 'metric',
  id: string,
  period: string,
  message: Message,
  value?: number,
): Alert => ({
  id: alertId(rule, kind, id, period),
  rule,
  severity,
  subject: { kind, id },
  period,
  message,
  value,
});

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Intl formatters are costly to build (most of an incremental evaluation's time): built once each. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/**
 * A gap in both languages, written as the goal's card writes it (format.ts, formatUnitGap: one
 * formatter for both): a unit given only by its kind (the engine's tests, a goal without a metric)
 * stands for itself where the kind is all there is to it.
 */
export function unitGap(
  gap: number,
  unit: Unit | Unit['kind'] | undefined,
  beside: readonly (number | null)[],
): { gapEn: string; gapVi: string } {
  const u: Unit | undefined =
    typeof unit === 'string'
      ? unit === 'currency' || unit === 'duration'
        ? undefined
        : { kind: unit }
      : unit;
  return { gapEn: formatUnitGap(gap, u, 'en', beside), gapVi: formatUnitGap(gap, u, 'vi', beside) };
}

export function belowTrajectoryAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations'>,
  pace: Pace | null,
  period: string,
  o: AlertOptions = DEFAULT_ALERT_OPTIONS,
  unit?: Unit | Unit['kind'],
  /** The card's value and target: the gap is written on their scale. */
  beside: readonly (number | null)[] = [],
): Alert | null {
  const g = pace?.gapPct;
  if (g === null || g === undefined || !Number.isFinite(g) || g >= -o.belowTrajectoryPct) return null;
  const severity = g < STATUS_THRESHOLDS.offTrackGap ? 'critical' : 'warning';
  return make(
    'below_trajectory',
    severity,
    'goal',
    goal.id,
    period,
    titled(goal, 'alert_below_trajectory', pace ? unitGap(pace.gap, unit, beside) : {}),
    g,
  );
}

export function forecastMissAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations' | 'deadline'>,
  forecast: HitForecast | null,
  period: string,
  o: AlertOptions = DEFAULT_ALERT_OPTIONS,
  timeZone = 'UTC',
): Alert | null {
  const p = forecast?.probabilityByDeadline;
  if (p === null || p === undefined || goal.deadline === undefined || p >= o.forecastMissProbability)
    return null;
  // A rough estimate (too few periods for a fitted model) can warn but never raise a critical alert.
  const severity = p < STATUS_THRESHOLDS.offTrackProbability && !forecast?.rough ? 'critical' : 'warning';
  return make(
    'forecast_miss',
    severity,
    'goal',
    goal.id,
    period,
    titled(goal, 'alert_forecast_miss', {
      deadlineEn: sentenceDate(goal.deadline, timeZone).dateEn,
      deadlineVi: sentenceDate(goal.deadline, timeZone).dateVi,
      probability: p,
    }),
    p,
  );
}

/**
 * A funnel stage (a goal on a conversion-rate metric, see funnel-conversion.ts) whose latest rate is
 * below its target rate. Only a rate where higher is better is a funnel conversion: with direction
 * 'down' (churn, cost per lead) "below the target" is good news, so nothing fires.
 */
export function conversionBelowTargetAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations'>,
  rate: number | null,
  targetRate: number,
  direction: Metric['direction'],
  period: string,
  /** The metric's unit: the rates are written as the card writes them ("7.7%", not "7.68"). */
  unit?: Unit,
): Alert | null {
  if (direction !== 'up' || rate === null || !Number.isFinite(rate) || !Number.isFinite(targetRate))
    return null;
  if (rate >= targetRate) return null;
  return make(
    'conversion_below_target',
    'warning',
    'goal',
    goal.id,
    period,
    titled(goal, 'alert_conversion_below_target', {
      valueEn: levelText(rate, unit).en,
      valueVi: levelText(rate, unit).vi,
      targetEn: levelText(targetRate, unit).en,
      targetVi: levelText(targetRate, unit).vi,
    }),
    rate,
  );
}

/** Goal kinds whose owner is expected to check in; the others are followed another way. */
const CHECKED_IN_KINDS: ReadonlySet<Goal['kind']> = new Set(['objective', 'key_result', 'kpi_target']);

/**
 * Silence since the last check-in; one alert per silent stretch (the id carries the last check-in's
 * day, or 'never').
 *
 * Only live goals that someone owns are asked for check-ins, since checking in is the owner's job.
 * Milestones are followed by their deadline (milestone_overdue) and a BHAG through its milestones, so
 * neither is asked. Done goals, goals past their deadline and goals not started never alert.
 * A goal never checked in on counts its silence from when it started — the later of its window start
 * and its creation, since nobody owes a check-in on a goal from before it existed — and says "no
 * check-in yet" rather than a day count that only measures how old the goal record is.
 */
export function noCheckInAlert(
  goal: Pick<
    Goal,
    | 'id'
    | 'title'
    | 'translations'
    | 'kind'
    | 'owner'
    | 'startAt'
    | 'deadline'
    | 'doneAt'
    | 'archived'
    | 'deletedAt'
    | 'createdAt'
  >,
  lastCheckIn: number | null,
  now: number,
  o: AlertOptions = DEFAULT_ALERT_OPTIONS,
): Alert | null {
  if (!CHECKED_IN_KINDS.has(goal.kind) || !goal.owner?.trim()) return null;
  if (goal.archived || goal.deletedAt !== null || (goal.doneAt !== undefined && goal.doneAt !== null))
    return null;
  if (goal.deadline !== undefined && goal.deadline <= now) return null;
  const since = lastCheckIn ?? Math.max(goal.startAt ?? goal.createdAt, goal.createdAt);
  const days = Math.floor((now - since) / 86_400_000);
  if (days < o.noCheckInDays) return null;
  const severity = days >= 2 * o.noCheckInDays ? 'warning' : 'info';
  return make(
    'no_check_in',
    severity,
    'goal',
    goal.id,
    lastCheckIn === null ? 'never' : day(lastCheckIn),
    lastCheckIn === null
      ? titled(goal, 'alert_no_check_in_yet', {})
      : titled(goal, 'alert_no_check_in', { days }),
    days,
  );
}

export function milestoneOverdueAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations' | 'deadline'>,
  status: MilestoneStatus,
  timeZone = 'UTC',
): Alert | null {
  if (status.state !== 'overdue' || goal.deadline === undefined) return null;
  return make(
    'milestone_overdue',
    'warning',
    'goal',
    goal.id,
    day(goal.deadline),
    titled(goal, 'alert_milestone_overdue', sentenceDate(goal.deadline, timeZone)),
    status.daysLeft ?? undefined,
  );
}

/**
 * A level in the metric's unit, in each language, as the cards write it (format.ts,
 * formatUnitAmount): "29.6%", "₫87.2M", "2.1 d" / "2,1 ngày"; a percentage to one decimal ("3.8%").
 */
function levelText(x: number, unit: Unit | undefined): { en: string; vi: string } {
  const one = (locale: Locale) =>
    unit?.kind === 'percent'
      ? formatPercent(x / 100, locale, { maximumFractionDigits: 1 })
      : unit
        ? formatUnitAmount(x, unit, locale)
        : formatNumber(x, locale, {
            maximumFractionDigits: Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2,
          });
  return { en: one('en'), vi: one('vi') };
}

/** The period a level was read for, in a sentence: "Nov 2026" / "tháng 11/2026", or its day. */
function periodText(start: string, byMonth: boolean, soFar?: string): { en: string; vi: string } {
  const [y, m, d] = start.split('-').map(Number);
  const at = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
  // The running month so far, with its days, as the card writes it ("Dec 1–7: 29.6%").
  const last = soFar && soFar.slice(0, 7) === start.slice(0, 7) ? Number(soFar.slice(8, 10)) : null;
  if (byMonth && last !== null)
    return { en: formatMonthSoFar(start, last, 'en', true), vi: formatMonthSoFar(start, last, 'vi', true) };
  if (byMonth)
    return {
      en: formatter(
        'm|en',
        () => new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }),
      ).format(at),
      vi: `tháng ${m}/${y}`,
    };
  return {
    en: formatter(
      'd|en|UTC',
      () => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }),
    ).format(at),
    vi: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
  };
}

/**
 * A keep goal's latest period past its line: one alert per goal and period (the id carries the
 * period's first day), worded in the metric's good direction — "below its 30% floor" for a floor,
 * "above its 1% ceiling" for a ceiling. As severe as its card (status.ts, rule 4b): critical when the
 * card is off track (a complete month breached, or the running month likely to end past the line),
 * a warning while the running month, breached so far, may still come back (the card is at risk). An
 * alert never reads milder or harsher than its card; the message says by how much. Months of the
 * window missed earlier ('keep_missed') raise no alert of their own: they hold a card at at risk at
 * most, so they change no severity here, and the card's reason already counts them.
 */
export function keepBreachedAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations'>,
  keep: { side: 'at_least' | 'at_most'; threshold: number; margin: number | null } | null,
  current: number | null,
  period: { start: string; granularity: string | null; partial?: boolean } | null,
  unit: Unit | undefined,
  /** Today's local day: a running month is named with its days so far, as on the card. */
  today: string | undefined,
  /** The card's status: the alert is critical only beside an off-track card. */
  status: Confidence | null,
): Alert | null {
  if (!keep || keep.margin === null || keep.margin >= 0 || current === null || !period) return null;
  const value = levelText(current, unit);
  const threshold = levelText(keep.threshold, unit);
  const when = periodText(period.start, period.granularity === 'month', period.partial ? today : undefined);
  const key = keep.side === 'at_least' ? 'alert_keep_under_floor' : 'alert_keep_over_ceiling';
  return make(
    'keep_breached',
    status === 'off_track' ? 'critical' : 'warning',
    'goal',
    goal.id,
    period.start,
    titled(goal, key, {
      valueEn: value.en,
      valueVi: value.vi,
      thresholdEn: threshold.en,
      thresholdVi: threshold.vi,
      periodEn: when.en,
      periodVi: when.vi,
    }),
    current,
  );
}

/**
 * A keep goal on the right side of its line whose running month will likely (or may) end past it:
 * raised exactly where its card's status names that chance (status.ts rule 4b: 'keep_breach_likely'
 * or 'keep_breach_possible', never from a rough estimate), so the alert cannot read otherwise than the
 * card — "“Deliver within 2 days” may go above its 2 d ceiling in Dec 2026 (chance of a breach: 71%)".
 * As severe as the card: critical beside off track, else a warning. None when the line is already
 * crossed (the breach alert above speaks for it). One per goal and month.
 */
export function keepBreachLikelyAlert(
  goal: Pick<Goal, 'id' | 'title' | 'translations'>,
  keep: {
    side: 'at_least' | 'at_most';
    threshold: number;
    margin: number | null;
    breachNext: number | null;
  } | null,
  unit: Unit | undefined,
  /** The running month's first day: the month the chance is about. */
  month: string,
  /** The card's status and the reasons behind it (status.ts). */
  status: Confidence | null,
  reasons: readonly StatusReason[],
): Alert | null {
  const byChance = reasons.includes('keep_breach_likely') || reasons.includes('keep_breach_possible');
  if (!keep || !byChance || keep.breachNext === null || keep.margin === null || keep.margin < 0) return null;
  const threshold = levelText(keep.threshold, unit);
  const when = periodText(month, true);
  return make(
    'keep_breach_likely',
    status === 'off_track' ? 'critical' : 'warning',
    'goal',
    goal.id,
    month,
    titled(goal, keep.side === 'at_least' ? 'alert_keep_may_fall_below' : 'alert_keep_may_go_above', {
      thresholdEn: threshold.en,
      thresholdVi: threshold.vi,
      periodEn: when.en,
      periodVi: when.vi,
      probability: keep.breachNext,
    }),
    keep.breachNext,
  );
}

/** Last complete week vs. the week before; nothing when the earlier week is 0 (no meaningful %). */
export function kpiMovedAlert(
  metric: Pick<Metric, 'id' | 'name' | 'translations'>,
  thisWeek: number | null,
  lastWeek: number | null,
  period: string,
  o: AlertOptions = DEFAULT_ALERT_OPTIONS,
): Alert | null {
  if (thisWeek === null || lastWeek === null || lastWeek === 0) return null;
  const change = (thisWeek - lastWeek) / Math.abs(lastWeek);
  if (!Number.isFinite(change) || Math.abs(change) <= o.kpiMovePct) return null;
  return make(
    'kpi_moved',
    'info',
    'metric',
    metric.id,
    period,
    titled(metric, 'alert_kpi_moved', { change }),
    change,
  );
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The most severe of several alerts, the earliest given winning a tie; null when there is none.
 * Below trajectory, forecast miss and conversion below target all say "this goal is behind": a goal
 * raises only the most telling of them, so the list holds one line per troubled goal, not three.
 */
export function mostSevere(alerts: ReadonlyArray<Alert | null>): Alert | null {
  let best: Alert | null = null;
  for (const a of alerts) {
    if (a && (!best || SEVERITY_ORDER[a.severity] < SEVERITY_ORDER[best.severity])) best = a;
  }
  return best;
}

/** One alert per id (the first wins), most severe first, then by id for a stable order. */
export function dedupeAlerts(alerts: ReadonlyArray<Alert | null>): Alert[] {
  const byId = new Map<string, Alert>();
  for (const a of alerts) if (a && !byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
