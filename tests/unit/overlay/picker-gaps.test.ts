// @vitest-environment happy-dom
// The gap between cards: the pointer over a column's own background (between two cards, under the
// last one, in an empty column) is over the column, and the picker must not offer the column as a
// record or a field. Checked on the board app of tests/fixtures/apps, on the Pipedrive and Zoho boards
// of tests/fixtures/crm, and on random board shapes (fast-check).
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseField,
  chooseItem,
  initialPicker,
  isGap,
  itemAround,
  offeredAt,
} from '../../../lib/overlay/picker-session';
import { loadFixture } from '../crm/load-fixture';

/** Every element of `root` (itself included). */
const all = (root: Element) => [root, ...Array.from(root.querySelectorAll('*'))];

/**
 * Checks a board: `cards` are its records. Whatever the pointer is over, the picker offers a card,
 * nothing, or the gap (the last outline stays) — never an element that holds cards. Inside a card with
 * another card beside it, the card is offered.
 */
function expectNoContainerOffered(root: Element, cards: readonly Element[]) {
  const isCard = new Set(cards);
  for (const el of all(root)) {
    const offered = offeredAt(el, true);
    if (offered === null || offered === 'gap') continue;
    expect(isCard.has(offered), `${el.outerHTML.slice(0, 80)} offers ${offered.outerHTML.slice(0, 80)}`).toBe(
      true,
    );
  }
  for (const card of cards) {
    if (card.parentElement && card.parentElement.children.length < 2) continue;
    for (const inside of all(card)) {
      expect(isGap(inside), inside.outerHTML.slice(0, 80)).toBe(false);
      expect(itemAround(inside)).toBe(card);
    }
  }
}

describe('the board app (tests/fixtures/apps/board)', () => {
  beforeAll(async () => {
    document.body.innerHTML =
      '<header class="top"><h1>Deals</h1></header><main id="board" class="sc-bZQynM"></main><div id="portal"></div>';
    // The app itself renders its board, as in the browser (SortableJS included).
    // @ts-expect-error: a plain script of the fixture app, without types
    await import('../../fixtures/apps/board/main.js');
  });

  it('between two cards, the column is neither outlined nor taken', () => {
    const list = document.querySelector('.kb-list[data-stage="Qualified"]')!;
    const column = list.closest('section')!;
    expect(list.querySelectorAll('[data-drag-id]').length).toBeGreaterThanOrEqual(2);
    // Today's picker outlined (and took) the whole column there.
    expect(itemAround(list)).toBeNull();
    expect(itemAround(column)).toBeNull();
    expect(offeredAt(list, true)).toBe('gap');
    expect(offeredAt(column, true)).toBe('gap');
    const s = chooseItem(initialPicker(), list);
    expect([s.item, s.error]).toEqual([null, 'gap']);
  });

  it('offers a card or nothing everywhere on the board, the card anywhere inside it', () => {
    expectNoContainerOffered(document.body, Array.from(document.querySelectorAll('[data-drag-id]')));
  });

  it('while fields are picked: a gap outlines nothing and picks no stage; the heading still does', () => {
    const card = document.querySelector('[data-drag-id="deal-1007"]')!;
    const list = card.parentElement!;
    let s = chooseItem(initialPicker(), card.querySelector('h3')!);
    s = chooseField(s, card.querySelector('h3')!);
    expect(offeredAt(list, false)).toBe('gap');
    const between = chooseField(s, list);
    expect([between.error, between.stageColumn]).toEqual(['gap', null]);
    const heading = list.closest('section')!.querySelector('h2')!;
    expect(offeredAt(heading, false)).toBe(heading);
    expect(chooseField(s, heading).stageColumn).not.toBeNull();
  });
});

