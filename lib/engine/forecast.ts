import { createLru } from './lru';
import { mulberry32 } from './random';

/**
 * Forecasting for short, noisy, often seasonal business series (a few dozen weeks or months).
 *
 * Why damped additive trend (Holt with φ < 1) + block-bootstrapped residuals:
 * - Business series are short and noisy. A straight linear trend extrapolates the last few good (or
 *   bad) months forever and is systematically over-confident far out; naive "same as last period"
 *   ignores real growth. Damped trend sits between the two and is the long-standing robust winner of
 *   the M-competitions on exactly this kind of data (Gardner & McKenzie; Makridakis & Hibon).
 * - Seasonality is removed first by classical decomposition, but only when the series covers two full
 *   cycles and the autocorrelation at the seasonal lag is significant (the M4 Theta test): with less
 *   data, seasonal indices are mostly noise and make forecasts worse.
 * - Intervals come from simulating the model forward with resampled one-step residuals, in blocks so
 *   runs of bad periods stay together, rather than from a normal formula: business residuals are
 *   skewed and fat-tailed (one big deal), and simulating paths gives the distribution of the *date* a
 *   cumulative target is reached, which no closed form does. Residuals are inflated for the fitted
 *   parameters so short series don't get falsely narrow bands.
 * - Everything is seeded (random.ts), so the same data always gives the same dates.
 */

export type ForecastMethod = 'none' | 'constant' | 'smoothing' | 'damped_trend' | 'seasonal_damped_trend';

interface Model {
  method: ForecastMethod;
  alpha: number;
  beta: number;
  phi: number;
  level: number;
  trend: number;
  residuals: number[];
  /** Seasonal indices by position (t mod m, t counted from the first history value). */
  seasonal: number[] | null;
  multiplicative: boolean;
  /** The history never went below 0 (sales, leads): simulated values are floored at 0 too. */
  nonNegative: boolean;
  n: number;
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
const BETAS = [0, 0.02, 0.05, 0.1, 0.2];
const PHIS = [0.8, 0.9, 0.95, 0.98];

function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

function acf(x: readonly number[], lag: number): number {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] ?? 0) - mean;
    den += d * d;
    if (i >= lag) num += d * ((x[i - lag] ?? 0) - mean);
  }
  return den > 0 ? num / den : 0;
}

/**
 * M4-style seasonality test: |acf(m)| beyond the 90% limit given the lower-lag autocorrelations. Run on
 * the linearly detrended series: a trend alone makes every lag correlate and hides the seasonal one.
 */
function isSeasonal(raw: readonly number[], m: number): boolean {
  if (m < 2 || raw.length < 2 * m + 2) return false;
  const x = detrend(raw);
  let s = 0;
  for (let k = 1; k < m; k++) s += acf(x, k) ** 2;
  const limit = 1.645 * Math.sqrt((1 + 2 * s) / x.length);
  return Math.abs(acf(x, m)) > limit;
}

function detrend(y: readonly number[]): number[] {
  const n = y.length;
  const mx = (n - 1) / 2;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mx) * ((y[i] ?? 0) - my);
    sxx += (i - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return y.map((v, i) => v - my - b * (i - mx));
}

/** Classical decomposition: indices from a centred moving average. */
function seasonalIndices(x: readonly number[], m: number, multiplicative: boolean): number[] {
  const n = x.length;
  const half = Math.floor(m / 2);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = half; t < n - half; t++) {
    let ma: number;
    if (m % 2 === 0) {
      let s = 0.5 * ((x[t - half] ?? 0) + (x[t + half] ?? 0));
      for (let k = t - half + 1; k < t + half; k++) s += x[k] ?? 0;
      ma = s / m;
    } else {
      let s = 0;
      for (let k = t - half; k <= t + half; k++) s += x[k] ?? 0;
      ma = s / m;
    }
    const v = x[t] ?? 0;
    if (multiplicative && ma <= 0) continue;
    sums[t % m]! += multiplicative ? v / ma : v - ma;
    counts[t % m]! += 1;
  }
  const idx = sums.map((s, i) => ((counts[i] ?? 0) > 0 ? s / (counts[i] ?? 1) : multiplicative ? 1 : 0));
  const mean = idx.reduce((a, b) => a + b, 0) / m;
  return idx.map((v) => (multiplicative ? (mean > 0 ? v / mean : 1) : v - mean));
}

