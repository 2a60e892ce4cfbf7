/**
 * Lead badges, drawn in one layer of Pacer's own at the end of the page's body instead of inside the
 * CRM's table cells. Any change inside a big table re-lays out the whole table (~25 ms for 2,000 rows
 * here, per badge pass); a change in a separate, layout-contained layer costs well under a millisecond.
 * Each badge is a `<pacer-lead-badge>` host with its own shadow root (page CSS cannot reach in, ours
 * cannot leak out) sharing one constructed stylesheet, placed over its anchor from rectangles read in
 * one pass (lib/overlay/badge-position.ts) that the scanner runs in the frame's animation callback,
 * after the page scrolled, resized or re-rendered.
 *
 * Hosts are handed to rows at placement, when the rows' rectangles are known. When the CRM re-renders
 * rows, the old rows' badges stay as they are until the new rows' badges are known (one round trip to
 * the background, a frame or two), and a new row takes the host that already shows its badge at its
 * place: a re-render that changes nothing costs no change to the DOM, where hiding and showing every
 * badge again cost a style pass over each of them. What is not taken is hidden once the new badges
 * are known, or at once when the page scrolls, so a re-render never leaves a duplicate or a stray.
 */
import type { BadgeView } from '../../lib/overlay/badge-format';
import {
  type BadgePlacement,
  type BadgeSize,
  INSET,
  PILL_ROOM,
  placeBadge,
  rowSpot,
  type Spot,
} from '../../lib/overlay/badge-position';
import { cardFallback, cardSpot } from '../../lib/overlay/card-spot';
import type { Box } from '../../lib/overlay/near-viewport';
import { choosePill, type PillForm, pillForms } from '../../lib/overlay/pill-fit';

/** Rows whose next row sits right below: a pill never goes below an anchor in one. */
const ROW_LIKE = 'tr, [role="row"]';
/** What a pill must not cover besides text: a row's buttons, inputs and icons. */
const CONTROLS =
  'button, input, select, textarea, img, svg, [role="button"], [role="checkbox"], [role="img"]';

import { paintLeadBadge } from '../widgets/lead-badge-dom';
import { pillWidth } from './pill-width';
import { adoptBadgeStyles, BADGE_SIZE } from './styles';

export const BADGE_TAG = 'pacer-lead-badge';
export const LAYER_TAG = 'pacer-badge-layer';
/** Every element Pacer adds to a page, for the mutation batcher to ignore. */
export const OWN_TAGS = new Set([BADGE_TAG, LAYER_TAG, 'pacer-panel', 'pacer-picker']);

export function isOwnElement(el: Element): boolean {
  return OWN_TAGS.has(el.localName);
}

/**
 * Out of the page's flow, no box of its own, above the CRM's content. Badges take no pointer events:
 * they lie over the CRM's cells, and a click there must still reach the CRM. Size and layout
 * containment make the layer a layout root, so showing, hiding or refilling badges never lays out the
 * page (a pass over a 2,000-row page costs 2–4 ms even for five changed boxes). No paint containment:
 * badges lie outside the layer's empty box and must not be clipped. The z-index is 1, not the top
 * of the range: above the CRM's rows and cards, below its dialogs, popovers and dragged cards
 * (which all carry their own z-index), so a badge is never drawn over a record dialog.
 */
const LAYER_STYLE =
  'all:initial;display:block;position:absolute;top:0;left:0;width:0;height:0;overflow:visible;' +
  'z-index:1;pointer-events:none;contain:size layout style';

const MAX_SPARE = 200;

/** Text with something other than white space in it (the same white space `trim` removes). */
const NOT_BLANK = /\S/;

/**
 * Hides a badge with `content-visibility: hidden`, not `visibility`: the browser keeps the hidden
 * badge's style and layout, so showing it again (a host reused for a re-rendered row, a row scrolled
 * back) restyles nothing inside it, where `visibility`, an inherited property, restyled every element
 * of the badge on each toggle. Hidden content is also left out of the accessibility tree.
 */
function setHidden(host: HTMLElement, hidden: boolean): void {
  const value = hidden ? 'hidden' : '';
  if (host.style.contentVisibility !== value) host.style.contentVisibility = value;
}

/** Marks a hidden host kept for reuse (tests count drawn badges without it). */
export const SPARE_ATTR = 'data-spare';

