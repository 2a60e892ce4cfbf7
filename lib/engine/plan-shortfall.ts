import type { HitForecast } from './forecast';
import type { ForecastBasis } from './goal-types/reading';
import { levelBand } from './level-band';
import type { PlanPoint } from './milestone-plan';

/**
 * Where the forecast first falls short of a goal's plan (docs/figures.md § Reach a level, Pace): the
 * first point of the plan still ahead — a milestone's target on the way (milestone-plan.ts), or the
 * goal's own target at its deadline — that the forecast's median misses.
 *
 * A goal paced through its owner's milestones is measured against the step it is on: the example BHAG,
 * at ₫44.3B for the 12 months to November, is ahead of its 2026 step (₫42.8B on Nov 30), while its
 * forecast gives ₫150B a year by 2028 a 3% chance. Both are true, and a card that says only one of
 * them (or "ahead" beside "Off track") leaves the founder to guess which. This is the figure that joins
 * them: the plan steps up to ₫97B by Dec 31, 2027, where the forecast's median is ₫57B.
 *
 * Read off the card's own futures — the same model, history, seed, paths and horizon as its chance
 * (the reading's forecastBasis; the paths depend on the horizon, so it is the basis's `steps`) — so the
 * figure and the chance are one forecast. Null without a plan, a fitted forecast, or a point the median
 * misses within the horizon.
 */
export interface PlanShortfall {
  /** The plan point: its deadline (epoch ms) and the level the plan asks there. */
  at: number;
  planned: number;
  /** The forecast's median level at that point. */
  forecast: number;
  /** True when the point is the goal's own target at its deadline, not a milestone on the way. */
  final: boolean;
}

export function planShortfall(a: {
  plan: readonly PlanPoint[];
  deadline: number | undefined;
  target: number | null;
  /** +1 when more is better, −1 when less is. */
  sign: 1 | -1;
  now: number;
  forecast: HitForecast | null;
  basis: ForecastBasis | null;
  /** End instant of each future step (the running period's first), as the forecast was given them. */
  stepEnds: readonly number[];
}): PlanShortfall | null {
  const { basis, forecast } = a;
  if (!a.plan.length || a.deadline === undefined || a.target === null) return null;
  if (!basis?.steps || !forecast || forecast.reachedAlready || forecast.rough) return null;
  if (forecast.method === 'none') return null;
  const steps = Math.min(basis.steps, a.stepEnds.length);
  const points = [
    ...a.plan.map((p) => ({ ...p, final: false })),
    { at: a.deadline, value: a.target, final: true },
  ].filter((p) => p.at > a.now);
  if (!points.length) return null;
  // The median of the card's futures, as the detail chart draws it (level-band.ts): one forecast.
  const median = levelBand(basis, steps).p50;
  if (!median.length) return null;
  for (const p of points) {
    // The step whose period ends with the point: a level is known at the end of its period.
    const k = a.stepEnds.findIndex((end, i) => i < steps && end - 1 >= p.at);
    const m = k >= 0 ? median[k] : undefined;
    if (m === undefined) return null;
    if (a.sign * (m - p.value) < 0) return { at: p.at, planned: p.value, forecast: m, final: p.final };
  }
  return null;
}
