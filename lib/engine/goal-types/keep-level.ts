import type { KeepSide, Metric } from '../../schema';
import { holds, keepSideOf } from '../goal-type';
import { journeyFloor } from '../journey';
import { computeStatus } from '../status';
import { type DayKey, periodStart } from '../time-buckets';
import { levelValue } from './level-value';
import { emptyReading, type GoalFacts, type KeepScore, type TypeReading } from './reading';
import type { SeriesContext } from './series-context';
import { latestCheckInValue } from './shared';

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
 * - Forecast: chance the next month breaches = (breaches + 1) ÷ (months + 2) over the last 12 complete
 *   months on record (Laplace's rule: never a certain 0 or 1 from a short record); chance to hold every
 *   month still open to the deadline (the running month included) = (1 − that) ^ months open.
 * - Status: latest month breached → off track ("Nov: 1.3%, above the 1% ceiling"); held but closer to
 *   the line than a quarter of journey.ts's floor (10% of the threshold's size; for a percentage, of its
 *   distance to 0 or 100) → at risk; held → on track. After the deadline: on track when every month
 *   held, else off track. Manual confidence pulls down one level as for every type (status.ts rule 6).
 */
export function readKeep(f: GoalFacts, ctx: SeriesContext): TypeReading {
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

  const starts = ctx.recentStarts('month', 36);
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

  // Breach record: the last 12 complete months on record, in or before the window.
  const complete = months
    .slice(0, -1)
    .filter((v): v is number => v !== null)
    .slice(-12);
  const breachNext = complete.length
    ? (complete.filter((v) => !holds(v, threshold, side)).length + 1) / (complete.length + 2)
    : null;
  // Months still to be decided: those after the read month through the deadline's, plus the read
  // month itself while it is running (its value can still cross the line).
  const left =
    f.endDay && !f.deadlinePassed ? monthsAfter(readMonth, f.endDay) + (read.period.partial ? 1 : 0) : 0;
  r.keep = score(
    side,
    threshold,
    window,
    breachNext,
    breachNext === null || left === 0 ? null : (1 - breachNext) ** left,
  );
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

/** Whole months after `month` up to and including the one `endDay` falls in. */
function monthsAfter(month: DayKey, endDay: DayKey): number {
  const ym = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return Math.max(0, ym(endDay) - ym(month));
}

/** Status from the latest month (see the rules above); `metric` null = nothing to read. */
function finish(
  f: GoalFacts,
  ctx: SeriesContext,
  r: TypeReading,
  metric: Metric | null | undefined,
): TypeReading {
  const k = r.keep;
  let holding: 'held' | 'close' | 'breached' | null = null;
  if (k && k.margin !== null) {
    const tolerance = journeyFloor(k.threshold, k.threshold, metric?.unit.kind) / 4;
    holding = k.margin < 0 ? 'breached' : k.margin < tolerance ? 'close' : 'held';
  }
  const allHeld = !!k && k.periods > 0 && k.held === k.periods;
  const st = computeStatus({
    done: f.done,
    notStarted: f.notStarted,
    reached: f.deadlinePassed && allHeld,
    deadlinePassed: f.deadlinePassed && !!k,
    gapPct: null,
    probability: null,
    holding,
    confidence: f.confidence,
    now: ctx.now,
  });
  r.status = st.status;
  r.statusReasons = st.reasons;
  r.decidedBy = st.decidedBy;
  return r;
}
