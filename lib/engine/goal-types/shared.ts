import type { Metric } from '../../schema';
import type { PeriodDays } from '../calendar-days';
import { forecastHit, type HitForecast, MIN_MODEL_POINTS } from '../forecast';
import { forecastRollingHit } from '../forecast-rolling';
import { parseFormula } from '../formula';
import { directionSign, goodJourney } from '../journey';
import { progressFraction } from '../okr';
import { computePace, type Pace } from '../pace';
import { hashString } from '../random';
import { computeStatus, type StatusInput } from '../status';
import {
  addDays,
  type DayKey,
  dayNumber,
  type Granularity,
  nextPeriodStart,
  periodStart,
  startOfLocalDay,
} from '../time-buckets';
import { type ForecastBasis, type GoalFacts, MIN_ROUGH_TOTAL_HISTORY, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';

/**
 * Pieces the measured types (total, level, milestone with a metric) share: which past periods a
 * forecast learns from, the straight-line pace, the hit forecast, and the rule for a partial period.
 * The rules of each type live in its own file; these only compute what a rule asks for.
 */

const DAY = 86_400_000;
/** The furthest a monthly forecast looks: ten years. */
export const MONTHLY_MAX_STEPS = 120;
/** Windows longer than this are forecast on months rather than weeks. */
const WEEKLY_MAX_DAYS = 550;

/** Progress as shown: never below 0 (a value under the baseline is "none of the way yet"), at most 2. */
export function shownProgress(p: number | null): number | null {
  return p === null || !Number.isFinite(p) ? null : Math.min(2, Math.max(0, p));
}

/**
 * Whether a value for the running period reads the same as a whole period's. An average, a minimum or
 * maximum, or a stock does; a plain sum does not (half a month has half the sales). A formula does when
 * it is a rate (percent or ratio unit) whose inputs all add up the same way — conversion = customers ÷
 * leads, margin = profit ÷ revenue, both flows — and not when it mixes a flow with a stock: churn =
 * churned this month ÷ active shops reads 2% on the 2nd of a month that will end at 30%.
 * Such values are read from the last complete period instead.
 */
export function partialPeriodCounts(
  metric: Pick<Metric, 'aggregation' | 'formula' | 'unit'>,
  metrics: ReadonlyMap<string, Metric>,
): boolean {
  if (!metric.formula) return metric.aggregation !== 'sum';
  if (metric.unit.kind !== 'percent' && metric.unit.kind !== 'ratio') return false;
  const kinds = new Set<Metric['aggregation']>();
  const seen = new Set<string>();
  const visit = (formula: string, depth: number): boolean => {
    const parsed = parseFormula(formula);
    if (!parsed.ok || depth > 8) return false;
    for (const id of parsed.refs) {
      if (seen.has(id)) continue;
      seen.add(id);
      const m = metrics.get(id);
      if (!m) return false;
      if (m.formula) {
        if (!visit(m.formula, depth + 1)) return false;
      } else kinds.add(m.aggregation);
    }
    return true;
  };
  return visit(metric.formula, 0) && kinds.size === 1;
}

/**
 * Weekly periods for a short window of a summed or stock metric, months otherwise, and always months
 * for a metric logged once a month (`monthlyLogged`, logging-cadence.ts).
 */
export function forecastGranularity(
  f: GoalFacts,
  now: number,
  cumulative: boolean,
  monthlyLogged = false,
): Granularity {
  const m = f.metric;
  if (!m || monthlyLogged) return 'month';
  const g = f.goal;
  const span = g.deadline !== undefined ? g.deadline - (g.startAt ?? now) : 365 * DAY;
  return (cumulative || m.aggregation === 'last') && !m.formula && span <= WEEKLY_MAX_DAYS * DAY
    ? 'week'
    : 'month';
}

/**
 * Periods a forecast learns from, the current one included (completeHistoryPeriods drops it): two full
 * seasonal cycles plus the 13 weeks / 12 months the seasonal candidate needs besides them
 * (forecast-model.ts), so weekly and monthly seasonality is actually tried: 2·52 + 13 = 117 complete
 * weeks, 2·12 + 12 = 36 complete months.
 */
export const HISTORY_PERIODS: Readonly<Record<'week' | 'month', number>> = { week: 117, month: 36 };

/** Period starts of a forecast's history window: HISTORY_PERIODS complete periods plus the current one. */
export function historyStarts(ctx: SeriesContext, g: Granularity): DayKey[] {
  return ctx.recentStarts(g, g === 'week' ? HISTORY_PERIODS.week : HISTORY_PERIODS.month);
}

/**
 * Complete periods only (the current one is partial), from the first period the metric covers in full:
 * a period where data starts mid-way looks like a slump and would skew the residuals. With the start
 * of each period kept, for the calendar adjustment of monthly sums. But when that period holds the only
 * value the rest never matches (a first manual entry of ₫150M on a Tuesday, nothing logged since), it
 * is kept: left out, the history was weeks of zeros, and the forecast "₫150M (80%: ₫150M – ₫150M)"
 * said nothing more would ever come, with no doubt at all.
 */
export function completeHistoryPeriods(
  ctx: SeriesContext,
  metric: Metric,
  dims: GoalFacts['goal']['dims'],
  series: ReadonlyArray<number | null>,
  starts: readonly DayKey[],
): { values: number[]; starts: DayKey[] } {
  // A formula's first day is its inputs' latest first day (series-context.ts metricFirstDay).
  const first = ctx.metricFirstDay(metric.id, dims);
  const history: number[] = [];
  const kept: DayKey[] = [];
  let partial: { value: number; start: DayKey } | null = null;
  for (let i = 0; i < series.length - 1; i++) {
    const v = series[i];
    if (v === null || v === undefined) continue;
    if (
      !history.length &&
      first !== null &&
      (starts[i] ?? '') < first &&
      (metric.aggregation === 'sum' || metric.formula)
    ) {
      if (v !== 0) partial = { value: v, start: starts[i] ?? '' };
      continue;
    }
    history.push(v);
    kept.push(starts[i] ?? '');
  }
  if (partial && !history.some((v) => v !== 0)) {
    history.unshift(partial.value);
    kept.unshift(partial.start);
  }
  return { values: history, starts: kept };
}

/**
 * The forecaster's options a basis stands for: every forecast made from it (the card's hit date, a keep
 * goal's chances, a budget cap's outlook, the detail chart's band) passes these, so they are one
 * forecast, and an option added here reaches them all.
 */
export function basisOptions(
  basis: ForecastBasis,
): Pick<ForecastBasis, 'seasonPeriod' | 'seed' | 'paths' | 'periodDays'> {
  return {
    seasonPeriod: basis.seasonPeriod,
    seed: basis.seed,
    paths: basis.paths,
    ...(basis.periodDays ? { periodDays: basis.periodDays } : {}),
  };
}

/** Calendar days of the period starting on `start`. */
const periodDays = (start: DayKey, g: Granularity) => dayNumber(nextPeriodStart(start, g)) - dayNumber(start);

/**
 * Whether a metric's monthly value is a sum over the month's days (sales, leads), so that a level or
 * keep goal on it is calendar-adjusted like a total (calendar-days.ts). Averages, latest values and
 * formulas (a ratio of two sums is not a sum) are not.
 */
export function sumsOverDays(metric: Metric): boolean {
  return metric.aggregation === 'sum' && !metric.formula;
}

/**
 * The calendar days of a monthly total's history periods and of its future steps from the running
 * month on (calendar-days.ts): a month's total depends on how many days it has. Only months: weeks
 * all have seven days.
 */
export function monthlyTotalDays(
  historyStarts: readonly DayKey[],
  current: DayKey,
  steps: number,
): PeriodDays {
  const future: number[] = [];
  for (let k = 0, s = current; k < steps; k++, s = nextPeriodStart(s, 'month'))
    future.push(periodDays(s, 'month'));
  return { history: historyStarts.map((s) => periodDays(s, 'month')), future };
}

/**
 * Straight-line (or phased) pace from baseline to target at `at` (now unless given); null before the
 * window opens.
 */
export function paceOf(
  f: GoalFacts,
  ctx: SeriesContext,
  baseline: number | null,
  current: number | null,
  at: number = ctx.now,
): Pace | null {
  const g = f.goal;
  if (!f.windowOk || f.notStarted || current === null || baseline === null || f.target === null) return null;
  return computePace(
    {
      startAt: g.startAt ?? 0,
      deadline: g.deadline ?? 0,
      trajectory: g.trajectory,
      seasonalWeights: g.seasonalWeights,
      timeZone: ctx.tz,
      plan: f.plan,
    },
    baseline,
    f.target,
    current,
    at,
    { direction: f.direction, unit: f.metric?.unit.kind },
  );
}

/**
 * A pace read at a month's close (`atClose`, the gap against the line at `closeAt`) with what stays
 * today's: whether the target is reached and what is still needed per day. `now` when there is none.
 */
export function paceAsOf(now: Pace, atClose: Pace | null, closeAt: number): Pace {
  if (!atClose) return now;
  return {
    ...atClose,
    reached: now.reached,
    requiredPerDay: now.requiredPerDay,
    actualPerDay: now.actualPerDay,
    asOf: closeAt,
  };
}

/**
 * The pace of a value read on a past day (`day`, a local day key): against the line at that day's end,
 * named by `asOf` ("behind pace by 3.29 pt on Dec 1"); today's when the day has not ended yet. A reading
 * a week old, compared with today's line, had been a week "more behind" than it was.
 */
export function paceOnDay(
  f: GoalFacts,
  ctx: SeriesContext,
  baseline: number | null,
  current: number | null,
  day: DayKey,
): Pace | null {
  const now = paceOf(f, ctx, baseline, current);
  if (!now) return now;
  const closeAt = startOfLocalDay(addDays(day, 1), ctx.tz);
  if (closeAt >= ctx.now) return now;
  return paceAsOf(now, paceOf(f, ctx, baseline, current, closeAt), closeAt);
}

/**
 * Complete periods a goal needs before a forecast is shown. A total's increments give a sensible
 * run-rate from two periods (forecast.ts answers below MIN_MODEL_POINTS with a rough run-rate estimate,
 * labelled on the card). A level's rough estimate is the mean of its past levels, a flat line that
 * would call every rising level "never reached" (issue 14), so a level waits for a fitted model.
 */
export function minForecastHistory(mode: 'cumulative' | 'level'): number {
  return mode === 'cumulative' ? MIN_ROUGH_TOTAL_HISTORY : MIN_MODEL_POINTS;
}

/**
 * When the target is likely hit (forecast.ts), and the inputs it was made from (`basis`), so the
 * goal-detail chart draws its band from the same model, history, periods and seed. No forecast with
 * fewer than minForecastHistory complete periods. A rough forecast (below MIN_MODEL_POINTS) is shown,
 * labelled, but never decides the status (withStatus) nor raises a critical alert (alerts.ts).
 */
export function forecastOf(
  f: GoalFacts,
  ctx: SeriesContext,
  a: {
    history: readonly number[];
    mode: 'cumulative' | 'level';
    current: number | null;
    g: Granularity;
    /**
     * Starts of the history's periods, given when each value is a sum over its period's days (a total;
     * a level of a summed metric): monthly histories are then calendar-adjusted (monthlyTotalDays).
     */
    historyStarts?: readonly DayKey[];
    /**
     * A level read as a rolling sum: `history` holds the complete months, and the sum of the last
     * `months` of them and of each simulated future is what must reach the target (forecast-rolling.ts).
     * It needs MIN_MODEL_POINTS months, not as many sums.
     */
    rolling?: { months: number; tail: readonly number[] };
  },
  paths: number,
): { forecast: HitForecast | null; basis: ForecastBasis } {
  const goal = f.goal;
  const { g } = a;
  // Returned with or without a forecast: the card says how many periods there are so far.
  const basis = forecastBasisOf(f, ctx, a, paths);
  if (
    !f.metric ||
    a.current === null ||
    f.target === null ||
    goal.deadline === undefined ||
    f.done ||
    goal.deadline <= ctx.now ||
    a.history.length < minForecastHistory(a.mode)
  )
    return { forecast: null, basis };
  const stepsToDeadline = Math.ceil((goal.deadline - ctx.now) / ((g === 'week' ? 7 : 30.4) * DAY)) + 1;
  const maxSteps = g === 'week' ? 260 : MONTHLY_MAX_STEPS;
  const steps = Math.min(maxSteps, 2 * stepsToDeadline + 4);
  basis.steps = steps;
  if (a.rolling)
    return {
      forecast: forecastRollingHit({
        history: a.history,
        tail: a.rolling.tail,
        n: a.rolling.months,
        current: a.current,
        target: f.target,
        sign: directionSign(f.direction),
        now: ctx.now,
        stepEnds: ctx.futurePeriodEnds(g).slice(0, steps),
        deadline: goal.deadline,
        ...basisOptions(basis),
        ...(f.notStarted ? { countFrom: goal.startAt } : {}),
      }),
      basis,
    };
  const forecast = forecastHit({
    history: a.history,
    mode: a.mode,
    current: a.current,
    target: f.target,
    // Reaching follows the metric's direction, not the side of the baseline the target is on.
    sign: directionSign(f.direction),
    now: ctx.now,
    // A level is known when its period is complete, so its steps end where the app reports each value:
    // at the end of each period of `g` (forecastHit dates a level hit at its step's end).
    stepEnds: ctx.futurePeriodEnds(g).slice(0, steps),
    firstStepShare: basis.firstStepShare,
    deadline: goal.deadline,
    ...basisOptions(basis),
    ...(f.notStarted ? { countFrom: goal.startAt } : {}),
  });
  return { forecast, basis };
}

/**
 * What a goal's forecast is made from (history, periods, seed, paths, the running period's share still
 * to come, a monthly total's calendar days): forecastOf's, and a budget cap's (budget-total.ts), so the
 * detail chart draws either from the same futures as the card.
 */
export function forecastBasisOf(
  f: GoalFacts,
  ctx: SeriesContext,
  a: {
    history: readonly number[];
    g: Granularity;
    historyStarts?: readonly DayKey[];
    rolling?: { months: number; tail: readonly number[] };
  },
  paths: number,
): ForecastBasis {
  const { g } = a;
  const curStart = periodStart(ctx.today, g, ctx.cal);
  const curStartT = startOfLocalDay(curStart, ctx.tz);
  const curEndT = startOfLocalDay(nextPeriodStart(curStart, g), ctx.tz);
  return {
    history: a.history,
    granularity: g,
    seasonPeriod: g === 'week' ? 52 : 12,
    seed: hashString(f.goal.id),
    paths,
    firstStepShare: curEndT > curStartT ? (curEndT - ctx.now) / (curEndT - curStartT) : 1,
    ...(g === 'month' && a.historyStarts?.length === a.history.length
      ? { periodDays: monthlyTotalDays(a.historyStarts, curStart, MONTHLY_MAX_STEPS) }
      : {}),
    ...(a.rolling ? { rolling: a.rolling } : {}),
  };
}

/** A goal without a metric is measured by the value of its latest check-in, if one has a value. */
export function latestCheckInValue(f: GoalFacts): { value: number; time: number } | null {
  for (let i = f.checkIns.length - 1; i >= 0; i--) {
    const c = f.checkIns[i];
    if (c?.value !== undefined) return { value: c.value, time: c.time };
  }
  return null;
}

/**
 * The share of the way from baseline to target, as the card words it ("30% of the way from ₫1.74M", "62% of target" from a zero baseline).
 * okr.ts's progressFraction measures a short journey against a floor (10% of the target) so a key
 * result's score does not swing on tiny moves; a card that printed that figure as "of the way"
 * said 30.9% for a value 16.3% of the way there. The floor only serves when there is no way to go:
 * a target at or behind the baseline.
 */
export function wayProgress(
  baseline: number,
  target: number,
  current: number,
  direction: 'up' | 'down',
  unit?: Metric['unit']['kind'],
): number | null {
  const way = goodJourney(baseline, target, direction);
  if (way > 0 && Number.isFinite(current)) return (directionSign(direction) * (current - baseline)) / way;
  return progressFraction(baseline, target, current, direction, unit);
}

/**
 * Sets the reading's status from what its goal type measured (`measured`), with the facts every type
 * passes alike: done, not started yet, and the owner's latest confidence (status.ts holds the rule).
 */
export function decideStatus(
  r: TypeReading,
  f: GoalFacts,
  now: number,
  measured: Omit<StatusInput, 'done' | 'notStarted' | 'confidence' | 'now' | 'hasValue'>,
): TypeReading {
  const st = computeStatus({
    done: f.done,
    notStarted: f.notStarted,
    confidence: f.confidence,
    now,
    hasValue: r.current !== null,
    ...measured,
  });
  r.status = st.status;
  r.statusReasons = st.reasons;
  r.decidedBy = st.decidedBy;
  return r;
}
