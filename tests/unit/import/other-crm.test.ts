// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createCustomAdapter } from '../../../lib/crm/custom';
import type { CrmMapping } from '../../../lib/crm/mapping';
import {
  customRecord,
  inferTemplate,
  templateFromMapping,
  templateProblem,
} from '../../../lib/import/custom-records';
import { detectImport } from '../../../lib/import/detect-kind';
import { buildImportPlan, type ImportConfig, ImportConfigError } from '../../../lib/import/plan';
import { type CsvImportOptions, importCsv } from '../../../lib/import/run-import';
import { Lead, leadId } from '../../../lib/schema';
import { autoOptions } from './fixtures';

const ORIGIN = 'http://127.0.0.1:5173';

/** Every lead the import would store. */
async function importAll(file: File, options: CsvImportOptions): Promise<{ leads: Lead[]; bad: number }> {
  const leads: Lead[] = [];
  const result = await importCsv(file, {
    ...options,
    skipBadRows: true,
    sink: async (batch) => {
      if (batch.kind === 'leads') leads.push(...batch.records.map((r) => Lead.parse(r)));
    },
  });
  return { leads, bad: result.summary.badRows };
}
const CONTACTS = `${ORIGIN}/#/contacts/{id}/show`;

describe('detection of exports from CRMs Pacer has no adapter for', () => {
  it.each([
    ['atrium-contacts-export.csv', 'contact list with status dots'],
    ['kanban-deals-export.csv', 'kanban deals with two currencies'],
    ['grid-deals-export.csv', 'virtual grid, semicolon-separated'],
  ])('%s (%s) is an "Other CRM" export, never a HubSpot/Salesforce/Pipedrive/Zoho one', async (name) => {
    const { guess } = await autoOptions(name);
    expect(guess.profileId).toBe('other-crm');
    expect(guess.crm).toBeUndefined();
    expect(guess.missing).toEqual([]);
    expect(guess.confidence).toBeGreaterThanOrEqual(0.8);
    // The built-in CRM readings stay listed for the user to pick, but below the 0.5 that is chosen.
    for (const alt of guess.alternatives.filter((a) => a.crm)) expect(alt.confidence).toBeLessThan(0.5);
  });

  it('maps the generic columns: id, name, stage, status, amount, currency, owner, email, created, close', () => {
    const headers = [
      'ID',
      'Name',
      'Stage',
      'Status',
      'Amount',
      'Currency',
      'Owner',
      'Email',
      'Created',
      'Close',
    ];
    const guess = detectImport(headers, [
      ['7', 'A', 'Won', 'open', '5', 'USD', 'Lan', 'a@b.c', '2026-01-02', '2026-02-03'],
    ]);
    expect(guess.profileId).toBe('other-crm');
    expect(guess.mapping).toEqual({
      externalId: 0,
      name: 1,
      stage: 2,
      status: 3,
      amount: 4,
      currency: 5,
      owner: 6,
      email: 7,
      createdDate: 8,
      wonDate: 9,
    });
  });

  it('a "Deal ID, Deal Stage, Amount" file is not Pipedrive or HubSpot without their telltale headers', () => {
    const guess = detectImport(
      ['Deal ID', 'Deal Name', 'Stage', 'Amount', 'Close Date'],
      [['1', 'x', 'Won', '5', '2026-01-01']],
    );
    expect(guess.crm).toBeUndefined();
    // With HubSpot's own headers it is HubSpot's again.
    const hubspot = detectImport(
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Pipeline', 'Deal owner'],
      [['1', 'x', 'closedwon', '5', '2026-01-01', 'Sales', 'Lan']],
    );
    expect(hubspot.crm).toBe('hubspot');
  });
});

