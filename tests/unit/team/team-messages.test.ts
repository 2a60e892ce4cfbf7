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
});
