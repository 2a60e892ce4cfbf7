import { aggregateRollups, selectRollups } from '../../../lib/engine/aggregate';
import {
  type CascadeMethod,
  type CascadeNode,
  cascadeTree,
  seasonalWeightsFromActuals,
  windowWeight,
} from '../../../lib/engine/cascade';
import { goalTypeOf } from '../../../lib/engine/goal-type';
import { type RollingFigure, rollingFigure } from '../../../lib/engine/rolling-months';
import type { DailyRollup } from '../../../lib/engine/rollup';
import {
  addDays,
  type CalendarSettings,
  type Granularity,
  localDayKey,
  nextPeriodStart,
  periodStart,
  startOfLocalDay,
} from '../../../lib/engine/time-buckets';
import { localizedName } from '../../../lib/i18n/translate';
import type { Goal, Locale, Metric } from '../../../lib/schema';

/**
 * The cascade wizard's arithmetic, kept free of Preact: the years, quarters and months of a goal's
 * window, what each should reach, its share of the budget, and the milestone goals they become.
 *
 * What the target means decides the split (the wizard asks it in plain words):
 * - total: the target is the sum over the whole window — each period gets its share of it
 *   ("₫30B in 2026–2028 altogether" → about ₫10B a year);
 * - annual: the target is a rate per year reached by the deadline — each year gets a year's worth of
 *   its rate (stepping up from today's rate, or the full rate every year), its quarters and months a
 *   share of that year ("₫150B a year by 2028" → ₫70B, ₫110B, ₫150B; never ₫150B ÷ 12 quarters);
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

export function planCascade(
  goal: CascadableGoal,
  metric: Pick<Metric, 'aggregation' | 'formula'> | undefined,
  cal: CalendarSettings,
  o: PlanOptions,
): Plan {
  const meaning =
    !isSummed(metric) || goal.goalType === 'keep' ? 'level' : o.meaning === 'level' ? 'total' : o.meaning;
  // The local days the window mostly covers: its ends rounded to the nearest local midnight, so a
  // window written in another zone's days (the example data's are UTC days) does not gain a stray
  // first or last day — "1 Jan–31 Dec 2028 UTC" is not "…to 1 Jan 2029" in Hà Nội.
  const from = localDayKey(goal.startAt + HALF_DAY, cal.timeZone);
  const to = localDayKey(goal.deadline + 1 - HALF_DAY, cal.timeZone);
  if (to < from) return { meaning, rows: [], levels: [], sum: 0 };
  // The split of 1 gives every period its share of the window's weight (levels and budgets follow it).
  const shares = cascadeTree(1, from, to, cal, o.method, o.weights);
  let years: CascadeNode[];
  if (meaning === 'total') years = cascadeTree(goal.target, from, to, cal, o.method, o.weights);
  else if (meaning === 'annual') years = annualYears(goal, shares, cal, o);
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
    rows.push({
      key,
      node: n,
      granularity: n.granularity,
      target: n.target,
      budget: o.budget === null || o.budget === undefined ? null : o.budget * part,
      parentKey,
      deadline,
      ended: deadline < o.now,
    });
    n.children.forEach((c, i) => {
      walk(c, share.children[i] ?? c, key);
    });
  };
  years.forEach((y, i) => {
    walk(y, shares[i] ?? y, null);
  });
  const count = (g: Granularity) => rows.filter((r) => r.granularity === g).length;
  const levels = (['year', 'quarter', 'month'] as const).filter((g) => count(g) > 1);
  return { meaning, rows, levels, sum };
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

/**
 * The rows the user asked for: levels down to `depth` (only levels worth a milestone), ended periods
 * only when `includeEnded`. Each row's parent is its nearest shown ancestor (null = the goal itself).
 */
export function chooseRows(plan: Plan, depth: CascadeDepth, includeEnded: boolean): PlanRow[] {
  const order: Granularity[] = ['year', 'quarter', 'month'];
  const deepest = order.indexOf(depth);
  const shown = new Set(plan.levels.filter((g) => order.indexOf(g) <= deepest));
  const byKey = new Map(plan.rows.map((r) => [r.key, r]));
  const kept = new Set<string>();
  const out: PlanRow[] = [];
  for (const r of plan.rows) {
    if (!shown.has(r.granularity) || (r.ended && !includeEnded)) continue;
    let parent = r.parentKey;
    while (parent && !kept.has(parent)) parent = byKey.get(parent)?.parentKey ?? null;
    kept.add(r.key);
    out.push({ ...r, parentKey: parent });
  }
  return out;
}

/** 12 seasonal weights (Jan first) from the metric's actuals in the calendar year before the goal starts. */
export function weightsFromLastYear(
  rollups: readonly DailyRollup[],
  goal: CascadableGoal,
  metric: Pick<Metric, 'id' | 'aggregation'>,
  cal: CalendarSettings,
): { weights: number[]; year: number; hasData: boolean } {
  const year = Number(localDayKey(goal.startAt, cal.timeZone).slice(0, 4)) - 1;
  const series = selectRollups(rollups, metric.id, goal.dims);
  const months = aggregateRollups(series, metric.aggregation, 'month', cal, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const monthly: (number | null)[] = new Array(12).fill(null);
  for (const p of months) monthly[Number(p.start.slice(5, 7)) - 1] = p.value;
  return { weights: seasonalWeightsFromActuals(monthly), year, hasData: months.length > 0 };
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
}

/**
 * Milestone goals for `rows` (from chooseRows), each under its nearest shown ancestor or the goal. Each
 * carries its condition: the metric, its window (startAt…deadline) and the target for that window, so
 * it is done when the window's figure meets the target and overdue only when it doesn't by its date.
 */
export function milestoneGoals(goal: CascadableGoal, rows: readonly PlanRow[], o: MilestoneOptions): Goal[] {
  const ids = new Map<string, string>();
  const other: Locale = o.locale === 'vi' ? 'en' : 'vi';
  return rows.map((row) => {
    const id = o.newId();
    ids.set(row.key, id);
    const g: Goal = {
      id,
      kind: 'milestone',
      goalType: 'milestone',
      title: `${o.label(row, o.locale)} · ${localizedName(goal, o.locale)}`.slice(0, 300),
      translations: { [other]: `${o.label(row, other)} · ${localizedName(goal, other)}`.slice(0, 300) },
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