interface Fit {
  sse: number;
  level: number;
  trend: number;
  residuals: number[];
}

function runHolt(y: readonly number[], alpha: number, beta: number, phi: number, b0: number): Fit {
  let level = y[0] ?? 0;
  let trend = b0;
  let sse = 0;
  const residuals: number[] = [];
  for (let t = 1; t < y.length; t++) {
    const yhat = level + phi * trend;
    const e = (y[t] ?? 0) - yhat;
    sse += e * e;
    residuals.push(e);
    level = yhat + alpha * e;
    trend = phi * trend + beta * e;
  }
  return { sse, level, trend, residuals };
}

type HoltFit = Fit & { alpha: number; beta: number; phi: number };

function bestHolt(y: readonly number[]): HoltFit {
  const n = y.length;
  const slope = ((y[n - 1] ?? 0) - (y[0] ?? 0)) / Math.max(1, n - 1);
  let best: HoltFit | null = null;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      if (beta > alpha) continue;
      for (const phi of PHIS) {
        for (const b0 of beta === 0 ? [0] : [0, slope]) {
          const f = runHolt(y, alpha, beta, phi, b0);
          if (!best || f.sse < best.sse) best = { ...f, alpha, beta, phi };
        }
      }
    }
  }
  return best ?? { ...runHolt(y, 0.5, 0, 0, 0), alpha: 0.5, beta: 0, phi: 0 };
}

/** Akaike-style score of one-step errors: lower is better; k counts fitted parameters. */
function aic(sse: number, count: number, k: number): number {
  return count * Math.log(Math.max(sse, 1e-300) / Math.max(1, count)) + 2 * k;
}

function fitModel(values: readonly number[], seasonPeriod: number | undefined): Model {
  const x = finite(values);
  const n = x.length;
  const blank: Model = {
    method: 'none',
    alpha: 0,
    beta: 0,
    phi: 0,
    level: 0,
    trend: 0,
    residuals: [],
    seasonal: null,
    multiplicative: false,
    nonNegative: x.every((v) => v >= 0),
    n,
  };
  if (n === 0) return blank;
  if (n === 1) return { ...blank, method: 'constant', level: x[0] ?? 0 };
  if (n < 5) {
    // Too short to tell a trend from noise: simple exponential smoothing with a middle-of-the-road α.
    const f = runHolt(x, 0.5, 0, 0, 0);
    return {
      ...blank,
      method: 'smoothing',
      alpha: 0.5,
      level: f.level,
      residuals: inflate(center(f.residuals), n, 1),
    };
  }

  const plain = bestHolt(x);
  let chosen: HoltFit = plain;
  let seasonal: number[] | null = null;
  let multiplicative = false;
  const m = seasonPeriod ?? 0;
  if (m >= 2 && (isSeasonal(x, m) || n >= 2 * m + 2)) {
    // Seasonal candidate: adjust, fit, and keep it only if it wins on one-step errors after paying for
    // its m − 1 extra parameters (with short histories the indices are often just noise).
    const mult = x.every((v) => v > 0);
    const idx = seasonalIndices(x, m, mult);
    const y = x.map((v, t) => (mult ? v / (idx[t % m] || 1) : v - (idx[t % m] ?? 0)));
    const fit = bestHolt(y);
    // Errors back on the original scale, so the two candidates are compared like for like.
    const origSse = fit.residuals.reduce((a, e, i) => a + (mult ? e * (idx[(i + 1) % m] ?? 1) : e) ** 2, 0);
    if (n >= 2 * m + 2 && aic(origSse, n - 1, 4 + m - 1) < aic(plain.sse, n - 1, 4)) {
      chosen = { ...fit, sse: origSse };
      seasonal = idx;
      multiplicative = mult;
    }
  }
  return {
    method: seasonal ? 'seasonal_damped_trend' : 'damped_trend',
    alpha: chosen.alpha,
    beta: chosen.beta,
    phi: chosen.phi,
    level: chosen.level,
    trend: chosen.trend,
    residuals: inflate(center(chosen.residuals), n, seasonal ? 4 + m - 1 : 4),
    seasonal,
    multiplicative,
    nonNegative: blank.nonNegative,
    n,
  };
}

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

