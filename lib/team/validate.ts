/**
 * What the team server enforces. The validation function runs inside CouchDB (SpiderMonkey; ES5 only,
 * no closures over this module), so it is kept as source text and uploaded in the design document;
 * tests/unit/team evaluates the same text in Node. Roles are per team (`_users` roles are server-wide),
 * so one server can hold several teams.
 */

export interface TeamRoles {
  manager: string;
  member: string;
}

/** Database names CouchDB accepts, kept to lower-case letters, digits, `_` and `-`. */
export const TEAM_DB_PATTERN = /^[a-z][a-z0-9_-]{0,99}$/;

export function teamRoles(team: string): TeamRoles {
  return { manager: `pacer.${team}.manager`, member: `pacer.${team}.member` };
}

/** Who may read and write at all: both roles; database admins are left to server admins. */
export function securityObject(team: string) {
  const r = teamRoles(team);
  return { admins: { names: [], roles: [] }, members: { names: [], roles: [r.manager, r.member] } };
}

/** The refusals, word for word: the client shows them and the tests compare them. */
export const REFUSALS = {
  signIn: 'Sign in to change team data.',
  notMember: 'Only members of this team can change its data.',
  unknownId: 'Pacer does not know this document id; team documents are goal:, metric:, obs: or checkin:.',
  managerOnly: 'Only a team manager can change team goals and metrics.',
  otherMember: "Nobody can change another member's numbers or check-ins.",
  badBody: 'The document does not match its id (type, member or period differ).',
} as const;

export function validateDocUpdateSource(team: string): string {
  const r = teamRoles(team);
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var MANAGER = ${JSON.stringify(r.manager)};
  var MEMBER = ${JSON.stringify(r.member)};
  var R = ${JSON.stringify(REFUSALS)};
  var roles = userCtx.roles || [];
  function has(role) { return roles.indexOf(role) !== -1; }
  if (has('_admin')) return;
  if (!userCtx.name) throw { unauthorized: R.signIn };
  var manager = has(MANAGER);
  if (!manager && !has(MEMBER)) throw { forbidden: R.notMember };
  var parts = String(newDoc._id).split(':');
  var kind = parts[0];
  var owner = null;
  if ((kind === 'goal' || kind === 'metric') && parts.length === 2 && parts[1]) {
    if (!manager) throw { forbidden: R.managerOnly };
  } else if ((kind === 'obs' || kind === 'checkin') && parts.length === 4 && parts[1] && parts[2] && parts[3]) {
    try { owner = decodeURIComponent(parts[2]); } catch (e) { throw { forbidden: R.unknownId }; }
    // One spelling per member, or "a%6E" and "an" would be two documents for the same numbers.
    if (encodeURIComponent(owner) !== parts[2]) throw { forbidden: R.unknownId };
    if (owner !== userCtx.name) throw { forbidden: R.otherMember };
  } else {
    throw { forbidden: R.unknownId };
  }
  if (newDoc._deleted) return;
  var type = { goal: 'goal', metric: 'metric', obs: 'observation', checkin: 'checkin' }[kind];
  if (newDoc.type !== type) throw { forbidden: R.badBody };
  if (owner !== null) {
    if (newDoc.member !== owner) throw { forbidden: R.badBody };
    if ((kind === 'obs' ? newDoc.day : newDoc.week) !== parts[3]) throw { forbidden: R.badBody };
    if (kind === 'obs' && (typeof newDoc.value !== 'number' || !isFinite(newDoc.value))) throw { forbidden: R.badBody };
  }
}`;
}

export function designDoc(team: string) {
  return { _id: '_design/pacer', validate_doc_update: validateDocUpdateSource(team) };
}

/**
 * The id half of the server's rule, checked before a document is staged for push, so Pacer never
 * queues what the server will refuse (a refused revision would stay in the local mirror). Returns the
 * refusal the server would give, or null. The server remains the authority: roles can change there.
 */
export function refusalFor(
  docId: string,
  user: { name: string; roles: readonly string[] },
  team: string,
): string | null {
  const r = teamRoles(team);
  if (user.roles.includes('_admin')) return null;
  const manager = user.roles.includes(r.manager);
  if (!manager && !user.roles.includes(r.member)) return REFUSALS.notMember;
  const parts = docId.split(':');
  const kind = parts[0];
  if ((kind === 'goal' || kind === 'metric') && parts.length === 2 && parts[1]) {
    return manager ? null : REFUSALS.managerOnly;
  }
  if ((kind === 'obs' || kind === 'checkin') && parts.length === 4 && parts[1] && parts[2] && parts[3]) {
    let owner: string;
    try {
      owner = decodeURIComponent(parts[2]);
    } catch {
      return REFUSALS.unknownId;
    }
    if (encodeURIComponent(owner) !== parts[2]) return REFUSALS.unknownId;
    return owner === user.name ? null : REFUSALS.otherMember;
  }
  return REFUSALS.unknownId;
}
