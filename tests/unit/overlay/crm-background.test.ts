import { describe, expect, it } from 'vitest';
import { createOverlayContextProvider } from '../../../lib/background/crm-context';
import { recordHealth, type StorageLike } from '../../../lib/background/crm-health';
import { refreshLeadKpis } from '../../../lib/background/crm-kpis';
import {
  type RegisteredScript,
  scriptIdFor,
  syncCrmContentScripts,
} from '../../../lib/background/crm-registration';
import { HEALTH_KEY } from '../../../lib/overlay/stored';
import type { Goal, Metric } from '../../../lib/schema';
import { defaultSettings } from '../../../lib/schema';
import { openPacerDb } from '../../../lib/storage/db';
import { readAllObservations } from '../../../lib/storage/observations';
import { repository } from '../../../lib/storage/repository';
import { saveSettings } from '../../../lib/storage/settings';
import { DAY, lead, NOW } from './leads-fixture';

function fakeApi(granted: string[], existing: RegisteredScript[] = []) {
  let scripts = [...existing];
  return {
    scripts: () => scripts,
    api: {
      scripting: {
        getRegisteredContentScripts: async () => scripts,
        registerContentScripts: async (list: RegisteredScript[]) => {
          if (list.some((s) => scripts.some((x) => x.id === s.id))) throw new Error('Duplicate script ID');
          scripts = [...scripts, ...list];
        },
        unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
          scripts = scripts.filter((s) => !ids.includes(s.id));
        },
      },
      permissions: {
        contains: async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)),
      },
    },
  };
}

describe('content-script registration', () => {
  it('registers enabled and granted CRMs only, and removes the rest', async () => {
    const other = { id: 'someone-else', matches: ['https://x.example/*'] };
    const stale = { id: scriptIdFor('zoho'), matches: ['https://*.zoho.com/*'] };
    const fake = fakeApi(['https://*.hubspot.com/*', 'http://127.0.0.1/*'], [other, stale]);
    const result = await syncCrmContentScripts(fake.api, [
      'hubspot',
      'pipedrive',
      'custom:http://127.0.0.1:5173',
    ]);
    expect(result).toEqual({
      registered: ['pacer-crm-hubspot', 'pacer-crm-custom-http-127-0-0-1-5173'],
      unregistered: ['pacer-crm-zoho'],
      notGranted: ['pipedrive'],
    });
    expect(fake.scripts().map((s) => [s.id, s.matches, s.js])).toEqual([
      ['someone-else', ['https://x.example/*'], undefined],
      ['pacer-crm-hubspot', ['https://*.hubspot.com/*'], ['content-scripts/crm.js']],
      ['pacer-crm-custom-http-127-0-0-1-5173', ['http://127.0.0.1/*'], ['content-scripts/crm.js']],
    ]);
    // Idempotent: a second sync changes nothing.
    expect(await syncCrmContentScripts(fake.api, ['hubspot', 'custom:http://127.0.0.1:5173'])).toEqual({
      registered: [],
      unregistered: [],
      notGranted: [],
    });
    await syncCrmContentScripts(fake.api, []);
    expect(fake.scripts().map((s) => s.id)).toEqual(['someone-else']);
  });
});

describe('health log', () => {
  it('records a page that stopped matching and forgets it when it matches again', async () => {
    const data: Record<string, unknown> = {};
    const storage: StorageLike = {
      get: async (key) => ({ [key as string]: data[key as string] }),
      set: async (items) => void Object.assign(data, items),
    };
    const report = {
      crm: 'hubspot',
      url: 'https://app.hubspot.com/contacts/1/objects/0-3/views/all/list',
      pageKind: 'list',
    };
    await recordHealth(storage, { ...report, matched: false }, 10);
    await recordHealth(storage, { ...report, matched: false }, 20);
    expect(data[HEALTH_KEY]).toEqual([{ ...report, at: 20 }]);
    await recordHealth(storage, { ...report, matched: true }, 30);
    expect(data[HEALTH_KEY]).toEqual([]);
  });
});

