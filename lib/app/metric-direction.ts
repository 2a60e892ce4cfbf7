/**
 * A KPI switched to "neither better higher nor lower" (neutral) keeps its goals as they read. Their way
 * had come from the KPI's direction; once it is neutral, a goal's way is its own (lib/engine/goal-type.ts,
 * goalDirection), and a goal with none stored would be read upwards: "bring ad spend down to ₫150M"
 * would turn into "target reached". So before the KPI is saved, each of its goals gets the way it had
 * written on it: a keep goal its side (and type), any other its direction. Written first, on its own:
 * a way stored on a goal is ignored while its KPI has a direction, so a KPI save that then fails
 * changes nothing any card reads.
 */
import { goalTypeOf, keepSideOf } from '../engine/goal-type';
import type { Goal, Metric } from '../schema';

export function pinGoalWays(
  goals: readonly Goal[],
  before: Pick<Metric, 'id' | 'direction' | 'aggregation' | 'formula' | 'unit'>,
  next: Metric['direction'],
  now: number,
): Goal[] {
  if (before.direction === 'neutral' || next !== 'neutral') return [];
  const way = before.direction;
  const out: Goal[] = [];
  for (const g of goals) {
    if (g.metricId !== before.id) continue;
    const type = goalTypeOf(g, before);
    if (type === 'objective') continue;
    if (type === 'keep') {
      if (g.keepSide && g.goalType) continue;
      out.push({ ...g, goalType: type, keepSide: keepSideOf(g, before), updatedAt: now });
    } else if (g.direction !== way || !g.goalType) {
      out.push({ ...g, goalType: type, direction: way, updatedAt: now });
    }
  }
  return out;
}
