import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { computeGoalCharts, computeGoalDetail } from '../../../lib/app/goal-detail-data';
import { maiWithAn, NOW, settings } from '../team/mai-and-an';

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
