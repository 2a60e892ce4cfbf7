// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCustomAdapter } from '../../../lib/crm/custom';
import { deepQueryAll, deepText } from '../../../lib/crm/dom';
import type { CrmMapping } from '../../../lib/crm/mapping';
import { readPage } from '../../../lib/crm/read-page';
import { deriveFieldSelector, deriveItemSelector, isGeneratedClass } from '../../../lib/crm/selector-derive';
import { FIXTURES_DIR, loadFixture, parseHtml } from './load-fixture';

describe('isGeneratedClass', () => {
  it.each([
    ['css-1x2y3z', true],
    ['sc-abc123', true],
    ['sc-bdVaJa', true],
    ['_3kx9Q', true],
    ['Button_root__3kx9Q', true],
    ['View__StyledView-dJETNi', true],
    ['hzXlDk', true],
    ['x1n2onr6', true],
    ['jss42', true],
    ['slds-table', false],
    ['crm-kv-card', false],
    ['counterValue', false],
    ['source-tag', false],
    ['lvRecordLink', false],
  ])('%s → %s', (name, expected) => {
    expect(isGeneratedClass(name)).toBe(expected);
  });
});

describe('deriving selectors on the custom CRM cards', () => {
  const doc = loadFixture('custom/list-cards-2026-11-23.html');
  const cards = Array.from(doc.querySelectorAll('li'));
  const card = cards[0]!;
  const byText = (text: string) =>
    Array.from(card.querySelectorAll('*')).find(
      (el) => el.children.length === 0 && el.textContent?.trim() === text,
    )!;

  it('derives an item selector from a data attribute, matching every card', () => {
    const selector = deriveItemSelector(card);
    expect(selector).toBe('li[data-kind="lead-card"]');
    expect(doc.querySelectorAll(selector!)).toHaveLength(3);
  });

  it.each([
    ['Nguyễn Minh Khoa', 'a[href*="/leads/"]'],
    ['15.000.000 ₫', 'div[data-field="amount"]'],
    ['Lê Minh Tuấn', 'span[aria-label="Người phụ trách"]'],
    ['Facebook', 'span.source-tag'],
    ['khoa.nguyen@gmail.example', 'a[href^="mailto:"]'],
    // The stage has no hook at all: only its position is stable.
    ['Đã liên hệ', ':scope > div:nth-child(2) > span:nth-child(2)'],
  ])('clicking %s gives %s (never a generated class)', (text, expected) => {
    const selector = deriveFieldSelector(byText(text), card);
    expect(selector).toBe(expected);
    expect(selector).not.toMatch(/css-|sc-|_3kx9Q|dJETNi/);
    // The selector finds the same field in the other cards.
    expect(cards.every((c) => c.querySelectorAll(selector!).length === 1)).toBe(true);
  });

  it('returns null for a click outside the item', () => {
    expect(deriveFieldSelector(doc.querySelector('h1')!, card)).toBeNull();
  });
});

/** The fixture re-rendered: every generated class renamed, cards in another order, fresh nodes. */
function rerendered(): Document {
  const html = readFileSync(join(FIXTURES_DIR, 'custom/list-cards-2026-11-23.html'), 'utf8');
  let n = 0;
  const renamed = html.replace(
    /\b(css|sc)-[a-zA-Z0-9]+|\b_3kx9Q\b|\bValue-dJETNi\b/g,
    () => `css-r${(n++).toString(36)}q9`,
  );
  const doc = parseHtml(renamed);
  const list = doc.querySelector('ul')!;
  for (const li of Array.from(list.children).reverse()) list.append(li);
  return doc;
}

