// @vitest-environment happy-dom
/**
 * The header-based reader on every list fixture with its adapter switched off: the adapter's findItems
 * returns nothing, so the fallback must read the same records by the column headers alone, with the
 * same ids (from the adapter's own record URLs) — the leads stay the same leads.
 */
import { describe, expect, it, vi } from 'vitest';
import { hubspot } from '../../../lib/crm/hubspot';
import { readPage } from '../../../lib/crm/read-page';
import { salesforce } from '../../../lib/crm/salesforce';
import { findHeaderTables, headerNameCell, readHeaderRow } from '../../../lib/crm/table-reader';
import { withHeaderFallback } from '../../../lib/crm/table-reader-fallback';
import { fieldForHeader, normalizeHeader } from '../../../lib/crm/table-reader-headers';
import type { CrmAdapter } from '../../../lib/crm/types';
import { zoho } from '../../../lib/crm/zoho';
import { fixtureFiles, loadFixture, parseHtml } from './load-fixture';

const LIST_URLS: Record<string, string> = {
  hubspot: 'https://app.hubspot.com/contacts/20456789/objects/0-3/views/all/list',
  salesforce: 'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=AllOpportunities',
  zoho: 'https://crm.zoho.com/crm/org60012345/tab/Leads/custom-view/5293322000000091055/list',
};
const OBJECT_URLS: Record<string, string> = {
  'list-contacts': 'https://app.hubspot.com/contacts/20456789/objects/0-1/views/all/list',
  'list-companies': 'https://app-eu1.hubspot.com/contacts/26500000/objects/0-2/views/all/list',
};
const ADAPTERS: Record<string, CrmAdapter> = { hubspot, salesforce, zoho };

/** The adapter with its own list reading switched off, as after a CRM redesign. */
function switchedOff(adapter: CrmAdapter): CrmAdapter {
  return {
    ...adapter,
    findItems: (root, page) => (page.kind === 'list' ? [] : adapter.findItems(root, page)),
  };
}

/** The index of the cell holding the record link (the name column) in a HubSpot fixture row. */
function readPageNameColumn(row: HTMLTableRowElement): number {
  return Array.from(row.cells).findIndex((cell) => cell.querySelector('a[href*="/record/"]'));
}

const listFixtures = Object.keys(ADAPTERS).flatMap((crm) =>
  fixtureFiles(crm)
    .filter((file) => file.startsWith('list-') && !/^list-(?:broken|renamed)-/.test(file))
    .map((file) => [crm, file] as const),
);

