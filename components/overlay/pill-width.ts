/**
 * How wide a lead badge's pill is, from its words, without laying anything out: a canvas measures
 * the text in the pill's font (widgets.css `.pc-badge`), and the pill's padding, border, gaps and the
 * tier's own padding are added. The badge layer asks for the room a pill needs before it is drawn:
 * with a fixed 96 px the Vietnamese "USD: chưa có tỷ giá" (119 px) was put in a gap of 102 px and lay
 * over HubSpot's "Preview" button. No canvas (a test DOM, a page that blocks it): 7 px a character,
 * wider than the font's average.
 */
import type { BadgeView } from '../../lib/overlay/badge-format';

/** `.pc-badge`: `font: 600 11px / 1.4 var(--pc-font)`, --pc-font as in components/shared/theme.css. */
const FONT = '600 11px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
/** Border 1 + padding 6, each side. */
const PILL_EDGES = 14;
/** `.pc-badge` gap between parts. */
const GAP = 4;
/** `.pc-tier` padding, each side. */
const TIER_PADDING = 8;
/** Sub-pixel text widths and a font that differs slightly from the one measured. */
const SLACK = 2;
const FALLBACK_PER_CHAR = 7;

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

function textWidth(doc: Document, text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) {
    try {
      context = doc.createElement('canvas').getContext('2d');
      if (context) context.font = FONT;
    } catch {
      context = null;
    }
  }
  const measured = context?.measureText(text).width;
  const width =
    typeof measured === 'number' && Number.isFinite(measured) && measured > 0
      ? measured
      : text.length * FALLBACK_PER_CHAR;
  if (widths.size >= 500) widths.clear();
  widths.set(text, width);
  return width;
}

/** The pill's width in CSS pixels, rounded up: the parts in sight (not `dropped`, visually hidden). */
export function pillWidth(doc: Document, view: BadgeView): number {
  const shown = (['tier', 'share', 'days'] as const).filter((p) => view[p] && !view.dropped?.includes(p));
  const parts = shown.map((p) => view[p] as string);
  if (parts.length === 0) return 0;
  let width = PILL_EDGES + GAP * (parts.length - 1) + SLACK;
  if (shown.includes('tier')) width += TIER_PADDING;
  for (const part of parts) width += textWidth(doc, part);
  return Math.ceil(width);
}
