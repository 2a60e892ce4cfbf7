import type { CheckIn, Confidence, Goal, GoalType, Metric, Settings } from '../schema';
import {
  type Alert,
  type AlertOptions,
  belowTrajectoryAlert,
  conversionBelowTargetAlert,
  DEFAULT_ALERT_OPTIONS,
  dedupeAlerts,
  forecastMissAlert,
  keepBreachedAlert,
  keepBreachLikelyAlert,
  kpiMovedAlert,
  milestoneOverdueAlert,
  mostSevere,
  noCheckInAlert,
} from './alerts';
import { budgetAlert } from './budget-alerts';
import { childrenByParent, rollUpProgress } from './cascade';
import type { HitForecast } from './forecast';
import { isFunnelConversion } from './funnel-conversion';
import { goalDirection, goalTypeOf } from './goal-type';
import { readTotalOrCap } from './goal-types/budget-total';
import { readKeep } from './goal-types/keep-level';
import { readMilestone } from './goal-types/milestone';
import {
  type ChildTally,
  childTally,
  objectiveOkr,
  readObjective,
  statusFromChildren,
  worseStatus,
} from './goal-types/objective';
import { readLevel } from './goal-types/reach-level';
import type {
  BudgetCap,
  ForecastBasis,
  GoalFacts,
  KeepScore,
  ReadingPeriod,
  TypeReading,
} from './goal-types/reading';
import { createSeriesContext, type SeriesContext } from './goal-types/series-context';
import { type TooEarly, tooEarlyOf } from './goal-types/too-early';
import { directionSign } from './journey';
import { milestonePlan, type PlanPoint } from './milestone-plan';
import { type MilestoneStatus, milestoneStatus } from './milestones';
import { type KrScore, krScore } from './okr';
import type { Pace } from './pace';
import { type PlanShortfall, planShortfall } from './plan-shortfall';
import type { RollingFigure } from './rolling-months';
import type { DailyRollup } from './rollup';
import { type PerspectiveHealth, scorecard } from './scorecard';
import { type SmartIssue, smartCheck } from './smart-check';
import type { StatusReason } from './status';
import { type DayKey, localDayKey, periodStart } from './time-buckets';

/**
 * One pass over everything the surfaces show: every live goal's reading (value and the period it refers
 * to, progress, pace, forecast, status and the reason that decided it), OKR score, milestone state and
 * SMART issues, plus the deduplicated alerts and the Balanced Scorecard.
 *
 * This file only orchestrates. How each goal type is scored lives in one file per type:
 * goal-types/reach-total.ts (a total whose way is down: budget-total.ts), reach-level.ts,
 * keep-level.ts, milestone.ts, objective.ts
 * (docs/figures.md defines every figure). Works from day rollups only (never raw points), memoises each
 * metric series it aggregates (goal-types/series-context.ts), and never throws on bad data: what can't
 * be computed is null.
 */

export interface EvaluateInput {
  goals: readonly Goal[];
  metrics: readonly Metric[];
  rollups: readonly DailyRollup[];
  checkIns: readonly CheckIn[];
  settings: Pick<Settings, 'timeZone' | 'weekStart' | 'fiscalYearStartMonth' | 'okrZones'>;
  now: number;
  alertOptions?: Partial<AlertOptions>;
  /** Simulated futures per goal; more is smoother and slower. */
  forecastPaths?: number;
  /**
   * Team goals (lib/team/whose-values.ts): these read `teamRollups`, everyone's values; every other
   * goal, the KPI moves and the last data days read `rollups`, this browser's user's own.
   */
  teamGoalIds?: ReadonlySet<string>;
  teamRollups?: readonly DailyRollup[];
}

