import { daysKey, futureDayFactors, type PeriodDays, perAverageDay } from './calendar-days';
import { countedShares } from './counted-shares';
import { type ChanceKind, chanceFrequency, recalibrate, shareForChance } from './forecast-calibration';
import {
  combinationOffsets,
  type ForecastMethod,
  fitModel,
  MIN_MODEL_POINTS,
  type Model,
  type PathShape,
  pathErrorScales,
  pathShape,
} from './forecast-model';
import { createLru } from './lru';
import { pathVolatility } from './path-volatility';
import { mulberry32, pathRandom } from './random';

export type { ForecastMethod } from './forecast-model';
export { MIN_MODEL_POINTS } from './forecast-model';

/**
 * Forecasting for short, noisy, often seasonal business series (a few dozen weeks or months).
 *
 * Why a combination of damped trend, simple exponential smoothing, Theta and naive, with simulated futures:
 * - Business series are short and noisy. On them no single extrapolation rule wins: a damped trend
 *   (Holt, φ < 1) follows real growth but chases short runs; SES ("the recent level") suits
 *   random-walk-like metrics; Theta (SES plus half the long-run slope) won M3 on monthly data (here
 *   with the whole slope when the trend is clear, see the next point); naive
 *   ("same as last period") is hard to beat right after a level shift. Averaging forecasts is the M4
 *   "Comb" benchmark idea: it cancels much of each member's error and beat most elaborate methods in
 *   M4, for the price of a few cheap fits. The weights come from rolling origins inside the window
 *   (each member ∝ 1 / its mean absolute error up to 6 steps ahead), so a member that keeps missing on
 *   this series gets little say. The backtest (docs/forecast-backtest.md) compares the result with
 *   naive and seasonal naive on data it was not tuned on, and says where it still loses (held-out:
 *   8–26 weeks, and so pooled by week by 0.003, and 18–24 months of a series that steps up each
 *   January, and of a share price, where naive is the best forecast there is; with one to two cycles
 *   of a seasonal series, seasonal naive).
 * - The two trend members extrapolate a slope only when the window drifts (hasDrift: the mean one-step
 *   change is beyond twice its standard error); otherwise they forecast the recent level too. Business
 *   series often move in steps (a price rise, a new client) and are flat in between; a slope fitted
 *   through one step extrapolates it as growth, and the in-window validation is too short to notice.
 *   A single step never passes that test (its t-value is about 1 whatever its size), a steady trend
 *   does. Where the trend is beyond doubt (t ≥ 3, CLEAR_TREND_T) the Theta member carries the whole
 *   least-squares slope, not Theta's half (thirteenth round): with half, three of four members lagged
 *   a steady trend, and a stock rising exactly 7 a month had a 2% chance of reaching by the deadline
 *   the value its own line reaches; development monthly error fell from 1.809 to 1.769 MASE, weekly
 *   unchanged. On the backtest's development data (which includes business-like counts: strike reports,
 *   film releases, trading volume) this cut weekly error by 4% (below naive at every history length
 *   from 13 weeks) and left monthly error unchanged; a test on the least-squares slope instead
 *   (plain or Newey–West) let almost every window through and gained little.
 * - Why not pick one method per series by that validation, with naive and seasonal naive among the
 *   candidates (the M4 advice where naive is hard to beat)? It was built and run in several forms
 *   (best single member; naive or seasonal naive when ≥ 5% better; seasonality chosen the same way)
 *   and none beat the weighted Comb on the backtest's development data at both frequencies: picking
 *   among near-equal methods by a few dozen in-window errors is mostly noise, and seasonal indices
 *   estimated in the same window look better in validation than they forecast. Naive stays a member
 *   of the Comb, so where it does best in the window it gets the largest weight. Seasonal naive ("same
 *   period one cycle back") is a fifth member when the window holds more than one cycle but no seasonal
 *   model, and only while it beats naive on the in-window forecasts it can be judged on: with 13–23
 *   months of a seasonal series it is the one member that knows the season (development data, 18
 *   months: strike reports 1.66 → 1.23 MASE, film releases 1.02 → 0.84), and the gate keeps it out of
 *   trending series, where a year-old value is far off. Other combinations
 *   (the Comb averaged with naive, medians and trimmed means of members, weights from errors at the
 *   full horizon, a robust Theil–Sen slope) did no better there either.
 * - Seasonality is tried whenever the history covers two full cycles (2m points: 24 months, 104
 *   weeks) and the series correlates with itself one cycle later (seasonalByAcf). The season is then a
 *   few harmonics (sines and cosines of the cycle) fitted with a trend on the whole window, their
 *   number chosen by AICc (seasonal-harmonics.ts; multiplicative when every value is positive), and the
 *   combination forecasts the adjusted series. Classical decomposition, used before, took every index
 *   from a single period when the window held two cycles, so it carried that period's noise into the
 *   forecast and did no better than seasonal naive; the harmonics cut development error at 104 weeks
 *   by 8% (strike reports and Seattle weather by a quarter, now below seasonal naive). Akaike's
 *   criterion on the levels is not a second way into seasonality: yearly price steps lower the
 *   seasonal fit's in-sample error as a season does. Between one and two cycles (13–23 months) the
 *   autocorrelation test has too few pairs; a season is then fitted only when two pieces of evidence
 *   agree (seasonBeforeTwoCycles): harmonics explain the window's changes by AICc (changes, not
 *   levels, so a random walk's long swings do not pass) and seasonal naive beats naive inside the
 *   window. Development error at 18 months fell by 8% (CO₂ by two thirds), and from 15 to 21 months
 *   and 66 to 91 weeks no family got worse by more than 0.033 MASE; either test alone let a third to
 *   a half of noise windows through.
 * - Fewer than MIN_MODEL_POINTS (8) complete periods get no fitted model but a run-rate estimate (the
 *   mean of the history) with a deliberately wide band (Student-t widening, a floor on the spread)
 *   and `rough` set, so the UI can say "few data points: rough estimate" and no critical alert is
 *   raised from it. Its probabilities stay within [0.05, 0.95].
 * - Intervals come from simulating the model forward with resampled one-step residuals, in blocks so
 *   runs of bad periods stay together, rather than from a normal formula: business residuals are
 *   skewed and fat-tailed (one big deal), and simulating paths gives the distribution of the *date* a
 *   cumulative target is reached, and of running totals, which no closed form does.
 * - How wide, by step ahead, is learned per series at fit time (forecast-model.ts, withWidening): the
 *   combination's own errors at 1…13 steps from rolling origins inside the window, against what the
 *   simulation gives, shrunk towards the global constants when the window holds few such errors. One
 *   global shape of band was too wide one step ahead and too narrow six steps ahead.
 * - Paths are as smooth as the series: each simulated period wobbles by a residual as measured, and
 *   everything the band needs beyond that (parameter uncertainty, short history, the widening) is a
 *   lasting error of the path's level and slope (pathShape). Inflating every period's noise instead
 *   gives the same band but paths that cross a level far more often than real series do, so "reach /
 *   keep a level" chances came out wrong.
 * - Each path has its own volatility (path-volatility.ts): one Student-t scale (4 degrees of freedom,
 *   normalised to the normal's 80% band) multiplies all its errors. With one σ for every path, far
 *   levels were reached more often than the paths said on every data set; the band itself is as
 *   before, a typical path is a little calmer and a few are much wilder.
 * - A chance to reach (or keep) by the deadline is the share of simulated futures that do, passed
 *   through a Platt map per goal kind (forecast-calibration.ts) fitted on the backtest's development
 *   series only. The map keeps the order of forecasts and never gives exactly 0 or 1. The dates
 *   (p10/p50/p90) are the simulated ones, unmapped.
 * - Everything is seeded (random.ts), so the same data always gives the same dates.
 */

