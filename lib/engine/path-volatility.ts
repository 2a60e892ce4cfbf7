/**
 * Each simulated future's own volatility: one scale per path that multiplies all its errors (the
 * resampled one-step errors and the lasting level and slope errors), so that a path's errors are
 * Student-t with TAIL_DF degrees of freedom instead of normal.
 *
 * Why: the one-step error σ is estimated from a short window and real series have calm and volatile
 * spells, so a future is not a draw at the window's σ but at a σ that is itself uncertain: the
 * textbook predictive is a scale mixture of normals, a Student-t. With one σ for every path, far levels
 * were reached more often than the paths said, in every round and on every data set (development,
 * level goals by week: said 0.028, happened 0.070; held-out 0.025 → 0.132). See
 * docs/forecast-backtest.md, "Seventh round".
 *
 * The scales are normalised so that the t's 10th–90th percentiles are the normal's (±1.2816σ): the
 * 80% band stays what the rest of the forecaster (the widening, the short-history factor) sets, and
 * only the tails grow. TAIL_DF = 4, the usual robust choice (Lange, Little & Taylor 1989), was chosen on
 * development rows over 3 and over n − 2 (the σ-uncertainty of a window of n points): it lowered the
 * Brier score of every goal kind the chance maps are fitted on and kept every coverage target, where
 * 3 was a little better on Brier and worse on coverage.
 */

/** Degrees of freedom of a path's errors. */
export const TAIL_DF = 4;
/** The 90th percentile of Student's t with 4 degrees of freedom, and of the standard normal. */
const T4_Q90 = 1.533206;
const Z_Q90 = 1.281552;

/** χ² with 4 degrees of freedom: P(X ≤ x) = 1 − e^(−x/2)(1 + x/2). */
function chi4Cdf(x: number): number {
  return 1 - Math.exp(-x / 2) * (1 + x / 2);
}

function chi4Quantile(p: number): number {
  let lo = 0;
  let hi = 200;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (chi4Cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * 4096 scales √(ν / χ²ν) at evenly spaced probabilities (a stratified table, so no sampling noise),
 * times Z_Q90 / T4_Q90: a normal draw times a scale from this table is the normalised t.
 */
export const VOLATILITY_TABLE: Float64Array = (() => {
  const t = new Float64Array(4096);
  for (let i = 0; i < t.length; i++) {
    const chi = chi4Quantile((i + 0.5) / t.length);
    t[i] = (Z_Q90 / T4_Q90) * Math.sqrt(TAIL_DF / chi);
  }
  return t;
})();

/** One path's volatility scale, from one uniform draw. */
export function pathVolatility(rand: () => number): number {
  return VOLATILITY_TABLE[(rand() * 4096) | 0] as number;
}
