import type { KeepSide, Metric } from '../../schema';
import { keepOutlook } from '../forecast-keep';
import { holds, keepSideOf } from '../goal-type';
import { journeyFloor } from '../journey';
import { hashString } from '../random';
import { type DayKey, periodStart, startOfLocalDay } from '../time-buckets';
import { levelValue } from './level-value';
import { emptyReading, type GoalFacts, type KeepScore, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import {
  basisOptions,
  completeHistoryPeriods,
  decideStatus,
  historyStarts,
  latestCheckInValue,
  MONTHLY_MAX_STEPS,
  monthlyTotalDays,
  sumsOverDays,
} from './shared';

/**
 * Keep a level: the metric stays at or above / at or below a threshold (the goal's target) in every
 * month of the window — "margin ≥ 30%", "churn ≤ 1%", "on-time ≥ 96%". docs/figures.md § Keep a level.
 *
 * - Value: the level of the latest month read (level-value.ts: the current month once it has a value
 *   for averages and flow-over-flow rates, else the last complete month), named with its month ("Nov: 29.9%").
 * - Held: each month of the window with a value, from the window's first month through the month read,
 *   holds when its value is on the right side of the threshold (equal holds).
 * - Progress: months held ÷ months with a value (0–1) — "held 10 of 11 months". No journey from a
 *   baseline, no straight-line pace: there is nothing to travel, only a line to stay on.
 * - Margin: the latest value − the threshold, positive on the good side, in the metric's unit.
 * - Streak: consecutive held months up to the latest.
 * - Forecast (forecast-keep.ts, on the complete months on record, up to 36, and the value read): the
 *   chance the running month breaches, and the chance every month still open to the deadline (the
 *   running month included) holds — the fitted model's view (where the level has been) and the
 *   persistence view (where it is now, moved by month-to-month changes on record), weighted equally,
 *   so a value far past the line gives a low chance. From 2 complete months; below 8 the model's view
 *   is the rough run-rate estimate, chances kept within 5–95%, flagged `keep.rough` and labelled.
 * - Status (status.ts rule 4b), the worse of two signals, and never on track after a missed month:
 *   - the month read: a complete month breached → off track ("Nov: 1.3%, above the 1% ceiling"); the
 *     running month breached so far → at risk (its days to come can still bring it back); held but
 *     closer to the line than a quarter of journey.ts's floor (10% of the threshold's size; for a
 *     percentage, of its distance to 0 or 100) → at risk; held → on track;
 *   - the chance the running month ends on the right side (1 − breachNext): below 30% → off track,
 *     below 70% → at risk, as a total's or level's chance by the deadline; not from a rough estimate;
 *   - the window so far: a complete month of it past the line → at risk at best ("every month" can
 *     no longer be met in full), never on track while the window runs; never off track by itself.
 *   After the deadline: on track when every month held, else off track. Manual confidence pulls down
 *   one level as for every type (status.ts rule 6).
 */
export function readKeep(f: GoalFacts, ctx: SeriesContext, paths = 400): TypeReading {
  const r = emptyReading();
  r.target = f.target;
  r.baseline = f.goal.baseline ?? null;
  r.measure = 'latest';
  const metric = f.metric;
  const side = keepSideOf(f.goal, metric);
  const threshold = f.target;
  if (threshold === null) return finish(f, ctx, r, null);

  if (!metric) {
    // Without a metric, the latest check-in value is the level, and the only period there is.
    const v = latestCheckInValue(f);
    if (!v) return finish(f, ctx, r, null);
    r.current = v.value;
    const ok = holds(v.value, threshold, side);
    r.keep = score(side, threshold, [v.value], null, null);
    r.progress = ok ? 1 : 0;
    return finish(f, ctx, r, undefined);
  }

  const read = levelValue(f, ctx, metric);
  if (!read) return finish(f, ctx, r, null);
  r.current = read.value;
  r.period = read.period;

  const starts = historyStarts(ctx, 'month');
  const months = ctx.metricSeries(metric.id, f.goal.dims, 'month', starts);
  r.monthly = months.slice(0, -1).filter((v): v is number => v !== null);
  const firstMonth = f.startDay ? periodStart(f.startDay, 'month', ctx.cal) : (starts.at(-13) ?? '');
  const readMonth: DayKey = periodStart(read.period.end, 'month', ctx.cal);
  const window: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i] ?? '';
    if (s < firstMonth || s > readMonth) continue;
    // The read month's value is the one on the card (a stock's latest value, not its month-end carry).
    const v = s === readMonth ? read.value : months[i];
    if (v !== null && v !== undefined) window.push(v);
  }
  if (!window.length) window.push(read.value);

  const chances = keepChances(f, ctx, metric, {
    starts,
    months,
    threshold,
    side,
    paths,
    current: read.value,
    currentIsRunning: read.period.partial,
  });
  r.keep = score(side, threshold, window, chances?.breachNext ?? null, chances?.hold ?? null);
  if (chances) r.keep.openMonths = chances.openToDeadline;
  if (chances?.rough) r.keep.rough = chances.rough;
  if (chances) r.forecastBasis = chances.basis;
  r.progress = r.keep.periods ? r.keep.held / r.keep.periods : null;
  return finish(f, ctx, r, metric);
}