/**
 * Fitted models by (season period, history). Fitting searches ~250 parameter sets over the history and
 * is most of a forecast's cost; the history holds complete periods only, so logging a value today (which
 * changes `current`, the partial period) reuses the model fitted on the last recompute. Models are
 * never mutated after fitting, so sharing one between calls gives exactly the uncached result. The bound
 * covers a few hundred goals' distinct histories at a few kB each.
 */
const MODEL_CACHE_CAPACITY = 512;
const models = createLru<string, Model>(MODEL_CACHE_CAPACITY);

function historyKey(values: readonly number[], seasonPeriod: number | undefined): string {
  // String(v) round-trips every double, except that it writes −0 as "0".
  let key = `${seasonPeriod ?? ''}`;
  for (const v of values) key += Object.is(v, -0) ? ',-0' : `,${v}`;
  return key;
}

function cachedModel(
  values: readonly number[],
  seasonPeriod: number | undefined,
  periodDays?: PeriodDays,
): Model {
  const key = historyKey(values, seasonPeriod) + daysKey(values, periodDays);
  let model = models.get(key);
  if (!model) {
    model = fitModel(perAverageDay(values, periodDays), seasonPeriod);
    models.set(key, model);
  }
  return model;
}

/**
 * Which model a history gets, and whether it is only a rough estimate: what a caller that simulates on
 * its own (forecast-budget.ts, forecast-rolling.ts) reports beside its figures. The memoised model
 * itself, without simulating a path.
 */
