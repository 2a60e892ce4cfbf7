import {
  type ForecastOptions,
  forecastFit,
  type HitForecast,
  MIN_MODEL_POINTS,
  quantile,
  reachedAlready,
  simulatePaths,
} from './forecast';
import { chanceFrequency, recalibrate, shareForChance } from './forecast-calibration';

/**
 * Forecasts of a rolling sum (annual revenue = the last 12 complete months) from the **monthly**
 * history, through forecast.ts's own simulated futures (`simulatePaths`): each path's months are
 * appended to the months on record and summed over the last `n` at every step. The rolling sums
 * themselves are no series to fit: consecutive sums share n − 1 months, so their "changes" are one
 * month in and one out, and a history of them is `n − 1` months shorter than the months it rests on —
 * 17 months of revenue gave 6 annual sums and the card waited for 8 ("6 so far").
 *
 * A rolling sum is a level: known when its last month is complete, so a hit is dated at the end of the
 * step it happens in, and its chance goes through the level map (forecast-calibration.ts), as a level
 * goal's does. Seeded like every forecast: the same data gives the same dates.
 */

const ROUGH_PROBABILITY_MARGIN = 0.05;

export interface RollingArgs extends ForecastOptions {
  /** Complete months on record, oldest first: what the model is fitted on. */
  history: readonly number[];
  /** The `n − 1` complete months before the running one, oldest first: the sum's months so far. */
  tail: readonly number[];
  /** Months summed: 12 for annual. */
  n: number;
}

/** The rolling sum at each future step (step 1 = the running month) along each simulated path. */
export function simulateRollingSums(a: RollingArgs, steps: number): Float64Array[] {
  const tail = a.tail.slice(-(a.n - 1));
  if (tail.length < a.n - 1 || steps <= 0) return [];
  const paths = simulatePaths(a.history, steps, a);
  return paths.map((months) => {
    const out = new Float64Array(months.length);
    // Months in the window, oldest first: the tail, then the path's own months as they come.
    let sum = 0;
    for (const v of tail) sum += v;
    for (let k = 0; k < months.length; k++) {
      sum += months[k] as number;
      out[k] = sum;
      const leaving = k - (a.n - 1);
      // The month that drops out before the next step: a tail month first, then the path's own.
      const old = leaving < 0 ? (tail[k] as number) : (months[leaving] as number);
      if (a.n > 1) sum -= old;
      else sum = 0;
    }
    return out;
  });
}

export interface RollingHitArgs extends RollingArgs {
  /** The rolling sum now (the card's value). */
  current: number;
  target: number;
  /** +1 when reaching means ≥ target, −1 when ≤ target. */
  sign: 1 | -1;
  now: number;
  /** End instant of each future step (the running month's end first). */
  stepEnds: readonly number[];
  deadline: number;
  /** Start of the goal's window when it lies after `now`: a sum reached earlier counts from then. */
  countFrom?: number;
}

/**
 * When the rolling sum first reaches the target (10th / 50th / 90th percentile dates), and the chance
 * it does by the deadline: forecastHit's answer for a level, on the rolling sums of the simulated months.
 */
export function forecastRollingHit(a: RollingHitArgs): HitForecast {
  if (a.sign * (a.current - a.target) >= 0) return reachedAlready(a.now);
  const method = forecastFit(a.history, a).method;
  const sums = method === 'none' ? [] : simulateRollingSums(a, a.stepEnds.length);
  if (!sums.length || !Number.isFinite(a.target))
    return {
      method,
      p10: null,
      p50: null,
      p90: null,
      probabilityByDeadline: null,
      reachedAlready: false,
    };
  const from = a.countFrom !== undefined && a.countFrom > a.now ? a.countFrom : a.now;
  const times = new Float64Array(sums.length);
  let byDeadline = 0;
  sums.forEach((path, p) => {
    let hit = Number.POSITIVE_INFINITY;
    for (let k = 0; k < path.length; k++) {
      if (a.sign * ((path[k] as number) - a.target) >= 0) {
        // Known once its month is complete: the step's last millisecond (forecast.ts, forecastHit).
        hit = Math.max(from, (a.stepEnds[k] as number) - 1);
        break;
      }
    }
    times[p] = hit;
    if (hit <= a.deadline) byDeadline++;
  });
  times.sort();
  const q = (share: number) => {
    const v =
      times[Math.min(times.length - 1, Math.max(0, Math.ceil(share * times.length) - 1))] ??
      Number.POSITIVE_INFINITY;
    return Number.isFinite(v) ? Math.round(v) : null;
  };
  const rough = a.history.length < MIN_MODEL_POINTS;
  let probability = byDeadline / sums.length;
  let evenOdds = 0.5;
  if (rough)
    probability = Math.min(1 - ROUGH_PROBABILITY_MARGIN, Math.max(ROUGH_PROBABILITY_MARGIN, probability));
  else {
    const freq = chanceFrequency(a.seasonPeriod);
    probability = recalibrate(probability, 'level', freq);
    evenOdds = shareForChance(0.5, 'level', freq);
  }
  return {
    method,
    p10: q(0.1),
    p50: q(evenOdds),
    p90: q(0.9),
    probabilityByDeadline: probability,
    reachedAlready: false,
    ...(rough
      ? { rough: { reason: 'few_points' as const, points: a.history.length, needed: MIN_MODEL_POINTS } }
      : {}),
  };
}

/**
 * The detail chart's band of a rolling sum: the 10th / 50th / 90th percentiles of the simulated rolling
 * sums at the end of each future month (index 0: the running month), from the same futures as the card.
 */
export function forecastRollingBand(
  a: RollingArgs,
  horizon: number,
): { p10: number[]; p50: number[]; p90: number[] } {
  const sums = simulateRollingSums(a, Math.max(0, Math.min(1000, Math.floor(horizon))));
  const out = { p10: [] as number[], p50: [] as number[], p90: [] as number[] };
  if (!sums.length) return out;
  const col = new Array<number>(sums.length);
  for (let k = 0; k < (sums[0]?.length ?? 0); k++) {
    for (let p = 0; p < sums.length; p++) col[p] = sums[p]?.[k] as number;
    col.sort((x, y) => x - y);
    out.p10.push(quantile(col, 0.1));
    out.p50.push(quantile(col, 0.5));
    out.p90.push(quantile(col, 0.9));
  }
  return out;
}
