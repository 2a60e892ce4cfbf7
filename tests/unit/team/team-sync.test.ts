// @vitest-environment node
// The background's team sync end to end in Node: two browsers' Pacer databases (fake-indexeddb), their
// PouchDB mirrors (memory adapter) and a real pouchdb-server with the team's rules.

import Http from 'pouchdb-adapter-http';
import Memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { evaluateDashboard, loadDashboardInput } from '../../../lib/app/dashboard-data';
import { createTeamSync } from '../../../lib/background/team-sync';
import type { Goal } from '../../../lib/schema/goal';
import { defaultSettings } from '../../../lib/schema/settings';
import { STORES } from '../../../lib/storage/db';
import { ingestObservations, readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { teamIds } from '../../../lib/team/docs';
import { FORMER_TEAMS_KEY, type FormerTeam, parseFormerTeams } from '../../../lib/team/former-teams';
import { sessionFetch, type TeamSession } from '../../../lib/team/session';
import { parseTeamState, TEAM_KEY, type TeamState } from '../../../lib/team/state';
import { REFUSALS } from '../../../lib/team/validate';
import { startTeamServer } from '../../../scripts/team-server.mjs';
import { freshDb, metric } from '../storage/helpers';

const Pouch = PouchDB.plugin(Http).plugin(Replication).plugin(Memory);
let server: Awaited<ReturnType<typeof startTeamServer>>;
let n = 0;

beforeAll(async () => {
  server = await startTeamServer({ team: 'sales' });
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

const NOW = Date.parse('2026-12-06T12:00:00Z');

/** A browser: its own cookie jar (Node has none), Pacer database, mirror and stored TeamState. */
async function browser(options: { offline?: (url: string) => boolean; batchSize?: number } = {}) {
  const { db } = await freshDb();
  let cookie = '';
  const jarFetch: typeof fetch = async (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (options.offline?.(url)) throw new TypeError('fetch failed');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie')?.match(/AuthSession=[^;]*/)?.[0];
    if (set) cookie = set;
    return res;
  };
  let stored: unknown = null;
  let former: unknown = null;
  const mirrors = new Map<string, ReturnType<typeof Pouch.prototype.constructor>>();
  const team = createTeamSync({
    db: async () => db,
    load: async () => stored,
    save: async (s: TeamState | null) => {
      stored = s === null ? null : structuredClone(s);
    },
    loadFormer: async () => former,
    saveFormer: async (f: FormerTeam[]) => {
      former = structuredClone(f);
    },
    openMirror: (t, m) => {
      const key = `${t}/${m}`;
      if (!mirrors.has(key)) mirrors.set(key, new Pouch(`mirror-${n++}`, { adapter: 'memory' }));
      return mirrors.get(key);
    },
    openRemote: (url, t, session: TeamSession) =>
      new Pouch(`${url}/${t}`, {
        adapter: 'http',
        skip_setup: true,
        fetch: sessionFetch(url, session, jarFetch),
      }),
    fetch: jarFetch,
    now: () => NOW,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  const state = () => parseTeamState(stored) as TeamState;
  /** This browser's storage.local, as the extension's readers see it (one fake storage for all). */
  const storage = { [TEAM_KEY]: () => stored, [FORMER_TEAMS_KEY]: () => former };
  return { db, team, state, former: () => parseFormerTeams(former), storage };
}

const join = (b: Awaited<ReturnType<typeof browser>>, name: string) =>
  b.team.join({
    serverUrl: `${server.url}/`,
    team: 'sales',
    name,
    password: server.users.find((u) => u.name === name)?.password ?? '',
  });

const goal: Goal = {
  id: 'g-leads',
  kind: 'kpi_target',
  goalType: 'total',
  title: 'Leads in December',
  frameworks: ['smart'],
  metricId: 'm-leads',
  target: 100,
  startAt: Date.parse('2026-12-01T00:00:00Z'),
  deadline: Date.parse('2026-12-31T23:59:59Z'),
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 1,
  updatedAt: 1,
};
const leads = metric({ id: 'm-leads', name: 'Leads', unit: { kind: 'count' }, dimensions: ['owner'] });
const obs = (id: string, day: number, value: number) => ({
  id,
  metricId: 'm-leads',
  time: Date.parse(`2026-12-0${day}T09:00:00Z`),
  value,
  dims: {},
  source: 'manual' as const,
});

describe('team sync in the background', () => {
  const settings = { ...defaultSettings({ locale: 'en' }), timeZone: 'UTC' };
  let mai: Awaited<ReturnType<typeof browser>>;
  let an: Awaited<ReturnType<typeof browser>>;
  // The goals the manager shares count everyone's values (lib/team/whose-values.ts); this harness keeps
  // each browser's team records in memory and lays them in the (one) fake storage.local to read them.
  const teamValue = async (b: Awaited<ReturnType<typeof browser>>) => {
    await fakeBrowser.storage.local.clear();
    for (const [key, value] of Object.entries(b.storage)) {
      if (value() !== null) await fakeBrowser.storage.local.set({ [key]: value() });
    }
    return evaluateDashboard(await loadDashboardInput(b.db), settings, NOW).perGoal.get('g-leads')?.current;
  };

  it('a manager shares a goal; a member receives it, logs, and the manager’s roll-up adds both', async () => {
    mai = await browser();
    await repository(mai.db, 'metrics').put(leads);
    await repository(mai.db, 'goals').put(goal);
    await repository(mai.db, 'goals').put({
      ...goal,
      id: 'g-personal',
      title: 'Personal',
      metricId: undefined,
    });
    await ingestObservations(mai.db, [obs('a', 1, 10), obs('b', 2, 5)]);
    expect((await join(mai, 'mai'))?.error).toBeUndefined();
    await mai.team.share('g-leads', true);
    const shared = await mai.team.sync();
    expect(shared).toMatchObject({ lastPushed: 4, refused: [] }); // goal, metric, two days
    expect(shared?.error).toBeUndefined();

    an = await browser();
    const joined = await join(an, 'an');
    expect(joined).toMatchObject({ user: 'an', goalIds: ['g-leads'], lastPulled: 4 });
    // The team goal and metric are in an's Pacer, the personal goal is not.
    expect((await repository(an.db, 'goals').list()).map((g) => g.title)).toEqual(['Leads in December']);
    expect(await repository(an.db, 'metrics').get('m-leads')).toMatchObject({ name: 'Leads' });
    const pulled = await readAllObservations(an.db, 'm-leads');
    expect(pulled.map((o) => [o.value, o.dims.owner])).toEqual([
      [10, 'mai'],
      [5, 'mai'],
    ]);

    await ingestObservations(an.db, [obs('c', 3, 7)]);
    expect(await an.team.sync()).toMatchObject({ lastPushed: 1, lastPulled: 0 });
    expect(await mai.team.sync()).toMatchObject({ lastPulled: 1 });

    // The engine reads the rolled-up series as it reads a personal one, with everyone's values: 10 + 5 + 7.
    expect(await teamValue(mai)).toBe(22);
    // Nothing counted twice on either side after another round.
    await an.team.sync();
    await mai.team.sync();
    expect((await readAllObservations(mai.db, 'm-leads')).map((o) => o.value).sort()).toEqual(
      [10, 5, 7].sort(),
    );
  }, 30_000);

  it("refuses a member's edit of the manager's goal with the server's reason and puts the team's version back", async () => {
    await repository(an.db, 'goals').put({
      ...(await repository(an.db, 'goals').get('g-leads'))!,
      target: 5,
    });
    const s = await an.team.sync();
    expect(s?.refused[0]).toMatchObject({
      id: teamIds.goal('g-leads'),
      title: 'Leads in December',
      reason: REFUSALS.managerOnly,
    });
    expect((await repository(an.db, 'goals').get('g-leads'))?.target).toBe(100);
    // The server still has the manager's target.
    await mai.team.sync();
    expect((await repository(mai.db, 'goals').get('g-leads'))?.target).toBe(100);
  });

  it('quarantines a damaged document from the server with the reason', async () => {
    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const id = teamIds.observation('m-leads', 'bao', '2026-12-04');
    const res = await fetch(`${server.url}/sales/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'observation',
        metricId: 'm-leads',
        member: 'bao',
        day: '2026-12-04',
        value: 'lots',
        time: 1,
        dims: {},
        updatedAt: 1,
      }),
    });
    expect(res.status).toBe(201);
    expect(await mai.team.sync()).toMatchObject({ quarantined: 1 });
    const q = await mai.db.getAll(STORES.quarantine);
    expect(q.find((e) => e.key === id)?.problems.join(' ')).toMatch(/^value: /);
    expect((await readAllObservations(mai.db, 'm-leads')).some((o) => o.id === id)).toBe(false);
  });

  it('offline: records since when, keeps what was logged, and sends it once the server is back', async () => {
    let down = false;
    const bao = await browser({ offline: () => down });
    await join(bao, 'bao');
    down = true;
    await ingestObservations(bao.db, [obs('d', 5, 3)]);
    const off = await bao.team.sync();
    expect(off).toMatchObject({ offlineSince: NOW, error: { kind: 'offline' } });
    down = false;
    const back = await bao.team.sync();
    expect(back?.offlineSince).toBeUndefined();
    expect(back?.error).toBeUndefined();
    expect(back?.lastPushed).toBe(1);
    await mai.team.sync();
    expect(await teamValue(mai)).toBe(25);
  });

  it('a sync cut off mid-pull resumes from its checkpoint: every document applied once, none lost', async () => {
    const days = Array.from({ length: 30 }, (_, k) => ({
      id: `many-${k}`,
      metricId: 'm-leads',
      time: Date.parse('2026-10-01T09:00:00Z') + k * 86_400_000,
      value: k + 1,
      dims: {},
      source: 'manual' as const,
    }));
    await ingestObservations(an.db, days);
    expect(await an.team.sync()).toMatchObject({ lastPushed: 30 });

    // The manager's second machine: the server goes away after its third batch of four.
    let changesRequests = 0;
    let down = false;
    const laptop = await browser({
      batchSize: 4,
      offline: (url) => {
        if (url.includes('/_bulk_get') || url.includes('/_all_docs')) changesRequests += 1;
        if (changesRequests > 3) down = true;
        return down;
      },
    });
    const cut = await join(laptop, 'mai');
    expect(cut?.error?.kind).toBe('offline');
    const ofAn = async () =>
      (await readAllObservations(laptop.db, 'm-leads')).filter((o) => o.dims.owner === 'an');
    const partial = (await ofAn()).length;
    expect(partial).toBeGreaterThan(0);

    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const res = await fetch(
      `${server.url}/sales/_all_docs?include_docs=true&startkey=${encodeURIComponent('"obs:m-leads:an:"')}&endkey=${encodeURIComponent('"obs:m-leads:an:\ufff0"')}`,
      { headers: { authorization: auth } },
    );
    const onServer = ((await res.json()) as { rows: { id: string; doc: { value: number } }[] }).rows;
    expect(onServer.length).toBe(31); // 2026-12-03 and the 30 days of October
    expect(partial).toBeLessThan(onServer.length);

    down = false;
    changesRequests = Number.NEGATIVE_INFINITY;
    expect((await laptop.team.sync())?.error).toBeUndefined();
    const all = await ofAn();
    expect(all.map((o) => o.id).sort()).toEqual(onServer.map((r) => r.id).sort());
    expect(all.reduce((a, o) => a + o.value, 0)).toBe(onServer.reduce((a, r) => a + r.doc.value, 0));
  });

  it('a goal changed on two machines keeps both versions until one is chosen, then settles everywhere', async () => {
    const desk = await browser();
    await join(desk, 'mai'); // the manager's second machine
    const goals = (db: typeof mai.db) => repository(db, 'goals');
    const base = (await goals(desk.db).get('g-leads'))!;
    await goals(mai.db).put({ ...base, target: 150 });
    await goals(desk.db).put({ ...base, target: 180 });
    await mai.team.sync();
    const atDesk = await desk.team.sync();
    expect(atDesk?.conflicts).toHaveLength(1);
    expect(atDesk?.conflicts?.[0]).toMatchObject({
      id: teamIds.goal('g-leads'),
      title: 'Leads in December',
      mine: { goal: { target: 180 } },
      theirs: { goal: { target: 150 } },
    });
    expect((await goals(desk.db).get('g-leads'))?.target).toBe(180); // mine stays until chosen
    const atMai = await mai.team.sync();
    expect(atMai?.conflicts?.[0]).toMatchObject({
      mine: { goal: { target: 150 } },
      theirs: { goal: { target: 180 } },
    });
    // Another sync neither settles it nor loses a side.
    expect((await desk.team.sync())?.conflicts).toHaveLength(1);

    const settled = await desk.team.resolve(teamIds.goal('g-leads'), 'theirs');
    expect(settled?.conflicts).toEqual([]);
    expect((await goals(desk.db).get('g-leads'))?.target).toBe(150);
    expect((await mai.team.sync())?.conflicts).toEqual([]);
    expect((await goals(mai.db).get('g-leads'))?.target).toBe(150);
    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const onServer = await (
      await fetch(`${server.url}/sales/${encodeURIComponent(teamIds.goal('g-leads'))}?conflicts=true`, {
        headers: { authorization: auth },
      })
    ).json();
    expect(onServer.goal.target).toBe(150);
    expect(onServer._conflicts).toBeUndefined();
  });

  it('refuses to join with a wrong password or a team the user is not in, saying what to do', async () => {
    const b = await browser();
    await expect(
      b.team.join({ serverUrl: server.url, team: 'sales', name: 'an', password: 'nope' }),
    ).rejects.toMatchObject({
      kind: 'credentials',
    });
    await expect(
      join(b, 'an').then(() =>
        b.team.join({ serverUrl: server.url, team: 'other', name: 'an', password: 'an-pass' }),
      ),
    ).rejects.toThrow(/not in team "other".*pacer\.other\.member/);
  });

  it('leaving keeps every goal and number', async () => {
    const before = await teamValue(an);
    await an.team.leave();
    expect(an.state()).toBeNull();
    expect((await repository(an.db, 'goals').list()).map((g) => g.id)).toEqual(['g-leads']);
    expect((await readAllObservations(an.db, 'm-leads')).length).toBeGreaterThan(0);
    // The team goal still counts the manager's values with an's: the figure it read before leaving.
    expect(an.former()).toEqual([
      { serverUrl: server.url, team: 'sales', user: 'an', leftAt: NOW, goalIds: ['g-leads'] },
    ]);
    expect(before).toBeGreaterThan(7); // an's own 7 and the manager's
    expect(await teamValue(an)).toBe(before);
  });

  it('the manager leaves: her team goal reads the team total still; rejoining makes it a team goal again', async () => {
    const before = await teamValue(mai);
    const own = evaluateDashboard(
      { ...(await loadDashboardInput(mai.db)), sharedGoalIds: [] },
      settings,
      NOW,
    ).perGoal.get('g-leads')?.current;
    expect(before).toBeGreaterThan(own ?? 0); // the team's total, not only hers
    await mai.team.leave();
    expect(mai.state()).toBeNull();
    expect(await teamValue(mai)).toBe(before);
    // Leaving twice (nothing joined) changes nothing.
    await mai.team.leave();
    expect(mai.former().map((f) => [f.team, f.user, f.goalIds])).toEqual([['sales', 'mai', ['g-leads']]]);

    const joined = await join(mai, 'mai');
    // Shared again at once (before the pull could bring it back), and no longer a team left.
    expect(joined?.goalIds).toEqual(['g-leads']);
    expect(mai.former()).toEqual([]);
    expect(await teamValue(mai)).toBe(before);
  }, 30_000);
});
