/**
 * Which row or card a click in the picker means. A record is the outermost element around the
 * click that repeats: its siblings share its structure (same tag, classes, role and mostly the same
 * kinds of children) and carry content. Clicking a contact's name inside its link therefore picks
 * the whole row, not the name block, and a card inside a board column picks the card, not the
 * column (a column holds several records; a record never does).
 *
 * A container of records (a column, a list, the board) is never offered: the pointer over its own
 * background is in a gap between records (`isGap`), and the walk up from a click skips it
 * (`holdsItems`). docs/crm-pointing.md states the rule.
 */
import { safeQueryAll, shownByMarkup } from '../crm/dom';
import { isGeneratedClass } from '../crm/selector-derive';

const ROW = 'tr, [role="row"]';
const STATE_CLASS = /^(?:is-|has-|active$|selected$|hover|focus|open$|dragging|drop|expanded|collapsed)/i;

function shape(el: Element): string {
  const classes = Array.from(el.classList)
    .filter((c) => !STATE_CLASS.test(c) && !isGeneratedClass(c))
    .sort()
    .join('.');
  return `${el.tagName}|${classes}|${el.getAttribute('role') ?? ''}`;
}

/** Same shape, and at least half of the kinds of children in common. */
function alike(a: Element, b: Element): boolean {
  if (shape(a) !== shape(b)) return false;
  const kinds = (el: Element) => new Set(Array.from(el.children, (c) => c.tagName));
  const x = kinds(a);
  const y = kinds(b);
  if (x.size === 0 && y.size === 0) return true;
  let common = 0;
  for (const k of x) if (y.has(k)) common++;
  return common * 2 >= Math.max(x.size, y.size);
}