export function forecastFit(
  values: readonly number[],
  opts: Pick<ForecastOptions, 'seasonPeriod' | 'periodDays'> = {},
): { method: ForecastMethod; rough?: RoughInfo } {
  const model = cachedModel(values, opts.seasonPeriod, opts.periodDays);
  const rough = roughInfo(model);
  return { method: model.method, ...(rough ? { rough } : {}) };
}

/** Forgets every memoised model (tests; or to free memory when a surface goes idle). */
export function clearForecastCache(): void {
  models.clear();
}

/** How many fitted models are memoised, and the most that ever will be. */
export function forecastCacheStats(): { size: number; capacity: number } {
  return { size: models.size, capacity: models.capacity };
}

/** Why a forecast is only a rough estimate; absent when the forecast comes from a fitted model. */
export interface RoughInfo {
  reason: 'few_points';
  /** Complete periods of history the estimate rests on. */
  points: number;
  /** Periods needed for a fitted model (MIN_MODEL_POINTS). */
  needed: number;
}

function roughInfo(model: Model): RoughInfo | undefined {
  return model.rough ? { reason: 'few_points', points: model.n, needed: MIN_MODEL_POINTS } : undefined;
}

/**
 * Standard normal draws for the per-path errors: a table of 4096 Box–Muller values (fixed seed,
 * rescaled to mean 0 and variance 1) indexed by one uniform draw. Exact Box–Muller (a log, a square
 * root and a cosine per draw) was most of the cost of a forecast in the engine bench.
 */
