import type { Goal, Metric } from '../../../lib/schema';

/** Minimal valid records for engine tests; override what a test is about. */
export function goal(overrides: Partial<Goal> & Pick<Goal, 'id'>): Goal {
  return {
    kind: 'kpi_target',
    title: overrides.id,
    frameworks: [],
    weight: 1,
    archived: false,
    deletedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

export function metric(overrides: Partial<Metric> & Pick<Metric, 'id'>): Metric {
  return {
    name: overrides.id,
    unit: { kind: 'count' },
    direction: 'up',
    aggregation: 'sum',
    dimensions: [],
    source: 'manual',
    archived: false,
    deletedAt: null,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}
