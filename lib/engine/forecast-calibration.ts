/**
 * Recalibration of "chance to reach / keep by the deadline" (forecast.ts). The share of simulated
 * futures that reach a target is a probability only if the simulated futures are as uncertain as real
 * ones, and they are not quite. On the backtest's development data (docs/forecast-backtest.md) "reach
 * a level" shares of 0.85 came true about 0.79 of the time before paths were smooth and widened per
 * series, 0.81 after; since each path got its own volatility (seventh round) and a short window a wider
 * slope only (eighth), the simulation carries most of the calibration itself, and the maps move a level
 * or keep chance by at most 0.04 (a total's middle chances, still a little under-confident, up to 0.05:
 * 0.65 comes true about 0.70). So
 * the simulated share p goes through a Platt map, σ(a·logit(p) + b), one per goal kind, fitted by
 * logistic regression on the DEVELOPMENT series of the backtest only; the held-out series only report
 * how it does. Refit after any change to the forecaster with
 * `npx tsx scripts/backtest.ts --write-calibration`, which writes the maps below.
 *
 * Weekly and monthly chances share their kind's map: a weekly map fitted on the development data's
 * weekly series, when those were two, both weather, did worse than no map on the other one (see
 * scripts/backtest-calibration.ts); not retried since weekly business-like counts were added. The table keeps a row per frequency so that a refit on more
 * weekly series can tell them apart again.
 *
 * A Platt map keeps the order of forecasts (a higher share is never a lower chance), needs two numbers
 * per map, and never returns exactly 0 or 1: a simulated share of 0 out of 400 paths is "very
 * unlikely", not "impossible". Rough estimates (too little history) are not mapped: they are clamped
 * to [0.05, 0.95] in forecast.ts instead, as no fitted model stands behind them.
 */

export type ChanceKind = 'total' | 'level' | 'keep';
export type ChanceFrequency = 'week' | 'month';

/** [a, b] of σ(a·logit(p) + b), fitted on the backtest's development series (see above). */
export const PLATT: Readonly<
  Record<ChanceKind, Readonly<Record<ChanceFrequency, readonly [number, number]>>>
> = {
  // Written by `npx tsx scripts/backtest.ts --write-calibration` (scripts/backtest-calibration.ts).
  // <platt-maps>
  total: { month: [1.085, 0.181], week: [1.085, 0.181] },
  level: { month: [0.905, 0.086], week: [0.905, 0.086] },
  keep: { month: [0.943, 0], week: [0.943, 0] },
  // </platt-maps>
};

/**
 * Shares this close to 0 or 1 are treated as this close: with a few hundred paths, 0 of them means
 * "below about 1 in 400", not certainty.
 */
export const SHARE_FLOOR = 1 / 400;

export function logit(p: number): number {
  const q = Math.min(1 - SHARE_FLOOR, Math.max(SHARE_FLOOR, p));
  return Math.log(q / (1 - q));
}

/** Weekly histories (season period 52) get the weekly map; everything else the monthly one. */
export function chanceFrequency(seasonPeriod: number | undefined): ChanceFrequency {
  return (seasonPeriod ?? 0) >= 52 ? 'week' : 'month';
}

/** The calibrated chance for a simulated share `p` of futures that reach (total, level) or keep. */
export function recalibrate(p: number, kind: ChanceKind, frequency: ChanceFrequency): number {
  return recalibrateWith(PLATT[kind][frequency], p);
}

/**
 * The simulated share the map turns into `chance`: its inverse, σ((logit(chance) − b) / a). The
 * forecast's median date is read at the share the map calls even odds, so a card's "51% chance by
 * Dec 31" never sits beside a median date in January (forecast.ts).
 */
export function shareForChance(chance: number, kind: ChanceKind, frequency: ChanceFrequency): number {
  const [a, b] = PLATT[kind][frequency];
  return 1 / (1 + Math.exp(-((logit(chance) - b) / a)));
}

/** σ(a·logit(p) + b) for a given map (the backtest reports with maps it has just fitted). */
export function recalibrateWith([a, b]: readonly [number, number], p: number): number {
  return 1 / (1 + Math.exp(-(a * logit(p) + b)));
}

/**
 * Logistic regression of outcomes on logit(share): the [a, b] that maximise the likelihood, by
 * Newton's method (the backtest's --fit-calibration; exported so it is tested with the map it feeds).
 * A case's `weight` (1 when absent) counts it that many times.
 */
export function fitPlatt(
  cases: ReadonlyArray<{ p: number; hit: boolean; weight?: number }>,
): [number, number] {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    // Gradient and Hessian of the log-likelihood in (a, b).
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (const c of cases) {
      const z = logit(c.p);
      const q = 1 / (1 + Math.exp(-(a * z + b)));
      const cw = c.weight ?? 1;
      const r = cw * ((c.hit ? 1 : 0) - q);
      const w = cw * q * (1 - q);
      ga += r * z;
      gb += r;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    // Relative to the Hessian's scale, so weights of any size (summing to 1 or to the case count) fit alike.
    if (!(Math.abs(det) > 1e-12 * haa * hbb)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return [a, b];
}
