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
}

const INSET = 4;

/**
 * At the anchor's right end (the pill is right-aligned in its box), never left of the anchor;
 * vertically centred on the anchor.
 */
export function placeBadge(
  anchor: Box,
  layer: { left: number; top: number },
  size: BadgeSize,
): BadgePlacement {
  const width = anchor.right - anchor.left;
  const height = anchor.bottom - anchor.top;
  if (width <= 0 || height <= 0) return { x: 0, y: 0, shown: false };
  const left = Math.max(anchor.left + INSET, anchor.right - INSET - size.width);
  const top = anchor.top + (height - size.height) / 2;
  return { x: Math.round(left - layer.left), y: Math.round(top - layer.top), shown: true };
}
