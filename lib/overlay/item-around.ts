/**
 * Which row or card a click in the picker means. A record is the outermost element around the
 * click that repeats: its siblings share its structure (same tag, classes, role and mostly the same
 * kinds of children) and carry content. Clicking a contact's name inside its link therefore picks
 * the whole row, not the name block, and a card inside a board column picks the card, not the
 * column (a column holds several records; a record never does).
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

/** Holds a record's worth of content: a link, or a few elements. */
function rich(el: Element): boolean {
  return el.querySelector('a[href]') !== null || el.querySelectorAll('*').length >= 3;
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

/**
 * The row or card around a click: a table row if there is one, else the innermost repeated record
 * that looks like one (a card, not the column of cards; the row, not the name block in its link),
 * else the innermost repeated element with content.
 */
export function itemAround(target: Element): Element | null {
  const row = target.closest(ROW);
  if (row && !row.querySelector('th, [role="columnheader"]')) return row;
  const body = target.ownerDocument.body;
  let first: Element | null = null;
  for (let el: Element | null = target; el && el !== body; el = el.parentElement) {
    if (!isRepeatedRecord(el)) continue;
    if (looksLikeRecord(el)) return el;
    first ??= el;
  }
  return first;
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
