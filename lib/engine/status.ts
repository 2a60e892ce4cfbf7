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
 * 4b. Keep a level (goal-types/keep-level.ts) gives its own two signals instead of 3 and 4, and the
 *    worse one counts, as in 5:
 *    - the month read: held → on_track ('keep_held'); held, but closer to the line than the tolerance
 *      → at_risk ('keep_close'); a complete month breached → off_track ('keep_breached'); the running
 *      month breached so far → at_risk ('keep_breached_so_far': its days to come can still bring it
 *      back, and the chance below says how likely that is);
 *    - the chance the running month ends on the right side of the line (forecast-keep.ts), with the
 *      thresholds of 4: p < 0.3 → off_track ('keep_breach_likely'); p < 0.7 → at_risk
 *      ('keep_breach_possible'). A rough estimate (too few months) takes no part, as in 4.
 *    So a 71% chance of a breach is never milder than a 55% one. A third signal can only keep the
 *    status from on_track, never make it off_track:
 *    - the window so far: a complete month of it already past the line → at_risk ('keep_missed'). The
 *      goal is "every month of the window", so once one month is missed it can no longer be met in
 *      full, and a running window is never on_track beside "held 9 of 12 months". It is weighed after
 *      the two above, so a month read past or close to the line, or a chance, names itself first.
 *    After the deadline, rules 1 and 2 decide: reached when every month held, else deadline_passed.
 * 4c. A budget cap (a total whose way is down: goal-types/budget-total.ts, its one definition) ranks
 *    its own signals and passes them as `signals`; it is never `reached` while its window runs, so it
 *    never reads "target reached" from the start. Its total past the cap → off_track ('budget_over',
 *    for good); else the chance to end at or under the cap, with the thresholds of 4
 *    ('budget_overrun_likely' / 'budget_overrun_possible'); without a fitted chance, how far the total
 *    is over its planned line, with the thresholds of 3 ('budget_far_over_plan' / 'budget_over_plan').
 *    After its window: reached (met) when the total stayed at or under the cap.
 * 5b. A goal with a value but no signal yet — no pace (no start date, or a monthly total before its
 *    first month closed) and no fitted forecast (too few complete periods) — has no status, reason
 *    'too_early' ("Too early to tell", with what it waits for: goal-types/too-early.ts). Only a goal
 *    without any value reads 'no_data' ("No data yet"). Neither counts as on, at risk or off track.
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
  | 'no_data'
  /** A value, but not yet enough to judge it (rule 5b). */
  | 'too_early'
  | 'keep_held'
  | 'keep_close'
  | 'keep_breached'
  | 'keep_breached_so_far'
  | 'keep_breach_possible'
  | 'keep_breach_likely'
  | 'keep_missed'
  /** Budget caps (goal-types/budget-total.ts, rule 4c). */
  | 'budget_over'
  | 'budget_over_plan'
  | 'budget_far_over_plan'
  | 'budget_overrun_possible'
  | 'budget_overrun_likely'
  /** Objectives and other goals without a measure of their own: their children's statuses (objective.ts). */
  | 'children';

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
  /** Keep goals: how the period the value refers to stands against the threshold. */
  holding?: 'held' | 'close' | 'breached' | 'breached_so_far' | null;
  /** Keep goals: the chance the running month ends on the right side of the line (null: none, or rough). */
  keepHoldChance?: number | null;
  /** Keep goals: complete months of the window past the line so far (a running month is never one). */
  keepMissed?: number;
  /**
   * Signals a goal type ranks itself (a budget cap, rule 4c: 0 on track, 1 at risk, 2 off track), each
   * with the reason to show when it decides; weighed with the others, the worse counting.
   */
  signals?: ReadonlyArray<{ rank: 0 | 1 | 2; reason: StatusReason | null }>;
  /** The goal has a value (rule 5b: without a signal it is too early to tell, not "no data"). */
  hasValue?: boolean;
  /** Latest check-in confidence and when it was given. */
  confidence?: { value: Confidence; time: number } | null;
  now: number;
}