const NORMAL_TABLE = (() => {
  const rand = mulberry32(0x5eed);
  const t = new Float64Array(4096);
  for (let i = 0; i < t.length; i++) {
    const u = 1 - rand();
    t[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  }
  let mean = 0;
  for (const v of t) mean += v;
  mean /= t.length;
  let sd = 0;
  for (const v of t) sd += (v - mean) ** 2;
  sd = Math.sqrt(sd / t.length);
  for (let i = 0; i < t.length; i++) t[i] = ((t[i] as number) - mean) / sd;
  return t;
})();

function gauss(rand: () => number): number {
  return NORMAL_TABLE[(rand() * 4096) | 0] as number;
}

/** Probabilities of a rough estimate are kept within this distance of 0 and 1. */
const ROUGH_PROBABILITY_MARGIN = 0.05;

function reseason(model: Model, value: number, t: number): number {
  const s = model.seasonal;
  if (!s) return value;
  const idx = s[t % s.length] ?? (model.multiplicative ? 1 : 0);
  return model.multiplicative ? value * idx : value + idx;
}

/**
 * A path simulator: call `next()` for successive future period values. Fitted models replay
 * block-bootstrapped residuals through the damped-trend dynamics, shifted by the combination offset;
 * a rough (run-rate) model draws one error in the run rate per path plus normal noise per period.
 */
function pathSimulator(
  model: Model,
  rand: () => number,
  blockLength: number,
  offsets: Float64Array,
  { center, noise, persist, slopeK }: PathShape,
) {
  const rough = model.rough;
  if (rough) {
    const shift = (rough.spread * rough.tFactor * gauss(rand)) / Math.sqrt(Math.max(1, model.n));
    return (): number => {
      const out = rough.mean + shift + rough.spread * rough.tFactor * gauss(rand);
      return model.nonNegative && out < 0 ? 0 : out;
    };
  }
  let level = model.level;
  let trend = model.trend;
  let t = model.n;
  let k = 0;
  const scales = pathErrorScales(model);
  // This path's own volatility (path-volatility.ts): every error of the path is scaled by it.
  const vol = pathVolatility(rand);
  const levelError = scales.level * vol * gauss(rand);
  const trendError = scales.trend * vol * gauss(rand);
  const r = model.residuals;
  const L = Math.max(1, Math.min(blockLength, r.length));
  let pos = 0;
  let left = 0;
  return (): number => {
    let e = 0;
    if (r.length) {
      if (left === 0) {
        pos = Math.floor(rand() * (r.length - L + 1));
        left = L;
      }
      e = (r[pos++] ?? 0) * vol;
      left--;
    }
    const yhat = level + model.phi * trend;
    const c = center[k] ?? yhat;
    const y =
      c +
      (offsets[k] ?? 0) +
      noise * e +
      (persist[k] ?? 1) * (yhat + levelError + trendError * (slopeK[k] ?? k) - c);
    k++;
    level = yhat + model.alpha * e;
    trend = model.phi * trend + model.beta * e;
    const out = reseason(model, y, t++);
    return model.nonNegative && out < 0 ? 0 : out;
  };
}

function pointPath(model: Model, horizon: number, offsets: Float64Array): number[] {
  const out: number[] = [];
  if (model.rough) return new Array<number>(horizon).fill(model.rough.mean);
  let level = model.level;
  let trend = model.trend;
  for (let h = 0; h < horizon; h++) {
    const y = level + model.phi * trend;
    level = y;
    trend = model.phi * trend;
    const v = reseason(model, y + (offsets[h] ?? 0), model.n + h);
    out.push(model.nonNegative && v < 0 ? 0 : v);
  }
  return out;
}

/** Linear-interpolated quantile of a sorted array. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (pos - lo);
}

export interface ForecastOptions {
  /** Periods per seasonal cycle: 12 for months, 52 for weeks; omit for none. */
  seasonPeriod?: number;
  paths?: number;
  seed?: number;
  blockLength?: number;
  /**
   * Calendar days of each history period and future step, for totals that are sums over the days
   * (calendar-days.ts): the model is fitted per average day and each future period scaled by its days.
   */
  periodDays?: PeriodDays;
}

export interface SeriesForecast {
  method: ForecastMethod;
  point: number[];
  p10: number[];
  p50: number[];
  p90: number[];
  /** Set when the history is too short for a fitted model: a run-rate estimate with a wide band. */
  rough?: RoughInfo;
}

/** Simulated futures, one array of `h` period values per path. */
function simulate(
  model: Model,
  h: number,
  opts: ForecastOptions,
  defaultPaths: number,
  dayFactors: Float64Array | null,
): Float64Array[] {
  const paths = Math.max(1, opts.paths ?? defaultPaths);
  const seed = opts.seed ?? 1;
  const offsets = combinationOffsets(model, h);
  const scales = pathShape(model, h);
  const out: Float64Array[] = [];
  for (let p = 0; p < paths; p++) {
    const next = pathSimulator(model, pathRandom(seed, p), opts.blockLength ?? 3, offsets, scales);
    const path = new Float64Array(h);
    for (let k = 0; k < h; k++) path[k] = next() * (dayFactors ? (dayFactors[k] as number) : 1);
    out.push(path);
  }
  return out;
}

/**
 * The simulated futures behind forecastSeries, one array of `horizon` period values per path (500 by
 * default): for tests and diagnostics that need whole paths, not quantiles.
 */
export function simulatePaths(
  values: readonly number[],
  horizon: number,
  opts: ForecastOptions = {},
): Float64Array[] {
  const model = cachedModel(values, opts.seasonPeriod, opts.periodDays);
  const h = Math.max(0, Math.min(1000, Math.floor(horizon)));
  return model.method === 'none' || h === 0
    ? []
    : simulate(model, h, opts, 500, futureDayFactors(values, opts.periodDays, h));
}

