import { describe, expect, it } from 'vitest';
import { evaluateDashboard } from '../../../lib/app/dashboard-data';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import type { Goal } from '../../../lib/schema/goal';
import { defaultSettings } from '../../../lib/schema/settings';
import { buildTeamRollup } from '../../../lib/team/rollup-view';
import { seriesDimKey } from '../../../lib/team/whose-values';
import { metric } from '../storage/helpers';

const NOW = Date.parse('2026-12-20T12:00:00Z');
const settings = { ...defaultSettings({ locale: 'en' }), timeZone: 'UTC' };
const at = (day: number) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T09:00:00Z`);

const goal = (over: Partial<Goal>): Goal => ({
  id: 'g',
  kind: 'kpi_target',
  goalType: 'total',
  title: 'Calls in December',
  frameworks: ['smart'],
  metricId: 'calls',
  target: 100,
  startAt: Date.parse('2026-12-01T00:00:00Z'),
  deadline: Date.parse('2026-12-31T23:59:59Z'),
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

// mai (this browser: no owner), an and bao (pulled: the member is the owner dimension, in team series).
const points = [
  { time: at(2), value: 10, dims: {} },
  { time: at(9), value: 5, dims: {} },
  { time: at(3), value: 7, dims: { owner: 'an' } },
  { time: at(10), value: 2, dims: { owner: 'an' } },
  { time: at(4), value: 6, dims: { owner: 'bao' } },
];

function input(aggregation: 'sum' | 'last' | 'average', goals: Goal[]) {
  const m = metric({
    id: 'calls',
    name: 'Calls',
    unit: { kind: 'count' },
    aggregation,
    dimensions: ['owner'],
  });
  // As rollup-store keeps them: pulled values in teammates' series (lib/team/whose-values.ts).
  const rollups = rollupFromPoints('calls', points, 'UTC').map((r) =>
    r.dimKey ? { ...r, dimKey: seriesDimKey(r.dimKey, true) } : r,
  );
  return { goals, metrics: [m], checkIns: [], rollups };
}

describe('team roll-up', () => {
  it('splits a sum goal by member; the card is the engine reading the same goal, and the parts add up to it', () => {
    const shared = goal({});
    const personal = goal({ id: 'p', title: 'Mine', metricId: 'calls', dims: { owner: 'an' } });
    const data = input('sum', [shared, personal]);
    const [r, ...rest] = buildTeamRollup(data, settings, NOW, { goalIds: ['g'], user: 'mai' });
    expect(rest).toEqual([]); // personal goals are not team goals
    expect(r?.members.map((m) => [m.member, m.value, m.you, m.share])).toEqual([
      ['mai', 15, true, 15 / 30],
      ['an', 9, false, 9 / 30],
      ['bao', 6, false, 6 / 30],
    ]);
    const engine = evaluateDashboard({ ...data, sharedGoalIds: ['g'] }, settings, NOW);
    expect(engine.perGoal.get('g')?.current).toBe(30);
    expect(r?.view).toEqual(engine.data.goals.find((g) => g.id === 'g'));
    expect(r?.you?.text).toBe('15');
  });

  it("a 'last' metric: each member's latest, the team's the sum of them as the engine reads a stock", () => {
    const level = goal({ goalType: 'level', baseline: 0, target: 40 });
    const data = input('last', [level]);
    const [r] = buildTeamRollup(data, settings, NOW, { goalIds: ['g'], user: 'mai' });
    const byMember = Object.fromEntries(r?.members.map((m) => [m.member, m.value]) ?? []);
    expect(byMember).toEqual({ mai: 5, an: 2, bao: 6 });
    expect(r?.members.every((m) => m.share === null)).toBe(true);
    expect(
      evaluateDashboard({ ...data, sharedGoalIds: ['g'] }, settings, NOW).perGoal.get('g')?.current,
    ).toBe(13);
  });

  it('includes cascades of a team goal and nothing without a team goal', () => {
    const parent = goal({ id: 'parent', kind: 'objective', goalType: 'objective', metricId: undefined });
    const child = goal({ id: 'kr', kind: 'key_result', parentId: 'parent' });
    const data = input('sum', [parent, child]);
    expect(
      buildTeamRollup(data, settings, NOW, { goalIds: ['parent'], user: 'mai' }).map((r) => r.view.id),
    ).toEqual(['kr']);
    expect(buildTeamRollup(data, settings, NOW, { goalIds: [], user: 'mai' })).toEqual([]);
  });

  it("a team goal's milestones are on the timeline, not again among the team's cards", () => {
    const parent = goal({ id: 'parent' });
    const march = goal({ id: 'march', kind: 'milestone', goalType: 'milestone', parentId: 'parent' });
    const data = input('sum', [parent, march]);
    expect(
      buildTeamRollup(data, settings, NOW, { goalIds: ['parent'], user: 'mai' }).map((r) => r.view.id),
    ).toEqual(['parent']);
  });
});