describe('record templates', () => {
  it('builds the same external id the custom adapter reads off the page', () => {
    const mapping: CrmMapping = {
      version: 1,
      origin: ORIGIN,
      kind: 'list',
      objectType: 'contact',
      hashPrefix: '#/contacts',
      item: 'li.c-row',
      fields: { name: '.c-name' },
      createdAt: 1,
    };
    const adapter = createCustomAdapter(mapping);
    document.body.innerHTML = `<ul><li class="c-row"><a href="#/contacts/205/show"><span class="c-name">Minh Bui</span></a></li></ul>`;
    const url = new URL(`${ORIGIN}/#/contacts`);
    const page = adapter.matchPage(url)!;
    const read = adapter.extract(adapter.findItems(document, page)[0]!, page, url);
    if (!read.ok) throw new Error(read.reason);
    const imported = customRecord({ origin: ORIGIN, template: CONTACTS }, '205');
    expect(imported.externalId).toBe(read.sighting.externalId);
    expect(imported.url).toBe(read.sighting.url);
  });

  it('a page amount keeps its own currency; a bare number takes the mapping’s default currency', () => {
    const mapping: CrmMapping = {
      version: 1,
      origin: ORIGIN,
      kind: 'board',
      objectType: 'deal',
      item: '.card',
      idAttribute: 'data-id',
      defaultCurrency: 'VND',
      fields: { name: 'h3', amount: '.amt' },
      createdAt: 1,
    };
    const adapter = createCustomAdapter(mapping);
    document.body.innerHTML = ['$52.6K', '₫1,2 tỷ', '52.600 €', '12.500.000']
      .map(
        (a, i) => `<div class="card" data-id="d${i}"><h3>Deal ${i}</h3><span class="amt">${a}</span></div>`,
      )
      .join('');
    const url = new URL(`${ORIGIN}/board`);
    const page = adapter.matchPage(url)!;
    const read = adapter.findItems(document, page).map((item) => {
      const r = adapter.extract(item, page, url);
      return r.ok ? [r.sighting.amount, r.sighting.currency] : r.reason;
    });
    expect(read).toEqual([
      [52_600, 'USD'],
      [1_200_000_000, 'VND'],
      [52_600, 'EUR'],
      [12_500_000, 'VND'],
    ]);
    const { defaultCurrency: _, ...without } = mapping;
    const bare = createCustomAdapter(without);
    const item = bare.findItems(document, page)[3]!;
    const r = bare.extract(item, page, url);
    expect(r.ok && r.sighting.currency).toBeUndefined();
  });

  it('infers the template from leads already read, and from the mapping before any', () => {
    const leads = [192, 193, 205].map((n) => ({
      crm: `custom:${ORIGIN}`,
      objectType: 'contact',
      externalId: `/#/contacts/${n}/show`,
    }));
    expect(inferTemplate(ORIGIN, leads, 'contact')).toBe(CONTACTS);
    expect(inferTemplate(ORIGIN, leads.slice(0, 1), 'contact')).toBeNull();
    expect(inferTemplate('http://other.test', leads, 'contact')).toBeNull();
    const cards = [1000, 1007].map((n) => ({
      crm: `custom:${ORIGIN}`,
      objectType: 'deal',
      externalId: `deal-${n}`,
    }));
    expect(inferTemplate(ORIGIN, cards, 'deal')).toBe('deal-{id}');
    const base = { origin: ORIGIN, fields: { name: '.n' } };
    expect(templateFromMapping({ ...base, idAttribute: 'data-drag-id' })).toBe('{id}');
    expect(templateFromMapping({ ...base, fields: { name: '.n', id: '.id' } })).toBe('id:{id}');
    expect(templateFromMapping({ ...base, hashPrefix: '#/contacts' })).toBe(CONTACTS.replace('/show', ''));
  });

  it('rejects a template without {id} or on another site, with a clear message', () => {
    expect(templateProblem({ origin: ORIGIN, template: `${ORIGIN}/#/contacts/1/show` })).toBe('missing-slot');
    expect(templateProblem({ origin: ORIGIN, template: 'http://evil.test/{id}' })).toBe('other-origin');
    expect(templateProblem({ origin: ORIGIN, template: 'deal-{id}' })).toBeNull();
    const config: ImportConfig = {
      kind: 'leads',
      mapping: { externalId: 0 },
      headers: ['id'],
      dateFormat: 'yyyy-mm-dd',
      numberFormat: '1,234.5',
      timeZone: 'UTC',
      objectType: 'contact',
      custom: { origin: ORIGIN, template: 'http://evil.test/{id}' },
    };
    expect(() => buildImportPlan(config)).toThrow(ImportConfigError);
    expect(() => buildImportPlan(config)).toThrow(/must be on http:\/\/127\.0\.0\.1:5173/);
  });
});