describe('header-based reader on every list fixture, adapter switched off', () => {
  it.each(listFixtures)('%s/%s: the same records, names and ids', (crm, file) => {
    const adapter = ADAPTERS[crm]!;
    const href = OBJECT_URLS[file.replace(/-\d{4}-\d{2}-\d{2}\.html$/, '')] ?? LIST_URLS[crm]!;
    const url = new URL(href);
    const expected = readPage(adapter, loadFixture(`${crm}/${file}`), url);
    if (expected.status !== 'ok') throw new Error(`adapter cannot read ${file}`);
    const fallback = withHeaderFallback(switchedOff(adapter), url);
    const got = readPage(fallback, loadFixture(`${crm}/${file}`), url);
    if (got.status !== 'ok') throw new Error(`fallback cannot read ${file}`);
    expect(fallback.source()).toBe('headers');
    expect(got.failures.map((f) => f.reason)).toEqual([]);
    const key = (s: { externalId: string; name: string }) => [s.externalId, s.name];
    expect(got.sightings.map(key)).toEqual(expected.sightings.map(key));
    // Amount, stage/status and owner come through the headers too, wherever the adapter had them.
    for (const [i, sighting] of got.sightings.entries()) {
      const want = expected.sightings[i]!;
      for (const field of ['amount', 'currency', 'stage', 'status', 'owner'] as const) {
        if (want[field] !== undefined) expect([field, sighting[field]]).toEqual([field, want[field]]);
      }
    }
  });

  it('reads a renamed HubSpot table the adapter cannot, and says the fallback is in use', () => {
    const url = new URL(LIST_URLS.hubspot!);
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    doc.querySelector('table')!.setAttribute('data-test-id', 'crm-object-table');
    for (const td of Array.from(doc.querySelectorAll('td'))) td.removeAttribute('data-test-id');
    expect(readPage(hubspot, doc, url).status).toBe('unreadable');
    const fallback = withHeaderFallback(hubspot, url);
    const got = readPage(fallback, doc, url);
    expect(fallback.source()).toBe('headers');
    expect(got.status === 'ok' && got.sightings.map((s) => s.externalId)).toEqual([
      '21474836481',
      '21474836502',
      '21474836533',
      '21474836577',
    ]);
  });

  it('reads the rows a CRM re-renders after the fallback took over, and no others', () => {
    // React replaces rows with new elements: the fallback must read them by the same headers without
    // a new scan of the page (the scanner only sees them as new rows beside the old ones).
    const url = new URL(LIST_URLS.hubspot!);
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    doc.querySelector('table')!.setAttribute('data-test-id', 'crm-object-table');
    for (const td of Array.from(doc.querySelectorAll('td'))) td.removeAttribute('data-test-id');
    const fallback = withHeaderFallback(hubspot, url);
    const page = fallback.matchPage(url)!;
    const [first] = fallback.findItems(doc, page);
    const fresh = doc.createElement('tr');
    fresh.innerHTML = first!.innerHTML.replace(/21474836481/g, '21474836999');
    first!.replaceWith(fresh);
    const read = fallback.extract(fresh, page, url);
    expect(read.ok && [read.sighting.externalId, read.sighting.name]).toEqual([
      '21474836999',
      expect.stringMatching(/\S/),
    ]);
    expect(fallback.badgeAnchor(fresh, page)).toBe(fresh.cells[readPageNameColumn(fresh)]);
    // A row elsewhere (another table's) is not taken for one of this table's.
    const stray = doc.createElement('tr');
    stray.innerHTML = fresh.innerHTML;
    const other = doc.createElement('table');
    other.createTBody().append(stray);
    doc.body.append(other);
    expect(fallback.extract(stray, page, url).ok).toBe(false);
  });

  it('keeps "can\'t read" when no table has a recognised header (the headerless redesign)', () => {
    const url = new URL(LIST_URLS.hubspot!);
    const doc = loadFixture('hubspot/list-broken-2026-11-23.html');
    expect(readPage(withHeaderFallback(hubspot, url), doc, url).status).toBe('unreadable');
  });

  it('stays out of the way when the adapter reads rows', () => {
    const url = new URL(LIST_URLS.hubspot!);
    const fallback = withHeaderFallback(hubspot, url);
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    const page = fallback.matchPage(url)!;
    expect(fallback.findItems(doc, page)).toEqual(hubspot.findItems(doc, page));
    expect(fallback.source()).toBe('adapter');
  });

  it('costs one extract of the first row, and no table search, where the adapter reads', () => {
    const url = new URL(LIST_URLS.hubspot!);
    let extracts = 0;
    const counting: CrmAdapter = {
      ...hubspot,
      extract: (item, page, u) => {
        extracts++;
        return hubspot.extract(item, page, u);
      },
    };
    const fallback = withHeaderFallback(counting, url);
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    const selectors: string[] = [];
    const original = Document.prototype.querySelectorAll;
    const spy = vi.spyOn(Document.prototype, 'querySelectorAll').mockImplementation(function (
      this: Document,
      selector: string,
    ) {
      selectors.push(selector);
      return original.call(this, selector);
    });
    try {
      fallback.findItems(doc, fallback.matchPage(url)!);
    } finally {
      spy.mockRestore();
    }
    expect(extracts).toBe(1);
    expect(selectors.filter((s) => s.includes('role="grid"'))).toEqual([]);
  });

  it('does not step in while the CRM says its table is loading', () => {
    const url = new URL(LIST_URLS.hubspot!);
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    doc.querySelector('table')!.setAttribute('data-test-loading', 'true');
    const fallback = withHeaderFallback(hubspot, url);
    expect(fallback.findItems(doc, fallback.matchPage(url)!)).toEqual([]);
    expect(fallback.source()).toBe('none');
  });

  it('steps in when the adapter finds rows but reads none of them', () => {
    const url = new URL(LIST_URLS.hubspot!);
    const broken: CrmAdapter = { ...hubspot, extract: () => ({ ok: false, reason: 'no record name found' }) };
    const fallback = withHeaderFallback(broken, url);
    const items = fallback.findItems(
      loadFixture('hubspot/list-deals-2026-11-23.html'),
      fallback.matchPage(url)!,
    );
    expect(items).toHaveLength(4);
    expect(fallback.source()).toBe('headers');
  });
});

describe('headerNameCell (the badge anchor, without reading the row)', () => {
  it.each(listFixtures)('%s/%s: the same cell readHeaderRow names', (crm, file) => {
    const tables = findHeaderTables(loadFixture(`${crm}/${file}`));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables)
      for (const row of table.rows)
        expect(headerNameCell(table, row)).toBe(readHeaderRow(table, row).nameCell);
  });
});

describe('findHeaderTables', () => {
  it('reads ARIA grids and CSS-grid lists in any of its languages', () => {
    const doc = parseHtml(`
      <div role="grid"><div role="row"><span role="columnheader">Nombre del trato</span><span role="columnheader">Importe</span><span role="columnheader">Etapa</span></div>
        <div role="row"><span role="gridcell"><a href="/d/1">Alfa</a></span><span role="gridcell">1.000 €</span><span role="gridcell">Ganado</span></div></div>
      <section><div class="list-header"><b>商談名</b><b>金額</b><b>担当者</b></div>
        <div class="rows"><div><i>ベータ</i><i>¥5,000</i><i>山田</i></div><div><i>ガンマ</i><i>¥7,000</i><i>佐藤</i></div></div></section>`);
    const tables = findHeaderTables(doc);
    expect(tables.map((t) => [t.kind, t.rows.length, t.columns])).toEqual([
      ['css-grid', 2, { name: 0, amount: 1, owner: 2 }],
      ['aria', 1, { name: 0, amount: 1, stage: 2 }],
    ]);
  });

  it('ignores tables without a name column (settings, calendars)', () => {
    const doc = parseHtml(
      '<table><thead><tr><th>Mon</th><th>Tue</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
    expect(findHeaderTables(doc)).toEqual([]);
  });

  it.each([
    ['Create Date (GMT+7)', 'createdDate'],
    ['Sort by: Amount', 'amount'],
    ['TÊN CƠ HỘI', 'name'],
    ['Chủ sở hữu', 'owner'],
    ['Erstellungsdatum', 'createdDate'],
    ["Nom de l'opportunité", 'name'],
    ['Fecha de cierre', 'closeDate'],
    ['Origem do lead', 'source'],
    ['フェーズ', 'stage'],
    ['Lead Status', 'status'],
    ['Favourite colour', null],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)?.field ?? null).toBe(field);
    expect(normalizeHeader(header)).not.toMatch(/[()]/);
  });
});
