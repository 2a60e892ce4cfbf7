// @vitest-environment happy-dom
// Mapping apps of other families by pointing: a hash-routed contacts list whose rows are links with
// avatars and status dots, and a drag-and-drop board whose stage is the column heading.
import { afterEach, describe, expect, it } from 'vitest';
import { createCustomAdapter, pathIdentity } from '../../../lib/crm/custom';
import type { CrmMapping } from '../../../lib/crm/mapping';
import { deriveFieldSelector, isGeneratedValue } from '../../../lib/crm/selector-derive';
import {
  buildMapping,
  chooseField,
  chooseItem,
  guessObjectType,
  hashPrefixFor,
  initialPicker,
  itemAround,
  previewMapping,
  shownCount,
  similarCount,
  undoPick,
} from '../../../lib/overlay/picker-session';
import { mappingFor } from '../../../lib/overlay/site';
import { pageAddress, upsertMapping } from '../../../lib/overlay/stored';

const $ = (selector: string) => document.querySelector(selector)!;

const CONTACTS = new URL('https://crm.example/#/contacts');
const contactRow = (id: number, name: string, status: string) =>
  `<li class="MuiListItem-root css-1x2y3z"><a class="row-link" href="#/contacts/${id}/show">` +
  `<div class="MuiAvatar-root"><img alt="" src="data:,"></div>` +
  `<div class="MuiListItemText-root"><span class="name">${name}</span><p class="sub">${name.toLowerCase()}@x.vn</p></div>` +
  `<span class="dot dot-${status}" title="${status}"></span></a></li>`;

const BOARD = new URL('https://crm.example/#/deals');
const card = (id: number, title: string, amount: string) =>
  `<div class="card" data-rfd-draggable-id="${id}" data-rfd-draggable-context-id="«r1»" data-rfd-drag-handle-context-id="«r1»" tabindex="0">` +
  `<p class="card-title">${title}</p><p class="card-company">Acme ${id}</p><span class="card-amount">${amount}</span></div>`;
const column = (stage: string, cards: string) =>
  `<section class="column"><h3 class="column-title">${stage}</h3><div class="column-cards" data-rfd-droppable-id="${stage}">${cards}</div></section>`;

describe('pointing at a hash-routed contacts list', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const setUp = () => {
    document.body.innerHTML = `<main><h1>Contacts</h1><ul class="list">${[
      contactRow(192, 'Ann Lee', 'Active'),
      contactRow(193, 'Bo Tran', 'Cold'),
      contactRow(194, 'Chi Vo', 'Active'),
    ].join('')}</ul></main>`;
  };

  it('a click on the name inside the link picks the whole row, and says how many rows are like it', () => {
    setUp();
    const row = $('li');
    expect(itemAround($('li .name'))).toBe(row);
    expect(itemAround($('li .dot'))).toBe(row);
    expect(similarCount(row)).toBe(3);
  });

  it('keeps every row a distinct lead, reads the status from the dot’s tooltip, and undoes a wrong pick', () => {
    setUp();
    let s = chooseItem({ ...initialPicker(), objectType: 'contact' }, $('li .name'));
    s = chooseField(s, $('li .name'));
    s = chooseField(s, $('li .sub')); // meant for the status: a wrong pick (it is the stage step)
    expect(s.fields.stage).toBeDefined();
    s = undoPick(s);
    expect(s.fields.stage).toBeUndefined();
    s = { ...s, fieldIndex: 7 }; // the status chip
    s = chooseField(s, $('li .dot'));
    const built = buildMapping(s, CONTACTS, 1);
    if (!built.ok) throw new Error(built.error);
    expect(built.mapping.hashPrefix).toBe('#/contacts');
    const preview = previewMapping(built.mapping, document, CONTACTS);
    expect(preview.collapsed).toBe(0);
    expect(preview.rows.map((r) => [r.externalId, r.name, r.status])).toEqual([
      ['/#/contacts/192/show', 'Ann Lee', 'Active'],
      ['/#/contacts/193/show', 'Bo Tran', 'Cold'],
      ['/#/contacts/194/show', 'Chi Vo', 'Active'],
    ]);
  });

  it('hash routes are identity, mapping choice and health address', () => {
    expect(pathIdentity(new URL('https://crm.example/#/contacts/192/show'))).toBe('/#/contacts/192/show');
    expect(pathIdentity(new URL('https://crm.example/deals/5#notes'))).toBe('/deals/5');
    expect(pageAddress(new URL('https://crm.example/?q=1#/contacts?filter=ann'))).toBe(
      'https://crm.example/#/contacts',
    );
    expect(hashPrefixFor(new URL('https://crm.example/#/contacts/192/show'), 'record')).toBe('#/contacts/');
    expect(guessObjectType(new URL('https://crm.example/#/contacts'))).toBe('contact');
    expect(guessObjectType(new URL('https://crm.example/crm/leads/board'))).toBe('lead');
    expect(guessObjectType(new URL('https://crm.example/pipeline'))).toBe('deal');
    const base = { version: 1, origin: 'https://crm.example', objectType: 'contact', createdAt: 1 } as const;
    const list: CrmMapping = {
      ...base,
      kind: 'list',
      hashPrefix: '#/contacts',
      item: 'li',
      fields: { name: '.name' },
    };
    const deals: CrmMapping = {
      ...base,
      kind: 'board',
      hashPrefix: '#/deals',
      item: '.card',
      fields: { name: 'p' },
    };
    const record: CrmMapping = {
      ...base,
      kind: 'record',
      hashPrefix: '#/contacts/',
      item: 'main',
      fields: { name: 'h1' },
    };
    const all = [list, deals, record];
    expect(mappingFor(new URL('https://crm.example/#/contacts'), all)).toBe(list);
    expect(mappingFor(new URL('https://crm.example/#/deals'), all)).toBe(deals);
    expect(mappingFor(new URL('https://crm.example/#/contacts/192/show'), all)).toBe(record);
    // Several mappings per origin: saving or importing one never replaces another page's mapping…
    let stored = all.reduce<CrmMapping[]>((acc, m) => upsertMapping(acc, m), []);
    expect(stored).toHaveLength(3);
    // …nor a board mapped on the same address as a list; the same slot is replaced (a re-map).
    const cards: CrmMapping = { ...list, kind: 'list', item: '.card', fields: { name: 'p' } };
    stored = upsertMapping(stored, cards);
    expect(stored).toHaveLength(4);
    stored = upsertMapping(stored, { ...list, fields: { name: 'a' }, createdAt: 2 });
    expect(stored).toHaveLength(4);
    expect(stored.find((m) => m.item === 'li')?.createdAt).toBe(2);
    document.body.innerHTML = '<div class="card"><p>Deal</p></div>';
    expect(mappingFor(new URL('https://crm.example/#/contacts'), stored, document)).toBe(cards);
  });
});

