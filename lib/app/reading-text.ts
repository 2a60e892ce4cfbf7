import type { GoalEvaluation } from '../engine/evaluate-all';
import type { KeepScore, ReadingPeriod } from '../engine/goal-types/reading';
import type { Pace } from '../engine/pace';
import type { PlanShortfall } from '../engine/plan-shortfall';
import { localDayKey, startOfLocalDay } from '../engine/time-buckets';
import {
  formatChance,
  formatDate,
  formatMonthSoFar,
  formatPercent,
  formatUnitAmount,
  formatUnitGap,
} from '../i18n/format';
import type { Goal, Unit } from '../schema';
import { budgetForecastLine, budgetPlanLine, budgetProgressText, budgetReasonText } from './budget-text';
import { forecastAfterLine } from './forecast-after';
import type { ViewContext } from './goal-views';
import { levelAmountFigures } from './level-amount-figures';
import { okrProgressText } from './okr-score-text';
import { keepPercentFigures, levelPercentFigures } from './percent-figures';
import { rollingMonthsText, rollingValueText } from './rolling-figure-text';

/**
 * The words and numbers a surface shows for one goal's reading (engine/evaluate-all.ts): each figure
 * as docs/figures.md defines it per goal type. Pure formatting — nothing here recomputes a figure.
 */

/** A value in its unit as the card writes it (format.ts, formatUnitAmount); "—" for none. */
export function formatUnitValue(value: number | null, unit: Unit, ctx: ViewContext): string {
  return value === null ? '—' : formatUnitAmount(value, unit, ctx.settings.locale);
}

/** A gap as cards and alerts write it (format.ts, formatUnitGap), on the scale of `beside`. */
export function formatGap(
  gap: number,
  unit: Unit,
  ctx: ViewContext,
  beside: readonly (number | null)[] = [],
): string {
  return formatUnitGap(gap, unit, ctx.settings.locale, beside);
}

/** A month's name inside a Vietnamese sentence is lower case: "khả năng tháng 12 kết thúc…". */
function lowerInVi(name: string, ctx: ViewContext): string {
  return ctx.settings.locale === 'vi' ? name.toLocaleLowerCase('vi') : name;
}

/** "Nov" / "Tháng 11", with the year when it is not the current one. */
export function monthName(day: string, ctx: ViewContext): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const thisYear = Number(localDayKey(ctx.now, ctx.settings.timeZone).slice(0, 4));
  if (ctx.settings.locale === 'vi') return y === thisYear ? `Tháng ${m}` : `Tháng ${m}/${y}`;
  const name = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 15),
  );
  return y === thisYear ? name : `${name} ${y}`;
}

/**
 * The running month read so far, with the days it covers: "Dec 1–6" / "01–06/12" ("Dec 1" / "01/12" on
 * the 1st). "Dec: 29.6%" on the 6th hid that the figure is six days old at most; a manager weighs six
 * days differently from a month (docs/figures.md § Reach a level). A running month is always this
 * year's, so no year is needed.
 */
export function monthSoFar(start: string, ctx: ViewContext): string {
  const today = localDayKey(ctx.now, ctx.settings.timeZone);
  const last = today.slice(0, 7) === start.slice(0, 7) ? Number(today.slice(8, 10)) : 1;
  return formatMonthSoFar(start, last, ctx.settings.locale);
}

/** An objective reads as its OKR score, as the OKR panel does (0–1; okr-score-text.ts). */
export function isScored(goal: Goal, ev: GoalEvaluation | undefined): boolean {
  return ev?.type === 'objective' || (!!ev?.okr && goal.kind === 'objective' && ev.current === null);
}

export { okrScoreText } from './okr-score-text';

