/**
 * How much of each simulated future step counts toward a goal's window, as a share of the step's whole
 * period (a period's value accrues evenly over its calendar time, as sales and spend do day by day):
 *
 * - the running period (step 1, from `now` to `stepEnds[0]`): the share still to come, `firstStepShare`;
 * - a period the window opens inside (`countFrom` after `now`): only the part after its start;
 * - the deadline's period, when `until` is given: only the part up to it (a budget cap's total stops
 *   at its deadline, forecast-budget.ts); nothing of a step past it.
 *
 * forecast.ts's forecastHit adds each step's value times its share to a total's running sum (its paths
 * stop at the target, so it clips at no deadline), and forecast-budget.ts adds them up to the cap's
 * deadline: one rule for both. A step counted whole is exactly 1, and the running one exactly
 * `firstStepShare`, not a ratio recomputed from the instants.
 */
export function countedShares(a: {
  now: number;
  /** End instant of each future step; step 1 runs from `now` to stepEnds[0]. */
  stepEnds: readonly number[];
  /** Share of the running period still to come (clamped to 0–1). */
  firstStepShare: number;
  /** The window's first instant, when it lies after `now`: nothing counts before it. */
  countFrom?: number;
  /** The window's last instant: nothing counts after it. */
  until?: number;
}): Float64Array {
  const share = Math.min(1, Math.max(0, a.firstStepShare));
  const from = a.countFrom !== undefined && a.countFrom > a.now ? a.countFrom : a.now;
  const until = a.until ?? Number.POSITIVE_INFINITY;
  const steps = a.stepEnds.length;
  const out = new Float64Array(steps);
  for (let k = 0, stepStart = a.now; k < steps; k++) {
    const stepEnd = a.stepEnds[k] ?? stepStart;
    // The step's whole period (the running one started before now).
    const whole = k === 0 ? (share > 0 ? (stepEnd - stepStart) / share : 0) : stepEnd - stepStart;
    if (from <= stepStart && until >= stepEnd) out[k] = k === 0 ? share : 1;
    else {
      const lo = Math.max(stepEnd - whole, from);
      const hi = Math.min(stepEnd, until);
      out[k] = whole > 0 ? Math.min(1, Math.max(0, (hi - lo) / whole)) : 0;
    }
    stepStart = stepEnd;
  }
  return out;
}
