import { forecastCumulativeBand, type HitForecast } from '../forecast';
import type { ForecastBasis } from './reading';
import { basisOptions } from './shared';

/**
 * Where a total will most likely stand at its deadline, when most simulated futures reach the target
 * only after it (or never): "Net profit of ₫5.5B this year" is a total of this year, and a date in
 * January 2027 would count next year's profit; what the manager can act on is the year's likely end,
 * ₫4.92B (80%: ₫4.85B – ₫4.99B). docs/figures.md § Reach a total.
 *
 * The running totals come from the detail chart's band (forecastCumulativeBand: the card's model,
 * history, seed and calendar days), read at the deadline: interpolated between the period ends (or
 * now) around it, as sales accrue day by day. Null when the median future makes it in time.
 */
export function totalAtDeadline(
  forecast: HitForecast | null,
  basis: ForecastBasis,
  current: number | null,
  deadline: number | undefined,
  /** The future period ends (ms) of the basis's granularity, the running period's first. */
  ends: readonly number[],
  now: number,
): { p10: number; p50: number; p90: number } | null {
  if (!forecast || forecast.reachedAlready || forecast.method === 'none') return null;
  if (current === null || deadline === undefined || deadline <= now) return null;
  if (forecast.p50 !== null && forecast.p50 <= deadline) return null;
  const k = ends.findIndex((e) => e >= deadline);
  if (k < 0) return null;
  const band = forecastCumulativeBand(basis.history, k + 1, current, {
    ...basisOptions(basis),
    firstStepShare: basis.firstStepShare,
  });
  const from = k === 0 ? now : (ends[k - 1] as number);
  const share = Math.min(1, Math.max(0, (deadline - from) / ((ends[k] as number) - from)));
  const at = (q: readonly number[]) => {
    const after = q[k];
    const before = k === 0 ? current : q[k - 1];
    return after === undefined || before === undefined ? null : before + (after - before) * share;
  };
  const [p10, p50, p90] = [at(band.p10), at(band.p50), at(band.p90)];
  if (p10 === null || p50 === null || p90 === null) return null;
  return { p10: Math.min(p10, p90), p50, p90: Math.max(p10, p90) };
}