describe('CRM boards of tests/fixtures/crm', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('Pipedrive: the stage columns (one of them empty) are never offered', () => {
    const doc = loadFixture('pipedrive/board-2026-11-23.html');
    const tiles = Array.from(doc.querySelectorAll('[data-test="pipeline-deal-tile"]'));
    expectNoContainerOffered(doc.body, tiles);
    for (const column of Array.from(doc.querySelectorAll('[data-test="pipeline-stage"]'))) {
      expect(offeredAt(column, true)).toBe('gap');
      expect(itemAround(column.querySelector('[data-test="stage-name"]')!)).toBeNull();
    }
    // Today the column was taken: it holds the tiles' record links, so it looked like a record.
    const deals = doc.querySelector('[data-test="stage-deals"]')!;
    expect(chooseItem(initialPicker(), deals).item).toBeNull();
  });

  it('Zoho: a card that holds a link to its account is still a card; its column is not', () => {
    const doc = loadFixture('zoho/kanban-potentials-2026-11-23.html');
    const cards = Array.from(doc.querySelectorAll('lyte-card'));
    expectNoContainerOffered(doc.body, cards);
    for (const body of Array.from(doc.querySelectorAll('.crm-kv-column-body'))) {
      if (body.querySelectorAll('lyte-card').length >= 2) expect(offeredAt(body, true)).toBe('gap');
    }
  });
});

// Random boards: columns of 0 to 5 cards, cards marked in one of the ways CRMs mark them (an id
// attribute, a list item, a record link around or inside, a drag handle) or not at all, under a
// column heading with or without a count, the list wrapped or not.
type Mark = 'id' | 'li' | 'link' | 'inner-link' | 'draggable' | 'none';
const Board = fc.record({
  mark: fc.constantFrom<Mark>('id', 'li', 'link', 'inner-link', 'draggable', 'none'),
  wrapped: fc.boolean(),
  count: fc.boolean(),
  // Two cards side by side in one column at least: on a board where no column holds two, nothing
  // repeats among siblings and nothing tells a card from a column (docs/crm-pointing.md, limits).
  columns: fc
    .array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 5 })
    .filter((counts) => counts.some((n) => n >= 2)),
});
type Board = typeof Board extends fc.Arbitrary<infer T> ? T : never;

function boardHtml({ mark, wrapped, count, columns }: Board): string {
  let id = 100;
  const card = () => {
    id += 1;
    const inner =
      `${mark === 'inner-link' ? `<a class="title" href="/deals/${id}">Deal ${id}</a>` : `<h3>Deal ${id}</h3>`}` +
      `<p class="company">Acme ${id}</p><div class="foot"><span class="amount">$${id}K</span><span class="owner">Lan</span></div>`;
    switch (mark) {
      case 'id':
        return `<div class="card" data-deal-id="${id}">${inner}</div>`;
      case 'li':
        return `<li class="card">${inner}</li>`;
      case 'link':
        return `<a class="card" href="/deals/${id}">${inner}</a>`;
      case 'draggable':
        return `<div class="card" draggable="true">${inner}</div>`;
      default:
        return `<div class="card">${inner}</div>`;
    }
  };
  const listTag = mark === 'li' ? 'ul' : 'div';
  return `<main class="board">${columns
    .map((n, c) => {
      const list = `<${listTag} class="cards">${Array.from({ length: n }, card).join('')}</${listTag}>`;
      return (
        `<section class="column"><header class="head"><h2>Stage ${c}</h2>${count ? `<span>${n}</span>` : ''}</header>` +
        `${wrapped ? `<div class="scroll">${list}</div>` : list}</section>`
      );
    })
    .join('')}</main>`;
}

describe('random board shapes', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('a point in a gap never offers the column, the list or the board; a point in a card offers it', () => {
    fc.assert(
      fc.property(Board, (board) => {
        document.body.innerHTML = boardHtml(board);
        const cards = Array.from(document.querySelectorAll('.card'));
        expectNoContainerOffered(document.body, cards);
        for (const list of Array.from(document.querySelectorAll('.cards'))) {
          if (list.children.length >= 2) expect(offeredAt(list, true)).toBe('gap');
          expect(chooseItem(initialPicker(), list).item).toBeNull();
        }
        for (const column of Array.from(document.querySelectorAll('.column'))) {
          expect(offeredAt(column, true)).toBe('gap');
        }
      }),
      { numRuns: 100 },
    );
  });
});
