import { forecastSeries } from './forecast';
import { forecastRollingBand } from './forecast-rolling';
import type { ForecastBasis } from './goal-types/reading';
import { basisOptions } from './goal-types/shared';

/**
 * A level's forecast band, step by step (index 0: the end of the running period): the 10th / 50th /
 * 90th percentiles of the card's own simulated futures — the same model, history, seed, paths and
 * horizon as its chance (the reading's forecastBasis; a rolling sum's from its months,
 * forecast-rolling.ts). One forecast for the card and its chart: the plan-shortfall figure
 * (plan-shortfall.ts) is this median at the plan's point, and the detail chart draws this band.
 *
 * The simulated paths depend on the horizon (its offsets and path shape; since each path has its own
 * random draws, no longer the draws), so the futures are always simulated for the card's `steps` and
 * only then cut to `horizon`:
 * simulated for the chart's own 25 months instead, the BHAG's median at Dec 2028 was ₫54.1B (Nov:
 * ₫54.6B) where the card's futures say ₫51.7B, and the point patched to the card's figure jumped.
 * Without `steps` (a goal with no forecast horizon), `horizon`. Simulated once per basis and number
 * of steps (`simulated` below): the card's figure and the chart are cut from one band.
 */
export function levelBand(basis: ForecastBasis, horizon: number): LevelBand {
  const h = Math.max(0, Math.floor(horizon));
  const band = simulatedBand(basis, Math.max(h, basis.steps ?? 0));
  return { p10: band.p10.slice(0, h), p50: band.p50.slice(0, h), p90: band.p90.slice(0, h) };
}

export interface LevelBand {
  p10: number[];
  p50: number[];
  p90: number[];
}

/**
 * Each basis's band, by the steps simulated. A goal paced through milestones reads its band twice
 * from one evaluation: the card's plan-shortfall figure (evaluate-all.ts) and, when its detail opens,
 * the chart (goal-detail-data.ts), each from the reading's own basis object. Simulated once, both
 * read the very same futures, and the detail's open simulates no second time. A basis is not changed
 * once its reading is made; a new evaluation makes a new basis, and this forgets the old one with it.
 */
const simulated = new WeakMap<ForecastBasis, Map<number, LevelBand>>();

function simulatedBand(basis: ForecastBasis, steps: number): LevelBand {
  let bySteps = simulated.get(basis);
  const known = bySteps?.get(steps);
  if (known) return known;
  const opts = basisOptions(basis);
  const { p10, p50, p90 } = basis.rolling
    ? forecastRollingBand(
        { history: basis.history, tail: basis.rolling.tail, n: basis.rolling.months, ...opts },
        steps,
      )
    : forecastSeries(basis.history, steps, opts);
  const band = { p10, p50, p90 };
  if (!bySteps) {
    bySteps = new Map();
    simulated.set(basis, bySteps);
  }
  bySteps.set(steps, band);
  return band;
}
