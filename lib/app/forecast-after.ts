import { MIN_MODEL_POINTS } from '../engine/forecast-model';
import { minForecastHistory } from '../engine/goal-types/shared';
import type { ViewContext } from './goal-views';

/**
 * When a goal without a forecast yet will get one, in the periods it counts: "Forecast after 8
 * complete months of data (6 so far)". A total's first forecast is a run-rate estimate from 2 periods,
 * long before its status is judged (8), so it says "Rough forecast after 2 …": beside "Too early to
 * tell · judged after 8 complete weeks", a bare "Forecast after 2 weeks" read as a second answer to
 * the same question.
 */
export function forecastAfterLine(
  mode: 'cumulative' | 'level',
  granularity: 'week' | 'month',
  points: number,
  ctx: Pick<ViewContext, 't'>,
): string {
  const needed = minForecastHistory(mode);
  const kind = needed < MIN_MODEL_POINTS ? 'afterRough' : 'after';
  return ctx.t(`forecast.${kind}.${granularity}`, { needed, points });
}