function bands(sims: readonly Float64Array[], h: number, cumulativeFrom: number | null, firstShare = 1) {
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  if (cumulativeFrom !== null) {
    for (const path of sims) {
      let run = cumulativeFrom;
      for (let k = 0; k < h; k++) {
        run += (path[k] as number) * (k === 0 ? firstShare : 1);
        path[k] = run;
      }
    }
  }
  const col = new Array<number>(sims.length);
  for (let k = 0; k < h; k++) {
    for (let p = 0; p < sims.length; p++) col[p] = sims[p]![k] as number;
    col.sort((a, b) => a - b);
    p10.push(quantile(col, 0.1));
    p50.push(quantile(col, 0.5));
    p90.push(quantile(col, 0.9));
  }
  return { p10, p50, p90 };
}

/** Per-period forecast with an 80% interval. Empty history gives empty arrays (method 'none'). */
export function forecastSeries(
  values: readonly number[],
  horizon: number,
  opts: ForecastOptions = {},
): SeriesForecast {
  const model = cachedModel(values, opts.seasonPeriod, opts.periodDays);
  const h = Math.max(0, Math.min(1000, Math.floor(horizon)));
  if (model.method === 'none' || h === 0)
    return { method: model.method, point: [], p10: [], p50: [], p90: [] };
  const factors = futureDayFactors(values, opts.periodDays, h);
  const sims = simulate(model, h, opts, 500, factors);
  const rough = roughInfo(model);
  return {
    method: model.method,
    point: pointPath(model, h, combinationOffsets(model, h)).map(
      (v, k) => v * (factors ? (factors[k] as number) : 1),
    ),
    ...bands(sims, h, null),
    ...(rough ? { rough } : {}),
  };
}

export interface CumulativeBand {
  method: ForecastMethod;
  /** Quantiles of the running total after each future period (start + the first k + 1 periods). */
  p10: number[];
  p50: number[];
  p90: number[];
  rough?: RoughInfo;
}

/**
 * The band of a running total (a cumulative goal's chart), from the same simulated futures as the
 * per-period forecast: quantiles of each path's running sum. Summing per-period p10s instead assumes
 * every period sits at its own 10th percentile at once, which gives too wide a band when periods
 * offset each other and the wrong shape when they don't.
 */
export function forecastCumulativeBand(
  values: readonly number[],
  horizon: number,
  start: number,
  // The share of the running period still to come (as forecastHit's firstStepShare): `start` already
  // holds the part of it that is over, so only the rest of period 1 is added.
  opts: ForecastOptions & { firstStepShare?: number } = {},
): CumulativeBand {
  const model = cachedModel(values, opts.seasonPeriod, opts.periodDays);
  const h = Math.max(0, Math.min(1000, Math.floor(horizon)));
  if (model.method === 'none' || h === 0) return { method: model.method, p10: [], p50: [], p90: [] };
  const rough = roughInfo(model);
  return {
    method: model.method,
    ...bands(
      simulate(model, h, opts, 500, futureDayFactors(values, opts.periodDays, h)),
      h,
      Number.isFinite(start) ? start : 0,
      Math.min(1, Math.max(0, opts.firstStepShare ?? 1)),
    ),
    ...(rough ? { rough } : {}),
  };
}

export interface HitArgs extends ForecastOptions {
  /** Complete past periods, oldest first: increments for a cumulative goal, levels for a latest one. */
  history: readonly number[];
  mode: 'cumulative' | 'level';
  /** Progress so far (cumulative) or the latest level. */
  current: number;
  target: number;
  /** +1 when reaching means ≥ target, −1 when ≤ target. */
  sign: 1 | -1;
  now: number;
  /** End instant of each future step; step 1 runs from `now` to stepEnds[0]. */
  stepEnds: readonly number[];
  /** Share of step 1's period still to come (the current period is partly over). */
  firstStepShare: number;
  deadline: number;
  /**
   * Start of the goal's window when it lies after `now`: a cumulative goal only counts what happens
   * from then on, and a level goal that gets there earlier is reached when its window opens.
   */
  countFrom?: number;
  /**
   * Report the plain share of simulated futures, without the recalibration map
   * (forecast-calibration.ts). Only the backtest wants this: it fits the map from these shares.
   */
  rawProbability?: boolean;
}

