import { normalizeServerUrl, normalizeTeamName, openSession, sessionFetch, TeamError } from './session';
import { designDoc, securityObject } from './validate';

/**
 * "Set up a team database" (Options › Team, for a server admin): the same three steps docs/team.md
 * lists as curl commands — the database, its `_security` members, `_design/pacer` with the rules —
 * run with a cookie session for the admin. Safe to run again: an existing database is kept and its
 * members and rules are brought up to date (the design document's current revision is replaced).
 * The admin is signed out at the end, so no admin cookie is left in the browser.
 */

export interface SetupInput {
  serverUrl: string;
  team: string;
  name: string;
  password: string;
}

export interface SetupResult {
  team: string;
  /** True when this run created the database; false when it existed and was updated. */
  created: boolean;
}

export const NOT_ADMIN =
  'This account is not a server admin; only a server admin can set up a team database.';

export async function setUpTeamDatabase(
  input: SetupInput,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<SetupResult> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  const team = normalizeTeamName(input.team);
  const session = await openSession(serverUrl, input.name.trim(), input.password, fetchImpl);
  const send = sessionFetch(serverUrl, session, fetchImpl);
  try {
    // Checked before any write: a member's attempt changes nothing and gets the plain answer.
    if (!session.roles.includes('_admin')) throw new TeamError('forbidden', NOT_ADMIN);
    const db = `${serverUrl}/${team}`;
    const call = async (url: string, method: string, body?: unknown) => {
      let res: Response;
      try {
        res = await send(url, {
          method,
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        if (error instanceof TeamError) throw error;
        throw new TeamError(
          'offline',
          `Could not reach ${serverUrl}. Check the address and your connection.`,
        );
      }
      const json = (await res.json().catch(() => null)) as { reason?: unknown; _rev?: unknown } | null;
      if (res.status === 401 || res.status === 403) throw new TeamError('forbidden', NOT_ADMIN);
      return { status: res.status, json };
    };
    const failed = (step: string, r: { status: number; json: { reason?: unknown } | null }) =>
      new TeamError(
        'server',
        `The server answered ${r.status} to ${step}${typeof r.json?.reason === 'string' ? `: ${r.json.reason}` : '.'}`,
      );

    const made = await call(db, 'PUT');
    // 412 file_exists: the database is there already, which is fine; its members and rules are updated.
    if (made.status !== 201 && made.status !== 202 && made.status !== 412)
      throw failed(`creating the database "${team}"`, made);
    const security = await call(`${db}/_security`, 'PUT', securityObject(team));
    if (security.status !== 200) throw failed('setting the team’s members (_security)', security);
    const id = '_design/pacer';
    const current = await call(`${db}/${id}`, 'GET');
    const rev = current.status === 200 && typeof current.json?._rev === 'string' ? current.json._rev : null;
    const rules = await call(`${db}/${id}`, 'PUT', { ...designDoc(team), ...(rev ? { _rev: rev } : {}) });
    if (rules.status !== 201 && rules.status !== 202) throw failed('saving the rules (_design/pacer)', rules);
    return { team, created: made.status !== 412 };
  } finally {
    await send(`${serverUrl}/_session`, { method: 'DELETE' }).catch(() => null);
  }
}
