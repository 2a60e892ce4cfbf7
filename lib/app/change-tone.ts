/**
 * How a change of a KPI is judged wherever one is shown (the growth table's "+6%" / "-2.2 pt"): in the
 * KPI's good direction, green when better and red when worse. A KPI with no good direction (neutral:
 * ad spend, a budget) is never judged: its change keeps its sign and number, no colour. Spend is an
 * input, and less spend at the same ROAS is less revenue; it had read green on a cut.
 */
import type { Metric } from '../schema';

export type ChangeTone = 'better' | 'worse' | 'flat' | 'neutral';

/**
 * `delta` is the change in the KPI's own terms (points for a rate, a relative change otherwise); a
 * change smaller than `flatBelow` rounds to nothing on screen and is flat whatever the direction.
 */
export function changeTone(direction: Metric['direction'], delta: number, flatBelow: number): ChangeTone {
  if (!Number.isFinite(delta) || Math.abs(delta) < flatBelow) return 'flat';
  if (direction === 'neutral') return 'neutral';
  return (direction === 'up' ? delta > 0 : delta < 0) ? 'better' : 'worse';
}