/** The value with the period it refers to: "Nov: 29.9%", "12 months to Nov: ₫48.2B". */
export function valueText(ev: GoalEvaluation | undefined, unit: Unit, ctx: ViewContext): string {
  const value =
    keepPercentFigures(ev, unit, ctx)?.value ??
    levelPercentFigures(ev, unit, ctx)?.value ??
    levelAmountFigures(ev, unit, ctx)?.value ??
    formatUnitValue(ev?.current ?? null, unit, ctx);
  const p = ev?.period;
  if (!ev || !p || ev.current === null || ev.type === 'total' || ev.type === 'milestone') return value;
  return periodPrefix(p, value, ctx);
}

function periodPrefix(p: ReadingPeriod, value: string, ctx: ViewContext): string {
  if (p.rollingMonths)
    // Mid-sentence in Vietnamese the month is lower case: "12 tháng tính đến tháng 11".
    return ctx.t('reading.rolling', {
      count: p.rollingMonths,
      month: lowerInVi(monthName(p.end, ctx), ctx),
      value,
    });
  if (p.granularity === 'month' && p.partial)
    return ctx.t('reading.day', { date: monthSoFar(p.start, ctx), value });
  if (p.granularity === 'month') return ctx.t('reading.month', { month: monthName(p.start, ctx), value });
  const date = formatDate(
    startOfLocalDay(p.end, ctx.settings.timeZone),
    ctx.settings.locale,
    ctx.settings.timeZone,
    'dayMonth',
  );
  return ctx.t('reading.day', { date, value });
}

/** The progress line, per type; null progress is "No data yet". */
export function progressText(
  goal: Goal,
  ev: GoalEvaluation | undefined,
  unit: Unit,
  ctx: ViewContext,
): string {
  const { t } = ctx;
  const locale = ctx.settings.locale;
  // The score so far, or the final grade once the window is over (okr-score-text.ts).
  if (isScored(goal, ev) && ev?.okr) return okrProgressText(goal, ev.okr, ctx);
  if (ev?.type === 'milestone' && ev.current === null)
    return goal.doneAt ? t('reading.progress.milestoneDone') : t('reading.progress.milestoneOpen');
  // A window that has not opened has no progress to speak of: "starts Jan 1, 2027", not "0% of target".
  if (ev?.decidedBy === 'not_started' && goal.startAt !== undefined && !goal.doneAt)
    return t('reading.progress.notStarted', { date: date(goal.startAt, ctx) });
  // A budget cap: the share used and what is left, never "% of target" (budget-text.ts).
  if (ev?.budget) return budgetProgressText(ev.budget, unit, ctx);
  if (ev?.type === 'keep' && ev.keep)
    return ev.keep.periods === 1
      ? t('keep.progressOneMonth', { held: ev.keep.held })
      : t('reading.progress.keep', { held: ev.keep.held, periods: ev.keep.periods });
  const progress = goal.doneAt ? 1 : (ev?.rolledUpProgress ?? ev?.progress ?? null);
  if (progress === null || !Number.isFinite(progress)) return t('dashboard.noData');
  const percent = formatPercent(Math.max(0, progress), locale);
  if (ev?.type === 'level' && ev.baseline !== null) {
    const baseline = levelAmountFigures(ev, unit, ctx)?.baseline ?? formatUnitValue(ev.baseline, unit, ctx);
    // A rolling sum's baseline read from its data says which months it rests on, as the cascade
    // wizard's yearly rate does (the same figure): "from ₫34.1B a year (Jul–Dec 2025 annualised)".
    const fig = ev.baselineFigure;
    if (fig)
      return t('reading.progress.levelFrom', {
        percent,
        baseline: rollingValueText(fig, baseline, t),
        months: rollingMonthsText(fig, t),
      });
    return t('reading.progress.level', { percent, baseline });
  }
  // Progress is kept at 200% at most (shared.ts, shownProgress): past it, "over 200%", never a
  // "5,097 / 180 · 200% of target" that reads as exact.
  return t(progress >= 2 ? 'dashboard.progressOver' : 'dashboard.progress', { percent });
}

const date = (ms: number, ctx: ViewContext) =>
  formatDate(ms, ctx.settings.locale, ctx.settings.timeZone, 'medium');

