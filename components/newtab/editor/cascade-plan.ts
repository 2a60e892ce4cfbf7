import { roundedSplit } from '../../../lib/app/round-split';
import { roundTargets } from '../../../lib/app/round-targets';
import {
  aggregateRollups,
  indexRollup,
  type RollupIndex,
  selectRollups,
  sumInRange,
} from '../../../lib/engine/aggregate';
import {
  type CascadeMethod,
  type CascadeNode,
  cascadeTree,
  seasonalWeightsFromActuals,
  windowWeight,
} from '../../../lib/engine/cascade';
import { evaluateAll, type GoalEvaluation } from '../../../lib/engine/evaluate-all';
import { goalDirection, goalTypeOf } from '../../../lib/engine/goal-type';
import { type RollingFigure, rollingFigure } from '../../../lib/engine/rolling-months';
import type { DailyRollup } from '../../../lib/engine/rollup';
import {
  addDays,
  type CalendarSettings,
  type DayKey,
  type Granularity,
  localDayKey,
  nextPeriodStart,
  periodStart,
  startOfLocalDay,
} from '../../../lib/engine/time-buckets';
import { localizedName } from '../../../lib/i18n/translate';
import type { Goal, Locale, Metric, Settings } from '../../../lib/schema';

/**
 * The cascade wizard's arithmetic, kept free of Preact: the years, quarters and months of a goal's
 * window, what each should reach, its share of the budget, and the milestone goals they become.
 *
 * What the target means decides the split (the wizard asks it in plain words):
 * - total: the target is the sum over the whole window — each period gets its share of it
 *   ("₫30B in 2026–2028 altogether" → about ₫10B a year);
 * - annual: the target is a rate per year reached by the deadline — each year gets a year's worth of
 *   its rate (stepping up from today's rate, or the full rate every year), its quarters and months a
 *   share of that year ("₫150B a year by 2028" → ₫70B, ₫110B, ₫150B; never ₫150B ÷ 12 quarters).
 *   Planned once the window has opened, it starts from where the business is (midwayYears): the
 *   year under way asks what it has so far plus today's rate for the rest of it, and the step-up is
 *   spread over the years after it, so no milestone is behind on the day it is made;
 * - level: a level metric (conversion 10% → 15%) — each period gets the level to reach by its end;
 *   a keep goal (margin ≥ 30%) the same threshold in every period.
 */
const HALF_DAY = 12 * 3_600_000;

export type CascadableGoal = Goal & { target: number; startAt: number; deadline: number };

export type TargetMeaning = 'total' | 'annual' | 'level';
export type AnnualPath = 'ramp' | 'flat';
/** The deepest level of milestones to create. */
export type CascadeDepth = 'year' | 'quarter' | 'month';

export function isCascadable(g: Goal): g is CascadableGoal {
  return (
    g.kind !== 'milestone' && g.target !== undefined && g.startAt !== undefined && g.deadline !== undefined
  );
}

/** A summed metric (revenue, orders) can be meant as a total or as a rate per year; anything else is a level. */
export function isSummed(metric: Pick<Metric, 'aggregation' | 'formula'> | undefined): boolean {
  return !metric || (metric.aggregation === 'sum' && !metric.formula);
}

/** What the goal's own settings say the target means: a 12-month rolling level is a rate per year. */
export function defaultMeaning(
  goal: Pick<Goal, 'goalType' | 'rollingMonths' | 'measure'>,
  metric: Pick<Metric, 'aggregation' | 'formula'> | undefined,
): TargetMeaning {
  if (!isSummed(metric) || goal.goalType === 'keep') return 'level';
  if (goal.goalType === 'level' && goal.rollingMonths === 12) return 'annual';
  return 'total';
}

/**
 * What the goal itself must become so its card reads the target as the wizard was told to: a goal
 * saved as a total ("₫100B over 2027–2030") broken down as a rate per year becomes a 12-month rolling
 * level, and the other way round. The BHAG had kept reading "forecast ₫80.5B by 2030, 44% chance"
 * against a four-year total while its milestones stepped up to ₫100B a year. Null when they agree.
 */