function score(
  side: KeepSide,
  threshold: number,
  values: readonly number[],
  breachNext: number | null,
  holdToDeadline: number | null,
): KeepScore {
  let held = 0;
  for (const v of values) if (holds(v, threshold, side)) held++;
  let streak = 0;
  for (let i = values.length - 1; i >= 0 && holds(values[i] ?? Number.NaN, threshold, side); i--) streak++;
  const last = values.at(-1);
  return {
    side,
    threshold,
    periods: values.length,
    held,
    streak,
    margin: last === undefined ? null : side === 'at_most' ? threshold - last : last - threshold,
    breachNext,
    holdToDeadline,
  };
}

/** Complete months a keep goal's chances need: with one, there is no spread to simulate from. */
const MIN_KEEP_HISTORY = 2;

/**
 * The chance the running month breaches and the chance every month still open through the deadline
 * holds: forecast-keep.ts, from the complete months and the value on the card (a value far past the
 * line gives a low chance to hold, whatever the months before it did).
 */
function keepChances(
  f: GoalFacts,
  ctx: SeriesContext,
  metric: Metric,
  a: {
    starts: DayKey[];
    months: ReadonlyArray<number | null>;
    threshold: number;
    side: KeepSide;
    paths: number;
    current: number;
    currentIsRunning: boolean;
  },
) {
  const kept = completeHistoryPeriods(ctx, metric, f.goal.dims, a.months, a.starts);
  const history = kept.values;
  if (history.length < MIN_KEEP_HISTORY) return null;
  const ends = ctx.futurePeriodEnds('month');
  const curStart = periodStart(ctx.today, 'month', ctx.cal);
  const curStartT = startOfLocalDay(curStart, ctx.tz);
  const firstEnd = ends[0] ?? ctx.now;
  const basis = {
    history,
    granularity: 'month' as const,
    seasonPeriod: 12,
    seed: hashString(f.goal.id),
    paths: a.paths,
    firstStepShare: firstEnd > curStartT ? (firstEnd - ctx.now) / (firstEnd - curStartT) : 1,
    // A month's total of a summed metric depends on its days (calendar-days.ts).
    ...(sumsOverDays(metric)
      ? { periodDays: monthlyTotalDays(kept.starts, curStart, MONTHLY_MAX_STEPS) }
      : {}),
  };
  // Months from the running one through the one the window's last day falls in.
  let openToDeadline: number | null = null;
  if (f.endDay && !f.deadlinePassed) {
    const lastDayT = startOfLocalDay(f.endDay, ctx.tz);
    const open = ends.findIndex((e) => e > lastDayT) + 1;
    if (open > 0) openToDeadline = open;
  }
  const out = keepOutlook({
    history,
    current: a.current,
    currentIsRunning: a.currentIsRunning,
    threshold: a.threshold,
    sign: a.side === 'at_most' ? -1 : 1,
    now: ctx.now,
    stepEnds: ends.slice(0, Math.max(1, openToDeadline ?? 1)),
    openToDeadline,
    firstStepShare: basis.firstStepShare,
    ...basisOptions(basis),
  });
  if (out.breachNext === null) return null;
  return { breachNext: out.breachNext, hold: out.hold, openToDeadline, rough: out.rough, basis };
}

/** Status from the latest month (see the rules above); `metric` null = nothing to read. */
function finish(
  f: GoalFacts,
  ctx: SeriesContext,
  r: TypeReading,
  metric: Metric | null | undefined,
): TypeReading {
  const k = r.keep;
  let holding: 'held' | 'close' | 'breached' | 'breached_so_far' | null = null;
  if (k && k.margin !== null) {
    const tolerance = journeyFloor(k.threshold, k.threshold, metric?.unit.kind) / 4;
    const breached = r.period?.partial ? 'breached_so_far' : 'breached';
    holding = k.margin < 0 ? breached : k.margin < tolerance ? 'close' : 'held';
  }
  const chance = k && k.breachNext !== null && !k.rough ? 1 - k.breachNext : null;
  const allHeld = !!k && k.periods > 0 && k.held === k.periods;
  // The months of the window past the line, less a running month read past it so far (it may still
  // come back, and the month read already says so).
  const missed = k ? k.periods - k.held - (holding === 'breached_so_far' ? 1 : 0) : 0;
  decideStatus(r, f, ctx.now, {
    reached: f.deadlinePassed && allHeld,
    deadlinePassed: f.deadlinePassed && !!k,
    gapPct: null,
    probability: null,
    holding,
    keepHoldChance: chance,
    keepMissed: missed,
  });
  return r;
}
