import { describe, expect, it } from 'vitest';
import { handleRuntimeMessage, type RuntimeContext } from '../../../lib/background/handle-message';
import type { MessageSender } from '../../../lib/background/sender-policy';
import { createTabLimiter } from '../../../lib/background/tab-limits';
import { MAX_MESSAGE_BYTES } from '../../../lib/messages/protocol';
import { readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { freshDb, metric, T0 } from '../storage/helpers';

const ID = 'pacerextensionid';
const SELF = { id: ID, origin: `chrome-extension://${ID}` };
const CUSTOM = 'http://127.0.0.1:8080';
const ENABLED = ['hubspot', `custom:${CUSTOM}`];

const SENDERS: Record<string, MessageSender> = {
  'options page': { id: ID, url: `${SELF.origin}/options.html`, origin: SELF.origin, tab: { id: 3 } },
  popup: { id: ID, url: `${SELF.origin}/popup.html`, origin: SELF.origin },
  'HubSpot tab': {
    id: ID,
    url: 'https://app.hubspot.com/contacts/1/objects/0-3/views/all/list',
    origin: 'https://app.hubspot.com',
    tab: { id: 7 },
  },
  // Firefox gives no `origin`: the URL's is used.
  'HubSpot tab (Firefox)': { id: ID, url: 'https://app.hubspot.com/contacts/1/record/0-3/9', tab: { id: 8 } },
  'custom CRM tab': { id: ID, url: `${CUSTOM}/leads`, origin: CUSTOM, tab: { id: 9 } },
  'Pipedrive tab (not enabled)': {
    id: ID,
    url: 'https://acme.pipedrive.com/deals',
    origin: 'https://acme.pipedrive.com',
    tab: { id: 10 },
  },
  'other site tab': { id: ID, url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 11 } },
  'another extension': {
    id: 'someone-else',
    url: 'chrome-extension://someone-else/x.html',
    origin: 'chrome-extension://someone-else',
  },
  'HubSpot frame, no tab': { id: ID, url: 'https://app.hubspot.com/x', origin: 'https://app.hubspot.com' },
  'origin and URL disagree': {
    id: ID,
    url: 'https://app.hubspot.com/x',
    origin: 'https://evil.example',
    tab: { id: 12 },
  },
};

const hubspotDeal = {
  crm: 'hubspot',
  objectType: 'deal',
  externalId: '9001',
  url: 'https://app.hubspot.com/contacts/1/record/0-3/9001',
  name: 'Đơn hàng Minh Phát',
  amount: 120_000_000,
  currency: 'VND',
};
const mapping = (origin: string) => ({
  version: 1,
  origin,
  kind: 'list',
  objectType: 'lead',
  item: 'tr.lead',
  fields: { name: 'td.name' },
  createdAt: T0,
});

const MESSAGES: Record<string, unknown> = {
  ping: { type: 'ping' },
  'metric/log': { type: 'metric/log', metricId: 'revenue', value: 1, time: T0 },
  'HubSpot sighting': { type: 'leads/sighted', sightings: [hubspotDeal] },
  'Pipedrive sighting': {
    type: 'leads/sighted',
    sightings: [{ ...hubspotDeal, crm: 'pipedrive', url: 'https://acme.pipedrive.com/deal/9', amount: 5e9 }],
  },
  'HubSpot sighting, URL elsewhere': {
    type: 'leads/sighted',
    sightings: [{ ...hubspotDeal, url: 'https://evil.example/phish' }],
  },
  'sighting, context of another CRM': {
    type: 'leads/sighted',
    sightings: [hubspotDeal],
    contextFor: ['pipedrive:deal:9'],
  },
  'custom sighting': {
    type: 'leads/sighted',
    sightings: [{ ...hubspotDeal, crm: `custom:${CUSTOM}`, url: `${CUSTOM}/lead/9001` }],
  },
  'context, own leads': { type: 'overlay/context', leadIds: ['hubspot:deal:9001'] },
  'context, other CRM': { type: 'overlay/context', leadIds: ['hubspot:deal:1', 'zoho:lead:2'] },
  'health, own': {
    type: 'crm/health',
    crm: 'hubspot',
    url: 'https://app.hubspot.com/x',
    pageKind: 'list',
    matched: false,
  },
  'health, other site': {
    type: 'crm/health',
    crm: 'hubspot',
    url: 'https://evil.example/x',
    pageKind: 'list',
    matched: false,
  },
  store: { type: 'overlay/store' },
  'mapping, HubSpot origin': { type: 'overlay/save-mapping', mapping: mapping('https://app.hubspot.com') },
  'mapping, custom origin': { type: 'overlay/save-mapping', mapping: mapping(CUSTOM) },
  'panel position': { type: 'overlay/save-panel', state: { x: 10, y: 20, collapsed: false } },
  'matched, own': { type: 'overlay/remember-matched', key: 'hubspot|list|deal' },
  'matched, other CRM': { type: 'overlay/remember-matched', key: 'zoho|list|lead' },
};