export interface GoalEvaluation {
  goalId: string;
  /** How the goal is measured (stored, or inferred for an old record: goal-type.ts). */
  type: GoalType;
  /** Total so far (baseline + sum in the window), or the level / keep value of `period`. */
  current: number | null;
  /** The period `current` refers to ("Nov" for a level read on November); null without a value. */
  period: ReadingPeriod | null;
  baseline: number | null;
  /**
   * A rolling sum's baseline read from its data ("₫34.1B a year, Jul–Dec 2025 annualised"): the months
   * it rests on, for the card's label (rolling-months.ts). Absent when the goal sets its own.
   */
  baselineFigure?: RollingFigure;
  target: number | null;
  measure: 'cumulative' | 'latest' | null;
  /**
   * 0 at baseline, 1 when the target is met, at most 2; never negative. Keep goals: the share of
   * periods held. Milestones without a metric: 1 done, 0 not yet.
   */
  progress: number | null;
  /** Own progress, or for a goal without its own measure (an objective: its OKR score) the roll-up of its children's. */
  rolledUpProgress: number | null;
  pace: Pace | null;
  forecast: HitForecast | null;
  /**
   * What the forecast (a keep goal's chances) was computed from — history, periods, seed, paths — so
   * the goal-detail chart draws the card's forecast rather than one of its own. Null without one.
   */
  forecastBasis: ForecastBasis | null;
  /** A level goal's plan from its milestones (milestone-plan.ts): the trajectory runs through it. */
  plan: readonly PlanPoint[];
  /**
   * Where the forecast's median first falls short of that plan (plan-shortfall.ts): the step the card
   * names when the forecast decides its status while the value is on its current step. Null without.
   */
  planShortfall: PlanShortfall | null;
  /** Keep goals: periods held, streak, margin, chance of a breach. */
  keep: KeepScore | null;
  /** A budget cap (a total whose way is down): spent, left, planned, chance to stay within. */
  budget: BudgetCap | null;
  status: Confidence | null;
  statusReasons: StatusReason[];
  /** The reason that decided the status, shown with it on every surface (status.ts). */
  decidedBy: StatusReason | null;
  /**
   * When the children decided the status (decidedBy 'children'): how many of them stand at each status,
   * and whether they are an objective's key results, so the card can say "key results: 3 off track".
   */
  childTally?: ChildTally;
  /** A value but no signal yet (status.ts rule 5b): what the status waits for (too-early.ts). */
  tooEarly?: TooEarly;
  /** Key results: their own score; objectives: the weighted roll-up of their key results. */
  okr: KrScore | null;
  milestone: MilestoneStatus | null;
  smart: SmartIssue[];
  lastCheckInAt: number | null;
}

export interface EvaluateResult {
  perGoal: Map<string, GoalEvaluation>;
  alerts: Alert[];
  scorecard: PerspectiveHealth[];
  /** Per metric, the last local day with a value (any dimension): read off the sorted rollup indices. */
  lastDataDays: ReadonlyMap<string, DayKey>;
}

const DAY = 86_400_000;

/** The rules of each goal type, one file each. */
const READERS: Record<GoalType, (f: GoalFacts, ctx: SeriesContext, paths: number) => TypeReading> = {
  // A total whose way is down is a budget cap (goal-types/budget-total.ts).
  total: readTotalOrCap,
  level: readLevel,
  keep: readKeep,
  milestone: readMilestone,
  objective: (f, ctx) => readObjective(f, ctx),
};

