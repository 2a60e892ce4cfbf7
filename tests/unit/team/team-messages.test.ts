import { describe, expect, it } from 'vitest';
import {
  handleRuntimeMessage,
  type RuntimeContext,
  type TeamActions,
} from '../../../lib/background/handle-message';
import { createTabLimiter } from '../../../lib/background/tab-limits';

// Team actions reach the background only from Pacer's own pages, and only well-formed.
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF = { id: ID, origin: `chrome-extension://${ID}` };
const options = { id: ID, url: `${SELF.origin}/options.html`, origin: SELF.origin };
const crmTab = {
  id: ID,
  url: 'https://app.hubspot.com/contacts/1/record/0-3/9',
  origin: 'https://app.hubspot.com',
  tab: { id: 7 },
};

function setup() {
  const calls: unknown[] = [];
  const team: TeamActions = {
    join: async (input) => {
      calls.push(['join', input]);
      return null;
    },
    sync: async () => calls.push(['sync']),
    leave: async () => {
      calls.push(['leave']);
    },
    share: async (goalId, shared) => calls.push(['share', goalId, shared]),
    resolve: async (id, keep) => calls.push(['resolve', id, keep]),
    formerPersonal: async (goalId) => {
      calls.push(['formerPersonal', goalId]);
      return [{ ...LEFT, goalIds: [goalId] }];
    },
    formerRestore: async (removed) => {
      calls.push(['formerRestore', removed]);
      return null;
    },
    setup: async (input) => {
      calls.push(['setup', input]);
      return { team: input.team, created: true, signedOut: false };
    },
  };
  const ctx: RuntimeContext = {
    db: async () => {
      throw new Error('no database in this test');
    },
    self: SELF,
    enabledCrms: async () => ['hubspot'],
    limiter: createTabLimiter(),
    team,
  };
  return { ctx, calls };
}

const LEFT = {
  serverUrl: 'http://127.0.0.1:5984',
  team: 'sales',
  user: 'an',
  leftAt: Date.parse('2026-12-08T10:00:00Z'),
  goalIds: ['team-calls'],
};
const personal = { type: 'team/former-personal', goalId: 'team-calls' };
const restore = { type: 'team/former-restore', removed: [LEFT] };

const join = {
  type: 'team/join',
  serverUrl: 'https://couch.example.com',
  team: 'sales',
  name: 'an',
  password: 'pw',
};

describe('team messages', () => {
  it('the options page may join, sync, share and leave', async () => {
    const { ctx, calls } = setup();
    for (const m of [
      join,
      { type: 'team/sync' },
      { type: 'team/share', goalId: 'g1', shared: true },
      { type: 'team/leave' },
    ]) {
      expect(await handleRuntimeMessage(m, options, ctx)).toMatchObject({ ok: true });
    }
    expect(calls.map((c) => (c as unknown[])[0])).toEqual(['join', 'sync', 'share', 'leave']);
    expect(calls[0]).toEqual([
      'join',
      { serverUrl: 'https://couch.example.com', team: 'sales', name: 'an', password: 'pw' },
    ]);
  });

  it('the options page may set up a team database; the reply says what was done', async () => {
    const { ctx, calls } = setup();
    const reply = await handleRuntimeMessage({ ...join, type: 'team/setup', name: 'admin' }, options, ctx);
    expect(reply).toEqual({ ok: true, data: { team: 'sales', created: true, signedOut: false } });
    expect(calls).toEqual([
      ['setup', { serverUrl: 'https://couch.example.com', team: 'sales', name: 'admin', password: 'pw' }],
    ]);
  });

  it.each([join, { ...join, type: 'team/setup' }, { type: 'team/sync' }, { type: 'team/leave' }])(
    'a CRM tab may not send $type',
    async (m) => {
      const { ctx, calls } = setup();
      const reply = await handleRuntimeMessage(m, crmTab, ctx);
      expect(reply).toEqual({
        ok: false,
        error: `Message refused: ${m.type} is not accepted from a web page's tab.`,
      });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a malformed team message with the field named', async () => {
    const { ctx, calls } = setup();
    const reply = await handleRuntimeMessage({ ...join, password: '' }, options, ctx);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/^Message refused \(team\/join\): password/);
    expect(calls).toEqual([]);
  });

  it('a new tab may turn a goal of a team left personal, and undo it; the reply says what was taken', async () => {
    const { ctx, calls } = setup();
    const newtab = { ...options, url: `${SELF.origin}/newtab.html` };
    expect(await handleRuntimeMessage(personal, newtab, ctx)).toEqual({ ok: true, data: [LEFT] });
    expect(await handleRuntimeMessage(restore, newtab, ctx)).toEqual({ ok: true, data: null });
    expect(calls).toEqual([
      ['formerPersonal', 'team-calls'],
      ['formerRestore', [LEFT]],
    ]);
  });

  it.each([personal, restore])('a CRM tab may not send $type', async (m) => {
    const { ctx, calls } = setup();
    expect(await handleRuntimeMessage(m, crmTab, ctx)).toEqual({
      ok: false,
      error: `Message refused: ${m.type} is not accepted from a web page's tab.`,
    });
    expect(calls).toEqual([]);
  });

  it.each([
    ['no goal', { type: 'team/former-personal' }, /^Message refused \(team\/former-personal\): goalId/],
    ['an empty goal id', { ...personal, goalId: '' }, /goalId/],
    ['a goal id that is a number', { ...personal, goalId: 7 }, /goalId/],
    [
      'nothing to give back',
      { ...restore, removed: [] },
      /^Message refused \(team\/former-restore\): removed/,
    ],
    ['no list', { type: 'team/former-restore' }, /removed/],
    ['a team name no team has', { ...restore, removed: [{ ...LEFT, team: 'Sales Team' }] }, /removed/],
    ['a server that is no address', { ...restore, removed: [{ ...LEFT, serverUrl: 'nowhere' }] }, /removed/],
    ['a day before 1970', { ...restore, removed: [{ ...LEFT, leftAt: -1 }] }, /removed/],
    ['an empty goal id', { ...restore, removed: [{ ...LEFT, goalIds: [''] }] }, /removed/],
    ['more teams than are kept', { ...restore, removed: Array.from({ length: 51 }, () => LEFT) }, /removed/],
  ])('refuses %s, touching nothing', async (_what, m, error) => {
    const { ctx, calls } = setup();
    const reply = await handleRuntimeMessage(m, options, ctx);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(error);
    expect(calls).toEqual([]);
  });
});
