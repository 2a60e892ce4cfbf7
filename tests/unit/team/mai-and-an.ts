import { fakeBrowser } from 'wxt/testing';
import type { Goal } from '../../../lib/schema/goal';
import { defaultSettings } from '../../../lib/schema/settings';
import { ingestObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { observationsToDocs } from '../../../lib/team/docs';
import { applyPulled } from '../../../lib/team/local-records';
import { TEAM_KEY } from '../../../lib/team/state';
import { freshDb, metric } from '../storage/helpers';

/**
 * One team, two people, for the tests of whose values a reader counts (lib/team/whose-values.ts).
 */
// Mai (the manager, this browser) logged 12 calls; An logged 7 + 2 on his own browser, which reach Mai
// as one team document of 9. Mai has the team's goal (200 calls) and her own, never shared (50 calls).
export const NOW = Date.parse('2026-12-20T12:00:00Z');
export const settings = { ...defaultSettings({ locale: 'en' }), timeZone: 'UTC' };
export const at = (day: number) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T09:00:00Z`);
export const calls = metric({
  id: 'calls',
  name: 'Sales calls',
  unit: { kind: 'count' },
  dimensions: ['owner'],
});

export const goal = (over: Partial<Goal>): Goal => ({
  id: 'team-calls',
  kind: 'kpi_target',
  goalType: 'total',
  title: 'Team calls this month',
  frameworks: ['smart'],
  metricId: 'calls',
  target: 200,
  startAt: Date.parse('2026-12-01T00:00:00Z'),
  deadline: Date.parse('2026-12-31T23:59:59Z'),
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
export const teamGoal = goal({});
export const personalGoal = goal({ id: 'mai-calls', title: 'My calls this month', target: 50 });

export async function maiWithAn() {
  const { db } = await freshDb();
  await repository(db, 'metrics').putMany([calls]);
  await repository(db, 'goals').putMany([teamGoal, personalGoal]);
  await ingestObservations(db, [
    { id: 'mai-1', metricId: 'calls', time: at(7), value: 12, dims: {}, source: 'manual' },
  ]);
  const anDocs = observationsToDocs(
    calls,
    'an',
    [
      { id: 'an-1', metricId: 'calls', time: at(8), value: 7, dims: {}, source: 'manual' },
      { id: 'an-2', metricId: 'calls', time: at(8) + 60_000, value: 2, dims: {}, source: 'manual' },
    ],
    NOW,
  );
  await applyPulled(db, anDocs, [], 'mai');
  await fakeBrowser.storage.local.set({
    [TEAM_KEY]: {
      serverUrl: 'http://127.0.0.1:5984',
      team: 'sales',
      user: 'mai',
      roles: ['team-sales-manager'],
      joinedAt: 1,
      goalIds: ['team-calls'],
      refused: [],
    },
  });
  return db;
}