export function goalReadingFor(
  goal: Pick<Goal, 'goalType' | 'kind' | 'metricId' | 'measure' | 'baseline' | 'target' | 'rollingMonths'>,
  metric: Pick<Metric, 'aggregation' | 'formula' | 'direction' | 'unit'> | undefined,
  meaning: TargetMeaning,
): Pick<Goal, 'goalType' | 'measure' | 'rollingMonths'> | null {
  if (!isSummed(metric) || meaning === 'level') return null;
  const type = goalTypeOf(goal, metric);
  const annual = type === 'level' && goal.rollingMonths === 12;
  if (meaning === 'annual' && !annual && (type === 'total' || type === 'level'))
    return { goalType: 'level', measure: 'latest', rollingMonths: 12 };
  if (meaning === 'total' && annual)
    return { goalType: 'total', measure: 'cumulative', rollingMonths: undefined };
  return null;
}

export interface PlanOptions {
  meaning: TargetMeaning;
  method: CascadeMethod;
  weights?: readonly number[];
  /** Annual meaning: step up from `startRate` to the target, or the full target every year. */
  annualPath?: AnnualPath;
  /** Annual meaning: the yearly rate at the window's start (last 12 months' total). */
  startRate?: number;
  /** Level meaning: the level at the window's start (default: the goal's baseline, else 0). */
  startLevel?: number;
  /** Total budget to split by the same weights as the target; null = no budget. */
  budget?: number | null;
  now: number;
  /**
   * What the metric has done so far (planActuals): a plan made once the window has opened starts
   * from it (annual meaning), and rows under way are checked against today's rate (PlanRow.reach).
   */
  actuals?: PlanActuals;
}

/** The metric's record, as a plan made mid-way reads it (planActuals builds it from the rollups). */
export interface PlanActuals {
  /** The metric's total over the local days `from`…`to` (inclusive). */
  sum(from: DayKey, to: DayKey): number;
  /** The last local day with data, up to today; null without any. */
  lastDay: DayKey | null;
  /** Today's yearly rate: the 12 complete months to last month (rolling-months.ts); null without data. */
  rate: number | null;
}

export interface PlanRow {
  /** Stable across re-plans of the same window: `${granularity}-${start}`. */
  key: string;
  node: CascadeNode;
  granularity: Granularity;
  /** What the milestone must reach: the period's amount, or the level to reach by its end. */
  target: number;
  /** The row's share of the budget (same weights as the target), or null without a budget. */
  budget: number | null;
  /** Key of the row one level up (before levels are left out); null at the top. */
  parentKey: string | null;
  /** Due at the end of the period's last local day. */
  deadline: number;
  /** The period ended before now: created only when the user asks. */
  ended: boolean;
  /**
   * A period under way (a summed plan with actuals): what it has so far and its run, what it comes to
   * at today's rate (so far + today's yearly rate × the share of a year still to come in it), and
   * whether it asks more than that (`aboveRun`: it cannot be met at today's rate, and the wizard says
   * so). Whether its milestone would be off track on the day it is made is the card's to say
   * (readingsOnCreation).
   */
  reach: { soFar: number; run: number; aboveRun: boolean } | null;
}

export interface Plan {
  meaning: TargetMeaning;
  /** Every row of every level, in tree order (a year, its quarters, each with its months). */
  rows: PlanRow[];
  /** Levels that are worth a milestone: a level with one period covering the whole window repeats the goal. */
  levels: Granularity[];
  /** Sum of the top level's targets (for totals and annual rates: what the periods add up to). */
  sum: number;
}

/** The window's first local day, as planCascade reads it (its start rounded to the nearest midnight). */
function firstDay(goal: CascadableGoal, cal: CalendarSettings): DayKey {
  return localDayKey(goal.startAt + HALF_DAY, cal.timeZone);
}

/** Whether a plan made at `now` is made once the window has opened (midwayYears), as planCascade decides. */
export function windowOpened(goal: CascadableGoal, cal: CalendarSettings, now: number): boolean {
  return localDayKey(now, cal.timeZone) >= firstDay(goal, cal);
}