type Expect = 'ok' | RegExp;
const NOT_FROM_TAB = /is not accepted from a web page's tab/;
const NOT_ENABLED = /is not a CRM enabled in Pacer/;

// sender × message → accepted, or refused with this reason.
const TABLE: [string, string, Expect][] = [
  ['options page', 'ping', 'ok'],
  ['options page', 'metric/log', 'ok'],
  ['options page', 'HubSpot sighting', 'ok'],
  ['popup', 'metric/log', 'ok'],
  ['options page', 'store', /asked by a CRM tab only/],
  ['HubSpot tab', 'HubSpot sighting', 'ok'],
  ['HubSpot tab (Firefox)', 'HubSpot sighting', 'ok'],
  ['HubSpot tab', 'context, own leads', 'ok'],
  ['HubSpot tab', 'health, own', 'ok'],
  ['HubSpot tab', 'store', 'ok'],
  ['HubSpot tab', 'mapping, HubSpot origin', 'ok'],
  ['HubSpot tab', 'panel position', 'ok'],
  ['HubSpot tab', 'matched, own', 'ok'],
  ['HubSpot tab', 'ping', NOT_FROM_TAB],
  ['HubSpot tab', 'metric/log', /metric\/log is not accepted from a web page's tab/],
  [
    'HubSpot tab',
    'Pipedrive sighting',
    /sightings\[0\]\.crm: "pipedrive" is not this page's CRM \(hubspot\)/,
  ],
  [
    'HubSpot tab',
    'HubSpot sighting, URL elsewhere',
    /sightings\[0\]\.url: https:\/\/evil\.example is not an address of hubspot/,
  ],
  [
    'HubSpot tab',
    'sighting, context of another CRM',
    /contextFor: "pipedrive:deal:9" is not a lead of hubspot/,
  ],
  ['HubSpot tab', 'custom sighting', /is not this page's CRM/],
  ['HubSpot tab', 'context, other CRM', /leadIds: "zoho:lead:2" is not a lead of hubspot/],
  ['HubSpot tab', 'health, other site', /url: the report is not about https:\/\/app\.hubspot\.com/],
  [
    'HubSpot tab',
    'mapping, custom origin',
    /mapping\.origin: http:\/\/127\.0\.0\.1:8080 is not this page's origin/,
  ],
  ['HubSpot tab', 'matched, other CRM', /key: "zoho\|list\|lead" is not about hubspot/],
  ['custom CRM tab', 'custom sighting', 'ok'],
  ['custom CRM tab', 'mapping, custom origin', 'ok'],
  ['custom CRM tab', 'HubSpot sighting', /is not this page's CRM/],
  ['custom CRM tab', 'metric/log', NOT_FROM_TAB],
  ['Pipedrive tab (not enabled)', 'Pipedrive sighting', NOT_ENABLED],
  ['Pipedrive tab (not enabled)', 'store', NOT_ENABLED],
  ['other site tab', 'HubSpot sighting', NOT_ENABLED],
  ['other site tab', 'ping', NOT_ENABLED],
  ['another extension', 'ping', /it does not come from Pacer/],
  ['another extension', 'metric/log', /it does not come from Pacer/],
  ['HubSpot frame, no tab', 'HubSpot sighting', /comes from no tab and no Pacer page/],
  [
    'origin and URL disagree',
    'HubSpot sighting',
    /address \(https:\/\/app\.hubspot\.com\) and origin \(https:\/\/evil\.example\) differ/,
  ],
];

async function setup() {
  const { db } = await freshDb();
  await repository(db, 'metrics').put(metric());
  const writes: unknown[] = [];
  const ctx: RuntimeContext = {
    db: async () => db,
    now: () => T0,
    self: SELF,
    enabledCrms: async () => ENABLED,
    limiter: createTabLimiter(),
    onHealth: (report) => {
      writes.push(['health', report]);
    },
    overlayContext: async (ids) => ({ ids }),
    crmStore: {
      read: async (caller) => ({ for: caller.crm }),
      saveMapping: async (m) => {
        writes.push(['mapping', m]);
      },
      savePanel: async (origin, state) => {
        writes.push(['panel', origin, state]);
      },
      rememberMatched: async (key) => {
        writes.push(['matched', key]);
      },
    },
  };
  /** Everything a message could have written, counted. */
  const counts = async () => ({
    leads: (await repository(db, 'leads').list()).length,
    observations: (await readAllObservations(db, 'revenue')).length,
    writes: writes.length,
  });
  return { db, ctx, counts, writes };
}

describe('sender checks', () => {
  it.each(TABLE)('%s → %s: %s', async (senderName, messageName, expected) => {
    const { ctx, counts } = await setup();
    const before = await counts();
    const reply = await handleRuntimeMessage(MESSAGES[messageName], SENDERS[senderName]!, ctx);
    if (expected === 'ok') {
      expect(reply).toMatchObject({ ok: true });
      return;
    }
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Message refused/) });
    if (!reply.ok) expect(reply.error).toMatch(expected);
    expect(await counts()).toEqual(before);
  });

  it('answers a tab the store of its own CRM, and the panel under its own origin', async () => {
    const { ctx, writes } = await setup();
    const tab = SENDERS['HubSpot tab']!;
    expect(await handleRuntimeMessage({ type: 'overlay/store' }, tab, ctx)).toEqual({
      ok: true,
      data: { for: 'hubspot' },
    });
    await handleRuntimeMessage(MESSAGES['panel position'], tab, ctx);
    expect(writes).toEqual([['panel', 'https://app.hubspot.com', { x: 10, y: 20, collapsed: false }]]);
  });

  it('looks at the enabled CRMs again before refusing (a CRM enabled a moment ago)', async () => {
    const { ctx } = await setup();
    let enabled: string[] = [];
    ctx.enabledCrms = async (fresh) => {
      if (fresh) enabled = ENABLED;
      return enabled;
    };
    const reply = await handleRuntimeMessage(MESSAGES['HubSpot sighting'], SENDERS['HubSpot tab']!, ctx);
    expect(reply.ok).toBe(true);
  });
});