describe('importing an Other CRM export', () => {
  it('the contacts export becomes 25 distinct leads keyed like the page-read ones', async () => {
    const { options, file } = await autoOptions('atrium-contacts-export.csv', {
      objectType: 'contact',
      custom: { origin: ORIGIN, template: CONTACTS },
      timeZone: 'UTC',
    });
    const { leads, bad } = await importAll(file, options);
    expect(bad).toBe(0);
    expect(leads[0]).toMatchObject({
      id: `custom:${ORIGIN}:contact:/#/contacts/192/show`,
      crm: `custom:${ORIGIN}`,
      externalId: '/#/contacts/192/show',
      url: `${ORIGIN}/#/contacts/192/show`,
      name: 'Ann Lee',
      email: 'ann.lee0@example.com',
      status: 'active',
      createdDate: Date.UTC(2026, 0, 5, 9),
    });
    expect(leads[0]!.id).toBe(leadId(leads[0]!));
    expect(new Set(leads.map((l) => l.id)).size).toBe(25);
  });

  it('kanban deals keep each row’s currency; a close date dates only won and lost stages', async () => {
    const { options, file } = await autoOptions('kanban-deals-export.csv', {
      objectType: 'deal',
      custom: { origin: ORIGIN, template: 'deal-{id}' },
      timeZone: 'UTC',
    });
    const { leads } = await importAll(file, options);
    const byId = new Map(leads.map((l) => [l.externalId, l]));
    expect(byId.get('deal-1000')).toMatchObject({ amount: 52_600, currency: 'USD', stage: 'Lead' });
    expect(byId.get('deal-1007')).toMatchObject({ amount: 450_000_000, currency: 'VND' });
    // Won (row 4): dated by its close date. Lead (row 1): by the import, not by its expected close.
    expect(byId.get('deal-1021')?.stageHistory).toEqual([{ stage: 'Won', at: Date.UTC(2026, 4, 7) }]);
    expect(byId.get('deal-1000')?.stageHistory[0]?.at).not.toBe(Date.UTC(2026, 11, 1));
    // The close date itself is kept on every deal that has one, as the picker stores it.
    expect(byId.get('deal-1021')?.closeDate).toBe(Date.UTC(2026, 4, 7));
    expect(byId.get('deal-1000')?.closeDate).toBe(Date.UTC(2026, 11, 1));
  });

  it('the virtual grid’s 2,000-row export (";") becomes 2,000 deals keyed by their /deals/<id> links', async () => {
    const { options, file } = await autoOptions('grid-deals-export.csv', {
      objectType: 'deal',
      custom: { origin: ORIGIN, template: `${ORIGIN}/deals/{id}` },
      timeZone: 'UTC',
    });
    expect(options.delimiter).toBe(';');
    const { leads, bad } = await importAll(file, options);
    expect(bad).toBe(0);
    expect(new Set(leads.map((l) => l.id)).size).toBe(2000);
    expect(leads[0]).toMatchObject({
      id: `custom:${ORIGIN}:deal:/deals/50000`,
      url: `${ORIGIN}/deals/50000`,
      name: 'Cloud deal #1',
      stage: 'New',
      amount: 1000,
      owner: 'Minh Tran',
      createdDate: Date.UTC(2026, 0, 1),
    });
    // The grid's rows link to /deals/<id>: the page reads the same external id.
    expect(customRecord({ origin: ORIGIN, template: `${ORIGIN}/deals/{id}` }, '50000').externalId).toBe(
      '/deals/50000',
    );
  });

  it('reads shown amounts ("$52.6K", "₫1,2 tỷ") with their currencies', () => {
    const plan = buildImportPlan({
      kind: 'leads',
      mapping: { externalId: 0, name: 1, amount: 2 },
      headers: ['id', 'name', 'amount'],
      dateFormat: 'yyyy-mm-dd',
      numberFormat: '1,234.5',
      timeZone: 'UTC',
      objectType: 'deal',
      currency: 'VND',
      custom: { origin: ORIGIN, template: '{id}' },
      now: 5,
    });
    const read = (amount: string, row: number) => plan.addRow([String(row), 'x', amount], row) as Lead | null;
    expect(read('$52.6K', 2)).toMatchObject({ amount: 52_600, currency: 'USD' });
    expect(read('₫1,2 tỷ', 3)).toMatchObject({ amount: 1_200_000_000, currency: 'VND' });
    // A plain number in the shown style is read in the file's number format (1,234.5 here).
    expect(read('52.600 €', 4)).toMatchObject({ amount: 52.6, currency: 'EUR' });
    expect(read('1,500', 5)).toMatchObject({ amount: 1500, currency: 'VND' });
    expect(read('lots', 6)).toBeNull();
    expect(plan.summary().errors[0]).toMatchObject({ row: 6, column: 'amount' });
  });
});