export interface StatusResult {
  status: Confidence | null;
  reasons: StatusReason[];
  /**
   * The reason that decided the status — the first one at the final status's level (the worst signal,
   * or the manual confidence that pulled it down). A card shows it next to the status, so "Off track"
   * never stands beside "ahead by…" without what made it off track. Null when nothing pulled it down.
   */
  decidedBy: StatusReason | null;
}

/** Rule 3's thresholds on a gap's share of the expected move (negative = behind), as a rank. */
export function gapRank(gapPct: number): 0 | 1 | 2 {
  return gapPct < STATUS_THRESHOLDS.offTrackGap ? 2 : gapPct < STATUS_THRESHOLDS.atRiskGap ? 1 : 0;
}

/** Rule 4's thresholds on a chance, as a rank. */
export function chanceRank(p: number): 0 | 1 | 2 {
  return p < STATUS_THRESHOLDS.offTrackProbability ? 2 : p < STATUS_THRESHOLDS.atRiskProbability ? 1 : 0;
}

export function computeStatus(s: StatusInput): StatusResult {
  const only = (status: Confidence | null, reason: StatusReason): StatusResult => ({
    status,
    reasons: [reason],
    decidedBy: reason,
  });
  if (s.done) return only('on_track', 'done');
  if (s.notStarted) return only(null, 'not_started');
  if (s.reached) return only('on_track', 'target_reached');
  if (s.deadlinePassed) return only('off_track', 'deadline_passed');
  const reasons: StatusReason[] = [];
  const ranked: Array<[StatusReason, number]> = [];
  let rank: number | null = null;
  const worse = (r: number, reason?: StatusReason) => {
    rank = rank === null ? r : Math.max(rank, r);
    if (reason) {
      reasons.push(reason);
      ranked.push([reason, r]);
    }
  };
  const gap = s.gapPct;
  if (gap !== null && Number.isFinite(gap)) {
    const r = gapRank(gap);
    worse(r, r === 2 ? 'pace_far_behind' : r === 1 ? 'pace_behind' : undefined);
  }
  // A chance (rule 4, and a keep goal's chance to hold in 4b) with one pair of thresholds.
  const byChance = (p: number | null | undefined, off: StatusReason, risk: StatusReason) => {
    if (p === null || p === undefined || !Number.isFinite(p)) return;
    const r = chanceRank(p);
    worse(r, r === 2 ? off : r === 1 ? risk : undefined);
  };
  byChance(s.probability, 'forecast_very_unlikely', 'forecast_unlikely');
  if (s.holding === 'breached') worse(2, 'keep_breached');
  else if (s.holding === 'breached_so_far') worse(1, 'keep_breached_so_far');
  else if (s.holding === 'close') worse(1, 'keep_close');
  else if (s.holding === 'held') worse(0, 'keep_held');
  byChance(s.keepHoldChance, 'keep_breach_likely', 'keep_breach_possible');
  if (s.keepMissed && s.keepMissed > 0) worse(1, 'keep_missed');
  for (const sig of s.signals ?? []) worse(sig.rank, sig.reason ?? undefined);
  const c = s.confidence;
  const fresh = c && s.now - c.time <= STATUS_THRESHOLDS.confidenceMaxAgeDays * 86_400_000 ? c.value : null;
  if (rank === null) {
    if (fresh) return only(fresh, 'manual_confidence');
    return only(null, s.hasValue ? 'too_early' : 'no_data');
  }
  let final: number = rank;
  let decidedBy: StatusReason | null = ranked.find(([, r]) => r === final)?.[0] ?? null;
  if (fresh && RANK[fresh] > final) {
    final = Math.min(2, final + 1);
    reasons.push('manual_confidence');
    decidedBy = 'manual_confidence';
  }
  return { status: BY_RANK[final] ?? 'off_track', reasons, decidedBy };
}
