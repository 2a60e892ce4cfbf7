// "Count only my values" on a goal of a team left: the background's half (lib/background/team-sync.ts
// formerPersonal / formerRestore) over a real Pacer database, and what the question says the card will
// read (lib/team/own-reading.ts).
import { describe, expect, it } from 'vitest';
import { loadDashboardInput } from '../../../lib/app/dashboard-data';
import { createTeamSync } from '../../../lib/background/team-sync';
import { defaultSettings } from '../../../lib/schema/settings';
import { ingestObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import type { FormerTeam } from '../../../lib/team/former-teams';
import { ownReading } from '../../../lib/team/own-reading';
import { goal } from '../engine/fixtures';
import { freshDb, metric } from '../storage/helpers';

const NOW = Date.parse('2026-12-20T12:00:00Z');
const LEFT: FormerTeam = {
  serverUrl: 'http://127.0.0.1:5984',
  team: 'sales',
  user: 'an',
  leftAt: Date.parse('2026-12-08T10:00:00Z'),
  // As stored on leaving: the shared goal and one received sub-goal of it.
  goalIds: ['team-calls', 'team-calls-q1'],
};
const NORTH: FormerTeam = { ...LEFT, team: 'north', leftAt: 5, goalIds: ['n1'] };
const month = { startAt: Date.parse('2026-12-01T00:00:00Z'), deadline: Date.parse('2026-12-31T23:59:59Z') };

async function setUp() {
  const { db } = await freshDb();
  await repository(db, 'metrics').put(
    metric({ id: 'calls', name: 'Calls', unit: { kind: 'count' }, dimensions: ['owner'] }),
  );
  await repository(db, 'goals').putMany([
    goal({ id: 'team-calls', title: 'Team calls', metricId: 'calls', target: 40, ...month }),
    goal({ id: 'team-calls-q1', parentId: 'team-calls', metricId: 'calls', target: 20, ...month }),
    goal({ id: 'team-calls-deep', parentId: 'team-calls-q1', metricId: 'calls', target: 10, ...month }),
    goal({ id: 'n1', metricId: 'calls', target: 5, ...month }),
    goal({ id: 'mine', metricId: 'calls', target: 5, ...month }),
  ]);
  const at = Date.parse('2026-12-05T09:00:00Z');
  await ingestObservations(db, [
    { id: 'an-1', metricId: 'calls', time: at, value: 9, dims: {}, source: 'manual' },
    {
      id: 'obs:calls:mai:2026-12-05',
      metricId: 'calls',
      time: at,
      value: 12,
      dims: { owner: 'mai' },
      source: 'import',
    },
  ]);
  let former: unknown = [LEFT, NORTH];
  const team = createTeamSync({
    db: async () => db,
    load: async () => null,
    save: async () => undefined,
    loadFormer: async () => former,
    saveFormer: async (f) => {
      former = structuredClone(f);
    },
    openMirror: () => {
      throw new Error('no mirror here');
    },
    openRemote: () => {
      throw new Error('no server here');
    },
    now: () => NOW,
  });
  return { db, team, former: () => former };
}

describe('count only my values (background)', () => {
  it('takes the goal and its whole cascade out of the record, keeps the rest, and gives back what it took', async () => {
    const { team, former } = await setUp();
    const removed = await team.formerPersonal('team-calls');
    expect(removed).toEqual([LEFT]);
    expect(former()).toEqual([NORTH]);
    expect(await team.formerRestore(removed)).toBeNull();
    expect(former()).toEqual([LEFT, NORTH]);
  });

  it('refuses a sub-goal (it counts as its top goal does), naming that goal; the record stays', async () => {
    const { team, former } = await setUp();
    await expect(team.formerPersonal('team-calls-deep')).rejects.toThrow(
      'This goal counts as its top goal “Team calls” does: turn that one into a personal goal.',
    );
    await expect(team.formerPersonal('team-calls-q1')).rejects.toThrow(/“Team calls”/);
    expect(former()).toEqual([LEFT, NORTH]);
  });

  it('refuses a goal of no team left, and one that is not there', async () => {
    const { team, former } = await setUp();
    for (const id of ['mine', 'gone']) {
      await expect(team.formerPersonal(id)).rejects.toThrow('This goal is not a goal of a team you left.');
    }
    expect(former()).toEqual([LEFT, NORTH]);
  });
});

describe('what the question says the card will read', () => {
  it('everyone’s 21 now, your own 9 after; a personal goal reads the same either way', async () => {
    const { db } = await setUp();
    const input = { ...(await loadDashboardInput(db)), sharedGoalIds: [...LEFT.goalIds, ...NORTH.goalIds] };
    const settings = { ...defaultSettings({ locale: 'en' }), timeZone: 'UTC' };
    expect(ownReading(input, settings, NOW, 'team-calls')).toEqual({ everyone: '21', own: '9' });
    expect(ownReading(input, settings, NOW, 'mine')).toEqual({ everyone: '9', own: '9' });
    expect(ownReading(input, settings, NOW, 'gone')).toBeNull();
  });
});