export function planCascade(
  goal: CascadableGoal,
  metric: (Pick<Metric, 'aggregation' | 'formula'> & Partial<Pick<Metric, 'direction'>>) | undefined,
  cal: CalendarSettings,
  o: PlanOptions,
): Plan {
  const meaning =
    !isSummed(metric) || goal.goalType === 'keep' ? 'level' : o.meaning === 'level' ? 'total' : o.meaning;
  // The local days the window mostly covers: its ends rounded to the nearest local midnight, so a
  // window written in another zone's days (the example data's are UTC days) does not gain a stray
  // first or last day — "1 Jan–31 Dec 2028 UTC" is not "…to 1 Jan 2029" in Hà Nội.
  const from = firstDay(goal, cal);
  const to = localDayKey(goal.deadline + 1 - HALF_DAY, cal.timeZone);
  if (to < from) return { meaning, rows: [], levels: [], sum: 0 };
  // The split of 1 gives every period its share of the window's weight (levels and budgets follow it).
  const shares = cascadeTree(1, from, to, cal, o.method, o.weights);
  const today = localDayKey(o.now, cal.timeZone);
  const actuals = meaning === 'level' ? undefined : o.actuals;
  const rest = actuals ? restStart(actuals, today, from, cal) : null;
  let years: CascadeNode[];
  if (meaning === 'total') years = cascadeTree(goal.target, from, to, cal, o.method, o.weights);
  else if (meaning === 'annual')
    years =
      actuals && rest && today >= from
        ? midwayYears(goal, shares, cal, o, today, actuals, rest)
        : annualYears(goal, shares, cal, o);
  else {
    // A keep goal (margin ≥ 30% every month) holds the same line in every period; a level moves to it.
    const baseline = goal.goalType === 'keep' ? goal.target : (o.startLevel ?? goal.baseline ?? 0);
    const level = (n: CascadeNode): CascadeNode => ({
      ...n,
      target: baseline + n.cumulative * (goal.target - baseline),
      children: n.children.map(level),
    });
    years = shares.map(level);
  }
  const sum = years.reduce((a, y) => a + y.target, 0);
  const rows: PlanRow[] = [];
  const walk = (n: CascadeNode, share: CascadeNode, parentKey: string | null) => {
    const key = `${n.granularity}-${n.start}`;
    const deadline = startOfLocalDay(n.end, cal.timeZone) - 1;
    // Totals and rates: budget follows the target; levels: it follows the period's share of the weight.
    const part = meaning === 'level' ? share.target : sum !== 0 ? n.target / sum : share.target;
    const ended = deadline < o.now;
    rows.push({
      key,
      node: n,
      granularity: n.granularity,
      target: n.target,
      budget: o.budget === null || o.budget === undefined ? null : o.budget * part,
      parentKey,
      deadline,
      ended,
      reach: actuals && rest && !ended && n.start <= today ? reachOf(n, actuals, rest, cal, o) : null,
    });
    n.children.forEach((c, i) => {
      walk(c, share.children[i] ?? c, key);
    });
  };
  years.forEach((y, i) => {
    walk(y, shares[i] ?? y, null);
  });
  if (o.budget !== null && o.budget !== undefined) roundBudgets(rows, o.budget);
  if (meaning !== 'level') roundRowTargets(rows, goal, metric, meaning, actuals && rest ? today : null);
  const count = (g: Granularity) => rows.filter((r) => r.granularity === g).length;
  const levels = (['year', 'quarter', 'month'] as const).filter((g) => count(g) > 1);
  const roundSum =
    meaning === 'level' ? sum : rows.reduce((a, r) => a + (r.parentKey === null ? r.target : 0), 0);
  return { meaning, rows, levels, sum: roundSum };
}

/**
 * The targets as a person would write them (round-targets.ts): three significant figures, the rest
 * sharing what their parent has left so children still add up to it, the last year the goal's target.
 * A plan that reads the metric's record asks periods over or under way what they have and their run:
 * those round toward on course, so rounding never puts one behind. Without a record nothing is
 * asked of a period but its share, and every period rounds to the nearest (₫70B stays ₫70B).
 */
