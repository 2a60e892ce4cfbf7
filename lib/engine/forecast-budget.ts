import { countedShares } from './counted-shares';
import { forecastFit, type RoughInfo, simulatePaths } from './forecast';
import { chanceFrequency, recalibrate } from './forecast-calibration';
import type { ForecastBasis } from './goal-types/reading';
import { basisOptions } from './goal-types/shared';

/**
 * A budget cap's outlook (goal-types/budget-total.ts, docs/figures.md § Budget cap): the chance the
 * window's total ends at or under the cap, and where it will likely end. A cap has no "reach" date:
 * the question is only where the total stands when the window closes.
 *
 * From forecast.ts's own simulated futures (`simulatePaths`, the model, seed, paths and calendar days
 * of the card's basis): each path's periods are added to the total so far — the running period for its
 * share still to come, a period the window opens inside for the part after its start, the deadline's
 * period up to the deadline (spend accrues day by day; counted-shares.ts, the rule forecastHit counts a
 * total's steps by) — and the chance is the share of paths whose
 * total is at or under the cap. Going over the cap is a total reaching it by the deadline, so the
 * share of paths over it goes through the totals' recalibration map (forecast-calibration.ts) as a
 * total's chance does; below forecast.ts's fitted minimum it is the rough estimate's, kept within
 * 5–95% and labelled.
 */

export interface BudgetOutlookArgs {
  /**
   * The card's forecast basis (goal-types/shared.ts's forecastBasisOf): the complete periods'
   * increments, oldest first, the running period's share still to come, and the forecaster's options
   * (basisOptions, the one builder every forecast from a basis passes).
   */
  basis: ForecastBasis;
  /** The total so far (the card's value). */
  current: number;
  cap: number;
  now: number;
  /** End instant of each future step, the running period's end first. */
  stepEnds: readonly number[];
  /** The window's last instant. */
  deadline: number;
  /** The window's first instant when it lies after `now`: nothing counts before it. */
  countFrom?: number;
}

export interface BudgetOutlook {
  /** Chance the window's total ends at or under the cap. */
  chanceWithin: number;
  /** The window's total at the deadline: 10th / 50th / 90th percentiles (nearest rank). */
  end: { p10: number; p50: number; p90: number };
  rough?: RoughInfo;
}

const ROUGH_MARGIN = 0.05;

/** Null without a model (fewer than two periods) or with the deadline past the steps given. */
export function budgetOutlook(a: BudgetOutlookArgs): BudgetOutlook | null {
  if (![a.current, a.cap, a.deadline].every(Number.isFinite) || a.deadline <= a.now) return null;
  const steps = a.stepEnds.findIndex((e) => e >= a.deadline) + 1;
  if (steps <= 0) return null;
  const { basis } = a;
  const opts = basisOptions(basis);
  const fit = forecastFit(basis.history, opts);
  if (fit.method === 'none') return null;
  const paths = simulatePaths(basis.history, steps, opts);
  if (!paths.length) return null;
  // Each step's share of its period that adds to the window's total, up to the deadline.
  const weights = countedShares({
    now: a.now,
    stepEnds: a.stepEnds.slice(0, steps),
    firstStepShare: basis.firstStepShare,
    until: a.deadline,
    ...(a.countFrom !== undefined ? { countFrom: a.countFrom } : {}),
  });
  const totals = paths.map((path) => {
    let total = a.current;
    for (let k = 0; k < steps; k++) total += (path[k] as number) * (weights[k] as number);
    return total;
  });
  const within = totals.filter((v) => v <= a.cap).length / totals.length;
  const chanceWithin = fit.rough
    ? Math.min(1 - ROUGH_MARGIN, Math.max(ROUGH_MARGIN, within))
    : 1 - recalibrate(1 - within, 'total', chanceFrequency(basis.seasonPeriod));
  const sorted = [...totals].sort((x, y) => x - y);
  const q = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
  return {
    chanceWithin,
    end: { p10: q(0.1), p50: q(0.5), p90: q(0.9) },
    ...(fit.rough ? { rough: fit.rough } : {}),
  };
}
