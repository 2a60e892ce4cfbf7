// @vitest-environment node
// Node's own fetch: happy-dom's would apply browser CORS rules to a plain HTTP client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamIds } from '../../../lib/team/docs';
import { TeamError } from '../../../lib/team/session';
import { NOT_ADMIN, setUpTeamDatabase } from '../../../lib/team/setup';
import { designDoc, REFUSALS, securityObject } from '../../../lib/team/validate';
import { startTeamServer } from '../../../scripts/team-server.mjs';

type Server = Awaited<ReturnType<typeof startTeamServer>>;
let server: Server;

const basic = (u: { name: string; password: string }) =>
  `Basic ${Buffer.from(`${u.name}:${u.password}`).toString('base64')}`;
const user = (name: string) => {
  const u = server.users.find((x) => x.name === name);
  if (!u) throw new Error(name);
  return u;
};
async function asAdmin(path: string, method = 'GET') {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: basic(server.admin) },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function put(u: { name: string; password: string }, id: string, body: object) {
  const res = await fetch(`${server.url}/sales/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: basic(u) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { reason?: string } };
}

beforeAll(async () => {
  // The users (and their sales roles) come from the test server; the database itself is removed so
  // the setup under test is what creates it.
  server = await startTeamServer({
    team: 'sales',
    security: securityObject('sales'),
    designDoc: designDoc('sales'),
  });
  expect((await asAdmin('/sales', 'DELETE')).status).toBe(200);
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

const input = (over: Partial<{ name: string; password: string; team: string; serverUrl: string }> = {}) => ({
  serverUrl: server.url,
  team: 'sales',
  name: server.admin.name,
  password: server.admin.password,
  ...over,
});

describe('setting up a team database as a server admin', () => {
  it('refuses a member plainly and creates nothing', async () => {
    const an = user('an');
    const attempt = setUpTeamDatabase(input({ name: an.name, password: an.password }));
    await expect(attempt).rejects.toThrow(NOT_ADMIN);
    await expect(attempt).rejects.toBeInstanceOf(TeamError);
    expect((await asAdmin('/sales')).status).toBe(404);
  });

  it('refuses a bad team name and a wrong password with what to do', async () => {
    await expect(setUpTeamDatabase(input({ team: 'Sales Team' }))).rejects.toThrow(
      /not a team database name/,
    );
    await expect(setUpTeamDatabase(input({ password: 'nope' }))).rejects.toThrow(/did not accept/);
  });

  it('says the server is unreachable when it is', async () => {
    const down = setUpTeamDatabase(input(), () => Promise.reject(new TypeError('fetch failed')));
    await expect(down).rejects.toThrow(/Could not reach/);
  });

  it('creates the database, its members and its rules', async () => {
    expect(await setUpTeamDatabase(input())).toEqual({ team: 'sales', created: true });
    const security = await asAdmin('/sales/_security');
    expect(security.body).toEqual(securityObject('sales'));
    const rules = await asAdmin('/sales/_design/pacer');
    expect(rules.body.validate_doc_update).toBe(designDoc('sales').validate_doc_update);
  });

  it('installs rules the server enforces: a member writes an observation, not a goal', async () => {
    const an = user('an');
    const day = '2026-12-06';
    const own = await put(an, teamIds.observation('m1', 'an', day), {
      type: 'observation',
      member: 'an',
      day,
      value: 2,
    });
    expect(own.status).toBe(201);
    const goal = await put(an, teamIds.goal('g1'), { type: 'goal' });
    expect(goal.status).toBe(403);
    expect(goal.body.reason).toBe(REFUSALS.managerOnly);
  });

  it('runs again on an existing database: keeps its data, updates the rules', async () => {
    const before = (await asAdmin('/sales/_design/pacer')).body._rev as string;
    expect(await setUpTeamDatabase(input())).toEqual({ team: 'sales', created: false });
    const after = await asAdmin('/sales/_design/pacer');
    expect(after.body._rev).not.toBe(before);
    expect((await asAdmin('/sales')).body.doc_count).toBe(2);
  });
});
