// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/crm/read-page';
import type { PageMatch } from '../../../lib/crm/types';
import { matchZohoPage, zoho } from '../../../lib/crm/zoho';
import { loadFixture } from './load-fixture';

const LEADS = 'https://crm.zoho.com/crm/org60012345/tab/Leads/custom-view/5293322000000091055/list';
const KANBAN = 'https://crm.zoho.eu/crm/org60012345/tab/Potentials/custom-view/5293322000000091203/kanban';
const DEAL = 'https://crm.zoho.com/crm/org60012345/tab/Potentials/5293322000004100035';

describe('matchZohoPage', () => {
  it.each<[string, Partial<PageMatch> | null]>([
    [LEADS, { kind: 'list', objectType: 'lead', crmObject: 'Leads' }],
    [
      'https://crm.zoho.in/crm/org1/tab/Contacts/custom-view/77/list?page=2',
      { kind: 'list', objectType: 'contact' },
    ],
    ['https://crm.zoho.com.au/crm/tab/Accounts', { kind: 'list', objectType: 'account' }],
    [KANBAN, { kind: 'board', objectType: 'deal', crmObject: 'Potentials' }],
    [DEAL, { kind: 'record', objectType: 'deal', recordId: '5293322000004100035' }],
    ['https://crm.zoho.jp/crm/org9/tab/Leads/5293322000003516055', { kind: 'record', objectType: 'lead' }],
    [
      'https://crm.zohocloud.ca/crm/org9/tab/Deals/5293322000004100035',
      { kind: 'record', objectType: 'deal' },
    ],
    ['https://crm.zoho.com/crm/org60012345/tab/Leads/create', null],
    ['https://crm.zoho.com/crm/org60012345/tab/Tasks/custom-view/1/list', null],
    ['https://crm.zoho.com/crm/org60012345/settings/modules', null],
    ['https://www.zoho.com/crm/', null],
    ['https://crm.zoho.com.evil.example/crm/tab/Leads', null],
  ])('%s', (href, expected) => {
    const page = matchZohoPage(new URL(href));
    if (expected === null) expect(page).toBeNull();
    else expect(page).toMatchObject(expected);
  });
});