/** Why the status is what it is — shown beside it on every surface ("12% chance by Dec 31, 2026"). */
export function reasonText(
  goal: Goal,
  ev: GoalEvaluation | undefined,
  unit: Unit,
  ctx: ViewContext,
): string | undefined {
  if (!ev || goal.doneAt) return undefined;
  const { t } = ctx;
  const k = ev.keep;
  const budget = budgetReasonText(ev, unit, ctx);
  if (budget !== undefined) return budget;
  switch (ev.decidedBy) {
    case 'pace_behind':
    case 'pace_far_behind':
      return ev.pace
        ? paceAsOf(
            ev.pace,
            t('reading.reason.pace', { x: formatGap(ev.pace.gap, unit, ctx, [ev.current, ev.target]) }),
            ctx,
          )
        : undefined;
    case 'forecast_unlikely':
    case 'forecast_very_unlikely':
      return chanceByDeadline(goal, ev, ctx);
    case 'deadline_passed':
      return goal.deadline === undefined
        ? undefined
        : t('reading.reason.deadline', { date: date(goal.deadline, ctx) });
    case 'target_reached':
      // A level read on the running month has met the target so far, not for good: "Dec: 4×" on the
      // 6th is six days of December (docs/figures.md).
      return ev.type === 'level' && ev.period?.partial && ev.period.granularity === 'month'
        ? t('reading.reason.reachedSoFar', { period: monthName(ev.period.start, ctx) })
        : t('reading.reason.reached');
    case 'manual_confidence':
      return t('reading.reason.manual');
    case 'children': {
      // The tally the status comes from: "key results: 2 off track, 2 on track". "From its sub-goals"
      // beside "Off track" left the manager to find which.
      const c = ev.childTally;
      if (!c) return t('reading.reason.children');
      const parts = (['off_track', 'at_risk', 'on_track'] as const)
        .filter((s) => c[s] > 0)
        .map((s) => t(`reading.reason.kids.${s}`, { count: c[s] }));
      return t(c.keyResults ? 'reading.reason.kids.keyResults' : 'reading.reason.kids.subGoals', {
        list: parts.join(', '),
      });
    }
    case 'too_early':
      return tooEarlyText(ev, ctx);
    case 'not_started':
      return goal.startAt === undefined
        ? undefined
        : t('reading.reason.notStarted', { date: date(goal.startAt, ctx) });
    case 'keep_breached':
    case 'keep_breached_so_far':
      return k
        ? t(`reading.reason.keepBreached.${k.side}`, {
            value: valueText(ev, unit, ctx),
            threshold: keepThresholdText(ev, unit, ctx),
          })
        : undefined;
    case 'keep_close':
      return k && k.margin !== null
        ? t('reading.reason.keepClose', {
            value: valueText(ev, unit, ctx),
            x: keepMarginText(ev, unit, ctx),
            threshold: keepThresholdText(ev, unit, ctx),
          })
        : undefined;
    case 'keep_breach_likely':
    case 'keep_breach_possible':
      // The chance itself is on the forecast line below ("71% chance of a breach this month").
      return k
        ? t(
            `reading.reason.${ev.decidedBy === 'keep_breach_likely' ? 'keepLikely' : 'keepPossible'}.${k.side}`,
            {
              period: monthName(`${localDayKey(ctx.now, ctx.settings.timeZone).slice(0, 8)}01`, ctx),
              threshold: keepThresholdText(ev, unit, ctx),
            },
          )
        : undefined;
    case 'keep_held':
    case 'keep_missed':
      return k ? keepTallyReason(ev, k, ctx) : undefined;
    default:
      return undefined;
  }
}

/**
 * A keep goal's reason from its window so far (docs/figures.md § Keep a level): "held every month so
 * far" when none was missed; else the months missed, then the latest held, counted back from the month
 * read — "missed 7 of 12 months, held the last 5" beside "held 5 of 12 months", so the two never read
 * as a contradiction and "at risk" says why. It never claims more months than the tally.
 */
