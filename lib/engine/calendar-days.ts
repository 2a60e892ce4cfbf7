/**
 * Calendar adjustment for monthly totals: a month's sales, leads or orders depend on how many days it
 * has (February is 10% shorter than March), and that swing is not news about the business. The
 * forecaster fits a monthly total as a total per average day (value × mean days / the month's days)
 * and scales each future month back by its own days. This is the textbook calendar adjustment
 * (Hyndman & Athanasopoulos, Forecasting: Principles and Practice, 3rd ed., 3.1). On the backtest's
 * development data it lowered the error of every monthly total family (strike reports, film
 * releases, trading volume; docs/forecast-backtest.md, "Sixth round").
 *
 * Only for values that are sums over the period's days (a total goal's increments); levels (a price,
 * a headcount, an average) are not adjusted. Weeks all have seven days, so weekly totals need nothing.
 */
export interface PeriodDays {
  /** Calendar days of each history period, oldest first (same length as the history). */
  history: readonly number[];
  /** Calendar days of each future step, from the running period on (its whole length, not what is left). */
  future: readonly number[];
}

const usable = (days: readonly number[]) => days.every((d) => Number.isFinite(d) && d > 0);

/** The mean days of the history periods, or null when the adjustment does not apply to this history. */
function meanDays(values: readonly number[], d: PeriodDays | undefined): number | null {
  if (!d || d.history.length !== values.length || !values.length || !usable(d.history)) return null;
  return d.history.reduce((a, b) => a + b, 0) / d.history.length;
}

/** What history value `i` is multiplied by to be a total per average day (1 when the adjustment does not apply). */
export function historyDayFactor(values: readonly number[], d: PeriodDays | undefined, i: number): number {
  const mean = meanDays(values, d);
  return mean === null || !d ? 1 : mean / (d.history[i] as number);
}

/** The history as totals per average day (unchanged when the adjustment does not apply). */
export function perAverageDay(values: readonly number[], d: PeriodDays | undefined): readonly number[] {
  const mean = meanDays(values, d);
  if (mean === null || !d) return values;
  return values.map((v, i) => (v * mean) / (d.history[i] as number));
}

/**
 * What each of `steps` future values is multiplied by (the step's days over the history's mean), or
 * null when the adjustment does not apply. Steps beyond `future` keep the mean (factor 1).
 */
export function futureDayFactors(
  values: readonly number[],
  d: PeriodDays | undefined,
  steps: number,
): Float64Array | null {
  const mean = meanDays(values, d);
  if (mean === null || !d) return null;
  const out = new Float64Array(steps).fill(1);
  for (let k = 0; k < steps && k < d.future.length; k++) {
    const days = d.future[k] as number;
    if (Number.isFinite(days) && days > 0) out[k] = days / mean;
  }
  return out;
}

/** A cache key part for the adjustment: the history's days (the future's do not change the fit). */
export function daysKey(values: readonly number[], d: PeriodDays | undefined): string {
  return meanDays(values, d) === null || !d ? '' : `d${d.history.join(',')}`;
}