export interface HitForecast {
  method: ForecastMethod;
  /** Dates (ms) by which 10% / 50% / 90% of simulated futures have hit the target; null = beyond the horizon. */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Share of simulated futures that hit the target by the deadline; null without history. */
  probabilityByDeadline: number | null;
  reachedAlready: boolean;
  /**
   * Set when the history is too short for a fitted model: the dates and probability come from a
   * run-rate estimate with a wide band. Show "few data points: rough estimate"; raise no critical alert.
   */
  rough?: RoughInfo;
  /**
   * A total whose median future reaches the target only after the deadline (or never): its running
   * total at the deadline, 10th / 50th / 90th percentiles in the metric's good direction, from the
   * same paths as the chance (`upperOpen`: the 90th is a path that reached the target before the
   * deadline, so "the target or more"). The card shows it instead of a date past the deadline.
   */
  atDeadline?: { p10: number; p50: number; p90: number; upperOpen?: true };
}

/** The answer for a target already met: today, for certain. */
export function reachedAlready(now: number): HitForecast {
  return { method: 'constant', p10: now, p50: now, p90: now, probabilityByDeadline: 1, reachedAlready: true };
}

/**
 * Simulates futures until the target is met and reports when. Paths stop as soon as they hit, so the
 * cost is proportional to the time-to-hit, not the horizon.
 *
 * A cumulative goal's hit date is interpolated inside the step it happens in (sales accrue day by
 * day). A level goal is reached at the end of the step: a level is known once its period is complete,
 * which is when the app reports it.
 */