function keepTallyReason(ev: GoalEvaluation, k: KeepScore, ctx: ViewContext): string {
  const { t } = ctx;
  if (k.held >= k.periods) return t('keep.reason.heldAll');
  const tally = { missed: k.periods - k.held, periods: k.periods };
  const count = Math.min(k.streak, k.held);
  if (count < 1) return t('keep.reason.missed', tally);
  // The streak counts the running month when it is the one read: "held the last month" on Dec 7
  // read as November, which was missed. It says "Dec so far".
  if (ev.period?.partial && ev.period.granularity === 'month') {
    // Mid-sentence in Vietnamese the month is lower case: "tính cả tháng 12 đến nay".
    const month = lowerInVi(monthName(ev.period.start, ctx), ctx);
    return count === 1
      ? t('keep.reason.missedHeldSoFar.one', { ...tally, month })
      : t('keep.reason.missedHeldSoFar.other', { ...tally, count, month });
  }
  return count === 1
    ? t('keep.reason.missedHeldLast.one', tally)
    : t('keep.reason.missedHeldLast.other', { ...tally, count });
}

/** A keep goal's threshold, as precise as the value beside it. */
export function keepThresholdText(ev: GoalEvaluation, unit: Unit, ctx: ViewContext): string {
  return (
    keepPercentFigures(ev, unit, ctx)?.threshold ?? formatUnitValue(ev.keep?.threshold ?? null, unit, ctx)
  );
}

function keepMarginText(ev: GoalEvaluation, unit: Unit, ctx: ViewContext): string {
  const k = ev.keep;
  return (
    keepPercentFigures(ev, unit, ctx)?.margin ??
    formatGap(k?.margin ?? 0, unit, ctx, [ev.current, k?.threshold ?? null])
  );
}

/** Pace in the metric's unit for totals and levels; the margin and streak for keep goals. */
export function paceLine(ev: GoalEvaluation, unit: Unit, ctx: ViewContext): string | undefined {
  const { t } = ctx;
  const k = ev.keep;
  if (ev.type === 'keep') {
    if (!k || k.margin === null) return undefined;
    const x = keepMarginText(ev, unit, ctx);
    const threshold = keepThresholdText(ev, unit, ctx);
    const line =
      k.side === 'at_least'
        ? t(k.margin >= 0 ? 'reading.keep.above' : 'reading.keep.under', { x, threshold })
        : t(k.margin >= 0 ? 'reading.keep.below' : 'reading.keep.over', { x, threshold });
    // The streak is in the status's reason when the window's tally decided it ("held the last 5"):
    // not twice on one card; a single month is no streak ("1 month in a row").
    const streak =
      k.streak >= 2 && ev.decidedBy !== 'keep_held' && ev.decidedBy !== 'keep_missed'
        ? ctx.t('reading.keep.streak', { count: k.streak })
        : null;
    // Close to the line: the reason beside the status already gives the margin ("Dec: 1.98 d, 0.02 d
    // from the 2 d line"), so this line is only the streak, if any.
    if (ev.decidedBy === 'keep_close') return streak ?? undefined;
    return streak ? `${line} · ${streak}` : line;
  }
  if (ev.budget) return budgetPlanLine(ev, unit, ctx);
  const p = ev.pace;
  if (!p || p.gapPct === null || ev.current === null) return undefined;
  // Already said beside the status ("Off track · behind pace by ₫608M"): not twice.
  if (ev.decidedBy === 'pace_behind' || ev.decidedBy === 'pace_far_behind') return undefined;
  // The forecast decided the status while the value is on or ahead of the straight line, or the
  // deadline passed: "Ahead of pace" or "On pace" beside "Off track" reads as a contradiction, so the
  // card says what is still to go instead (the forecast line says when the trend gets there;
  // docs/figures.md).
  const toGoInstead = (chanceDecided(ev) && p.gapPct > -0.02) || ev.decidedBy === 'deadline_passed';
  // Paced through the owner's milestones, the value is on the step it is on, and the forecast falls
  // short of a later one: the card says both, joined, so "ahead" and "Off track" read as one story.
  if (toGoInstead && chanceDecided(ev) && ev.planShortfall)
    return planStepLine(ev, p, ev.planShortfall, unit, ctx);
  if (toGoInstead && ev.target !== null) {
    const toGo =
      levelPercentFigures(ev, unit, ctx)?.toGo ??
      formatGap(ev.target - ev.current, unit, ctx, [ev.current, ev.target]);
    return t('reading.pace.toGo', { x: toGo });
  }
  if (Math.abs(p.gapPct) < 0.02) return paceAsOf(p, t('reading.pace.on'), ctx);
  const x = formatGap(p.gap, unit, ctx, [ev.current, ev.target]);
  const ahead = p.gapPct > 0;
  return paceAsOf(p, ahead ? t('reading.pace.ahead', { x }) : t('reading.pace.behind', { x }), ctx);
}

