import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GoalView, Snapshot } from '../../../lib/app/goal-view';

export const SNAPSHOT_PATH = path.resolve(__dirname, '../../fixtures/widgets/snapshot.json');

/** The example page's snapshot, also used by the e2e test. */
export function exampleSnapshot(): Snapshot {
  return JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as Snapshot;
}

export function goalView(overrides: Partial<GoalView> & { id: string }): GoalView {
  return {
    title: `Goal ${overrides.id}`,
    kind: 'kpi_target',
    kindLabel: 'KPI target',
    status: 'on_track',
    statusLabel: 'On track',
    progress: 0.5,
    progressText: '50%',
    value: '50',
    target: '100',
    spark: [1, 2, 3],
    ...overrides,
  };
}
