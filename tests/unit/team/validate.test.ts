import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REFUSALS, refusalFor, teamRoles, validateDocUpdateSource } from '../../../lib/team/validate';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: unknown, secObj: unknown) => void;
// The same source the server runs, evaluated as CouchDB does: an anonymous function expression in a
// fresh global scope, so it cannot lean on anything of this module.
const validate = runInNewContext(`(${validateDocUpdateSource('sales')})`) as Validate;
const roles = teamRoles('sales');

const users = {
  manager: { name: 'mai', roles: [roles.manager] },
  member: { name: 'an', roles: [roles.member] },
  outsider: { name: 'eve', roles: ['pacer.other.member'] },
  anonymous: { name: null, roles: [] },
  admin: { name: 'root', roles: ['_admin'] },
};

const docs = {
  goal: { _id: 'goal:g1', type: 'goal' },
  metric: { _id: 'metric:m1', type: 'metric' },
  ownObs: (who: string) => ({
    _id: `obs:m1:${who}:2026-12-06`,
    type: 'observation',
    member: who,
    day: '2026-12-06',
    value: 3,
  }),
  ownCheckIn: (who: string) => ({
    _id: `checkin:g1:${who}:2026-W49`,
    type: 'checkin',
    member: who,
    week: '2026-W49',
  }),
};

function outcome(doc: unknown, user: unknown): string {
  try {
    validate(doc, null, user, {});
    return 'allowed';
  } catch (e) {
    const err = e as Record<string, string>;
    return err.forbidden ?? `unauthorized: ${err.unauthorized}`;
  }
}

const table: [string, keyof typeof users, unknown, string][] = [
  ['manager writes a goal', 'manager', docs.goal, 'allowed'],
  ['manager writes a metric', 'manager', docs.metric, 'allowed'],
  ['manager deletes a goal', 'manager', { _id: 'goal:g1', _deleted: true }, 'allowed'],
  ['member writes a goal', 'member', docs.goal, REFUSALS.managerOnly],
  ['member writes a metric', 'member', docs.metric, REFUSALS.managerOnly],
  ['member deletes a goal', 'member', { _id: 'goal:g1', _deleted: true }, REFUSALS.managerOnly],
  ['member writes own observation', 'member', docs.ownObs('an'), 'allowed'],
  ['member writes own check-in', 'member', docs.ownCheckIn('an'), 'allowed'],
  ['member deletes own observation', 'member', { _id: 'obs:m1:an:2026-12-06', _deleted: true }, 'allowed'],
  ["member writes another's observation", 'member', docs.ownObs('bao'), REFUSALS.otherMember],
  ["member writes another's check-in", 'member', docs.ownCheckIn('bao'), REFUSALS.otherMember],
  [
    "member deletes another's observation",
    'member',
    { _id: 'obs:m1:bao:2026-12-06', _deleted: true },
    REFUSALS.otherMember,
  ],
  ["manager writes a member's observation", 'manager', docs.ownObs('an'), REFUSALS.otherMember],
  ["manager writes a member's check-in", 'manager', docs.ownCheckIn('an'), REFUSALS.otherMember],
  ['manager writes own observation', 'manager', docs.ownObs('mai'), 'allowed'],
  [
    'member claims another member in the body',
    'member',
    { ...docs.ownObs('an'), member: 'bao' },
    REFUSALS.badBody,
  ],
  [
    'member writes an observation with another day in the body',
    'member',
    { ...docs.ownObs('an'), day: '2026-12-07' },
    REFUSALS.badBody,
  ],
  ['member writes a non-number value', 'member', { ...docs.ownObs('an'), value: '3' }, REFUSALS.badBody],
  [
    'member writes a goal-typed body under an obs id',
    'member',
    { ...docs.ownObs('an'), type: 'goal' },
    REFUSALS.badBody,
  ],
  ['member writes an unknown id', 'member', { _id: 'note:1', type: 'note' }, REFUSALS.unknownId],
  [
    'member hides a name behind a %-escape',
    'member',
    { ...docs.ownObs('an'), _id: 'obs:m1:a%6E:2026-12-06' },
    REFUSALS.unknownId,
  ],
  ['user of another team writes own observation', 'outsider', docs.ownObs('eve'), REFUSALS.notMember],
  ['anonymous writes a goal', 'anonymous', docs.goal, `unauthorized: ${REFUSALS.signIn}`],
  ['server admin writes anything', 'admin', { _id: 'whatever' }, 'allowed'],
];

describe('validate_doc_update', () => {
  it.each(table)('%s', (_label, user, doc, expected) => {
    expect(outcome(doc, users[user])).toBe(expected);
  });
});

describe('refusalFor (the client-side check before staging)', () => {
  // Bodies are the server's business; on ids and roles the two must agree case for case.
  const idCases = table.filter(([label]) => !/body|non-number|goal-typed/.test(label));
  it.each(idCases)('agrees with the server: %s', (_label, user, doc, expected) => {
    const u = users[user];
    const id = (doc as { _id: string })._id;
    const got =
      u.name === null
        ? `unauthorized: ${REFUSALS.signIn}`
        : (refusalFor(id, { name: u.name, roles: u.roles }, 'sales') ?? 'allowed');
    expect(got).toBe(expected);
  });
});