/** At least `n` elements inside `el` (it excluded), counted only as far as `n`. */
function hasDescendants(el: Element, n: number): boolean {
  let count = 0;
  for (let node = el.firstElementChild; node; ) {
    if (++count >= n) return true;
    if (node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
  return false;
}

/** Holds a record's worth of content: a link, or a few elements. */
function rich(el: Element): boolean {
  return hasDescendants(el, 3) || el.querySelector('a[href]') !== null;
}

/** The siblings of `el` (itself included) that share its structure. */
function peersOf(el: Element): Element[] {
  const parent = el.parentElement;
  if (!parent) return [el];
  return Array.from(parent.children).filter((c) => c === el || alike(c, el));
}

/** True when `el` is a record among records: repeated and with content. */
function isRepeatedRecord(el: Element): boolean {
  if (!rich(el)) return false;
  const peers = peersOf(el);
  return peers.length >= 2 && peers.filter(rich).length >= 2;
}

/** A link to somewhere (a record), not `#`, `mailto:` or `javascript:`. */
const RECORD_LINK =
  'a[href]:not([href="#"]):not([href^="mailto:"]):not([href^="tel:"]):not([href^="javascript:"])';

/** What records carry and fields inside them rarely do: a record link, an id, a drag handle, a list role. */
function looksLikeRecord(el: Element): boolean {
  if (el.matches(`${RECORD_LINK}, li, article, [role="listitem"], [role="article"], [draggable="true"]`))
    return true;
  if (el.querySelector(RECORD_LINK)) return true;
  return Array.from(el.attributes).some((a) => /^data-.*(?:id|key)$/.test(a.name) && /\d/.test(a.value));
}

/** An id attribute with a digit: `data-id`, `data-deal-id`, `data-drag-id`, `data-row-key`… */
const hasIdAttribute = (el: Element): boolean =>
  Array.from(el.attributes).some((a) => /^data-.*(?:id|key)$/.test(a.name) && /\d/.test(a.value));

/** A record by its own marks, not by a link somewhere inside it: what a card or a row carries itself. */
function markedRecord(el: Element): boolean {
  const own = `${RECORD_LINK}, li, article, tr, [role="row"], [role="listitem"], [role="article"], [draggable="true"]`;
  return el.matches(own) || hasIdAttribute(el);
}

/** Walks `el` and everything inside it, in document order; `visit` returning false skips a subtree. */
function walk(el: Element, visit: (node: Element) => boolean | 'stop'): boolean {
  for (let node: Element | null = el; node; ) {
    const goIn = visit(node);
    if (goIn === 'stop') return true;
    if (goIn && node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
  return false;
}

/**
 * Two or more records alike among the children of `parent`: siblings of one structure (`alike`), each
 * with content (`rich`) and, with `marked`, each a record by its own marks. Returns them, or null.
 */
function recordsAmong(parent: Element, marked: boolean): Element[] | null {
  if (parent.childElementCount < 2) return null;
  const byShape = new Map<string, Element[]>();
  for (const child of Array.from(parent.children)) {
    if (marked && !markedRecord(child)) continue;
    const key = shape(child);
    const group = byShape.get(key);
    if (group) group.push(child);
    else byShape.set(key, [child]);
  }
  for (const group of byShape.values()) {
    if (group.length < 2) continue;
    const candidates = group.filter(rich);
    for (const one of candidates) {
      const like = candidates.filter((other) => other === one || alike(one, other));
      if (like.length >= 2) return like;
    }
  }
  return null;
}

/** The first records alike found inside `el` (its own children included), in document order. */
function recordsInside(el: Element, marked: boolean): Element[] | null {
  let found: Element[] | null = null;
  walk(el, (node) => {
    found = recordsAmong(node, marked);
    return found ? 'stop' : true;
  });
  return found;
}

/**
 * Whether somewhere inside `el` (not `el` itself) two or more records sit side by side — a column's
 * cards, a list's rows, a board's columns. With `marked`, only records marked as such by themselves
 * count (an id attribute, a record link, a list item, a drag handle).
 */
export function holdsItems(el: Element, marked = false): boolean {
  return recordsInside(el, marked) !== null;
}

/** A record mark in `el` outside `records`: its own id or role, or a record link or id beside them. */
function marksOutside(el: Element, records: readonly Element[]): boolean {
  if (markedRecord(el)) return true;
  const inside = new Set(records);
  return walk(el, (node) => {
    if (inside.has(node)) return false;
    return node !== el && (node.matches(RECORD_LINK) || hasIdAttribute(node)) ? 'stop' : true;
  });
}

/**
 * A container of records, itself never a record: it holds marked records (a column of cards with
 * ids, a list of list items), or it holds records alike and nothing that marks a record outside them
 * (a column of plain cards under a bare heading). A card that holds two alike blocks of fields keeps
 * its own link or id beside them, and stays a record.
 */
function holdsRecords(el: Element): boolean {
  if (holdsItems(el, true)) return true;
  const records = recordsInside(el, false);
  return records !== null && !marksOutside(el, records);
}

/** At most this many siblings are looked into when deciding whether an element is a column. */
const PEERS_LOOKED_AT = 16;

/**
 * A column among columns: an element alike beside `el` holds records — the empty column, or the one
 * with a single card, next to columns of cards.
 */
function besideContainers(el: Element): boolean {
  const peers = peersOf(el).filter((p) => p !== el);
  return peers.slice(0, PEERS_LOOKED_AT).some(holdsRecords);
}

/** Never offered as a record: a container of records, or a column beside such containers. */
export function isContainer(el: Element): boolean {
  return holdsRecords(el) || besideContainers(el);
}

/**
 * The pointer is in a gap between records: the element right under it is not inside a table row, and
 * is a container (the column's own background between two cards, the list around its rows, the
 * board, the page). Nothing there is offered as a record or a field.
 */
export function isGap(target: Element): boolean {
  const row = target.closest(ROW);
  if (row && !row.querySelector('th, [role="columnheader"]')) return false;
  return isContainer(target);
}

/**
 * The row or card around a click: a table row if there is one, else the innermost repeated record
 * that looks like one (a card, not the column of cards; the row, not the name block in its link),
 * else the innermost repeated element with content. Never a container (`isContainer`): a record never
 * holds two records marked as such, and a column stays a column when it holds one card or none.
 */
export function itemAround(target: Element): Element | null {
  const row = target.closest(ROW);
  if (row && !row.querySelector('th, [role="columnheader"]')) return row;
  const body = target.ownerDocument.body;
  let first: Element | null = null;
  for (let el: Element | null = target; el && el !== body; el = el.parentElement) {
    if (!isRepeatedRecord(el) || isContainer(el)) continue;
    if (looksLikeRecord(el)) return el;
    first ??= el;
  }
  return first;
}

/**
 * What the picker offers for the element under the pointer: 'gap' between records (the last
 * outline stays, a click takes nothing); else, while the row or card is being chosen, the record
 * around it or null (nothing: a click there takes nothing either); while its fields are being
 * chosen, the element itself.
 */
export function offeredAt(target: Element, choosingItem: boolean): Element | null | 'gap' {
  if (isGap(target)) return 'gap';
  return choosingItem ? itemAround(target) : target;
}

/** How many records like `item` sit beside it (itself included). */
export function similarCount(item: Element): number {
  return peersOf(item).length;
}

/**
 * How many records the page shows that `selector` (the item selector derived from a pick) finds:
 * the "N similar rows found" the picker shows, every column of a board and no hidden pooled row.
 */
export function shownCount(root: Document, selector: string): number {
  return shownByMarkup(safeQueryAll(root, selector)).length;
}