/** One badge host: its shadow root's mount, what it shows and where. */
interface Host {
  host: HTMLElement;
  mount: HTMLElement;
  /** The drawn view, serialized: a host is repainted only when it differs. */
  key: string;
  placed: BadgePlacement | null;
  /** Half its anchor or more within the viewport and the anchor's scroll boxes, at the last placement. */
  visible: boolean;
}

/** A row's pill: the form drawn (an index in pill-fit.ts' forms) and its spot along the row, if any. */
interface RowFit {
  spot: Spot | null;
  form: number;
}

/** One row's badge: what it should show over which anchor, and the host once placed. */
interface Slot {
  anchor: Element;
  view: BadgeView;
  key: string;
  badge: Host | null;
  /** Not placed over its current anchor yet. */
  due: boolean;
}

export interface BadgeLayer {
  /** Draws or updates the one badge of `item`, over `anchor` (shown by the next `place`). */
  render(item: Element, anchor: Element, view: BadgeView): void;
  /** The CRM removed `item`: its badge stays until `place` settles, unless a new row takes it over. */
  forget(item: Element): void;
  /**
   * Places the badges over their anchors: one pass of reads, then writes. Every badge when the page
   * `moved` (changed, scrolled, resized), else only new ones. `settled` (the new rows' badges are all
   * known, or the page scrolled): badges of removed rows that no row took over are hidden.
   */
  place(moved?: boolean, settled?: boolean): void;
  /**
   * Puts the (empty) layer in the page now, with the panel: each addition to the body lays out the
   * whole page once (44,000 layout objects on a 2,000-row table, 2–6 ms), so the layer goes in with
   * the panel before the first frame pass instead of forcing a layout of its own at the first badge.
   */
  attach(): void;
  /** Removes the layer and every badge (navigation, CRM disabled). */
  clear(): void;
  /** Pacer's theme setting, on every badge host now and later ('system' follows the page's scheme). */
  setTheme(theme: ThemeSetting): void;
}

export type ThemeSetting = 'light' | 'dark' | 'system';

/** The `theme` attribute the shared sheets read (`:host([theme='dark'])`); none for 'system'. */
export function applyTheme(host: Element, theme: ThemeSetting): void {
  if (theme === 'system') host.removeAttribute('theme');
  else if (host.getAttribute('theme') !== theme) host.setAttribute('theme', theme);
}

/** The key a badge is matched by when a new row could take over a drawn or spare host. */
const viewKey = (view: BadgeView) => JSON.stringify(view);
/** Keys of the compact forms drawn (pill-fit.ts), made once per form: forms are kept per view. */
const formKeys = new WeakMap<BadgeView, string>();
const formKey = (view: BadgeView) => {
  let key = formKeys.get(view);
  if (key === undefined) {
    key = viewKey(view);
    formKeys.set(view, key);
  }
  return key;
};

const samePlace = (a: BadgePlacement | null, b: BadgePlacement) =>
  a !== null && a.x === b.x && a.y === b.y && a.start === b.start;

/**
 * At least half of a (non-empty) anchor within `clip`: a row half scrolled under a grid's fixed
 * header (clipped by its scroll box) keeps its badge out of the header.
 */
export function halfInView(box: Box, clip: Box): boolean {
  const area = (box.right - box.left) * (box.bottom - box.top);
  if (area <= 0) return false;
  const w = Math.min(box.right, clip.right) - Math.max(box.left, clip.left);
  const h = Math.min(box.bottom, clip.bottom) - Math.max(box.top, clip.top);
  return w > 0 && h > 0 && w * h >= area / 2;
}

