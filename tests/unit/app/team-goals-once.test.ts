import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { computeGoalCharts, computeGoalDetail } from '../../../lib/app/goal-detail-data';
import type { Goal } from '../../../lib/schema/goal';
import { defaultSettings } from '../../../lib/schema/settings';
import { ingestObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { observationsToDocs } from '../../../lib/team/docs';
import { applyPulled } from '../../../lib/team/local-records';
import { TEAM_KEY } from '../../../lib/team/state';
import { freshDb, metric } from '../storage/helpers';

/**
 * The goal detail's chart reads what the evaluation read: everyone's values for a team goal, only yours
 * for the rest. Which goals are the team's is worked out once per evaluation (lib/app/dashboard-data.ts
 * evaluateDashboard hands its reading to the chart), where the detail used to work it out a second time.
 * Counted at teamScope, which every working-out calls.
 */
const calls = vi.hoisted(() => ({ teamScope: 0 }));
vi.mock('../../../lib/team/local-records', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/team/local-records')>();
  return {
    ...real,
    teamScope: (...args: Parameters<typeof real.teamScope>) => {
      calls.teamScope++;
      return real.teamScope(...args);
    },
  };
});

const NOW = Date.parse('2026-12-20T12:00:00Z');
const settings = { ...defaultSettings({ locale: 'en' }), timeZone: 'UTC' };
const at = (day: number) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T09:00:00Z`);
const kpi = metric({ id: 'calls', name: 'Sales calls', unit: { kind: 'count' }, dimensions: [] });
const goal = (over: Partial<Goal>): Goal => ({
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

// Mai (this browser) logged 12 calls; An's 9 reach her from the team. The team's goal counts 21, hers 12.
async function maiWithAn() {
  const { db } = await freshDb();
  await repository(db, 'metrics').putMany([kpi]);
  await repository(db, 'goals').putMany([goal({}), goal({ id: 'mai-calls', target: 50 })]);
  await ingestObservations(db, [
    { id: 'mai-1', metricId: 'calls', time: at(7), value: 12, dims: {}, source: 'manual' },
  ]);
  const an = [{ id: 'an-1', metricId: 'calls', time: at(8), value: 9, dims: {}, source: 'manual' as const }];
  await applyPulled(db, observationsToDocs(kpi, 'an', an, NOW), [], 'mai');
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

const lastActual = (chart: { actual: (number | null)[] } | null | undefined) =>
  chart?.actual.filter((v) => v !== null).at(-1);

describe('the goal detail works out the team’s goals once', () => {
  beforeEach(() => {
    calls.teamScope = 0;
  });
  afterEach(() => fakeBrowser.reset());

  it('one working-out per detail; the chart still reads everyone’s for the team goal, yours for yours', async () => {
    const db = await maiWithAn();
    calls.teamScope = 0;
    const team = await computeGoalDetail(db, 'team-calls', settings, NOW);
    expect(calls.teamScope).toBe(1);
    expect(lastActual(team.chart)).toBe(21);
    calls.teamScope = 0;
    const mine = await computeGoalDetail(db, 'mai-calls', settings, NOW);
    expect(calls.teamScope).toBe(1);
    expect(lastActual(mine.chart)).toBe(12);
  });

  it('one working-out for several charts (Share), each reading as its goal counts', async () => {
    const db = await maiWithAn();
    calls.teamScope = 0;
    const charts = await computeGoalCharts(db, ['team-calls', 'mai-calls', 'gone'], settings, NOW);
    expect(calls.teamScope).toBe(1);
    expect(lastActual(charts.get('team-calls') as { actual: (number | null)[] })).toBe(21);
    expect(lastActual(charts.get('mai-calls') as { actual: (number | null)[] })).toBe(12);
    expect(charts.get('gone')).toBeInstanceOf(Error);
  });
});
