/**
 * Where a lead badge goes in Pacer's badge layer (components/overlay/badge-layer.ts), from rectangles
 * read in one pass. The layer sits outside the CRM's table, so drawing a badge never re-lays out a
 * 2,000-row table; the price is that the badge has to be placed over its anchor by hand. Pure.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether two boxes overlap (touching edges do not). */
export function boxesMeet(a: Box, b: Box): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

export interface BadgeSize {
  width: number;
  height: number;
}

export interface BadgePlacement {
  /** Offset from the layer's origin, in CSS pixels. */
  x: number;
  y: number;
  /** False when the anchor has no box (hidden, detached): the badge is hidden, not moved. */
  shown: boolean;
  /**
   * The pill starts at the left of its box (after a narrow anchor, such as a link as wide as its
   * text) instead of ending at its right.
   */
  start?: boolean;
}

/** Space kept between a pill and its anchor's edge or a neighbour. */
export const INSET = 4;

/** Room a pill needs beside the last line of a wrapped title (a tier, a share and days in stage). */
export const PILL_ROOM = 96;

/**
 * At the anchor's right end (the pill is right-aligned in its box), never left of the anchor;
 * vertically centred on the anchor. `lines` are the first and last line boxes of the anchor's text:
 * when the last line leaves the pill no room at the right end (a card title wrapped over two lines,
 * or one that fills its card), the pill goes on that line if it fits, else just below it, so it
 * never covers a word. `stacked` is false for an anchor in a table row, where below is the next
 * row's text: there the pill keeps to the right end.
 */
export function placeBadge(
  anchor: Box,
  layer: { left: number; top: number },
  size: BadgeSize,
  lines?: { first: Box; last: Box; stacked: boolean } | null,
  /** A free spot found along the anchor's row (rowSpot). */
  spot?: Spot | null,
): BadgePlacement {
  const width = anchor.right - anchor.left;
  const height = anchor.bottom - anchor.top;
  if (width <= 0 || height <= 0) return { x: 0, y: 0, shown: false };
  if (spot) {
    const x = Math.round(spot.left - layer.left);
    const y = Math.round(spot.top - layer.top);
    return spot.start ? { x, y, shown: true, start: true } : { x, y, shown: true };
  }
  // An anchor narrower than the badge's box is as wide as its text (an inline link): the pill goes
  // right after it, where right-aligned in the box it would cover the text's end.
  if (width < size.width) {
    const top = anchor.top + (height - size.height) / 2;
    return {
      x: Math.round(anchor.right + INSET - layer.left),
      y: Math.round(top - layer.top),
      shown: true,
      start: true,
    };
  }
  const left = Math.max(anchor.left + INSET, anchor.right - INSET - size.width);
  let top = anchor.top + (height - size.height) / 2;
  if (lines) {
    const { first, last } = lines;
    const wrapped = last.top >= first.bottom - 1;
    const room = anchor.right - last.right >= PILL_ROOM;
    if (room && wrapped) top = last.top + (last.bottom - last.top - size.height) / 2;
    else if (!room && lines.stacked) top = last.bottom + BELOW_GAP;
  }
  return { x: Math.round(left - layer.left), y: Math.round(top - layer.top), shown: true };
}

/** Space between a title's last line and a pill put below it (the pill is a little taller than its box). */
const BELOW_GAP = 4;

/** A free place for a pill found by rowSpot, in viewport coordinates. */
export interface Spot {
  left: number;
  top: number;
  /** The pill starts at `left` (a gap after the content) rather than ending at the anchor's right. */
  start: boolean;
}

/**
 * Where a pill can go in a table row without covering a word or a control. `obstacles` are the row's
 * text line boxes and controls (buttons, inputs, icons), `limit` the right end of what is shown (the
 * viewport, a scroll box). Tried in order, on the anchor's middle first and then on each of its lines
 * (a name cell wrapped over the name and its "Preview" button has room beside the button): the
 * anchor's right end; then the first gap after the anchor's content wide enough for a pill, between
 * later cells or past the row's last words. Null when the row has no room anywhere: the usual
 * placement stands. `need` is the pill's own width (the badge layer measures it, pill-width.ts), at
 * least PILL_ROOM: a fixed 96 px put a 119 px Vietnamese pill over HubSpot's Preview button.
 */
export function rowSpot(
  anchor: Box,
  size: BadgeSize,
  obstacles: readonly Box[],
  limit: number,
  need = PILL_ROOM,
): Spot | null {
  const centred = (mid: number) => Math.round(mid - size.height / 2);
  const tops = [centred((anchor.top + anchor.bottom) / 2)];
  const lines = obstacles.filter((o) => boxesMeet(o, anchor)).sort((a, b) => b.bottom - a.bottom);
  for (const o of lines) {
    const top = centred((o.top + o.bottom) / 2);
    if (!tops.some((t) => Math.abs(t - top) < 2)) tops.push(top);
  }
  const bandOf = (top: number) =>
    obstacles
      .filter((o) => o.top < top + size.height - 1 && o.bottom > top + 1 && o.right > o.left)
      .sort((a, b) => a.left - b.left);
  const contentEnd = (band: readonly Box[]) =>
    band.reduce(
      (end, o) => (o.left < anchor.right && o.right > anchor.left ? Math.max(end, o.right) : end),
      anchor.left,
    );

  for (const top of tops) {
    if (anchor.right - INSET - (contentEnd(bandOf(top)) + INSET) >= need)
      return { left: anchor.right - INSET - size.width, top, start: false };
  }
  for (const top of tops) {
    const band = bandOf(top);
    let cursor = contentEnd(band) + INSET;
    for (const o of band) {
      if (o.right <= cursor) continue;
      if (o.left - INSET - cursor >= need) return { left: cursor, top, start: true };
      cursor = Math.max(cursor, o.right + INSET);
    }
    if (limit - INSET - cursor >= need) return { left: cursor, top, start: true };
  }
  return null;
}