describe('derived selectors survive a re-render', () => {
  it('reads the same leads from fresh nodes with different generated classes', () => {
    const before = loadFixture('custom/list-cards-2026-11-23.html');
    const card = before.querySelector('li')!;
    const leaf = (text: string) =>
      Array.from(card.querySelectorAll('*')).find(
        (el) => el.children.length === 0 && el.textContent?.trim() === text,
      )!;
    const field = (text: string) => deriveFieldSelector(leaf(text), card)!;
    const mapping: CrmMapping = {
      version: 1,
      origin: 'https://crm.banhang.example',
      kind: 'list',
      objectType: 'lead',
      item: deriveItemSelector(card)!,
      fields: {
        name: field('Nguyễn Minh Khoa'),
        stage: field('Đã liên hệ'),
        amount: field('15.000.000 ₫'),
        owner: field('Lê Minh Tuấn'),
        channel: field('Facebook'),
        link: field('Nguyễn Minh Khoa'),
      },
      createdAt: Date.UTC(2026, 10, 23),
    };
    const adapter = createCustomAdapter(mapping);
    const url = new URL('https://crm.banhang.example/leads');
    const read = (doc: Document) => {
      const result = readPage(adapter, doc, url);
      if (result.status !== 'ok') throw new Error(result.status);
      return [...result.sightings].sort((a, b) => a.externalId.localeCompare(b.externalId));
    };
    const after = rerendered();
    expect(after.querySelector('.css-9kd8x2')).toBeNull();
    expect(read(after)).toEqual(read(before));
    expect(
      read(after).map((s) => [s.externalId, s.name, s.stage, s.amount, s.currency, s.owner, s.channel]),
    ).toEqual([
      ['/leads/4411', 'Nguyễn Minh Khoa', 'Đã liên hệ', 15_000_000, 'VND', 'Lê Minh Tuấn', 'Facebook'],
      ['/leads/4417', 'Emily Tran', 'Mới', 2_400, 'USD', 'Phạm Thu Hà', 'Zalo'],
      ['/leads/4420', 'Hoàng Gia Bảo', 'Đã chốt', 320_000_000, 'VND', 'Lê Minh Tuấn', 'Giới thiệu'],
    ]);
  });
});

describe('deriving selectors on CRM fixtures', () => {
  it('generalises a HubSpot cell hook that carries the record id into a prefix', () => {
    const doc = loadFixture('hubspot/list-deals-2026-11-23.html');
    const row = doc.querySelector('tbody > tr')!;
    const amount = row.querySelector('td[data-test-id^="cell-0-3-amount-"] span')!;
    expect(deriveFieldSelector(amount, row)).toBe('td[data-test-id^="cell-0-3-amount-"]');
    const name = row.querySelector('a span')!;
    expect(deriveFieldSelector(name, row)).toBe('a[href*="/record/0-3/"]');
    expect(deriveItemSelector(row)).toBe('table[data-test-id="framework-data-table"] > tbody > tr');
  });

  it('uses data-test on Pipedrive cards and avoids their styled-components classes', () => {
    const doc = loadFixture('pipedrive/board-2026-11-23.html');
    const card = doc.querySelector('[data-test="pipeline-deal-tile"]')!;
    expect(deriveItemSelector(card)).toBe('div[data-test="pipeline-deal-tile"]');
    const value = card.querySelector('a:not([draggable]) > span')!;
    const selector = deriveFieldSelector(value, card)!;
    expect(selector).not.toMatch(/sc-|eCImPb/);
    expect(card.querySelector(selector)?.textContent).toBe('₫12,500,000');
  });

  it('retargets a click inside a Salesforce cell shadow root to its host (data-label)', () => {
    const doc = loadFixture('salesforce/list-opportunities-vi-2026-11-23.html');
    const row = deepQueryAll(doc, 'tbody > tr')[0]!;
    const inner = deepQueryAll(row, 'lightning-formatted-number')[0]!;
    const text = inner.shadowRoot!.firstChild;
    expect(text?.textContent).toBe('12.500.000 ₫');
    const selector = deriveFieldSelector(inner, row)!;
    expect(selector).toBe('lightning-primitive-cell-factory[data-label="Số tiền"]');
    const rows = deepQueryAll(doc, 'tbody > tr');
    expect(rows.map((r) => deepText(r.querySelector(selector)))).toEqual(['12.500.000 ₫', '1.250.000.000 ₫']);
    expect(deriveItemSelector(row)).toBe('tr[data-row-key-value]');
  });

  it('uses data-zcqa and the listView_ link on Zoho rows', () => {
    const doc = loadFixture('zoho/list-leads-2026-11-23.html');
    const row = doc.querySelector('lyte-exptable-tr[data-zcqa="detailView"]')!;
    expect(deriveItemSelector(row)).toBe('lyte-exptable-tr[data-zcqa="detailView"]');
    expect(deriveFieldSelector(row.querySelector('a')!, row)).toBe('a[href*="/tab/Leads/"]');
  });
});