describe('pointing at a drag-and-drop board', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });
  const setUp = () => {
    document.body.innerHTML = `<div class="board">${[
      column('Lead', card(11, 'Website revamp', '$52.6K') + card(12, 'CRM rollout', '$8K')),
      column('Won', card(13, 'Annual plan', '$1.2M') + card(14, 'Support add-on', '$900')),
    ].join('')}</div>`;
  };

  it('picks the card (not the column), its id from data-rfd-draggable-id and the stage from the heading', () => {
    setUp();
    expect(itemAround($('.card .card-title'))).toBe($('.card'));
    let s = chooseItem(initialPicker(), $('.card .card-title'));
    expect(s.itemSelector).not.toMatch(/rfd|«/);
    // Every card of the board, not only the two in the clicked column.
    expect(similarCount(s.item!)).toBe(2);
    expect(shownCount(document, s.itemSelector!)).toBe(4);
    s = chooseField(s, $('.card .card-title'));
    s = chooseField(s, $('.column-title')); // the stage, outside the card
    expect(s.error).toBeNull();
    expect(s.stageColumn).not.toBeNull();
    s = chooseField(s, $('.card .card-amount'));
    const built = buildMapping(s, BOARD, 1);
    if (!built.ok) throw new Error(built.error);
    expect(built.mapping.idAttribute).toBe('data-rfd-draggable-id');
    const preview = previewMapping(built.mapping, document, BOARD);
    expect(preview.rows.map((r) => [r.externalId, r.name, r.stage, r.amount])).toEqual([
      ['11', 'Website revamp', 'Lead', 52_600],
      ['12', 'CRM rollout', 'Lead', 8000],
      ['13', 'Annual plan', 'Won', 1_200_000],
      ['14', 'Support add-on', 'Won', 900],
    ]);
    expect(
      createCustomAdapter(built.mapping).matchPage(new URL('https://crm.example/#/contacts')),
    ).toBeNull();
  });

  it('never derives a selector from generated values', () => {
    setUp();
    expect(isGeneratedValue('«r34»')).toBe(true);
    expect(isGeneratedValue(':r1:')).toBe(true);
    expect(isGeneratedValue('headlessui-menu-3')).toBe(true);
    expect(isGeneratedValue('deal-title')).toBe(false);
    const sel = deriveFieldSelector($('.card .card-title'), $('.card'));
    expect(sel).not.toMatch(/rfd|«/);
  });
});