function roundRowTargets(
  rows: PlanRow[],
  goal: CascadableGoal,
  metric: Partial<Pick<Metric, 'direction'>> | undefined,
  meaning: TargetMeaning,
  /** Today, when the plan reads the metric's record: periods over or under way round toward on course. */
  today: DayKey | null,
): void {
  const rounded = roundTargets(
    rows.map((r) => ({
      key: r.key,
      parentKey: r.parentKey,
      target: r.target,
      fixed: today !== null && (r.ended || r.node.start <= today),
    })),
    {
      whole: meaning === 'total' ? goal.target : null,
      end: goal.target,
      down: goalDirection(goal, metric?.direction ? { direction: metric.direction } : undefined) === 'down',
    },
  );
  for (const r of rows) {
    const v = rounded.get(r.key);
    if (v === undefined) continue;
    r.target = v;
    if (r.reach) r.reach = { ...r.reach, aboveRun: isAboveRun(v, r.reach.run) };
  }
}

/**
 * The budget as a person would split it (round-split.ts): the years' parts add up to the whole budget,
 * each period's children to its own rounded part, every part rounded to three significant figures of
 * the largest beside it (₫2.08B / ₫4.49B / ₫6.93B, never 2,082,144,992). Rows are in tree order.
 */
function roundBudgets(rows: PlanRow[], whole: number): void {
  const byParent = new Map<string | null, PlanRow[]>();
  for (const r of rows) byParent.set(r.parentKey, [...(byParent.get(r.parentKey) ?? []), r]);
  const split = (parentKey: string | null, amount: number) => {
    const kids = byParent.get(parentKey);
    if (!kids) return;
    const parts = roundedSplit(
      amount,
      kids.map((r) => r.budget ?? 0),
    );
    kids.forEach((r, i) => {
      r.budget = parts[i] ?? r.budget;
      split(r.key, r.budget ?? 0);
    });
  };
  split(null, whole);
}

/**
 * Annual rates: year i's rate steps up in a straight line over time from `startRate` to the target, as
 * reached at the end of that year (or is the target every year), and the year is asked for the part
 * of a year's worth it holds — a window starting in July asks half a year of 2026.
 */
function annualYears(
  goal: CascadableGoal,
  shares: CascadeNode[],
  cal: CalendarSettings,
  o: PlanOptions,
): CascadeNode[] {
  const start = o.startRate ?? 0;
  // How much of a year's worth each (possibly clipped) year holds; the ramp advances by these, so
  // whole years step evenly (a leap year is not a bigger step) and a half first year a half step.
  const years = shares.map((y) => {
    const fullFrom = periodStart(y.start, 'year', cal);
    const fullTo = addDays(nextPeriodStart(fullFrom, 'year'), -1);
    const last = addDays(y.end, -1);
    const full = windowWeight(fullFrom, fullTo, o.method, o.weights);
    return { y, last, fraction: full > 0 ? windowWeight(y.start, last, o.method, o.weights) / full : 1 };
  });
  const allYears = years.reduce((a, x) => a + x.fraction, 0);
  let reached = 0;
  return years.map(({ y, last, fraction }) => {
    reached += fraction;
    const rate =
      o.annualPath === 'flat' || allYears <= 0
        ? goal.target
        : start + (goal.target - start) * (reached / allYears);
    const tree = cascadeTree(rate * fraction, y.start, last, cal, o.method, o.weights);
    return tree[0] ?? { ...y, target: 0 };
  });
}

/** How much of a year's worth the local days `from`…`last` are, in the year `from` falls in. */
function yearShare(from: DayKey, last: DayKey, cal: CalendarSettings, o: PlanOptions): number {
  if (last < from) return 0;
  const year = periodStart(from, 'year', cal);
  const full = windowWeight(year, addDays(nextPeriodStart(year, 'year'), -1), o.method, o.weights);
  return full > 0 ? windowWeight(from, last, o.method, o.weights) / full : 0;
}

/**
 * The first day a plan made today still has to plan: the day after the last day with data in the
 * running month (today's entries are in), or the running month's first day when it has none yet — a
 * month closed once a month has no December days until December's close, so December is planned whole
 * rather than read as six days of nothing. Never before the window's first day.
 */
function restStart(actuals: PlanActuals, today: DayKey, from: DayKey, cal: CalendarSettings): DayKey {
  const month = periodStart(today, 'month', cal);
  const first = month < from ? from : month;
  const last = actuals.lastDay;
  return last !== null && last >= first && last <= today ? addDays(last, 1) : first;
}

/** A target above a run: beyond rounding (a start rate typed back as the whole number shown). */
function isAboveRun(target: number, run: number): boolean {
  return target > run + 1e-6 * Math.max(1, Math.abs(run));
}