export function createBadgeLayer(doc: Document): BadgeLayer {
  const win = doc.defaultView ?? window;
  const slots = new Map<Element, Slot>();
  /** Hosts of removed rows, still shown until the new rows' badges are known. */
  let leaving: Host[] = [];
  /** Hidden hosts kept for the next rows: a new shadow root costs a style recalc of its own. */
  const spare: Host[] = [];
  let layer: HTMLElement | null = null;
  let theme: ThemeSetting = 'system';

  function ensureLayer(): HTMLElement {
    if (!layer) {
      layer = doc.createElement(LAYER_TAG);
      layer.setAttribute('style', LAYER_STYLE);
    }
    if (!layer.isConnected) (doc.body ?? doc.documentElement).append(layer);
    return layer;
  }

  function applyShown(badge: Host): void {
    setHidden(badge.host, !(badge.visible && (badge.placed?.shown ?? false)));
  }

  function retire(badge: Host): void {
    setHidden(badge.host, true);
    badge.placed = null;
    if (spare.length < MAX_SPARE) {
      badge.host.setAttribute(SPARE_ATTR, '');
      spare.push(badge);
    } else badge.host.remove();
  }

  /** One range reused for every wrapped anchor: read in the same pass as the boxes, no layout of its own. */
  let lineRange: Range | null = null;
  /**
   * The first and last line boxes of an anchor's text, and whether below it is free (not a table
   * row, where the next row follows). Read in the same pass as the boxes: no layout of its own.
   * Only read where it can change the placement: never for a one-line cell of a table row.
   */
  function linesOf(
    item: Element,
    anchor: Element,
    box: DOMRect,
  ): { first: DOMRect; last: DOMRect; stacked: boolean } | null {
    if (!lineRange || box.width === 0) return null;
    // A one-line cell of a table row keeps the plain placement (below is the next row): no range,
    // so a 2,000-row table's placement pass costs what it did.
    const inRow = item.matches(ROW_LIKE);
    if (inRow && box.height <= 2 * BADGE_SIZE.height) return null;
    lineRange.selectNodeContents(anchor);
    const rects = lineRange.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return null;
    return { first, last, stacked: !inRow };
  }

  /**
   * Where a table row's pill can go clear of its words and controls (badge-position.ts rowSpot), kept
   * per anchor as an offset from its left while the anchor and the row keep their size: a scroll moves
   * the row, not what is in it, so a placement pass over a scrolled table measures nothing again.
   */
  const spots = new WeakMap<
    Element,
    { w: number; h: number; iw: number; ih: number; widths: string; limit: number; at: RowFit }
  >();
  /**
   * A view's pill forms (lib/overlay/pill-fit.ts: whole, then without its days, down to its tier),
   * each measured (pill-width.ts), and their widths as one key. Views are shared per badge text
   * (badge-format.ts), so each is measured once.
   */
  const fittings = new WeakMap<BadgeView, { forms: PillForm[]; widths: string }>();
  const formsOf = (view: BadgeView) => {
    let known = fittings.get(view);
    if (!known) {
      const forms = pillForms(view, (v) => pillWidth(doc, v));
      known = { forms, widths: forms.map((f) => f.width).join('/') };
      fittings.set(view, known);
    }
    return known;
  };
  /**
   * The room a pill of `width` needs beside a row's words: its width, and never less than PILL_ROOM,
   * so that a pill that grows by a few pixels (a day more) keeps its spot.
   */
  const needOf = (width: number) => Math.max(PILL_ROOM, width);
  /**
   * The box a pill of `width` is drawn in: the usual one, or as wide as a pill that is wider (a tier,
   * the Vietnamese "13% khoảng thiếu Q4" and "≥12 ngày" make 203 px). Never narrower than the pill:
   * the host hides its overflow, and a pill cut by its box lost its last part mid-word.
   */
  const sizeOf = (width: number): BadgeSize =>
    width > BADGE_SIZE.width ? { width, height: BADGE_SIZE.height } : BADGE_SIZE;

  /**
   * A table row with no free spot for any form: the widest form whose pill, placed as placeBadge
   * places it, ends within the item's box (or its anchor's, if that reaches further) and the visible
   * right end; else the most compact. It keeps to the usual box (`cap`): there the pill lies over the
   * anchor's end, and a wider one would cover more words. (Board cards get their spot from spotFor.)
   */
  function fitInItem(item: Element, box: DOMRect, forms: readonly PillForm[], cap: number): PillForm {
    const right = Math.min(viewOf(item).right, Math.max(item.getBoundingClientRect().right, box.right));
    return choosePill(forms, (width) => {
      if (width > cap) return null;
      const size = sizeOf(width);
      const at = placeBadge(box, { left: 0, top: 0 }, size);
      if (!at.shown) return true;
      const end = at.start ? at.x + width : at.x + size.width;
      return end <= right - INSET ? true : null;
    }).form;
  }
  /**
   * What the rows of one parent show through, per placement pass: `right`, the right end of the
   * viewport and the scroll boxes' border boxes (the room a pill has, rowSpot); `clip`, the viewport
   * cut by every ancestor that clips its overflow (a CRM's own scroll box, a grid body under a fixed
   * header), each at its padding box without scroll bars (whether a badge shows, halfInView). One walk
   * up the row's ancestors serves both, read once per row parent with the other rectangles. An
   * IntersectionObserver per anchor said what `clip` says a frame later, and observing each new row's
   * anchor cost about 30 µs, a millisecond for a 50-row re-render.
   */
  let views = new Map<Element | null, { right: number; clip: Box }>();

  function viewOf(item: Element): { right: number; clip: Box } {
    const parent = item.parentElement;
    const known = views.get(parent);
    if (known) return known;
    const root = doc.documentElement;
    let right = root.clientWidth || win.innerWidth;
    const clip: Box = { left: 0, top: 0, right, bottom: root.clientHeight || win.innerHeight };
    for (let el = parent; el && el !== doc.body && el !== root; el = el.parentElement) {
      const style = win.getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft;
      const top = r.top + el.clientTop;
      if (style.overflowX !== 'visible') {
        right = Math.min(right, r.right);
        clip.left = Math.max(clip.left, left);
        clip.right = Math.min(clip.right, left + el.clientWidth);
      }
      if (style.overflowY !== 'visible') {
        clip.top = Math.max(clip.top, top);
        clip.bottom = Math.min(clip.bottom, top + el.clientHeight);
      }
    }
    const view = { right, clip };
    views.set(parent, view);
    return view;
  }

  /** The text line boxes and controls' boxes in `root` (a row, a cell): what a pill must not cover. */
  function obstaclesOf(item: Element, range: Range): DOMRect[] {
    const out: DOMRect[] = [];
    const walker = doc.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    // Runs for every new row's badge: a test instead of a trimmed copy, an index loop instead of the
    // rectangle list's iterator (each step of which is a call into the DOM).
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!NOT_BLANK.test(n.nodeValue ?? '')) continue;
      range.selectNodeContents(n);
      const rects = range.getClientRects();
      for (let i = 0, count = rects.length; i < count; i++) out.push(rects[i] as DOMRect);
    }
    for (const control of item.querySelectorAll(CONTROLS)) {
      const r = control.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push(r);
    }
    return out;
  }

  /**
   * What decides a row's free spot besides the row's and anchor's boxes: its elements (tag, class,
   * inline style, hidden), its text, and how they nest. Read without layout (no geometry), so a row
   * the CRM re-rendered unchanged (a refresh, a re-sort back, a virtualized row scrolled back) is
   * recognised at the cost of a walk over its nodes, where measuring its words and controls again
   * costs a rectangle read per text and per control (about 2 ms for 31 rows of a HubSpot list).
   */
  function rowShape(item: Element): string {
    // Sibling pointers with the depth carried down: no tree walker, and no climb to the row for each
    // element's depth (this runs for every new row's badge).
    const shapeOf = (parent: Node, depth: number): string => {
      let shape = '';
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        const type = n.nodeType;
        if (type === 3) {
          shape += `\u0001${n.nodeValue ?? ''}`;
          continue;
        }
        if (type !== 1) continue;
        const el = n as Element;
        // The depth marker keeps <a>x</a><b>y</b> apart from <a>x<b>y</b></a>.
        shape += `\u0002${depth}${el.localName}.${el.getAttribute('class') ?? ''}`;
        const style = el.getAttribute('style');
        if (style) shape += `\u0003${style}`;
        if (el.hasAttribute('hidden')) shape += '\u0004';
        if (el.firstChild) shape += shapeOf(el, depth + 1);
      }
      return shape;
    };
    return shapeOf(item, 0);
  }

  /**
   * The row's column layout: where each of its cells starts and how wide it is. A table lays its
   * columns out from every row's content, so a row elsewhere getting a longer text can widen one
   * column and narrow the next without this row changing size: its words move, and so may its spot.
   */
  function columnsOf(item: Element, row: DOMRect): string {
    let columns = '';
    for (let cell = item.firstElementChild; cell; cell = cell.nextElementSibling) {
      const r = cell.getBoundingClientRect();
      columns += `|${r.left - row.left},${r.top - row.top},${r.width},${r.height}`;
    }
    return columns;
  }

  /**
   * Spots found per list (row parent), keyed by a row's shape and geometry: the rows of one list share
   * their column layout, so a row with the same nodes, the same text and the same boxes (row size,
   * cells' offsets and widths, anchor size and offset in the row, room to the visible right end) lays out the same and gets the
   * same spot, relative to its anchor: the spot it would get measured in full, to the pixel. Any difference (a wider cell, wrapped text, an extra control, a
   * class) misses, and the row is measured in full. Bounded: a long scroll through a big list starts
   * a new map rather than growing one without end.
   */
  const layouts = new WeakMap<Element, Map<string, RowFit>>();
  const MAX_LAYOUTS = 400;

  /**
   * The widest form of a row's pill (pill-fit.ts) that has a spot clear of the row's words and
   * controls (rowSpot), and that spot. On a board card (not a table row), the widest form with a
   * place on the card clear of its words and controls (card-spot.ts cardSpot), else the tier alone
   * where it covers the least of them (cardFallback): a card always gets a spot.
   */
  function spotFor(
    item: Element,
    anchor: Element,
    box: DOMRect,
    fresh: boolean,
    forms: readonly PillForm[],
    widths: string,
  ): RowFit | null {
    if (!lineRange) return null;
    const card = !item.matches(ROW_LIKE);
    const row = item.getBoundingClientRect();
    const iw = row.width;
    const ih = row.height;
    const known = fresh ? undefined : spots.get(anchor);
    const shifted = (fit: RowFit, dx: number, dy: number): RowFit =>
      fit.spot
        ? { spot: { ...fit.spot, left: fit.spot.left + dx, top: fit.spot.top + dy }, form: fit.form }
        : fit;
    // The room to the visible right end is part of it: a narrower window can leave a spot no room.
    const limit = viewOf(item).right;
    if (
      known &&
      known.w === box.width &&
      known.h === box.height &&
      known.iw === iw &&
      known.ih === ih &&
      known.widths === widths &&
      known.limit === limit
    )
      return shifted(known.at, box.left, box.top);
    const parent = item.parentElement;
    let list = parent ? layouts.get(parent) : undefined;
    if (parent && !list) {
      list = new Map();
      layouts.set(parent, list);
    }
    // The anchor's sub-pixel offset is part of the key: rowSpot rounds a spot's top on the page, so
    // rows at 30.5 and 57 px would round their spots differently relative to their anchors.
    const key = list
      ? `${widths},${iw},${row.height},${box.left - row.left},${box.top - row.top},${box.width},${box.height},` +
        `${limit - box.left},${box.left - Math.floor(box.left)},${box.top - Math.floor(box.top)}` +
        `${columnsOf(item, row)}${rowShape(item)}`
      : '';
    let at = list?.get(key);
    if (at === undefined) {
      // The row is measured once. rowSpot tries the anchor's right end first, looking only at what lies
      // over the anchor, so the row's obstacles give the spot the anchor's alone would; measuring the
      // anchor first and the row after saved nothing on real lists, where names seldom leave their
      // cell 96 px (1 row in 31 on the HubSpot fixture at 1280 px), and cost a second pass of reads.
      const obstacles = obstaclesOf(item, lineRange);
      // The whole pill where the row has room for it; else the widest form that has room somewhere
      // (pill-fit.ts), never a pill cut to a box narrower than it, over the row's words or past the
      // window's edge.
      // A card's pill may go anywhere on the card, on any of its lines or at its edges; it needs only
      // its own width there (a narrow card's tier fits a gap narrower than PILL_ROOM).
      const chosen = card
        ? choosePill(forms, (width) => cardSpot(row, sizeOf(width), obstacles, limit, width))
        : choosePill(forms, (width) => rowSpot(box, sizeOf(width), obstacles, limit, needOf(width)));
      const tier = forms[chosen.index] as PillForm;
      const spot =
        chosen.at ?? (card ? cardFallback(row, sizeOf(tier.width), obstacles, limit, tier.width) : null);
      // Kept relative to the anchor: a scrolled row moves its spot with it.
      at = shifted({ spot, form: chosen.index }, -box.left, -box.top);
      if (list) {
        if (list.size >= MAX_LAYOUTS) list.clear();
        list.set(key, at);
      }
    }
    spots.set(anchor, { w: box.width, h: box.height, iw, ih, widths, limit, at });
    return shifted(at, box.left, box.top);
  }

  function create(): Host {
    const host = doc.createElement(BADGE_TAG);
    // Closed: page scripts cannot read a badge's numbers through `host.shadowRoot` (issue 15, finding 5).
    const shadow = host.attachShadow({ mode: 'closed' });
    applyTheme(host, theme);
    adoptBadgeStyles(shadow);
    const mount = doc.createElement('span');
    mount.className = 'pc-root';
    shadow.append(mount);
    // Hidden until placed: a badge never flashes at the layer's corner.
    setHidden(host, true);
    ensureLayer().append(host);
    return { host, mount, key: '', placed: null, visible: true };
  }

  const takeFrom = (list: Host[], i: number) => (i >= 0 ? list.splice(i, 1)[0] : undefined);

  /**
   * The host for a row's badge at `placed`: the leaving one that shows this badge there already, else
   * one that shows this badge, a spare that does, any leaving one, any spare, a new one.
   */
  function hostFor(key: string, placed: BadgePlacement): Host {
    const leavingHost =
      takeFrom(
        leaving,
        leaving.findIndex((b) => b.key === key && samePlace(b.placed, placed)),
      ) ??
      takeFrom(
        leaving,
        leaving.findIndex((b) => b.key === key),
      );
    if (leavingHost) return leavingHost;
    const spareHost =
      takeFrom(
        spare,
        spare.findLastIndex((b) => b.key === key),
      ) ??
      takeFrom(leaving, leaving.length - 1) ??
      takeFrom(spare, spare.length - 1);
    spareHost?.host.removeAttribute(SPARE_ATTR);
    return spareHost ?? create();
  }

  function dropSlot(item: Element, slot: Slot): void {
    slots.delete(item);
    if (slot.badge) retire(slot.badge);
  }

  return {
    setTheme(next) {
      theme = next;
      if (layer) for (const host of layer.children) applyTheme(host, next);
    },
    render(item, anchor, view) {
      const key = viewKey(view);
      const slot = slots.get(item);
      if (!slot) {
        slots.set(item, { anchor, view, key, badge: null, due: true });
        return;
      }
      if (slot.anchor !== anchor) {
        slot.anchor = anchor;
        slot.due = true;
      }
      if (slot.key !== key) {
        slot.view = view;
        slot.key = key;
        slot.due = true;
      }
    },
    forget(item) {
      const slot = slots.get(item);
      if (!slot) return;
      slots.delete(item);
      if (!slot.badge) return;
      leaving.push(slot.badge);
    },
    place(moved = true, settled = true) {
      lineRange ??= doc.createRange();
      views = new Map();
      if (slots.size > 0) {
        const origin = ensureLayer().getBoundingClientRect();
        const moves: [Slot, BadgeView, BadgePlacement, boolean, BadgeSize][] = [];
        for (const [item, slot] of [...slots]) {
          if (!moved && !slot.due) continue;
          if (!slot.anchor.isConnected || !item.isConnected) {
            dropSlot(item, slot);
            continue;
          }
          const box = slot.anchor.getBoundingClientRect();
          const { forms, widths } = formsOf(slot.view);
          const fit = spotFor(item, slot.anchor, box, slot.due, forms, widths);
          const spot = fit?.spot ?? null;
          // A spot came with its form (a card always has one); a row with no spot for any form gets
          // the widest form that fits its own box.
          const form =
            spot && fit ? (forms[fit.form] as PillForm) : fitInItem(item, box, forms, BADGE_SIZE.width);
          const size = sizeOf(form.width);
          // A spot found along the row decides alone (placeBadge): the anchor's lines are not read.
          const lines = spot ? null : linesOf(item, slot.anchor, box);
          moves.push([
            slot,
            form.view,
            placeBadge(box, origin, size, lines, spot),
            halfInView(box, viewOf(item).clip),
            size,
          ]);
        }
        for (const [slot, drawn, placed, visible, size] of moves) {
          // The host shows the form drawn: a row whose room changed redraws its pill with more or fewer parts.
          const drawnKey = drawn === slot.view ? slot.key : formKey(drawn);
          const badge = slot.badge ?? hostFor(drawnKey, placed);
          slot.badge = badge;
          slot.due = false;
          if (badge.key !== drawnKey) {
            badge.key = drawnKey;
            paintLeadBadge(badge.mount, drawn);
          }
          badge.visible = visible;
          const width = size === BADGE_SIZE ? '' : `${size.width}px`;
          if (badge.host.style.width !== width) badge.host.style.width = width;
          if (placed.shown && (badge.placed?.start ?? false) !== (placed.start ?? false))
            badge.host.toggleAttribute('data-start', placed.start === true);
          if (placed.shown && !samePlace(badge.placed, placed))
            badge.host.style.transform = `translate(${placed.x}px,${placed.y}px)`;
          badge.placed = placed;
          applyShown(badge);
        }
      }
      if (settled) {
        for (const badge of leaving) retire(badge);
        leaving = [];
      }
    },
    attach() {
      ensureLayer();
    },
    clear() {
      for (const slot of slots.values()) if (slot.badge) retire(slot.badge);
      for (const badge of leaving) retire(badge);
      slots.clear();
      leaving = [];
      // The spare hosts live in the layer and leave with it.
      spare.length = 0;
      layer?.remove();
      layer = null;
    },
  };
}