export function forecastHit(a: HitArgs): HitForecast {
  if (a.sign * (a.current - a.target) >= 0) return reachedAlready(a.now);
  const model = cachedModel(a.history, a.seasonPeriod, a.periodDays);
  if (
    model.method === 'none' ||
    !a.stepEnds.length ||
    !Number.isFinite(a.current) ||
    !Number.isFinite(a.target)
  ) {
    return {
      method: model.method,
      p10: null,
      p50: null,
      p90: null,
      probabilityByDeadline: null,
      reachedAlready: false,
    };
  }
  const paths = Math.max(1, a.paths ?? 400);
  const seed = a.seed ?? 1;
  const from = a.countFrom !== undefined && a.countFrom > a.now ? a.countFrom : a.now;
  const steps = a.stepEnds.length;
  const ends = new Float64Array(steps);
  for (let k = 0, stepEnd = a.now; k < steps; k++) {
    stepEnd = a.stepEnds[k] ?? stepEnd;
    ends[k] = stepEnd;
  }
  // Share of each step's whole period that lies at or after `from` (all of it once the window is open;
  // the running period's share still to come): counted-shares.ts, without a deadline, since a path
  // stops where it hits the target.
  const counted = countedShares(a);
  const times = new Float64Array(paths);
  // A total's running sum at the deadline, per path (see atDeadline below): +∞ for a path that hit
  // before the deadline's step (it stopped there, at the target or beyond), NaN when the deadline lies
  // past the steps simulated.
  const atDeadline = cumulativeAtDeadline(a) ? new Float64Array(paths).fill(Number.NaN) : null;
  let byDeadline = 0;
  const offsets = combinationOffsets(model, steps);
  const { center, noise, persist, slopeK } = pathShape(model, steps);
  const errorScales = pathErrorScales(model);
  // The path simulator (pathSimulator) inlined with the model's fields in locals: this loop runs
  // paths × steps times per goal and is most of an incremental re-evaluation. Every expression keeps
  // the simulator's operation order, so the numbers are the same.
  const r = Float64Array.from(model.residuals);
  const nr = r.length;
  const L = Math.max(1, Math.min(a.blockLength ?? 3, nr));
  const span = nr - L + 1;
  const { alpha, beta, phi, nonNegative, multiplicative } = model;
  const seasonal = model.seasonal;
  const m = seasonal ? seasonal.length : 0;
  const rough = model.rough;
  const roughScale = rough ? rough.spread * rough.tFactor : 0;
  const cumulative = a.mode === 'cumulative';
  const dayFactors = futureDayFactors(a.history, a.periodDays, steps);
  const { sign, target, current, deadline } = a;
  for (let p = 0; p < paths; p++) {
    // Each path its own draws (random.ts), the same as simulate()'s path p: a path that stops at its
    // hit leaves the others as they were, so a target moved a little moves the chance a little.
    const rand = pathRandom(seed, p);
    let level = model.level;
    let trend = model.trend;
    let t = model.n;
    let pos = 0;
    let left = 0;
    let value = current;
    let stepStart = a.now;
    let hit = Number.POSITIVE_INFINITY;
    // A rough path's error in the run rate; a fitted path's volatility (path-volatility.ts) and its
    // persistent level and slope errors.
    const vol = rough ? 1 : pathVolatility(rand);
    const shift = rough
      ? (roughScale * gauss(rand)) / Math.sqrt(Math.max(1, model.n))
      : errorScales.level * vol * gauss(rand);
    const slopeError = rough ? 0 : errorScales.trend * vol * gauss(rand);
    for (let k = 0; k < steps; k++) {
      const stepEnd = ends[k] as number;
      let y: number;
      if (rough) {
        y = rough.mean + shift + roughScale * gauss(rand);
      } else {
        let e = 0;
        if (nr) {
          if (left === 0) {
            pos = Math.floor(rand() * span);
            left = L;
          }
          e = (r[pos++] as number) * vol;
          left--;
        }
        const yhat = level + phi * trend;
        const c = center[k] as number;
        y =
          c +
          (offsets[k] as number) +
          noise * e +
          (persist[k] as number) * (yhat + shift + slopeError * (slopeK[k] as number) - c);
        level = yhat + alpha * e;
        trend = phi * trend + beta * e;
        if (seasonal) {
          const idx = seasonal[t % m] ?? (multiplicative ? 1 : 0);
          y = multiplicative ? y * idx : y + idx;
        }
        t++;
      }
      if (nonNegative && y < 0) y = 0;
      if (dayFactors) y *= dayFactors[k] as number;
      const before = value;
      value = cumulative ? value + y * (counted[k] as number) : y;
      if (atDeadline && deadline > stepStart && deadline <= stepEnd) {
        // Sales accrue day by day: the running sum at the deadline, inside the part of the step counted.
        const open = Math.min(stepEnd, Math.max(stepStart, from));
        const f = stepEnd > open ? Math.min(1, Math.max(0, (deadline - open) / (stepEnd - open))) : 1;
        atDeadline[p] = before + (value - before) * f;
      }
      if (sign * (value - target) >= 0) {
        const open = Math.min(stepEnd, Math.max(stepStart, from));
        // A step ends where the next period starts (00:00 of its first day), while a deadline is the
        // last instant of its day: a hit is dated no later than the step's last millisecond, so a
        // level reached in December is "Dec 31", within a Dec 31 deadline, not "Jan 1" and missed.
        const last = stepEnd - 1;
        if (cumulative) {
          // Hit inside this step: interpolate linearly over the part of it that counts.
          const f = value === before ? 1 : (target - before) / (value - before);
          hit = Math.max(from, Math.min(last, open + Math.min(1, Math.max(0, f)) * (stepEnd - open)));
        } else {
          hit = Math.max(from, last);
        }
        break;
      }
      stepStart = stepEnd;
    }
    times[p] = hit;
    if (hit <= deadline) byDeadline++;
    if (atDeadline && hit < deadline && Number.isNaN(atDeadline[p] as number))
      atDeadline[p] = Number.POSITIVE_INFINITY;
  }
  times.sort();
  // Nearest-rank quantiles, so a quantile is never an interpolation with "never".
  const q = (p: number) => {
    const v =
      times[Math.min(times.length - 1, Math.max(0, Math.ceil(p * times.length) - 1))] ??
      Number.POSITIVE_INFINITY;
    return Number.isFinite(v) ? Math.round(v) : null;
  };
  let probability = byDeadline / paths;
  // The median date is where the chance the card shows is even: the share the recalibration map
  // calls 50% (a little under half for totals and levels). Read at the plain median, a level's "51%
  // chance by Dec 31" had stood beside "Forecast: Jan 31".
  let evenOdds = 0.5;
  if (rough)
    probability = Math.min(1 - ROUGH_PROBABILITY_MARGIN, Math.max(ROUGH_PROBABILITY_MARGIN, probability));
  else if (!a.rawProbability) {
    const kind = cumulative ? 'total' : 'level';
    probability = recalibrate(probability, kind, chanceFrequency(a.seasonPeriod));
    evenOdds = shareForChance(0.5, kind, chanceFrequency(a.seasonPeriod));
  }
  const info = roughInfo(model);
  // The total is unlikely by the deadline (under even odds): where it will likely stand then.
  const end = atDeadline && probability < 0.5 ? deadlineQuantiles(atDeadline, target, sign) : null;
  return {
    method: model.method,
    p10: q(0.1),
    p50: q(evenOdds),
    p90: q(0.9),
    probabilityByDeadline: probability,
    reachedAlready: false,
    ...(info ? { rough: info } : {}),
    ...(end ? { atDeadline: end } : {}),
  };
}