describe('lead KPIs and overlay context in the database', () => {
  it('creates CRM metrics, writes observations, removes stale ones and answers badge context', async () => {
    const db = await openPacerDb(`crm-bg-${Math.random()}`);
    await saveSettings(db, defaultSettings({ currency: 'VND', timeZone: 'UTC' }));
    const leads = repository(db, 'leads');
    await leads.putMany([
      lead('a', { amount: 800, currency: 'VND', channel: 'Zalo', history: [['Contract sent', 2]] }),
      lead('b', {
        amount: 200,
        currency: 'VND',
        history: [
          ['Appointment scheduled', 5],
          ['Closed won', 1],
        ],
      }),
      lead('c', { objectType: 'contact', channel: 'Zalo', createdDate: NOW - 3 * DAY }),
    ]);
    const first = await refreshLeadKpis(db, { timeZone: 'UTC', currency: 'VND' }, NOW);
    expect(first.metricsCreated).toBeGreaterThanOrEqual(5);
    const newLeads = await readAllObservations(db, 'crm-new-leads');
    expect(newLeads.map((o) => [o.id, o.value, o.source])).toEqual([
      ['crm-new-leads:2026-11-20:Zalo', 1, 'crm'],
    ]);

    // The contact changes channel: yesterday's Zalo count goes, the new one comes.
    await leads.put(lead('c', { objectType: 'contact', channel: 'Facebook', createdDate: NOW - 3 * DAY }));
    const second = await refreshLeadKpis(db, { timeZone: 'UTC', currency: 'VND' }, NOW);
    expect(second.removed).toBe(1);
    expect((await readAllObservations(db, 'crm-new-leads')).map((o) => o.id)).toEqual([
      'crm-new-leads:2026-11-20:Facebook',
    ]);

    const metric: Metric = {
      id: 'rev',
      name: 'Revenue',
      unit: { kind: 'currency', currency: 'VND' },
      direction: 'up',
      aggregation: 'sum',
      dimensions: [],
      source: 'manual',
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
    };
    const goal: Goal = {
      id: 'g-rev',
      kind: 'kpi_target',
      title: 'Revenue Q4',
      frameworks: [],
      metricId: 'rev',
      measure: 'cumulative',
      baseline: 0,
      target: 4000,
      startAt: NOW - 40 * DAY,
      deadline: NOW + 50 * DAY,
      weight: 1,
      archived: false,
      deletedAt: null,
      createdAt: 0,
      updatedAt: 0,
    };
    await repository(db, 'metrics').put(metric);
    await repository(db, 'goals').put(goal);
    const provider = createOverlayContextProvider(
      async () => db,
      () => NOW,
    );
    const context = await provider.overlayContext(['hubspot:deal:a', 'hubspot:deal:b']);
    expect(context.goal?.id).toBe('g-rev');
    expect(context.gapLabel).toBe('Q4');
    // Two deals are too few to tier (ranked-deals.ts, MIN_DEALS_FOR_TIERS): of two, one is always "A".
    expect(context.leads).toEqual([
      { id: 'hubspot:deal:a', tier: null, gapShare: 0.2, daysInStage: 2 },
      { id: 'hubspot:deal:b', tier: null, gapShare: null, daysInStage: 1 },
    ]);
    db.close();
  });

  it('keeps its lead cache current from change events, re-reading only the leads named', async () => {
    const db = await openPacerDb(`crm-bg-${Math.random()}`);
    await saveSettings(db, defaultSettings({ currency: 'VND', timeZone: 'UTC' }));
    const leads = repository(db, 'leads');
    await leads.putMany([
      lead('a', { amount: 800, currency: 'VND', history: [['Contract sent', 2]] }),
      lead('b', { amount: 200, currency: 'VND', history: [['Contract sent', 4]] }),
    ]);
    const provider = createOverlayContextProvider(
      async () => db,
      () => NOW,
    );
    const ids = ['hubspot:deal:a', 'hubspot:deal:b', 'hubspot:deal:c'];
    const tiers = async () => (await provider.overlayContext(ids)).leads.map((l) => [l.id, l.tier]);
    // Two deals: too few to tier.
    expect(await tiers()).toEqual([
      ['hubspot:deal:a', null],
      ['hubspot:deal:b', null],
    ]);

    // A new, bigger deal arrives: named in the event, it is read and the tiers are counted. Only the
    // named lead is read: 'd', written without telling the provider, stays unknown to it.
    await leads.put(lead('c', { amount: 5000, currency: 'VND', history: [['Contract sent', 1]] }));
    await leads.put(lead('d', { amount: 9000, currency: 'VND', history: [['Contract sent', 1]] }));
    provider.invalidate({ stores: ['leads'], ids: ['hubspot:deal:c'] });
    expect(await tiers()).toEqual([
      ['hubspot:deal:a', 'B'],
      ['hubspot:deal:b', 'C'],
      ['hubspot:deal:c', 'A'],
    ]);

    // A lead deleted elsewhere, named in the event, leaves the cache.
    await leads.softDelete(['hubspot:deal:c'], NOW);
    provider.invalidate({ stores: ['leads'], ids: ['hubspot:deal:c'] });
    expect((await tiers()).map(([id]) => id)).toEqual(['hubspot:deal:a', 'hubspot:deal:b']);

    // A change that names no ids (a restore from backup) reads everything again, 'd' included.
    await leads.restore(['hubspot:deal:c']);
    provider.invalidate({ stores: ['leads'] });
    expect((await tiers()).map(([id]) => id)).toEqual(ids);
    expect((await provider.overlayContext(['hubspot:deal:d'])).leads.map((l) => l.tier)).toEqual(['A']);
    db.close();
  });
});
