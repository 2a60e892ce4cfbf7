import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { buildDashboard, evaluateDashboard, loadDashboardInput } from '../../../lib/app/dashboard-data';
import { rollupFromPoints } from '../../../lib/engine/rollup';
import { STORES } from '../../../lib/storage/db';
import { ingestObservations, readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { readRollups } from '../../../lib/storage/rollup-store';
import { observationsToDocs } from '../../../lib/team/docs';
import { FORMER_TEAMS_KEY } from '../../../lib/team/former-teams';
import { applyPulled } from '../../../lib/team/local-records';
import { buildTeamRollup } from '../../../lib/team/rollup-view';
import { TEAM_KEY } from '../../../lib/team/state';
import {
  blockDimKeyOf,
  isTeammateSeries,
  seriesDimKey,
  yourRollups,
  yourValues,
} from '../../../lib/team/whose-values';
import { at, calls, goal, maiWithAn, NOW, settings } from './mai-and-an';

afterEach(() => fakeBrowser.reset());

/** Mai left team "sales" on 10 December, when "Team calls" was its goal. */
const left = {
  serverUrl: 'http://127.0.0.1:5984',
  team: 'sales',
  user: 'mai',
  leftAt: Date.parse('2026-12-10T16:00:00Z'),
  goalIds: ['team-calls'],
};

describe('whose values a goal counts (Mai, the manager, and An, a member)', () => {
  it('stores a teammate’s value under the team document id, with the member as owner, source import', async () => {
    const db = await maiWithAn();
    const stored = await readAllObservations(db, 'calls');
    expect(stored.map((o) => [o.id, o.value, o.dims, o.source])).toEqual([
      ['mai-1', 12, {}, 'manual'],
      ['obs:calls:an:2026-12-08', 9, { owner: 'an' }, 'import'],
    ]);
  });

  it('a personal goal on the team KPI counts only Mai’s 12; the team goal counts everyone’s 21', async () => {
    const db = await maiWithAn();
    const { perGoal } = evaluateDashboard(await loadDashboardInput(db), settings, NOW);
    expect(perGoal.get('mai-calls')?.current).toBe(12);
    expect(perGoal.get('team-calls')?.current).toBe(21);
  });
});

describe('whose values: every reader', () => {
  it('keeps teammates’ values in series of their own, so the cache splits without a rebuild per read', async () => {
    const db = await maiWithAn();
    const rollups = await readRollups(db);
    expect(rollups.map((r) => [r.dimKey, isTeammateSeries(r), Object.values(r.days)[0]?.sum])).toEqual([
      ['', false, 12],
      ['owner=an&team=1', true, 9],
    ]);
    expect(yourRollups(rollups).map((r) => r.dimKey)).toEqual(['']);
  });

  it('the KPI list says a team KPI shows your values; its last day is your last value', async () => {
    const db = await maiWithAn();
    const data = buildDashboard(await loadDashboardInput(db), settings, NOW);
    expect(data.kpis).toEqual([expect.objectContaining({ id: 'calls', lastDay: '2026-12-07', team: true })]);
  });

  it('never in a team (no team, no team left): every goal reads yours', async () => {
    const db = await maiWithAn();
    await fakeBrowser.storage.local.clear();
    const { perGoal } = evaluateDashboard(await loadDashboardInput(db), settings, NOW);
    expect(perGoal.get('mai-calls')?.current).toBe(12);
    expect(perGoal.get('team-calls')?.current).toBe(12);
  });

  it('a team left: its goal and cascade still read everyone’s 21 (as on the day of leaving), a personal goal 12', async () => {
    const db = await maiWithAn();
    await repository(db, 'goals').put(goal({ id: 'team-calls-w1', parentId: 'team-calls', target: 50 }));
    await fakeBrowser.storage.local.remove(TEAM_KEY);
    await fakeBrowser.storage.local.set({ [FORMER_TEAMS_KEY]: [left] });
    const input = await loadDashboardInput(db);
    const { perGoal, inputOf } = evaluateDashboard(input, settings, NOW);
    expect(perGoal.get('team-calls')?.current).toBe(21);
    expect(perGoal.get('team-calls-w1')?.current).toBe(21);
    expect(perGoal.get('mai-calls')?.current).toBe(12);
    // Its chart reads the same series as its card.
    expect(inputOf('team-calls').rollups).toHaveLength(2);
    expect(inputOf('mai-calls').rollups).toHaveLength(1);
  });

  it('a team left and another joined: the goals of both count everyone’s values', async () => {
    const db = await maiWithAn();
    await repository(db, 'goals').put(goal({ id: 'old-calls', title: 'Old team calls' }));
    await fakeBrowser.storage.local.set({ [FORMER_TEAMS_KEY]: [{ ...left, goalIds: ['old-calls'] }] });
    const { perGoal } = evaluateDashboard(await loadDashboardInput(db), settings, NOW);
    expect(perGoal.get('team-calls')?.current).toBe(21);
    expect(perGoal.get('old-calls')?.current).toBe(21);
    expect(perGoal.get('mai-calls')?.current).toBe(12);
  });

  it('a damaged record of teams left reads as none: the goal reads yours, nothing throws', async () => {
    const db = await maiWithAn();
    await fakeBrowser.storage.local.remove(TEAM_KEY);
    for (const bad of [{ ...left, team: 'Not A Team!' }, { ...left, goalIds: 'team-calls' }, 'team-calls']) {
      await fakeBrowser.storage.local.set({ [FORMER_TEAMS_KEY]: Array.isArray(bad) ? bad : [bad] });
      const { perGoal } = evaluateDashboard(await loadDashboardInput(db), settings, NOW);
      expect(perGoal.get('team-calls')?.current).toBe(12);
    }
  });

  it('your value logged with a teammate’s name as owner stays yours: never counted twice, never theirs', async () => {
    const db = await maiWithAn();
    // Same metric, same day, same dimensions as An's pulled document: one block holds both.
    await ingestObservations(db, [
      { id: 'mai-2', metricId: 'calls', time: at(8), value: 4, dims: { owner: 'an' }, source: 'manual' },
    ]);
    const input = await loadDashboardInput(db);
    const { perGoal } = evaluateDashboard(input, settings, NOW);
    expect(perGoal.get('mai-calls')?.current).toBe(16);
    expect(perGoal.get('team-calls')?.current).toBe(25);
    const [r] = buildTeamRollup(input, settings, NOW, { goalIds: ['team-calls'], user: 'mai' });
    expect(r?.members.map((m) => [m.member, m.value])).toEqual([
      ['mai', 16],
      ['an', 9],
    ]);
  });

  it('rebuilds rollups written before the split once, from the blocks', async () => {
    const db = await maiWithAn();
    // As an older Pacer left it: one series mixing An's 9 into Mai's, and no split marker.
    const mixed = rollupFromPoints(
      'calls',
      [
        { time: at(7), value: 12 },
        { time: at(8), value: 9 },
      ],
      'UTC',
    );
    await db.clear(STORES.rollups);
    for (const r of mixed) await db.put(STORES.rollups, r);
    await db.delete(STORES.meta, 'rollupsSplitByWhose');
    const { perGoal } = evaluateDashboard(await loadDashboardInput(db), settings, NOW);
    expect(perGoal.get('mai-calls')?.current).toBe(12);
    expect(perGoal.get('team-calls')?.current).toBe(21);
  });

  it('raw readers (popup, CSV export, import, KPI values) keep only yours', () => {
    const values = [{ id: 'mai-1' }, { id: 'obs:calls:an:2026-12-08' }, { id: 'checkin:g:an:2026-W50' }];
    expect(yourValues(values)).toEqual([{ id: 'mai-1' }]);
  });

  it('series keys: a team key maps back to its block, and no block key is a team key', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'owner=an', 'channel=zalo&owner=b%26o'), (k) => {
        expect(blockDimKeyOf(seriesDimKey(k, true))).toBe(k);
        expect(blockDimKeyOf(seriesDimKey(k, false))).toBe(k);
        expect(isTeammateSeries({ dimKey: k })).toBe(false);
        expect(isTeammateSeries({ dimKey: seriesDimKey(k, true) })).toBe(true);
      }),
    );
  });

  it('property: a personal goal’s current never changes when teammates’ values arrive', async () => {
    const member = fc.constantFrom('an', 'bao', 'chi');
    const doc = fc.record({
      member,
      day: fc.integer({ min: 1, max: 20 }),
      value: fc.integer({ min: -50, max: 500 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { maxLength: 8 }), async (docs) => {
        const db = await maiWithAn();
        const before = evaluateDashboard(await loadDashboardInput(db), settings, NOW).perGoal;
        const pulled = docs.flatMap((d, i) =>
          observationsToDocs(
            calls,
            d.member,
            [
              {
                id: `x-${i}`,
                metricId: 'calls',
                time: at(d.day),
                value: d.value,
                dims: {},
                source: 'manual',
              },
            ],
            NOW,
          ),
        );
        await applyPulled(db, pulled, [], 'mai');
        const after = evaluateDashboard(await loadDashboardInput(db), settings, NOW).perGoal;
        expect(after.get('mai-calls')?.current).toBe(before.get('mai-calls')?.current);
        // The team goal has every member's latest document per day on top of An's 9 and Mai's 12.
        const latest = new Map(pulled.map((p) => [p._id, p.value]));
        const an8 = latest.has('obs:calls:an:2026-12-08') ? 0 : 9;
        const sum = [...latest.values()].reduce((a, b) => a + b, 0);
        expect(after.get('team-calls')?.current).toBe(12 + an8 + sum);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
