// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildMapping,
  chooseField,
  chooseItem,
  currentField,
  initialPicker,
  isComplete,
  itemAround,
  pathPrefixFor,
  previewMapping,
  skipField,
} from '../../../lib/overlay/picker-session';
import { FIXTURES_DIR } from '../crm/load-fixture';

const URL_BOARD = new URL('https://crm.banhang.example/leads/board');
const $ = (selector: string) => document.querySelector(selector)!;

describe('mapping a CRM by pointing', () => {
  beforeEach(() => {
    const html = readFileSync(join(FIXTURES_DIR, 'custom/list-cards-2026-11-23.html'), 'utf8');
    document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('finds the card around a click anywhere in it', () => {
    expect(itemAround($('li[data-id="4411"] h3'))).toBe($('li[data-id="4411"]'));
    expect(itemAround($('li[data-id="4411"] .source-tag'))).toBe($('li[data-id="4411"]'));
    expect(itemAround($('h1'))).toBeNull();
  });

  it('walks item → name → stage → amount → owner → source and builds a mapping that reads every card', () => {
    let s = chooseItem({ ...initialPicker(), objectType: 'lead' }, $('li[data-id="4411"] h3'));
    expect(s.itemSelector).toBe('li[data-kind="lead-card"]');
    expect(s.kind).toBe('board');
    expect(currentField(s)).toBe('name');
    s = chooseField(s, $('li[data-id="4411"] h3'));
    s = chooseField(s, $('li[data-id="4411"] .Value-dJETNi'));
    s = chooseField(s, $('li[data-id="4411"] [data-field="amount"] span'));
    s = chooseField(s, $('li[data-id="4411"] [aria-label="Người phụ trách"]'));
    expect(currentField(s)).toBe('channel');
    s = skipField(s);
    expect(isComplete(s)).toBe(true);
    expect(s.fields.channel).toBeUndefined();
    const built = buildMapping(s, URL_BOARD, 7);
    if (!built.ok) throw new Error(built.error);
    expect(built.mapping).toMatchObject({
      origin: 'https://crm.banhang.example',
      pathPrefix: '/leads',
      kind: 'board',
      objectType: 'lead',
      idAttribute: 'data-id',
      createdAt: 7,
    });
    const preview = previewMapping(built.mapping, document, URL_BOARD);
    expect(preview.count).toBe(3);
    expect(preview.rows.map((r) => [r.externalId, r.name, r.stage, r.amount, r.currency, r.owner])).toEqual([
      ['4411', 'Nguyễn Minh Khoa', 'Đã liên hệ', 15_000_000, 'VND', 'Lê Minh Tuấn'],
      ['4417', 'Emily Tran', 'Mới', 2400, 'USD', 'Phạm Thu Hà'],
      ['4420', 'Hoàng Gia Bảo', 'Đã chốt', 320_000_000, 'VND', 'Lê Minh Tuấn'],
    ]);
  });

  it('refuses the name to be skipped and a field outside the card', () => {
    let s = chooseItem(initialPicker(), $('li[data-id="4411"] h3'));
    expect(skipField(s)).toBe(s);
    s = chooseField(s, $('li[data-id="4417"] h3'));
    expect(s.error).toBe('notInItem');
    expect(chooseItem(initialPicker(), $('h1')).error).toBe('noItem');
  });

  it.each([
    ['https://crm.example/leads/board', 'board', '/leads'],
    ['https://crm.example/leads/4411', 'record', '/leads/'],
    ['https://crm.example/list.html', 'list', undefined],
  ] as const)('path prefix of %s (%s) → %s', (href, kind, prefix) => {
    expect(pathPrefixFor(new URL(href), kind)).toBe(prefix);
  });
});