/**
 * A goal paced through its milestones whose forecast decides against it while its value is on or
 * ahead of the step it is on (docs/figures.md, Rules shared by every type): where it stands against the
 * plan, and the plan's first point the forecast's median misses — `Ahead of plan on Nov 30 (₫44.3B vs
 * ₫42.8B), but the plan asks ₫97B by Dec 31, 2027; forecast there: ₫56.9B`.
 */
function planStepLine(ev: GoalEvaluation, p: Pace, sf: PlanShortfall, unit: Unit, ctx: ViewContext): string {
  const { t } = ctx;
  const asOf =
    p.asOf === undefined
      ? ''
      : t('reading.pace.plan.asOf', {
          date: formatDate(p.asOf - 1, ctx.settings.locale, ctx.settings.timeZone, 'dayMonth'),
        });
  const step = t(sf.final ? 'reading.pace.plan.final' : 'reading.pace.plan.step', {
    next: formatUnitValue(sf.planned, unit, ctx),
    date: date(sf.at, ctx),
  });
  return t(p.gapPct !== null && p.gapPct >= 0.02 ? 'reading.pace.plan.ahead' : 'reading.pace.plan.on', {
    asOf,
    value: formatUnitValue(ev.current, unit, ctx),
    planned: formatUnitValue(p.expected, unit, ctx),
    step,
    forecast: formatUnitValue(sf.forecast, unit, ctx),
  });
}

/**
 * A pace compared at the last close rather than today (a total logged once a month: reach-total.ts)
 * names that day: `Behind pace by $108K on Nov 30` (vi `… tính đến 30/11`), so the gap is never read
 * as today's against a value that has no data for the running month yet.
 */
function paceAsOf(p: Pace, line: string, ctx: ViewContext): string {
  if (p.asOf === undefined) return line;
  const date = formatDate(p.asOf - 1, ctx.settings.locale, ctx.settings.timeZone, 'dayMonth');
  return ctx.t('reading.pace.asOf', { line, date });
}

