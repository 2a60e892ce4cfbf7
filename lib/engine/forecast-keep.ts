import { futureDayFactors, historyDayFactor, type PeriodDays, perAverageDay } from './calendar-days';
import { forecastKeep, type RoughInfo } from './forecast';
import { mulberry32 } from './random';

/**
 * A keep goal's outlook: the chance the running month ends on the right side of the line, and the
 * chance every month still open through the deadline does (docs/figures.md § Keep a level).
 *
 * Two views of the months ahead, weighted equally (a two-member forecast combination):
 * - **Where the level has been** — forecast.ts's fitted model on the complete months (forecastKeep).
 *   It learns the level and its spread from the history and does not look at where the value is
 *   now beyond the last complete month, so on a noisy metric it reverts to the mean: distributor churn
 *   at 3.8% against a 1% ceiling, with months of 0% on record, read "35% to hold" on it alone.
 * - **Where the level is now** — the value read (the card's value) moved by month-to-month changes
 *   drawn from the ones on record. From 3.8%, December is back under 1% only if churn falls by more
 *   than 2.8 pt in a month, which happened once in 15 months. A running month read so far moves only
 *   by the share of it still to come.
 *
 * So a value far past the line gives a low chance however the metric wandered before, and a value
 * comfortably inside it a high one; near the line both views matter. Below forecast.ts's fitted
 * minimum the model's view is its rough run-rate estimate, and the combined chances are kept within
 * the same 5–95% as every rough chance.
 */

export interface KeepOutlookArgs {
  /** Complete months, oldest first (at least 2: one month-to-month change). */
  history: readonly number[];
  /** The value read: the card's value. */
  current: number;
  /** The value is the running month so far (it still moves by the month's remaining share). */
  currentIsRunning: boolean;
  threshold: number;
  /** +1 keeps at or above the threshold, −1 at or below it. */
  sign: 1 | -1;
  now: number;
  /** Ends (ms) of the months still open, the running one first; at least one. */
  stepEnds: readonly number[];
  /** How many of `stepEnds` lie within the goal's window (null: no deadline ahead). */
  openToDeadline: number | null;
  /** Share of the running month still to come (0–1). */
  firstStepShare: number;
  seasonPeriod: number;
  paths: number;
  seed: number;
  /** Calendar days of the history's months and the months ahead, for a summed metric (calendar-days.ts). */
  periodDays?: PeriodDays;
}

export interface KeepOutlook {
  /** Chance the running month ends past the line. */
  breachNext: number | null;
  /** Chance every month open through the deadline ends on the right side (null: no deadline ahead). */
  hold: number | null;
  rough?: RoughInfo;
}

const ROUGH_MARGIN = 0.05;

export function keepOutlook(a: KeepOutlookArgs): KeepOutlook {
  if (a.history.length < 2 || !a.stepEnds.length || !Number.isFinite(a.current))
    return { breachNext: null, hold: null };
  const model = modelView(a);
  if (model.next === null) return { breachNext: null, hold: null };
  const now = persistenceView(a);
  const clamp = (p: number) =>
    model.rough ? Math.min(1 - ROUGH_MARGIN, Math.max(ROUGH_MARGIN, p)) : Math.min(1, Math.max(0, p));
  const next = clamp((model.next + now.next) / 2);
  const hold = model.hold === null || now.hold === null ? null : clamp((model.hold + now.hold) / 2);
  return {
    breachNext: 1 - next,
    // Every open month holding can't be likelier than the first one holding.
    hold: hold === null ? null : Math.min(hold, next),
    ...(model.rough ? { rough: model.rough } : {}),
  };
}

/**
 * The fitted model's chances. The simulation starts from just inside the line: forecastKeep reads a
 * value past it as "breached already" (chance 0), while its futures come from the history alone.
 */
function modelView(a: KeepOutlookArgs): { next: number | null; hold: number | null; rough?: RoughInfo } {
  const args = {
    history: a.history,
    current: a.threshold + a.sign * Math.max(1e-9, Math.abs(a.threshold) * 1e-9),
    threshold: a.threshold,
    sign: a.sign,
    now: a.now,
    firstStepShare: a.firstStepShare,
    seasonPeriod: a.seasonPeriod,
    paths: a.paths,
    seed: a.seed,
    ...(a.periodDays ? { periodDays: a.periodDays } : {}),
  } as const;
  const first = a.stepEnds[0] ?? a.now;
  const next = forecastKeep({ ...args, stepEnds: a.stepEnds.slice(0, 1), deadline: first });
  let hold: number | null = null;
  if (a.openToDeadline !== null && a.openToDeadline > 0) {
    const ends = a.stepEnds.slice(0, a.openToDeadline);
    hold = forecastKeep({ ...args, stepEnds: ends, deadline: ends.at(-1) ?? first }).probabilityKept;
  }
  return { next: next.probabilityKept, hold, ...(next.rough ? { rough: next.rough } : {}) };
}

/** Paths from the value read, each month moved by a month-to-month change drawn from the history. */
function persistenceView(a: KeepOutlookArgs): { next: number; hold: number | null } {
  const steps = Math.max(1, a.openToDeadline ?? 1);
  // A summed metric moves per average day, and each month ahead is scaled back by its days: the
  // calendar's own swing (February) is not a month-to-month change to replay.
  const history = perAverageDay(a.history, a.periodDays);
  const factors = futureDayFactors(a.history, a.periodDays, steps);
  // The value read on the same per-day scale: the running month's, or the last complete month's.
  const start = !factors
    ? a.current
    : a.currentIsRunning
      ? a.current / (factors[0] as number)
      : a.current * historyDayFactor(a.history, a.periodDays, a.history.length - 1);
  const changes: number[] = [];
  for (let i = 1; i < history.length; i++) {
    const d = (history[i] as number) - (history[i - 1] as number);
    if (Number.isFinite(d)) changes.push(d);
  }
  if (!changes.length) changes.push(0);
  const paths = Math.max(1, a.paths);
  const rand = mulberry32(a.seed ^ 0x5bd1e995);
  const share = a.currentIsRunning ? Math.min(1, Math.max(0, a.firstStepShare)) : 1;
  let nextOk = 0;
  let allOk = 0;
  for (let p = 0; p < paths; p++) {
    let v = start;
    let ok = true;
    // Every path draws all its steps, even once breached: path p then gets the same draws whatever the
    // value read, so a value further past the line can never do better on any path (common random
    // numbers). Stopping at the breach shifted every later path's draws, and the chances with them.
    for (let k = 0; k < steps; k++) {
      const d = changes[Math.floor(rand() * changes.length)] as number;
      v += k === 0 ? d * share : d;
      const held = a.sign * (v * (factors ? (factors[k] as number) : 1) - a.threshold) >= 0;
      if (k === 0 && held) nextOk++;
      if (!held) ok = false;
    }
    if (ok) allOk++;
  }
  return {
    next: nextOk / paths,
    hold: a.openToDeadline !== null && a.openToDeadline > 0 ? allOk / paths : null,
  };
}