/** What a period under way has so far and comes to at today's rate (PlanRow.reach). */
function reachOf(
  n: CascadeNode,
  actuals: PlanActuals,
  rest: DayKey,
  cal: CalendarSettings,
  o: PlanOptions,
): PlanRow['reach'] {
  if (actuals.rate === null) return null;
  const last = addDays(n.end, -1);
  const soFar = actuals.sum(n.start, rest <= last ? addDays(rest, -1) : last);
  const run = soFar + actuals.rate * yearShare(rest > n.start ? rest : n.start, last, cal, o);
  return { soFar, run, aboveRun: isAboveRun(n.target, run) };
}

/**
 * Annual rates, planned once the window has opened (docs/figures.md § Milestone, cascade): from where
 * the business is, never from a year before today.
 * - A month already over asks what it had; the running month what it has so far plus the rest of it
 *   at its year's rate (from `rest`, restStart); later months their share of their year's rate.
 * - The year under way runs at `startRate` (today's yearly figure: the 12 complete months to last
 *   month) for the rest of it: it asks its run. Its days so far were earned at today's rate, and its
 *   milestone is judged on a straight line from its first day, so any step-up inside it would be
 *   behind on the day it is made (the ₫75.6B asked of a year at ₫42.1B with 24 days left).
 * - The step-up from `startRate` to the target is spread in even steps over the years after it (by
 *   how much of a year each holds, as annualYears does); the last year reaches the target. When the
 *   year under way is the last one, or every year is to be at the full rate, its rest runs at the
 *   target, and the wizard says when that is more than today's rate brings (PlanRow.reach).
 * Children still add up to their parents: each node is the sum of its months.
 */
function midwayYears(
  goal: CascadableGoal,
  shares: CascadeNode[],
  cal: CalendarSettings,
  o: PlanOptions,
  today: DayKey,
  actuals: PlanActuals,
  rest: DayKey,
): CascadeNode[] {
  const start = o.startRate ?? 0;
  const flat = o.annualPath === 'flat';
  const running = periodStart(today, 'year', cal);
  const later = shares.filter((y) => periodStart(y.start, 'year', cal) > running);
  const fractions = later.map((y) => yearShare(y.start, addDays(y.end, -1), cal, o));
  const all = fractions.reduce((a, f) => a + f, 0);
  const rates = new Map<DayKey, number>();
  let reached = 0;
  later.forEach((y, i) => {
    reached += fractions[i] ?? 0;
    rates.set(
      periodStart(y.start, 'year', cal),
      flat || all <= 0 ? goal.target : start + (goal.target - start) * (reached / all),
    );
  });
  const rateOf = (year: DayKey) => rates.get(year) ?? (flat || later.length === 0 ? goal.target : start);
  let cumulative = 0;
  const retarget = (n: CascadeNode): CascadeNode => {
    if (n.children.length) {
      const children = n.children.map(retarget);
      const target = children.reduce((a, c) => a + c.target, 0);
      return { ...n, children, target, cumulative };
    }
    const last = addDays(n.end, -1);
    const year = periodStart(n.start, 'year', cal);
    const target =
      last < rest
        ? actuals.sum(n.start, last)
        : n.start >= rest
          ? rateOf(year) * yearShare(n.start, last, cal, o)
          : actuals.sum(n.start, addDays(rest, -1)) + rateOf(year) * yearShare(rest, last, cal, o);
    cumulative += target;
    return { ...n, children: [], target, cumulative };
  };
  return shares.map(retarget);
}

/**
 * The rows the user asked for: levels down to `depth` (only levels worth a milestone), ended periods
 * only when `includeEnded`, none of `leaveOut` (keys: periods under way whose milestone would be
 * off track on the day it is made, unless the user asks for them). Each row's parent is its nearest shown ancestor (null = the goal itself).
 */