/** When the target is likely hit (totals, levels), or the chance of a breach (keep goals). */
export function forecastLine(
  goal: Goal,
  ev: GoalEvaluation,
  ctx: ViewContext,
  unit: Unit = { kind: 'count' },
): string | undefined {
  const { t } = ctx;
  if (goal.doneAt || !goal.metricId || ev.current === null) return undefined;
  if (ev.budget) return budgetForecastLine(goal, ev, unit, ctx);
  const locale = ctx.settings.locale;
  if (ev.type === 'keep') {
    const k = ev.keep;
    if (!k || k.breachNext === null) return undefined;
    const pct = (p: number) => formatChance(p, locale);
    // The deadline's month is the running one: "to hold through" would repeat the month's chance.
    const holdAhead =
      k.holdToDeadline !== null &&
      goal.deadline !== undefined &&
      goal.deadline >= ctx.now &&
      (k.openMonths ?? 2) > 1;
    let line: string;
    if (k.margin !== null && k.margin < 0) {
      // Past the line now: say so first, then the chance the month ends back inside it.
      // The month read is a complete one (the running month has no value yet): it was past the line,
      // and the chance is the running month's, named (not "now" and "this month" beside "Nov: 97.5%").
      const running = localDayKey(ctx.now, ctx.settings.timeZone).slice(0, 7);
      const p = ev.period;
      line =
        p && !p.partial && p.granularity === 'month' && p.start.slice(0, 7) < running
          ? t(`keep.pastLast.${k.side}`, {
              back: pct(1 - k.breachNext),
              threshold: keepThresholdText(ev, unit, ctx),
              month: monthName(p.start, ctx),
              next: lowerInVi(monthName(`${running}-01`, ctx), ctx),
            })
          : t(`keep.pastNow.${k.side}`, {
              back: pct(1 - k.breachNext),
              threshold: keepThresholdText(ev, unit, ctx),
            });
      if (holdAhead && goal.deadline !== undefined)
        line += ` · ${t('keep.holdThrough', {
          hold: pct(k.holdToDeadline ?? 0),
          date: date(goal.deadline, ctx),
        })}`;
    } else {
      line =
        !holdAhead || goal.deadline === undefined
          ? t('keep.chanceThisMonthOnly', { breach: pct(k.breachNext) })
          : t('keep.chanceThisMonth', {
              breach: pct(k.breachNext),
              hold: pct(k.holdToDeadline ?? 0),
              date: date(goal.deadline, ctx),
            });
    }
    return k.rough ? `${line} · ${t('forecast.rough', { ...k.rough })}` : line;
  }
  const f = ev.forecast;
  if (!f) {
    if (!goal.deadline || goal.deadline <= ctx.now || ev.pace?.reached) return undefined;
    // Named in the periods it counts ("6 so far" of what?): months or weeks.
    const per = ev.forecastBasis?.granularity === 'week' ? 'week' : 'month';
    const mode = ev.measure === 'cumulative' ? 'cumulative' : 'level';
    return forecastAfterLine(mode, per, ev.forecastBasis?.history.length ?? 0, ctx);
  }
  if (f.reachedAlready) return undefined;
  if (f.method === 'none') return t('forecast.notEnoughData');
  // A total counts its window only (a total goal, or a milestone's revenue in its own year: the card's
  // value is the sum from its start through its deadline, never after): past the deadline there is no
  // date to give, only where the window will likely end (docs/figures.md § Reach a total). "2027: ₫97B"
  // had said "Forecast: Aug 18, 2028", a date when 2028's revenue would be counted toward 2027.
  const windowTotal = ev.measure === 'cumulative' && goal.deadline !== undefined;
  if (windowTotal && f.atDeadline && goal.deadline !== undefined) {
    const a = f.atDeadline;
    // An estimate, written as one: whole customers and hours ("135", "204 h"), never "134.83".
    const whole = unit.kind === 'count' || (unit.kind === 'duration' && Math.abs(ev.target ?? 0) >= 100);
    const amount = (v: number) => formatUnitValue(whole ? Math.round(v) : v, unit, ctx);
    const [value, from, to] = [amount(a.p50), amount(a.p10), amount(a.p90)];
    // Every future the same, as written (a history with no noise at all): one figure, not "X – X".
    const line =
      !a.upperOpen && from === to
        ? t('forecast.byDeadlineOne', { date: date(goal.deadline, ctx), value })
        : t(a.upperOpen ? 'forecast.byDeadlineOpen' : 'forecast.byDeadline', {
            date: date(goal.deadline, ctx),
            value,
            from,
            to,
          });
    if (f.rough) return `${line} · ${t('forecast.rough', { ...f.rough })}`;
    // The date is in the line already: "· 25% chance of ₫5.5B", unless the status's reason says it.
    const p = f.probabilityByDeadline;
    if (chanceDecided(ev) || p === null || ev.target === null) return line;
    return `${line} · ${t('forecast.chanceOfTarget', { p: formatChance(p, locale), target: amount(ev.target) })}`;
  }
  const d = (ms: number | null) => (ms === null ? '…' : date(ms, ctx));
  // Never a window total's date past its deadline, even where its end could not be read (a rough
  // margin, a quantile on the edge): "most likely missed" with its chance.
  const pastWindow = windowTotal && f.p50 !== null && goal.deadline !== undefined && f.p50 > goal.deadline;
  const line =
    f.p50 === null || pastWindow
      ? missedLine(goal, ev, ctx)
      : f.p90 === null && f.p10 !== null
        ? // The latest date the futures reach is past the simulated horizon: "or later", not "– …".
          t('forecast.lineOpen', { date: d(f.p50), from: d(f.p10) })
        : d(f.p10) === d(f.p90)
          ? // Every future on the same day (a history with no noise at all): one date, not "X – X".
            t('forecast.lineOne', { date: d(f.p50) })
          : t('forecast.line', { date: d(f.p50), from: d(f.p10), to: d(f.p90) });
  if (f.rough) return `${line} · ${t('forecast.rough', { ...f.rough })}`;
  return pastWindow ? line : `${line}${lateChance(goal, ev, ctx)}`;
}