function cachedModel(values: readonly number[], seasonPeriod: number | undefined): Model {
  const key = historyKey(values, seasonPeriod);
  let model = models.get(key);
  if (!model) {
    model = fitModel(values, seasonPeriod);
    models.set(key, model);
  }
  return model;
}

/** Forgets every memoised model (tests; or to free memory when a surface goes idle). */
export function clearForecastCache(): void {
  models.clear();
}

/** How many fitted models are memoised, and the most that ever will be. */
export function forecastCacheStats(): { size: number; capacity: number } {
  return { size: models.size, capacity: models.capacity };
}

function center(r: number[]): number[] {
  if (!r.length) return r;
  const mean = r.reduce((a, b) => a + b, 0) / r.length;
  return r.map((v) => v - mean);
}

/**
 * One-step in-sample residuals understate the error of fitted parameters: scale by √((n − 1) / (n − 1 − k)).
 * On top of that, a constant 1.2 widening: resampling one-step errors ignores the uncertainty of the
 * level, trend and seasonal estimates themselves, and the backtest (docs/forecast-backtest.md) showed
 * ~73% coverage without it and ~80% with it. The constant was calibrated on that backtest; the doc
 * reports per-dataset coverage so over-fitting the calibration stays visible.
 */
const CALIBRATION = 1.2;

function inflate(r: number[], n: number, k: number): number[] {
  const dof = Math.max(1, n - 1 - k);
  const f = Math.sqrt(Math.max(1, (n - 1) / dof)) * CALIBRATION;
  return r.map((v) => v * f);
}

function reseason(model: Model, value: number, t: number): number {
  const s = model.seasonal;
  if (!s) return value;
  const idx = s[t % s.length] ?? (model.multiplicative ? 1 : 0);
  return model.multiplicative ? value * idx : value + idx;
}

/** A path simulator: call `next()` for successive future period values. */
function pathSimulator(model: Model, rand: () => number, blockLength: number) {
  let level = model.level;
  let trend = model.trend;
  let t = model.n;
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
      e = r[pos++] ?? 0;
      left--;
    }
    const yhat = level + model.phi * trend;
    const y = yhat + e;
    level = yhat + model.alpha * e;
    trend = model.phi * trend + model.beta * e;
    const out = reseason(model, y, t++);
    return model.nonNegative && out < 0 ? 0 : out;
  };
}

