import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CrmMapping } from '../../../lib/crm/mapping';
import { decideHealth, healthKey } from '../../../lib/overlay/health';
import { clampPanel, dragPanel } from '../../../lib/overlay/panel-position';
import { hostPatternsFor, mappingFor, originFromInput, siteState } from '../../../lib/overlay/site';
import {
  addHealthRecord,
  MAX_HEALTH_RECORDS,
  pageAddress,
  parseEnabled,
  parseMappings,
  parsePanels,
  removeMapping,
  upsertMapping,
} from '../../../lib/overlay/stored';

const mapping = (over: Partial<CrmMapping> = {}): CrmMapping => ({
  version: 1,
  origin: 'https://crm.example.vn',
  kind: 'board',
  objectType: 'lead',
  item: 'li[data-kind="lead-card"]',
  fields: { name: 'h3' },
  createdAt: 1,
  ...over,
});

describe('which adapter reads a page', () => {
  const list = mapping({ pathPrefix: '/leads' });
  const record = mapping({ pathPrefix: '/leads/', kind: 'record', createdAt: 2 });

  it.each([
    ['https://app.hubspot.com/contacts/1/objects/0-3/views/all/list', ['hubspot'], 'ready:hubspot'],
    ['https://app.hubspot.com/contacts/1/objects/0-3/views/all/list', [], 'disabled'],
    ['https://crm.example.vn/leads', ['custom:https://crm.example.vn'], 'ready:board'],
    ['https://crm.example.vn/leads/4411', ['custom:https://crm.example.vn'], 'ready:record'],
    ['https://crm.example.vn/settings', ['custom:https://crm.example.vn'], 'unmapped'],
    ['https://crm.example.vn/leads', [], 'disabled'],
    ['https://crm.example.vn:8443/leads', ['custom:https://crm.example.vn'], 'disabled'],
  ])('%s with %j → %s', (href, enabled, expected) => {
    const state = siteState(new URL(href), enabled, [list, record]);
    const label =
      state.status === 'ready' ? `ready:${state.mapping ? state.mapping.kind : state.crm}` : state.status;
    expect(label).toBe(expected);
  });

  it('lets a re-map override a built-in adapter on its host', () => {
    const remap = mapping({ origin: 'https://app.hubspot.com', kind: 'list' });
    const state = siteState(new URL('https://app.hubspot.com/contacts/1/x'), ['hubspot'], [remap]);
    expect(state.status === 'ready' && state.crm === 'hubspot' && state.adapter.id).toBe(
      'custom:https://app.hubspot.com',
    );
  });

  it('picks the longest matching path prefix', () => {
    expect(mappingFor(new URL('https://crm.example.vn/leads/9'), [list, record])).toBe(record);
    expect(mappingFor(new URL('https://other.example/leads'), [list, record])).toBeNull();
  });

  it.each([
    ['hubspot', ['https://*.hubspot.com/*']],
    ['custom:http://127.0.0.1:5173', ['http://127.0.0.1/*']],
    ['custom:https://crm.example.vn', ['https://crm.example.vn/*']],
    ['custom:nonsense', []],
  ])('host patterns of %s', (crm, patterns) => {
    expect(hostPatternsFor(crm)).toEqual(patterns);
  });

  it.each([
    ['crm.example.vn/leads', 'https://crm.example.vn'],
    ['http://127.0.0.1:5173/x?y=1', 'http://127.0.0.1:5173'],
    ['HTTPS://CRM.Example.VN/', 'https://crm.example.vn'],
    ['ftp://crm.example.vn', null],
    ['https://user:pw@crm.example.vn', null],
    ['', null],
  ])('origin from %j → %j', (input, origin) => {
    expect(originFromInput(input)).toBe(origin);
  });
});

describe('stored values', () => {
  it('drops damaged entries but keeps the valid ones', () => {
    expect(parseMappings([mapping(), { origin: 'x' }, 42])).toEqual([mapping()]);
    expect(parseMappings('nope')).toEqual([]);
    expect(parseEnabled(['hubspot', 'custom:https://a.example', 'evil'])).toEqual([
      'hubspot',
      'custom:https://a.example',
    ]);
    expect(parsePanels({ 'https://a.example': { x: 1, y: 2, collapsed: true }, bad: { x: 'no' } })).toEqual(
      {},
    );
    expect(parsePanels({ 'https://a.example': { x: 1, y: 2, collapsed: true } })).toEqual({
      'https://a.example': { x: 1, y: 2, collapsed: true },
    });
  });

  it('upserts a mapping per origin, kind and prefix, and removes one', () => {
    const a = mapping();
    const b = mapping({ createdAt: 5, fields: { name: 'h2' } });
    const c = mapping({ kind: 'record', pathPrefix: '/leads/' });
    const list = upsertMapping(upsertMapping(upsertMapping([], a), c), b);
    expect(list).toEqual([c, b]);
    expect(removeMapping(list, c)).toEqual([b]);
  });

  it('keeps at most 50 health records, newest first, one per page', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('hubspot', 'zoho'), fc.integer({ min: 0, max: 80 })), {
          maxLength: 200,
        }),
        (reports) => {
          let list: ReturnType<typeof addHealthRecord> = [];
          reports.forEach(([crm, page], at) => {
            list = addHealthRecord(list, { crm, url: `https://x.example/${page}`, pageKind: 'list', at });
          });
          expect(list.length).toBeLessThanOrEqual(MAX_HEALTH_RECORDS);
          expect(new Set(list.map((r) => `${r.crm}${r.url}`)).size).toBe(list.length);
          const last = reports.at(-1);
          if (last) expect(list[0]).toMatchObject({ crm: last[0], url: `https://x.example/${last[1]}` });
        },
      ),
    );
  });

  it('records a page address without its query', () => {
    expect(pageAddress(new URL('https://a.example/p/1?q=secret#x'))).toBe('https://a.example/p/1');
  });
});

describe('health', () => {
  it.each([
    [false, true, { notice: false, report: true, remember: true }],
    [true, true, { notice: false, report: false, remember: false }],
    [true, false, { notice: true, report: true, remember: false }],
    [false, false, { notice: false, report: false, remember: false }],
  ])('matched before %s, now %s', (before, now, decision) => {
    expect(decideHealth(before, now)).toEqual(decision);
  });

  it('keys by CRM, page kind and object', () => {
    expect(healthKey('hubspot', { kind: 'list', crmObject: '0-3' })).toBe('hubspot|list|0-3');
  });
});

describe('panel position', () => {
  const viewport = { width: 1000, height: 800 };
  const panel = { width: 300, height: 200 };

  it('moves with the pointer (offsets are from the right and bottom edges)', () => {
    expect(dragPanel({ x: 16, y: 16, collapsed: false }, -100, -50, viewport, panel)).toEqual({
      x: 116,
      y: 66,
      collapsed: false,
    });
  });

  it('always stays inside the viewport', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ noNaN: false }), (x, y) => {
        const p = clampPanel({ x, y, collapsed: false }, viewport, panel);
        expect(p.x).toBeGreaterThanOrEqual(4);
        expect(p.x).toBeLessThanOrEqual(696);
        expect(p.y).toBeGreaterThanOrEqual(4);
        expect(p.y).toBeLessThanOrEqual(596);
      }),
    );
  });
});