export function evaluateAll(input: EvaluateInput): EvaluateResult {
  const { settings: cal, now } = input;
  const tz = cal.timeZone;
  const opts: AlertOptions = { ...DEFAULT_ALERT_OPTIONS, ...input.alertOptions };
  const ctx = createSeriesContext(input, cal);
  const teamCtx =
    input.teamRollups && input.teamGoalIds?.size
      ? createSeriesContext({ ...input, rollups: input.teamRollups }, cal)
      : ctx;
  const ctxOf = (goalId: string) => (input.teamGoalIds?.has(goalId) ? teamCtx : ctx);
  const { today, metrics } = ctx;
  const paths = input.forecastPaths ?? 400;

  const checkIns = new Map<string, CheckIn[]>();
  for (const c of input.checkIns) {
    if (c.deletedAt !== null || c.time > now) continue;
    const list = checkIns.get(c.goalId) ?? [];
    list.push(c);
    checkIns.set(c.goalId, list);
  }
  for (const list of checkIns.values()) list.sort((a, b) => a.time - b.time);

  // ---- per goal ---------------------------------------------------------------------------------
  const live = input.goals.filter((g) => g.deletedAt === null && !g.archived);
  const liveById = new Map(live.map((x) => [x.id, x]));
  const childrenOf = childrenByParent(live);
  const perGoal = new Map<string, GoalEvaluation>();
  const alerts: Array<Alert | null> = [];
  const thisWeek = periodStart(today, 'week', cal);
  const thisMonth = periodStart(today, 'month', cal);

  for (const goal of live) {
    const metric = goal.metricId ? metrics.get(goal.metricId) : undefined;
    const goalCheckIns = checkIns.get(goal.id) ?? [];
    const lastCheckIn = goalCheckIns[goalCheckIns.length - 1];
    const facts = goalFacts(goal, metric, goalCheckIns, now, tz, today, childrenOf.get(goal.id) ?? []);
    const r = READERS[facts.type](facts, ctxOf(goal.id), paths);
    // A goal whose window has not opened has no progress and no OKR score yet: nothing is expected of
    // it (docs/figures.md, "starts Jan 1, 2027"). A Q1 key result had scored 0.59 on a December value,
    // and its objective a red 0.20 beside "Not started".
    if (facts.notStarted && !facts.done) r.progress = null;
    const milestone =
      goal.kind === 'milestone' || facts.type === 'milestone' || goal.budget
        ? milestoneStatus(goal, now, 7, r.conditionMet, tz)
        : null;

    const tooEarly = tooEarlyOf(facts, r, tz);
    perGoal.set(goal.id, {
      goalId: goal.id,
      type: facts.type,
      current: r.current,
      period: r.period,
      baseline: r.baseline,
      ...(r.baselineFigure ? { baselineFigure: r.baselineFigure } : {}),
      target: r.target,
      measure: r.measure,
      progress: r.progress,
      rolledUpProgress: r.progress,
      pace: r.pace,
      forecast: r.forecast,
      forecastBasis: r.forecastBasis,
      plan: facts.plan,
      planShortfall: planShortfall({
        plan: facts.plan,
        deadline: goal.deadline,
        target: facts.target,
        sign: directionSign(facts.direction),
        now,
        forecast: r.forecast,
        basis: r.forecastBasis,
        stepEnds: r.forecastBasis ? ctx.futurePeriodEnds(r.forecastBasis.granularity) : [],
      }),
      keep: r.keep,
      budget: r.budget,
      status: r.status,
      statusReasons: r.statusReasons,
      decidedBy: r.decidedBy,
      ...(tooEarly ? { tooEarly } : {}),
      okr: goal.kind === 'key_result' ? krScore(r.progress, goal.okrType, cal.okrZones) : null,
      milestone,
      smart: smartCheck(goal, {
        metric,
        now,
        history: r.monthly,
        current: r.current,
        timeZone: tz,
        keep: facts.type === 'keep',
        inferredBaseline: r.baseline,
        keyResults: (childrenOf.get(goal.id) ?? []).filter((c) => c.kind === 'key_result').length,
      }),
      lastCheckInAt: lastCheckIn?.time ?? null,
    });

    // ---- alerts for this goal ----
    // A goal not started yet can't be behind or about to miss (status.ts, rule 0).
    if (!facts.done && !facts.notStarted) {
      const conversion =
        metric &&
        r.measure === 'latest' &&
        facts.target !== null &&
        isFunnelConversion(metric, (id) => metrics.get(id))
          ? conversionBelowTargetAlert(
              goal,
              r.current,
              facts.target,
              metric.direction,
              thisMonth,
              metric.unit,
            )
          : null;
      // "Behind its trajectory", "forecast to miss" and a funnel stage "below its target rate" say one
      // thing of one goal: the list holds the most severe (the forecast on a tie: it gives the chance),
      // one line per troubled goal (19 lines for 18 goals read as noise; a conversion goal had read
      // "forecast to fall short" and "conversion 7.68 is below the target rate 12" one above the
      // other). A keep goal's breach is its own alert, not hidden behind them.
      alerts.push(
        mostSevere([
          forecastMissAlert(goal, r.forecast, thisWeek, opts, tz),
          belowTrajectoryAlert(goal, r.pace, thisWeek, opts, metric?.unit, [r.current, facts.target]),
          conversion,
        ]),
        // A budget cap's own: over it, likely to go over, or over its plan (budget-alerts.ts).
        budgetAlert(goal, r.budget, r.statusReasons, {
          unit: metric?.unit,
          week: thisWeek,
          windowStart: facts.startDay ?? 'window',
          timeZone: tz,
        }),
        r.keep ? keepBreachedAlert(goal, r.keep, r.current, r.period, metric?.unit, today, r.status) : null,
        r.keep
          ? keepBreachLikelyAlert(goal, r.keep, metric?.unit, thisMonth, r.status, r.statusReasons)
          : null,
      );
      // The weekly OKR review checks in on an objective with its key results: it counts for them too.
      const parent = goal.kind === 'key_result' && goal.parentId ? liveById.get(goal.parentId) : undefined;
      const reviewed = parent?.kind === 'objective' ? checkIns.get(parent.id)?.at(-1)?.time : undefined;
      const lastReview = Math.max(
        lastCheckIn?.time ?? Number.NEGATIVE_INFINITY,
        reviewed ?? Number.NEGATIVE_INFINITY,
      );
      alerts.push(noCheckInAlert(goal, Number.isFinite(lastReview) ? lastReview : null, now, opts));
      if (milestone) alerts.push(milestoneOverdueAlert(goal, milestone, tz));
    }
  }

  resolveRollups(live, liveById, perGoal, cal.okrZones, childrenOf);

  // ---- KPI week-over-week moves ----
  const weeks = ctx.recentStarts('week', 2);
  if (weeks.length >= 3) {
    const lastWeek = weeks[weeks.length - 2] ?? thisWeek;
    for (const m of metrics.values()) {
      if (m.archived || (!m.formula && !ctx.rollupsByMetric.has(m.id))) continue;
      const s = ctx.metricSeries(m.id, undefined, 'week', weeks);
      alerts.push(kpiMovedAlert(m, s[s.length - 2] ?? null, s[s.length - 3] ?? null, lastWeek, opts));
    }
  }

  const lastDataDays = new Map<string, DayKey>();
  for (const [id, list] of ctx.rollupsByMetric)
    for (const r of list) {
      const day = r.days.at(-1);
      if (day !== undefined && day > (lastDataDays.get(id) ?? '')) lastDataDays.set(id, day);
    }

  return {
    perGoal,
    lastDataDays,
    alerts: dedupeAlerts(alerts),
    scorecard: scorecard(live, (id) => {
      const e = perGoal.get(id);
      if (!e) return undefined;
      const goal = liveById.get(id);
      const over = goal?.deadline !== undefined && goal.deadline < now;
      const achieved = e.decidedBy === 'done' || (over && e.decidedBy === 'target_reached');
      const notStarted = !achieved && goal?.startAt !== undefined && goal.startAt > now;
      return { status: e.status, progress: e.rolledUpProgress, achieved, notStarted };
    }),
  };
}

