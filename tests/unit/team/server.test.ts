// @vitest-environment node
// Node's own fetch: happy-dom's would apply browser CORS rules to a plain HTTP client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamIds } from '../../../lib/team/docs';
import { designDoc, REFUSALS, securityObject } from '../../../lib/team/validate';
import { startTeamServer } from '../../../scripts/team-server.mjs';

type Server = Awaited<ReturnType<typeof startTeamServer>>;
let server: Server;

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

async function put(user: { name: string; password: string } | null, id: string, body: object) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user)
    headers.authorization = `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}`;
  const res = await fetch(`${server.url}/sales/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { reason?: string } };
}
const user = (name: string) => {
  const u = server.users.find((x) => x.name === name);
  if (!u) throw new Error(name);
  return u;
};

describe('pouchdb-server enforces the team rules', () => {
  it("refuses a member's write to a manager goal with 403 and the message", async () => {
    const r = await put(user('an'), teamIds.goal('g1'), { type: 'goal' });
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe(REFUSALS.managerOnly);
  });

  it("accepts the member's own observation and refuses another member's", async () => {
    const day = '2026-12-06';
    const own = await put(user('an'), teamIds.observation('m1', 'an', day), {
      type: 'observation',
      member: 'an',
      day,
      value: 3,
    });
    expect(own.status).toBe(201);
    const other = await put(user('an'), teamIds.observation('m1', 'bao', day), {
      type: 'observation',
      member: 'bao',
      day,
      value: 3,
    });
    expect(other.status).toBe(403);
    expect(other.body.reason).toBe(REFUSALS.otherMember);
  });

  it('lets the manager write a goal', async () => {
    expect((await put(user('mai'), teamIds.goal('g2'), { type: 'goal' })).status).toBe(201);
  });

  it('keeps the database closed to anonymous readers (no admin party, _security members)', async () => {
    const res = await fetch(`${server.url}/sales/_all_docs`);
    expect(res.status).toBe(401);
    const admin = await fetch(`${server.url}/_config`);
    expect(admin.status).toBe(401);
  });
});
