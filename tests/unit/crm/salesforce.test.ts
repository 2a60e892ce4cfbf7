// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/crm/read-page';
import { isActiveView, matchSalesforcePage, salesforce, toSalesforceId18 } from '../../../lib/crm/salesforce';
import type { PageMatch } from '../../../lib/crm/types';
import { loadFixture, parseHtml } from './load-fixture';

const LIST = 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=AllOpportunities';
const RECORD = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZcDAAV/view';
const LEAD_SHORT = 'https://acme.lightning.force.com/lightning/r/00Q5g00000LmNoP/view';

describe('matchSalesforcePage', () => {
  it.each<[string, Partial<PageMatch> | null]>([
    [LIST, { kind: 'list', objectType: 'opportunity', crmObject: 'Opportunity' }],
    ['https://acme.lightning.force.com/lightning/o/Lead/home', { kind: 'list', objectType: 'lead' }],
    [
      'https://acme--uat.sandbox.lightning.force.com/lightning/o/Account/list',
      { kind: 'list', objectType: 'account' },
    ],
    [RECORD, { kind: 'record', objectType: 'opportunity', recordId: '0065g00000XyZcDAAV' }],
    // A 15-character id becomes the 18-character one, so both URLs are the same lead.
    [
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZcD/view',
      { recordId: '0065g00000XyZcDAAV' },
    ],
    [LEAD_SHORT, { kind: 'record', objectType: 'lead', crmObject: 'Lead', recordId: '00Q5g00000LmNoPEAV' }],
    [
      'https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view',
      { objectType: 'contact' },
    ],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZcDAAV/edit', null],
    ['https://acme.lightning.force.com/lightning/r/Case/5005g00000AbCdEAAV/view', null],
    ['https://acme.lightning.force.com/lightning/o/Case/list', null],
    ['https://acme.lightning.force.com/lightning/page/home', null],
    ['https://acme.my.salesforce.com/0065g00000XyZcD', null],
    ['https://lightning.force.com.evil.example/lightning/o/Lead/list', null],
    // The government cloud, Salesforce on Alibaba Cloud, and the Defender for Cloud Apps proxy.
    ['https://acme.lightning.force.mil/lightning/o/Lead/list', { kind: 'list', objectType: 'lead' }],
    ['https://acme.lightning.sfcrmapps.cn/lightning/o/Account/list', { kind: 'list', objectType: 'account' }],
    [
      'https://acme.lightning.sfcrmproducts.cn/lightning/o/Contact/home',
      { kind: 'list', objectType: 'contact' },
    ],
    [
      'https://acme.lightning.force.com.mcas.ms/lightning/r/Opportunity/0065g00000XyZcDAAV/view',
      { kind: 'record', objectType: 'opportunity' },
    ],
    ['https://sfcrmapps.cn/lightning/o/Lead/list', null],
    ['https://acme.lightning.force.mil.evil.example/lightning/o/Lead/list', null],
  ])('%s', (href, expected) => {
    const page = matchSalesforcePage(new URL(href));
    if (expected === null) expect(page).toBeNull();
    else expect(page).toMatchObject(expected);
  });
});

describe('toSalesforceId18', () => {
  it.each([
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['0065g00000XyZcD', '0065g00000XyZcDAAV'],
    ['0065g00000XyZcDAAV', '0065g00000XyZcDAAV'],
  ])('%s → %s', (id, expected) => {
    expect(toSalesforceId18(id)).toBe(expected);
  });
});