/** What every type reads the same way: the window in local days, done / not started, the confidence. */
function goalFacts(
  goal: Goal,
  metric: GoalFacts['metric'],
  checkIns: readonly CheckIn[],
  now: number,
  tz: string,
  today: string,
  children: readonly Goal[],
): GoalFacts {
  const lastCheckIn = checkIns[checkIns.length - 1];
  const type = goalTypeOf(goal, metric);
  const startDay = goal.startAt !== undefined ? localDayKey(goal.startAt, tz) : undefined;
  // The last local day the goal's window covers: most of a day must lie before the deadline, so a
  // deadline at midnight (or a UTC "end of year" read in UTC+7) doesn't pull in the next day.
  const endDay =
    goal.deadline !== undefined && (goal.startAt === undefined || goal.deadline > goal.startAt)
      ? localDayKey(goal.deadline - DAY / 2, tz)
      : undefined;
  return {
    goal,
    type,
    metric,
    checkIns,
    done: goal.doneAt !== undefined && goal.doneAt !== null,
    notStarted: goal.startAt !== undefined && goal.startAt > now,
    target: goal.target !== undefined && Number.isFinite(goal.target) ? goal.target : null,
    direction: goalDirection(goal, metric),
    startDay,
    endDay,
    // Values are read up to today, or up to the window's end once it is over (a done Q1 milestone
    // keeps its Q1 figure instead of growing with every later sale).
    lastDay: endDay !== undefined && endDay < today ? endDay : today,
    windowOk: goal.startAt !== undefined && goal.deadline !== undefined && goal.deadline > goal.startAt,
    deadlinePassed: goal.deadline !== undefined && goal.deadline < now,
    confidence: lastCheckIn
      ? { value: lastCheckIn.confidence, time: lastCheckIn.time }
      : goal.confidence
        ? { value: goal.confidence, time: goal.updatedAt }
        : null,
    plan: type === 'level' ? milestonePlan(goal, children, metric, tz) : [],
  };
}

