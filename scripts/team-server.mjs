// A CouchDB-protocol test server for team sync: `pouchdb-server` in memory on 127.0.0.1, an admin
// configured before anything else (no admin party), users with per-team roles, the team database, its
// `_security` members and the `_design/pacer` validation function. docs/team.md lists the same steps as
// curl commands for Apache CouchDB 3, which production uses.
//
//   node scripts/team-server.mjs [--port 5984] [--team sales]
//
// prints the URL and the test users, and runs until Ctrl-C. Tests import startTeamServer() instead.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

/** The users a test team gets unless told otherwise: one manager, two members. */
export const DEFAULT_USERS = [
  { name: 'mai', password: 'mai-pass', role: 'manager' },
  { name: 'an', password: 'an-pass', role: 'member' },
  { name: 'bao', password: 'bao-pass', role: 'member' },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function request(url, { method = 'GET', body, auth } = {}) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (auth)
    headers.authorization = `Basic ${Buffer.from(`${auth.name}:${auth.password}`).toString('base64')}`;
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * The set-up steps, against any CouchDB-protocol server whose admin is `admin`: users (skipped when
 * `users` is empty, as on a server whose users already exist), the database, `_security`, the design doc.
 */
export async function setUpTeam(url, admin, { team, users, security, designDoc }) {
  const roles = { manager: `pacer.${team}.manager`, member: `pacer.${team}.member` };
  for (const u of users) {
    await request(`${url}/_users/org.couchdb.user:${encodeURIComponent(u.name)}`, {
      method: 'PUT',
      auth: admin,
      body: {
        _id: `org.couchdb.user:${u.name}`,
        name: u.name,
        password: u.password,
        type: 'user',
        roles: [roles[u.role]],
      },
    });
  }
  await request(`${url}/${team}`, { method: 'PUT', auth: admin });
  await request(`${url}/${team}/_security`, { method: 'PUT', auth: admin, body: security });
  await request(`${url}/${team}/${designDoc._id}`, { method: 'PUT', auth: admin, body: designDoc });
}

function spawnServer(dir, port, inMemory) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      path.join(ROOT, 'scripts', 'team-server-patch.cjs'),
      BIN,
      ...(inMemory ? ['--in-memory'] : ['--dir', dir]),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--no-stdout-logs',
      '--config',
      path.join(dir, 'config.json'),
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, exited, stderr: () => stderr };
}

async function waitUntilUp(url, proc) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (proc.child.exitCode !== null) {
      throw new Error(`pouchdb-server exited (${proc.child.exitCode}): ${proc.stderr()}`);
    }
    try {
      await request(`${url}/`);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer on ${url}: ${proc.stderr()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Starts pouchdb-server on a free 127.0.0.1 port (or `port`), in memory unless `onDisk` (then its
 * databases live in a scratch folder, so `kill()` then `restart()` brings the same data back, as a
 * crashed CouchDB would), ends the admin party, and sets up `team`. Resolves to
 * { url, team, admin, users, stop, kill, restart }: stop() ends the server and removes its folder;
 * kill() ends it at once (SIGKILL, mid-request); restart() starts it again on the same port and folder.
 */
export async function startTeamServer({
  port,
  team = 'sales',
  users = DEFAULT_USERS,
  security,
  designDoc,
  onDisk = false,
} = {}) {
  const p = port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), 'pacer-team-server-'));
  let proc = spawnServer(dir, p, !onDisk);
  const halt = async (signal) => {
    if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill(signal);
    await proc.exited;
  };
  const stop = async () => {
    await halt('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${p}`;
  try {
    await waitUntilUp(url, proc);
    // The first admin ends the admin party; every later step authenticates as it.
    const admin = { name: 'admin', password: 'admin-pass' };
    await request(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: admin.password });
    // A fixed cookie secret, kept in config.json: sessions survive a restart, as on a CouchDB whose
    // [chttpd_auth] secret is set (without one, every start would sign everybody out).
    await request(`${url}/_config/couch_httpd_auth/secret`, {
      method: 'PUT',
      auth: admin,
      body: randomBytes(16).toString('hex'),
    });
    let pacer = { security, designDoc };
    if (!security || !designDoc) {
      const { tsImport } = await import('tsx/esm/api');
      const v = await tsImport('../lib/team/validate.ts', import.meta.url);
      pacer = { security: v.securityObject(team), designDoc: v.designDoc(team) };
    }
    await setUpTeam(url, admin, { team, users, ...pacer });
    return {
      url,
      team,
      admin,
      users,
      stop,
      kill: () => halt('SIGKILL'),
      restart: async () => {
        await halt('SIGKILL');
        proc = spawnServer(dir, p, !onDisk);
        await waitUntilUp(url, proc);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const server = await startTeamServer({
    port: arg('--port') ? Number(arg('--port')) : undefined,
    team: arg('--team') ?? 'sales',
  });
  console.log(
    `team server ready at ${server.url}, database "${server.team}", admin ${server.admin.name}/${server.admin.password}`,
  );
  for (const u of server.users) console.log(`  ${u.role.padEnd(7)} ${u.name} / ${u.password}`);
  const quit = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