/** A total (cumulative, counted toward a target with a deadline ahead) whose end is worth reporting. */
function cumulativeAtDeadline(a: HitArgs): boolean {
  return a.mode === 'cumulative' && Number.isFinite(a.deadline) && a.deadline > a.now;
}

/**
 * The 10th / 50th / 90th percentiles of the paths' running sums at the deadline (nearest rank, as the
 * dates). A path that hit before the deadline's step stopped at the target or beyond: when the 90th
 * percentile is one of those, it is reported as the target with `upperOpen` ("₫5.5B or more").
 * Null when the deadline lies past the simulated steps.
 */
function deadlineQuantiles(
  values: Float64Array,
  target: number,
  sign: 1 | -1,
): NonNullable<HitForecast['atDeadline']> | null {
  if (values.some(Number.isNaN)) return null;
  // In the good direction: a lower-is-better total counts down, so its "high" end is the lowest sum.
  const known = Array.from(values, (v) => sign * v).sort((x, y) => x - y);
  const q = (p: number) =>
    known[Math.min(known.length - 1, Math.max(0, Math.ceil(p * known.length) - 1))] as number;
  const [lo, mid, hi] = [q(0.1), q(0.5), q(0.9)];
  const open = !Number.isFinite(hi);
  const back = (v: number) => (Number.isFinite(v) ? sign * v : target);
  return { p10: back(lo), p50: back(mid), p90: back(hi), ...(open ? { upperOpen: true as const } : {}) };
}

export interface KeepArgs extends Omit<HitArgs, 'mode' | 'target' | 'sign' | 'countFrom'> {
  /** The level that must hold every period until the deadline. */
  threshold: number;
  /** +1 to keep at or above the threshold, −1 to keep at or below it. */
  sign: 1 | -1;
}

export interface KeepForecast {
  method: ForecastMethod;
  /** Share of simulated futures that stay on the good side every period until the deadline. */
  probabilityKept: number | null;
  /** Dates (ms) by which 10% / 50% of futures have first crossed the threshold; null = not by the horizon. */
  breachP10: number | null;
  breachP50: number | null;
  breachedAlready: boolean;
  rough?: RoughInfo;
}

/** The share of futures that keep the level, through the keep map unless raw or rough (see forecastHit). */
function keptChance(share: number, f: HitForecast, a: KeepArgs): number {
  if (f.rough || a.rawProbability) return share;
  const kind: ChanceKind = 'keep';
  return recalibrate(share, kind, chanceFrequency(a.seasonPeriod));
}

/**
 * A "keep a level" goal (stay above a floor, or below a ceiling, every period): the chance that no
 * period crosses the threshold before the deadline, from the same simulated futures as forecastHit
 * (a breach is the level "reaching" the threshold from the good side).
 */
export function forecastKeep(a: KeepArgs): KeepForecast {
  const f = forecastHit({
    ...a,
    mode: 'level',
    target: a.threshold,
    sign: a.sign === 1 ? -1 : 1,
    rawProbability: true,
  });
  // Sitting exactly on the threshold is still on the good side.
  if (f.reachedAlready && a.sign * (a.current - a.threshold) < 0)
    return {
      method: f.method,
      probabilityKept: 0,
      breachP10: a.now,
      breachP50: a.now,
      breachedAlready: true,
    };
  if (f.reachedAlready) {
    // On the threshold now: simulate from just inside it.
    return forecastKeep({
      ...a,
      current: a.threshold + a.sign * Math.max(1e-9, Math.abs(a.threshold) * 1e-12),
    });
  }
  return {
    method: f.method,
    probabilityKept: f.probabilityByDeadline === null ? null : keptChance(1 - f.probabilityByDeadline, f, a),
    breachP10: f.p10,
    breachP50: f.p50,
    breachedAlready: false,
    ...(f.rough ? { rough: f.rough } : {}),
  };
}
