import { describe, expect, it } from 'vitest';
import { createCrmStore } from '../../../lib/background/crm-store';
import { restrictToTrustedContexts } from '../../../lib/background/storage-access';
import { ENABLED_KEY, MAPPINGS_KEY, MATCHED_KEY, PANEL_KEY } from '../../../lib/overlay/stored';

/** chrome.storage.local as a Map whose reads and writes each take a turn of the event loop. */
function memoryStorage(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    data,
    async get(keys: string | string[]) {
      await tick();
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys])
        if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      await tick();
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}

const HUBSPOT = { kind: 'tab' as const, tabId: 1, origin: 'https://app.hubspot.com', crm: 'hubspot' };
const CUSTOM = 'https://crm.example.vn';
const mapping = (origin: string, createdAt = 1, kind: 'list' | 'board' = 'list') => ({
  version: 1 as const,
  origin,
  kind,
  objectType: 'lead' as const,
  item: 'li',
  fields: { name: 'h3' },
  createdAt,
});

describe('the overlay store kept by the background', () => {
  it("answers a tab only about its own site: its CRM, its origin's mappings, panel and marks", async () => {
    const storage = memoryStorage({
      [ENABLED_KEY]: ['hubspot', 'zoho', `custom:${CUSTOM}`],
      [MAPPINGS_KEY]: [mapping(CUSTOM), mapping('https://app.hubspot.com')],
      [PANEL_KEY]: {
        'https://app.hubspot.com': { x: 1, y: 2, collapsed: true },
        [CUSTOM]: { x: 9, y: 9, collapsed: false },
      },
      [MATCHED_KEY]: { 'hubspot|list|deal': true, 'zoho|list|lead': true },
    });
    expect(await createCrmStore(storage).read(HUBSPOT)).toEqual({
      enabled: ['hubspot'],
      mappings: [mapping('https://app.hubspot.com')],
      panels: { 'https://app.hubspot.com': { x: 1, y: 2, collapsed: true } },
      matched: { 'hubspot|list|deal': true },
    });
  });

  it('loses no write when tabs save at the same moment', async () => {
    const storage = memoryStorage();
    const store = createCrmStore(storage);
    await Promise.all([
      store.saveMapping(mapping(CUSTOM, 1, 'list')),
      store.saveMapping(mapping(CUSTOM, 2, 'board')),
      store.savePanel('https://app.hubspot.com', { x: 1, y: 1, collapsed: false }),
      store.savePanel(CUSTOM, { x: 2, y: 2, collapsed: true }),
      store.rememberMatched('hubspot|list|deal'),
      store.rememberMatched('hubspot|record|deal'),
    ]);
    expect((storage.data.get(MAPPINGS_KEY) as unknown[]).length).toBe(2);
    expect(Object.keys(storage.data.get(PANEL_KEY) as object).sort()).toEqual([
      'https://app.hubspot.com',
      CUSTOM,
    ]);
    expect(storage.data.get(MATCHED_KEY)).toEqual({ 'hubspot|list|deal': true, 'hubspot|record|deal': true });
  });
});

describe('extension storage closed to content scripts', () => {
  it('asks for trusted contexts only where the browser can', async () => {
    const asked: unknown[] = [];
    const chrome = { setAccessLevel: async (o: unknown) => void asked.push(o) };
    expect(await restrictToTrustedContexts(chrome)).toBe('trusted-only');
    expect(asked).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
    // Firefox: no method on `local`, or one that refuses.
    expect(await restrictToTrustedContexts({})).toBe('unsupported');
    const refusing = { setAccessLevel: () => Promise.reject(new Error('only storage.session')) };
    expect(await restrictToTrustedContexts(refusing)).toBe('unsupported');
  });
});
