// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCustomAdapter } from '../../../lib/crm/custom';
import { type CrmMapping, exportMapping, importMapping } from '../../../lib/crm/mapping';
import { readPage } from '../../../lib/crm/read-page';
import { loadFixture } from './load-fixture';

const MAPPING: CrmMapping = {
  version: 1,
  origin: 'https://crm.banhang.example',
  label: 'Bán Hàng CRM',
  pathPrefix: '/leads',
  kind: 'board',
  objectType: 'lead',
  item: 'li[data-kind="lead-card"]',
  fields: {
    name: 'h3',
    stage: ':scope > div:nth-child(2) > span:nth-child(2)',
    amount: 'div[data-field="amount"]',
    owner: 'span[aria-label="Người phụ trách"]',
    channel: 'span.source-tag',
    email: 'a[href^="mailto:"]',
    link: 'a[href*="/leads/"]',
  },
  createdAt: Date.UTC(2026, 10, 23),
};

describe('custom adapter', () => {
  const adapter = createCustomAdapter(MAPPING);

  it.each([
    ['https://crm.banhang.example/leads', true],
    ['https://crm.banhang.example/leads/board?view=all', true],
    ['https://crm.banhang.example/settings', false],
    ['https://crm.banhang.example:8443/leads', false],
    ['http://crm.banhang.example/leads', false],
    ['https://other.example/leads', false],
  ])('matchPage(%s) → %s', (href, matches) => {
    expect(adapter.matchPage(new URL(href)) !== null).toBe(matches);
  });

  it('has a custom CrmId and a match pattern for its host', () => {
    expect(adapter.id).toBe('custom:https://crm.banhang.example');
    expect(adapter.hostPatterns).toEqual(['https://crm.banhang.example/*']);
    expect(adapter.label).toBe('Bán Hàng CRM');
  });

  it('reads every card through the mapping; identity from the card link', () => {
    const result = readPage(
      adapter,
      loadFixture('custom/list-cards-2026-11-23.html'),
      new URL('https://crm.banhang.example/leads'),
    );
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.sightings).toEqual([
      {
        crm: 'custom:https://crm.banhang.example',
        objectType: 'lead',
        externalId: '/leads/4411',
        url: 'https://crm.banhang.example/leads/4411',
        name: 'Nguyễn Minh Khoa',
        stage: 'Đã liên hệ',
        amount: 15_000_000,
        currency: 'VND',
        owner: 'Lê Minh Tuấn',
        channel: 'Facebook',
        email: 'khoa.nguyen@gmail.example',
      },
      {
        crm: 'custom:https://crm.banhang.example',
        objectType: 'lead',
        externalId: '/leads/4417',
        url: 'https://crm.banhang.example/leads/4417',
        name: 'Emily Tran',
        stage: 'Mới',
        amount: 2_400,
        currency: 'USD',
        owner: 'Phạm Thu Hà',
        channel: 'Zalo',
        email: 'emily.tran@example.com',
      },
      {
        crm: 'custom:https://crm.banhang.example',
        objectType: 'lead',
        externalId: '/leads/4420',
        url: 'https://crm.banhang.example/leads/4420',
        name: 'Hoàng Gia Bảo',
        stage: 'Đã chốt',
        amount: 320_000_000,
        currency: 'VND',
        owner: 'Lê Minh Tuấn',
        channel: 'Giới thiệu',
        email: 'bao.hoang@example.vn',
      },
    ]);
  });

  it('uses the id attribute when the mapping names one', () => {
    const byAttr = createCustomAdapter({ ...MAPPING, idAttribute: 'data-id' });
    const url = new URL('https://crm.banhang.example/leads');
    const page = byAttr.matchPage(url)!;
    const [card] = byAttr.findItems(loadFixture('custom/list-cards-2026-11-23.html'), page);
    expect(byAttr.extract(card!, page, url)).toMatchObject({ ok: true, sighting: { externalId: '4411' } });
  });

  it('is unreadable when the item selector matches nothing, and survives an invalid selector', () => {
    const broken = createCustomAdapter({ ...MAPPING, item: 'li[[broken' });
    const doc = loadFixture('custom/list-cards-2026-11-23.html');
    expect(readPage(broken, doc, new URL('https://crm.banhang.example/leads'))).toMatchObject({
      status: 'unreadable',
      missing: ['item'],
    });
  });

  it('reads a record page with the page URL as identity', () => {
    const record = createCustomAdapter({ ...MAPPING, kind: 'record', item: '#app', fields: { name: 'h1' } });
    const url = new URL('https://crm.banhang.example/leads/4411?tab=notes');
    const result = readPage(record, loadFixture('custom/list-cards-2026-11-23.html'), url);
    expect(result).toMatchObject({
      status: 'ok',
      sightings: [
        {
          externalId: '/leads/4411',
          url: 'https://crm.banhang.example/leads/4411?tab=notes',
          name: 'Khách hàng tiềm năng',
        },
      ],
    });
  });
});

describe('CrmMapping import/export', () => {
  it('round-trips through JSON', () => {
    const json = exportMapping(MAPPING);
    expect(importMapping(json)).toEqual({ ok: true, mapping: MAPPING });
  });

  it.each([
    ['not json', 'not valid JSON'],
    [JSON.stringify({ ...MAPPING, version: 2 }), 'version'],
    [JSON.stringify({ ...MAPPING, origin: 'https://crm.banhang.example/leads' }), 'origin'],
    [JSON.stringify({ ...MAPPING, fields: { ...MAPPING.fields, name: '' } }), 'fields.name'],
    [JSON.stringify({ ...MAPPING, item: 'li { color: red }' }), 'item'],
    [JSON.stringify({ ...MAPPING, objectType: 'ticket' }), 'objectType'],
  ])('rejects %s', (json, where) => {
    const result = importMapping(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(where);
  });
});