export function chooseRows(
  plan: Plan,
  depth: CascadeDepth,
  includeEnded: boolean,
  leaveOut: ReadonlySet<string> = new Set(),
): PlanRow[] {
  const order: Granularity[] = ['year', 'quarter', 'month'];
  const deepest = order.indexOf(depth);
  const shown = new Set(plan.levels.filter((g) => order.indexOf(g) <= deepest));
  const byKey = new Map(plan.rows.map((r) => [r.key, r]));
  const kept = new Set<string>();
  const out: PlanRow[] = [];
  for (const r of plan.rows) {
    if (!shown.has(r.granularity) || (r.ended && !includeEnded)) continue;
    if (leaveOut.has(r.key)) continue;
    let parent = r.parentKey;
    while (parent && !kept.has(parent)) parent = byKey.get(parent)?.parentKey ?? null;
    kept.add(r.key);
    out.push({ ...r, parentKey: parent });
  }
  return out;
}

/** The first day of the month `n` months after the one `day` ('YYYY-MM-…') is in. */
function addMonths(day: string, n: number): string {
  const i = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * 12 seasonal weights (Jan first) from the metric's actuals: the calendar year before the goal starts
 * when all its months have values, else the latest 12 complete months (`from`–`to`), else none.
 */
export function weightsFromLastYear(
  rollups: readonly DailyRollup[],
  goal: CascadableGoal,
  metric: Pick<Metric, 'id' | 'aggregation'>,
  cal: CalendarSettings,
  now?: number,
): { weights: number[]; year: number; hasData: boolean; from?: string; to?: string } {
  const year = Number(localDayKey(goal.startAt, cal.timeZone).slice(0, 4)) - 1;
  const series = selectRollups(rollups, metric.id, goal.dims);
  const monthlyIn = (from: string, to: string) => {
    const byMonth = new Map<string, number>();
    for (const p of aggregateRollups(series, metric.aggregation, 'month', cal, { from, to }))
      byMonth.set(p.start.slice(0, 7), p.value);
    return byMonth;
  };
  /** Weights by calendar month from 12 consecutive months, or null when one has no value above 0. */
  const weightsOf = (byMonth: Map<string, number>, first: string) => {
    const monthly: number[] = new Array(12).fill(0);
    let key = first;
    for (let i = 0; i < 12; i++, key = addMonths(key, 1)) {
      const v = byMonth.get(key.slice(0, 7));
      if (v === undefined || !(v > 0)) return null;
      monthly[Number(key.slice(5, 7)) - 1] = v;
    }
    return seasonalWeightsFromActuals(monthly);
  };
  // The year before the window, when every month of it has a value. A year with months missing (data
  // from July on) gave the missing months no weight: a plan of ₫0 for January–June. Then the latest 12
  // complete months before today, each calendar month once; else no phasing (every month the same).
  const lastYear = weightsOf(monthlyIn(`${year}-01-01`, `${year}-12-31`), `${year}-01-01`);
  if (lastYear) return { weights: lastYear, year, hasData: true };
  if (now !== undefined) {
    const running = `${localDayKey(now, cal.timeZone).slice(0, 7)}-01`;
    const first = addMonths(running, -12);
    const latest = weightsOf(monthlyIn(first, addDays(running, -1)), first);
    if (latest) return { weights: latest, year, hasData: true, from: first, to: addMonths(running, -1) };
  }
  return { weights: new Array<number>(12).fill(1), year, hasData: false };
}

/**
 * The yearly figure when the window opens: the goal's baseline if it has one, else the metric's 12
 * complete months before the window (or before the running month, when that is earlier), annualised
 * from the months on record when fewer — rolling-months.ts, the very figure a 12-month rolling goal's
 * card reads as its baseline ("from ₫34.1B a year (Jul–Dec 2025 annualised)"). A BHAG starting
 * Jan 1 planned on Dec 7 had read a December of 7 days as a whole month: its yearly start (₫2.82B) and
 * every milestone came out low; a running month is never counted.
 */
export function rateBeforeStart(
  rollups: readonly DailyRollup[],
  goal: CascadableGoal,
  metric: Pick<Metric, 'id' | 'aggregation'> | undefined,
  cal: CalendarSettings,
  now?: number,
): { rate: number; months: number; figure?: RollingFigure } | null {
  if (goal.baseline !== undefined) return { rate: goal.baseline, months: 12 };
  const figure = yearlyFigure(rollups, goal, metric, cal, now ?? goal.startAt, 'start');
  return figure ? { rate: figure.value, months: figure.months, figure } : null;
}

/**
 * A yearly figure of the goal's metric (rolling-months.ts, 12 months), at the window's opening
 * (`start`: the card's baseline) or today (`today`: the 12 complete months to last month, what a plan
 * made mid-way starts from). Null without a summed metric or a complete month on record.
 */
export function yearlyFigure(
  rollups: readonly DailyRollup[],
  goal: Pick<Goal, 'startAt' | 'dims'>,
  metric: Pick<Metric, 'id' | 'aggregation'> | undefined,
  cal: CalendarSettings,
  now: number,
  at: 'start' | 'today',
): RollingFigure | null {
  if (metric?.aggregation !== 'sum') return null;
  const running = periodStart(localDayKey(now, cal.timeZone), 'month', cal);
  const before =
    at === 'start' && goal.startAt !== undefined
      ? periodStart(localDayKey(goal.startAt, cal.timeZone), 'month', cal)
      : running;
  return rollingFigure(selectRollups(rollups, metric.id, goal.dims), 12, before, running, cal);
}

/** The metric's record as a plan made today reads it (PlanActuals): its sums, last day and rate today. */
export function planActuals(
  rollups: readonly DailyRollup[],
  goal: Pick<Goal, 'startAt' | 'dims'>,
  metric: Pick<Metric, 'id' | 'aggregation'> | undefined,
  cal: CalendarSettings,
  now: number,
): PlanActuals {
  const today = localDayKey(now, cal.timeZone);
  const summed = !!metric && metric.aggregation === 'sum';
  const indexed: RollupIndex[] = summed ? selectRollups(rollups, metric.id, goal.dims).map(indexRollup) : [];
  let lastDay: DayKey | null = null;
  for (const r of indexed) {
    const i = r.days.findLastIndex((d) => d <= today);
    const d = i >= 0 ? r.days[i] : undefined;
    if (d !== undefined && (lastDay === null || d > lastDay)) lastDay = d;
  }
  return {
    sum: (from, to) => (to < from ? 0 : sumInRange(indexed, { from, to })),
    lastDay,
    rate: yearlyFigure(rollups, goal, metric, cal, now, 'today')?.value ?? null,
  };
}

/**
 * The last day of the months a level at the start is read from: the day before the start, but never
 * inside the running month (a December of 7 days is not a whole month).
 */
function beforeRunningMonth(dayBeforeStart: string, now: number | undefined, timeZone: string): string {
  if (now === undefined) return dayBeforeStart;
  const today = localDayKey(now, timeZone);
  const lastComplete = addDays(`${today.slice(0, 8)}01`, -1);
  return dayBeforeStart < lastComplete ? dayBeforeStart : lastComplete;
}

/**
 * The level when the window starts: the goal's baseline if it has one, else the metric's value for
 * the last month with data in the year before the start (a formula metric has no stored months: null).
 */
export function levelBeforeStart(
  rollups: readonly DailyRollup[],
  goal: CascadableGoal,
  metric: Pick<Metric, 'id' | 'aggregation' | 'formula'> | undefined,
  cal: CalendarSettings,
  now?: number,
): number | null {
  if (goal.baseline !== undefined) return goal.baseline;
  if (!metric || metric.formula) return null;
  const start = localDayKey(goal.startAt + HALF_DAY, cal.timeZone);
  const months = aggregateRollups(
    selectRollups(rollups, metric.id, goal.dims),
    metric.aggregation,
    'month',
    cal,
    {
      from: `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`,
      to: beforeRunningMonth(addDays(start, -1), now, cal.timeZone),
    },
  );
  return months[months.length - 1]?.value ?? null;
}

export interface MilestoneOptions {
  meaning: TargetMeaning;
  /** Level meaning: the level the milestones start from (their baseline), as planned. */
  startLevel?: number;
  /** Per row key: who owns it and its budget (the user's edits over the plan's split). */
  owner: (row: PlanRow) => string;
  budget: (row: PlanRow) => number | null;
  currency: string;
  method: CascadeMethod;
  weights?: readonly number[];
  now: number;
  timeZone: string;
  newId: () => string;
  /** The period's name in the UI's language (the title) and in the other one (its translation). */
  label: (row: PlanRow, locale: Locale) => string;
  locale: Locale;
  /** What the milestone must achieve, in words (its description, and the translation beside it). */
  describe: (row: PlanRow, locale: Locale) => string;
  /** The id a row's milestone gets (default: newId()): the wizard reads a row before creating it. */
  idOf?: (row: PlanRow) => string;
  /**
   * The row's own target as written, for its title ("Q1 2027: ₫24B · Reach 150 billion…"): without
   * it, "Q1 2027 · Reach 150 billion VND annual revenue" read as if each quarter were to reach ₫150B.
   */
  amount?: (row: PlanRow, locale: Locale) => string;
}

/**
 * Milestone goals for `rows` (from chooseRows), each under its nearest shown ancestor or the goal. Each
 * carries its condition: the metric, its window (startAt…deadline) and the target for that window, so
 * it is done when the window's figure meets the target and overdue only when it doesn't by its date.
 */
export function milestoneGoals(goal: CascadableGoal, rows: readonly PlanRow[], o: MilestoneOptions): Goal[] {
  const ids = new Map<string, string>();
  const other: Locale = o.locale === 'vi' ? 'en' : 'vi';
  const titleOf = (row: PlanRow, locale: Locale) =>
    `${o.label(row, locale)}${o.amount ? `: ${o.amount(row, locale)}` : ''} · ${localizedName(goal, locale)}`;
  return rows.map((row) => {
    const id = o.idOf ? o.idOf(row) : o.newId();
    ids.set(row.key, id);
    const g: Goal = {
      id,
      kind: 'milestone',
      goalType: 'milestone',
      title: titleOf(row, o.locale).slice(0, 300),
      translations: { [other]: titleOf(row, other).slice(0, 300) },
      description: o.describe(row, o.locale).slice(0, 5000),
      descriptionTranslations: { [other]: o.describe(row, other).slice(0, 5000) },
      frameworks: ['smart'],
      measure: o.meaning === 'level' ? 'latest' : 'cumulative',
      target: row.target,
      startAt: startOfLocalDay(row.node.start, o.timeZone),
      deadline: row.deadline,
      trajectory: o.method,
      parentId: (row.parentKey && ids.get(row.parentKey)) || goal.id,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: o.now,
      updatedAt: o.now,
    };
    if (goal.metricId) g.metricId = goal.metricId;
    if (goal.dims) g.dims = { ...goal.dims };
    if (goal.perspective) g.perspective = goal.perspective;
    // On a neutral KPI (ad spend) the goal says which way it moves it; its milestones move it the same way.
    if (goal.direction) g.direction = goal.direction;
    const from = o.startLevel ?? goal.baseline;
    if (o.meaning === 'level' && goal.goalType !== 'keep' && from !== undefined) g.baseline = from;
    if (o.method === 'phased' && o.weights?.length === 12) g.seasonalWeights = [...o.weights];
    const budget = o.budget(row);
    if (budget !== null && Number.isFinite(budget) && budget >= 0)
      g.budget = { amount: Math.round(budget), currency: o.currency };
    const owner = o.owner(row).trim();
    if (owner) g.owner = owner.slice(0, 200);
    return g;
  });
}

/**
 * How the cards of `made` (milestones of rows under way, as milestoneGoals makes them) would read on
 * the day they are made: the engine's own reading (evaluate-all.ts), with `goal` beside them. The
 * wizard leaves out, unless asked, any whose card would be off track at once (docs/figures.md §
 * Milestone, cascade): "not create a red goal".
 */
export function readingsOnCreation(
  goal: Goal,
  made: readonly Goal[],
  metric: Metric | undefined,
  rollups: readonly DailyRollup[],
  settings: Pick<Settings, 'timeZone' | 'weekStart' | 'fiscalYearStartMonth' | 'okrZones'>,
  now: number,
): Map<string, GoalEvaluation> {
  if (!made.length) return new Map();
  const result = evaluateAll({
    goals: [goal, ...made],
    metrics: metric ? [metric] : [],
    rollups: metric ? selectRollups(rollups, metric.id) : [],
    checkIns: [],
    settings,
    now,
  });
  const out = new Map<string, GoalEvaluation>();
  for (const g of made) {
    const ev = result.perGoal.get(g.id);
    if (ev) out.set(g.id, ev);
  }
  return out;
}
