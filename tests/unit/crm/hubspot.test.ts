// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { hubspot, matchHubspotPage } from '../../../lib/crm/hubspot';
import { readPage } from '../../../lib/crm/read-page';
import { withHeaderFallback } from '../../../lib/crm/table-reader-fallback';
import type { PageMatch } from '../../../lib/crm/types';
import { generateHubspotDeals, generateHubspotList } from '../../fixtures/crm/generate-hubspot-list';
import { loadFixture, parseHtml } from './load-fixture';

const DEALS_LIST = 'https://app.hubspot.com/contacts/20456789/objects/0-3/views/all/list';
const CONTACTS_LIST = 'https://app.hubspot.com/contacts/20456789/objects/0-1/views/all/list';
const COMPANIES_LIST_EU = 'https://app-eu1.hubspot.com/contacts/26500000/objects/0-2/views/all/list';
const CONTACT_EU = 'https://app-eu1.hubspot.com/contacts/26500000/record/0-1/551';
const DEAL = 'https://app.hubspot.com/contacts/20456789/record/0-3/21474836533';

describe('matchHubspotPage', () => {
  it.each<[string, Partial<PageMatch> | null]>([
    [DEALS_LIST, { kind: 'list', objectType: 'deal', crmObject: '0-3' }],
    [CONTACTS_LIST, { kind: 'list', objectType: 'contact', crmObject: '0-1' }],
    [COMPANIES_LIST_EU, { kind: 'list', objectType: 'company', crmObject: '0-2' }],
    [
      'https://app-na2.hubspot.com/contacts/1/objects/0-3/views/123456/list?query=abc',
      { kind: 'list', objectType: 'deal' },
    ],
    ['https://app-ap1.hubspot.com/contacts/1/objects/0-1', { kind: 'list', objectType: 'contact' }],
    [CONTACT_EU, { kind: 'record', objectType: 'contact', crmObject: '0-1', recordId: '551' }],
    [DEAL, { kind: 'record', objectType: 'deal', recordId: '21474836533' }],
    [
      'https://app.hubspot.com/contacts/20456789/record/0-2/9001/view/1',
      { kind: 'record', objectType: 'company', recordId: '9001' },
    ],
    // Legacy routes, still redirected to by old bookmarks.
    [
      'https://app.hubspot.com/contacts/20456789/deal/777',
      { kind: 'record', objectType: 'deal', recordId: '777' },
    ],
    [
      'https://app.hubspot.com/contacts/20456789/contacts/list/view/all/',
      { kind: 'list', objectType: 'contact' },
    ],
    // Not read: tickets, boards, settings, other hosts, http.
    ['https://app.hubspot.com/contacts/20456789/record/0-5/12', null],
    ['https://app.hubspot.com/contacts/20456789/objects/0-3/views/all/board', null],
    ['https://app.hubspot.com/settings/20456789/users', null],
    ['https://app.hubspot.com/contacts/not-a-portal/record/0-1/551', null],
    ['https://www.hubspot.com/contacts/20456789/record/0-1/551', null],
    ['https://app.hubspot.com.evil.example/contacts/1/record/0-1/551', null],
    ['http://app.hubspot.com/contacts/1/record/0-1/551', null],
  ])('%s', (href, expected) => {
    const page = matchHubspotPage(new URL(href));
    if (expected === null) expect(page).toBeNull();
    else expect(page).toMatchObject(expected);
  });

  it.each([
    ['https://app.hubspot.com/', true],
    ['https://app-eu1.hubspot.com/x', true],
    ['https://app-na2.hubspot.com/x', true],
    ['https://knowledge.hubspot.com/x', false],
    ['https://example.com/', false],
  ])('matchesHost(%s) is %s', (href, expected) => {
    expect(hubspot.matchesHost(new URL(href))).toBe(expected);
  });
});