/**
 * A forecast date past the deadline comes with the chance of making it by the deadline — the figure
 * the forecast-miss alert quotes — unless the status's reason beside it already says it.
 */
function lateChance(goal: Goal, ev: GoalEvaluation, ctx: ViewContext): string {
  const f = ev.forecast;
  if (!f || f.p50 === null || goal.deadline === undefined) return '';
  if (f.p50 <= goal.deadline || goal.deadline <= ctx.now || chanceDecided(ev)) return '';
  const chance = chanceByDeadline(goal, ev, ctx);
  return chance ? ` · ${chance}` : '';
}

/** The forecast's chance by the deadline decided the status: the reason beside it says that chance. */
function chanceDecided(ev: GoalEvaluation): boolean {
  return ev.decidedBy === 'forecast_unlikely' || ev.decidedBy === 'forecast_very_unlikely';
}

/** "12% chance by Dec 31, 2026": the status's reason, or beside a forecast date past the deadline. */
function chanceByDeadline(goal: Goal, ev: GoalEvaluation, ctx: ViewContext): string | undefined {
  const p = ev.forecast?.probabilityByDeadline;
  if (p === null || p === undefined || goal.deadline === undefined) return undefined;
  return ctx.t('reading.reason.forecast', {
    p: formatChance(p, ctx.settings.locale),
    date: date(goal.deadline, ctx),
  });
}

/**
 * The forecast line when fewer than half the simulated futures reach the target. "Not reached" only
 * when none does by the deadline; otherwise "most likely missed", with the chance unless the status
 * reason beside it already says it.
 */
function missedLine(goal: Goal, ev: GoalEvaluation, ctx: ViewContext): string {
  const p = ev.forecast?.probabilityByDeadline;
  if (p === null || p === undefined || p <= 0 || goal.deadline === undefined)
    return ctx.t('forecast.neverAtPace');
  if (chanceDecided(ev)) return ctx.t('forecast.mostlyMissed');
  return ctx.t('forecast.mostlyMissedChance', {
    p: formatChance(p, ctx.settings.locale),
    date: date(goal.deadline, ctx),
  });
}

/**
 * What a goal "too early to tell" waits for (lib/engine/goal-types/too-early.ts): its first pace
 * (a monthly total's first close), or enough complete periods for a fitted forecast, or a start date.
 */
export function tooEarlyText(ev: GoalEvaluation, ctx: ViewContext): string {
  const { t } = ctx;
  const w = ev.tooEarly;
  if (w?.paceFrom != null) return t('reading.reason.tooEarly.paceFrom', { date: date(w.paceFrom, ctx) });
  const wait = w?.periods
    ? t(`reading.reason.tooEarly.${w.periods.granularity}`, {
        needed: w.periods.needed,
        have: w.periods.have,
      })
    : undefined;
  if (wait && w?.noStart) return t('reading.reason.tooEarly.orStart', { wait });
  if (wait) return wait;
  if (w?.noStart) return t('reading.reason.tooEarly.noStart');
  return t('reading.reason.tooEarly.unknown');
}