function read(file: string, href: string) {
  const result = readPage(salesforce, loadFixture(`salesforce/${file}`), new URL(href));
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('salesforce list views', () => {
  it('reads the rows of the active view through shadow roots, and none of the cached views', () => {
    // The grid lives in lightning-datatable's shadow root: a plain query cannot see it.
    expect(loadFixture('salesforce/list-opportunities-2026-11-23.html').querySelector('table')).toBeNull();
    const { sightings, failures } = read('list-opportunities-2026-11-23.html', LIST);
    expect(failures).toEqual([]);
    expect(sightings).toEqual([
      {
        crm: 'salesforce',
        objectType: 'opportunity',
        externalId: '0065g00000XyZaBAAV',
        url: 'https://acme.lightning.force.com/lightning/r/0065g00000XyZaBAAV/view',
        name: 'Cà Phê Sài Gòn – POS rollout',
        company: 'Cà Phê Sài Gòn',
        stage: 'Prospecting',
        amount: 12_500_000,
        currency: 'VND',
        owner: 'Nguyễn Văn An',
        createdDate: Date.UTC(2026, 10, 20),
      },
      {
        crm: 'salesforce',
        objectType: 'opportunity',
        externalId: '0065g00000XyZbCAAV',
        url: 'https://acme.lightning.force.com/lightning/r/0065g00000XyZbCAAV/view',
        name: 'Acme Corp – Renewal 2027',
        company: 'Acme Corp',
        stage: 'Negotiation/Review',
        amount: 48_000,
        currency: 'USD',
        owner: 'Sarah Johnson',
        // en-US page: 11/3/2026 is 3 November.
        createdDate: Date.UTC(2026, 10, 3),
      },
      {
        crm: 'salesforce',
        objectType: 'opportunity',
        externalId: '0065g00000XyZcDAAV',
        url: 'https://acme.lightning.force.com/lightning/r/0065g00000XyZcDAAV/view',
        name: 'Minh Châu Pharmacy – 12 stores',
        company: 'Chuỗi nhà thuốc Minh Châu',
        stage: 'Closed Won',
        amount: 250_000_000,
        currency: 'VND',
        owner: 'Trần Thị Bình',
        createdDate: Date.UTC(2026, 9, 28),
      },
    ]);
    expect(sightings.some((s) => s.externalId === '0065g00000OldAaAAJ')).toBe(false);
  });

  it('reads Vietnamese column labels and vi-VN amounts and dates', () => {
    const { sightings } = read('list-opportunities-vi-2026-11-23.html', LIST);
    expect(sightings).toEqual([
      {
        crm: 'salesforce',
        objectType: 'opportunity',
        externalId: '0065g00000ViAaAAAJ',
        url: 'https://acme.lightning.force.com/lightning/r/0065g00000ViAaAAAJ/view',
        name: 'Khách sạn Hoàng Gia – phần mềm đặt phòng',
        company: 'Khách sạn Hoàng Gia',
        stage: 'Tìm kiếm khách hàng',
        amount: 12_500_000,
        currency: 'VND',
        owner: 'Lê Minh Tuấn',
        createdDate: Date.UTC(2026, 10, 20),
      },
      {
        crm: 'salesforce',
        objectType: 'opportunity',
        externalId: '0065g00000ViBbAAAJ',
        url: 'https://acme.lightning.force.com/lightning/r/0065g00000ViBbAAAJ/view',
        name: 'Trường Mầm non Hoa Sen – gói năm',
        company: 'Trường Mầm non Hoa Sen',
        stage: 'Đàm phán/Xem xét',
        amount: 1_250_000_000,
        currency: 'VND',
        owner: 'Phạm Thu Hà',
        // vi page: 05/11/2026 is 5 November.
        createdDate: Date.UTC(2026, 10, 5),
      },
    ]);
  });

  it('anchors the badge on the row header (the name cell)', () => {
    const page = salesforce.matchPage(new URL(LIST))!;
    const [row] = salesforce.findItems(loadFixture('salesforce/list-opportunities-2026-11-23.html'), page);
    expect(salesforce.badgeAnchor(row!, page)?.getAttribute('data-label')).toBe('Opportunity Name');
  });
});

describe('salesforce record pages', () => {
  it('reads the active record by API name and ignores the cached previous record', () => {
    const doc = loadFixture('salesforce/record-opportunity-2026-11-23.html');
    const page = salesforce.matchPage(new URL(RECORD))!;
    const items = salesforce.findItems(doc, page);
    expect(items).toHaveLength(1);
    expect(isActiveView(items[0]!)).toBe(true);
    expect(salesforce.extract(items[0]!, page, new URL(RECORD))).toEqual({
      ok: true,
      sighting: {
        crm: 'salesforce',
        objectType: 'opportunity',
        externalId: '0065g00000XyZcDAAV',
        url: RECORD,
        name: 'Minh Châu Pharmacy – 12 stores',
        company: 'Chuỗi nhà thuốc Minh Châu',
        stage: 'Closed Won',
        amount: 250_000_000,
        currency: 'VND',
        // The lookup's link, without the hidden "Change Owner" helper text.
        owner: 'Trần Thị Bình',
        channel: 'Facebook Ads',
      },
    });
  });

  it('reads a French lead by its localized labels, reached by a 15-character id URL', () => {
    const { sightings } = read('record-lead-fr-2026-11-23.html', LEAD_SHORT);
    expect(sightings).toEqual([
      {
        crm: 'salesforce',
        objectType: 'lead',
        externalId: '00Q5g00000LmNoPEAV',
        url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000LmNoPEAV/view',
        name: 'Camille Durand',
        company: 'Boulangerie Durand SARL',
        email: 'camille@boulangerie-durand.fr',
        status: 'Contacté',
        owner: 'Lena Fischer',
        channel: 'Salon professionnel',
      },
    ]);
  });

  it('finds nothing when the only record is in a cached (inactive) view', () => {
    const doc = loadFixture('salesforce/record-opportunity-2026-11-23.html');
    const active = doc.querySelector('.oneContent.active')!;
    active.classList.remove('active');
    const page = salesforce.matchPage(new URL(RECORD))!;
    expect(salesforce.findItems(doc, page)).toEqual([]);
    expect(salesforce.checkHealth(doc, page)).toEqual({ ok: false, missing: ['recordRoot'] });
  });
});

describe('salesforce health', () => {
  it('is unreadable on a record URL whose page shows a list', () => {
    const doc = loadFixture('salesforce/list-opportunities-2026-11-23.html');
    expect(readPage(salesforce, doc, new URL(RECORD))).toMatchObject({
      status: 'unreadable',
      missing: ['recordRoot'],
    });
  });
});

describe('salesforce in synthetic shadow (Lightning Experience by default)', () => {
  it('reads the same rows from the flat list as from the native-shadow one', () => {
    const flat = read('list-opportunities-synthetic-2026-12-06.html', LIST);
    expect(flat.failures).toEqual([]);
    expect(flat.sightings).toEqual(read('list-opportunities-2026-11-23.html', LIST).sightings);
  });

  it('reads a Spanish lead by API names on inner divs and Dynamic Forms fields; title a formatted name', () => {
    const href = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000QrStUAAV/view';
    const { sightings, failures } = read('record-lead-es-synthetic-2026-12-06.html', href);
    expect(failures).toEqual([]);
    expect(sightings).toEqual([
      {
        crm: 'salesforce',
        objectType: 'lead',
        externalId: '00Q5g00000QrStUAAV',
        url: href,
        name: 'Sra. Lucía Fernández',
        company: 'Clínica Dental Sonrisa',
        email: 'lucia@sonrisa.es',
        status: 'Contactado',
        owner: 'Javier Ruiz',
        channel: 'Web',
      },
    ]);
  });

  it('falls back to the visible label text when an item has neither API name nor field-label', () => {
    const doc = parseHtml(`<div class="oneContent active"><one-record-home-flexipage2>
      <lightning-formatted-name slot="primaryField">Ana Souza</lightning-formatted-name>
      <records-record-layout-item><div><span class="test-id__field-label">Status do lead</span>
      <span class="test-id__field-value">Novo</span></div></records-record-layout-item>
      </one-record-home-flexipage2></div>`);
    const href = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000QrStUAAV/view';
    const result = readPage(salesforce, doc, new URL(href));
    expect(result).toMatchObject({ status: 'ok', sightings: [{ name: 'Ana Souza', status: 'Novo' }] });
  });

  it('reads rows Lightning appends as the user scrolls (progressive loading), skipping the spinner row', () => {
    const doc = loadFixture('salesforce/list-opportunities-synthetic-2026-12-06.html');
    const page = salesforce.matchPage(new URL(LIST))!;
    const before = salesforce.findItems(doc, page).length;
    const body = salesforce.findItems(doc, page)[0]!.parentElement!;
    const row = doc.createElement('tr');
    row.setAttribute('data-row-key-value', '0065g00000XyZzZAAV');
    row.innerHTML =
      '<th scope="row" data-label="Opportunity Name"><a href="/lightning/r/0065g00000XyZzZAAV/view">Later row</a></th>';
    const spinner = doc.createElement('tr');
    spinner.innerHTML = '<td colspan="5"><lightning-spinner></lightning-spinner></td>';
    body.append(row, spinner);
    const after = salesforce.findItems(doc, page);
    expect(after).toHaveLength(before + 1);
    expect(salesforce.extract(after.at(-1)!, page, new URL(LIST))).toMatchObject({
      ok: true,
      sighting: { externalId: '0065g00000XyZzZAAV', name: 'Later row' },
    });
  });
});