function read(file: string, href: string) {
  const url = new URL(href);
  const result = readPage(hubspot, loadFixture(`hubspot/${file}`), url);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('hubspot extraction', () => {
  it('reads every loaded deal row and skips the skeleton rows still loading', () => {
    const { sightings, failures } = read('list-deals-2026-11-23.html', DEALS_LIST);
    expect(failures).toEqual([]);
    expect(sightings).toEqual([
      {
        crm: 'hubspot',
        objectType: 'deal',
        externalId: '21474836481',
        url: 'https://app.hubspot.com/contacts/20456789/record/0-3/21474836481',
        name: 'Hợp đồng phần mềm POS – Cà Phê Sài Gòn',
        stage: 'Appointment scheduled',
        amount: 12_500_000,
        currency: 'VND',
        owner: 'Nguyễn Văn An',
        createdDate: Date.UTC(2026, 10, 20, 10, 15),
      },
      {
        crm: 'hubspot',
        objectType: 'deal',
        externalId: '21474836502',
        url: 'https://app.hubspot.com/contacts/20456789/record/0-3/21474836502',
        name: 'Acme Corp – Annual license',
        stage: 'Contract sent',
        amount: 12_500,
        currency: 'USD',
        owner: 'Sarah Johnson',
        createdDate: Date.UTC(2026, 10, 3, 16, 40),
      },
      {
        crm: 'hubspot',
        objectType: 'deal',
        externalId: '21474836533',
        url: 'https://app.hubspot.com/contacts/20456789/record/0-3/21474836533',
        name: 'Chuỗi nhà thuốc Minh Châu – 12 chi nhánh',
        stage: 'Closed won',
        amount: 250_000_000,
        currency: 'VND',
        owner: 'Trần Thị Bình',
        createdDate: Date.UTC(2026, 9, 28, 9, 2),
      },
      {
        // "--" amount and "No owner" are no values, not text.
        crm: 'hubspot',
        objectType: 'deal',
        externalId: '21474836577',
        url: 'https://app.hubspot.com/contacts/20456789/record/0-3/21474836577',
        name: 'Lê Hoàng Phúc – website redesign',
        stage: 'Qualified to buy',
        createdDate: Date.UTC(2026, 10, 22, 23, 30),
      },
    ]);
  });

  it('reads contacts: the name is the link text, not the avatar or the Preview button', () => {
    const { sightings } = read('list-contacts-2026-11-23.html', CONTACTS_LIST);
    expect(
      sightings.map((s) => [s.externalId, s.name, s.email, s.company, s.stage, s.status, s.channel, s.owner]),
    ).toEqual([
      [
        '551',
        'Phạm Thị Thu',
        'thu.pham@caphesaigon.vn',
        'Cà Phê Sài Gòn',
        'Marketing Qualified Lead',
        'Open',
        'Paid social',
        'Nguyễn Văn An',
      ],
      [
        '602',
        'Michael Brown',
        'm.brown@acme.example',
        undefined,
        'Lead',
        undefined,
        'Organic search',
        'Sarah Johnson',
      ],
      [
        '617',
        'Đỗ Quang Huy',
        'huy.do@nhathuocminhchau.vn',
        'Nhà thuốc Minh Châu',
        'Customer',
        'Connected',
        'Referrals',
        'Trần Thị Bình',
      ],
    ]);
    expect(sightings[0]!.createdDate).toBe(Date.UTC(2026, 10, 21, 8, 5));
  });

  it('reads companies on the EU host with EU record URLs', () => {
    const { sightings } = read('list-companies-2026-11-23.html', COMPANIES_LIST_EU);
    expect(sightings).toEqual([
      {
        crm: 'hubspot',
        objectType: 'company',
        externalId: '9001',
        url: 'https://app-eu1.hubspot.com/contacts/26500000/record/0-2/9001',
        name: 'Cà Phê Sài Gòn',
        stage: 'Opportunity',
        owner: 'Nguyễn Văn An',
        createdDate: Date.UTC(2026, 7, 14),
      },
      {
        crm: 'hubspot',
        objectType: 'company',
        externalId: '9033',
        url: 'https://app-eu1.hubspot.com/contacts/26500000/record/0-2/9033',
        name: 'Nordlicht GmbH',
        stage: 'Customer',
        owner: 'Lena Fischer',
        createdDate: Date.UTC(2026, 0, 5),
      },
    ]);
  });

  it('reads a contact record on app-eu1 from read-only property inputs; identity from the URL', () => {
    const { sightings } = read('record-contact-eu1-2026-11-23.html', CONTACT_EU);
    expect(sightings).toEqual([
      {
        crm: 'hubspot',
        objectType: 'contact',
        externalId: '551',
        url: 'https://app-eu1.hubspot.com/contacts/26500000/record/0-1/551',
        name: 'Phạm Thị Thu',
        email: 'thu.pham@caphesaigon.vn',
        stage: 'Marketing Qualified Lead',
        status: 'Open',
        owner: 'Nguyễn Văn An',
        channel: 'Paid social',
        createdDate: Date.UTC(2026, 10, 21, 8, 5),
      },
    ]);
  });

  it('reads a deal record whose amount is a bare number and whose currency is its own property', () => {
    const { sightings } = read('record-deal-2026-11-23.html', `${DEAL}?interaction=note`);
    expect(sightings).toEqual([
      {
        crm: 'hubspot',
        objectType: 'deal',
        externalId: '21474836533',
        url: DEAL,
        name: 'Chuỗi nhà thuốc Minh Châu – 12 chi nhánh',
        stage: 'Closed won',
        amount: 250_000_000,
        currency: 'VND',
        owner: 'Trần Thị Bình',
        createdDate: Date.UTC(2026, 9, 28, 9, 2),
      },
    ]);
  });

  it('puts the badge on the name cell of a row and on the title of a record', () => {
    const url = new URL(DEALS_LIST);
    const page = hubspot.matchPage(url)!;
    const [row] = hubspot.findItems(loadFixture('hubspot/list-deals-2026-11-23.html'), page);
    expect(hubspot.badgeAnchor(row!, page)?.getAttribute('data-test-id')).toBe(
      'cell-0-3-dealname-21474836481',
    );
    const recordPage = hubspot.matchPage(new URL(CONTACT_EU))!;
    const [record] = hubspot.findItems(loadFixture('hubspot/record-contact-eu1-2026-11-23.html'), recordPage);
    expect(hubspot.badgeAnchor(record!, recordPage)?.textContent).toBe('Phạm Thị Thu');
  });
});

describe('hubspot markup variants seen in public code', () => {
  const fromDeals = () => read('list-deals-2026-11-23.html', DEALS_LIST).sightings;

  it('reads cells hooked on data-table-external-id, the name from its truncated label', () => {
    const { sightings, failures } = read('list-deals-external-id-2026-12-06.html', DEALS_LIST);
    expect(failures).toEqual([]);
    expect(sightings).toEqual(fromDeals());
  });

  it('maps cells without a property hook through the header column index; ids from row-<id>', () => {
    const { sightings, failures } = read('list-deals-column-index-2026-12-06.html', DEALS_LIST);
    expect(failures).toEqual([]);
    // The second row's name is not a link: its id is the row's own hook.
    expect(sightings).toEqual(fromDeals());
  });

  it('reads nothing while the table says it is loading, and says so', () => {
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    const page = hubspot.matchPage(new URL(DEALS_LIST))!;
    doc.querySelector('table')!.setAttribute('data-test-loading', 'true');
    expect(hubspot.findItems(doc, page)).toEqual([]);
    expect(hubspot.isLoading?.(doc, page)).toBe(true);
    expect(hubspot.checkHealth(doc, page)).toEqual({ ok: true });
    doc.querySelector('table')!.setAttribute('data-test-loading', 'false');
    expect(hubspot.findItems(doc, page)).toHaveLength(4);
    expect(hubspot.isLoading?.(doc, page)).toBe(false);
  });

  it('finds a record by its scroll-trackable sidebar and its highlight-record-label title', () => {
    const { sightings } = read('record-deal-highlight-label-2026-12-06.html', DEAL);
    expect(sightings).toEqual([
      {
        crm: 'hubspot',
        objectType: 'deal',
        externalId: '21474836533',
        url: DEAL,
        name: 'Chuỗi nhà thuốc Minh Châu – 12 chi nhánh',
        stage: 'Closed won',
        amount: 250_000_000,
        currency: 'VND',
        owner: 'Trần Thị Bình',
      },
    ]);
  });

  it('no longer reads the obsolete [data-field] template', () => {
    const doc = parseHtml(
      '<div data-test-id="left-sidebar"><input readonly data-field="firstname" value="Thu"><input readonly data-field="lastname" value="Phạm"></div>',
    );
    const page = hubspot.matchPage(new URL(CONTACT_EU))!;
    const [record] = hubspot.findItems(doc, page);
    expect(hubspot.extract(record!, page, new URL(CONTACT_EU))).toEqual({
      ok: false,
      reason: 'no record name found',
    });
  });
});

describe('hubspot readings the background would refuse', () => {
  // extract no longer zod-parses each row (the background does, issue 17); readPage, which the
  // picker's preview shows, parses as the background will, so the preview never counts such a row.
  it('reads a 600-character deal name, and readPage reports it as a failure', () => {
    const url = new URL(DEALS_LIST);
    const long = 'Gói phần mềm '.repeat(50);
    const doc = parseHtml(
      generateHubspotList({ rows: 3 }).replace(/(<a href="[^"]+"><span>)[^<]+/, `$1${long}`),
    );
    const page = hubspot.matchPage(url)!;
    const [first] = hubspot.findItems(doc, page);
    expect(hubspot.extract(first!, page, url)).toMatchObject({ ok: true, sighting: { name: long.trim() } });
    const read = readPage(hubspot, doc, url);
    expect(read).toMatchObject({ status: 'ok' });
    if (read.status !== 'ok') return;
    expect(read.sightings).toHaveLength(2);
    expect(read.failures.map((f) => f.reason)).toEqual([expect.stringMatching(/^invalid sighting: name/)]);
  });
});

describe('hubspot health', () => {
  it('says the broken (redesigned) list page is a list it cannot read', () => {
    const url = new URL(DEALS_LIST);
    const doc = loadFixture('hubspot/list-broken-2026-11-23.html');
    const page = hubspot.matchPage(url);
    expect(page).toMatchObject({ kind: 'list', objectType: 'deal' });
    expect(hubspot.findItems(doc, page!)).toEqual([]);
    expect(hubspot.checkHealth(doc, page!)).toEqual({ ok: false, missing: ['table'] });
    expect(readPage(hubspot, doc, url)).toMatchObject({ status: 'unreadable', missing: ['table'] });
  });

  it('reports a healthy list page as ok', () => {
    const page = hubspot.matchPage(new URL(DEALS_LIST))!;
    expect(hubspot.checkHealth(loadFixture('hubspot/list-deals-2026-11-23.html'), page)).toEqual({
      ok: true,
    });
  });
});

describe('generated HubSpot list (benchmark fixture)', () => {
  it('makes 2,000 rows by default', () => {
    const html = generateHubspotList();
    expect(html.match(/<tr class="Row__/g)).toHaveLength(2000);
    expect(generateHubspotList()).toBe(html);
  });

  it('reads every generated row with the values it was generated from', () => {
    // 300 rows keep the test quick under happy-dom; the benchmark runs the full 2,000.
    const options = { rows: 300, skeletonRows: 20, seed: 7 };
    const doc = parseHtml(generateHubspotList(options));
    const expected = generateHubspotDeals(options);
    const result = readPage(hubspot, doc, new URL(DEALS_LIST));
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.sightings).toHaveLength(300);
    expect(result.failures).toEqual([]);
    for (const [index, deal] of expected.entries()) {
      expect(result.sightings[index]).toMatchObject({
        externalId: deal.id,
        name: deal.name,
        stage: deal.stage,
        amount: deal.amount,
        currency: deal.currency,
        owner: deal.owner,
      });
    }
  });

  it('without its hooks, is read by the header-based reader with the same values (the fallback bench)', () => {
    const options = { rows: 120, seed: 7, hooks: false };
    const doc = parseHtml(generateHubspotList(options));
    expect(readPage(hubspot, doc, new URL(DEALS_LIST)).status).toBe('unreadable');
    const fallback = withHeaderFallback(hubspot, new URL(DEALS_LIST));
    const result = readPage(fallback, doc, new URL(DEALS_LIST));
    if (result.status !== 'ok') throw new Error(result.status);
    expect(fallback.source()).toBe('headers');
    expect(result.failures).toEqual([]);
    expect(result.sightings.map((s) => [s.externalId, s.name, s.stage, s.amount, s.owner])).toEqual(
      generateHubspotDeals(options).map((d) => [d.id, d.name, d.stage, d.amount, d.owner]),
    );
  });
});
