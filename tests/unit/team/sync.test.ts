// @vitest-environment node
// Node's own fetch and PouchDB's Node build: happy-dom's fetch would apply browser CORS rules.

import Http from 'pouchdb-adapter-http';
import Memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import Replication from 'pouchdb-replication';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal } from '../../../lib/schema/goal';
import { goalToDoc, observationsToDocs, teamIds } from '../../../lib/team/docs';
import { openSession, sessionFetch, TeamError } from '../../../lib/team/session';
import { stageLocal, syncOnce } from '../../../lib/team/sync';
import { designDoc, REFUSALS, securityObject } from '../../../lib/team/validate';
import { startTeamServer } from '../../../scripts/team-server.mjs';

const Pouch = PouchDB.plugin(Http).plugin(Replication).plugin(Memory);
let server: Awaited<ReturnType<typeof startTeamServer>>;
let n = 0;

beforeAll(async () => {
  server = await startTeamServer({
    team: 'sales',
    security: securityObject('sales'),
    designDoc: designDoc('sales'),
  });
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

async function connect(name: string) {
  const password = server.users.find((u) => u.name === name)?.password ?? '';
  const session = await openSession(server.url, name, password);
  const remote = new Pouch(`${server.url}/sales`, {
    adapter: 'http',
    skip_setup: true,
    fetch: sessionFetch(server.url, session),
  });
  const mirror = new Pouch(`mirror-${name}-${n++}`, { adapter: 'memory' });
  return { session, remote, mirror };
}

const goal: Goal = {
  id: 'g1',
  kind: 'kpi_target',
  title: 'Leads this quarter',
  frameworks: ['smart'],
  metricId: 'm1',
  target: 300,
  weight: 1,
  archived: false,
  deletedAt: null,
  createdAt: 1,
  updatedAt: 1,
};
const observations = [
  {
    id: 'o1',
    metricId: 'm1',
    time: Date.parse('2026-12-06T09:00:00Z'),
    value: 4,
    dims: {},
    source: 'manual' as const,
  },
];

describe('team sync against pouchdb-server', () => {
  it('signs in with a cookie session and refuses a wrong password with a clear error', async () => {
    const { session } = await connect('an');
    expect(session).toMatchObject({ name: 'an', roles: ['pacer.sales.member'] });
    expect(session.cookie).toMatch(/^AuthSession=/);
    await expect(openSession(server.url, 'an', 'wrong')).rejects.toMatchObject({ kind: 'credentials' });
  });

  it("pushes the manager's goal and the member's observation; the member pulls the goal parsed", async () => {
    const mai = await connect('mai');
    await stageLocal(mai.mirror, [goalToDoc(goal, 10)], { team: 'sales', user: mai.session });
    const up = await syncOnce(mai.mirror, mai.remote);
    expect(up.refused).toEqual([]);
    expect(up.pushed).toBe(1);

    const an = await connect('an');
    await stageLocal(
      an.mirror,
      observationsToDocs({ id: 'm1', aggregation: 'sum' }, 'an', observations, 10),
      {
        team: 'sales',
        user: an.session,
      },
    );
    const r = await syncOnce(an.mirror, an.remote);
    expect(r.refused).toEqual([]);
    expect(r.pushed).toBe(1);
    // The member's own document is already in the mirror at the server's revision: not pulled again.
    expect(r.pulled.map((d) => d._id)).toEqual([teamIds.goal('g1')]);
    expect(r.pulled.find((d) => d.type === 'goal')).toMatchObject({
      goal: { title: 'Leads this quarter', target: 300 },
    });

    const again = await syncOnce(mai.mirror, mai.remote);
    expect(again.pulled.map((d) => d._id)).toEqual([teamIds.observation('m1', 'an', '2026-12-06')]);
    // Checkpointed: nothing new, nothing moves.
    const idle = await syncOnce(mai.mirror, mai.remote);
    expect(idle).toMatchObject({ pushed: 0, pulled: [] });
  });

  it("reports the server's refusal of a member's goal edit with its message, never silently", async () => {
    const an = await connect('an');
    const edit = goalToDoc({ ...goal, target: 1 }, 20);
    // Pacer holds it back before it is queued…
    expect(await stageLocal(an.mirror, [edit], { team: 'sales', user: an.session })).toEqual({
      staged: 0,
      held: [{ id: teamIds.goal('g1'), reason: REFUSALS.managerOnly }],
    });
    // …and if it is queued anyway (the role changed on the server meanwhile), the server refuses it.
    await an.mirror.bulkDocs([edit]);
    const r = await syncOnce(an.mirror, an.remote);
    expect(r.refused).toEqual([{ id: teamIds.goal('g1'), reason: REFUSALS.managerOnly }]);
  });

  it('hands a malformed server document over for quarantine with the reason', async () => {
    // Server admins bypass validate_doc_update, so a bad document can exist on a real server too.
    const auth = `Basic ${Buffer.from(`${server.admin.name}:${server.admin.password}`).toString('base64')}`;
    const bad = {
      type: 'observation',
      metricId: 'm1',
      member: 'bao',
      day: '2026-12-06',
      value: 'lots',
      time: 1,
      dims: {},
      updatedAt: 1,
    };
    const res = await fetch(`${server.url}/sales/${teamIds.observation('m1', 'bao', '2026-12-06')}`, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(bad),
    });
    expect(res.status).toBe(201);
    const an = await connect('an');
    const r = await syncOnce(an.mirror, an.remote);
    expect(r.pulled.some((d) => d._id.includes('bao'))).toBe(false);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.problems.join(' ')).toMatch(/^value: /);
  });

  it('resumes a pull cut short from its checkpoint: nothing lost, nothing read twice', async () => {
    const mai = await connect('mai');
    const days = Array.from({ length: 12 }, (_, i) => ({
      id: `p${i}`,
      metricId: 'm2',
      time: Date.parse('2026-11-01T09:00:00Z') + i * 86_400_000,
      value: i,
      dims: {},
      source: 'manual' as const,
    }));
    const docs = observationsToDocs({ id: 'm2', aggregation: 'sum' }, 'mai', days, 30);
    await stageLocal(mai.mirror, docs, { team: 'sales', user: mai.session });
    expect((await syncOnce(mai.mirror, mai.remote)).refused).toEqual([]);

    const bao = await connect('bao');
    const first = await syncOnce(bao.mirror, bao.remote, { batchSize: 4, maxBatches: 1 });
    expect(first.complete).toBe(false);
    const second = await syncOnce(bao.mirror, bao.remote, { batchSize: 4 });
    expect(second.complete).toBe(true);
    const ids = (r: Awaited<ReturnType<typeof syncOnce>>) => [
      ...r.pulled.map((d) => d._id),
      ...r.rejected.map((d) => d.id),
    ];
    expect(ids(first).length).toBeGreaterThan(0);
    const all = [...ids(first), ...ids(second)];
    expect(new Set(all).size).toBe(all.length); // nothing read twice
    for (const d of docs) expect(all).toContain(d._id); // nothing lost
  });

  it('turns an unreachable server into an offline error, not a crash', async () => {
    const an = await connect('an');
    const dead = new Pouch('http://127.0.0.1:9/sales', {
      adapter: 'http',
      skip_setup: true,
      fetch: sessionFetch('http://127.0.0.1:9', an.session),
    });
    await expect(syncOnce(an.mirror, dead)).rejects.toMatchObject({ kind: 'offline' });
    await expect(syncOnce(an.mirror, dead)).rejects.toBeInstanceOf(TeamError);
  });
});