function read(file: string, href: string) {
  const result = readPage(zoho, loadFixture(`zoho/${file}`), new URL(href));
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('zoho extraction', () => {
  it('reads the Leads list, mapping columns through the header row', () => {
    const { sightings, failures } = read('list-leads-2026-11-23.html', LEADS);
    expect(failures).toEqual([]);
    expect(sightings).toEqual([
      {
        crm: 'zoho',
        objectType: 'lead',
        externalId: '5293322000003516055',
        url: 'https://crm.zoho.com/crm/org60012345/tab/Leads/5293322000003516055',
        name: 'Nguyễn Thị Hoa',
        company: 'Tiệm bánh Hoa Mai',
        email: 'hoa.nguyen@banhhoamai.vn',
        status: 'Contacted',
        owner: 'Lê Minh Tuấn',
        channel: 'Facebook',
        createdDate: Date.UTC(2026, 10, 20, 9, 30),
      },
      {
        crm: 'zoho',
        objectType: 'lead',
        externalId: '5293322000003516071',
        url: 'https://crm.zoho.com/crm/org60012345/tab/Leads/5293322000003516071',
        name: 'James Carter',
        company: 'Carter & Sons Ltd',
        email: 'james@carterandsons.example',
        status: 'Not Contacted',
        owner: 'Emma Wilson',
        channel: 'Google AdWords',
        // "02:15 CH" is 14:15.
        createdDate: Date.UTC(2026, 10, 18, 14, 15),
      },
      {
        crm: 'zoho',
        objectType: 'lead',
        externalId: '5293322000003516102',
        url: 'https://crm.zoho.com/crm/org60012345/tab/Leads/5293322000003516102',
        name: 'Bùi Văn Khánh',
        company: 'Nội thất Khánh Gia',
        status: 'Attempted to Contact',
        owner: 'Lê Minh Tuấn',
        channel: 'Trade Show',
        createdDate: Date.UTC(2026, 10, 2, 11, 0),
      },
    ]);
  });

  it('reads the deals kanban (Potentials) on the EU data centre, stage from the column hook', () => {
    const { sightings } = read('kanban-potentials-2026-11-23.html', KANBAN);
    expect(sightings).toEqual([
      {
        crm: 'zoho',
        objectType: 'deal',
        externalId: '5293322000004100011',
        url: 'https://crm.zoho.eu/crm/org60012345/tab/Potentials/5293322000004100011',
        name: 'Trung tâm Anh ngữ Sao Mai – LMS',
        company: 'Trung tâm Anh ngữ Sao Mai',
        stage: 'Qualification',
        amount: 45_000_000,
        currency: 'VND',
        owner: 'Lê Minh Tuấn',
      },
      {
        crm: 'zoho',
        objectType: 'deal',
        externalId: '5293322000004100027',
        url: 'https://crm.zoho.eu/crm/org60012345/tab/Potentials/5293322000004100027',
        name: 'Harbor Freight Vietnam – fleet tracking',
        company: 'Harbor Freight Vietnam',
        stage: 'Needs Analysis',
        amount: 18_000,
        currency: 'USD',
        owner: 'Emma Wilson',
      },
      {
        crm: 'zoho',
        objectType: 'deal',
        externalId: '5293322000004100035',
        url: 'https://crm.zoho.eu/crm/org60012345/tab/Potentials/5293322000004100035',
        name: 'Phòng khám Đa khoa An Khang',
        company: 'Phòng khám An Khang',
        stage: 'Needs Analysis',
        amount: 120_000_000,
        currency: 'VND',
        owner: 'Lê Minh Tuấn',
      },
    ]);
  });

  it('reads a deal record by the API names in data-zcqa', () => {
    const { sightings } = read('record-potential-2026-11-23.html', DEAL);
    expect(sightings).toEqual([
      {
        crm: 'zoho',
        objectType: 'deal',
        externalId: '5293322000004100035',
        url: DEAL,
        name: 'Phòng khám Đa khoa An Khang',
        company: 'Phòng khám An Khang',
        stage: 'Needs Analysis',
        amount: 120_000_000,
        currency: 'VND',
        owner: 'Lê Minh Tuấn',
        channel: 'Zalo OA',
      },
    ]);
  });

  it('anchors badges on the record link of a row', () => {
    const page = zoho.matchPage(new URL(LEADS))!;
    const [row] = zoho.findItems(loadFixture('zoho/list-leads-2026-11-23.html'), page);
    expect(zoho.badgeAnchor(row!, page)?.id).toBe('listView_5293322000003516055');
  });

  it('is unreadable when the list table is missing', () => {
    const doc = loadFixture('zoho/record-potential-2026-11-23.html');
    expect(readPage(zoho, doc, new URL(LEADS))).toMatchObject({ status: 'unreadable', missing: ['table'] });
  });
});

describe('zoho markup per the crux sources', () => {
  it('reads a record under crux-detailpage-wrapper: the name without the email, fields by column name or label', () => {
    const { sightings } = read('record-potential-crux-2026-12-06.html', DEAL);
    expect(sightings).toEqual(read('record-potential-2026-11-23.html', DEAL).sightings);
  });

  it('reads rows by their own id and any data-zcqa, skipping rows hidden with cruxHideRow', () => {
    const href = 'https://crm.zoho.com/crm/org60012345/tab/Leads/custom-view/5293322000000091055/list';
    const { sightings, failures } = read('list-leads-row-ids-2026-12-06.html', href);
    const before = read('list-leads-2026-11-23.html', href).sightings;
    expect(failures).toEqual([]);
    expect(sightings.map((s) => s.externalId)).toEqual(['5293322000003516055', '5293322000003516071']);
    expect(sightings).toEqual(
      before.slice(0, 2).map((s) => ({
        ...s,
        url: `https://crm.zoho.com/crm/org60012345/tab/Leads/${s.externalId}`,
      })),
    );
  });

  it('marks the kanban as unverified', () => {
    expect(zoho.unverified).toContain('board');
  });
});