/**
 * Roll-ups, children first: progress up the cascade (cascade.ts); an objective's OKR score, which is
 * also its progress on every surface (objective.ts); and the status of a goal with none of its own.
 */
function resolveRollups(
  live: readonly Goal[],
  liveById: ReadonlyMap<string, Goal>,
  perGoal: Map<string, GoalEvaluation>,
  zones: Settings['okrZones'],
  /** Live goals by their parent's id (evaluateAll builds it once for the milestone plans too). */
  children: ReadonlyMap<string, readonly Goal[]>,
): void {
  const own = new Map<string, number | null>();
  for (const [id, e] of perGoal) own.set(id, e.progress);
  const rolled = rollUpProgress(live, own);
  const resolving = new Set<string>();
  const resolve = (id: string): GoalEvaluation | undefined => {
    const e = perGoal.get(id);
    if (!e || resolving.has(id)) return e;
    resolving.add(id);
    const kids = (children.get(id) ?? []).map((c) => ({ goal: c, e: resolve(c.id) }));
    resolving.delete(id);
    e.rolledUpProgress = rolled.get(id) ?? e.progress;
    const goal = liveById.get(id);
    if (goal?.kind === 'objective' || e.type === 'objective') {
      const krs = kids.filter((k) => k.goal.kind === 'key_result');
      e.okr = objectiveOkr(
        krs.map((k) => ({ score: k.e?.okr?.score ?? null, weight: k.goal.weight })),
        e.rolledUpProgress,
        zones,
      );
      // The card's progress is the OKR panel's score: one number for one objective.
      if (e.okr && !goal?.doneAt) e.rolledUpProgress = e.okr.score;
    }
    // A goal with no computed status of its own (an objective, a BHAG without a metric) takes the mean
    // rank of its children's statuses; a manual confidence can only make it worse.
    if (
      e.statusReasons.includes('no_data') ||
      e.statusReasons.includes('too_early') ||
      (e.progress === null && e.statusReasons.includes('manual_confidence'))
    ) {
      const fromKids = statusFromChildren(kids.map((k) => k.e?.status));
      if (fromKids) {
        const next = worseStatus(e.status, fromKids);
        if (next !== e.status) {
          e.status = next;
          e.decidedBy = 'children';
          e.childTally = childTally(kids.map((k) => ({ kind: k.goal.kind, status: k.e?.status ?? null })));
        }
      }
    }
    return e;
  };
  for (const id of perGoal.keys()) resolve(id);
}
