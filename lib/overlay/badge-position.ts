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

const INSET = 4;

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
): BadgePlacement {
  const width = anchor.right - anchor.left;
  const height = anchor.bottom - anchor.top;
  if (width <= 0 || height <= 0) return { x: 0, y: 0, shown: false };
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
