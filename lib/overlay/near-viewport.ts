/**
 * Which CRM items are near the viewport, found from their rectangles when the scanner asks (once a
 * frame at most, after the page changed or scrolled): badges are drawn only for rows the user can see
 * or is about to scroll to, which keeps a 2,000-row table's first pass and each re-render small.
 *
 * Not an IntersectionObserver: one observing every row of a 2,000-row table spent 10–25 ms of each
 * frame computing intersections here, and answered a frame late. Rows of one container are in reading
 * order, so a binary search over the container's children finds the first near row in about eleven
 * rectangle reads, and a walk collects the few after it. Rectangles are read in the frame's animation
 * callback, where the page is laid out once for the frame anyway. Small containers (a board column,
 * a record root) are simply read in full.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface NearViewport {
  observe(el: Element): void;
  unobserve(el: Element): void;
  isNear(el: Element): boolean;
  /** Finds the observed items near the viewport now; returns the ones that were not near before. */
  check(): Element[];
  disconnect(): void;
}

/** Containers with more children than this are binary-searched. */
const SEARCH_FROM = 16;

const isEmpty = (box: Box) => box.bottom - box.top <= 0 && box.right - box.left <= 0;

/** Whether a (non-empty) box lies in `band`, edges included. */
const meets = (box: Box, band: Box) =>
  !isEmpty(box) &&
  box.bottom >= band.top &&
  box.top <= band.bottom &&
  box.right >= band.left &&
  box.left <= band.right;

/**
 * Indices of `count` boxes in reading order (tops never decreasing, empty boxes anywhere) that meet
 * `band`: binary search for the first one whose bottom reaches the band, then a walk while tops are in
 * it. `boxAt` is read lazily, about log2(count) + the near ones times. Pure.
 */
export function nearIndices(count: number, boxAt: (i: number) => Box, band: Box): number[] {
  if (count <= SEARCH_FROM) return range(0, count).filter((i) => meets(boxAt(i), band));
  // The first non-empty box at or after i (empty ones — display:none rows — have no place in the order).
  const solid = (i: number): [number, Box] | null => {
    for (let j = i; j < count; j++) {
      const box = boxAt(j);
      if (!isEmpty(box)) return [j, box];
    }
    return null;
  };
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const found = solid(mid);
    if (!found) hi = mid;
    else if (found[1].bottom < band.top) lo = found[0] + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < count; i++) {
    const box = boxAt(i);
    if (isEmpty(box)) continue;
    if (box.top > band.bottom) break;
    if (meets(box, band)) out.push(i);
  }
  return out;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * `margin` widens the viewport at the top and bottom, in CSS pixels: the row or so beyond each edge
 * is read and badged just before it shows. Rows that scroll in are read in the animation
 * callback of the very frame that shows them, so a wider margin buys little, while every row more in
 * it is read and drawn again on each re-render of the CRM's table, whose budget is 8 ms per 50 rows
 * (issue 6).
 */
export function createNearViewport(win: Window, margin = 32): NearViewport {
  /** Observed items by their container (a re-rendered row replaces its sibling in the same one). */
  const groups = new Map<Element, Set<Element>>();
  const parentOf = new Map<Element, Element>();
  let near = new Set<Element>();

  function checkGroup(parent: Element, items: Set<Element>, band: Box, found: Set<Element>): void {
    if (items.size <= SEARCH_FROM) {
      for (const item of items)
        if (item.parentElement === parent && meets(item.getBoundingClientRect(), band)) found.add(item);
      return;
    }
    const children = parent.children;
    const boxes = new Map<number, Box>();
    const boxAt = (i: number) => {
      let box = boxes.get(i);
      if (!box) {
        box = (children[i] as Element).getBoundingClientRect();
        boxes.set(i, box);
      }
      return box;
    };
    // Reading order is checked on the ends: a container whose children are laid out in some other
    // order (a CSS grid placed by hand, reversed flex) is read in full.
    const first = boxAt(0);
    const last = boxAt(children.length - 1);
    const ordered = isEmpty(first) || isEmpty(last) || first.top <= last.top;
    const indices = ordered
      ? nearIndices(children.length, boxAt, band)
      : range(0, children.length).filter((i) => meets(boxAt(i), band));
    for (const i of indices) {
      const child = children[i] as Element;
      if (items.has(child)) found.add(child);
    }
  }

  function forget(el: Element): void {
    const parent = parentOf.get(el);
    parentOf.delete(el);
    near.delete(el);
    if (!parent) return;
    const items = groups.get(parent);
    items?.delete(el);
    if (items?.size === 0) groups.delete(parent);
  }

  /** Files `el` under its container; again after the page moved it (a card dragged to another column). */
  function observe(el: Element): void {
    const parent = el.parentElement;
    const filed = parentOf.get(el);
    if (filed === parent) return;
    if (filed) forget(el);
    if (!parent) return;
    parentOf.set(el, parent);
    const items = groups.get(parent) ?? new Set<Element>();
    items.add(el);
    groups.set(parent, items);
  }

  return {
    observe,
    unobserve: forget,
    isNear: (el) => near.has(el),
    check() {
      const band: Box = { top: -margin, bottom: win.innerHeight + margin, left: 0, right: win.innerWidth };
      const found = new Set<Element>();
      for (const [parent, items] of groups) {
        // A container the page threw away takes its items with it. Items removed or moved one by one
        // are let go or filed again by the scanner, which sees them in its mutation batches; one it
        // did not see is simply never found in its old container's children.
        if (!parent.isConnected) {
          for (const item of items) parentOf.delete(item);
          groups.delete(parent);
        } else checkGroup(parent, items, band, found);
      }
      const entered = [...found].filter((el) => !near.has(el));
      near = found;
      return entered;
    },
    disconnect() {
      groups.clear();
      parentOf.clear();
      near.clear();
    },
  };
}
