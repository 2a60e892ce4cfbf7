import type { GoalDirection, Unit } from '../schema';

/**
 * The journey of a goal: from its baseline to its target, read in the metric's good direction.
 *
 * Shared by progress (okr.ts) and pace (pace.ts) so both agree on two things:
 * - Meeting the target is judged by the metric's direction, never by which side of the baseline the
 *   target was set on. A target on the wrong side of the baseline is a SMART issue (smart-check.ts),
 *   not a reason to call a met target missed.
 * - A journey is never treated as shorter than 10% of the target's size. "Keep gross margin at 30% or
 *   more" from a baseline of 29.6% has a 0.4-point journey; dividing by it turns half a point of noise
 *   into ±100% and more. Below that size the goal is a hold-a-level target, measured against the floor.
 */

/** A journey shorter than this share of the target's size is a hold-a-level target. */
export const MIN_JOURNEY_SHARE = 0.1;
/** Progress is clamped to this range: far below the baseline or far past the target says no more. */
export const PROGRESS_MIN = -1;
export const PROGRESS_MAX = 2;

/**
 * +1 when higher is better, −1 when lower is better: the goal's way (goal-type.ts, goalDirection), never
 * a neutral KPI's, which has no better side.
 */
export function directionSign(direction: GoalDirection): 1 | -1 {
  return direction === 'down' ? -1 : 1;
}

/** True when `current` is at the target or beyond it on the metric's good side. */
export function meetsTarget(current: number, target: number, direction: GoalDirection): boolean {
  return directionSign(direction) * (current - target) >= 0;
}

/**
 * The smallest distance a journey is measured against: 10% of the target's size (of the baseline's
 * when the target is 0, as in "cut complaints to zero"); 0 only when both are 0.
 * A percentage strictly between 0 and 100 is sized by its distance to the nearer bound instead: going
 * from 98% to 99% on-time halves the late orders, a real journey, while 10% of 98 would call anything
 * under ten points a hold.
 */
export function journeyFloor(baseline: number, target: number, unit?: Unit['kind']): number {
  if (unit === 'percent' && target > 0 && target < 100)
    return MIN_JOURNEY_SHARE * Math.min(target, 100 - target);
  return MIN_JOURNEY_SHARE * Math.abs(target !== 0 ? target : baseline);
}

/**
 * How far the target lies from the baseline in the good direction; ≤ 0 when the target is set at or
 * on the wrong side of the baseline.
 */
export function goodJourney(baseline: number, target: number, direction: GoalDirection): number {
  return directionSign(direction) * (target - baseline);
}

export function clampProgress(p: number): number {
  return Math.min(PROGRESS_MAX, Math.max(PROGRESS_MIN, p));
}
