import type { CheckIn, Confidence, Goal, GoalDirection, GoalType, KeepSide, Metric } from '../../schema';
import type { PeriodDays } from '../calendar-days';
import type { HitForecast, RoughInfo } from '../forecast';
import type { PlanPoint } from '../milestone-plan';
import type { Pace } from '../pace';
import type { RollingFigure } from '../rolling-months';
import type { StatusReason } from '../status';
import type { DayKey, Granularity } from '../time-buckets';

/**
 * The one reading of a goal (issue 14): what every surface renders and none recomputes. Each goal type
 * (./reach-total.ts, ./budget-total.ts, ./reach-level.ts, ./keep-level.ts, ./milestone.ts,
 * ./objective.ts) produces it by its own rules; docs/figures.md defines each figure per type with a
 * worked example.
 */

/** The stretch of time the reading's value refers to. */
export interface ReadingPeriod {
  /** First and last local day covered (inclusive). */
  start: DayKey;
  end: DayKey;
  /** month / week for a level read per period; null for a total over the goal's window or a stock's latest value. */
  granularity: Granularity | null;
  /** Level goals on a summed metric: the value is the sum of this many complete months ending at `end`. */
  rollingMonths?: number;
  /** The period is still running (a value logged for the current month counts, and says so). */
  partial: boolean;
}

/** Keep a level: how the window has gone so far. */
export interface KeepScore {
  side: KeepSide;
  threshold: number;
  /** Periods of the window with a value, and how many of them held the threshold. */
  periods: number;
  held: number;
  /** Consecutive held periods up to and including the latest one (0 when the latest breached). */
  streak: number;
  /** The latest period's value minus the threshold, positive on the good side, in the metric's unit. */
  margin: number | null;
  /** Chance the next period breaches / that every remaining period to the deadline holds (0–1). */
  breachNext: number | null;
  holdToDeadline: number | null;
  /** Months still open through the deadline, the running one included (null: no deadline ahead). */
  openMonths?: number | null;
  /** Set when those chances come from forecast.ts's rough run-rate estimate (too few months). */
  rough?: RoughInfo;
}

/**
 * A budget cap: a total whose way is down ("Spend at most ₫1.5B on ads in Q1"), read by
 * ./budget-total.ts; docs/figures.md § Budget cap defines every figure.
 */
export interface BudgetCap {
  cap: number;
  /** The total so far (baseline + the window's sum): the reading's `current`. */
  spent: number;
  /** spent ÷ cap (null for a cap at or below 0). */
  shareUsed: number | null;
  /** cap − spent, at least 0. */
  left: number;
  /** spent − cap once past it, else 0. */
  over: number;
  /** The planned line (the cap spread over the window like a total's trajectory) at `planAsOf`. */
  planned: number | null;
  /** The total compared with the planned line (at the last close for a metric logged once a month). */
  plannedSpent: number | null;
  /** When the plan is compared, when not today (a metric logged once a month: its last close). */
  planAsOf?: number;
  /** (plannedSpent − planned) ÷ the move planned so far, as pace.ts's gapPct: positive = over plan. */
  overPlanPct: number | null;
  /** The window is over (its deadline passed). */
  ended: boolean;
  /** Chance the window's total ends at or under the cap (forecast-budget.ts); null without one. */
  chanceWithin: number | null;
  /** The window's total at its end along the simulated futures: 10th / 50th / 90th percentiles. */
  end: { p10: number; p50: number; p90: number } | null;
  /** The chance and end come from the rough run-rate estimate (too few periods): shown, never deciding. */
  rough?: RoughInfo;
}

/**
 * The inputs of a goal's forecast, as the engine used them: complete periods of history (oldest first:
 * increments for a total, levels otherwise), their granularity, the seasonal period tried, the seed
 * and number of simulated paths, and the share of the running period still to come.
 */
export interface ForecastBasis {
  history: readonly number[];
  granularity: Granularity;
  seasonPeriod: number;
  seed: number;
  paths: number;
  firstStepShare: number;
  /** A monthly total's calendar days (history periods, future steps): see calendar-days.ts. */
  periodDays?: PeriodDays;
  /**
   * A rolling sum (annual revenue) forecast from its months (forecast-rolling.ts): `history` is then
   * the complete months, and `tail` the months the sum holds before the running one.
   */
  rolling?: { months: number; tail: readonly number[] };
  /**
   * Future periods the forecast simulated (its horizon), when there is one. The simulated paths depend
   * on it, so a figure read off the same futures (plan-shortfall.ts) simulates as many.
   */
  steps?: number;
}

/** What a goal type computes; the orchestrator (evaluate-all.ts) adds OKR, SMART, alerts and roll-ups. */
export interface TypeReading {
  /** Total so far (baseline + sum in the window), or the level / keep value of `period`. */
  current: number | null;
  period: ReadingPeriod | null;
  baseline: number | null;
  /** A rolling sum's baseline read from its data: the months it rests on (rolling-months.ts). */
  baselineFigure?: RollingFigure;
  target: number | null;
  measure: 'cumulative' | 'latest' | null;
  /** 0 at baseline (never below), 1 at the target, up to 2 beyond; keep goals: share of periods held. */
  progress: number | null;
  pace: Pace | null;
  forecast: HitForecast | null;
  /** What `forecast` (or a keep goal's chances) was computed from; the detail chart reuses it. */
  forecastBasis: ForecastBasis | null;
  keep: KeepScore | null;
  /** A budget cap's figures (./budget-total.ts); null for every other goal. */
  budget: BudgetCap | null;
  status: Confidence | null;
  statusReasons: StatusReason[];
  decidedBy: StatusReason | null;
  /** Milestones with a metric condition: whether it is met (null without a condition). */
  conditionMet: boolean | null;
  /** Complete monthly values, oldest first, for the SMART growth check. */
  monthly: number[];
}

/** Facts about a goal every type reads the same way. */
export interface GoalFacts {
  goal: Goal;
  type: GoalType;
  metric: Metric | undefined;
  checkIns: readonly CheckIn[];
  done: boolean;
  notStarted: boolean;
  target: number | null;
  direction: GoalDirection;
  /** First local day of the window (undefined without a start). */
  startDay: DayKey | undefined;
  /** Last local day of the window (undefined without a deadline). */
  endDay: DayKey | undefined;
  /** Values are read up to today, or up to the window's last day once it is over. */
  lastDay: DayKey;
  windowOk: boolean;
  deadlinePassed: boolean;
  confidence: { value: Confidence; time: number } | null;
  /** A level goal's plan from its milestones (milestone-plan.ts); empty without one. */
  plan: readonly PlanPoint[];
}

export const emptyReading = (): TypeReading => ({
  current: null,
  period: null,
  baseline: null,
  target: null,
  measure: null,
  progress: null,
  pace: null,
  forecast: null,
  forecastBasis: null,
  keep: null,
  budget: null,
  status: null,
  statusReasons: [],
  decidedBy: null,
  conditionMet: null,
  monthly: [],
});

/**
 * A total shows a forecast from this many complete periods: below forecast.ts's MIN_MODEL_POINTS it is
 * the rough run-rate estimate, labelled, and takes no part in the status (docs/figures.md § Forecasts).
 * Levels wait for MIN_MODEL_POINTS (shared.ts minForecastHistory).
 */
export const MIN_ROUGH_TOTAL_HISTORY = 2;
