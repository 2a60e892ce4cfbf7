import type { Confidence } from '../schema';

/**
 * Status rules — how "on track / at risk / off track" is decided.
 *
 * 0. A goal whose window has not started yet (now < startAt) has no status (null, reason
 *    'not_started'; surfaces show it without a colour): nothing is expected of it yet, so it can't be
 *    behind, and evaluate-all raises no below-trajectory or forecast-miss alert for it.
 * 1. Done goals, and goals whose actual value already meets the target, are on_track. "Meets" follows
 *    the metric's good direction (journey.ts), whichever side of the baseline the target was set on.
 * 2. A deadline that has passed without the target met is off_track.
 * 3. Pace: gap vs. the trajectory (pace.ts, negative = behind)
 *      gapPct < −20%  → off_track;  gapPct < −5% → at_risk;  otherwise on_track.
 * 4. Forecast: probability of reaching the target by the deadline (forecast.ts)
 *      p < 0.3 → off_track;  p < 0.7 → at_risk;  otherwise on_track.
 * 5. The computed status is the WORSE of 3 and 4: a goal is on track only when the trajectory and the
 *    forecast agree. (A phased trajectory already expects a slow season, so seasonality alone doesn't
 *    make a goal look behind.) Missing signals are skipped; with neither, there is no computed status.
 * 6. Manual confidence from the latest check-in (if it is at most 30 days old) can only pull the status
 *    down, and by at most one level per check-in: the owner may know of a lost deal the data doesn't
 *    show yet, but one pessimistic click shouldn't turn a healthy goal red. It never improves a
 *    computed status: numbers that say "behind" are not overridden by optimism. With no computed
 *    status, the manual confidence is the status.
 */

export const STATUS_THRESHOLDS = {
  offTrackGap: -0.2,
  atRiskGap: -0.05,
  offTrackProbability: 0.3,
  atRiskProbability: 0.7,
  confidenceMaxAgeDays: 30,
} as const;

export type StatusReason =
  | 'done'
  | 'target_reached'
  | 'deadline_passed'
  | 'pace_behind'
  | 'pace_far_behind'
  | 'forecast_unlikely'
  | 'forecast_very_unlikely'
  | 'manual_confidence'
  | 'not_started'
  | 'no_data';

const RANK: Record<Confidence, number> = { on_track: 0, at_risk: 1, off_track: 2 };
const BY_RANK: Confidence[] = ['on_track', 'at_risk', 'off_track'];

export interface StatusInput {
  done: boolean;
  /** The goal's window starts after now. */
  notStarted?: boolean;
  reached: boolean;
  deadlinePassed: boolean;
  gapPct: number | null;
  probability: number | null;
  /** Latest check-in confidence and when it was given. */
  confidence?: { value: Confidence; time: number } | null;
  now: number;
}

export interface StatusResult {
  status: Confidence | null;
  reasons: StatusReason[];
}

export function computeStatus(s: StatusInput): StatusResult {
  if (s.done) return { status: 'on_track', reasons: ['done'] };
  if (s.notStarted) return { status: null, reasons: ['not_started'] };
  if (s.reached) return { status: 'on_track', reasons: ['target_reached'] };
  if (s.deadlinePassed) return { status: 'off_track', reasons: ['deadline_passed'] };
  const reasons: StatusReason[] = [];
  let rank: number | null = null;
  const worse = (r: number) => {
    rank = rank === null ? r : Math.max(rank, r);
  };
  const gap = s.gapPct;
  if (gap !== null && Number.isFinite(gap)) {
    if (gap < STATUS_THRESHOLDS.offTrackGap) {
      worse(2);
      reasons.push('pace_far_behind');
    } else if (gap < STATUS_THRESHOLDS.atRiskGap) {
      worse(1);
      reasons.push('pace_behind');
    } else worse(0);
  }
  const p = s.probability;
  if (p !== null && Number.isFinite(p)) {
    if (p < STATUS_THRESHOLDS.offTrackProbability) {
      worse(2);
      reasons.push('forecast_very_unlikely');
    } else if (p < STATUS_THRESHOLDS.atRiskProbability) {
      worse(1);
      reasons.push('forecast_unlikely');
    } else worse(0);
  }
  const c = s.confidence;
  const fresh = c && s.now - c.time <= STATUS_THRESHOLDS.confidenceMaxAgeDays * 86_400_000 ? c.value : null;
  if (rank === null) {
    if (fresh) return { status: fresh, reasons: ['manual_confidence'] };
    return { status: null, reasons: ['no_data'] };
  }
  let final: number = rank;
  if (fresh && RANK[fresh] > final) {
    final = Math.min(2, final + 1);
    reasons.push('manual_confidence');
  }
  return { status: BY_RANK[final] ?? 'off_track', reasons };
}