describe('per-tab limits', () => {
  it('refuses a flood once the burst is spent, per tab, and stores only what was accepted', async () => {
    const { ctx, counts } = await setup();
    let clock = T0;
    ctx.limiter = createTabLimiter(
      { messages: { burst: 5, perSecond: 1 }, bytes: { burst: 1e6, perSecond: 1e4 } },
      () => clock,
    );
    const tab = SENDERS['HubSpot tab']!;
    const send = (i: number, sender = tab) =>
      handleRuntimeMessage(
        { type: 'leads/sighted', sightings: [{ ...hubspotDeal, externalId: `d${i}` }] },
        sender,
        ctx,
      );
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await send(i));
    expect(replies.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false, false]);
    expect(replies[5]).toEqual({
      ok: false,
      error: 'Message refused: too many messages from this tab; try again in 1 s.',
    });
    expect((await counts()).leads).toBe(5);
    // Another tab has its own budget; this one's comes back with time.
    expect((await send(100, SENDERS['HubSpot tab (Firefox)'])).ok).toBe(true);
    clock += 2000;
    expect((await send(101)).ok).toBe(true);
    expect((await send(102)).ok).toBe(true);
    expect((await send(103)).ok).toBe(false);
    expect((await counts()).leads).toBe(8);
  });

  it('refuses by size: a message over the limit, and a tab over its byte budget', async () => {
    const { ctx, counts } = await setup();
    ctx.limiter = createTabLimiter(
      { messages: { burst: 100, perSecond: 1 }, bytes: { burst: 3000, perSecond: 1 } },
      () => T0,
    );
    const tab = SENDERS['HubSpot tab']!;
    const big = {
      type: 'leads/sighted',
      sightings: [{ ...hubspotDeal, name: 'x'.repeat(MAX_MESSAGE_BYTES) }],
    };
    expect(await handleRuntimeMessage(big, tab, ctx)).toEqual({
      ok: false,
      error: expect.stringMatching(/over this tab's 3000-byte limit/),
    });
    const sighting = (i: number) => ({
      type: 'leads/sighted',
      sightings: [{ ...hubspotDeal, externalId: `d${i}` }],
    });
    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await handleRuntimeMessage(sighting(i), tab, ctx));
    const accepted = replies.filter((r) => r.ok).length;
    expect(accepted).toBe(Math.floor(3000 / JSON.stringify(sighting(0)).length));
    expect(replies.find((r) => !r.ok)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Message refused: too much data from this tab; try again in \d+ s\.$/),
    });
    expect((await counts()).leads).toBe(accepted);
  });

  it('refuses a message over the protocol limit from a tab with its size', async () => {
    const { ctx, counts } = await setup();
    const big = {
      type: 'leads/sighted',
      sightings: [{ ...hubspotDeal, name: 'x'.repeat(MAX_MESSAGE_BYTES) }],
    };
    const reply = await handleRuntimeMessage(big, SENDERS['HubSpot tab']!, ctx);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/over the 524288-byte limit/) });
    expect((await counts()).leads).toBe(0);
  });
});
