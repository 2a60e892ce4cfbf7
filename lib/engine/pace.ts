import type { Goal, GoalDirection, Unit } from '../schema';
import { clampProgress, directionSign, journeyFloor, MIN_JOURNEY_SHARE } from './journey';
import { type PlanPoint, plannedLevel } from './milestone-plan';
import {
  DAY_MS,
  dayKeyFromNumber,
  dayNumber,
  daysInMonth,
  localDayFraction,
  localDayKey,
} from './time-buckets';

/**
 * Where a goal should be today, and how fast it must move from here.
 *
 * Linear trajectory: the expected share of the journey grows evenly with time.
 * Phased trajectory: each local day carries weight = its month's seasonal weight ÷ days in that month,
 * so a December-heavy business is expected to be far from its yearly target in June without being
 * "behind". All-zero or missing weights fall back to linear.
 * Milestone plan: a level goal whose own milestones set targets for the same figure on the way
 * (milestone-plan.ts) is expected on straight lines through them — the plan its owner made.
 */

export interface PaceWindow {
  startAt: number;
  deadline: number;
  trajectory?: Goal['trajectory'];
  seasonalWeights?: readonly number[];
  timeZone: string;
  /** A level goal's plan from its milestones (milestone-plan.ts): the line runs through these points. */
  plan?: readonly PlanPoint[];
}

/**
 * The level the trajectory expects at `t`: through the plan's points when it has any
 * (milestone-plan.ts), else baseline + the journey × expectedFraction.
 */
export function expectedLevel(w: PaceWindow, baseline: number, target: number, t: number): number | null {
  if (!(w.deadline > w.startAt)) return null;
  if (w.plan?.length) return plannedLevel(w.plan, w.startAt, w.deadline, baseline, target, t);
  const frac = expectedFraction(w, t);
  return frac === null ? null : baseline + (target - baseline) * frac;
}

/** Share of the journey expected by `now`, 0..1; null when the window is empty or inverted. */
export function expectedFraction(w: PaceWindow, now: number): number | null {
  if (!(w.deadline > w.startAt)) return null;
  if (now <= w.startAt) return 0;
  if (now >= w.deadline) return 1;
  const weights = w.seasonalWeights;
  const phased = w.trajectory === 'phased' && weights?.length === 12 && weights.some((x) => x > 0);
  if (!phased) return (now - w.startAt) / (w.deadline - w.startAt);
  return weightUpTo(w, now) / weightUpTo(w, w.deadline);
}

/** Seasonal weight accumulated from startAt to t (partial first/last day counted by local time of day). */
function weightUpTo(w: PaceWindow, t: number): number {
  const weights = w.seasonalWeights ?? [];
  const dayWeight = (n: number) => {
    const key = dayKeyFromNumber(n);
    const y = Number(key.slice(0, 4));
    const m = Number(key.slice(5, 7));
    return (weights[m - 1] ?? 0) / daysInMonth(y, m);
  };
  const first = dayNumber(localDayKey(w.startAt, w.timeZone));
  const last = dayNumber(localDayKey(t, w.timeZone));
  const startFrac = localDayFraction(w.startAt, w.timeZone);
  const endFrac = localDayFraction(t, w.timeZone);
  if (first === last) return dayWeight(first) * Math.max(0, endFrac - startFrac);
  let total = dayWeight(first) * (1 - startFrac);
  for (let n = first + 1; n < last; n++) total += dayWeight(n);
  return total + dayWeight(last) * endFrac;
}

export interface Pace {
  expectedFraction: number;
  elapsedFraction: number;
  /** Value the trajectory expects today. */
  expected: number;
  actual: number;
  /** actual − expected (in the metric's unit; positive = above the line, whichever way is good). */
  gap: number;
  /**
   * Signed so that negative always means behind: (actual − expected) ÷ the expected move so far. The
   * denominator is floored at 10% of the whole journey, so the first days of a window don't swing
   * ±1000% on one sale, and at 10% of the target (journey.ts), so a hold-a-level target ("keep margin
   * at 30%" from 29.6%) doesn't read half a point of noise as 100% behind. Clamped to −1..2 like
   * progress: −1 means none of the expected move was made (or it went the wrong way). Null when there
   * is no good side to be on: no direction given and target = baseline.
   */
  gapPct: number | null;
  /** Change per day needed from now to hit the target by the deadline; null once the deadline passed. */
  requiredPerDay: number | null;
  /** Change per day achieved since the start. */
  actualPerDay: number | null;
  /** True when the actual value already meets the target. */
  reached: boolean;
  /**
   * Set when expected and actual are compared at an earlier instant than now: a total logged once a
   * month is compared at its last close, the end of the last complete month (reach-total.ts), as the
   * days of the running month cannot have data yet. `reached` and `requiredPerDay` stay today's.
   */
  asOf?: number;
}

export interface PaceOptions {
  /** The goal's way (its metric's good direction); without it the journey's own direction stands in. */
  direction?: GoalDirection;
  /** The metric's unit, for the size of a percentage journey (journey.ts). */
  unit?: Unit['kind'];
}

/**
 * With a direction, "reached" and "behind" follow it even when the target was set on the wrong side of
 * the baseline; without one, a goal with target = baseline has no gap %.
 */
export function computePace(
  w: PaceWindow,
  baseline: number,
  target: number,
  actual: number,
  now: number,
  opts: PaceOptions = {},
): Pace | null {
  const expected = expectedLevel(w, baseline, target, now);
  if (expected === null || ![baseline, target, actual].every(Number.isFinite)) return null;
  const journey = target - baseline;
  const frac = journey !== 0 ? (expected - baseline) / journey : (expectedFraction(w, now) ?? 0);
  const gap = actual - expected;
  const sign = opts.direction ? directionSign(opts.direction) : Math.sign(journey);
  const denom = Math.max(
    Math.abs(expected - baseline),
    MIN_JOURNEY_SHARE * Math.abs(journey),
    journeyFloor(baseline, target, opts.unit),
  );
  const gapPct = sign === 0 || denom === 0 ? null : clampProgress((gap * sign) / denom);
  const remainingDays = (w.deadline - now) / DAY_MS;
  const elapsedDays = (now - w.startAt) / DAY_MS;
  const reached = sign === 0 ? true : sign * (actual - target) >= 0;
  return {
    expectedFraction: frac,
    elapsedFraction: Math.min(1, Math.max(0, (now - w.startAt) / (w.deadline - w.startAt))),
    expected,
    actual,
    gap,
    gapPct,
    requiredPerDay: remainingDays > 0 ? (reached ? 0 : (target - actual) / remainingDays) : null,
    actualPerDay: elapsedDays > 0 ? (actual - baseline) / elapsedDays : null,
    reached,
  };
}