function pointPath(model: Model, horizon: number): number[] {
  const out: number[] = [];
  let level = model.level;
  let trend = model.trend;
  for (let h = 0; h < horizon; h++) {
    const y = level + model.phi * trend;
    level = y;
    trend = model.phi * trend;
    const v = reseason(model, y, model.n + h);
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
}

export interface SeriesForecast {
  method: ForecastMethod;
  point: number[];
  p10: number[];
  p50: number[];
  p90: number[];
}

/** Per-period forecast with an 80% interval. Empty history gives empty arrays (method 'none'). */
export function forecastSeries(
  values: readonly number[],
  horizon: number,
  opts: ForecastOptions = {},
): SeriesForecast {
  const model = cachedModel(values, opts.seasonPeriod);
  const h = Math.max(0, Math.min(1000, Math.floor(horizon)));
  if (model.method === 'none' || h === 0)
    return { method: model.method, point: [], p10: [], p50: [], p90: [] };
  const paths = Math.max(1, opts.paths ?? 500);
  const rand = mulberry32(opts.seed ?? 1);
  const sims: number[][] = Array.from({ length: h }, () => new Array<number>(paths));
  for (let p = 0; p < paths; p++) {
    const next = pathSimulator(model, rand, opts.blockLength ?? 3);
    for (let k = 0; k < h; k++) sims[k]![p] = next();
  }
  const p10: number[] = [];
  const p50: number[] = [];
  const p90: number[] = [];
  for (const col of sims) {
    col.sort((a, b) => a - b);
    p10.push(quantile(col, 0.1));
    p50.push(quantile(col, 0.5));
    p90.push(quantile(col, 0.9));
  }
  return { method: model.method, point: pointPath(model, h), p10, p50, p90 };
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
}

/**
 * Simulates futures until the target is met and reports when. Paths stop as soon as they hit, so the
 * cost is proportional to the time-to-hit, not the horizon.
 */
export function forecastHit(a: HitArgs): HitForecast {
  const reached = a.sign * (a.current - a.target) >= 0;
  if (reached) {
    return {
      method: 'constant',
      p10: a.now,
      p50: a.now,
      p90: a.now,
      probabilityByDeadline: 1,
      reachedAlready: true,
    };
  }
  const model = cachedModel(a.history, a.seasonPeriod);
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
  const rand = mulberry32(a.seed ?? 1);
  const share = Math.min(1, Math.max(0, a.firstStepShare));
  const from = a.countFrom !== undefined && a.countFrom > a.now ? a.countFrom : a.now;
  const steps = a.stepEnds.length;
  const ends = new Float64Array(steps);
  // Share of each step's whole period that lies at or after `from` (all of it once the window is open).
  const counted = new Float64Array(steps);
  for (let k = 0, stepStart = a.now; k < steps; k++) {
    const stepEnd = a.stepEnds[k] ?? stepStart;
    ends[k] = stepEnd;
    const whole = k === 0 ? (share > 0 ? (stepEnd - stepStart) / share : 0) : stepEnd - stepStart;
    counted[k] =
      from <= stepStart
        ? k === 0
          ? share
          : 1
        : whole > 0
          ? Math.min(1, Math.max(0, (stepEnd - from) / whole))
          : 0;
    stepStart = stepEnd;
  }
  const times = new Float64Array(paths);
  let byDeadline = 0;
  // The path simulator (pathSimulator) inlined with the model's fields in locals: this loop runs
  // paths × steps times per goal and is most of an incremental re-evaluation. Every expression keeps
  // the simulator's operation order, so the numbers are bit-for-bit the same.
  const r = Float64Array.from(model.residuals);
  const nr = r.length;
  const L = Math.max(1, Math.min(a.blockLength ?? 3, nr));
  const span = nr - L + 1;
  const { alpha, beta, phi, nonNegative, multiplicative } = model;
  const seasonal = model.seasonal;
  const m = seasonal ? seasonal.length : 0;
  const cumulative = a.mode === 'cumulative';
  const { sign, target, current, deadline } = a;
  for (let p = 0; p < paths; p++) {
    let level = model.level;
    let trend = model.trend;
    let t = model.n;
    let pos = 0;
    let left = 0;
    let value = current;
    let stepStart = a.now;
    let hit = Number.POSITIVE_INFINITY;
    for (let k = 0; k < steps; k++) {
      const stepEnd = ends[k] as number;
      let e = 0;
      if (nr) {
        if (left === 0) {
          pos = Math.floor(rand() * span);
          left = L;
        }
        e = r[pos++] as number;
        left--;
      }
      const yhat = level + phi * trend;
      let y = yhat + e;
      level = yhat + alpha * e;
      trend = phi * trend + beta * e;
      if (seasonal) {
        const idx = seasonal[t % m] ?? (multiplicative ? 1 : 0);
        y = multiplicative ? y * idx : y + idx;
      }
      t++;
      if (nonNegative && y < 0) y = 0;
      const before = value;
      value = cumulative ? value + y * (counted[k] as number) : y;
      if (sign * (value - target) >= 0) {
        // Hit inside this step: interpolate linearly over the part of it that counts.
        const f = value === before ? 1 : (target - before) / (value - before);
        const open = Math.min(stepEnd, Math.max(stepStart, from));
        hit = Math.max(from, open + Math.min(1, Math.max(0, f)) * (stepEnd - open));
        break;
      }
      stepStart = stepEnd;
    }
    times[p] = hit;
    if (hit <= deadline) byDeadline++;
  }
  times.sort();
  // Nearest-rank quantiles, so a quantile is never an interpolation with "never".
  const q = (p: number) => {
    const v =
      times[Math.min(times.length - 1, Math.max(0, Math.ceil(p * times.length) - 1))] ??
      Number.POSITIVE_INFINITY;
    return Number.isFinite(v) ? Math.round(v) : null;
  };
  return {
    method: model.method,
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    probabilityByDeadline: byDeadline / paths,
    reachedAlready: false,
  };
}
