import * as z from 'zod/mini';
import { TEAM_DB_PATTERN } from './validate';

/**
 * Signing in to the team server: `POST /_session` gives a cookie session (CouchDB's AuthSession).
 * The password goes into that one request and nowhere else. In the extension the browser keeps the
 * cookie (`credentials: 'include'`); in Node there is no cookie jar, so the cookie is returned for the
 * caller to hold in memory (tests) — an extension never sees it, `Set-Cookie` is not readable there.
 */

export type TeamErrorKind = 'offline' | 'credentials' | 'forbidden' | 'server' | 'not_found';

export class TeamError extends Error {
  constructor(
    readonly kind: TeamErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'TeamError';
  }
}

const SessionReply = z.object({ ok: z.literal(true), name: z.string(), roles: z.array(z.string()) });

export interface TeamSession {
  name: string;
  roles: string[];
  /** Node only: the `AuthSession=…` pair to send back. Undefined in a browser. */
  cookie?: string;
}

/** A team's database name as typed, trimmed; refuses what CouchDB and the roles' names cannot hold. */
export function normalizeTeamName(raw: string): string {
  const team = raw.trim();
  if (!TEAM_DB_PATTERN.test(team)) {
    throw new TeamError(
      'not_found',
      `"${team}" is not a team database name: lower-case letters, digits, _ and -, starting with a letter.`,
    );
  }
  return team;
}

/** `https://couch.example.com/` → `https://couch.example.com`; refuses anything but http(s). */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new TeamError('not_found', `"${raw}" is not a web address; use one like https://couch.example.com`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TeamError('not_found', `The team server must be an http or https address, not ${url.protocol}`);
  }
  // Plain http only to this computer: a session cookie and the team's numbers are not sent in clear text.
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new TeamError(
      'not_found',
      `Use https:// for ${url.host}; plain http is only for a server on this computer.`,
    );
  }
  if (url.username || url.password) {
    throw new TeamError('not_found', 'Leave the user name and password out of the address; type them below.');
  }
  return url.href.replace(/\/+$/, '');
}

export async function openSession(
  serverUrl: string,
  name: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<TeamSession> {
  let res: Response;
  try {
    res = await fetchImpl(`${serverUrl}/_session`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    throw new TeamError('offline', `Could not reach ${serverUrl}. Check the address and your connection.`);
  }
  if (res.status === 401)
    throw new TeamError('credentials', 'The server did not accept this user name and password.');
  if (!res.ok) throw new TeamError('server', `The server answered ${res.status} to the sign-in.`);
  const parsed = SessionReply.safeParse(await res.json().catch(() => null));
  if (!parsed.success)
    throw new TeamError('server', 'The server’s answer to the sign-in is not a CouchDB session.');
  const cookie = res.headers.get('set-cookie')?.match(/AuthSession=[^;]*/)?.[0];
  return { name: parsed.data.name, roles: parsed.data.roles, ...(cookie ? { cookie } : {}) };
}

/** fetch for PouchDB's http adapter: the session cookie, and never a request to another origin. */
export function sessionFetch(
  serverUrl: string,
  session: TeamSession,
  fetchImpl: typeof fetch = fetch,
): typeof fetch {
  const origin = new URL(serverUrl).origin;
  return (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).origin !== origin) {
      return Promise.reject(
        new TeamError('forbidden', `Refused a request to ${new URL(url).origin}: not the team server.`),
      );
    }
    const headers = new Headers(init.headers);
    if (session.cookie) headers.set('cookie', session.cookie);
    return fetchImpl(url, { ...init, headers, credentials: 'include' });
  };
}
