import type { GoalView } from '../../../lib/app/goal-view';
import type { Metric } from '../../../lib/schema';

export function metric(id: string, name: string, over: Partial<Metric> = {}): Metric {
  return {
    id,
    name,
    unit: { kind: 'count' },
    direction: 'up',
    aggregation: 'sum',
    dimensions: [],
    source: 'manual',
    archived: false,
    deletedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...over,
  };
}

export const VND = { kind: 'currency', currency: 'VND' } as const;

export function goalView(id: string, over: Partial<GoalView> = {}): GoalView {
  return {
    id,
    title: `Goal ${id}`,
    kind: 'kpi_target',
    kindLabel: 'KPI target',
    status: 'on_track',
    statusLabel: 'On track',
    progress: 0.5,
    progressText: '50%',
    value: '5',
    target: '10',
    spark: [],
    ...over,
  };
}
