/**
 * Where the "map this page" picker sits: in one of the viewport's four corners. It starts in the
 * corner that covers the least of the page (or in the one the user chose on this site before), and
 * moves to another corner when the element it outlines — or the row already chosen — would lie under
 * it. The rules are pure here; components/overlay/picker.tsx measures and applies them, and
 * docs/crm-pointing.md states them.
 */

export const CORNERS = ['top-right', 'bottom-right', 'top-left', 'bottom-left'] as const;
export type Corner = (typeof CORNERS)[number];

/** The picker's distance from the viewport's edges. */
export const PICKER_MARGIN = 12;

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The picker's box in `corner`: its own size, never larger than the viewport inside the margins. */
export function cornerRect(corner: Corner, viewport: Size, size: Size): Rect {
  const width = Math.max(0, Math.min(size.width, viewport.width - 2 * PICKER_MARGIN));
  const height = Math.max(0, Math.min(size.height, viewport.height - 2 * PICKER_MARGIN));
  return {
    left: corner.endsWith('left') ? PICKER_MARGIN : viewport.width - PICKER_MARGIN - width,
    top: corner.startsWith('top') ? PICKER_MARGIN : viewport.height - PICKER_MARGIN - height,
    width,
    height,
  };
}

/** The area two boxes share (0 when they only touch). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

export interface PlaceInput {
  viewport: Size;
  size: Size;
  current: Corner;
  /**
   * What must stay visible, most important first: the outlined element's box, then the words and
   * controls of the chosen row (`contentBoxes`). An entry may be null (nothing outlined).
   */
  avoid: readonly (Rect | readonly Rect[] | null)[];
  /** How much of the page's content the picker would cover in a corner (lower is better). */
  cost?: (corner: Corner) => number;
}

/**
 * The picker's corner. It stays where it is while it covers nothing in `avoid`, or when no corner
 * covers less of it. Otherwise it goes to the corner that covers the least of the first entry, then
 * of the next; among those, the one covering the least of the page's content (`cost`), then the
 * nearest (up or down before across), then the first in CORNERS' order.
 */
export function placePicker({ viewport, size, current, avoid, cost }: PlaceInput): Corner {
  const covers = (corner: Corner): number[] => {
    const rect = cornerRect(corner, viewport, size);
    return avoid.map((entry) =>
      entry === null
        ? 0
        : Array.isArray(entry)
          ? entry.reduce((sum: number, b: Rect) => sum + overlapArea(rect, b), 0)
          : overlapArea(rect, entry as Rect),
    );
  };
  const here = covers(current);
  if (here.every((a) => a === 0)) return current;
  const distance = (c: Corner) =>
    (c.startsWith('top') === current.startsWith('top') ? 0 : 1) +
    (c.endsWith('left') === current.endsWith('left') ? 0 : 2);
  const scored = CORNERS.map((corner) => ({
    corner,
    key: [...covers(corner), cost?.(corner) ?? 0, distance(corner)],
  }));
  const compare = (a: readonly number[], b: readonly number[], upTo = a.length) => {
    for (let i = 0; i < upTo; i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  scored.sort((a, b) => compare(a.key, b.key) || CORNERS.indexOf(a.corner) - CORNERS.indexOf(b.corner));
  const best = scored[0];
  // Moving only helps if the new corner covers less of what must stay visible.
  return best && compare(best.key, here, avoid.length) < 0 ? best.corner : current;
}

/** The first corner: the one the user chose on this site, else the one covering the least content. */
export function firstCorner(cost: (corner: Corner) => number, remembered?: Corner): Corner {
  if (remembered) return remembered;
  let best: Corner = CORNERS[0];
  for (const corner of CORNERS) if (cost(corner) < cost(best)) best = corner;
  return best;
}

/** The corner whose quarter of the viewport holds `point`: where a dragged picker is dropped. */
export function cornerAt(point: { x: number; y: number }, viewport: Size): Corner {
  const top = point.y < viewport.height / 2;
  const left = point.x < viewport.width / 2;
  return `${top ? 'top' : 'bottom'}-${left ? 'left' : 'right'}`;
}

/** The corner an arrow key moves the picker to (other keys: none). */
export function cornerToward(current: Corner, key: string): Corner | null {
  const [vertical, horizontal] = current.split('-') as ['top' | 'bottom', 'left' | 'right'];
  const moves: Record<string, () => Corner> = {
    ArrowUp: () => `top-${horizontal}`,
    ArrowDown: () => `bottom-${horizontal}`,
    ArrowLeft: () => `${vertical}-left`,
    ArrowRight: () => `${vertical}-right`,
  };
  return moves[key]?.() ?? null;
}

/**
 * How much of the page's content lies in `rect`, sampled on a grid of points: at each, the topmost
 * element that is not `own` (the picker's host) counts 3 if it is another of Pacer's panels, 2 if it
 * shows text or is a control or a picture, 1 for any other box of the page, 0 for the bare page.
 */
export function contentCost(doc: Document, rect: Rect, own: Element, columns = 6, rows = 6): number {
  if (typeof doc.elementsFromPoint !== 'function') return 0;
  let cost = 0;
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < rows; j++) {
      const x = rect.left + ((i + 0.5) * rect.width) / columns;
      const y = rect.top + ((j + 0.5) * rect.height) / rows;
      const hit = doc.elementsFromPoint(x, y).find((el) => el !== own);
      cost += hit ? weightOf(hit) : 0;
    }
  }
  return cost;
}

const SHOWN = 'a, button, input, select, textarea, img, svg, canvas, video, picture, label';

/** An element that shows words of its own (a text node with letters), or a control or a picture. */
function showsContent(el: Element): boolean {
  if (el.matches(SHOWN)) return true;
  for (const node of Array.from(el.childNodes))
    if (node.nodeType === 3 && (node.textContent ?? '').trim() !== '') return true;
  return false;
}

/**
 * The boxes of what a row or card shows — its words, controls and pictures, at most `max` of them —
 * rather than its whole box: a row as wide as the page leaves the picker room beside its words.
 */
export function contentBoxes(el: Element | null, max = 200): Rect[] {
  if (!el?.isConnected) return [];
  const boxes: Rect[] = [];
  for (const node of [el, ...Array.from(el.querySelectorAll('*'))]) {
    if (boxes.length >= max) break;
    if (!showsContent(node)) continue;
    const r = node.getBoundingClientRect();
    if (r.width > 0 && r.height > 0)
      boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return boxes;
}

function weightOf(el: Element): number {
  if (el.localName.startsWith('pacer-')) return 3;
  if (el === el.ownerDocument.body || el === el.ownerDocument.documentElement) return 0;
  return showsContent(el) || el.closest(SHOWN) ? 2 : 1;
}
