// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthDetails } from '../../../components/overlay/health-details';
import { diagnosePage, diagnosticsJson } from '../../../lib/crm/diagnostics';
import { hubspot } from '../../../lib/crm/hubspot';
import { withHeaderFallback } from '../../../lib/crm/table-reader-fallback';
import { zoho } from '../../../lib/crm/zoho';
import { loadFixture } from './load-fixture';

const DEALS = new URL('https://app.hubspot.com/contacts/20456789/objects/0-3/views/all/list');
const KANBAN = new URL(
  'https://crm.zoho.eu/crm/org60012345/tab/Potentials/custom-view/5293322000000091203/kanban',
);

function renamed() {
  const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
  doc.querySelector('table')!.setAttribute('data-test-id', 'crm-object-table');
  for (const td of Array.from(doc.querySelectorAll('td'))) td.removeAttribute('data-test-id');
  return doc;
}

describe('diagnosePage', () => {
  it('counts each selector family on a page the adapter reads', () => {
    const adapter = withHeaderFallback(hubspot, DEALS);
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    const page = adapter.matchPage(DEALS)!;
    adapter.findItems(doc, page);
    const report = diagnosePage(adapter, doc, page, adapter.source());
    expect(report).toMatchObject({
      adapter: 'hubspot',
      page: { kind: 'list', objectType: 'deal', crmObject: '0-3' },
      verified: true,
      health: { ok: true, missing: [] },
      reader: 'adapter',
      items: 4,
    });
    const family = (name: string) => report.families.find((f) => f.family === name)!;
    expect(family('table')).toMatchObject({
      matched: true,
      selectors: [{ selector: 'table[data-test-id="framework-data-table"]', count: 1 }, { count: 0 }],
    });
    // Templates are filled with the page's object type; per-property ones stay per row.
    expect(family('anyCell').selectors[0]).toEqual({ selector: 'td[data-test-id^="cell-0-3-"]', count: 24 });
    expect(family('cell').selectors[0]!.count).toBeNull();
    expect(family('recordRoot').matched).toBe(false);
  });

  it('says the header-based fallback is in use, and what it recognised, with no page text', () => {
    const adapter = withHeaderFallback(hubspot, DEALS);
    const doc = renamed();
    const page = adapter.matchPage(DEALS)!;
    adapter.findItems(doc, page);
    const report = diagnosePage(adapter, doc, page, adapter.source());
    expect(report).toMatchObject({ reader: 'headers', items: 4, health: { ok: true } });
    expect(report.families.find((f) => f.family === 'table')!.matched).toBe(false);
    expect(report.headerTables).toEqual([
      { kind: 'table', rows: 4, columns: { name: 1, stage: 2, amount: 3, owner: 4, createdDate: 5 } },
    ]);
    const json = diagnosticsJson(report);
    for (const text of ['Acme', 'Sarah', 'Minh Châu', 'Deal Name', '12,500', 'hubspot.com']) {
      expect(json).not.toContain(text);
    }
  });

  it('marks Zoho kanban pages unverified', () => {
    const page = zoho.matchPage(KANBAN)!;
    const report = diagnosePage(zoho, loadFixture('zoho/kanban-potentials-2026-11-23.html'), page, 'adapter');
    expect(report.verified).toBe(false);
  });
});

describe('HealthDetails', () => {
  let host: HTMLElement;
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  it('shows the reader and family counts when opened, and copies the JSON', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const adapter = withHeaderFallback(hubspot, DEALS);
    const doc = renamed();
    const page = adapter.matchPage(DEALS)!;
    adapter.findItems(doc, page);
    const copied: string[] = [];
    act(() => {
      render(
        <HealthDetails
          locale="vi"
          crmLabel="HubSpot"
          diagnose={() => diagnosePage(adapter, doc, page, adapter.source())}
          copy={async (text) => {
            copied.push(text);
          }}
        />,
        host,
      );
    });
    expect(host.querySelector('[data-testid="health-families"]')).toBeNull();
    act(() => (host.querySelector('[data-testid="health-toggle"]') as HTMLButtonElement).click());
    expect(host.querySelector('[data-testid="health-reader"]')?.textContent).toBe('tiêu đề cột (dự phòng)');
    expect(host.querySelector('[data-testid="health-items"]')?.textContent).toBe('4');
    expect(host.querySelector('[data-testid="health-families"]')?.textContent).toContain('không tìm thấy');
    // Only what the health check needs and misses is flagged; here the fallback reads, so nothing is.
    expect(host.querySelectorAll('[data-missing]')).toHaveLength(0);
    await act(async () => (host.querySelector('[data-testid="health-copy"]') as HTMLButtonElement).click());
    expect(JSON.parse(copied[0]!)).toMatchObject({ format: 'pacer-crm-diagnostics/1', reader: 'headers' });
    expect(host.textContent).toContain('Đã sao chép');
  });

  it('shows the JSON to select by hand when copying fails', async () => {
    host = document.createElement('div');
    document.body.append(host);
    const page = zoho.matchPage(KANBAN)!;
    const doc = loadFixture('zoho/kanban-potentials-2026-11-23.html');
    act(() => {
      render(
        <HealthDetails
          locale="en"
          crmLabel="Zoho CRM"
          diagnose={() => diagnosePage(zoho, doc, page, 'adapter')}
          copy={() => Promise.reject(new Error('denied'))}
        />,
        host,
      );
    });
    act(() => (host.querySelector('[data-testid="health-toggle"]') as HTMLButtonElement).click());
    expect(host.textContent).toContain('not yet confirmed on the live site');
    expect(host.querySelectorAll('[data-missing]')).toHaveLength(0);
    expect(host.querySelector('[data-testid="health-reader"]')?.textContent).toBe('Zoho CRM adapter');
    await act(async () => (host.querySelector('[data-testid="health-copy"]') as HTMLButtonElement).click());
    const json = host.querySelector<HTMLTextAreaElement>('[data-testid="health-json"]');
    expect(JSON.parse(json!.value)).toMatchObject({ adapter: 'zoho', verified: false });
  });
});

describe('HealthDetails on a page that cannot be read', () => {
  it('flags the family the health check misses', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const doc = loadFixture('hubspot/list-broken-2026-11-23.html');
    const adapter = withHeaderFallback(hubspot, DEALS);
    const page = adapter.matchPage(DEALS)!;
    act(() => {
      render(
        <HealthDetails
          locale="en"
          crmLabel="HubSpot"
          diagnose={() => diagnosePage(adapter, doc, page, 'none')}
        />,
        host,
      );
    });
    act(() => (host.querySelector('[data-testid="health-toggle"]') as HTMLButtonElement).click());
    const flagged = Array.from(host.querySelectorAll('[data-missing]')).map(
      (el) => el.parentElement?.firstElementChild?.textContent,
    );
    expect(flagged).toEqual(['table']);
    render(null, host);
    host.remove();
  });
});
